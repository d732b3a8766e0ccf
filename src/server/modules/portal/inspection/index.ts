import type { ModulePlugin } from '../../../platform/module.js';

/** Self-inspection (自查): the national website inspection indicators, computed for every site. */
export const inspectionApi: ModulePlugin = async () => {};
