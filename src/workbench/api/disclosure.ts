/** Government information disclosure (信息公开): the catalogue, guide and rules, requests and annual reports. */
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { api, queryClient, unwrap } from './client.js';
import type { components, operations } from './schema.js';

type JsonBody<Op extends keyof operations> = operations[Op] extends { requestBody?: infer B }
  ? NonNullable<B> extends { content: { 'application/json': infer J } }
    ? J
    : never
  : never;

export type DisclosureSettings = components['schemas']['DisclosureSettings'];
export type DisclosureText = components['schemas']['DisclosureText'];
export type DisclosureEntry = components['schemas']['DisclosureEntry'];
export type DisclosureRequest = components['schemas']['DisclosureRequest'];
export type DisclosureRequestDetail = components['schemas']['DisclosureRequestDetail'];
export type DisclosureReport = components['schemas']['DisclosureReport'];
export type DisclosureReportData = components['schemas']['DisclosureReportData'];
export type DisclosureReportSummary = components['schemas']['DisclosureReportList']['items'][number];
export type EntryListQuery = NonNullable<operations['listDisclosureEntries']['parameters']['query']>;
export type RequestListQuery = NonNullable<operations['listDisclosureRequests']['parameters']['query']>;
export type EntryCreateBody = JsonBody<'createDisclosureEntry'>;
export type EntryUpdateBody = JsonBody<'updateDisclosureEntry'>;
export type ValidityBody = JsonBody<'setDisclosureEntryValidity'>;
export type ReplyBody = Omit<JsonBody<'replyDisclosureRequest'>, 'revision'>;
export type TextKind = 'guide' | 'rules';

const disclosureKey = ['disclosure'] as const;
const keys = {
  settings: (orgId: string) => [...disclosureKey, 'settings', orgId] as const,
  versions: (orgId: string, kind: TextKind) => [...disclosureKey, 'versions', orgId, kind] as const,
  entries: (query: EntryListQuery) => [...disclosureKey, 'entries', query] as const,
  requests: (query: RequestListQuery) => [...disclosureKey, 'requests', query] as const,
  request: (id: string) => [...disclosureKey, 'request', id] as const,
  reports: (orgId: string) => [...disclosureKey, 'reports', orgId] as const,
  report: (id: string) => [...disclosureKey, 'report', id] as const,
};
const invalidate = (part: string) => queryClient.invalidateQueries({ queryKey: [...disclosureKey, part] });

// ── Settings, guide and rules ────────────────────────────────────────────────────────────────────

/** The organisation's 机构代码, current guide and rules, counts per category and what the user may do. */
export function useDisclosureSettings(orgId: string | undefined) {
  return useQuery({
    queryKey: keys.settings(orgId ?? ''),
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/disclosure/orgs/{orgId}', { params: { path: { orgId: orgId! } }, signal })),
    enabled: Boolean(orgId),
  });
}

export function useTextVersions(orgId: string, kind: TextKind) {
  return useQuery({
    queryKey: keys.versions(orgId, kind),
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/disclosure/orgs/{orgId}/texts/{kind}', { params: { path: { orgId, kind } }, signal })),
  });
}

/** Saves the guide or the rules as a new version; the answer is the settings with the sanitised text. */
export function useSaveText() {
  return useMutation({
    mutationFn: ({ orgId, kind, bodyHtml }: { orgId: string; kind: TextKind; bodyHtml: string }) =>
      unwrap(api.PUT('/api/v1/disclosure/orgs/{orgId}/texts/{kind}', { params: { path: { orgId, kind } }, body: { bodyHtml } })),
    onSuccess: (settings, { orgId, kind }) => {
      queryClient.setQueryData(keys.settings(orgId), settings);
      void queryClient.invalidateQueries({ queryKey: keys.versions(orgId, kind) });
    },
  });
}

// ── Catalogue ────────────────────────────────────────────────────────────────────────────────────

export function useEntries(query: EntryListQuery) {
  return useQuery({
    queryKey: keys.entries(query),
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/disclosure/entries', { params: { query }, signal })),
    placeholderData: keepPreviousData,
  });
}

const afterEntryChange = () => Promise.all([invalidate('entries'), invalidate('settings')]);

export function useSaveEntry() {
  return useMutation({
    mutationFn: (input: { id: string; body: EntryUpdateBody } | { id?: undefined; body: EntryCreateBody }) =>
      input.id
        ? unwrap(api.PATCH('/api/v1/disclosure/entries/{id}', { params: { path: { id: input.id } }, body: input.body }))
        : unwrap(api.POST('/api/v1/disclosure/entries', { body: input.body as EntryCreateBody })),
    onSuccess: afterEntryChange,
  });
}

/** Types the server's upload route accepts as such; anything else goes as octet-stream and is sniffed. */
const uploadTypes = new Set(['application/pdf', 'image/png', 'image/jpeg']);

