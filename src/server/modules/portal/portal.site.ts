import type { FastifyRequest } from 'fastify';
import type { Config } from '../../config.js';
import { parseLocale } from '../../platform/http/locale.js';
import type { Locale } from '../../platform/i18n/messages.js';

/** What identifies the site to readers and to the national website inspection (政府网站发展指引). */
export interface PortalSite {
  /** GB/T 2260 code of the organisation whose portal this is: its counties and departments are listed. */
  readonly rootCode: string;
  /** Host name for the SiteDomain meta tag; undefined until the deployment has a public address. */
  readonly domain: string | undefined;
  /** The 10-digit 网站标识码; undefined until assigned. */
  readonly siteIdCode: string | undefined;
  /** ICP备案号, e.g. 蒙ICP备…号; undefined until filed. */
  readonly icp: string | undefined;
}

/**
 * The Hinggan League portal. The identification numbers are assigned per deployment and will become
 * settings; until then the pages say 待配置 rather than show an invented number.
 */
export function portalSite(config: Pick<Config, 'publicUrl'>): PortalSite {
  return {
    rootCode: '152200',
    domain: config.publicUrl ? new URL(config.publicUrl).host : undefined,
    siteIdCode: undefined,
    icp: undefined,
  };
}

/** The language switch's cookie (its value is read by portalLocaleOf). */
export const langCookie = /(?:^|;\s*)lang=([^;]+)/;

/**
 * The portal's language: `?lang=`, then the `lang` cookie the language switch sets, else Chinese.
 * Unlike the API it ignores Accept-Language: a browser set to English or to (Cyrillic) Mongolian
 * still gets the Chinese portal first, and the page then varies only by cookie.
 */
export function portalLocaleOf(request: FastifyRequest): Locale {
  const query = (request.query as Record<string, unknown> | undefined)?.lang;
  const fromQuery = typeof query === 'string' ? parseLocale(query) : undefined;
  if (fromQuery) return fromQuery;
  const cookie = request.headers.cookie;
  if (!cookie) return 'zh-CN';
  const value = langCookie.exec(cookie)?.[1];
  // The switch writes plain tags (mn-Mong); anything else, even malformed %-escapes, means Chinese.
  return (value && parseLocale(value)) || 'zh-CN';
}
