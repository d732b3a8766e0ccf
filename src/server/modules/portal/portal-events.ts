import type { AppContext } from '../../platform/module.js';

/**
 * What changed on the public site, so that rendered pages are dropped exactly when they must be:
 * publishing, withdrawal, a validity mark, a column or site edit, a disclosure entry, a published
 * mailbox answer. `paths` are the public paths the change touched (the article, its column lists,
 * the site's home, RSS, sitemap); an empty list means the whole site.
 */
export interface SiteChange {
  readonly siteId: string;
  readonly paths?: readonly string[];
}

type Listener = (change: SiteChange) => void;

/** Keyed by the database handle, so a context copied with another clock (seeds, jobs) shares the feed. */
const listenersByDb = new WeakMap<object, Set<Listener>>();

/**
 * The portal's in-process change feed: writers call `siteChanged` after their transaction commits;
 * the public site's page cache listens. (Past one node the same feed will ride on LISTEN/NOTIFY.)
 */
export function portalEvents(ctx: Pick<AppContext, 'db'>) {
  let listeners = listenersByDb.get(ctx.db);
  if (!listeners) listenersByDb.set(ctx.db, (listeners = new Set()));
  const set = listeners;
  return {
    siteChanged(change: SiteChange): void {
      for (const listener of set) listener(change);
    },
    onSiteChanged(listener: Listener): () => void {
      set.add(listener);
      return () => set.delete(listener);
    },
  };
}
