import { createHash } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { testConfig } from '../../../../test/support/app.js';
import { testPostgresUrl, testSchemaName } from '../../../../test/support/db.js';
import type { Config } from '../../config.js';
import type { Db, Dialect } from '../../db/database.js';
import { listStoreBlobs } from './backup.js';

/** A throw-away deployment: its own data folder and, on PostgreSQL, its own schema. */
export async function testDeployment(dialect: Dialect, overrides: Record<string, string> = {}): Promise<{ config: Readonly<Config>; drop: () => Promise<void> }> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'hg-backup-'));
  if (dialect === 'sqlite') return { config: testConfig({ HINGGAN_DATA_DIR: dataDir, HINGGAN_PORT: '0', ...overrides }), drop: async () => undefined };
  const schema = testSchemaName('backup');
  const admin = new pg.Client({ connectionString: testPostgresUrl });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  const url = new URL(testPostgresUrl);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return {
    config: testConfig({ HINGGAN_DATA_DIR: dataDir, HINGGAN_PORT: '0', DATABASE_URL: url.toString(), ...overrides }),
    // The schema and any copies a restore set aside are dropped after the whole run
    // (test/support/global-setup.ts): dropping them now races other files' migrations.
    drop: () => admin.end(),
  };
}

async function tablesOf(db: Db, dialect: Dialect): Promise<string[]> {
  const { rows } =
    dialect === 'sqlite'
      ? await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(db)
      : await sql<{ name: string }>`select table_name as name from information_schema.tables
          where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(db);
  return rows.map((r) => r.name).sort();
}

const stable = (value: unknown) =>
  JSON.stringify(value, (_key, v: unknown) => (v instanceof Uint8Array ? Buffer.from(v).toString('hex') : typeof v === 'bigint' ? String(v) : v));

/** Everything a deployment holds: every table's rows (sorted) and every blob with its hash. */
export async function contentOf(db: Db, dialect: Dialect, dataDir: string): Promise<{ tables: Record<string, string[]>; blobs: string[] }> {
  const tables: Record<string, string[]> = {};
  for (const table of await tablesOf(db, dialect)) {
    const { rows } = await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(db);
    tables[table] = rows.map(stable).sort();
  }
  const store = path.join(dataDir, 'files');
  const blobs: string[] = [];
  for (const blob of await listStoreBlobs(store)) {
    const bytes = await readFile(path.join(store, blob.slice('files/'.length)));
    blobs.push(`${blob} ${createHash('sha256').update(bytes).digest('hex')}`);
  }
  return { tables, blobs };
}
