import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor } from '../../../platform/actor.js';
import { errorResponses } from '../../../platform/http/schemas.js';
import type { AppContext } from '../../../platform/module.js';
import { createOrgService } from '../../orgs/index.js';
import { documentSearchQuerySchema, documentSearchResultSchema } from './search.schema.js';
import { createDocumentSearch } from './search.service.js';

/** `GET /documents/search`: full-text search over the documents the caller may see. */
export const documentSearchRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const search = createDocumentSearch({ db: ctx.db, orgs: createOrgService(ctx) });
  app.get(
    '/documents/search',
    {
      schema: {
        tags: ['公文·检索'],
        summary: '公文全文检索：标题、发文字号、正文和附件文字，只含调用者可见的公文',
        description:
          '可见范围：本机关（及其办公室）的发文、本单位拟稿或本人拟稿的公文、已核发到本机关收文箱的公文、本机关登记的纸质来文。' +
          '命中结果给出可打开的发文 id 和/或本机关的收文 id，标题和片段中的命中词以 <mark> 标出（已转义）。',
        operationId: 'searchDocuments',
        querystring: documentSearchQuerySchema,
        response: { 200: documentSearchResultSchema, ...errorResponses },
      },
    },
    async (request) => search.search(requireActor(request), request.query),
  );
};
