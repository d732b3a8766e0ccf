import type { AppContext } from '../../platform/module.js';
import { createOrgService } from '../orgs/index.js';
import type { PublicServiceItem, ServiceDirectory } from '../portal/index.js';
import { itemRepository as repo } from './item.repository.js';
import { guideOf } from './item.index.js';
import type { ServiceItemRow } from './services.table.js';

/** What the portal reads of the catalogue: published items with their organisation's name and path. */
export function createServiceDirectory(ctx: Pick<AppContext, 'db' | 'clock'>): ServiceDirectory {
  const orgs = createOrgService(ctx);

  async function present(rows: readonly ServiceItemRow[]): Promise<PublicServiceItem[]> {
    const orgById = new Map((await orgs.withPaths(rows.map((r) => r.org_id))).map((o) => [o.id, o]));
    const codeById = new Map(rows.map((r) => [r.id, r.code]));
    const missing = rows.filter((r) => r.parent_id && !codeById.has(r.parent_id)).map((r) => r.parent_id!);
    for (const parent of await repo.codes(ctx.db, missing)) codeById.set(parent.id, parent.code);
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
  }

  return {
    async published() {
      return present(await repo.published(ctx.db));
    },

    async guide(code) {
      const row = await repo.publishedByCode(ctx.db, code);
      if (!row) return undefined;
      const [parent, children] = await Promise.all([row.parent_id ? repo.find(ctx.db, row.parent_id) : undefined, repo.publishedChildren(ctx.db, row.id)]);
      const shown = await present([row, ...(parent?.status === 'published' ? [parent] : []), ...children]);
      const item = shown.find((i) => i.id === row.id);
      if (!item) return undefined;
      return { item, parent: shown.find((i) => i.id === parent?.id), children: shown.filter((i) => i.parentCode === item.code) };
    },
  };
}
