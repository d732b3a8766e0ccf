import type { ModulePlugin } from '../../../platform/module.js';

/** The public pages of every site of the group: routing by host and path, templates, cache. */
export const sitePages: ModulePlugin = async () => {};
