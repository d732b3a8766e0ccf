/**
 * The workbench's only way to the server: a typed openapi-fetch client over the generated contract,
 * one error type, and the TanStack Query hooks the pages use.
 */
import { keepPreviousData, QueryClient, queryOptions, useMutation, useQuery } from '@tanstack/react-query';
import createClient from 'openapi-fetch';
import type { components, operations, paths } from './schema.js';

export type SessionInfo = components['schemas']['SessionInfo'];
export type Org = components['schemas']['Org'];
export type OrgDetail = components['schemas']['OrgDetail'];
export type OrgTreeNode = components['schemas']['OrgTreeNode'];
export type OrgList = components['schemas']['OrgList'];
export type SignInBody = NonNullable<operations['signIn']['requestBody']>['content']['application/json'];
export type OrgListQuery = NonNullable<operations['listOrgs']['parameters']['query']>;
export type OrgTreeQuery = NonNullable<operations['orgTree']['parameters']['query']>;

type ErrorBody = components['schemas']['Error'];
export type FieldProblem = NonNullable<ErrorBody['error']['fields']>[number];

// The workbench is in Chinese, so the server's messages should be too, whatever the browser's language.
export const api = createClient<paths>({
  baseUrl: '/',
  credentials: 'same-origin',
  headers: { 'accept-language': 'zh-CN' },
});

/** A failed API call, with the server's stable code and its (Chinese) message for the user. */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly fields: readonly FieldProblem[] = [],
    readonly status = 0,
    readonly requestId?: string,
    /** The error's `details` as the server sent them (e.g. the rule problems or missing guide elements of a refusal). */
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

// Every query and mutation here fails with an ApiError (see unwrap), so hooks are typed that way.
declare module '@tanstack/react-query' {
  interface Register {
    defaultError: ApiError;
  }
}

function isErrorBody(body: unknown): body is ErrorBody {
  const error = (body as { error?: unknown } | null)?.error as { code?: unknown; message?: unknown } | undefined;
  return typeof error?.code === 'string' && typeof error.message === 'string';
}

/** Turns whatever a failed response carried into an ApiError; proxies and outages answer with text. */
export function toApiError(body: unknown, response: Response | undefined): ApiError {
  const status = response?.status ?? 0;
  if (isErrorBody(body)) {
    const { code, message, fields, requestId } = body.error;
    return new ApiError(code, message, fields ?? [], status, requestId, (body.error as { details?: unknown }).details);
  }
  if (status === 0) return new ApiError('network.unavailable', '无法连接服务器，请检查网络后重试');
  return new ApiError('http.' + status, `服务器返回了意外的响应（${status}），请稍后重试`, [], status);
}

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      // A 4xx will not change on retry; outages and 5xx get two more tries.
      retry: (count, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
    },
  },
});

const sessionKey = ['session'] as const;

/**
 * A 401 on any call but sign-in means the session ended (expired, signed out elsewhere). Forgetting it
 * is enough: the authenticated shell then sends the user to the sign-in page, remembering where they were.
 */
function sessionEnded(): void {
  queryClient.setQueryData(sessionKey, null);
}

interface FetchResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** Awaits an openapi-fetch call and returns its data, or throws an ApiError. */
export async function unwrap<T>(call: Promise<FetchResult<T>>, options: { on401?: 'signIn' | 'ignore' } = {}): Promise<T> {
  let result: FetchResult<T>;
  try {
    result = await call;
  } catch {
    throw new ApiError('network.unavailable', '无法连接服务器，请检查网络后重试');
  }
  const { data, error, response } = result;
  if (!response.ok || error !== undefined) {
    const failure = toApiError(error, response);
    if (failure.status === 401 && (options.on401 ?? 'signIn') === 'signIn') sessionEnded();
    throw failure;
  }
  return data as T;
}

// ── Session ──────────────────────────────────────────────────────────────────────────────────────

async function fetchSession(): Promise<SessionInfo | null> {
  try {
    return await unwrap(api.GET('/api/v1/session'), { on401: 'ignore' });
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

/** The signed-in user, their organisation, roles and navigation; `null` when nobody is signed in. */
export function useSession() {
  return useQuery({ queryKey: sessionKey, queryFn: fetchSession, staleTime: 5 * 60_000 });
}

export function useSignOut() {
  return useMutation({
    mutationFn: () => unwrap(api.DELETE('/api/v1/session'), { on401: 'ignore' }),
    // Signed out or not, nothing of the previous user may stay in memory.
    onSettled: () => {
      queryClient.clear();
      queryClient.setQueryData(sessionKey, null);
    },
  });
}

// ── Organisations ────────────────────────────────────────────────────────────────────────────────

export const orgQueries = {
  list: (query: OrgListQuery) =>
    queryOptions({
      queryKey: ['orgs', 'list', query],
      queryFn: ({ signal }) => unwrap(api.GET('/api/v1/orgs', { params: { query }, signal })),
    }),
  tree: (query: OrgTreeQuery) =>
    queryOptions({
      queryKey: ['orgs', 'tree', query],
      queryFn: ({ signal }) => unwrap(api.GET('/api/v1/orgs/tree', { params: { query }, signal })),
      staleTime: 5 * 60_000,
    }),
  search: (q: string) =>
    queryOptions({
      queryKey: ['orgs', 'search', q],
      queryFn: ({ signal }) => unwrap(api.GET('/api/v1/orgs/search', { params: { query: { q } }, signal })),
    }),
  detail: (key: string) =>
    queryOptions({
      queryKey: ['orgs', 'detail', key],
      queryFn: ({ signal }) => unwrap(api.GET('/api/v1/orgs/{key}', { params: { path: { key } }, signal })),
    }),
};

export function useOrgList(query: OrgListQuery) {
  return useQuery({ ...orgQueries.list(query), placeholderData: keepPreviousData });
}

export function useOrgTree(query: OrgTreeQuery) {
  return useQuery(orgQueries.tree(query));
}

/** Search as the user types; an empty query asks nothing and keeps no results. */
export function useOrgSearch(q: string) {
  const term = q.trim();
  return useQuery({ ...orgQueries.search(term), enabled: term.length > 0, placeholderData: keepPreviousData });
}

export function useOrg(key: string | null) {
  return useQuery({ ...orgQueries.detail(key ?? ''), enabled: key !== null && key !== '' });
}
