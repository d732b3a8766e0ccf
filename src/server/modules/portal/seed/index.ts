import type { AppContext, SeedOptions, SeedReport } from '../../../platform/module.js';

/** The demo site group: the main portal, sub-sites, columns, articles, disclosure and interaction content. */
export async function seedPortalDemo(_ctx: AppContext, _options: SeedOptions): Promise<SeedReport | void> {}
