import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe } from 'vitest';
import { openDatabase, type DatabaseHandle, type Dialect } from '../../src/server/db/database.js';
import { migrateToLatest } from '../../src/server/db/migrate.js';

/** PostgreSQL for tests: DATABASE_URL, else the local server. */
export const testPostgresUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** Set by .ci/run: a test suite that cannot reach PostgreSQL fails instead of skipping. */
const requirePostgres = process.env.HINGGAN_REQUIRE_PG === '1';

async function probePostgres(): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: testPostgresUrl, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return undefined;
  } catch (error) {
    return (error as Error).message || String(error);
  } finally {
    await client.end().catch(() => undefined);
  }
}

const postgresProblem = await probePostgres();
if (postgresProblem && !requirePostgres) {
  console.warn(
    `\n⚠️  PostgreSQL tests SKIPPED: cannot reach ${testPostgresUrl} (${postgresProblem}).` +
      `\n   Set DATABASE_URL or start PostgreSQL; CI sets HINGGAN_REQUIRE_PG=1 and fails here instead.\n`,
  );
}

export const testDialects: readonly Dialect[] = ['sqlite', 'postgres'];

/** True when PostgreSQL tests are to be skipped (unreachable and not required). */
export const skipPostgres = postgresProblem !== undefined && !requirePostgres;

export interface FreshDatabase extends DatabaseHandle {
  /** PostgreSQL schema or SQLite file the test owns. */
  readonly name: string;
}

/** A new, migrated, empty database of the dialect; the caller destroys it. */
export async function freshDatabase(dialect: Dialect, options: { migrate?: boolean } = {}): Promise<FreshDatabase> {
  const name = testSchemaName('t');
  let handle: DatabaseHandle;
  if (dialect === 'postgres') {
    if (postgresProblem) {
      throw new Error(`PostgreSQL is required (HINGGAN_REQUIRE_PG=1) but unreachable: ${postgresProblem}`);
    }
    const admin = new pg.Client({ connectionString: testPostgresUrl });
    await admin.connect();
    await admin.query(`create schema ${name}`);
    await admin.end();
    const inner = await openDatabase({ databaseUrl: testPostgresUrl, dataDir: '' }, { pgSchema: name, pgPoolSize: 5 });
    // The schema is dropped after the whole run (test/support/global-setup.ts), not here.
    handle = inner;
  } else {
    handle = await openDatabase({ dataDir: '' }, { sqliteFile: ':memory:' });
  }
  if (options.migrate !== false) await migrateToLatest(handle.db);
  return { ...handle, name };
}

/**
 * Runs the suite once per dialect, each with its own fresh database for the whole file.
 * On a machine without PostgreSQL the postgres run is skipped loudly (or fails under CI).
 */
export function describeEachDialect(
  title: string,
  suite: (database: () => FreshDatabase, dialect: Dialect) => void,
  options: { migrate?: boolean } = {},
): void {
  for (const dialect of testDialects) {
    const skip = dialect === 'postgres' && skipPostgres;
    const run = skip ? describe.skip : describe;
    run(`${title} [${dialect}]`, () => {
      let handle: FreshDatabase | undefined;
      beforeAll(async () => {
        handle = await freshDatabase(dialect, options);
      });
      afterAll(async () => {
        await handle?.destroy();
      });
      suite(() => {
        if (!handle) throw new Error('database not ready');
        return handle;
      }, dialect);
    });
  }
}

/** A new PostgreSQL schema name of this test run (see test/support/global-setup.ts). */
export function testSchemaName(kind: 't' | 'start' | 'backup'): string {
  const run = process.env.HINGGAN_TEST_RUN ?? Date.now().toString(36).padStart(8, '0');
  return `${kind}_${run}_${randomBytes(4).toString('hex')}`;
}
