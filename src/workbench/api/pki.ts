/** Certificates of the platform's CA (安全管理员). */
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { api, queryClient, unwrap } from './client.js';
import type { components, operations } from './schema.js';

export type Certificate = components['schemas']['Certificate'];
export type IssueRequest = components['schemas']['IssueCertificateRequest'];
export type IssuedCertificate = components['schemas']['IssuedCertificate'];
export type CertificateListQuery = NonNullable<operations['listCertificates']['parameters']['query']>;
export type RevocationReason = operations['revokeCertificate']['requestBody']['content']['application/json']['reason'];

const certificatesKey = ['pki', 'certificates'] as const;

export function useCertificates(query: CertificateListQuery) {
  return useQuery({
    queryKey: [...certificatesKey, 'list', query],
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/pki/certificates', { params: { query }, signal })),
    placeholderData: keepPreviousData,
  });
}

/** The SM2 root, if one was created: `null` before `hinggan ca init` or the first issue. */
export function useRootCertificate() {
  return useQuery({
    queryKey: [...certificatesKey, 'root'],
    queryFn: async ({ signal }) => {
      const list = await unwrap(api.GET('/api/v1/pki/certificates', { params: { query: { kind: 'root', pageSize: 10 } }, signal }));
      return list.items.find((c) => c.profile === 'sm2') ?? list.items[0] ?? null;
    },
  });
}

const refresh = () => queryClient.invalidateQueries({ queryKey: certificatesKey });

export function useIssueCertificate() {
  return useMutation({
    mutationFn: (body: IssueRequest) => unwrap(api.POST('/api/v1/pki/certificates', { body })),
    onSuccess: refresh,
  });
}

export function useRevokeCertificate() {
  return useMutation({
    mutationFn: ({ serial, reason }: { serial: string; reason: RevocationReason }) =>
      unwrap(api.POST('/api/v1/pki/certificates/{serial}/revoke', { params: { path: { serial } }, body: { reason } })),
    onSuccess: refresh,
  });
}
