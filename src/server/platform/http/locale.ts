import type { FastifyRequest } from 'fastify';
import type { Locale } from '../errors/app-error.js';

export const locales: readonly Locale[] = ['zh-CN', 'mn-Mong', 'en'];

/** The caller's language: `?lang=`, then the `lang` cookie, then Accept-Language; Chinese by default. */
export function localeOf(request: FastifyRequest): Locale {
  const query = (request.query as Record<string, unknown> | undefined)?.lang;
  const fromQuery = typeof query === 'string' ? parseLocale(query) : undefined;
  if (fromQuery) return fromQuery;
  const cookie = /(?:^|;\s*)lang=([^;]+)/.exec(request.headers.cookie ?? '')?.[1];
  const fromCookie = cookie ? parseLocale(safeDecode(cookie)) : undefined;
  if (fromCookie) return fromCookie;
  const accept = request.headers['accept-language'] ?? '';
  for (const part of accept.split(',')) {
    const tag = parseLocale(part.split(';')[0]!.trim());
    if (tag) return tag;
  }
  return 'zh-CN';
}

export function parseLocale(tag: string): Locale | undefined {
  const t = tag.toLowerCase();
  if (t === 'mn' || t.startsWith('mn-mong') || t === 'mn-cn') return 'mn-Mong';
  if (t.startsWith('zh')) return 'zh-CN';
  if (t === 'en' || t.startsWith('en-')) return 'en';
  return undefined;
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
