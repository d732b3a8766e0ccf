import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { demoPassword, seededApp, signIn, testConfig } from '../../../../test/support/app.js';
import { hinggan } from '../../../../test/support/cli.js';
import { describeEachDialect, freshDatabase } from '../../../../test/support/db.js';
import { certificateChallengeMessage, type CertificateChallengePurpose } from '../../../shared/certificate-challenge.js';
import { FixedClock } from '../../platform/clock.js';
import { sm2PrivateKeyFromPem, sm2Sign } from '../../platform/crypto/index.js';
import { createPkiService } from '../pki/index.js';
import { totpCodeAt } from './totp.js';

/** The origin `app.inject` requests reach (Host: localhost:80). */
const origin = 'http://localhost';
const day = 86_400_000;

interface Issued {
  readonly serial: string;
  readonly certificatePem: string;
  readonly privateKeyPem: string;
}

function sign(keyPem: string, purpose: CertificateChallengePurpose, username: string, nonce: string, at = origin): string {
  const message = certificateChallengeMessage({ purpose, origin: at, username, nonce });
  return Buffer.from(sm2Sign(sm2PrivateKeyFromPem(keyPem).privateKey, message, { userId: '1234567812345678' })).toString('base64');
}

describeEachDialect('the SM2 certificate second factor', (database) => {
  const clock = new FixedClock('2026-11-27T02:00:00Z');
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await seededApp(database(), { clock, config: testConfig({ HINGGAN_RATE_LIMIT_SIGN_IN: '10000' }) });
  });
  afterAll(() => app.close());

  const post = (url: string, payload: object, cookie?: string) =>
    app.inject({ method: 'POST', url, payload, ...(cookie ? { headers: { cookie } } : {}) });
  const get = (url: string, cookie: string) => app.inject({ url, headers: { cookie } });
  const password = (username: string) => post('/api/v1/session', { username, password: demoPassword });

  async function issue(username: string, validityDays?: number): Promise<Issued> {
    const body = { kind: 'personal', username, name: `${username} 个人证书`, profile: 'sm2', ...(validityDays ? { validityDays } : {}) };
    const response = await post('/api/v1/pki/certificates', body, await signIn(app, 'secadmin'));
    expect(response.statusCode).toBe(201);
    const { certificate, privateKeyPem } = response.json();
    return { serial: certificate.serial, certificatePem: certificate.certificatePem, privateKeyPem };
  }

  /** Binds a certificate on 我的账号: a nonce, the signature of it, the certificate. */
  async function enrol(cookie: string, username: string, cert: Pick<Issued, 'certificatePem'>, keyPem: string) {
    const { nonce } = (await post('/api/v1/account/certificate/nonce', {}, cookie)).json();
    return post('/api/v1/account/certificate', { nonce, certificate: cert.certificatePem, signature: sign(keyPem, 'enrol', username, nonce) }, cookie);
  }

  /** Password step, then the certificate step with a signature by `keyPem`. */
  async function signInWith(username: string, keyPem: string) {
    const challenge = (await password(username)).json();
    const signature = sign(keyPem, 'sign-in', username, challenge.nonce);
    return { challenge, signature, answer: await post('/api/v1/session/certificate', { challengeId: challenge.challengeId, signature }) };
  }

  it('binds a certificate the CA issued and signs in with it; the nonce is fresh, single-use and audited', async () => {
    const cert = await issue('fgw.clerk');
    const cookie = await signIn(app, 'fgw.clerk');
    const bound = await enrol(cookie, 'fgw.clerk', cert, cert.privateKeyPem);
    expect(bound.statusCode).toBe(200);
    expect(bound.json()).toMatchObject({ serial: cert.serial, status: 'valid', lastUsedAt: null });
    const factors = (await get('/api/v1/account/second-factors', cookie)).json();
    expect(factors).toMatchObject({
      required: false,
      accepted: ['totp', 'sm2'],
      totp: { enrolled: false },
      certificate: { serial: cert.serial, commonName: 'fgw.clerk 个人证书', status: 'valid' },
      actions: ['enrolTotp', 'enrolCertificate', 'removeCertificate'],
    });
    expect(Date.parse(factors.certificate.notAfter) - Date.parse(factors.certificate.notBefore)).toBe(730 * day);

    const challenge = (await password('fgw.clerk')).json();
    expect(challenge).toEqual({ stage: 'second_factor', challengeId: expect.any(String), methods: ['sm2'], nonce: expect.any(String), username: 'fgw.clerk' });
    expect(Buffer.from(challenge.nonce, 'base64url').length).toBeGreaterThanOrEqual(16);
    expect((await password('fgw.clerk')).json().nonce).not.toBe(challenge.nonce);
    const signature = sign(cert.privateKeyPem, 'sign-in', 'fgw.clerk', challenge.nonce);
    const done = await post('/api/v1/session/certificate', { challengeId: challenge.challengeId, signature });
    expect(done.statusCode).toBe(200);
    expect(done.json().user.username).toBe('fgw.clerk');
    expect(done.cookies.find((c) => c.name === 'hinggan_session')).toBeDefined();

    // Replays: the same challenge again, and the old signature on a new challenge.
    const again = await post('/api/v1/session/certificate', { challengeId: challenge.challengeId, signature });
    expect(again.json().error.code).toBe('auth.challenge_expired');
    const fresh = (await password('fgw.clerk')).json();
    const replay = await post('/api/v1/session/certificate', { challengeId: fresh.challengeId, signature });
    expect(replay.statusCode).toBe(401);
    expect(replay.json().error).toMatchObject({ code: 'auth.invalid_credentials', message: '用户名或密码错误' });
    // A used enrolment nonce is refused too.
    const { nonce } = (await post('/api/v1/account/certificate/nonce', {}, cookie)).json();
    const body = { nonce, certificate: cert.certificatePem, signature: sign(cert.privateKeyPem, 'enrol', 'fgw.clerk', nonce) };
    expect((await post('/api/v1/account/certificate', body, cookie)).statusCode).toBe(200);
    expect((await post('/api/v1/account/certificate', body, cookie)).json().error.code).toBe('identity.certificate_nonce_expired');

    const auditor = await signIn(app, 'auditor');
    type Event = { object: { id: string } | null; details: Record<string, unknown>; actorName: string };
    const events = async (action: string) =>
      (await get(`/api/v1/audit/events?action=${action}&actorName=fgw.clerk&limit=100`, auditor)).json().events as Event[];
    expect((await events('account.certificate_enrol'))[0]).toMatchObject({ object: { id: cert.serial }, details: { atSignIn: false } });
    const signIns = (await events('auth.sign_in')).filter((e) => e.details.method === 'password+sm2');
    expect(signIns).toHaveLength(1);
    expect(signIns[0]!.object).toMatchObject({ type: 'certificate', id: cert.serial });
    expect((await get('/api/v1/account/second-factors', cookie)).json().certificate.lastUsedAt).toBe(clock.now().toISOString());
  });

  it('refuses a wrong signature with the generic answer and counts it towards the lockout', async () => {
    const cert = await issue('ulh.clerk');
    await enrol(await signIn(app, 'ulh.clerk'), 'ulh.clerk', cert, cert.privateKeyPem);
    const challenge = (await password('ulh.clerk')).json();
    const wrong = [
      sign(cert.privateKeyPem, 'sign-in', 'ulh.clerk', 'A'.repeat(43)), // another nonce
      sign(cert.privateKeyPem, 'enrol', 'ulh.clerk', challenge.nonce), // another purpose
      sign(cert.privateKeyPem, 'sign-in', 'ulh.clerk', challenge.nonce, 'https://zw-gov.example'), // a look-alike site
      sign(cert.privateKeyPem, 'sign-in', 'fgw.clerk', challenge.nonce), // another user name
      'MEUCIQDb8RhGp6e4Sgb0uxgPD1Mk7SCLe7pB6yNKq7Wl+7mCcwIgCxj3iqJ7Gfuf7B5kL2o5n2hk4c9PoB1fYwqZ0qD3n5Y=',
    ];
    for (const signature of wrong) {
      const answer = await post('/api/v1/session/certificate', { challengeId: challenge.challengeId, signature });
      expect(answer.statusCode).toBe(401);
      expect(answer.json().error).toMatchObject({ code: 'auth.invalid_credentials', message: '用户名或密码错误' });
    }
    // Five failures lock the account: even the right signature is refused now.
    const right = sign(cert.privateKeyPem, 'sign-in', 'ulh.clerk', challenge.nonce);
    expect((await post('/api/v1/session/certificate', { challengeId: challenge.challengeId, signature: right })).json().error.code).toBe('auth.invalid_credentials');
    clock.advance(31 * 60_000);
    expect((await signInWith('ulh.clerk', cert.privateKeyPem)).answer.statusCode).toBe(200);
  });

  it('refuses a revoked certificate, at binding and at sign-in, with a clear code', async () => {
    const cert = await issue('portal.editor');
    await enrol(await signIn(app, 'portal.editor'), 'portal.editor', cert, cert.privateKeyPem);
    const revoke = await post(`/api/v1/pki/certificates/${cert.serial}/revoke`, { reason: 'keyCompromise' }, await signIn(app, 'secadmin'));
    expect(revoke.statusCode).toBe(200);
    const { answer } = await signInWith('portal.editor', cert.privateKeyPem);
    expect(answer.statusCode).toBe(401);
    expect(answer.json().error).toMatchObject({ code: 'auth.certificate_revoked', message: '您的数字证书已被吊销，请联系安全管理员' });
    // The password alone does not get past the factor, and the account page shows why.
    const cookie = await signIn(app, 'portal.reviewer');
    const rebind = await enrol(cookie, 'portal.reviewer', cert, cert.privateKeyPem);
    expect(rebind.json().error.code).toBe('pki.cert_revoked');
    const auditor = await signIn(app, 'auditor');
    const failures = (await get('/api/v1/audit/events?action=auth.sign_in_failed&limit=200', auditor)).json().events as { details: { reason: string } }[];
    expect(failures.some((e) => e.details.reason === 'password+sm2: auth.certificate_revoked')).toBe(true);
  });

  it('binds only the user’s own certificate of this CA, proven by its key', async () => {
    const cookie = await signIn(app, 'xsh.leader');
    const own = await issue('xsh.leader');
    const others = await issue('xsh.clerk');
    expect((await enrol(cookie, 'xsh.leader', others, others.privateKeyPem)).json().error.code).toBe('identity.certificate_not_yours');
    expect((await enrol(cookie, 'xsh.leader', own, others.privateKeyPem)).json().error.code).toBe('identity.certificate_signature_wrong');
    const sealBody = { kind: 'seal', orgKey: '152200000000', name: '测试印章', profile: 'sm2' };
    const seal = (await post('/api/v1/pki/certificates', sealBody, await signIn(app, 'secadmin'))).json();
    const sealBind = await enrol(cookie, 'xsh.leader', seal.certificate, seal.privateKeyPem);
    expect(sealBind.json().error.code).toBe('identity.certificate_not_personal');

    // A CA with the same name and a key of its own: its certificate is not ours.
    const elsewhere = await freshDatabase('sqlite');
    try {
      const dir = mkdtempSync(path.join(tmpdir(), 'hg-other-ca-'));
      const otherCa = createPkiService({ db: elsewhere.db, clock, config: testConfig({ HINGGAN_DATA_DIR: dir }) });
      const foreign = await otherCa.issue({ kind: 'personal', username: 'xsh.leader', name: '冒名证书', profile: 'sm2' });
      const bind = await enrol(cookie, 'xsh.leader', foreign.certificate, foreign.privateKeyPem!);
      expect(bind.statusCode).toBe(422);
      expect(bind.json().error.code).toBe('pki.cert_unknown_issuer');

      // Bound to our certificate, a signature by the other CA's key or another user's key fails.
      expect((await enrol(cookie, 'xsh.leader', own, own.privateKeyPem)).statusCode).toBe(200);
      for (const key of [foreign.privateKeyPem!, others.privateKeyPem]) {
        const { answer } = await signInWith('xsh.leader', key);
        expect(answer.json().error.code).toBe('auth.invalid_credentials');
      }
      expect((await signInWith('xsh.leader', own.privateKeyPem)).answer.statusCode).toBe(200);
    } finally {
      await elsewhere.destroy();
    }
  });

  it('signs in with a signature printed by hinggan sign-challenge', async () => {
    const cert = await issue('portal.reviewer');
    await enrol(await signIn(app, 'portal.reviewer'), 'portal.reviewer', cert, cert.privateKeyPem);
    const dir = mkdtempSync(path.join(tmpdir(), 'hg-sign-'));
    const keyFile = path.join(dir, 'key.pem');
    writeFileSync(keyFile, cert.privateKeyPem, { mode: 0o600 });
    const challenge = (await password('portal.reviewer')).json();
    const cli = hinggan(['sign-challenge', '--key', keyFile, '--nonce', challenge.nonce, '--user', 'portal.reviewer', '--origin', 'http://localhost:80']);
    expect(cli.stderr).toBe('');
    expect(cli.status).toBe(0);
    const signature = cli.stdout.trim();
    expect(signature).toMatch(/^[A-Za-z0-9+/]+=*$/);
    const done = await post('/api/v1/session/certificate', { challengeId: challenge.challengeId, signature });
    expect(done.statusCode).toBe(200);
    expect(done.json().user.username).toBe('portal.reviewer');
  }, 60_000);

  it('follows the policy: sm2 only makes a TOTP user bind a certificate at sign-in, which then cannot be removed', async () => {
    const secadmin = await signIn(app, 'secadmin');
    const policy = (await get('/api/v1/security/policy', secadmin)).json();
    const { actions: _actions, ...settings } = policy;
    const cert = await issue('auditor');
    const before = await signIn(app, 'auditor');
    const { secret } = (await post('/api/v1/account/totp/enrol', {}, before)).json();
    expect((await post('/api/v1/account/totp/confirm', { code: totpCodeAt(secret, clock.now()) }, before)).statusCode).toBe(204);
    try {
      expect((await app.inject({ method: 'PUT', url: '/api/v1/security/policy', headers: { cookie: secadmin }, payload: { ...settings, secondFactorRequired: true, secondFactorMethods: ['sm2'] } })).statusCode).toBe(200);
      const challenge = (await password('auditor')).json();
      expect(challenge).toMatchObject({ stage: 'enrol_second_factor', methods: ['sm2'], nonce: expect.any(String) });
      expect((await post('/api/v1/session/totp/enrol', { challengeId: challenge.challengeId })).json().error.code).toBe('identity.second_factor_method_not_allowed');
      const signature = sign(cert.privateKeyPem, 'enrol', 'auditor', challenge.nonce);
      const done = await post('/api/v1/session/certificate/enrol', { challengeId: challenge.challengeId, certificate: cert.certificatePem, signature });
      expect(done.statusCode).toBe(200);
      const cookie = `hinggan_session=${done.cookies.find((c) => c.name === 'hinggan_session')!.value}`;
      const factors = (await get('/api/v1/account/second-factors', cookie)).json();
      expect(factors).toMatchObject({ required: true, accepted: ['sm2'], totp: { enrolled: true }, certificate: { serial: cert.serial }, actions: ['enrolCertificate'] });
      expect((await post('/api/v1/account/totp/enrol', {}, cookie)).json().error.code).toBe('identity.second_factor_method_not_allowed');
      expect((await app.inject({ method: 'DELETE', url: '/api/v1/account/certificate', headers: { cookie } })).json().error.code).toBe('identity.second_factor_required');
      expect((await signInWith('auditor', cert.privateKeyPem)).answer.statusCode).toBe(200);
    } finally {
      await app.inject({ method: 'PUT', url: '/api/v1/security/policy', headers: { cookie: secadmin }, payload: settings });
    }
    // Both accepted again and none required: both are offered, and the certificate may go.
    const { challenge, answer } = await signInWith('auditor', cert.privateKeyPem);
    expect(challenge.methods).toEqual(['totp', 'sm2']);
    const session = `hinggan_session=${answer.cookies.find((c) => c.name === 'hinggan_session')!.value}`;
    expect((await app.inject({ method: 'DELETE', url: '/api/v1/account/certificate', headers: { cookie: session } })).statusCode).toBe(204);
    expect((await app.inject({ method: 'DELETE', url: '/api/v1/account/certificate', headers: { cookie: session } })).json().error.code).toBe('identity.certificate_not_enrolled');
    expect((await password('auditor')).json()).toEqual({ stage: 'second_factor', challengeId: expect.any(String), methods: ['totp'] });
  });

  it('refuses a certificate that has expired since it was bound (by the clock)', async () => {
    const cert = await issue('xsh.clerk', 1);
    const cookie = await signIn(app, 'xsh.clerk');
    expect((await enrol(cookie, 'xsh.clerk', cert, cert.privateKeyPem)).statusCode).toBe(200);
    clock.advance(2 * day);
    const { answer } = await signInWith('xsh.clerk', cert.privateKeyPem);
    expect(answer.statusCode).toBe(401);
    expect(answer.json().error.code).toBe('auth.certificate_expired');
    // A new certificate's key is not the bound one; and the expired certificate cannot be bound again.
    const renewed = await issue('xsh.clerk');
    expect((await signInWith('xsh.clerk', renewed.privateKeyPem)).answer.json().error.code).toBe('auth.invalid_credentials');
    const rebind = await enrol(await signIn(app, 'sysadmin'), 'sysadmin', cert, cert.privateKeyPem);
    expect(rebind.json().error).toMatchObject({ code: 'pki.cert_expired', message: '证书已过期' });
  });
});
