import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Actor } from '../../platform/actor.js';
import { auditContext } from '../../platform/audit/index.js';
import { errorResponses } from '../../platform/http/schemas.js';
import { allowedActions, authorize, grantsOf } from '../../platform/policy/index.js';
import type { OrgService } from '../orgs/index.js';
import { pemEncode } from './pki.keys.js';
import {
  certificateCheckSchema,
  certificateListQuerySchema,
  certificateListSchema,
  certificateSchema,
  crlQuerySchema,
  crlSchema,
  issueRequestSchema,
  issueResultSchema,
  revokeRequestSchema,
  serialParamsSchema,
  verifyRequestSchema,
} from './pki.schema.js';
import { caPolicy, certificatePolicy, issuePolicy, type CertificateScope } from './pki.policy.js';
import type { CertificateInfo, CertificateView } from './pki.schema.js';
import type { PkiService } from './pki.service.js';

const tags = ['证书管理'];

export const pkiRoutes: FastifyPluginAsyncZod<{ pki: PkiService; orgs: OrgService }> = async (app, { pki, orgs }) => {
  const manager = (request: { actor: Actor | null }) => authorize(request.actor, caPolicy, 'manage', undefined);

  /** Each certificate with the policy's view of it (organisation path, kind, status). */
  async function scoped(certs: readonly CertificateInfo[]): Promise<[CertificateInfo, CertificateScope][]> {
    const paths = await orgs.pathsOf(certs.flatMap((c) => (c.orgId ? [c.orgId] : [])));
    return certs.map((c) => [c, { orgPath: c.orgId ? (paths.get(c.orgId) ?? null) : null, kind: c.kind, status: c.status }]);
  }

  const view = (actor: Actor, [cert, scope]: [CertificateInfo, CertificateScope]): CertificateView => ({
    ...cert,
    actions: allowedActions(actor, certificatePolicy, scope),
  });

  /** Loads a certificate and authorizes `action` on it; out of the actor's scope it is not found. */
  async function load(actor: Actor, serial: string, action: 'read' | 'revoke') {
    const [entry] = await scoped([await pki.get(serial)]);
    authorize(actor, certificatePolicy, action, entry![1]);
    return entry!;
  }
  app.get(
    '/pki/certificates',
    {
      schema: {
        tags,
        summary: '列出证书（安全管理员）',
        operationId: 'listCertificates',
        querystring: certificateListQuerySchema,
        response: { 200: certificateListSchema, ...errorResponses },
      },
    },
    async (request) => {
      const actor = manager(request);
      if (request.query.orgId) authorize(actor, issuePolicy, 'list', { path: (await orgs.pathOf(request.query.orgId)) ?? null });
      const orgIdsOrNone = await orgs.idsCovered(grantsOf(actor, 'secadmin'));
      const page = await pki.list({ ...request.query, orgIdsOrNone });
      return { ...page, items: (await scoped(page.items)).map((entry) => view(actor, entry)) };
    },
  );

  app.get(
    '/pki/certificates/:serial',
    {
      schema: {
        tags,
        summary: '查看证书（安全管理员）',
        operationId: 'getCertificate',
        params: serialParamsSchema,
        response: { 200: certificateSchema, ...errorResponses },
      },
    },
    async (request) => {
      const actor = manager(request);
      return view(actor, await load(actor, request.params.serial, 'read'));
    },
  );

  app.post(
    '/pki/certificates',
    {
      schema: {
        tags,
        summary: '签发电子印章证书或个人签名证书（安全管理员）',
        description:
          '提供 csr（PKCS#10，SM2 密钥须以签名者标识 1234567812345678 自签名）时只签发证书；不提供时由平台生成密钥，' +
          '私钥（PKCS#8）只在本次响应中返回。平台生成的印章私钥另以 SM4 加密保管，供公文盖章使用；个人私钥不保存。',
        operationId: 'issueCertificate',
        body: issueRequestSchema,
        response: { 201: issueResultSchema, ...errorResponses, 409: errorResponses[400] },
      },
    },
    async (request, reply) => {
      const actor = manager(request);
      const orgKey = request.body.orgKey;
      const path = orgKey ? ((await orgs.pathOf(orgKey)) ?? null) : null;
      if (orgKey && !path) await orgs.get(orgKey); // orgs.not_found
      authorize(actor, issuePolicy, 'issue', { path });
      const result = await pki.issue(request.body, { userId: actor.userId, who: auditContext(request) });
      const [entry] = await scoped([result.certificate]);
      return reply.status(201).send({ ...result, certificate: view(actor, entry!) });
    },
  );

  app.post(
    '/pki/certificates/:serial/revoke',
    {
      schema: {
        tags,
        summary: '吊销证书并发布新的证书吊销列表（安全管理员）',
        operationId: 'revokeCertificate',
        params: serialParamsSchema,
        body: revokeRequestSchema,
        response: { 200: certificateSchema, ...errorResponses, 409: errorResponses[400] },
      },
    },
    async (request) => {
      const actor = manager(request);
      const [cert] = await load(actor, request.params.serial, 'read');
      const revoked = await pki.revoke(cert.serial, request.body.reason, auditContext(request));
      const [entry] = await scoped([revoked]);
      return view(actor, entry!);
    },
  );

  app.get(
    '/pki/crl',
    {
      schema: {
        tags,
        summary: '当前证书吊销列表（安全管理员；公开下载地址为 /pki/crl.der）',
        operationId: 'getCrl',
        querystring: crlQuerySchema,
        response: { 200: crlSchema, ...errorResponses },
      },
    },
    async (request) => {
      manager(request);
      const { der, ...crl } = await pki.crl(request.query.profile);
      return { ...crl, crlPem: pemEncode('X509 CRL', der) };
    },
  );

  app.post(
    '/pki/verify',
    {
      schema: {
        tags,
        summary: '验证证书：签发者、签名、有效期、吊销状态（安全管理员）',
        operationId: 'verifyCertificate',
        body: verifyRequestSchema,
        response: { 200: certificateCheckSchema, ...errorResponses },
      },
    },
    async (request) => {
      manager(request);
      return pki.verifyCertificate(request.body.certificate);
    },
  );
};

/** Public pages outside /api: anyone may fetch the root certificate and the CRL. */
export const pkiPublicRoutes: FastifyPluginAsyncZod<{ pki: PkiService }> = async (app, { pki }) => {
  const query = z.object({ profile: crlQuerySchema.shape.profile });

  app.get('/pki/crl.der', { schema: { hide: true, querystring: query } }, async (request, reply) => {
    const crl = await pki.crl(request.query.profile);
    return reply
      .type('application/pkix-crl')
      .header('cache-control', 'public, max-age=3600')
      .header('content-disposition', `attachment; filename="hinggan-${crl.profile}.crl"`)
      .send(Buffer.from(crl.der));
  });

  app.get('/pki/root.pem', { schema: { hide: true, querystring: query } }, async (request, reply) => {
    return reply
      .type('application/x-pem-file')
      .header('cache-control', 'public, max-age=3600')
      .send(await pki.rootCertificatePem(request.query.profile));
  });
};
