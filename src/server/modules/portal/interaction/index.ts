import type { AppContext, ModulePlugin } from '../../../platform/module.js';
import type { JobHandler } from '../../../platform/jobs/index.js';

/** Interaction (互动交流): leader mailbox, consultation, surveys and calls for opinions. */
export const interactionApi: ModulePlugin = async () => {};
export const interactionPages: ModulePlugin = async () => {};

export function interactionJobs(_ctx: AppContext): Record<string, JobHandler> {
  return {};
}
