import type { DbOrTrx } from '../../db/database.js';
import type { AppContext } from '../../platform/module.js';
import type { ServiceGuide } from '../../../shared/services.js';
import { siteRepository } from './site/site.repository.js';

/**
 * The portal's side of the service item catalogue. The services module keeps the items (政务服务事项
 * and their 办事指南); the portal shows them on every site's 办事服务 pages, finds them in its search
 * and judges them in the self-inspection. The portal depends on this interface only; the services
 * module provides it when an application mounts it (`provideServiceDirectory`), so the portal never
 * imports it.
 */
export interface PublicServiceItem extends ServiceGuide {
  readonly id: string;
  readonly orgId: string;
  /** The implementing organisation's materialised path (`/root/…/id/`): which sites show the item. */
  readonly orgPath: string;
  /** 实施机关. */
  readonly implementingOrg: string;
  readonly parentCode: string | null;
  readonly publishedAt: string;
  readonly updatedAt: string;
}

export interface ServiceDirectory {
  /** Every published item, by code. Items are few (hundreds to a few thousand per deployment). */
  published(): Promise<readonly PublicServiceItem[]>;
  /** One published item with its published parent and children; undefined when there is none. */
  guide(code: string): Promise<{ item: PublicServiceItem; parent: PublicServiceItem | undefined; children: PublicServiceItem[] } | undefined>;
}

/** Keyed by the database handle, so a context copied with another clock (seeds, jobs) finds it too. */
const byDb = new WeakMap<object, ServiceDirectory>();

/** Called by the services module when an application that mounts it is built. */
export function provideServiceDirectory(ctx: Pick<AppContext, 'db'>, directory: ServiceDirectory): void {
  byDb.set(ctx.db, directory);
}

/** The service items of this application's database; undefined when no services module is mounted. */
export function serviceDirectoryOf(ctx: Pick<AppContext, 'db'>): ServiceDirectory | undefined {
  return byDb.get(ctx.db);
}

/** Whether a site shows an item: the main portal shows every item, another site those of its organisation's subtree. */
export const siteShowsItem = (site: { readonly kind: string; readonly orgId: string }, item: Pick<PublicServiceItem, 'orgPath'>): boolean =>
  site.kind === 'portal' || item.orgPath.includes(`/${site.orgId}/`);

type ServiceSite = { readonly id: string; readonly pathPrefix: string; readonly nameZh: string };

/**
 * The sites that show an organisation's items (the main portal and every site of the organisation or
 * an ancestor), and among them the one its items belong to in search links: the site of its nearest
 * ancestor (or itself) that is a department's or a banner/county's, else the main portal (a topic
 * site, such as the tourism site, shows its organisation's items but is not their home).
 */
export async function serviceSitesOf(db: DbOrTrx, orgPath: string): Promise<{ home: ServiceSite | undefined; all: ServiceSite[] }> {
  const ids = orgPath.split('/').filter(Boolean);
  const all: ServiceSite[] = [];
  let home: ServiceSite | undefined;
  let depth = -1;
  for (const site of await siteRepository.sites(db)) {
    const at = ids.indexOf(site.org_id);
    if (site.kind !== 'portal' && at < 0) continue;
    const entry = { id: site.id, pathPrefix: site.path_prefix, nameZh: site.name_zh };
    all.push(entry);
    if (site.kind === 'portal') {
      if (home === undefined && site.path_prefix === '') home = entry;
    } else if (site.kind !== 'topic' && at > depth) {
      home = entry;
      depth = at;
    }
  }
  return { home, all };
}

/** The public path of an item's 办事指南 on a site. */
export const serviceItemPath = (pathPrefix: string, code: string): string => `${pathPrefix}/services/items/${encodeURIComponent(code)}`;
