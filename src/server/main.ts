import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.js';
import type { Config } from './config.js';
import { openDatabase, type DatabaseHandle } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';
import { createAppContext } from './context.js';
import { auditJobs, scheduleAuditJobs, sinksFromConfig } from './platform/audit/index.js';
import { backupJobs, holdServerLock, scheduleBackups } from './platform/backup/index.js';
import { startWorkers } from './platform/jobs/index.js';
import { scheduleSearchMaintenance, searchJobs } from './platform/search/index.js';
import { modules } from './modules/index.js';

export interface SeedResult {
  readonly lines: string[];
}

/** Runs every module's seed in order; each seed writes only into an empty registry. */
export async function seedAll(database: DatabaseHandle, config: Readonly<Config>, profile = config.seed): Promise<SeedResult> {
  const ctx = createAppContext({ config, database });
  const lines: string[] = [];
  for (const module of modules) {
    const report = await module.seed?.(ctx, { profile });
    if (report) lines.push(...report.lines);
  }
  return { lines };
}

export interface Started {
  readonly app: FastifyInstance;
  readonly database: DatabaseHandle;
  readonly urls: { portal: string; workbench: string; docs: string };
  readonly migrated: string[];
  readonly seeded: string[];
  stop(): Promise<void>;
}

/** Opens the database, migrates, seeds an empty database, builds the app and listens. */
export async function startServer(config: Readonly<Config>): Promise<Started> {
  const database = await openDatabase(config);
  try {
    const migrated = await migrateToLatest(database.db);
    const seeded = config.seed === 'none' ? [] : (await seedAll(database, config)).lines;
    const app = await buildApp({ config, database });
    await app.listen({ host: config.host, port: config.port });
    // A restore refuses to run while this lock names a live server.
    const releaseLock = holdServerLock(config.dataDir);
    const ctx = createAppContext({ config, database });
    const auditDeps = { db: database.db, clock: ctx.clock, log: ctx.audit, sinks: sinksFromConfig(config), logger: app.log };
    const backupDeps = { db: database.db, dialect: database.dialect, config, clock: ctx.clock, logger: app.log };
    const searchDeps = { db: database.db, dialect: database.dialect, clock: ctx.clock, logger: app.log };
    const handlers = Object.assign(
      {},
      auditJobs(auditDeps),
      backupJobs(backupDeps),
      searchJobs(searchDeps),
      ...modules.map((m) => m.jobs?.(ctx) ?? {}),
    );
    const worker = startWorkers({ ...ctx, logger: app.log }, handlers);
    if (worker) {
      await scheduleAuditJobs(auditDeps);
      await scheduleBackups(backupDeps);
      await scheduleSearchMaintenance(searchDeps);
      for (const module of modules) await module.schedule?.(ctx);
    }
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    const base = (config.publicUrl ?? `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${port}`).replace(/\/$/, '');
    let stopping: Promise<void> | undefined;
    return {
      app,
      database,
      migrated,
      seeded,
      urls: { portal: `${base}/`, workbench: `${base}/workbench/`, docs: `${base}/api/docs` },
      stop: () => {
        stopping ??= (async () => {
          await worker?.stop();
          await app.close();
          await database.destroy();
          releaseLock();
        })();
        return stopping;
      },
    };
  } catch (error) {
    await database.destroy().catch(() => undefined);
    throw error;
  }
}
