import type { Readable } from 'node:stream';
import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../../platform/actor.js';
import { auditContext } from '../../../platform/audit/index.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { contentDisposition } from '../../../platform/files/index.js';
import { errorResponses } from '../../../platform/http/schemas.js';
import { attachmentContentTypes } from './content.service.js';
import type { SendService } from './index.js';
import {
  attachmentParamsSchema,
  attachmentUploadQuerySchema,
  createDocumentSchema,
  diffQuerySchema,
  diffSchema,
  documentListQuerySchema,
  documentListSchema,
  documentParamsSchema,
  documentSchema,
  orgParamsSchema,
  todoQuerySchema,
  todoSchema,
  updateDocumentSchema,
  versionParamsSchema,
  versionSchema,
  versionSummarySchema,
  workflowSchema,
  workflowUpdateSchema,
} from './send.schema.js';

export const sendTags = ['公文·发文'];
const tags = sendTags;
const conflict = { 409: errorResponses[400] };

const acting = (request: Parameters<typeof auditContext>[0]) => ({ actor: requireActor(request), who: auditContext(request) });

/** Drafting, reading, attachments, versions, the to-do list and workflow settings. */
export const draftRoutes: FastifyPluginAsyncZod<{ send: SendService }> = async (app, { send }) => {
  app.get(
    '/documents',
    {
      schema: {
        tags,
        summary: '列出可见的发文（本机关及其办公室、拟稿单位、联合发文机关、本人拟稿）',
        operationId: 'listDocuments',
        querystring: documentListQuerySchema,
        response: { 200: documentListSchema, ...errorResponses },
      },
    },
    async (request) => send.query.list(requireActor(request), request.query),
  );

  app.post(
    '/documents',
    {
      schema: {
        tags,
        summary: '拟稿：新建公文草稿',
        description:
          '保存时检查行文规则（上行文主送一个、不抄送下级；请示一文一事；越级须抄送被越过机关）；正文清理为段落与标题层级。' +
          '密级只接受非密、秘密。',
        operationId: 'createDocument',
        body: createDocumentSchema,
        response: { 201: documentSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const id = await send.drafts.create(acting(request), request.body);
      return reply.status(201).send(await send.query.view(requireActor(request), id));
    },
  );

  app.get(
    '/documents/todo',
    {
      schema: {
        tags,
        summary: '我的待办：各环节待我办理的公文，含数量与超期标记',
        operationId: 'documentTodo',
        querystring: todoQuerySchema,
        response: { 200: todoSchema, ...errorResponses },
      },
    },
    async (request) => send.query.todo(requireActor(request), request.query),
  );

  app.get(
    '/documents/:id',
    {
      schema: {
        tags,
        summary: '查看公文',
        operationId: 'getDocument',
        params: documentParamsSchema,
        response: { 200: documentSchema, ...errorResponses },
      },
    },
    async (request) => send.query.view(requireActor(request), request.params.id),
  );

  app.patch(
    '/documents/:id',
    {
      schema: {
        tags,
        summary: '修改公文（拟稿、核稿、审核、签发环节的办理人；正文或标题的每次修改保存为新版本）',
        operationId: 'updateDocument',
        params: documentParamsSchema,
        body: updateDocumentSchema,
        response: { 200: documentSchema, ...errorResponses, ...conflict },
      },
    },
    async (request) => {
      await send.drafts.update(acting(request), request.params.id, request.body);
      return send.query.view(requireActor(request), request.params.id);
    },
  );

  app.get(
    '/documents/:id/attachments/:attachmentId',
    {
      schema: { tags, summary: '下载附件', operationId: 'downloadDocumentAttachment', params: attachmentParamsSchema },
    },
    async (request, reply) => {
      const { file, stream } = await send.content.attachmentFile(requireActor(request), request.params.id, request.params.attachmentId);
      return reply
        .type(file.mediaType)
        .header('content-disposition', contentDisposition(file.safeName))
        .header('cache-control', 'private, no-store')
        .send(stream);
    },
  );

  await app.register(async (scope) => {
    const upload = scope.withTypeProvider<ZodTypeProvider>();
    // The body is the file itself, streamed to the file store whatever type the client claims.
    upload.removeAllContentTypeParsers();
    upload.addContentTypeParser('*', (_request, payload, done) => done(null, payload));
    upload.post(
      '/documents/:id/attachments',
      {
        schema: {
          tags,
          summary: '上传附件（请求体为文件本身，Content-Type 为其类型）',
          description: `允许的类型：${attachmentContentTypes.join('、')}。文件内容须与声明的类型一致，大小不超过上限。`,
          operationId: 'addDocumentAttachment',
          consumes: [...attachmentContentTypes],
          params: documentParamsSchema,
          querystring: attachmentUploadQuerySchema,
          response: { 201: documentSchema, ...errorResponses, ...conflict, 413: errorResponses[400], 415: errorResponses[400] },
        },
      },
      async (request, reply) => {
        const body = request.body as Readable | undefined;
        const claimedType = request.headers['content-type'];
        if (!body || typeof body.pipe !== 'function' || !claimedType) throw new AppError('documents.upload_invalid');
        await send.content.addAttachment(acting(request), request.params.id, {
          content: body,
          name: request.query.name,
          claimedType,
          title: request.query.title,
        });
        return reply.status(201).send(await send.query.view(requireActor(request), request.params.id));
      },
    );
  });

  app.delete(
    '/documents/:id/attachments/:attachmentId',
    {
      schema: {
        tags,
        summary: '删除附件',
        operationId: 'removeDocumentAttachment',
        params: attachmentParamsSchema,
        response: { 200: documentSchema, ...errorResponses, ...conflict },
      },
    },
    async (request) => {
      await send.content.removeAttachment(acting(request), request.params.id, request.params.attachmentId);
      return send.query.view(requireActor(request), request.params.id);
    },
  );

  app.get(
    '/documents/:id/versions',
    {
      schema: {
        tags,
        summary: '正文版本（痕迹保留）',
        operationId: 'listDocumentVersions',
        params: documentParamsSchema,
        response: { 200: z.array(versionSummarySchema), ...errorResponses },
      },
    },
    async (request) =>
      (await send.content.versions(requireActor(request), request.params.id)).map((v) => ({
        number: Number(v.number),
        title: v.title,
        step: v.step,
        createdAt: new Date(v.created_at).toISOString(),
        createdBy: v.created_by,
        createdByName: v.created_by_name,
      })),
  );

  app.get(
    '/documents/:id/versions/:number',
    {
      schema: { tags, summary: '查看某一版本', operationId: 'getDocumentVersion', params: versionParamsSchema, response: { 200: versionSchema, ...errorResponses } },
    },
    async (request) => {
      const v = await send.content.version(requireActor(request), request.params.id, request.params.number);
      return {
        number: Number(v.number),
        title: v.title,
        step: v.step,
        createdAt: new Date(v.created_at).toISOString(),
        createdBy: v.created_by,
        createdByName: v.created_by_name,
        bodyHtml: v.body_html,
      };
    },
  );

  app.get(
    '/documents/:id/diff',
    {
      schema: {
        tags,
        summary: '比较两个版本（按词语）',
        operationId: 'diffDocumentVersions',
        params: documentParamsSchema,
        querystring: diffQuerySchema,
        response: { 200: diffSchema, ...errorResponses },
      },
    },
    async (request) => send.content.diff(requireActor(request), request.params.id, request.query.from, request.query.to),
  );

  app.get(
    '/documents/workflows/:orgId',
    {
      schema: {
        tags,
        summary: '机关的发文流程设置',
        operationId: 'getDocumentWorkflow',
        params: orgParamsSchema,
        response: { 200: workflowSchema, ...errorResponses },
      },
    },
    async (request) => send.workflow.view(requireActor(request), request.params.orgId),
  );

  app.put(
    '/documents/workflows/:orgId',
    {
      schema: {
        tags,
        summary: '修改机关的发文流程（领导或系统管理员）：启停可选环节、办理角色与单位、办理时限',
        operationId: 'updateDocumentWorkflow',
        params: orgParamsSchema,
        body: workflowUpdateSchema,
        response: { 200: workflowSchema, ...errorResponses },
      },
    },
    async (request) => send.workflow.update(acting(request), request.params.orgId, request.body.steps),
  );
};
