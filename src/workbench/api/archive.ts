/** Filing (归档): an organisation's archive, one 件 with its metadata, filing, 全宗 settings, packages. */
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { api, queryClient, unwrap } from './client.js';
import type { components, operations } from './schema.js';

export type ArchiveItem = components['schemas']['ArchiveItem'];
export type ArchiveItemDetail = components['schemas']['ArchiveItemDetail'];
export type ArchiveMetadata = components['schemas']['ArchiveMetadata'];
export type ArchiveFonds = components['schemas']['ArchiveFonds'];
export type ArchiveListQuery = operations['listArchive']['parameters']['query'];
export type FileBody = operations['fileDocument']['requestBody']['content']['application/json'];
export type FondsBody = operations['updateArchiveFonds']['requestBody']['content']['application/json'];
export type Retention = ArchiveItem['retention'];
export type SentDocument = components['schemas']['DocumentSummary'];

const archiveKey = ['archive'] as const;
const refresh = () => Promise.all([queryClient.invalidateQueries({ queryKey: archiveKey }), queryClient.invalidateQueries({ queryKey: ['inbox'] })]);

export function useArchive(query: ArchiveListQuery | null) {
  return useQuery({
    queryKey: [...archiveKey, 'list', query],
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/documents/archive', { params: { query: query! }, signal })),
    enabled: query !== null,
    placeholderData: keepPreviousData,
    staleTime: 5_000,
  });
}

export function useArchiveItem(id: string | undefined) {
  return useQuery({
    queryKey: [...archiveKey, 'item', id],
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/documents/archive/{id}', { params: { path: { id: id! } }, signal })),
    enabled: Boolean(id),
  });
}

export function useFonds(orgId: string | undefined, enabled = true) {
  return useQuery({
    queryKey: [...archiveKey, 'fonds', orgId],
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/documents/archive/fonds', { params: { query: { orgId: orgId! } }, signal })),
    enabled: enabled && Boolean(orgId),
  });
}

export function useUpdateFonds() {
  return useMutation({ mutationFn: (body: FondsBody) => unwrap(api.PUT('/api/v1/documents/archive/fonds', { body })), onSuccess: refresh });
}

/** 归档: composes a finished document into a 件 with its 档号 and the 归档章. */
export function useFileDocument() {
  return useMutation({ mutationFn: (body: FileBody) => unwrap(api.POST('/api/v1/documents/archive', { body })), onSuccess: refresh });
}

/** Issued documents of an organisation, candidates for filing a sent document. */
export function useIssuedDocuments(orgId: string | undefined, q: string, enabled: boolean) {
  return useQuery({
    queryKey: [...archiveKey, 'issued', orgId, q],
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/v1/documents', { params: { query: { status: 'issued', orgId: orgId!, pageSize: 50, page: 1, ...(q ? { q } : {}) } }, signal })),
    enabled: enabled && Boolean(orgId),
    placeholderData: keepPreviousData,
  });
}

/** Completed incoming documents of an organisation, candidates for filing a received document. */
export function useCompletedIncoming(orgId: string | undefined, q: string, enabled: boolean) {
  return useQuery({
    queryKey: ['inbox', 'list', 'completed-for-filing', orgId, q],
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/v1/documents/inbox', { params: { query: { orgId: orgId!, view: 'completed', pageSize: 100, page: 1, ...(q ? { q } : {}) } }, signal })),
    enabled: enabled && Boolean(orgId),
    placeholderData: keepPreviousData,
  });
}

/** The filed copy (with the 归档章) or the untouched original, downloaded with the session cookie. */
export const archiveFileUrl = (id: string, copy: 'archival' | 'original' = 'archival') =>
  `/api/v1/documents/archive/${encodeURIComponent(id)}/file?copy=${copy}`;

/** The archival package of an organisation and year (tar.gz). */
export const archiveExportUrl = (orgId: string, year: number) =>
  `/api/v1/documents/archive/export?${new URLSearchParams({ orgId, year: String(year) }).toString()}`;
