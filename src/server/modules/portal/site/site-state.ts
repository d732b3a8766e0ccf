import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../../platform/module.js';
import { portalEvents, type SiteChange } from '../portal-events.js';
import { SitePageCache } from './site-cache.js';
import { loadDirectory, type Directory } from './site-directory.js';
import type { SiteRequest } from './site-page.js';

/**
 * A public area rendered by another part of the portal under every site, e.g. `disclosure` for
 * `/{prefix}/disclosure/…`. The handler gets the located request (`at.rest` still starts with
 * `/disclosure`) and answers through `reply`; GET, HEAD and POST reach it.
 */
export type SiteSectionHandler = (at: SiteRequest, request: FastifyRequest, reply: FastifyReply) => unknown;

/** Site structure is re-read at least this often, so another node's site or column edits show up. */
const directoryMaxAgeMs = 60_000;

export interface SiteState {
  readonly cache: SitePageCache;
  /**
   * Which cache key the router chose for a raw request (see site-fast-path.ts), so the fast path can
   * find a cached page without routing. Cleared whenever any site's structure may have changed.
   */
  readonly routed: Map<string, string>;
  readonly sections: Map<string, SiteSectionHandler>;
  directory(): Promise<Directory>;
  /** The last directory loaded, for the synchronous hot path (undefined before the first load or when stale). */
  peekDirectory(): Directory | undefined;
}

const states = new WeakMap<AppContext, SiteState>();

/** The public site's per-application state: site directory, page cache, registered sections. */
export function siteState(ctx: AppContext): SiteState {
  const existing = states.get(ctx);
  if (existing) return existing;
  const now = () => ctx.clock.now().getTime();
  const cache = new SitePageCache({ now, maxBytes: 64 * 1024 * 1024, maxAgeMs: 5 * 60 * 1000 });
  let loaded: { directory: Directory; at: number } | undefined;
  let loading: Promise<Directory> | undefined;
  let generation = 0;
  const load = (): Promise<Directory> => {
    if (loading) return loading;
    const started = generation;
    loading = loadDirectory(ctx.db)
      .then((directory) => {
        if (started === generation) loaded = { directory, at: now() };
        return directory;
      })
      .finally(() => {
        loading = undefined;
      });
    return loading;
  };
  const state: SiteState = {
    cache,
    routed: new Map(),
    sections: new Map(),
    directory: () => state.peekDirectory() ? Promise.resolve(loaded!.directory) : load(),
    peekDirectory: () => (loaded && now() - loaded.at <= directoryMaxAgeMs ? loaded.directory : undefined),
  };
  portalEvents(ctx).onSiteChanged((change: SiteChange) => {
    // Structure (names, hosts, columns) may have changed with any event: read it again.
    const prefix = loaded?.directory.sites.find((site) => site.id === change.siteId)?.pathPrefix;
    generation += 1;
    loaded = undefined;
    loading = undefined;
    state.routed.clear();
    invalidatePages(state.cache, prefix, change);
  });
  states.set(ctx, state);
  return state;
}

/**
 * Drops the pages a change touched. Given paths (with or without the site's prefix), each path is
 * dropped with its parent column lists, the site's home, and the RSS and sitemap beside them: a new
 * article shows on its column, the columns above, the home page and the feeds at once. No paths:
 * the whole site. Other sites' pages stay cached.
 */
function invalidatePages(cache: SitePageCache, prefix: string | undefined, change: SiteChange): void {
  if (!change.paths?.length || prefix === undefined) {
    // No paths, or a site not loaded yet (nothing of it can be cached then anyway).
    cache.invalidate(change.siteId);
    return;
  }
  const drop = new Set<string>(['/', '/sitemap.xml']);
  for (const raw of change.paths) {
    const path = raw.split('?')[0] ?? '/';
    const candidates = prefix && (path === prefix || path.startsWith(`${prefix}/`)) ? [path.slice(prefix.length) || '/'] : [path];
    for (const candidate of candidates) {
      drop.add(candidate);
      const segments = candidate.split('/').filter(Boolean);
      const last = segments.at(-1);
      const isFile = last !== undefined && /\.(html|xml)$/.test(last);
      const dirs = isFile ? segments.slice(0, -1) : segments;
      for (let i = dirs.length; i >= 1; i--) {
        const dir = `/${dirs.slice(0, i).join('/')}/`;
        drop.add(dir);
        drop.add(`${dir}rss.xml`);
      }
    }
  }
  cache.invalidate(change.siteId, drop);
}
