/** Portal publishing (网站管理): sites, column trees, articles, their files, versions and review. */
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { api, queryClient, unwrap } from './client.js';
import type { components, operations } from './schema.js';

type JsonBody<Op extends keyof operations> = operations[Op] extends { requestBody?: infer B }
  ? NonNullable<B> extends { content: { 'application/json': infer J } }
    ? J
    : never
  : never;

export type PortalSite = components['schemas']['PortalSite'];
export type PortalColumn = components['schemas']['PortalColumn'];
export type PortalColumnTree = components['schemas']['PortalColumnTree'];
export type PortalArticle = components['schemas']['PortalArticle'];
export type PortalArticleSummary = components['schemas']['PortalArticleSummary'];
export type PortalArticleDiff = components['schemas']['PortalArticleDiff'];
export type PortalArticleVersionSummary = components['schemas']['PortalArticleVersionSummary'];
export type PortalArticleAction = PortalArticle['actions'][number];
export type CreateSiteBody = JsonBody<'createPortalSite'>;
export type UpdateSiteBody = JsonBody<'updatePortalSite'>;
export type CreateColumnBody = JsonBody<'createPortalColumn'>;
export type UpdateColumnBody = JsonBody<'updatePortalColumn'>;
export type MoveColumnBody = JsonBody<'movePortalColumn'>;
export type CreateArticleBody = JsonBody<'createPortalArticle'>;
export type UpdateArticleBody = JsonBody<'updatePortalArticle'>;
export type ApproveBody = Omit<JsonBody<'approvePortalArticle'>, 'revision'>;
export type ValidityBody = Omit<JsonBody<'markPortalArticleValidity'>, 'revision'>;
export type ArticleListQuery = NonNullable<operations['listPortalArticles']['parameters']['query']>;

const portalKey = ['portal', 'publishing'] as const;
const keys = {
  sites: [...portalKey, 'sites'] as const,
  tree: (siteId: string) => [...portalKey, 'tree', siteId] as const,
  articles: (query: ArticleListQuery) => [...portalKey, 'articles', query] as const,
  article: (id: string) => [...portalKey, 'article', id] as const,
};

// ── Sites ────────────────────────────────────────────────────────────────────────────────────────

/** The sites the user may see (his organisation's, or those the 信息化办公室 oversees) and whether he may add one. */
export function usePortalSites() {
  return useQuery({
    queryKey: keys.sites,
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/portal/sites', { signal })),
    staleTime: 60_000,
  });
}

export function useSaveSite() {
  return useMutation({
    mutationFn: (input: { id: string; body: UpdateSiteBody } | { id?: undefined; body: CreateSiteBody }) =>
      input.id
        ? unwrap(api.PATCH('/api/v1/portal/sites/{id}', { params: { path: { id: input.id } }, body: input.body }))
        : unwrap(api.POST('/api/v1/portal/sites', { body: input.body as CreateSiteBody })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: portalKey }),
  });
}

// ── Columns ──────────────────────────────────────────────────────────────────────────────────────

/** A site's column tree, in pre-order, with whether the user may change it. */
export function useColumnTree(siteId: string | undefined) {
  return useQuery({
    queryKey: keys.tree(siteId ?? ''),
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/portal/sites/{id}/columns', { params: { path: { id: siteId! } }, signal })),
    enabled: Boolean(siteId),
  });
}

/** Column writes change paths everywhere (article URLs too): reload the tree and every list. */
const afterColumnChange = () => queryClient.invalidateQueries({ queryKey: portalKey });

export function useCreateColumn() {
  return useMutation({
    mutationFn: ({ siteId, body }: { siteId: string; body: CreateColumnBody }) =>
      unwrap(api.POST('/api/v1/portal/sites/{id}/columns', { params: { path: { id: siteId } }, body })),
    onSuccess: afterColumnChange,
  });
}

export function useUpdateColumn() {
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateColumnBody }) => unwrap(api.PATCH('/api/v1/portal/columns/{id}', { params: { path: { id } }, body })),
    onSuccess: afterColumnChange,
  });
}

export function useMoveColumn() {
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: MoveColumnBody }) => unwrap(api.POST('/api/v1/portal/columns/{id}/move', { params: { path: { id } }, body })),
    onSuccess: afterColumnChange,
  });
}

export function useDeleteColumn() {
  return useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE('/api/v1/portal/columns/{id}', { params: { path: { id } } })),
    onSuccess: afterColumnChange,
  });
}

// ── Articles ─────────────────────────────────────────────────────────────────────────────────────

export function usePortalArticles(query: ArticleListQuery) {
  return useQuery({
    queryKey: keys.articles(query),
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/portal/articles', { params: { query }, signal })),
    placeholderData: keepPreviousData,
  });
}

