import type { AppContext } from '../../platform/module.js';
import { createOrgService } from '../orgs/index.js';
import type { PublicServiceItem, ServiceDirectory } from '../portal/index.js';
import { itemRepository as repo } from './item.repository.js';
import { guideOf } from './item.service.js';

/** What the portal reads of the catalogue: every published item with its organisation's name and path. */
export function createServiceDirectory(ctx: Pick<AppContext, 'db' | 'clock'>): ServiceDirectory {
  const orgs = createOrgService(ctx);
  return {
    async published(): Promise<PublicServiceItem[]> {
      const rows = await repo.published(ctx.db);
      const orgById = new Map((await orgs.withPaths(rows.map((r) => r.org_id))).map((o) => [o.id, o]));
      const codeById = new Map(rows.map((r) => [r.id, r.code]));
      const parentIds = rows.filter((r) => r.parent_id && !codeById.has(r.parent_id)).map((r) => r.parent_id!);
      for (const parent of await repo.names(ctx.db, parentIds)) codeById.set(parent.id, '');
      return rows.flatMap((row) => {
        const org = orgById.get(row.org_id);
        if (!org) return [];
        return [
          {
            ...guideOf(row),
            id: row.id,
            orgId: row.org_id,
            orgPath: org.path,
            implementingOrg: org.nameZh,
            parentCode: (row.parent_id && codeById.get(row.parent_id)) || null,
            publishedAt: new Date(row.published_at ?? row.updated_at).toISOString(),
            updatedAt: new Date(row.updated_at).toISOString(),
          },
        ];
      });
    },
  };
}