/** Attaches the entry's file: the body is the file itself; the server sniffs its type from the bytes. */
export function useUploadEntryFile() {
  return useMutation({
    mutationFn: ({ id, file }: { id: string; file: File }) =>
      unwrap(
        api.PUT('/api/v1/disclosure/entries/{id}/file', {
          params: { path: { id }, query: { name: file.name } },
          // The route reads the raw body (no JSON schema), so the contract has no request body to type.
          body: file as never,
          bodySerializer: ((body: Blob) => body) as never,
          headers: { 'content-type': uploadTypes.has(file.type) ? file.type : 'application/octet-stream' },
        }),
      ),
    onSuccess: afterEntryChange,
  });
}

export function usePublishEntry() {
  return useMutation({
    mutationFn: (id: string) => unwrap(api.POST('/api/v1/disclosure/entries/{id}/publish', { params: { path: { id } } })),
    onSuccess: afterEntryChange,
  });
}

export function useWithdrawEntry() {
  return useMutation({
    mutationFn: ({ id, reason }: { id: string; reason: string }) => unwrap(api.POST('/api/v1/disclosure/entries/{id}/withdraw', { params: { path: { id } }, body: { reason } })),
    onSuccess: afterEntryChange,
  });
}

export function useSetValidity() {
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: ValidityBody }) => unwrap(api.POST('/api/v1/disclosure/entries/{id}/validity', { params: { path: { id } }, body })),
    onSuccess: afterEntryChange,
  });
}

// ── Requests (依申请公开) ─────────────────────────────────────────────────────────────────────────

export function useRequests(query: RequestListQuery) {
  return useQuery({
    queryKey: keys.requests(query),
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/disclosure/requests', { params: { query }, signal })),
    placeholderData: keepPreviousData,
  });
}

export function useRequest(id: string) {
  return useQuery({
    queryKey: keys.request(id),
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/disclosure/requests/{id}', { params: { path: { id } }, signal })),
  });
}

/** The handling steps; each is written onto the revision the officer read, and answers the request as it now is. */
export type RequestStep =
  | { step: 'accept' }
  | { step: 'correction'; notice: string }
  | { step: 'consultation'; party: string; note?: string }
  | { step: 'consultation/end'; note?: string }
  | { step: 'extend'; days: number; reason: string }
  | ({ step: 'reply' } & ReplyBody);

export function useRequestStep(id: string) {
  return useMutation({
    mutationFn: ({ revision, input }: { revision: number; input: RequestStep }) => {
      const path = { path: { id } };
      switch (input.step) {
        case 'accept':
          return unwrap(api.POST('/api/v1/disclosure/requests/{id}/accept', { params: path, body: { revision } }));
        case 'correction':
          return unwrap(api.POST('/api/v1/disclosure/requests/{id}/correction', { params: path, body: { revision, notice: input.notice } }));
        case 'consultation':
          return unwrap(api.POST('/api/v1/disclosure/requests/{id}/consultation', { params: path, body: { revision, party: input.party, ...(input.note ? { note: input.note } : {}) } }));
        case 'consultation/end':
          return unwrap(api.POST('/api/v1/disclosure/requests/{id}/consultation/end', { params: path, body: { revision, ...(input.note ? { note: input.note } : {}) } }));
        case 'extend':
          return unwrap(api.POST('/api/v1/disclosure/requests/{id}/extend', { params: path, body: { revision, days: input.days, reason: input.reason } }));
        case 'reply': {
          const { step: _step, ...reply } = input;
          return unwrap(api.POST('/api/v1/disclosure/requests/{id}/reply', { params: path, body: { revision, ...reply } }));
        }
      }
    },
    onSuccess: (detail) => {
      queryClient.setQueryData(keys.request(id), detail);
      void invalidate('requests');
    },
  });
}

/** The reply's 告知书 (PDF): the session cookie opens it in a new tab. */
export const noticeUrl = (id: string) => `/api/v1/disclosure/requests/${encodeURIComponent(id)}/notice`;

// ── Annual reports ───────────────────────────────────────────────────────────────────────────────

export function useReports(orgId: string) {
  return useQuery({
    queryKey: keys.reports(orgId),
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/disclosure/reports', { params: { query: { orgId } }, signal })),
  });
}

export function useReport(id: string) {
  return useQuery({
    queryKey: keys.report(id),
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/disclosure/reports/{id}', { params: { path: { id } }, signal })),
  });
}

const storeReport = (report: DisclosureReport) => {
  queryClient.setQueryData(keys.report(report.id), report);
  void invalidate('reports');
};

/** Generates the year's report from the data, or regenerates a draft keeping its hand-written parts. */
export function useGenerateReport() {
  return useMutation({
    mutationFn: (body: { orgId: string; year: number }) => unwrap(api.POST('/api/v1/disclosure/reports', { body })),
    onSuccess: storeReport,
  });
}

export function useSaveReport(id: string) {
  return useMutation({
    mutationFn: (data: DisclosureReportData) => unwrap(api.PUT('/api/v1/disclosure/reports/{id}', { params: { path: { id } }, body: { data } })),
    onSuccess: storeReport,
  });
}

export function usePublishReport(id: string) {
  return useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/disclosure/reports/{id}/publish', { params: { path: { id } } })),
    onSuccess: storeReport,
  });
}
