/** The signed-in user's own account: password, second factor and sessions. */
import { useMutation, useQuery } from '@tanstack/react-query';
import { api, queryClient, unwrap } from './client.js';
import type { components } from './schema.js';

export type AccountSession = components['schemas']['AccountSession'];

const sessionsKey = ['account', 'sessions'] as const;

export function useMySessions() {
  return useQuery({
    queryKey: sessionsKey,
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/account/sessions', { signal })),
    staleTime: 0,
  });
}

export function useEndMySession() {
  return useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE('/api/v1/account/sessions/{id}', { params: { path: { id } } })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: sessionsKey }),
  });
}

export function useChangePassword() {
  return useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) =>
      unwrap(api.POST('/api/v1/account/password', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sessionsKey }),
  });
}

export function useStartTotpEnrolment() {
  return useMutation({ mutationFn: () => unwrap(api.POST('/api/v1/account/totp/enrol')) });
}

export function useConfirmTotp() {
  return useMutation({
    mutationFn: (code: string) => unwrap(api.POST('/api/v1/account/totp/confirm', { body: { code } })),
  });
}
