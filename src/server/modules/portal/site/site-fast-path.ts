import type { IncomingMessage } from 'node:http';
import type { FastPath } from '../../../platform/http/fast-path.js';
import type { AppContext } from '../../../platform/module.js';
import { langCookie } from '../portal.site.js';
import { sitePageAnswer } from './site-cache.js';
import { siteState } from './site-state.js';

/** The 适老化 mode's cookie. */
export const elderCookie = /(?:^|;\s*)elder=1(?:;|$)/;

/** Bound of the remembered raw requests; past it the memory starts again (the router refills it). */
const maxRouted = 100_000;

/**
 * What a cached public page depends on in the raw request: host, URL (path and query) and the two
 * cookies the page varies by (language and 适老化 mode), so requests alike in these get the same page.
 */
function rawKeyOf(host: string | undefined, url: string | undefined, cookie: string | undefined): string {
  if (!cookie) return `${host ?? ''}\n${url ?? ''}`;
  return `${host ?? ''}\n${url ?? ''}\n${langCookie.exec(cookie)?.[1] ?? ''}\n${elderCookie.test(cookie) ? 1 : 0}`;
}

/**
 * Remembers that the router answered this GET with the cached page `key` (site.routes.ts calls it), so
 * the same raw request can be answered by the fast path next time.
 */
export function rememberRouted(ctx: AppContext, request: { method: string; url: string; headers: IncomingMessage['headers'] }, key: string): void {
  if (request.method !== 'GET') return;
  const { routed } = siteState(ctx);
  if (routed.size >= maxRouted) routed.clear();
  routed.set(rawKeyOf(request.headers.host, request.url, request.headers.cookie), key);
}

/**
 * Cached public pages without Fastify: a GET the router has already mapped to a page that is still
 * cached (not invalidated, not too old) is answered from memory, with the same validators, encodings
 * and 304s as the router's answer (sitePageAnswer). Anything else — a first request, a changed site,
 * HEAD, a section, a search — goes to the router.
 */
export function siteFastPath(ctx: AppContext): FastPath {
  const state = siteState(ctx);
  return (request) => {
    if (request.method !== 'GET' || state.routed.size === 0) return undefined;
    const key = state.routed.get(rawKeyOf(request.headers.host, request.url, request.headers.cookie));
    if (key === undefined) return undefined;
    const page = state.cache.peek(key);
    return page ? sitePageAnswer(request.headers, page, state.cache) : undefined;
  };
}
