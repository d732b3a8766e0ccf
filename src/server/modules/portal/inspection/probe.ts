import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../platform/module.js';

/** Opens one public page and says how it went: the HTTP status (null when none came) and the time taken. */
export type PageFetch = (url: string) => Promise<{ status: number | null; ms: number }>;

/** A page fetch through the application itself (`app.inject`): the full rendering path without the network. */
export function injectFetch(app: FastifyInstance): PageFetch {
  return async (url) => {
    const started = performance.now();
    try {
      const response = await app.inject({ method: 'GET', url, headers: { 'user-agent': 'hinggan-inspection' } });
      return { status: response.statusCode, ms: Math.round(performance.now() - started) };
    } catch {
      return { status: null, ms: Math.round(performance.now() - started) };
    }
  };
}

// Keyed by the database handle: the job worker's context is a different object over the same database.
const fetchByApp = new WeakMap<object, PageFetch>();

/** Remembers the application's page fetch, so the scheduled job (which has only `ctx`) can probe pages. */
export function registerPageFetch(ctx: AppContext, fetch: PageFetch): void {
  fetchByApp.set(ctx.db, fetch);
}

export const pageFetchOf = (ctx: AppContext): PageFetch | undefined => fetchByApp.get(ctx.db);
