import { readFile } from 'node:fs/promises';
import type { AppContext, PlatformModule } from '../../platform/module.js';
import { parseOrgCsv } from './org.import.js';
import { orgRoutes } from './org.routes.js';
import { createOrgService } from './org.service.js';

export { createOrgService, type OrgService } from './org.service.js';
export { onOrgsRenamed, type OrgRenameListener, type RenamedOrg } from './org-renames.js';
export { parseOrgCsv, importColumns, type ImportProblem } from './org.import.js';
export type { Org, OrgDetail, OrgDetailData, OrgTreeNode } from './org.schema.js';
export { isGeneralOffice } from './org.kinds.js';
export { orgPolicy, orgRegistryPolicy, type OrgScope } from './org.policy.js';

/** The Hinggan League seed: the region, the league, its bodies, departments and divisions. */
export const hingganSeedFile = new URL('./seed/hinggan.csv', import.meta.url);

/** Loads the Hinggan League seed unless organisations already exist. */
export async function seedOrgs(ctx: Pick<AppContext, 'db' | 'clock'>): Promise<string[]> {
  const orgs = createOrgService(ctx);
  if ((await orgs.count()) > 0) return [];
  const { rows, problems } = parseOrgCsv(await readFile(hingganSeedFile, 'utf8'));
  if (problems.length) {
    throw new Error(`seed/hinggan.csv: ${problems.map((p) => `第 ${p.line} 行 ${p.message}`).join('; ')}`);
  }
  const { created } = await orgs.importRows(rows);
  return [`组织机构：${created} 个（兴安盟）`];
}

export const orgsModule: PlatformModule = {
  name: 'orgs',
  api: async (app, { ctx }) => {
    await app.register(orgRoutes, {
      orgs: createOrgService(ctx),
      uploadLimitBytes: ctx.config.uploadLimitMb * 1024 * 1024,
      audit: ctx.audit,
    });
  },
  nav: [{ key: 'orgs', label: '组织机构', icon: 'ApartmentOutlined', order: 90 }],
  seed: async (ctx) => ({ lines: await seedOrgs(ctx) }),
};
