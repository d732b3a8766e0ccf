import { Readable } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/database.js';
import type { Actor } from '../actor.js';
import { errorResponses } from '../http/schemas.js';
import { authorize } from '../policy/index.js';
import { auditLogPolicy } from './audit.policy.js';
import { auditContext, type AuditLog } from './audit-log.js';
import { exportAuditEvents } from './audit-export.js';
import { verifyAuditLog } from './audit-verify.js';
import { auditRepository, type AuditSearch } from './audit.repository.js';

export interface AuditRoutesOptions {
  readonly db: Db;
  /** The platform's SM2 public key(s) that sign checkpoints. */
  readonly trustedKeys: readonly string[];
  /** When given, denials, exports and verifications are themselves audited. */
  readonly log?: AuditLog;
  /**
   * The organisations whose events an auditor may read: `all` for a grant over the whole
   * deployment, else the ids his grants cover. Without it every auditor reads everything.
   */
  readonly scope?: (actor: Actor) => Promise<readonly string[] | 'all'>;
}

const tags = ['审计'];
const outcome = z.enum(['success', 'failure', 'denied']);
const instant = z.iso.datetime({ offset: true });

const filterSchema = z.object({
  actorId: z.string().min(1).max(100).optional(),
  actorName: z.string().trim().min(1).max(100).optional().describe('操作人用户名（精确匹配）'),
  action: z
    .string()
    .regex(/^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*\.?$/, '须为动作名或其前缀，如 auth 或 auth.sign_in')
    .optional()
    .describe('动作或动作前缀：auth 匹配 auth.sign_in、auth.denied 等'),
  objectType: z.string().min(1).max(100).optional(),
  objectId: z.string().min(1).max(200).optional(),
  from: instant.optional().describe('起始时间（含）'),
  to: instant.optional().describe('截止时间（不含）'),
  outcome: outcome.optional(),
});

const eventSchema = z
  .object({
    seq: z.number().int(),
    at: z.string(),
    actorId: z.string().nullable(),
    actorName: z.string().nullable(),
    orgId: z.string().nullable(),
    ip: z.string().nullable(),
    action: z.string(),
    object: z.object({ type: z.string(), id: z.string().nullable() }).nullable(),
    outcome,
    requestId: z.string().nullable(),
    details: z.unknown(),
    hash: z.string(),
  })
  .meta({ id: 'AuditEvent' });

const toSearch = (q: z.infer<typeof filterSchema>): AuditSearch => ({
  ...(q.actorId ? { actorId: q.actorId } : {}),
  ...(q.actorName ? { actorName: q.actorName } : {}),
  ...(q.action ? { actionPrefix: q.action } : {}),
  ...(q.objectType ? { objectType: q.objectType } : {}),
  ...(q.objectId ? { objectId: q.objectId } : {}),
  ...(q.from ? { from: new Date(q.from).toISOString() } : {}),
  ...(q.to ? { to: new Date(q.to).toISOString() } : {}),
  ...(q.outcome ? { outcome: q.outcome } : {}),
});

/**
 * The auditor's face of the audit log: search, export and verify. Only the 审计管理员 (`auditor`)
 * role may use it; the system and security administrators are refused (三员分立).
 */
export const auditRoutes: FastifyPluginAsyncZod<AuditRoutesOptions> = async (app, { db, trustedKeys, log, scope }) => {
  /** The search narrowed to the organisations the auditor's grants cover. */
  const scoped = async (actor: Actor, search: AuditSearch): Promise<AuditSearch> => {
    const orgIds = scope ? await scope(actor) : 'all';
    return orgIds === 'all' ? search : { ...search, orgIds };
  };
  // Denials are audited by the platform's error handler, like every other refused permission.
  app.get(
    '/audit/events',
    {
      schema: {
        tags,
        summary: '查询审计记录（新的在前）',
        operationId: 'searchAuditEvents',
        querystring: filterSchema.extend({
          before: z.coerce.number().int().positive().optional().describe('翻页：上一页返回的 nextBefore'),
          limit: z.coerce.number().int().min(1).max(500).default(50),
        }),
        response: { 200: z.object({ events: z.array(eventSchema), nextBefore: z.number().int().optional() }), ...errorResponses },
      },
    },
    async (request) => {
      authorize(request.actor, auditLogPolicy, 'search', undefined);
      const { before, limit, ...filter } = request.query;
      const page = await auditRepository.search(db, {
        ...(await scoped(request.actor!, toSearch(filter))),
        limit,
        ...(before !== undefined ? { beforeSeq: before } : {}),
      });
      return {
        events: page.events.map((e) => ({
          seq: Number(e.seq),
          at: e.at,
          actorId: e.actor_id,
          actorName: e.actor_name,
          orgId: e.org_id,
          ip: e.ip,
          action: e.action,
          object: e.object_type ? { type: e.object_type, id: e.object_id } : null,
          outcome: e.outcome,
          requestId: e.request_id,
          details: JSON.parse(e.details) as unknown,
          hash: e.hash,
        })),
        ...(page.nextBeforeSeq !== undefined ? { nextBefore: page.nextBeforeSeq } : {}),
      };
    },
  );

  app.get(
    '/audit/export',
    {
      schema: {
        tags,
        summary: '导出审计记录（JSON Lines 或 CSV）',
        operationId: 'exportAuditEvents',
        querystring: filterSchema.extend({ format: z.enum(['jsonl', 'csv']).default('jsonl') }),
      },
    },
    async (request, reply) => {
      authorize(request.actor, auditLogPolicy, 'export', undefined);
      const { format, ...filter } = request.query;
      const requested = toSearch(filter);
      const search = await scoped(request.actor!, requested);
      if (log) {
        await db.transaction().execute((trx) =>
          log.append(trx, { ...auditContext(request), action: 'audit.export', details: { format, filter: { ...requested } } }),
        );
      }
      const ext = format === 'csv' ? 'csv' : 'jsonl';
      reply
        .type(format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8')
        .header('content-disposition', `attachment; filename="audit-events.${ext}"`);
      return reply.send(Readable.from(exportAuditEvents(db, search, format)));
    },
  );

  app.post(
    '/audit/verify',
    {
      schema: {
        tags,
        summary: '校验审计日志的哈希链与签名检查点',
        operationId: 'verifyAuditLog',
        response: {
          200: z.object({
            ok: z.boolean(),
            events: z.number().int(),
            seq: z.number().int().optional(),
            problem: z.string().optional(),
            message: z.string(),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      authorize(request.actor, auditLogPolicy, 'verify', undefined);
      const result = await verifyAuditLog(db, { trustedKeys });
      if (log) {
        await db.transaction().execute((trx) =>
          log.append(trx, {
            ...auditContext(request),
            action: 'audit.verify',
            outcome: result.ok ? 'success' : 'failure',
            details: { ok: result.ok, events: result.events, ...(result.ok ? {} : { seq: result.seq }) },
          }),
        );
      }
      return result.ok
        ? { ok: true, events: result.events, message: `审计日志完整：${result.events} 条记录，${result.checkpoints} 个检查点` }
        : { ok: false, events: result.events, seq: result.seq, problem: result.problem, message: result.message };
    },
  );
};
