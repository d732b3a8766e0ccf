/**
 * How the portal indexes public content in the platform search, so that the public search page
 * (site/) finds what publishing (publishing/), disclosure (disclosure/) and, later, the services
 * module write:
 * - scope `portal` for everything a reader may find; the search key is `<type>:<id>`;
 * - visibility `['public']` once live (remove the entry when withdrawn);
 * - fields: `site` (the site id), `column` (the column id, when there is one), `type`, `date`
 *   (YYYY-MM-DD of publication, Asia/Shanghai), `lang`, `url` (the public path), `siteName`.
 */
export const PORTAL_SEARCH_SCOPE = 'portal';
export const PUBLIC_TAG = 'public';

export const portalSearchTypes = {
  article: '文章',
  disclosure: '信息公开',
  service: '办事服务',
  message: '互动交流',
} as const;
export type PortalSearchType = keyof typeof portalSearchTypes;

export const portalSearchKey = (type: PortalSearchType, id: string): string => `${type}:${id}`;
