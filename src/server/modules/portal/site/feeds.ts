import type { ArticleListRow } from './site.repository.js';
import type { PublicColumn, PublicSite } from './site.types.js';

/** True for characters XML 1.0 allows (tab, newline, return, and everything from space up, bar surrogates and U+FFFE/F). */
const xmlAllowed = (code: number): boolean =>
  code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || code >= 0x10000;

const xmlEscape = (text: string): string =>
  Array.from(text)
    // Characters XML 1.0 forbids are dropped rather than escaped.
    .filter((ch) => xmlAllowed(ch.codePointAt(0)!))
    .join('')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');

/** RSS 2.0 of a column's newest articles; `origin` + paths make the absolute links RSS requires. */
export function columnRss(input: {
  site: PublicSite;
  column: PublicColumn;
  origin: string;
  columnPath: string;
  items: readonly { row: ArticleListRow; href: string }[];
  now: Date;
}): string {
  const { site, column, origin, items } = input;
  const newest = items[0]?.row.published_at;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">',
    '<channel>',
    `<title>${xmlEscape(`${column.nameZh} - ${site.nameZh}`)}</title>`,
    `<link>${xmlEscape(`${origin}${input.columnPath}`)}</link>`,
    `<atom:link href="${xmlEscape(`${origin}${input.columnPath}rss.xml`)}" rel="self" type="application/rss+xml"/>`,
    `<description>${xmlEscape(column.description ?? `${site.nameZh}${column.nameZh}`)}</description>`,
    '<language>zh-cn</language>',
    `<lastBuildDate>${(newest ? new Date(newest) : input.now).toUTCString()}</lastBuildDate>`,
  ];
  for (const { row, href } of items) {
    const link = `${origin}${href}`;
    lines.push(
      '<item>',
      `<title>${xmlEscape(row.title)}</title>`,
      `<link>${xmlEscape(link)}</link>`,
      `<guid isPermaLink="true">${xmlEscape(link)}</guid>`,
      `<pubDate>${new Date(row.published_at).toUTCString()}</pubDate>`,
      '</item>',
    );
  }
  lines.push('</channel>', '</rss>');
  return `${lines.join('\n')}\n`;
}

/** sitemap.xml (sitemaps.org 0.9): the home, every column list and every published article. */
export function siteSitemap(entries: readonly { loc: string; lastmod?: string }[]): string {
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'];
  for (const entry of entries) {
    lines.push(`<url><loc>${xmlEscape(entry.loc)}</loc>${entry.lastmod ? `<lastmod>${entry.lastmod}</lastmod>` : ''}</url>`);
  }
  lines.push('</urlset>');
  return `${lines.join('\n')}\n`;
}
