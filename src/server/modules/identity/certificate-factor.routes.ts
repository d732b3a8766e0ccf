import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../platform/actor.js';
import { auditContext } from '../../platform/audit/index.js';
import { errorResponses } from '../../platform/http/schemas.js';
import { authorize } from '../../platform/policy/index.js';
import { accountPolicy } from './account.policy.js';
import {
  certificateEnrolBodySchema,
  certificateFactorSchema,
  enrolmentNonceSchema,
  secondFactorsSchema,
  signatureBytes,
} from './certificate-factor.schema.js';
import type { IdentityServices } from './identity.services.js';

const tags = ['个人账号'];

/** The user's own second factors, and binding or removing an SM2 certificate (我的账号). */
export const certificateFactorRoutes: FastifyPluginAsyncZod<{ services: IdentityServices }> = async (app, { services }) => {
  const { certificates } = services;

  app.get(
    '/account/second-factors',
    {
      schema: {
        tags,
        summary: '本人已绑定的第二认证因子（动态口令、数字证书）和安全策略的要求',
        operationId: 'getMySecondFactors',
        response: { 200: secondFactorsSchema, ...errorResponses },
      },
    },
    async (request) => certificates.overview(requireActor(request)),
  );

  app.post(
    '/account/certificate/nonce',
    {
      schema: {
        tags,
        summary: '开始绑定数字证书：获取一次性挑战值（5 分钟内有效）',
        operationId: 'startCertificateEnrolment',
        response: { 200: enrolmentNonceSchema, ...errorResponses, 409: errorResponses[400] },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      authorize(actor, accountPolicy, 'enrolSecondFactor', undefined);
      return certificates.startEnrolment(actor);
    },
  );

  app.post(
    '/account/certificate',
    {
      schema: {
        tags,
        summary: '绑定数字证书：提交个人签名证书和对挑战值的签名（替换已绑定的证书）',
        description:
          '证书须由本平台证书机构签发给本人（UID 为本人用户名）、SM2、有效且未吊销；签名内容 purpose=enrol。挑战值无论成功与否只能使用一次。',
        operationId: 'enrolCertificate',
        body: certificateEnrolBodySchema,
        response: { 200: certificateFactorSchema, ...errorResponses, 409: errorResponses[400] },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      authorize(actor, accountPolicy, 'enrolSecondFactor', undefined);
      const { nonce, certificate, signature } = request.body;
      const origin = `${request.protocol}://${request.host}`;
      return certificates.enrol(actor, { certificatePem: certificate, signature: signatureBytes(signature) }, nonce, origin, auditContext(request));
    },
  );

  app.delete(
    '/account/certificate',
    {
      schema: {
        tags,
        summary: '解除绑定的数字证书（安全策略要求第二因子时，须另有可用的认证方式）',
        operationId: 'removeCertificate',
        response: { 204: z.null(), ...errorResponses, 409: errorResponses[400] },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      authorize(actor, accountPolicy, 'enrolSecondFactor', undefined);
      await certificates.remove(actor, auditContext(request));
      return reply.status(204).send(null);
    },
  );
};
