/** The security policy (安全管理员). */
import { useMutation, useQuery } from '@tanstack/react-query';
import { api, queryClient, unwrap } from './client.js';
import type { components } from './schema.js';

export type SecurityPolicy = components['schemas']['SecurityPolicy'];

const policyKey = ['security', 'policy'] as const;

export function useSecurityPolicy() {
  return useQuery({ queryKey: policyKey, queryFn: ({ signal }) => unwrap(api.GET('/api/v1/security/policy', { signal })) });
}

export function useSetSecurityPolicy() {
  return useMutation({
    mutationFn: (body: SecurityPolicy) => unwrap(api.PUT('/api/v1/security/policy', { body })),
    onSuccess: (policy) => queryClient.setQueryData(policyKey, policy),
  });
}
