import { AppError } from '../../../platform/errors/app-error.js';
import type { Directory } from './site-directory.js';
import type { PublicSite } from './site.types.js';
import './site.errors.js';

/** Where a request landed: the site, the path the site sees, and how links on the page must begin. */
export interface SiteLocation {
  readonly site: PublicSite;
  /** '' on the site's own host name, else its path prefix (`/fgw`). Links are `${base}${rest}`. */
  readonly base: string;
  /** The path within the site, starting with '/'. */
  readonly rest: string;
}

const hasForbiddenCharacter = (text: string): boolean => {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code === 0x7f || code === 0x5c) return true;
  }
  return false;
};

/**
 * The request path, decoded, or `portal.site.bad_path` when it tries to climb out of the site or
 * smuggle in what a file system would interpret: `.`/`..` segments (also %-encoded, once or twice),
 * backslashes, NUL and other control characters, or malformed %-escapes. Checked on the raw URL,
 * before any routing, so nothing below ever sees such a path.
 */
export function safePath(rawUrl: string): string {
  const raw = rawUrl.split('?')[0] ?? '/';
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    throw new AppError('portal.site.bad_path');
  }
  // A second decoding catches %252e%252e (double encoding) as well.
  let twice = decoded;
  try {
    twice = decodeURIComponent(decoded);
  } catch {
    // A literal % in a decoded path is fine on its own.
  }
  for (const candidate of [decoded, twice]) {
    if (hasForbiddenCharacter(candidate)) throw new AppError('portal.site.bad_path');
    if (candidate.split('/').some((segment) => segment === '.' || segment === '..')) throw new AppError('portal.site.bad_path');
  }
  if (!decoded.startsWith('/') || decoded.startsWith('//')) throw new AppError('portal.site.bad_path');
  return decoded;
}

/** Host names that mean "the deployment itself": the configured public host, loopback, and IP literals. */
export function isOwnHost(host: string, publicHost: string | undefined): boolean {
  if (!host) return true;
  if (publicHost && host === publicHost) return true;
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  // An address is not a host name: a reader who typed the server's IP gets the main portal.
  return /^\d{1,3}(\.\d{1,3}){3}$/.test(host) || host.includes(':') || host.startsWith('[');
}

/** The host name without port, lower-case. */
export function hostNameOf(hostHeader: string | undefined): string {
  const host = (hostHeader ?? '').trim().toLowerCase();
  if (host.startsWith('[')) return host.slice(0, host.indexOf(']') + 1);
  return host.replace(/:\d+$/, '').replace(/\.$/, '');
}

/**
 * The site a request is for: a host name of its own wins; on the deployment's own host the longest
 * matching path prefix. An unknown host name is `portal.site.unknown_host`; undefined means no site
 * matches (no main portal configured yet).
 */
export function locate(directory: Directory, host: string, path: string, publicHost: string | undefined): SiteLocation | undefined {
  const own = directory.byHost.get(host);
  if (own) return { site: own, base: '', rest: path };
  if (!isOwnHost(host, publicHost)) throw new AppError('portal.site.unknown_host');
  for (const site of directory.byPrefix) {
    const prefix = site.pathPrefix;
    if (prefix === '') return { site, base: '', rest: path };
    if (path === prefix) return { site, base: prefix, rest: '/' };
    if (path.startsWith(`${prefix}/`)) return { site, base: prefix, rest: path.slice(prefix.length) };
  }
  return undefined;
}
