import { mkdirSync } from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresAdapter, PostgresDialect, SqliteDialect, type Transaction } from 'kysely';
import pg from 'pg';
import { redactUrl, type Config } from '../config.js';
import type { Database } from './schema.js';
import { cachingSqliteDatabase } from './sqlite-statements.js';

export type Dialect = 'sqlite' | 'postgres';
export type Db = Kysely<Database>;
export type Trx = Transaction<Database>;
/** A connection or a transaction: repositories accept either. */
export type DbOrTrx = Db | Trx;

// Instants are ISO-8601 UTC strings on both dialects; counts are numbers.
pg.types.setTypeParser(pg.types.builtins.TIMESTAMPTZ, (value) => new Date(value).toISOString());
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number.parseInt(value, 10));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (value) => Number.parseFloat(value));

export interface DatabaseHandle {
  readonly db: Db;
  readonly dialect: Dialect;
  /** Where the data is, for messages: a file path or a redacted URL. */
  readonly location: string;
  destroy(): Promise<void>;
}

export class DatabaseUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DatabaseUnavailableError';
  }
}

export interface OpenOptions {
  /** SQLite: a file path or ':memory:'. Defaults to <dataDir>/hinggan.sqlite. */
  sqliteFile?: string;
  /** PostgreSQL: run every connection with this search_path (used by tests to isolate schemas). */
  pgSchema?: string;
  pgPoolSize?: number;
}

/** Opens the database the configuration names and checks that it answers. */
export async function openDatabase(
  config: Pick<Config, 'databaseUrl' | 'dataDir'>,
  options: OpenOptions = {},
): Promise<DatabaseHandle> {
  if (config.databaseUrl) return openPostgres(config.databaseUrl, options);
  const file = options.sqliteFile ?? path.join(config.dataDir, 'hinggan.sqlite');
  return openSqlite(file);
}

function openSqlite(file: string): DatabaseHandle {
  if (file !== ':memory:') mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new SqliteDatabase(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  // Kysely's driver prepares every statement anew; the wrapper reuses them per SQL text.
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: cachingSqliteDatabase(sqlite) }) });
  return { db, dialect: 'sqlite', location: file, destroy: () => db.destroy() };
}

async function openPostgres(url: string, options: OpenOptions): Promise<DatabaseHandle> {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.pgPoolSize ?? 10,
    connectionTimeoutMillis: 5000,
    ...(options.pgSchema ? { options: `-c search_path=${options.pgSchema}` } : {}),
  });
  // An idle client that loses its server must not crash the process.
  pool.on('error', () => undefined);
  try {
    const client = await pool.connect();
    client.release();
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw new DatabaseUnavailableError(
      `无法连接 PostgreSQL：DATABASE_URL=${redactUrl(url)}（${(error as Error).message || String(error)}）`,
    );
  }
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect: 'postgres', location: redactUrl(url), destroy: () => db.destroy() };
}

/** The dialect behind a Kysely instance, for the few queries that differ (e.g. SKIP LOCKED). */
export function dialectOf(db: DbOrTrx): Dialect {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}
