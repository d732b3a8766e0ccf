/** Receiving (收文): inboxes, the steps of one incoming document, circulation, 催办, paper documents, statistics. */
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { api, queryClient, unwrap } from './client.js';
import type { components, operations } from './schema.js';

export type InboxItem = components['schemas']['InboxItem'];
export type InboxCounts = components['schemas']['InboxCounts'];
export type InboxSummary = components['schemas']['InboxSummary'];
export type Incoming = components['schemas']['IncomingDocument'];
export type IncomingEvent = components['schemas']['IncomingEvent'];
export type CirculationEntry = components['schemas']['CirculationEntry'];
export type IncomingReminder = components['schemas']['IncomingReminder'];
export type IncomingAction = Incoming['actions'][number];
export type SupervisionItem = components['schemas']['SupervisionBoard']['items'][number];
export type ReadingItem = components['schemas']['ReadingList']['items'][number];
export type DocumentStatistics = components['schemas']['DocumentStatistics'];
export type IncomingScan = components['schemas']['IncomingScan'];
export type InboxQuery = NonNullable<operations['listInbox']['parameters']['query']>;
export type StatisticsQuery = operations['getDocumentStatistics']['parameters']['query'];
export type PaperBody = operations['registerPaperIncoming']['requestBody']['content']['application/json'];

type BodyOf<K extends keyof operations> = operations[K] extends { requestBody: { content: { 'application/json': infer B } } } ? B : never;
export type ReviewBody = BodyOf<'reviewIncoming'>;
export type ProposeBody = BodyOf<'proposeIncoming'>;
export type InstructBody = BodyOf<'instructIncoming'>;
export type HandleBody = BodyOf<'handleIncoming'>;
export type CirculateBody = BodyOf<'circulateIncoming'>;
export type ReadBody = BodyOf<'readIncoming'>;
export type RemindBody = BodyOf<'remindIncoming'>;
export type CompleteBody = BodyOf<'completeIncoming'>;

const inboxKey = ['inbox'] as const;
/** Any step changes counts, lists, the board, the reading list and the archive's candidates. */
const refresh = () => Promise.all([queryClient.invalidateQueries({ queryKey: inboxKey }), queryClient.invalidateQueries({ queryKey: ['archive'] })]);

/** The inboxes the user serves, with their counts: the organisation switcher. */
export function useInboxes() {
  return useQuery({
    queryKey: [...inboxKey, 'inboxes'],
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/documents/inboxes', { signal })),
    staleTime: 10_000,
  });
}

export function useInbox(query: InboxQuery, enabled = true) {
  return useQuery({
    queryKey: [...inboxKey, 'list', query],
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/documents/inbox', { params: { query }, signal })),
    enabled,
    placeholderData: keepPreviousData,
    staleTime: 5_000,
  });
}

/** What was circulated to the user (传阅), unread first. */
export function useReadingList(query: { unread: 'true' | 'false'; page: number; pageSize: number }) {
  return useQuery({
    queryKey: [...inboxKey, 'reading', query],
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/documents/reading', { params: { query }, signal })),
    placeholderData: keepPreviousData,
    staleTime: 5_000,
  });
}

export function useIncoming(id: string, enabled = true) {
  return useQuery({
    queryKey: [...inboxKey, 'incoming', id],
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/documents/incoming/{id}', { params: { path: { id } }, signal })),
    staleTime: 0,
    enabled,
  });
}

/** The people the document may be circulated to; asked only when the clerk opens 传阅. */
export function useCirculationReaders(id: string, enabled: boolean) {
  return useQuery({
    queryKey: [...inboxKey, 'readers', id],
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/documents/incoming/{id}/readers', { params: { path: { id } }, signal })),
    enabled,
  });
}

export function useSupervisionBoard(query: { orgId?: string; withinDays: number }, enabled = true) {
  return useQuery({
    queryKey: [...inboxKey, 'supervision', query],
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/documents/inbox/supervision', { params: { query }, signal })),
    enabled,
    placeholderData: keepPreviousData,
    staleTime: 5_000,
  });
}

