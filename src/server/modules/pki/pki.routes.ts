import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireRole } from '../../platform/actor.js';
import { errorResponses } from '../../platform/http/schemas.js';
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
import type { PkiService } from './pki.service.js';

const tags = ['证书管理'];
/** 安全管理员 manages certificates; the three administrators stay separated (三员分立). */
const manager = 'secadmin';

export const pkiRoutes: FastifyPluginAsyncZod<{ pki: PkiService }> = async (app, { pki }) => {
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
      requireRole(request, manager);
      return pki.list(request.query);
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
      requireRole(request, manager);
      return pki.get(request.params.serial);
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
      const actor = requireRole(request, manager);
      const result = await pki.issue(request.body, { userId: actor.userId });
      return reply.status(201).send(result);
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
      requireRole(request, manager);
      return pki.revoke(request.params.serial, request.body.reason);
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
      requireRole(request, manager);
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
      requireRole(request, manager);
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
