import type { FastifyInstance, FastifyReply } from 'fastify';
import { messageOf } from '../../../platform/errors/app-error.js';
import { toAppError } from '../../../platform/http/error-handler.js';
import type { AppContext } from '../../../platform/module.js';
import { createSealService } from './seal.service.js';
import { acceptPdfUploads, uploadedPdf, verifyLimitBytes, verifyPerMinute } from './seal.upload.js';
import { renderVerifyPage } from './views/verify-page.js';

/** Upload problems the page answers itself, with the form again; anything else goes to the portal's error page. */
const pageProblems = new Set(['documents.verify_file_missing', 'request.too_large', 'request.rate_limited', 'request.invalid', 'request.unsupported_media_type']);

/**
 * The public verification page at /verify/document: GET shows the form, POST (a form upload or the
 * raw PDF) shows the verdict. No sign-in; the same rate and size limits as the API.
 */
export async function sealPages(app: FastifyInstance, { ctx }: { ctx: AppContext }): Promise<void> {
  const seals = createSealService(ctx);
  const limitBytes = verifyLimitBytes(ctx.config.uploadLimitMb);
  const limitMb = limitBytes / 1024 / 1024;
  acceptPdfUploads(app, limitBytes);

  const html = (reply: FastifyReply, body: string, status = 200) =>
    reply.status(status).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(body);

  app.setErrorHandler((raw, _request, reply) => {
    const error = toAppError(raw);
    if (!pageProblems.has(error.code)) throw raw;
    const problem = error.code === 'request.too_large' ? `文件超过 ${limitMb} MB，无法验证` : error.code === 'request.unsupported_media_type' ? messageOf('documents.verify_file_missing') : error.message;
    return html(reply, renderVerifyPage({ limitMb, problem }), error.status);
  });

  app.get('/verify/document', { schema: { hide: true } }, (_request, reply) => html(reply, renderVerifyPage({ limitMb })));

  app.post(
    '/verify/document',
    { schema: { hide: true }, config: { rateLimit: { max: verifyPerMinute, timeWindow: 60_000 } } },
    async (request, reply) => {
      const upload = await uploadedPdf(request.headers['content-type'], request.body, limitBytes);
      const verdict = await seals.verify(upload.bytes);
      return html(reply, renderVerifyPage({ limitMb, result: { verdict, fileName: upload.name } }));
    },
  );
}
