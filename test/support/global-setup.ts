import pg from 'pg';

const url = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
/** Schemas the tests create: `<kind>_<run>_<random>` with kind t, start or backup. */
const testSchema = /^(t|start|backup)_([0-9a-z]{8})_/;
const staleAfterMs = 6 * 3_600_000;

/**
 * Test files run in parallel, each in PostgreSQL schemas of its own. Dropping a schema while another
 * file's migrator introspects the catalogue makes that file fail, so this run's schemas are dropped
 * once, after every file has finished. Other runs on the same database (a second checkout, CI) keep
 * theirs; schemas of runs older than six hours are leftovers of interrupted runs and go too.
 */
async function dropSchemas(which: (run: string) => boolean): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
  } catch {
    return; // No PostgreSQL here: the suites say so themselves.
  }
  try {
    const { rows } = await client.query<{ nspname: string }>("select nspname from pg_namespace where nspname ~ '^(t|start|backup)_'");
    for (const { nspname } of rows) {
      const run = testSchema.exec(nspname)?.[2];
      if (run && which(run)) await client.query(`drop schema if exists "${nspname}" cascade`);
    }
  } finally {
    await client.end();
  }
}

export async function setup(): Promise<() => Promise<void>> {
  // Base-36 milliseconds: eight characters until the year 2059, and they sort by time.
  const run = Date.now().toString(36).padStart(8, '0');
  process.env.HINGGAN_TEST_RUN = run;
  await dropSchemas((other) => Date.now() - Number.parseInt(other, 36) > staleAfterMs);
  return () => dropSchemas((other) => other === run);
}