export function usePortalArticle(id: string | undefined) {
  return useQuery({
    queryKey: keys.article(id ?? ''),
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/portal/articles/{id}', { params: { path: { id: id! } }, signal })),
    enabled: Boolean(id),
  });
}

/** Every write answers the article as it now is: keep it, and let the lists and its versions reload. */
async function refreshWith(article: PortalArticle) {
  // A read of the article still in flight (started before the write) would land after this and bring
  // the old state back: cancel it first.
  await queryClient.cancelQueries({ queryKey: keys.article(article.id), exact: true });
  queryClient.setQueryData(keys.article(article.id), article);
  void queryClient.invalidateQueries({ queryKey: portalKey, predicate: (q) => q.queryKey[2] !== 'article' || (q.queryKey[3] === article.id && q.queryKey.length > 4) });
}

export function useCreateArticle() {
  return useMutation({
    mutationFn: (body: CreateArticleBody) => unwrap(api.POST('/api/v1/portal/articles', { body })),
    onSuccess: refreshWith,
  });
}

export function useUpdateArticle() {
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateArticleBody }) => unwrap(api.PATCH('/api/v1/portal/articles/{id}', { params: { path: { id } }, body })),
    onSuccess: refreshWith,
  });
}

export function useArticleVersions(id: string) {
  return useQuery({
    queryKey: [...keys.article(id), 'versions'],
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/portal/articles/{id}/versions', { params: { path: { id } }, signal })),
  });
}

export function useArticleDiff(id: string, from: number | undefined, to: number | undefined) {
  return useQuery({
    queryKey: [...keys.article(id), 'diff', from, to],
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/portal/articles/{id}/diff', { params: { path: { id }, query: { from: from!, to: to! } }, signal })),
    enabled: from !== undefined && to !== undefined && from !== to,
  });
}

/** A review action with what it carries; each names the revision the user read (a stale one is refused). */
export type ArticleCommand =
  | { action: 'submit' }
  | ({ action: 'approve' } & ApproveBody)
  | { action: 'reject' | 'withdraw'; reason: string }
  | ({ action: 'validity' } & ValidityBody);

function runCommand(article: PortalArticle, command: ArticleCommand) {
  const params = { path: { id: article.id } };
  const revision = article.revision;
  switch (command.action) {
    case 'submit':
      return unwrap(api.POST('/api/v1/portal/articles/{id}/submit', { params, body: { revision } }));
    case 'approve': {
      const { action: _a, ...rest } = command;
      return unwrap(api.POST('/api/v1/portal/articles/{id}/approve', { params, body: { ...rest, revision } }));
    }
    case 'reject':
      return unwrap(api.POST('/api/v1/portal/articles/{id}/reject', { params, body: { revision, reason: command.reason } }));
    case 'withdraw':
      return unwrap(api.POST('/api/v1/portal/articles/{id}/withdraw', { params, body: { revision, reason: command.reason } }));
    case 'validity': {
      const { action: _a, ...rest } = command;
      return unwrap(api.POST('/api/v1/portal/articles/{id}/validity', { params, body: { ...rest, revision } }));
    }
  }
}

export function useArticleCommand() {
  return useMutation({
    mutationFn: ({ article, command }: { article: PortalArticle; command: ArticleCommand }) => runCommand(article, command),
    onSuccess: refreshWith,
  });
}

/** Uploads the cover or an attachment: the body is the file itself, its Content-Type the claimed type. */
export function useUploadArticleFile() {
  return useMutation({
    mutationFn: ({ id, file, kind }: { id: string; file: File; kind: 'cover' | 'attachment' }) => {
      const options = {
        params: { path: { id }, query: { name: file.name } },
        body: file,
        bodySerializer: (body: Blob) => body,
        headers: { 'content-type': file.type || 'application/octet-stream' },
      };
      return kind === 'cover'
        ? unwrap(api.POST('/api/v1/portal/articles/{id}/cover', options as never))
        : unwrap(api.POST('/api/v1/portal/articles/{id}/attachments', options as never));
    },
    onSuccess: (article: PortalArticle) => refreshWith(article),
  });
}

export function useRemoveArticleAttachment() {
  return useMutation({
    mutationFn: ({ id, attachmentId }: { id: string; attachmentId: string }) =>
      unwrap(api.DELETE('/api/v1/portal/articles/{id}/attachments/{attachmentId}', { params: { path: { id, attachmentId } } })),
    onSuccess: refreshWith,
  });
}

/** The workbench preview of an article's cover or attachment (any state); `fileId` is the stored file's id. */
export const articleFileUrl = (id: string, fileId: string) => `/api/v1/portal/articles/${encodeURIComponent(id)}/files/${encodeURIComponent(fileId)}`;
