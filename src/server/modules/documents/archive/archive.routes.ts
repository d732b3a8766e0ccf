import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor } from '../../../platform/actor.js';
import { auditContext } from '../../../platform/audit/index.js';
import { contentDisposition } from '../../../platform/files/index.js';
import { errorResponses } from '../../../platform/http/schemas.js';
import type { ArchiveExport } from './archive.export.js';
import {
  archiveFileQuerySchema,
  archiveItemDetailSchema,
  archiveListQuerySchema,
  archiveListSchema,
  exportQuerySchema,
  fileBodySchema,
  fondsBodySchema,
  fondsQuerySchema,
  fondsSchema,
} from './archive.schema.js';
import type { ArchiveService } from './archive.service.js';
import { idParamsSchema } from '../receive/index.js';

const tags = ['归档'];
const conflict = { 409: errorResponses[400] };

/** The filing API (归档): 全宗 settings, filing, the archive browser, downloads and archival packages. */
export const archiveRoutes: FastifyPluginAsyncZod<{ archive: ArchiveService; exporter: ArchiveExport }> = async (app, { archive, exporter }) => {
  const acting = (request: Parameters<typeof requireActor>[0] & Parameters<typeof auditContext>[0]) => ({ actor: requireActor(request), who: auditContext(request) });

  app.get(
    '/documents/archive/fonds',
    { schema: { tags, summary: '单位的全宗设置（全宗号、默认机构）', operationId: 'getArchiveFonds', querystring: fondsQuerySchema, response: { 200: fondsSchema, ...errorResponses } } },
    async (request) => archive.fonds(requireActor(request), request.query.orgId),
  );

  app.put(
    '/documents/archive/fonds',
    {
      schema: {
        tags,
        summary: '设置全宗号和默认机构（问题）代码；已有归档文件后全宗号不能更改',
        operationId: 'updateArchiveFonds',
        body: fondsBodySchema,
        response: { 200: fondsSchema, ...errorResponses, ...conflict },
      },
    },
    async (request) => archive.configureFonds(acting(request), request.body),
  );

  app.get(
    '/documents/archive',
    { schema: { tags, summary: '档案：单位的归档文件（按档号排列）', operationId: 'listArchive', querystring: archiveListQuerySchema, response: { 200: archiveListSchema, ...errorResponses } } },
    async (request) => archive.list(requireActor(request), request.query),
  );

  app.post(
    '/documents/archive',
    {
      schema: {
        tags,
        summary: '归档：已核发的发文或已办结的收文组件归档，编档号，加盖归档章',
        description: '原件（含电子印章）保持不变；归档件为原件后追加增量更新，在首页右上角加盖归档章（全宗号、年度、件号、机构、保管期限、页数）。',
        operationId: 'fileDocument',
        body: fileBodySchema,
        response: { 201: archiveItemDetailSchema, ...errorResponses, ...conflict },
      },
    },
    async (request, reply) => {
      const a = acting(request);
      const id = await archive.file(a, request.body);
      return reply.status(201).send((await archive.item(a.actor, id)).view);
    },
  );

  app.get(
    '/documents/archive/export',
    {
      schema: {
        tags,
        summary: '导出归档包（单位 × 年度，tar.gz）：原件、归档件、DA/T 46 元数据 XML、签名验证、SM3 清单及平台 SM2 签名',
        operationId: 'exportArchive',
        querystring: exportQuerySchema,
      },
    },
    async (request, reply) => {
      const a = acting(request);
      const pack = await exporter.package(a.actor, a.who, request.query.orgId, request.query.year);
      return reply.type('application/gzip').header('content-disposition', contentDisposition(pack.name)).header('x-archive-items', String(pack.items)).send(pack.stream);
    },
  );

  app.get(
    '/documents/archive/:id',
    { schema: { tags, summary: '档案详情：档号、著录项和办理过程元数据', operationId: 'getArchiveItem', params: idParamsSchema, response: { 200: archiveItemDetailSchema, ...errorResponses } } },
    async (request) => (await archive.item(requireActor(request), request.params.id)).view,
  );

  app.get(
    '/documents/archive/:id/file',
    {
      schema: {
        tags,
        summary: '下载归档件（加盖归档章）或原件',
        operationId: 'downloadArchiveFile',
        params: idParamsSchema,
        querystring: archiveFileQuerySchema,
      },
    },
    async (request, reply) => {
      const { file, stream, name } = await archive.download(requireActor(request), request.params.id, request.query.copy);
      return reply.type(file.mediaType).header('content-disposition', contentDisposition(name)).send(stream);
    },
  );
};
