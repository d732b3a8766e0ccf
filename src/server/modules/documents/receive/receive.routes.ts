import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../../platform/actor.js';
import { auditContext } from '../../../platform/audit/index.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { contentDisposition, type FileStore } from '../../../platform/files/index.js';
import { errorResponses } from '../../../platform/http/schemas.js';
import { authorize } from '../../../platform/policy/index.js';
import type { InboxService } from './inbox.service.js';
import type { PaperService } from './paper.service.js';
import { scanTypes } from './paper.service.js';
import { incomingPolicy } from './receive.policy.js';
import {
  circulateBodySchema,
  completeBodySchema,
  handleBodySchema,
  idParamsSchema,
  inboxesSchema,
  inboxQuerySchema,
  inboxSchema,
  incomingSchema,
  instructBodySchema,
  paperBodySchema,
  proposeBodySchema,
  readBodySchema,
  readersSchema,
  readingListQuerySchema,
  readingListSchema,
  receiptsSchema,
  remindBodySchema,
  reviewBodySchema,
  scanSchema,
  supervisionQuerySchema,
  supervisionSchema,
} from './receive.schema.js';
import { loadItem, scopeOf } from './receive.scope.js';
import type { ReceiveService } from './receive.service.js';
import { OrgLookup } from './org-lookup.js';
import type { OrgService } from '../../orgs/index.js';
import type { Db } from '../../../db/database.js';

const tags = ['收文'];
const conflict = { 409: errorResponses[400] };

export interface ReceiveRoutesOptions {
  readonly receive: ReceiveService;
  readonly inbox: InboxService;
  readonly paper: PaperService;
  readonly files: FileStore;
  readonly orgs: OrgService;
  readonly db: Db;
  readonly uploadLimitBytes: number;
}

