/** Sending official documents (发文): drafts, the flow's actions, versions, the to-do list and workflows. */
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { api, ApiError, queryClient, unwrap } from './client.js';
import type { components, operations } from './schema.js';

export type DocumentView = components['schemas']['Document'];
export type DocumentSummary = components['schemas']['DocumentSummary'];
export type DocumentAttachment = components['schemas']['DocumentAttachment'];
export type DocumentTask = components['schemas']['DocumentTask'];
export type DocumentTodo = components['schemas']['DocumentTodo'];
export type DocumentFlow = components['schemas']['DocumentFlow'];
export type DocumentFlowEvent = components['schemas']['DocumentFlowEvent'];
export type DocumentDiff = components['schemas']['DocumentDiff'];
export type DocumentVersionSummary = components['schemas']['DocumentVersionSummary'];
export type DocumentWorkflow = components['schemas']['DocumentWorkflow'];
export type DeliveryReceipt = components['schemas']['DeliveryReceipt'];
export type CreateDocumentBody = components['schemas']['CreateDocument'];
export type UpdateDocumentBody = components['schemas']['UpdateDocument'];
export type WorkflowUpdateBody = components['schemas']['DocumentWorkflowUpdate'];
export type DocumentListQuery = NonNullable<operations['listDocuments']['parameters']['query']>;
export type TodoQuery = NonNullable<operations['documentTodo']['parameters']['query']>;
export type DocumentAction = DocumentView['actions'][number];
export type DocumentSearchResult = components['schemas']['DocumentSearchResult'];
export type DocumentSearchHit = components['schemas']['DocumentSearchHit'];
export type DocumentSearchQuery = operations['searchDocuments']['parameters']['query'];

/** One 行文规则 problem the server found at save, submit or sign-off (`error.details.problems`). */
export interface RuleProblem {
  readonly code: string;
  readonly message: string;
  readonly orgIds: readonly string[];
}

/** The rule problems a failed save carried (`error.details.problems`); empty for any other failure. */
export const ruleProblems = (error: unknown): readonly RuleProblem[] => {
  const problems = error instanceof ApiError ? (error.details as { problems?: unknown } | undefined)?.problems : undefined;
  return Array.isArray(problems) ? (problems as RuleProblem[]) : [];
};

const documentsKey = ['documents', 'send'] as const;
const keys = {
  list: (query: DocumentListQuery) => [...documentsKey, 'list', query] as const,
  todo: (query: TodoQuery) => [...documentsKey, 'todo', query] as const,
  one: (id: string) => [...documentsKey, 'one', id] as const,
  workflow: (orgId: string) => [...documentsKey, 'workflow', orgId] as const,
};

/** Every write answers the document as it now is: store it and let lists and the flow reload. */
function refreshWith(doc: DocumentView) {
  queryClient.setQueryData(keys.one(doc.id), doc);
  void queryClient.invalidateQueries({ queryKey: documentsKey, predicate: (q) => q.queryKey[2] !== 'one' || q.queryKey[3] === doc.id });
}

export function useDocuments(query: DocumentListQuery) {
  return useQuery({
    queryKey: keys.list(query),
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/documents', { params: { query }, signal })),
    placeholderData: keepPreviousData,
  });
}

/** The user's open tasks across all steps, with counts per step and overdue marks. */
export function useTodo(query: TodoQuery) {
  return useQuery({
    queryKey: keys.todo(query),
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/documents/todo', { params: { query }, signal })),
    placeholderData: keepPreviousData,
  });
}

/** Full-text search over the documents the user may see; nothing is asked without a query. */
export function useDocumentSearch(query: DocumentSearchQuery | null) {
  return useQuery({
    queryKey: [...documentsKey, 'search', query],
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/documents/search', { params: { query: query! }, signal })),
    enabled: query !== null,
    placeholderData: keepPreviousData,
  });
}

export function useDocument(id: string | undefined) {
  return useQuery({
    queryKey: keys.one(id ?? ''),
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/documents/{id}', { params: { path: { id: id! } }, signal })),
    enabled: Boolean(id),
  });
}

/** The flow history and, after 核发, the deliveries. */
export function useDocumentFlow(id: string) {
  return useQuery({
    queryKey: [...keys.one(id), 'flow'],
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/documents/{id}/flow', { params: { path: { id } }, signal })),
  });
}

/** The recipients' receipts (签收, 退回, 办结), for the issuing organisation's clerks and leaders. */
export function useDeliveryReceipts(id: string, enabled: boolean) {
  return useQuery({
    queryKey: [...keys.one(id), 'receipts'],
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/documents/{id}/receipts', { params: { path: { id } }, signal })),
    enabled,
  });
}

export function useDocumentVersions(id: string) {
  return useQuery({
    queryKey: [...keys.one(id), 'versions'],
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/documents/{id}/versions', { params: { path: { id } }, signal })),
  });
}

