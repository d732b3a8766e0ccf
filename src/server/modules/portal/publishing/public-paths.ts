/**
 * The public paths of the site group (the site helper's routes): a site's home `{prefix}/`, a column
 * list `{prefix}/{column path}/`, its feed `{prefix}/{column path}/rss.xml`, an article
 * `{prefix}/{column path}/{serial}.html` and the sitemap `{prefix}/sitemap.xml`.
 */
export const siteHomePath = (prefix: string): string => `${prefix}/`;
export const columnPagePath = (prefix: string, columnPath: string): string => `${prefix}/${columnPath}/`;
export const columnFeedPath = (prefix: string, columnPath: string): string => `${prefix}/${columnPath}/rss.xml`;
export const articlePagePath = (prefix: string, columnPath: string, serial: number): string => `${prefix}/${columnPath}/${serial}.html`;
export const sitemapPath = (prefix: string): string => `${prefix}/sitemap.xml`;

/** The column's path and those of its ancestors (`a/b/c` → `a`, `a/b`, `a/b/c`). */
export function columnLineage(columnPath: string): string[] {
  const parts = columnPath.split('/');
  return parts.map((_p, i) => parts.slice(0, i + 1).join('/'));
}

/** Every page a change to an article touches: the article, its column lists and feeds up the tree, the home and sitemap. */
export function articleChangePaths(prefix: string, columnPath: string, serial: number): string[] {
  return [
    articlePagePath(prefix, columnPath, serial),
    ...columnLineage(columnPath).flatMap((path) => [columnPagePath(prefix, path), columnFeedPath(prefix, path)]),
    siteHomePath(prefix),
    sitemapPath(prefix),
  ];
}