/** The receiving API (收文): inboxes, every step, circulation, reminders, paper documents, receipts. */
export const receiveRoutes: FastifyPluginAsyncZod<ReceiveRoutesOptions> = async (app, options) => {
  const { receive, inbox, paper, files } = options;
  const acting = (request: Parameters<typeof requireActor>[0] & Parameters<typeof auditContext>[0]) => ({ actor: requireActor(request), who: auditContext(request) });

  // Scans arrive as the raw file (the type is judged from the bytes, not from this header).
  app.addContentTypeParser([...scanTypes, 'application/octet-stream'], { parseAs: 'buffer', bodyLimit: options.uploadLimitBytes }, (_request, body, done) => done(null, body));

  app.get(
    '/documents/inboxes',
    { schema: { tags, summary: '我服务的收文箱及各环节待办数', operationId: 'listInboxes', response: { 200: inboxesSchema, ...errorResponses } } },
    async (request) => inbox.inboxes(requireActor(request)),
  );

  app.get(
    '/documents/inbox',
    {
      schema: {
        tags,
        summary: '收文箱：按环节筛选，附各环节计数和逾期标记',
        description: '默认列出全部待办（待签收至承办中）。承办、协办单位的收文箱还列出上级机关交办给本单位的收文（assignedAs）。',
        operationId: 'listInbox',
        querystring: inboxQuerySchema,
        response: { 200: inboxSchema, ...errorResponses },
      },
    },
    async (request) => inbox.list(requireActor(request), request.query),
  );

  app.get(
    '/documents/inbox/supervision',
    {
      schema: {
        tags,
        summary: '催办看板：逾期及即将到期的收文',
        operationId: 'getSupervisionBoard',
        querystring: supervisionQuerySchema,
        response: { 200: supervisionSchema, ...errorResponses },
      },
    },
    async (request) => inbox.supervision(requireActor(request), request.query),
  );

  app.get(
    '/documents/reading',
    {
      schema: { tags, summary: '传阅给我的文件（未阅在前）', operationId: 'listReading', querystring: readingListQuerySchema, response: { 200: readingListSchema, ...errorResponses } },
    },
    async (request) => inbox.readingList(requireActor(request), request.query),
  );

  app.get(
    '/documents/incoming/:id',
    { schema: { tags, summary: '收文详情：处理记录、传阅、催办', operationId: 'getIncoming', params: idParamsSchema, response: { 200: incomingSchema, ...errorResponses } } },
    async (request) => receive.detail(requireActor(request), request.params.id),
  );

  app.get(
    '/documents/incoming/:id/file',
    {
      schema: {
        tags,
        summary: '下载收文的正式版 PDF（含电子印章）或纸质来文扫描件',
        operationId: 'downloadIncomingFile',
        params: idParamsSchema,
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const item = await loadItem(options.db, request.params.id, async () => false);
      authorize(actor, incomingPolicy, 'read', await scopeOf(new OrgLookup(options.orgs), item));
      const fileId = item.row.file_id;
      if (!fileId) throw new AppError('file.not_found', { details: { id: request.params.id } });
      const { file, stream } = await files.get(options.db, fileId);
      const title = item.row.title;
      const extension = file.mediaType === 'application/pdf' ? 'pdf' : file.mediaType === 'image/png' ? 'png' : 'jpg';
      return reply.type(file.mediaType).header('content-disposition', contentDisposition(`${title}.${extension}`)).send(stream);
    },
  );

  app.get(
    '/documents/incoming/:id/readers',
    { schema: { tags, summary: '可传阅的人员（本机关及其办公室的领导、工作人员）', operationId: 'listCirculationReaders', params: idParamsSchema, response: { 200: readersSchema, ...errorResponses } } },
    async (request) => ({ items: (await receive.readers(requireActor(request), request.params.id)).map((r) => ({ ...r, roles: [...r.roles] })) }),
  );

  const step = <B extends z.ZodType>(
    path: string,
    summary: string,
    operationId: string,
    body: B | null,
    run: (a: ReturnType<typeof acting>, id: string, body: z.infer<B>) => Promise<z.infer<typeof incomingSchema>>,
  ) =>
    app.post(
      `/documents/incoming/:id/${path}`,
      { schema: { tags, summary, operationId, params: idParamsSchema, ...(body ? { body } : {}), response: { 200: incomingSchema, ...errorResponses, ...conflict } } },
      async (request) => run(acting(request), request.params.id, request.body as z.infer<B>),
    );

  step('sign', '签收（向发文机关回执签收人和时间）', 'signIncoming', null, (a, id) => receive.sign(a, id));
  step('register', '登记（按本机关、年度连续编收文编号）', 'registerIncoming', null, (a, id) => receive.register(a, id));
  step('review', '初审：通过，或退回发文机关并说明理由', 'reviewIncoming', reviewBodySchema, (a, id, body) => receive.review(a, id, body));
  step('propose', '拟办', 'proposeIncoming', proposeBodySchema, (a, id, body) => receive.propose(a, id, body));
  step('instruct', '批办：领导批示，指定承办、协办单位和办理时限（工作日）', 'instructIncoming', instructBodySchema, (a, id, body) => receive.instruct(a, id, body));
  step('handle', '承办：承办单位记录办理情况（协办单位记录协办意见）', 'handleIncoming', handleBodySchema, (a, id, body) => receive.handle(a, id, body));
  step('circulate', '传阅：送领导和相关人员阅知', 'circulateIncoming', circulateBodySchema, (a, id, body) => receive.circulate(a, id, body));
  step('read', '阅文：标记传阅件已阅（可附阅批意见）', 'readIncoming', readBodySchema, (a, id, body) => receive.markRead(a, id, body));
  step('remind', '人工催办', 'remindIncoming', remindBodySchema, (a, id, body) => receive.remind(a, id, body));
  step('complete', '办结：填写办理结果，关联复文', 'completeIncoming', completeBodySchema, (a, id, body) => receive.complete(a, id, body));

  app.post(
    '/documents/incoming/scans',
    {
      schema: {
        tags,
        summary: '上传纸质来文扫描件（PDF、JPEG 或 PNG，按文件内容判断类型）',
        description: '请求体为文件本身；Content-Type 为 application/pdf、image/jpeg、image/png 或 application/octet-stream。随后以返回的 fileId 登记纸质来文。',
        operationId: 'uploadIncomingScan',
        querystring: z.object({ orgId: z.string().min(1).max(64).describe('收文机关'), name: z.string().max(200).default('扫描件').describe('原文件名') }),
        consumes: [...scanTypes, 'application/octet-stream'],
        response: { 201: scanSchema, ...errorResponses, 413: errorResponses[400], 415: errorResponses[400] },
      },
    },
    async (request, reply) => {
      if (!Buffer.isBuffer(request.body)) throw new AppError('documents.scan_type_not_allowed');
      const scan = await paper.uploadScan(acting(request), request.query.orgId, request.body, request.query.name);
      return reply.status(201).send(scan);
    },
  );

  app.post(
    '/documents/incoming/paper',
    {
      schema: {
        tags,
        summary: '登记纸质来文（签收并登记，进入初审）',
        operationId: 'registerPaperIncoming',
        body: paperBodySchema,
        response: { 201: incomingSchema, ...errorResponses, ...conflict },
      },
    },
    async (request, reply) => {
      const a = acting(request);
      const id = await paper.register(a, request.body);
      return reply.status(201).send(await receive.detail(a.actor, id));
    },
  );

  app.get(
    '/documents/:id/receipts',
    {
      schema: {
        tags: ['发文'],
        summary: '发文的分发与回执：各收文机关的签收、退回、办结情况',
        operationId: 'listDocumentReceipts',
        params: idParamsSchema,
        response: { 200: receiptsSchema, ...errorResponses },
      },
    },
    async (request) => inbox.receipts(requireActor(request), request.params.id),
  );
};
