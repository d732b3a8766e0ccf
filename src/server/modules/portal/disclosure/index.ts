import type { AppContext, ModulePlugin } from '../../../platform/module.js';
import type { JobHandler } from '../../../platform/jobs/index.js';

/** Government information disclosure (政府信息公开): catalogue, requests, annual reports. */
export const disclosureApi: ModulePlugin = async () => {};
export const disclosurePages: ModulePlugin = async () => {};

export function disclosureJobs(_ctx: AppContext): Record<string, JobHandler> {
  return {};
}
