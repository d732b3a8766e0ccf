import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, statSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { openDatabase, type DatabaseHandle } from '../src/server/db/database.js';

const bin = fileURLToPath(new URL('../bin/hinggan.js', import.meta.url));

/**
 * On a machine with taskset and two or more cores, servers run on core 0 and the load generator on
 * core 1, so the two do not compete and the figures repeat better.
 */
const pin = existsSync('/usr/bin/taskset') && availableParallelism() >= 2;
if (pin) spawnSync('/usr/bin/taskset', ['-cp', '1', String(process.pid)], { stdio: 'ignore' });

function spawnServer(args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  const [command, argv] = pin ? ['/usr/bin/taskset', ['-c', '0', process.execPath, ...args]] : [process.execPath, args];
  return spawn(command as string, argv as string[], { env, stdio: ['ignore', 'pipe', 'inherit'] });
}

export const pinnedToCores = pin;

/** Settings for a throw-away deployment on the chosen database (a new schema on PostgreSQL). */
export async function benchSettings(db: 'sqlite' | 'postgres'): Promise<{ env: Record<string, string>; cleanup: () => Promise<void> }> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'hg-bench-'));
  const env: Record<string, string> = { HINGGAN_DATA_DIR: dataDir, HINGGAN_PORT: '0', HINGGAN_LOG_LEVEL: 'warn' };
  if (db === 'sqlite') return { env, cleanup: () => rm(dataDir, { recursive: true, force: true }) };
  const base = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const schema = `bench_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  const url = new URL(base);
  url.searchParams.set('options', `-c search_path=${schema}`);
  env.DATABASE_URL = url.toString();
  return {
    env,
    cleanup: async () => {
      await admin.query(`drop schema ${schema} cascade`);
      await admin.end();
    },
  };
}

export interface RunningServer {
  readonly url: string;
  readonly child: ChildProcess;
  /** Seconds from spawn until the server printed its URLs. */
  readonly startSeconds: number;
  rssMb(): Promise<number>;
  stop(): Promise<void>;
}

/** Runs `hinggan start` in its own process, as `npm start` does, and waits for its URLs. */
export async function startPlatform(env: Record<string, string>): Promise<RunningServer> {
  const began = process.hrtime.bigint();
  const child = spawnServer([bin, 'start', '--no-build'], { ...process.env, ...env });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /门户网站\s+(\S+)/.exec(output);
      if (match) resolve(match[1]!);
    });
    child.once('exit', (code) => reject(new Error(`hinggan start exited with ${code}:\n${output}`)));
  });
  return running(url, child, Number(process.hrtime.bigint() - began) / 1e9);
}

function running(url: string, child: ChildProcess, startSeconds: number): RunningServer {
  return {
    url,
    child,
    startSeconds,
    rssMb: async () => {
      const status = await readFile(`/proc/${child.pid}/status`, 'utf8');
      return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
    },
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** A bare node:http server in its own process answering `body` with `headers` to every request. */
export async function startBaseline(body: Buffer, headers: Record<string, string>): Promise<RunningServer> {
  const script = `
    const http = require('node:http');
    const body = Buffer.from(process.env.BODY, 'base64');
    const headers = JSON.parse(process.env.HEADERS);
    const server = http.createServer((req, res) => { res.writeHead(200, headers); res.end(body); });
    server.listen(0, '127.0.0.1', () => console.log('http://127.0.0.1:' + server.address().port + '/'));`;
  const child = spawnServer(['-e', script], { ...process.env, BODY: body.toString('base64'), HEADERS: JSON.stringify(headers) });
  const url = await new Promise<string>((resolve) => child.stdout!.once('data', (c: Buffer) => resolve(c.toString().trim())));
  return running(url, child, 0);
}

export const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

export interface BenchDatabase {
  readonly database: DatabaseHandle;
  /** The deployment's data directory (keys; on SQLite also the database). */
  readonly dataDir: string;
  /** What to pass as `reuse` next time, when the database is kept. */
  readonly kept?: string;
  /** Closes nothing (the caller destroys `database`); drops what is not kept. */
  cleanup(): Promise<void>;
}

/**
 * A database for a bench that runs the services in its own process: a new SQLite data directory or
 * PostgreSQL schema `bench_<name>_<time>`. `keep` keeps it (printed as `kept`); `reuse` opens a kept
 * one (a data directory, a SQLite file, or a schema), which is kept again. On PostgreSQL the data
 * directory holds only keys and always goes.
 */
export async function benchDatabase(db: 'sqlite' | 'postgres', name: string, options: { keep?: boolean; reuse?: string | undefined } = {}): Promise<BenchDatabase> {
  const keep = options.keep === true || options.reuse !== undefined;
  const { reuse } = options;
  if (db === 'sqlite') {
    const file = reuse !== undefined && statSync(reuse).isFile() ? reuse : undefined;
    const dataDir = file ? path.dirname(file) : (reuse ?? mkdtempSync(path.join(tmpdir(), `hg-bench-${name}-`)));
    const database = await openDatabase({ dataDir }, file ? { sqliteFile: file } : {});
    return { database, dataDir, ...(keep ? { kept: file ?? dataDir } : {}), cleanup: () => (keep ? Promise.resolve() : rm(dataDir, { recursive: true, force: true })) };
  }
  const dataDir = mkdtempSync(path.join(tmpdir(), `hg-bench-${name}-`));
  const url = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const schema = reuse ?? `bench_${name}_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  if (!reuse) await admin.query(`create schema ${schema}`);
  const database = await openDatabase({ databaseUrl: url, dataDir: '' }, { pgSchema: schema });
  return {
    database,
    dataDir,
    ...(keep ? { kept: schema } : {}),
    cleanup: async () => {
      if (!keep) await admin.query(`drop schema ${schema} cascade`);
      await admin.end();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
