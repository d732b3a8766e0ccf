import type { DbOrTrx } from '../../../db/database.js';
import type { Actor } from '../../../platform/actor.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { newId } from '../../../platform/ids.js';
import { allowedActions, authorize, can } from '../../../platform/policy/index.js';
import type { PortalLanguage } from '../../../../shared/portal.js';
import type { PortalSiteRow, PortalSiteUpdate } from '../portal.table.js';
import { portalEvents } from '../portal-events.js';
import type { Acting, PublishingDeps } from './publishing.deps.js';
import { siteCreationPolicy, sitePolicy, type SiteScope } from './publishing.policy.js';
import { articlePagePath, columnPagePath, siteHomePath } from './public-paths.js';
import type { CreateSiteInput, SiteView, UpdateSiteInput } from './site.schema.js';
import { siteRepository as sites } from './site.repository.js';

const hostPattern = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/;

/** Host names lower-cased, checked and de-duplicated (`portal.host_invalid`). */
export function normaliseHosts(hosts: readonly string[]): string[] {
  const out = [...new Set(hosts.map((h) => h.trim().toLowerCase().replace(/\.$/, '')))];
  const bad = out.filter((h) => !hostPattern.test(h) || /^[\d.]+$/.test(h));
  if (bad.length) throw new AppError('portal.host_invalid', { details: { hosts: bad } });
  return out;
}

const parseJson = <T>(text: string, fallback: T): T => {
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
};

/** A site with what the policies need: its row, its host names and its organisation's path. */
export interface LoadedSite {
  readonly row: PortalSiteRow;
  readonly hosts: string[];
  readonly orgPath: string;
  readonly orgName: string;
}

/** Loads sites with their organisations (paths for the policies, names for the answers). */
export async function loadSites(deps: PublishingDeps, rows: readonly PortalSiteRow[], db: DbOrTrx = deps.db): Promise<LoadedSite[]> {
  const [paths, hosts] = await Promise.all([deps.orgs.pathsOf(rows.map((r) => r.org_id), db), sites.hostsOf(db, rows.map((r) => r.id))]);
  const names = new Map<string, string>();
  for (const orgId of new Set(rows.map((r) => r.org_id))) names.set(orgId, (await deps.orgs.get(orgId, db)).nameZh);
  return rows.map((row) => ({ row, hosts: hosts.get(row.id) ?? [], orgPath: paths.get(row.org_id) ?? '', orgName: names.get(row.org_id) ?? '' }));
}

export async function loadSite(deps: PublishingDeps, id: string, db: DbOrTrx = deps.db): Promise<LoadedSite> {
  const row = await sites.findSite(db, id);
  if (!row) throw new AppError('portal.site_not_found');
  return (await loadSites(deps, [row], db))[0]!;
}

export const siteScope = (site: LoadedSite): SiteScope => ({ orgPath: site.orgPath });

export function presentSite(actor: Actor | null, site: LoadedSite): SiteView {
  const { row } = site;
  return {
    id: row.id,
    code: row.code,
    orgId: row.org_id,
    orgName: site.orgName,
    parentSiteId: row.parent_site_id,
    kind: row.kind,
    nameZh: row.name_zh,
    nameMn: row.name_mn,
    pathPrefix: row.path_prefix,
    hosts: site.hosts,
    siteIdCode: row.site_id_code,
    icpNumber: row.icp_number,
    psbNumber: row.psb_number,
    languages: parseJson<PortalLanguage[]>(row.languages, ['zh-CN']),
    theme: parseJson<{ accent?: string; banner?: string }>(row.theme, {}),
    position: Number(row.position),
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
    actions: allowedActions(actor, sitePolicy, siteScope(site)),
  };
}

