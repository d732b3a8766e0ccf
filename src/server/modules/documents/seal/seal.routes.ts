import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses } from '../../../platform/http/schemas.js';
import type { AppContext } from '../../../platform/module.js';
import { documentVerdictSchema } from './seal.schema.js';
import { createSealService } from './seal.service.js';
import { acceptPdfUploads, uploadedPdf, verifyLimitBytes, verifyPerMinute } from './seal.upload.js';

/** `POST /documents/verify`: anyone may check a sealed PDF; the answer is the verdict as JSON. */
export const sealApiRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const seals = createSealService(ctx);
  const limitBytes = verifyLimitBytes(ctx.config.uploadLimitMb);
  acceptPdfUploads(app, limitBytes);

  app.post(
    '/documents/verify',
    {
      config: { public: true, rateLimit: { max: verifyPerMinute, timeWindow: 60_000 } },
      schema: {
        tags: ['公文'],
        summary: '验证盖有电子印章的公文 PDF（公开，无需登录）',
        description:
          '请求体为 PDF 文件本身（application/pdf），或 multipart/form-data 的 file 字段；不超过 20 MB，' +
          `每个地址每分钟最多 ${verifyPerMinute} 次。答复盖章单位、印章、证书、盖章时间和结论；` +
          '文件无效时 HTTP 状态仍为 200，结论见 status 和 code（如 documents.verify_altered）。文件不保存。',
        operationId: 'verifySealedDocument',
        consumes: ['application/pdf', 'multipart/form-data'],
        body: z.any().describe('PDF 文件'),
        response: { 200: documentVerdictSchema, ...errorResponses, 413: errorResponses[400], 429: errorResponses[400] },
      },
    },
    async (request) => {
      const upload = await uploadedPdf(request.headers['content-type'], request.body, limitBytes);
      return seals.verify(upload.bytes);
    },
  );
};
