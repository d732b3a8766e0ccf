/**
 * Where in the workbench a finding is fixed. Columns and articles are edited in the publishing area
 * (网站管理, `/workbench/portal/…`); the paths are relative to the workbench's base.
 */
export const workbenchLinks = {
  dashboard: (siteId: string) => `/inspection/sites/${siteId}`,
  columns: (siteId: string, columnId?: string) => `/portal/sites/${siteId}/columns${columnId ? `?column=${columnId}` : ''}`,
  article: (articleId: string) => `/portal/articles/${articleId}`,
  newArticle: (siteId: string, columnId?: string) => `/portal/articles/new?site=${siteId}${columnId ? `&column=${columnId}` : ''}`,
  messages: () => '/interaction',
  serviceItems: (orgId: string) => `/services?org=${orgId}`,
  serviceItem: (orgId: string, itemId: string) => `/services?org=${orgId}&item=${itemId}`,
} as const;