/** Sites: made and configured by the 信息化办公室, read by the owning organisation's editors and reviewers. */
export function siteService(deps: PublishingDeps) {
  const { db, clock, audit } = deps;

  async function checkUnique(trx: DbOrTrx, input: { code?: string; pathPrefix?: string | undefined; hosts?: string[] | undefined }, siteId: string | null) {
    if (input.code !== undefined) {
      const taken = await sites.findSiteBy(trx, 'code', input.code);
      if (taken && taken.id !== siteId) throw new AppError('portal.site_code_taken');
    }
    if (input.pathPrefix !== undefined) {
      const taken = await sites.findSiteBy(trx, 'path_prefix', input.pathPrefix);
      if (taken && taken.id !== siteId) throw new AppError('portal.path_prefix_taken');
    }
    if (input.hosts?.length) {
      const taken = await sites.hostsTaken(trx, input.hosts, siteId);
      if (taken.length) throw new AppError('portal.host_taken', { details: { hosts: taken } });
    }
  }

  async function checkParent(trx: DbOrTrx, parentId: string | null, siteId: string | null) {
    if (parentId === null) return;
    let cursor: string | null = parentId;
    for (let depth = 0; cursor; depth += 1) {
      if (cursor === siteId || depth > 20) throw new AppError('portal.parent_site_invalid');
      const parent = await sites.findSite(trx, cursor);
      if (!parent) throw new AppError('portal.parent_site_invalid');
      cursor = parent.parent_site_id;
    }
  }

  return {
    /** The sites the actor may read, with whether he may make one. */
    async list(actor: Actor): Promise<{ items: SiteView[]; canCreate: boolean }> {
      const loaded = await loadSites(deps, await sites.listSites(db));
      const items = loaded.filter((s) => can(actor, sitePolicy, 'read', siteScope(s))).map((s) => presentSite(actor, s));
      const canCreate = actor.roles.some((g) => g.role === 'it_office');
      if (!items.length && !['editor', 'reviewer', 'it_office'].some((r) => actor.roles.some((g) => g.role === r))) {
        throw new AppError('auth.forbidden', { details: { resource: 'portal-site', action: 'read' } });
      }
      return { items, canCreate };
    },

    async view(actor: Actor, id: string): Promise<SiteView> {
      const site = await loadSite(deps, id);
      authorize(actor, sitePolicy, 'read', siteScope(site));
      return presentSite(actor, site);
    },

    async create(acting: Acting, input: CreateSiteInput): Promise<string> {
      const { actor, who } = acting;
      const orgPath = await deps.orgs.pathOf(input.orgId);
      if (!orgPath) throw new AppError('orgs.not_found', { details: { key: input.orgId } });
      authorize(actor, siteCreationPolicy, 'create', { orgPath });
      const hosts = normaliseHosts(input.hosts);
      const now = clock.now().toISOString();
      const id = newId();
      await db.transaction().execute(async (trx) => {
        await checkUnique(trx, { code: input.code, pathPrefix: input.pathPrefix, hosts }, null);
        await checkParent(trx, input.parentSiteId, null);
        await sites.insertSite(trx, {
          id,
          code: input.code,
          org_id: input.orgId,
          parent_site_id: input.parentSiteId,
          kind: input.kind,
          name_zh: input.nameZh,
          name_mn: input.nameMn || null,
          path_prefix: input.pathPrefix,
          site_id_code: input.siteIdCode,
          icp_number: input.icpNumber,
          psb_number: input.psbNumber,
          languages: JSON.stringify(input.languages),
          theme: JSON.stringify(input.theme),
          position: input.position,
          created_at: now,
          updated_at: now,
        });
        await sites.replaceHosts(trx, id, hosts);
        await audit.append(trx, {
          ...who,
          action: 'portal.site_create',
          object: { type: 'portal_site', id },
          details: { code: input.code, orgId: input.orgId, pathPrefix: input.pathPrefix, hosts },
        });
      });
      portalEvents(deps.ctx).siteChanged({ siteId: id });
      return id;
    },

    /**
     * Changes a site's settings. A new path prefix records redirects from the old home, column and
     * article paths to the new ones, so old links keep working.
     */
    async update(acting: Acting, id: string, input: UpdateSiteInput): Promise<{ redirects: number }> {
      const { actor, who } = acting;
      const site = await loadSite(deps, id);
      authorize(actor, sitePolicy, 'update', siteScope(site));
      const hosts = input.hosts === undefined ? undefined : normaliseHosts(input.hosts);
      const { row } = site;
      const changes: PortalSiteUpdate = { updated_at: clock.now().toISOString() };
      if (input.nameZh !== undefined) changes.name_zh = input.nameZh;
      if (input.nameMn !== undefined) changes.name_mn = input.nameMn || null;
      if (input.kind !== undefined) changes.kind = input.kind;
      if (input.pathPrefix !== undefined) changes.path_prefix = input.pathPrefix;
      if (input.siteIdCode !== undefined) changes.site_id_code = input.siteIdCode;
      if (input.icpNumber !== undefined) changes.icp_number = input.icpNumber;
      if (input.psbNumber !== undefined) changes.psb_number = input.psbNumber;
      if (input.languages !== undefined) changes.languages = JSON.stringify(input.languages);
      if (input.theme !== undefined) changes.theme = JSON.stringify(input.theme);
      if (input.parentSiteId !== undefined) changes.parent_site_id = input.parentSiteId;
      if (input.position !== undefined) changes.position = input.position;
      let redirects = 0;
      await db.transaction().execute(async (trx) => {
        await checkUnique(trx, { pathPrefix: input.pathPrefix, hosts }, id);
        if (input.parentSiteId !== undefined) await checkParent(trx, input.parentSiteId, id);
        await sites.updateSite(trx, id, changes);
        if (hosts) await sites.replaceHosts(trx, id, hosts);
        if (input.pathPrefix !== undefined && input.pathPrefix !== row.path_prefix) {
          const columns = await sites.columnsOf(trx, id);
          const byId = new Map(columns.map((c) => [c.id, c]));
          const articles = await sites.publicArticlesIn(trx, columns.map((c) => c.id));
          const moves = [
            { from: siteHomePath(row.path_prefix), to: siteHomePath(input.pathPrefix) },
            ...columns.map((c) => ({ from: columnPagePath(row.path_prefix, c.path), to: columnPagePath(input.pathPrefix!, c.path) })),
            ...articles.map((a) => {
              const path = byId.get(a.column_id)!.path;
              return { from: articlePagePath(row.path_prefix, path, Number(a.serial)), to: articlePagePath(input.pathPrefix!, path, Number(a.serial)) };
            }),
          ];
          // The main portal's home ('/') is never redirected: other sites live under it.
          redirects = await sites.addRedirects(trx, moves.filter((m) => m.from !== '/'), changes.updated_at as string);
        }
        await audit.append(trx, {
          ...who,
          action: 'portal.site_update',
          object: { type: 'portal_site', id },
          details: { fields: Object.keys(input), redirects },
        });
      });
      portalEvents(deps.ctx).siteChanged({ siteId: id });
      return { redirects };
    },
  };
}

export type SiteService = ReturnType<typeof siteService>;
