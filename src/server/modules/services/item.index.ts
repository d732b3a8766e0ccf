import type { Trx } from '../../db/database.js';
import { toBusinessDate } from '../../platform/calendar/index.js';
import type { AppContext } from '../../platform/module.js';
import { searchOfDialect } from '../../platform/search/index.js';
import { onlineDepths, serviceItemKinds, type ServiceGuide } from '../../../shared/services.js';
import { PORTAL_SEARCH_SCOPE, PUBLIC_TAG, portalEvents, portalSearchKey, serviceItemPath, serviceSitesOf } from '../portal/index.js';
import type { OrgRenameListener } from '../orgs/index.js';
import { itemRepository } from './item.repository.js';
import type { ServiceItemRow } from './services.table.js';

/** The guide stored in a row. */
export function guideOf(row: ServiceItemRow): ServiceGuide {
  return {
    name: row.name,
    code: row.code,
    kind: row.kind,
    level: row.level,
    handlingKind: row.handling_kind,
    competentDept: row.competent_dept,
    basis: row.basis,
    conditions: row.conditions,
    materials: JSON.parse(row.materials) as ServiceGuide['materials'],
    steps: JSON.parse(row.steps) as ServiceGuide['steps'],
    legalDays: row.legal_days === null ? null : Number(row.legal_days),
    promisedDays: row.promised_days === null ? null : Number(row.promised_days),
    handlingType: row.handling_type,
    fee: row.fee,
    place: row.place,
    phone: row.phone,
    complaintPhone: row.complaint_phone,
    audiences: JSON.parse(row.audiences) as ServiceGuide['audiences'],
    onlineDepth: row.online_depth,
  };
}

/**
 * Re-indexes (published) or removes (otherwise) the item in the portal search, in the caller's
 * transaction. It is tagged with every site that shows it (so each site's own search finds it) and
 * links to the guide on its home site; its date is the business date (Asia/Shanghai) of publication.
 */
export async function syncItemSearch(trx: Trx, row: ServiceItemRow, orgName: string, orgPath: string): Promise<void> {
  const search = searchOfDialect(trx);
  const key = portalSearchKey('service', row.id);
  if (row.status !== 'published') {
    await search.remove(trx, PORTAL_SEARCH_SCOPE, key);
    return;
  }
  const guide = guideOf(row);
  const { home, all } = await serviceSitesOf(trx, orgPath);
  await search.index(trx, {
    scope: PORTAL_SEARCH_SCOPE,
    key,
    title: guide.name,
    body: [
      guide.code,
      orgName,
      guide.competentDept,
      serviceItemKinds[guide.kind],
      onlineDepths[guide.onlineDepth],
      guide.conditions,
      guide.materials.map((m) => m.name).join('；'),
      guide.steps.map((s) => s.name).join('；'),
      guide.place,
    ].join('\n'),
    fields: {
      type: 'service',
      date: toBusinessDate(new Date(row.published_at ?? row.updated_at)),
      lang: 'zh-CN',
      kind: guide.kind,
      ...(home ? { site: all.map((site) => site.id) } : {}),
    },
    ...(home ? { shown: { url: serviceItemPath(home.pathPrefix, guide.code), siteName: home.nameZh } } : {}),
    visibility: [PUBLIC_TAG],
  });
}

/**
 * After the commit: every site that shows the item drops its cached pages. An item's change reaches
 * the lists (all, 个人, 法人), its parent's and children's guides and the site's search; changes to
 * the catalogue are rare, so the whole site is re-rendered rather than each of those paths.
 */
export async function announceItemChange(ctx: Pick<AppContext, 'db'>, orgPath: string): Promise<void> {
  for (const site of (await serviceSitesOf(ctx.db, orgPath)).all) portalEvents(ctx).siteChanged({ siteId: site.id });
}

/**
 * Organisations renamed (by a registry import): their published items carry the name in their
 * search entries (a search for the new name finds them, the old no longer), re-indexed in the
 * import's transaction; once it has committed, the sites that show them drop their cached pages.
 */
export function followOrgRenames(ctx: Pick<AppContext, 'db'>): OrgRenameListener {
  return {
    async inTransaction(trx, renamed) {
      const byId = new Map(renamed.map((org) => [org.id, org]));
      for (const row of await itemRepository.publishedOf(trx, [...byId.keys()])) {
        const org = byId.get(row.org_id)!;
        await syncItemSearch(trx, row, org.nameZh, org.path);
      }
    },
    async committed(renamed) {
      for (const org of renamed) await announceItemChange(ctx, org.path);
    },
  };
}
