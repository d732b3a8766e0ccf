/** The service item catalogue (政务服务事项目录): an organisation's items and their 办事指南. */
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import type { GuideElement } from '../../shared/services.js';
import { api, ApiError, queryClient, unwrap } from './client.js';
import type { components, operations } from './schema.js';

type JsonBody<Op extends keyof operations> = operations[Op] extends { requestBody?: infer B }
  ? NonNullable<B> extends { content: { 'application/json': infer J } }
    ? J
    : never
  : never;

export type ServiceItem = components['schemas']['ServiceItem'];
export type ServiceItemSummary = components['schemas']['ServiceItemSummary'];
export type ServiceItemList = components['schemas']['ServiceItemList'];
export type ServiceItemListQuery = NonNullable<operations['listServiceItems']['parameters']['query']>;
export type ServiceItemCreateBody = JsonBody<'createServiceItem'>;
export type ServiceItemUpdateBody = JsonBody<'updateServiceItem'>;
/** The 办事指南 as the editor sends it, without the organisation (create) or the revision (update). */
export type ServiceGuideBody = Omit<ServiceItemCreateBody, 'orgId'>;

/** The guide elements a refused publish or save named (`services.guide_incomplete`: `error.details.missing`); empty otherwise. */
export const guideGaps = (error: unknown): readonly GuideElement[] => {
  const missing = error instanceof ApiError ? (error.details as { missing?: unknown } | undefined)?.missing : undefined;
  return Array.isArray(missing) ? (missing as GuideElement[]) : [];
};

const servicesKey = ['services'] as const;
const keys = {
  list: (query: ServiceItemListQuery) => [...servicesKey, 'items', query] as const,
  item: (id: string) => [...servicesKey, 'item', id] as const,
};

/** Every change moves the item between the status counts and may rename a parent the lists show. */
const afterChange = (item: ServiceItem) => {
  queryClient.setQueryData(keys.item(item.id), item);
  return queryClient.invalidateQueries({ queryKey: [...servicesKey, 'items'] });
};

/** An organisation's items, filtered and paged, with the counts per status and what the user may do there. */
export function useServiceItems(query: ServiceItemListQuery, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: keys.list(query),
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/services/items', { params: { query }, signal })),
    placeholderData: keepPreviousData,
    enabled: Boolean(query.orgId) && (options.enabled ?? true),
  });
}

/** One item with its whole guide, the elements it lacks and its revision. */
export function useServiceItem(id: string | undefined) {
  return useQuery({
    queryKey: keys.item(id ?? ''),
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/services/items/{id}', { params: { path: { id: id! } }, signal })),
    enabled: Boolean(id),
  });
}

/** Writes a new draft (its guide may still have gaps). */
export function useCreateServiceItem() {
  return useMutation({
    mutationFn: (body: ServiceItemCreateBody) => unwrap(api.POST('/api/v1/services/items', { body })),
    onSuccess: afterChange,
  });
}

/** Saves the guide onto the revision the clerk started from; a published item must stay complete. */
export function useUpdateServiceItem() {
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: ServiceItemUpdateBody }) => unwrap(api.PUT('/api/v1/services/items/{id}', { params: { path: { id } }, body })),
    onSuccess: afterChange,
  });
}

export function usePublishServiceItem() {
  return useMutation({
    mutationFn: (id: string) => unwrap(api.POST('/api/v1/services/items/{id}/publish', { params: { path: { id } } })),
    onSuccess: afterChange,
    // A refusal may come from a guide another clerk changed meanwhile: show the item as it is now.
    onError: (_error, id) => void queryClient.invalidateQueries({ queryKey: keys.item(id) }),
  });
}

export function useWithdrawServiceItem() {
  return useMutation({
    mutationFn: ({ id, reason }: { id: string; reason: string }) => unwrap(api.POST('/api/v1/services/items/{id}/withdraw', { params: { path: { id } }, body: { reason } })),
    onSuccess: afterChange,
  });
}

/** Reloads an item (after a 409 services.changed_concurrently). */
export const reloadServiceItem = (id: string) => queryClient.refetchQueries({ queryKey: keys.item(id) });