export function useDocumentStatistics(query: StatisticsQuery | null) {
  return useQuery({
    queryKey: ['documents', 'statistics', query],
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/documents/statistics', { params: { query: query! }, signal })),
    enabled: query !== null,
    placeholderData: keepPreviousData,
  });
}

/** Where the browser downloads the received document: the sealed PDF or the paper document's scan. */
export const incomingFileUrl = (id: string) => `/api/v1/documents/incoming/${encodeURIComponent(id)}/file`;
/** The final PDF of a sent document (a reply). */
export const sentFileUrl = (id: string) => `/api/v1/documents/${encodeURIComponent(id)}/final`;

const at = (id: string) => ({ params: { path: { id } } });

/** One mutation per step; each answers the updated document, which replaces the cached one. */
const steps = {
  sign: (id: string) => api.POST('/api/v1/documents/incoming/{id}/sign', at(id)),
  register: (id: string) => api.POST('/api/v1/documents/incoming/{id}/register', at(id)),
  review: (id: string, body: ReviewBody) => api.POST('/api/v1/documents/incoming/{id}/review', { ...at(id), body }),
  propose: (id: string, body: ProposeBody) => api.POST('/api/v1/documents/incoming/{id}/propose', { ...at(id), body }),
  instruct: (id: string, body: InstructBody) => api.POST('/api/v1/documents/incoming/{id}/instruct', { ...at(id), body }),
  handle: (id: string, body: HandleBody) => api.POST('/api/v1/documents/incoming/{id}/handle', { ...at(id), body }),
  circulate: (id: string, body: CirculateBody) => api.POST('/api/v1/documents/incoming/{id}/circulate', { ...at(id), body }),
  markRead: (id: string, body: ReadBody) => api.POST('/api/v1/documents/incoming/{id}/read', { ...at(id), body }),
  remind: (id: string, body: RemindBody) => api.POST('/api/v1/documents/incoming/{id}/remind', { ...at(id), body }),
  complete: (id: string, body: CompleteBody) => api.POST('/api/v1/documents/incoming/{id}/complete', { ...at(id), body }),
};
export type StepName = keyof typeof steps;
type StepBody<S extends StepName> = Parameters<(typeof steps)[S]>[1];

/** A step on one incoming document (签收, 登记, 初审, 拟办, 批办, 承办, 传阅, 阅文, 催办, 办结). */
export function useIncomingStep<S extends StepName>(step: S) {
  return useMutation({
    mutationFn: async ({ id, body }: { id: string; body?: StepBody<S> }) => {
      const run = steps[step] as (id: string, body?: StepBody<S>) => ReturnType<(typeof steps)['sign']>;
      return unwrap(run(id, body));
    },
    onSuccess: (incoming) => {
      queryClient.setQueryData([...inboxKey, 'incoming', incoming.id], incoming);
      return refresh();
    },
  });
}

/** Uploads a paper document's scan as the raw file (the server judges its type from the bytes). */
export function uploadScan(orgId: string, file: File): Promise<IncomingScan> {
  return unwrap(
    api.POST('/api/v1/documents/incoming/scans', {
      params: { query: { orgId, name: file.name.slice(0, 200) } },
      body: file,
      bodySerializer: (body: Blob) => body,
      headers: { 'content-type': file.type || 'application/octet-stream' },
    }),
  );
}

export function useRegisterPaper() {
  return useMutation({
    mutationFn: async ({ file, body }: { file: File; body: Omit<PaperBody, 'scanFileId'> }) => {
      const scan = await uploadScan(body.orgId, file);
      return unwrap(api.POST('/api/v1/documents/incoming/paper', { body: { ...body, scanFileId: scan.fileId } }));
    },
    onSuccess: refresh,
  });
}
