import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { z } from 'zod';
import type { Db } from '../../db/database.js';
import { migrationStatus } from '../../db/migrate.js';

/** /healthz: the process answers. /readyz: the database answers and no migration is pending. */
export function registerHealthRoutes(app: FastifyInstance, db: Db): void {
  const tags = ['运行状态'];
  app.get(
    '/healthz',
    { schema: { tags, summary: '存活检查', response: { 200: z.object({ status: z.literal('ok') }) } } },
    async () => ({ status: 'ok' as const }),
  );
  app.get(
    '/readyz',
    {
      schema: {
        tags,
        summary: '就绪检查：数据库可达且迁移已是最新',
        response: {
          200: z.object({ status: z.literal('ready'), migrations: z.number() }),
          503: z.object({ status: z.literal('not_ready'), reason: z.string(), pending: z.array(z.string()).optional() }),
        },
      },
    },
    async (_request, reply) => {
      try {
        await sql`select 1`.execute(db);
        const { applied, pending } = await migrationStatus(db);
        if (pending.length) {
          return reply.status(503).send({ status: 'not_ready' as const, reason: '有未执行的数据库迁移', pending });
        }
        return { status: 'ready' as const, migrations: applied.length };
      } catch (error) {
        return reply.status(503).send({ status: 'not_ready' as const, reason: `数据库不可用：${(error as Error).message}` });
      }
    },
  );
}
