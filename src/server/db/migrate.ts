import { Migrator, sql, type MigrationResult } from 'kysely';
import { dialectOf, type Db } from './database.js';
import { migrations } from './migrations/index.js';

/**
 * On PostgreSQL the migration tables live in the connection's current schema. Kysely looks tables up
 * across every schema unless told which, so a second deployment (or test) in another schema of the
 * same database would otherwise be taken for this one.
 */
async function migratorFor(db: Db): Promise<Migrator> {
  const schema =
    dialectOf(db) === 'postgres'
      ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(db)).rows[0]?.schema
      : undefined;
  return new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    migrationTableName: 'schema_migrations',
    migrationLockTableName: 'schema_migrations_lock',
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
}

export class MigrationError extends Error {
  constructor(
    message: string,
    readonly results: readonly MigrationResult[],
  ) {
    super(message);
    this.name = 'MigrationError';
  }
}

/** Applies every pending migration; returns the names applied now. */
export async function migrateToLatest(db: Db): Promise<string[]> {
  const { error, results = [] } = await (await migratorFor(db)).migrateToLatest();
  if (error) {
    const failed = results.find((r) => r.status === 'Error')?.migrationName ?? '未知';
    throw new MigrationError(`数据库迁移 ${failed} 失败：${(error as Error).message ?? String(error)}`, results);
  }
  return results.filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

export interface MigrationStatus {
  readonly applied: string[];
  readonly pending: string[];
}

export async function migrationStatus(db: Db): Promise<MigrationStatus> {
  const all = await (await migratorFor(db)).getMigrations();
  return {
    applied: all.filter((m) => m.executedAt).map((m) => m.name),
    pending: all.filter((m) => !m.executedAt).map((m) => m.name),
  };
}
