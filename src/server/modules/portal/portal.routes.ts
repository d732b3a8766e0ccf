import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../platform/errors/app-error.js';
import { parseLocale } from '../../platform/http/locale.js';
import type { Locale } from '../../platform/i18n/messages.js';
import { sendCachedPage, type PageCache } from '../../platform/views/page-cache.js';
import { assetPrefix, assetsByName } from './portal.assets.js';
import { portalLocaleOf } from './portal.site.js';

export interface PortalRouteOptions {
  readonly secureCookies: boolean;
}

/** The language cookie lives a year; it only says which language the reader chose. */
const langCookieMaxAge = 365 * 24 * 3600;

/**
 * Where to send the reader after switching language: a path on this site (never another host),
 * without a `lang` query parameter that would override the new cookie.
 */
export function safeNext(next: unknown): string {
  if (typeof next !== 'string' || next.length > 1024 || !/^\/(?![/\\])/.test(next) || /[\s\\]/.test(next)) return '/';
  const url = new URL(next, 'http://portal.invalid');
  if (url.origin !== 'http://portal.invalid') return '/';
  url.searchParams.delete('lang');
  return `${url.pathname}${url.search}`;
}

/**
 * The organisation home page (counties and departments) at `/`, shown while no main portal site
 * exists. The hot path: locale → cached bytes → ETag check → send; no database access once cached.
 */
export function organisationHome(home: PageCache<Locale>) {
  return (request: FastifyRequest, reply: FastifyReply): unknown => {
    const locale = portalLocaleOf(request);
    const page = home.peek(locale);
    if (page) return sendCachedPage(request, reply, page);
    return home.load(locale).then((loaded) => sendCachedPage(request, reply, loaded));
  };
}

export async function portalRoutes(app: FastifyInstance, { secureCookies }: PortalRouteOptions): Promise<void> {
  app.get<{ Params: { code: string }; Querystring: { next?: string } }>(
    '/lang/:code',
    { schema: { hide: true } },
    (request, reply) => {
      const locale = parseLocale(request.params.code);
      if (!locale) throw new AppError('route.not_found');
      return reply
        .setCookie('lang', locale, {
          path: '/',
          maxAge: langCookieMaxAge,
          sameSite: 'lax',
          httpOnly: true,
          secure: secureCookies,
        })
        .header('cache-control', 'no-store')
        .redirect(safeNext(request.query.next), 303);
    },
  );

  app.get<{ Params: { file: string } }>(`${assetPrefix}:file`, { schema: { hide: true } }, (request, reply) => {
    const asset = assetsByName.get(request.params.file);
    if (!asset) throw new AppError('route.not_found');
    reply.header('etag', asset.etag).header('cache-control', asset.cacheControl).header('vary', 'Accept-Encoding');
    if (request.headers['if-none-match']?.includes(asset.etag)) return reply.code(304).send();
    const accept = request.headers['accept-encoding'] ?? '';
    const [body, encoding] =
      asset.br && accept.includes('br') ? [asset.br, 'br'] : asset.gzip && accept.includes('gzip') ? [asset.gzip, 'gzip'] : [asset.body, undefined];
    if (encoding) reply.header('content-encoding', encoding);
    return reply.type(asset.type).send(body);
  });
}
