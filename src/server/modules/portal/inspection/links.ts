import type { SiteRow } from './inspection.repository.js';

/** What the link check knows of the site group: sites, host names, columns. */
export interface LinkWorld {
  readonly sites: readonly SiteRow[];
  /** Host names of sites with their own (lower-case) → site id. */
  readonly siteHosts: ReadonlyMap<string, string>;
  /** Other host names that are ours (the deployment's public host): paths on them resolve by prefix. */
  readonly sharedHosts: ReadonlySet<string>;
  /** site id → column path → column id. */
  readonly columns: ReadonlyMap<string, ReadonlyMap<string, string>>;
}

/** Where an internal link points, before the articles, files and redirects it names are looked up. */
export type LinkTarget =
  | { readonly kind: 'external' }
  | { readonly kind: 'ok' }
  | { readonly kind: 'article'; readonly siteId: string; readonly columnPath: string; readonly serial: number; readonly path: string }
  | { readonly kind: 'file'; readonly fileId: string; readonly path: string }
  | { readonly kind: 'missing'; readonly reason: string; readonly path: string };

const sentinel = 'portal.internal';
/** Public paths of other parts of the platform that the link check does not judge. */
const platformPaths = /^\/(?:api|workbench|verify|pki|assets|lang)(?:\/|$)/;
/** Pages every site serves besides its columns (the public site's and the other portal areas'). */
const sitePages = /^\/(?:search|services|interaction|disclosure)(?:\/|$)|^\/(?:sitemap\.xml|robots\.txt|favicon\.ico)$/;
const filePath = /^\/api\/v1\/portal\/files\/([0-9A-Za-z-]{1,64})$/;
const articlePath = /^\/(.+)\/(\d{1,12})\.html$/;
const columnPath = /^\/(.+?)(?:\/(?:index\.html|rss\.xml)?)?$/;

const attribute = /<(?:a|img|link|source|iframe)\b[^>]*?\s(?:href|src)\s*=\s*(?:"([^"]*)"|'([^']*)')/gi;
const entities: Record<string, string> = { '&amp;': '&', '&quot;': '"', '&#39;': "'", '&lt;': '<', '&gt;': '>' };

/** The link targets (href/src) in an article body, entities decoded, duplicates dropped. */
export function extractLinks(html: string): string[] {
  const out = new Set<string>();
  for (const match of html.matchAll(attribute)) {
    const raw = (match[1] ?? match[2] ?? '').trim();
    if (raw) out.add(raw.replace(/&(?:amp|quot|#39|lt|gt);/g, (e) => entities[e] ?? e));
  }
  return [...out];
}

function siteOfPath(world: LinkWorld, path: string): SiteRow | undefined {
  let best: SiteRow | undefined;
  for (const site of world.sites) {
    const prefix = site.pathPrefix;
    if ((prefix === '' || path === prefix || path.startsWith(`${prefix}/`)) && (!best || prefix.length > best.pathPrefix.length)) best = site;
  }
  return best;
}

/**
 * Classifies one link of an article at `fromPath`. Links to other hosts are external (not checked);
 * links to our hosts or relative ones resolve against the site group's routing: the longest path
 * prefix (or the host's own site), then home, column, article (`{column path}/{serial}.html`) or a
 * file of the store (`/api/v1/portal/files/{id}`).
 */
export function classifyLink(href: string, fromPath: string, world: LinkWorld): LinkTarget {
  if (/^(?:mailto|tel|javascript|data):/i.test(href) || href.startsWith('#')) return { kind: 'external' };
  let url: URL;
  try {
    url = new URL(href, `http://${sentinel}${fromPath}`);
  } catch {
    return { kind: 'missing', reason: '链接地址无效', path: href };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { kind: 'external' };
  const host = url.hostname.toLowerCase();
  const ownSite = world.siteHosts.get(host);
  if (host !== sentinel && !ownSite && !world.sharedHosts.has(host)) return { kind: 'external' };

  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    return { kind: 'missing', reason: '链接地址无效', path: url.pathname };
  }
  const file = filePath.exec(path);
  if (file) return { kind: 'file', fileId: file[1]!, path };
  if (platformPaths.test(path)) return { kind: 'ok' };

  const byHost = ownSite ? world.sites.find((s) => s.id === ownSite) : undefined;
  // On a site's own host, its pages are also served at `/`; a path under another prefix still routes by prefix.
  const byPrefix = siteOfPath(world, path);
  const atRoot = byHost !== undefined && (!byPrefix || byPrefix.pathPrefix === '');
  const site = atRoot ? byHost : byPrefix;
  if (!site) return { kind: 'missing', reason: '不属于任何网站', path };
  const rest = atRoot ? path : path.slice(site.pathPrefix.length);
  if (rest === '' || rest === '/' || rest === '/index.html' || sitePages.test(rest)) return { kind: 'ok' };

  const columns = world.columns.get(site.id) ?? new Map<string, string>();
  const article = articlePath.exec(rest);
  if (article) {
    const column = article[1]!;
    if (!columns.has(column)) return { kind: 'missing', reason: `栏目“${column}”不存在`, path };
    return { kind: 'article', siteId: site.id, columnPath: column, serial: Number(article[2]), path };
  }
  const column = columnPath.exec(rest)?.[1];
  if (column && columns.has(column)) return { kind: 'ok' };
  return { kind: 'missing', reason: column ? `栏目“${column}”不存在` : '页面不存在', path };
}
