import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { seededApp, signIn } from '../../../../test/support/app.js';
import { describeEachDialect } from '../../../../test/support/db.js';

describeEachDialect('pki API', (database) => {
  let app: FastifyInstance;
  let secadmin: string;
  const others: Record<string, string> = {};
  beforeAll(async () => {
    app = await seededApp(database());
    secadmin = await signIn(app, 'secadmin');
    for (const name of ['sysadmin', 'auditor', 'xsh.clerk']) others[name] = await signIn(app, name);
  });
  afterAll(() => app.close());

  const issue = (cookie: string) =>
    app.inject({
      method: 'POST',
      url: '/api/v1/pki/certificates',
      headers: { cookie },
      payload: { kind: 'seal', orgKey: '152200000000.xsh', name: '兴安盟行政公署公章' },
    });

  it('refuses anonymous callers with 401 and every role but 安全管理员 with 403', async () => {
    expect((await app.inject('/api/v1/pki/certificates')).statusCode).toBe(401);
    for (const [name, cookie] of Object.entries(others)) {
      const list = await app.inject({ url: '/api/v1/pki/certificates', headers: { cookie } });
      expect(list.statusCode, name).toBe(403);
      expect(list.json().error.code).toBe('auth.forbidden');
      expect((await issue(cookie)).statusCode, name).toBe(403);
      expect((await app.inject({ url: '/api/v1/pki/crl', headers: { cookie } })).statusCode, name).toBe(403);
    }
  });

  it('lets the security administrator issue, read, list, revoke and fetch the CRL', async () => {
    const issued = await issue(secadmin);
    expect(issued.statusCode).toBe(201);
    const { certificate, privateKeyPem } = issued.json();
    expect(certificate).toMatchObject({ kind: 'seal', profile: 'sm2', organization: '兴安盟行政公署', hasStoredKey: true });
    expect(privateKeyPem).toMatch(/BEGIN PRIVATE KEY/);

    const one = await app.inject({ url: `/api/v1/pki/certificates/${certificate.serial}`, headers: { cookie: secadmin } });
    expect(one.json()).toMatchObject({ serial: certificate.serial, status: 'valid' });
    const list = await app.inject({ url: '/api/v1/pki/certificates?kind=seal', headers: { cookie: secadmin } });
    expect(list.json().items.map((c: { serial: string }) => c.serial)).toContain(certificate.serial);

    const verified = await app.inject({ method: 'POST', url: '/api/v1/pki/verify', headers: { cookie: secadmin }, payload: { certificate: certificate.certificatePem } });
    expect(verified.json()).toMatchObject({ status: 'valid', code: null });

    const badReason = await app.inject({ method: 'POST', url: `/api/v1/pki/certificates/${certificate.serial}/revoke`, headers: { cookie: secadmin }, payload: { reason: 'bored' } });
    expect(badReason.statusCode).toBe(400);
    const revoked = await app.inject({ method: 'POST', url: `/api/v1/pki/certificates/${certificate.serial}/revoke`, headers: { cookie: secadmin }, payload: { reason: 'keyCompromise' } });
    expect(revoked.json()).toMatchObject({ status: 'revoked', revocationReason: 'keyCompromise' });
    const again = await app.inject({ method: 'POST', url: `/api/v1/pki/certificates/${certificate.serial}/revoke`, headers: { cookie: secadmin }, payload: { reason: 'keyCompromise' } });
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({ code: 'pki.already_revoked', message: '该证书已被吊销' });

    const crl = await app.inject({ url: '/api/v1/pki/crl', headers: { cookie: secadmin } });
    expect(crl.json()).toMatchObject({ profile: 'sm2', revokedCount: 1 });
    expect(crl.json().crlPem).toMatch(/^-----BEGIN X509 CRL-----/);
    const after = await app.inject({ method: 'POST', url: '/api/v1/pki/verify', headers: { cookie: secadmin }, payload: { certificate: certificate.certificatePem } });
    expect(after.json()).toMatchObject({ status: 'revoked', code: 'pki.cert_revoked' });
  });

  it('answers unknown serials and bad CSRs with pki codes', async () => {
    const missing = await app.inject({ url: '/api/v1/pki/certificates/00aa', headers: { cookie: secadmin } });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('pki.not_found');
    const badCsr = await app.inject({
      method: 'POST',
      url: '/api/v1/pki/certificates',
      headers: { cookie: secadmin },
      payload: { kind: 'personal', username: 'xsh.clerk', name: '王文秘', csr: '-----BEGIN CERTIFICATE REQUEST-----\nAAAA\n-----END CERTIFICATE REQUEST-----' },
    });
    expect(badCsr.statusCode).toBe(422);
    expect(badCsr.json().error.code).toBe('pki.csr_invalid');
  });

  it('publishes the root and the CRL to anyone, outside /api, and documents only the API', async () => {
    const root = await app.inject('/pki/root.pem');
    expect(root.statusCode).toBe(200);
    expect(root.headers['content-type']).toMatch(/application\/x-pem-file/);
    expect(root.body).toMatch(/^-----BEGIN CERTIFICATE-----/);
    const crl = await app.inject('/pki/crl.der');
    expect(crl.statusCode).toBe(200);
    expect(crl.headers['content-type']).toBe('application/pkix-crl');
    expect(crl.rawPayload[0]).toBe(0x30);
    expect((await app.inject('/pki/root.pem?profile=p256')).statusCode).toBe(404);
    const paths = Object.keys((await app.inject('/api/openapi.json')).json().paths);
    expect(paths).toEqual(expect.arrayContaining(['/api/v1/pki/certificates', '/api/v1/pki/certificates/{serial}/revoke', '/api/v1/pki/crl']));
    expect(paths).not.toContain('/pki/crl.der');
  });
});
