import type { Readable } from 'node:stream';
import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../../platform/actor.js';
import { auditContext } from '../../../platform/audit/index.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { contentDisposition } from '../../../platform/files/index.js';
import { errorResponses } from '../../../platform/http/schemas.js';
import { attachmentContentTypes, imageTypes } from './article-files.service.js';
import {
  approveSchema,
  articleListQuerySchema,
  articleListSchema,
  articleParamsSchema,
  articleSchema,
  attachmentParamsSchema,
  createArticleSchema,
  diffQuerySchema,
  diffSchema,
  fileParamsSchema,
  reasonSchema,
  revisionSchema,
  updateArticleSchema,
  uploadQuerySchema,
  validityInputSchema,
  versionParamsSchema,
  versionSchema,
  versionSummarySchema,
} from './article.schema.js';
import type { PublishingServices } from './publishing.services.js';

const tags = ['门户·文章'];
const conflict = { 409: errorResponses[400] };
const uploadErrors = { ...conflict, 413: errorResponses[400], 415: errorResponses[400] };
const acting = (request: Parameters<typeof auditContext>[0]) => ({ actor: requireActor(request), who: auditContext(request) });

/** Articles: drafting, files, versions, the review workflow and the workbench lists. */
export const articleRoutes: FastifyPluginAsyncZod<{ services: PublishingServices }> = async (app, { services }) => {
  const { articles, files, workflow, query } = services;
  const view = (request: { actor: Parameters<typeof requireActor>[0]['actor'] }, id: string) => articles.view(requireActor(request), id);

  app.get(
    '/portal/articles',
    {
      schema: {
        tags,
        summary: '文章列表：我的草稿、待我审核、已发布、全部；可按网站、栏目、状态筛选，按标题查找',
        operationId: 'listPortalArticles',
        querystring: articleListQuerySchema,
        response: { 200: articleListSchema, ...errorResponses },
      },
    },
    async (request) => query.list(requireActor(request), request.query),
  );

  app.post(
    '/portal/articles',
    {
      schema: { tags, summary: '新建文章草稿（本单位网站编辑）', operationId: 'createPortalArticle', body: createArticleSchema, response: { 201: articleSchema, ...errorResponses } },
    },
    async (request, reply) => reply.status(201).send(await view(request, await articles.create(acting(request), request.body))),
  );

  app.get(
    '/portal/articles/:id',
    { schema: { tags, summary: '查看文章（含流转记录与可执行操作）', operationId: 'getPortalArticle', params: articleParamsSchema, response: { 200: articleSchema, ...errorResponses } } },
    async (request) => view(request, request.params.id),
  );

  app.patch(
    '/portal/articles/:id',
    {
      schema: {
        tags,
        summary: '修改草稿或被退回的文章；每次保存为新版本',
        operationId: 'updatePortalArticle',
        params: articleParamsSchema,
        body: updateArticleSchema,
        response: { 200: articleSchema, ...errorResponses, ...conflict },
      },
    },
    async (request) => {
      await articles.update(acting(request), request.params.id, request.body);
      return view(request, request.params.id);
    },
  );

  app.get(
    '/portal/articles/:id/versions',
    { schema: { tags, summary: '文章的版本', operationId: 'listPortalArticleVersions', params: articleParamsSchema, response: { 200: z.array(versionSummarySchema), ...errorResponses } } },
    async (request) => articles.versions(requireActor(request), request.params.id),
  );

  app.get(
    '/portal/articles/:id/versions/:number',
    { schema: { tags, summary: '查看某一版本', operationId: 'getPortalArticleVersion', params: versionParamsSchema, response: { 200: versionSchema, ...errorResponses } } },
    async (request) => articles.version(requireActor(request), request.params.id, request.params.number),
  );

  app.get(
    '/portal/articles/:id/diff',
    {
      schema: { tags, summary: '比较两个版本', operationId: 'diffPortalArticleVersions', params: articleParamsSchema, querystring: diffQuerySchema, response: { 200: diffSchema, ...errorResponses } },
    },
    async (request) => articles.diff(requireActor(request), request.params.id, request.query.from, request.query.to),
  );

  const action = (path: string, summary: string, operationId: string, body: z.ZodType, run: (request: never) => Promise<void>) =>
    app.post(
      `/portal/articles/:id/${path}`,
      { schema: { tags, summary, operationId, params: articleParamsSchema, body, response: { 200: articleSchema, ...errorResponses, ...conflict } } },
      async (request) => {
        await run(request as never);
        return view(request, request.params.id);
      },
    );
  type Req<B> = { params: { id: string }; body: B; actor: Parameters<typeof requireActor>[0]['actor']; ip: string; id: unknown };
  action('submit', '送审', 'submitPortalArticle', revisionSchema, (r: Req<{ revision: number }>) => workflow.submit(acting(r), r.params.id, r.body.revision));
  action('approve', '审核通过：立即发布或定时发布（不得早于当前时间；作者本人不能审核）', 'approvePortalArticle', approveSchema, (r: Req<z.infer<typeof approveSchema>>) =>
    workflow.approve(acting(r), r.params.id, r.body),
  );
  action('reject', '退回（须填写原因）', 'rejectPortalArticle', reasonSchema, (r: Req<{ revision: number; reason: string }>) => workflow.reject(acting(r), r.params.id, r.body.revision, r.body.reason));
  action('withdraw', '撤稿（须填写原因；页面保留撤稿说明）', 'withdrawPortalArticle', reasonSchema, (r: Req<{ revision: number; reason: string }>) =>
    workflow.withdraw(acting(r), r.params.id, r.body.revision, r.body.reason),
  );
  action('validity', '标注政策文件效力（失效、废止，附说明与日期）', 'markPortalArticleValidity', validityInputSchema, (r: Req<z.infer<typeof validityInputSchema>>) =>
    workflow.markValidity(acting(r), r.params.id, r.body),
  );

  app.get(
    '/portal/articles/:id/files/:attachmentId',
    { schema: { tags, summary: '下载文章的封面或附件（工作台预览，attachmentId 为文件 id）', operationId: 'downloadPortalArticleFile', params: attachmentParamsSchema } },
    async (request, reply) => {
      const { file, stream } = await files.articleFile(requireActor(request), request.params.id, request.params.attachmentId);
      return reply.type(file.mediaType).header('content-disposition', contentDisposition(file.safeName)).header('cache-control', 'private, no-store').send(stream);
    },
  );

  app.delete(
    '/portal/articles/:id/attachments/:attachmentId',
    { schema: { tags, summary: '删除附件', operationId: 'removePortalArticleAttachment', params: attachmentParamsSchema, response: { 200: articleSchema, ...errorResponses, ...conflict } } },
    async (request) => {
      await files.removeAttachment(acting(request), request.params.id, request.params.attachmentId);
      return view(request, request.params.id);
    },
  );

  // Anyone may fetch a published article's cover and attachments (pictures in bodies point here).
  app.get(
    '/portal/files/:fileId',
    { config: { public: true }, schema: { tags, summary: '已发布文章的封面、附件（公开）', operationId: 'getPortalPublicFile', params: fileParamsSchema } },
    async (request, reply) => {
      const { file, stream } = await files.publicFile(request.params.fileId);
      const inline = file.mediaType.startsWith('image/') || file.mediaType === 'application/pdf';
      return reply
        .type(file.mediaType)
        .header('content-disposition', inline ? `inline; ${contentDisposition(file.safeName).replace(/^attachment;\s*/, '')}` : contentDisposition(file.safeName))
        .header('cache-control', 'public, max-age=300')
        .send(stream);
    },
  );

  await app.register(async (scope) => {
    const upload = scope.withTypeProvider<ZodTypeProvider>();
    // The body is the file itself, streamed to the file store whatever type the client claims.
    upload.removeAllContentTypeParsers();
    upload.addContentTypeParser('*', (_request, payload, done) => done(null, payload));
    const contentOf = (request: { body: unknown; headers: Record<string, unknown> }) => {
      const body = request.body as Readable | undefined;
      const claimedType = request.headers['content-type'];
      if (!body || typeof body.pipe !== 'function' || typeof claimedType !== 'string') throw new AppError('portal.upload_invalid');
      return { content: body, claimedType };
    };
    upload.post(
      '/portal/articles/:id/cover',
      {
        schema: {
          tags,
          summary: '上传封面图片（请求体为图片本身）',
          description: `允许的类型：${imageTypes.join('、')}。`,
          operationId: 'setPortalArticleCover',
          consumes: [...imageTypes],
          params: articleParamsSchema,
          querystring: uploadQuerySchema,
          response: { 201: articleSchema, ...errorResponses, ...uploadErrors },
        },
      },
      async (request, reply) => {
        await files.setCover(acting(request), request.params.id, { ...contentOf(request), name: request.query.name });
        return reply.status(201).send(await view(request, request.params.id));
      },
    );
    upload.post(
      '/portal/articles/:id/attachments',
      {
        schema: {
          tags,
          summary: '上传附件（请求体为文件本身；图片附件可插入正文）',
          description: `允许的类型：${attachmentContentTypes.join('、')}。文件内容须与声明的类型一致，大小不超过上限。`,
          operationId: 'addPortalArticleAttachment',
          consumes: [...attachmentContentTypes],
          params: articleParamsSchema,
          querystring: uploadQuerySchema,
          response: { 201: articleSchema, ...errorResponses, ...uploadErrors },
        },
      },
      async (request, reply) => {
        await files.addAttachment(acting(request), request.params.id, { ...contentOf(request), name: request.query.name, title: request.query.title });
        return reply.status(201).send(await view(request, request.params.id));
      },
    );
  });
};
