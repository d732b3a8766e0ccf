import type { Db } from '../../../db/database.js';
import { portalLanguages, type ColumnCategory, type PortalLanguage, type SiteKind } from '../../../../shared/portal.js';
import { siteRepository as repo } from './site.repository.js';
import type { PublicColumn, PublicSite } from './site.types.js';

/** A site with its column tree, as the router and the templates need it. */
export interface SiteStructure {
  readonly site: PublicSite;
  readonly columns: readonly PublicColumn[];
  readonly byPath: ReadonlyMap<string, PublicColumn>;
  readonly byId: ReadonlyMap<string, PublicColumn>;
  childrenOf(columnId: string | null): readonly PublicColumn[];
  /** The column and every column below it. */
  subtreeIds(columnId: string): readonly string[];
  /** The column's ancestors from the top, then the column. */
  trail(columnId: string): readonly PublicColumn[];
}

/** Every site, by host name and by path prefix (longest first). */
export interface Directory {
  readonly sites: readonly PublicSite[];
  readonly byHost: ReadonlyMap<string, PublicSite>;
  readonly byPrefix: readonly PublicSite[];
  structure(siteId: string): SiteStructure | undefined;
}

function parseLanguages(json: string): PortalLanguage[] {
  try {
    const list = JSON.parse(json) as unknown;
    if (Array.isArray(list)) {
      const found = portalLanguages.filter((l) => list.includes(l));
      if (found.length) return found;
    }
  } catch {
    // A malformed setting falls back to Chinese only.
  }
  return ['zh-CN'];
}

function buildStructure(site: PublicSite, columns: PublicColumn[]): SiteStructure {
  const byPath = new Map(columns.map((c) => [c.path, c]));
  const byId = new Map(columns.map((c) => [c.id, c]));
  const children = new Map<string | null, PublicColumn[]>();
  for (const column of columns) {
    const list = children.get(column.parentId) ?? [];
    list.push(column);
    children.set(column.parentId, list);
  }
  const childrenOf = (id: string | null) => children.get(id) ?? [];
  return {
    site,
    columns,
    byPath,
    byId,
    childrenOf,
    subtreeIds(columnId) {
      const out: string[] = [];
      const walk = (id: string) => {
        out.push(id);
        for (const child of childrenOf(id)) walk(child.id);
      };
      walk(columnId);
      return out;
    },
    trail(columnId) {
      const out: PublicColumn[] = [];
      let at = byId.get(columnId);
      while (at && out.length < 20) {
        out.unshift(at);
        at = at.parentId ? byId.get(at.parentId) : undefined;
      }
      return out;
    },
  };
}

/** Reads every site, its host names and columns (a handful of small queries; sites are few). */
export async function loadDirectory(db: Db): Promise<Directory> {
  const [siteRows, hostRows] = await Promise.all([repo.sites(db), repo.hosts(db)]);
  const hostsBySite = new Map<string, string[]>();
  for (const h of hostRows) hostsBySite.set(h.site_id, [...(hostsBySite.get(h.site_id) ?? []), h.host.toLowerCase()]);
  const sites: PublicSite[] = siteRows.map((r) => ({
    id: r.id,
    code: r.code,
    orgId: r.org_id,
    kind: r.kind as SiteKind,
    nameZh: r.name_zh,
    nameMn: r.name_mn,
    pathPrefix: r.path_prefix.replace(/\/+$/, ''),
    hosts: hostsBySite.get(r.id) ?? [],
    siteIdCode: r.site_id_code,
    icp: r.icp_number,
    psb: r.psb_number,
    languages: parseLanguages(r.languages),
    hostOrgName: r.org_name_zh,
  }));
  const structures = new Map<string, SiteStructure>();
  await Promise.all(
    sites.map(async (site) => {
      const rows = await repo.columns(db, site.id);
      const columns = rows.map((c) => ({
        id: c.id,
        siteId: c.site_id,
        parentId: c.parent_id,
        path: c.path.replace(/^\/+|\/+$/g, ''),
        nameZh: c.name_zh,
        nameMn: c.name_mn,
        category: c.category as ColumnCategory,
        position: c.position,
        description: c.description,
      }));
      structures.set(site.id, buildStructure(site, columns));
    }),
  );
  const byHost = new Map<string, PublicSite>();
  for (const site of sites) for (const host of site.hosts) byHost.set(host, site);
  return {
    sites,
    byHost,
    byPrefix: [...sites].sort((a, b) => b.pathPrefix.length - a.pathPrefix.length),
    structure: (id) => structures.get(id),
  };
}
