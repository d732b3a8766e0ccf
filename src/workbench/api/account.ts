/** The signed-in user's own account: password, second factors (TOTP, SM2 certificate) and sessions. */
import { useMutation, useQuery } from '@tanstack/react-query';
import { api, ApiError, queryClient, unwrap } from './client.js';
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
    onSuccess: () => refreshSecondFactors(),
  });
}

// ── Second factors: TOTP and the SM2 certificate ────────────────────────────────────────────────

export type SecondFactors = components['schemas']['SecondFactors'];
export type CertificateFactor = components['schemas']['CertificateFactor'];

const secondFactorsKey = ['account', 'second-factors'] as const;

/** The user's second factors, what the security policy accepts, and what he may change. */
export function useSecondFactors() {
  return useQuery({
    queryKey: secondFactorsKey,
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/account/second-factors', { signal })),
    staleTime: 0,
  });
}

export const refreshSecondFactors = () => queryClient.invalidateQueries({ queryKey: secondFactorsKey });

/**
 * Binds a certificate: asks the server for a nonce, has `sign` sign it in the browser (the key
 * stays there), and sends the certificate with the signature. A failed attempt uses the nonce up.
 */
export function useEnrolCertificate() {
  return useMutation({
    mutationFn: async ({ certificate, sign }: { certificate: string; sign: (nonce: string) => Promise<string> }) => {
      const { nonce } = await unwrap(api.POST('/api/v1/account/certificate/nonce'));
      let signature: string;
      try {
        signature = await sign(nonce);
      } catch (error) {
        throw new ApiError('key_file.invalid', error instanceof Error ? error.message : String(error));
      }
      return unwrap(api.POST('/api/v1/account/certificate', { body: { nonce, certificate, signature } }));
    },
    onSettled: refreshSecondFactors,
  });
}

export function useRemoveCertificate() {
  return useMutation({
    mutationFn: () => unwrap(api.DELETE('/api/v1/account/certificate')),
    onSettled: refreshSecondFactors,
  });
}
