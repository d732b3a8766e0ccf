/** The audit log (审计管理员): search newest first, export, verify the chain. */
import { useInfiniteQuery, useMutation } from '@tanstack/react-query';
import { api, unwrap } from './client.js';
import type { components, operations } from './schema.js';

export type AuditEvent = components['schemas']['AuditEvent'];
export type AuditFilter = Omit<NonNullable<operations['searchAuditEvents']['parameters']['query']>, 'before' | 'limit'>;

const pageSize = 50;

/** Pages of events, each continuing before the previous page's oldest (`nextBefore`). */
export function useAuditEvents(filter: AuditFilter) {
  return useInfiniteQuery({
    queryKey: ['audit', 'events', filter],
    queryFn: ({ pageParam, signal }) =>
      unwrap(
        api.GET('/api/v1/audit/events', {
          params: { query: { ...filter, limit: pageSize, ...(pageParam !== undefined ? { before: pageParam } : {}) } },
          signal,
        }),
      ),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => last.nextBefore,
    staleTime: 0,
  });
}

/** The export's address with the same filters; the browser downloads it with the session cookie. */
export function auditExportUrl(filter: AuditFilter, format: 'jsonl' | 'csv'): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) if (value !== undefined && value !== '') params.set(key, String(value));
  params.set('format', format);
  return `/api/v1/audit/export?${params.toString()}`;
}

export function useVerifyAuditLog() {
  return useMutation({ mutationFn: () => unwrap(api.POST('/api/v1/audit/verify')) });
}
