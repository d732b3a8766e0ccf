import pg from 'pg';

const url = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
/** Schemas the tests create: `t_` (describeEachDialect), `start_` (start-up tests), `backup_` (restore drills). */
const testSchemas = "^(t|start|backup)_";

/**
 * Test files run in parallel, each in PostgreSQL schemas of its own. Dropping a schema while another
 * file's migrator introspects the catalogue makes that file fail ("schema … does not exist"), so
 * schemas are dropped once, after every file has finished (and leftovers of an interrupted run
 * before the next one starts).
 */
async function dropTestSchemas(): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
  } catch {
    return; // No PostgreSQL here: the suites say so themselves.
  }
  try {
    const { rows } = await client.query<{ nspname: string }>('select nspname from pg_namespace where nspname ~ $1', [testSchemas]);
    for (const { nspname } of rows) await client.query(`drop schema if exists "${nspname}" cascade`);
  } finally {
    await client.end();
  }
}

export async function setup(): Promise<() => Promise<void>> {
  await dropTestSchemas();
  return dropTestSchemas;
}