export function useDocumentDiff(id: string, from: number | undefined, to: number | undefined) {
  return useQuery({
    queryKey: [...keys.one(id), 'diff', from, to],
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/v1/documents/{id}/diff', { params: { path: { id }, query: { from: from!, to: to! } }, signal })),
    enabled: from !== undefined && to !== undefined && from !== to,
  });
}

export function useCreateDocument() {
  return useMutation({
    mutationFn: (body: CreateDocumentBody) => unwrap(api.POST('/api/v1/documents', { body })),
    onSuccess: refreshWith,
  });
}

export function useUpdateDocument() {
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateDocumentBody }) =>
      unwrap(api.PATCH('/api/v1/documents/{id}', { params: { path: { id } }, body })),
    onSuccess: refreshWith,
  });
}

/** Uploads one attachment: the body is the file itself, its Content-Type the type the browser gives. */
export function useAddAttachment() {
  return useMutation({
    mutationFn: ({ id, file }: { id: string; file: File }) =>
      unwrap(
        api.POST('/api/v1/documents/{id}/attachments', {
          params: { path: { id }, query: { name: file.name } },
          body: file,
          bodySerializer: (body: Blob) => body,
          headers: { 'content-type': file.type || 'application/octet-stream' },
        }),
      ),
    onSuccess: refreshWith,
  });
}

export function useRemoveAttachment() {
  return useMutation({
    mutationFn: ({ id, attachmentId }: { id: string; attachmentId: string }) =>
      unwrap(api.DELETE('/api/v1/documents/{id}/attachments/{attachmentId}', { params: { path: { id, attachmentId } } })),
    onSuccess: refreshWith,
  });
}

/** A flow action with what it carries: an opinion, a co-issuer, a prefix, a step to return to, a reason. */
export type FlowCommand =
  | { action: 'submit' | 'approve' | 'signOff' | 'seal' | 'issue'; opinion?: string }
  | { action: 'countersign'; opinion?: string; orgId?: string }
  | { action: 'register'; prefix?: string }
  | { action: 'return'; toStep: NonNullable<DocumentView['currentStep']>; reason: string }
  | { action: 'cancel'; reason: string };

function runCommand(id: string, command: FlowCommand) {
  const path = { path: { id } };
  const opinion = 'opinion' in command && command.opinion ? { opinion: command.opinion } : {};
  switch (command.action) {
    case 'submit':
      return unwrap(api.POST('/api/v1/documents/{id}/submit', { params: path, body: opinion }));
    case 'approve':
      return unwrap(api.POST('/api/v1/documents/{id}/approve', { params: path, body: opinion }));
    case 'countersign':
      return unwrap(api.POST('/api/v1/documents/{id}/countersign', { params: path, body: { ...opinion, ...(command.orgId ? { orgId: command.orgId } : {}) } }));
    case 'signOff':
      return unwrap(api.POST('/api/v1/documents/{id}/sign-off', { params: path, body: opinion }));
    case 'register':
      return unwrap(api.POST('/api/v1/documents/{id}/register', { params: path, body: command.prefix ? { prefix: command.prefix } : {} }));
    case 'seal':
      return unwrap(api.POST('/api/v1/documents/{id}/seal', { params: path, body: opinion }));
    case 'issue':
      return unwrap(api.POST('/api/v1/documents/{id}/issue', { params: path, body: opinion }));
    case 'return':
      return unwrap(api.POST('/api/v1/documents/{id}/return', { params: path, body: { toStep: command.toStep, reason: command.reason } }));
    case 'cancel':
      return unwrap(api.POST('/api/v1/documents/{id}/cancel', { params: path, body: { reason: command.reason } }));
  }
}

export function useFlowCommand(id: string) {
  return useMutation({ mutationFn: (command: FlowCommand) => runCommand(id, command), onSuccess: refreshWith });
}

/** URL of the final PDF (sealed once 用印 is done), shown inline by the browser. */
export const finalCopyUrl = (id: string) => `/api/v1/documents/${encodeURIComponent(id)}/final`;
export const attachmentUrl = (id: string, attachmentId: string) =>
  `/api/v1/documents/${encodeURIComponent(id)}/attachments/${encodeURIComponent(attachmentId)}`;

export function useWorkflow(orgId: string | undefined) {
  return useQuery({
    queryKey: keys.workflow(orgId ?? ''),
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/documents/workflows/{orgId}', { params: { path: { orgId: orgId! } }, signal })),
    enabled: Boolean(orgId),
  });
}

export function useUpdateWorkflow() {
  return useMutation({
    mutationFn: ({ orgId, body }: { orgId: string; body: WorkflowUpdateBody }) =>
      unwrap(api.PUT('/api/v1/documents/workflows/{orgId}', { params: { path: { orgId } }, body })),
    onSuccess: (workflow) => queryClient.setQueryData(keys.workflow(workflow.orgId), workflow),
  });
}
