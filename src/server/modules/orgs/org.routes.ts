import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditContext, type AuditLog } from '../../platform/audit/index.js';
import { AppError } from '../../platform/errors/app-error.js';
import { errorResponses } from '../../platform/http/schemas.js';
import { allowedActions, authorize, can } from '../../platform/policy/index.js';
import { parseOrgCsv } from './org.import.js';
import {
  importResultSchema,
  orgDetailSchema,
  orgKeyParamsSchema,
  orgListQuerySchema,
  orgListSchema,
  orgSchema,
  orgSearchQuerySchema,
  orgTreeNodeSchema,
  orgTreeQuerySchema,
} from './org.schema.js';
import { orgPolicy, orgRegistryPolicy } from './org.policy.js';
import type { OrgService } from './org.service.js';

const tags = ['组织机构'];

export const orgRoutes: FastifyPluginAsyncZod<{ orgs: OrgService; uploadLimitBytes: number; audit: AuditLog }> = async (
  app,
  { orgs, uploadLimitBytes, audit },
) => {
  app.addContentTypeParser('text/csv', { parseAs: 'string', bodyLimit: uploadLimitBytes }, (_req, body, done) =>
    done(null, body),
  );

  app.get(
    '/orgs',
    {
      schema: {
        tags,
        summary: '列出组织机构',
        operationId: 'listOrgs',
        querystring: orgListQuerySchema,
        response: { 200: orgListSchema, ...errorResponses },
      },
    },
    async (request) => {
      authorize(request.actor, orgRegistryPolicy, 'read', undefined);
      const { parentId, kind, page, pageSize } = request.query;
      return orgs.list({ parentId, kinds: kind, page, pageSize });
    },
  );

  app.get(
    '/orgs/tree',
    {
      schema: {
        tags,
        summary: '组织机构树',
        operationId: 'orgTree',
        querystring: orgTreeQuerySchema,
        response: { 200: z.array(orgTreeNodeSchema), ...errorResponses },
      },
    },
    async (request) => {
      authorize(request.actor, orgRegistryPolicy, 'read', undefined);
      return orgs.tree({ rootKey: request.query.root, depth: request.query.depth, kinds: request.query.kind });
    },
  );

  app.get(
    '/orgs/search',
    {
      schema: {
        tags,
        summary: '按名称、简称、拼音名或代码检索组织机构',
        operationId: 'searchOrgs',
        querystring: orgSearchQuerySchema,
        response: { 200: z.object({ items: z.array(orgSchema) }), ...errorResponses },
      },
    },
    async (request) => {
      authorize(request.actor, orgRegistryPolicy, 'read', undefined);
      return { items: await orgs.search(request.query.q, request.query.kind, request.query.limit) };
    },
  );

  app.get(
    '/orgs/:key',
    {
      schema: {
        tags,
        summary: '查看组织机构（含上级路径和下级数量）',
        operationId: 'getOrg',
        params: orgKeyParamsSchema,
        response: { 200: orgDetailSchema, ...errorResponses },
      },
    },
    async (request) => {
      const actor = authorize(request.actor, orgRegistryPolicy, 'read', undefined);
      const { path, ...detail } = await orgs.detail(request.params.key);
      return { ...detail, actions: allowedActions(actor, orgPolicy, { path }) };
    },
  );

  app.post(
    '/orgs/import',
    {
      schema: {
        tags,
        summary: '从 CSV 导入组织机构（系统管理员）',
        description:
          '请求体为 text/csv，列为 ref,parent_ref,kind,code,name_zh,name_mn,name_latin,short_name,doc_prefixes,credit_code。' +
          '任何一行有错误时整体不导入，错误在 error.details.problems 中按行号列出。',
        operationId: 'importOrgs',
        consumes: ['text/csv'],
        body: z.string(),
        response: { 200: importResultSchema, ...errorResponses },
      },
    },
    async (request) => {
      const actor = authorize(request.actor, orgRegistryPolicy, 'import', undefined);
      const { rows, problems } = parseOrgCsv(request.body);
      if (problems.length) throw new AppError('orgs.import_invalid', { details: { problems } });
      // Each row changes a known organisation or adds one under its parent: either must be in scope.
      const paths = await orgs.pathsByRef();
      const outside = rows.filter((row) => {
        const known = paths.get(row.ref);
        if (known) return !can(actor, orgPolicy, 'import', { path: known });
        if (!row.parentRef) return true; // a new top-level organisation: the command line's job
        const parent = paths.get(row.parentRef);
        // An unknown parent is reported by the import itself; one added above was checked there.
        return parent !== undefined && !can(actor, orgPolicy, 'import', { path: parent });
      });
      if (outside.length) {
        throw new AppError('orgs.import_out_of_scope', { details: { problems: outside.map((r) => ({ line: r.line, message: `${r.ref} 不在管理范围内` })) } });
      }
      return orgs.importRows(rows, { log: audit, context: auditContext(request) });
    },
  );
};
