import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';
import SqliteDatabase from 'better-sqlite3';
import type { BenchOptions } from './run.js';
import { benchSettings, round, startPlatform } from './support.js';

const bin = fileURLToPath(new URL('../bin/hinggan.js', import.meta.url));

/** Fills a table of its own with `sizeMb` of incompressible rows, in the deployment's database. */
async function grow(env: Record<string, string>, sizeMb: number): Promise<number> {
  const rows = sizeMb * 256; // 4 KiB each
  const batch = 500;
  if (!env.DATABASE_URL) {
    const db = new SqliteDatabase(path.join(env.HINGGAN_DATA_DIR!, 'hinggan.sqlite'));
    db.pragma('journal_mode = WAL');
    db.exec('create table if not exists bench_ballast (id integer primary key, body blob not null)');
    const insert = db.prepare('insert into bench_ballast (body) values (?)');
    const many = db.transaction((n: number) => {
      for (let i = 0; i < n; i++) insert.run(randomBytes(4096));
    });
    for (let done = 0; done < rows; done += batch) many(Math.min(batch, rows - done));
    db.close();
    return statSync(path.join(env.HINGGAN_DATA_DIR!, 'hinggan.sqlite')).size;
  }
  const client = new pg.Client({ connectionString: env.DATABASE_URL });
  await client.connect();
  await client.query('create table if not exists bench_ballast (id bigserial primary key, body bytea not null)');
  await client.query('alter table bench_ballast alter column body set storage external'); // no compression, like the SQLite rows
  for (let done = 0; done < rows; done += batch) {
    const n = Math.min(batch, rows - done);
    // Distinct random bodies (256 × 16 random bytes each), so pg_dump's compression cannot shrink them.
    await client.query(
      `insert into bench_ballast (body) select (select decode(string_agg(md5(random()::text || g::text || i::text), ''), 'hex')
         from generate_series(1, 256) i) from generate_series(1, $1) g`,
      [n],
    );
  }
  const { rows: size } = await client.query<{ bytes: string }>(
    `select sum(pg_total_relation_size(c.oid))::text as bytes from pg_class c
       where c.relnamespace = current_schema()::regnamespace and c.relkind in ('r', 'm')`,
  );
  await client.end();
  return Number(size[0]?.bytes ?? 0);
}

/** `hinggan backup` in its own process, without blocking this one (autocannon runs here). */
async function runBackup(env: Record<string, string>): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [bin, 'backup'], { env: { ...process.env, ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
  child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
  const status = await new Promise<number | null>((resolve) => child.once('close', resolve));
  return { status, stdout, stderr };
}

/**
 * `hinggan backup` of a database of BENCH_SIZE_MB (default 200) while autocannon drives /healthz and
 * /api/openapi.json on the running server: backup seconds, MB/s, and requests that failed (must be 0).
 */
export async function benchBackup(options: BenchOptions): Promise<object> {
  const sizeMb = Number(process.env.BENCH_SIZE_MB ?? 200);
  const { env, cleanup } = await benchSettings(options.db);
  try {
    const first = await startPlatform(env); // create, migrate, seed
    await first.stop();
    const filling = performance.now();
    const databaseBytes = await grow(env, sizeMb);
    const fillSeconds = (performance.now() - filling) / 1000;
    const server = await startPlatform(env);
    try {
      const load = (url: string) => autocannon({ url, connections: Math.max(1, Math.floor(options.connections / 2)), duration: 3600 });
      const runs = [load(`${server.url}healthz`), load(`${server.url}api/openapi.json`)];
      await new Promise((r) => setTimeout(r, 1000));
      const began = performance.now();
      const backup = await runBackup(env);
      const seconds = (performance.now() - began) / 1000;
      for (const run of runs) (run as unknown as { stop(): void }).stop();
      const results = await Promise.all(runs);
      if (backup.status !== 0) throw new Error(`hinggan backup failed:\n${backup.stderr}`);
      const bytes = Number(/共 ([\d.]+) MB/.exec(backup.stdout)?.[1] ?? 0) * 1024 * 1024;
      const requests = results.reduce((n, r) => n + r.requests.total, 0);
      const failed = results.reduce((n, r) => n + r.errors + r.timeouts + r.non2xx, 0);
      const failures = results.map((r, i) => ({ url: ['healthz', 'api/openapi.json'][i], errors: r.errors, timeouts: r.timeouts, non2xx: r.non2xx, p99Ms: r.latency.p99, maxMs: r.latency.max }));
      return {
        sizeMb,
        fillSeconds: round(fillSeconds),
        backupSeconds: round(seconds, 2),
        databaseMb: round(databaseBytes / 1024 / 1024),
        backupMb: round(bytes / 1024 / 1024),
        databaseMbPerSecond: round(databaseBytes / 1024 / 1024 / seconds),
        requestsDuringBackup: requests,
        requestsPerSecondDuringBackup: round(results.reduce((n, r) => n + r.requests.average, 0)),
        failedRequests: failed,
        byUrl: failures,
        targets: { failedRequests: 0, note: 'issue target size 1 GB: BENCH_SIZE_MB=1024' },
      };
    } finally {
      await server.stop();
    }
  } finally {
    await cleanup();
  }
}
