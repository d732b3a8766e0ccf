import { useMutation } from '@tanstack/react-query';
import type { components } from '../api/schema.js';
import { api, queryClient, unwrap, type SessionInfo, type SignInBody } from '../api/client.js';

export type SignInChallenge = components['schemas']['SignInChallenge'];
export type SignInResult = components['schemas']['SignInResult'];
export type TotpEnrolment = components['schemas']['TotpEnrolment'];

export const isChallenge = (result: SignInResult): result is SignInChallenge => 'stage' in result;

/** A sign-in step: user name and password, then the second factor (code or certificate), a new password or an enrolment. */
export type SignInStep =
  | { kind: 'password'; body: SignInBody }
  | { kind: 'second_factor'; challengeId: string; code: string }
  | { kind: 'certificate'; challengeId: string; signature: string }
  | { kind: 'change_password'; challengeId: string; newPassword: string }
  | { kind: 'enrol_second_factor'; challengeId: string; code: string }
  | { kind: 'enrol_certificate'; challengeId: string; certificate: string; signature: string };

function send(step: SignInStep): Promise<SignInResult> {
  const ignore401 = { on401: 'ignore' } as const;
  switch (step.kind) {
    case 'password':
      return unwrap(api.POST('/api/v1/session', { body: step.body }), ignore401);
    case 'second_factor':
      return unwrap(api.POST('/api/v1/session/second-factor', { body: { challengeId: step.challengeId, code: step.code } }), ignore401);
    case 'change_password':
      return unwrap(api.POST('/api/v1/session/password', { body: { challengeId: step.challengeId, newPassword: step.newPassword } }), ignore401);
    case 'enrol_second_factor':
      return unwrap(api.POST('/api/v1/session/totp/confirm', { body: { challengeId: step.challengeId, code: step.code } }), ignore401);
    case 'certificate':
      return unwrap(api.POST('/api/v1/session/certificate', { body: { challengeId: step.challengeId, signature: step.signature } }), ignore401);
    case 'enrol_certificate': {
      const { challengeId, certificate, signature } = step;
      return unwrap(api.POST('/api/v1/session/certificate/enrol', { body: { challengeId, certificate, signature } }), ignore401);
    }
  }
}

/**
 * Runs one step of a staged sign-in. A finished sign-in replaces the cached session (and drops
 * everything cached for a previous user); a pending one returns the next challenge.
 */
export function useSignInStep() {
  return useMutation({
    mutationFn: send,
    onSuccess: (result) => {
      if (isChallenge(result)) return;
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'session' });
      queryClient.setQueryData<SessionInfo>(['session'], result);
    },
  });
}

/** The enrolment QR code for a sign-in that must bind a second factor. */
export function useTotpEnrolment() {
  return useMutation({
    mutationFn: (challengeId: string) =>
      unwrap(api.POST('/api/v1/session/totp/enrol', { body: { challengeId } }), { on401: 'ignore' }),
  });
}
