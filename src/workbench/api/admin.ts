/** Account administration (系统管理员): users, their organisation and status, role grants, sessions. */
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { api, queryClient, unwrap } from './client.js';
import type { components, operations } from './schema.js';

export type AdminUser = components['schemas']['AdminUser'];
export type UserListQuery = NonNullable<operations['listUsers']['parameters']['query']>;
export type CreateUserBody = operations['createUser']['requestBody']['content']['application/json'];
export type UpdateUserBody = operations['updateUser']['requestBody']['content']['application/json'];
export type GrantRoleBody = operations['grantRole']['requestBody']['content']['application/json'];

const usersKey = ['admin', 'users'] as const;

export function useUsers(query: UserListQuery) {
  return useQuery({
    queryKey: [...usersKey, 'list', query],
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/admin/users', { params: { query }, signal })),
    placeholderData: keepPreviousData,
  });
}

/** Every change answers the updated user: keep lists fresh. */
const refresh = () => queryClient.invalidateQueries({ queryKey: usersKey });

export function useCreateUser() {
  return useMutation({ mutationFn: (body: CreateUserBody) => unwrap(api.POST('/api/v1/admin/users', { body })), onSuccess: refresh });
}

export function useUpdateUser() {
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateUserBody }) =>
      unwrap(api.PATCH('/api/v1/admin/users/{id}', { params: { path: { id } }, body })),
    onSuccess: refresh,
  });
}

export function useGrantRole() {
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: GrantRoleBody }) =>
      unwrap(api.POST('/api/v1/admin/users/{id}/roles', { params: { path: { id } }, body })),
    onSuccess: refresh,
  });
}

export function useRevokeRole() {
  return useMutation({
    mutationFn: ({ id, role, orgId }: { id: string; role: string; orgId: string }) =>
      unwrap(api.DELETE('/api/v1/admin/users/{id}/roles', { params: { path: { id }, query: { role, orgId } } })),
    onSuccess: refresh,
  });
}

export function useEndUserSessions() {
  return useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE('/api/v1/admin/users/{id}/sessions', { params: { path: { id } } })),
  });
}

/** The full 身份证号 and phone of an account. Each call is an audit event, so it runs only on request. */
export function useRevealPersonalData() {
  return useMutation({
    mutationFn: (id: string) => unwrap(api.GET('/api/v1/admin/users/{id}/personal-data', { params: { path: { id } } })),
  });
}
