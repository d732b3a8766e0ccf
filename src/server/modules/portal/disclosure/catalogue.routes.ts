import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor } from '../../../platform/actor.js';
import { auditContext } from '../../../platform/audit/index.js';
import { errorResponses } from '../../../platform/http/schemas.js';
import {
  disclosureSettingsSchema,
  entryCreateSchema,
  entryListQuerySchema,
  entryListSchema,
  entrySchema,
  entryUpdateSchema,
  fileQuerySchema,
  idParamsSchema,
  orgParamsSchema,
  textBodySchema,
  textParamsSchema,
  textVersionsSchema,
  validityBodySchema,
  withdrawBodySchema,
} from './catalogue.schema.js';
import type { CatalogueService } from './catalogue.service.js';

const tags = ['政府信息公开'];
const conflict = { 409: errorResponses[400] };

/** The catalogue API: 机构代码, guide and rules, catalogue entries (index numbers, publishing, validity, files). */
export const catalogueRoutes: FastifyPluginAsyncZod<{ catalogue: CatalogueService; uploadLimitBytes: number }> = async (app, { catalogue, uploadLimitBytes }) => {
  const acting = (request: Parameters<typeof requireActor>[0] & Parameters<typeof auditContext>[0]) => ({ actor: requireActor(request), who: auditContext(request) });

  app.addContentTypeParser(['application/pdf', 'application/octet-stream', 'image/png', 'image/jpeg'], { parseAs: 'buffer', bodyLimit: uploadLimitBytes }, (_r, body, done) => done(null, body));

  app.get(
    '/disclosure/orgs/:orgId',
    { schema: { tags, summary: '机关的信息公开平台设置：机构代码、指南、制度、各类别条目数', operationId: 'getDisclosureSettings', params: orgParamsSchema, response: { 200: disclosureSettingsSchema, ...errorResponses } } },
    async (request) => catalogue.settings(requireActor(request), request.params.orgId),
  );

  app.put(
    '/disclosure/orgs/:orgId/texts/:kind',
    { schema: { tags, summary: '修改政府信息公开指南或制度（每次保存为新版本）', operationId: 'saveDisclosureText', params: textParamsSchema, body: textBodySchema, response: { 200: disclosureSettingsSchema, ...errorResponses } } },
    async (request) => catalogue.saveText(acting(request), request.params.orgId, request.params.kind, request.body.bodyHtml),
  );

  app.get(
    '/disclosure/orgs/:orgId/texts/:kind',
    { schema: { tags, summary: '指南或制度的历史版本（按更新时间）', operationId: 'listDisclosureTextVersions', params: textParamsSchema, response: { 200: textVersionsSchema, ...errorResponses } } },
    async (request) => catalogue.textVersions(requireActor(request), request.params.orgId, request.params.kind),
  );

  app.get(
    '/disclosure/entries',
    { schema: { tags, summary: '公开目录条目（筛选、分页）', operationId: 'listDisclosureEntries', querystring: entryListQuerySchema, response: { 200: entryListSchema, ...errorResponses } } },
    async (request) => catalogue.list(requireActor(request), request.query),
  );

  app.post(
    '/disclosure/entries',
    {
      schema: {
        tags,
        summary: '新建公开目录条目（草稿），编索引号 机构代码/年-序号',
        description: '索引号按机关和年度连续编号，并发创建时也不重号、不跳号，撤回后不重用。',
        operationId: 'createDisclosureEntry',
        body: entryCreateSchema,
        response: { 201: entrySchema, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await catalogue.create(acting(request), request.body)),
  );

  app.get(
    '/disclosure/entries/:id',
    { schema: { tags, summary: '公开目录条目详情', operationId: 'getDisclosureEntry', params: idParamsSchema, response: { 200: entrySchema, ...errorResponses } } },
    async (request) => catalogue.get(requireActor(request), request.params.id),
  );

  app.patch(
    '/disclosure/entries/:id',
    { schema: { tags, summary: '修改公开目录条目（索引号不变）', operationId: 'updateDisclosureEntry', params: idParamsSchema, body: entryUpdateSchema, response: { 200: entrySchema, ...errorResponses, ...conflict } } },
    async (request) => catalogue.update(acting(request), request.params.id, request.body),
  );

  app.post(
    '/disclosure/entries/:id/publish',
    { schema: { tags, summary: '发布：发布日期为今天；晚于成文日期20个工作日的标为超期公开', operationId: 'publishDisclosureEntry', params: idParamsSchema, response: { 200: entrySchema, ...errorResponses, ...conflict } } },
    async (request) => catalogue.publish(acting(request), request.params.id),
  );

  app.post(
    '/disclosure/entries/:id/withdraw',
    { schema: { tags, summary: '撤回已发布或草稿条目（索引号不重用）', operationId: 'withdrawDisclosureEntry', params: idParamsSchema, body: withdrawBodySchema, response: { 200: entrySchema, ...errorResponses, ...conflict } } },
    async (request) => catalogue.withdraw(acting(request), request.params.id, request.body.reason),
  );

  app.post(
    '/disclosure/entries/:id/validity',
    { schema: { tags, summary: '标注效力：有效/失效/废止（失效、废止须写明说明和日期）', operationId: 'setDisclosureEntryValidity', params: idParamsSchema, body: validityBodySchema, response: { 200: entrySchema, ...errorResponses, ...conflict } } },
    async (request) => catalogue.setValidity(acting(request), request.params.id, request.body),
  );

  app.put(
    '/disclosure/entries/:id/file',
    {
      schema: {
        tags,
        summary: '上传条目附件（请求体为文件本身，?name= 为文件名；类型按内容识别）',
        operationId: 'uploadDisclosureEntryFile',
        params: idParamsSchema,
        querystring: fileQuerySchema,
        response: { 200: entrySchema, ...errorResponses, ...conflict },
      },
    },
    async (request) => catalogue.attachFile(acting(request), request.params.id, request.body as Buffer, request.query.name),
  );
};
