import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { sql } from 'kysely';
import type { Config } from '../../config.js';
import type { Db, Dialect } from '../../db/database.js';
import { migrations as knownMigrations } from '../../db/migrations/index.js';
import { systemClock, type Clock } from '../clock.js';
import { AppError } from '../errors/app-error.js';
import { copyHashed, listStoreBlobs } from './backup.js';
import { PG_DUMP, SQLITE_DUMP, sm3File, verifyBackup, type Manifest } from './manifest.js';
import { requirePgTools, runPgTool } from './pg-tools.js';
import { liveServerLock, serverLockFile } from './server-lock.js';

export interface RestoreOptions {
  /** The operator confirmed that the current data is to be replaced. */
  readonly yes: boolean;
  readonly clock?: Clock;
}

export interface RestoreResult {
  readonly manifest: Manifest;
  /** Blobs copied into the file store (the others were already there, intact). */
  readonly blobsCopied: number;
  /** Where the replaced data was moved: a folder (SQLite file, extra blobs) and/or a PostgreSQL schema. */
  readonly setAside: { readonly dir?: string; readonly schema?: string };
}

export type RestoreSettings = Pick<Config, 'dataDir' | 'databaseUrl'>;

/**
 * What to restore into. SQLite: the file (`location`), which must not be open anywhere, so pass no
 * connection. PostgreSQL: a connection (`db`) to the target database and schema.
 */
export interface RestoreTarget {
  readonly dialect: Dialect;
  readonly location: string;
  readonly db?: Db;
}

/**
 * Restores a backup over the deployment's data. Everything is checked first — the manifest, every
 * file's SM3, the dialect, the migrations, that no server runs — and nothing is touched if any check
 * fails. Then missing blobs are copied in, the database is replaced (SQLite: atomic rename of a
 * checked copy; PostgreSQL: the schema renamed aside, pg_restore in one transaction, renamed back if
 * it fails), and blobs not in the backup are moved aside. Replaced data is kept, not deleted.
 *
 */
export async function restoreBackup(dir: string, database: RestoreTarget, settings: RestoreSettings, options: RestoreOptions): Promise<RestoreResult> {
  const manifest = await verifyBackup(dir);
  const unknown = manifest.migrations.filter((m) => !(m in knownMigrations));
  if (manifest.dialect !== database.dialect) {
    incompatible(`备份来自 ${manifest.dialect}，当前部署使用 ${database.dialect}；不支持跨数据库恢复`);
  }
  if (unknown.length) incompatible(`备份来自更新版本的平台（${manifest.platformVersion}），含本版本不认识的迁移：${unknown.join('、')}`);
  const lock = liveServerLock(settings.dataDir);
  if (lock) {
    throw new AppError('backup.server_running', {
      message: `平台服务正在运行（主机 ${lock.host}，进程 ${lock.pid}，见 ${serverLockFile(settings.dataDir)}），请先停止服务再恢复`,
    });
  }
  const stamp = (options.clock ?? systemClock).now().toISOString().replace(/[-:.]/g, '');
  const sqliteFile = database.dialect === 'sqlite' ? database.location : undefined;
  const exclusive = sqliteFile ? lockSqlite(sqliteFile) : undefined;
  try {
    let targetSchema: string | undefined;
    if (database.dialect === 'postgres') {
      await requirePgTools(['pg_restore']);
      if (!database.db) throw new Error('restoreBackup: a PostgreSQL target needs a connection');
      targetSchema = await schemaOf(database.db);
      if (targetSchema !== manifest.schema) incompatible(`备份的 schema 为 ${manifest.schema}，当前连接的 schema 为 ${targetSchema}`);
    }
    if (!options.yes) {
      throw new AppError('backup.not_confirmed', {
        message: `备份 ${dir} 校验通过（${manifest.createdAt}，${manifest.files.length} 个文件）；恢复将覆盖现有数据，确认请加 --yes`,
      });
    }
    const store = path.join(settings.dataDir, 'files');
    const aside = path.join(settings.dataDir, `pre-restore-${stamp}`);
    const blobsCopied = await copyMissingBlobs(dir, manifest, store);
    const setAside: { dir?: string; schema?: string } = {};
    if (sqliteFile) {
      if (await replaceSqlite(path.join(dir, SQLITE_DUMP), sqliteFile, manifest, exclusive, aside)) setAside.dir = aside;
    } else {
      setAside.schema = await restorePostgres(path.join(dir, PG_DUMP), database.db!, settings, targetSchema!, stamp);
    }
    const wanted = new Set(manifest.files.map((f) => f.path));
    for (const extra of (await listStoreBlobs(store)).filter((p) => !wanted.has(p))) {
      await mkdir(path.dirname(path.join(aside, extra)), { recursive: true });
      await rename(path.join(store, extra.slice('files/'.length)), path.join(aside, extra));
      setAside.dir = aside;
    }
    return { manifest, blobsCopied, setAside };
  } finally {
    if (exclusive?.open) exclusive.close();
  }
}

function incompatible(message: string): never {
  throw new AppError('backup.incompatible', { message: `备份与当前部署不匹配，拒绝恢复：${message}` });
}

/**
 * Takes SQLite's exclusive lock on the current database. Any other open connection — a running
 * server, even an idle one — holds a shared lock in WAL mode, so this fails at once if one exists;
 * held, it also keeps a server from starting until the file is replaced.
 */
function lockSqlite(file: string): SqliteDatabase.Database | undefined {
  if (!existsSync(file)) return undefined;
  const connection = new SqliteDatabase(file, { fileMustExist: true });
  try {
    connection.pragma('busy_timeout = 0');
    connection.pragma('locking_mode = EXCLUSIVE');
    connection.exec('begin exclusive');
    connection.exec('commit');
    return connection;
  } catch (error) {
    connection.close();
    if ((error as { code?: string }).code?.startsWith('SQLITE_BUSY')) {
      throw new AppError('backup.server_running', {
        message: `数据库 ${file} 正被其他进程使用（平台服务可能正在运行），请先停止服务再恢复`,
      });
    }
    throw error;
  }
}

async function replaceSqlite(source: string, file: string, manifest: Manifest, held: SqliteDatabase.Database | undefined, aside: string): Promise<boolean> {
  const temp = `${file}.restore-${randomUUID()}.tmp`;
  try {
    const copied = await copyHashed(source, temp);
    const expected = manifest.files.find((f) => f.path === SQLITE_DUMP)!;
    if (copied.sm3 !== expected.sm3) throw new AppError('backup.restore_failed', { message: `复制 ${source} 时数据出错（SM3 不符）` });
    if (held) {
      // Fold the WAL into the file, so the old database moved aside is complete on its own.
      held.pragma('wal_checkpoint(TRUNCATE)');
      held.close();
      await mkdir(aside, { recursive: true });
      for (const suffix of ['', '-wal', '-shm']) {
        if (existsSync(`${file}${suffix}`)) await rename(`${file}${suffix}`, path.join(aside, `${path.basename(file)}${suffix}`));
      }
    }
    await rename(temp, file);
    const directory = await open(path.dirname(file), 'r');
    await directory.sync().finally(() => directory.close());
    return held !== undefined;
  } finally {
    await rm(temp, { force: true });
  }
}

async function schemaOf(db: Db): Promise<string> {
  const current = (await sql<{ schema: string | null }>`select current_schema() as schema`.execute(db)).rows[0]?.schema;
  if (current) return current;
  const path = (await sql<{ search_path: string }>`show search_path`.execute(db)).rows[0]?.search_path ?? '';
  const first = path.split(',').map((s) => s.trim().replace(/^"(.*)"$/, '$1')).find((s) => s && s !== '$user');
  return first ?? 'public';
}

/** Renames the schema aside, restores into a fresh one in a single transaction; undoes the rename on failure. */
async function restorePostgres(dump: string, db: Db, settings: RestoreSettings, schema: string, stamp: string): Promise<string | undefined> {
  const asideName = `${schema}_pre_restore_${stamp.toLowerCase()}`.slice(0, 63);
  const exists = await sql<{ n: number }>`select count(*)::int as n from pg_namespace where nspname = ${schema}`.execute(db);
  const hadSchema = (exists.rows[0]?.n ?? 0) > 0;
  if (hadSchema) await sql`alter schema ${sql.id(schema)} rename to ${sql.id(asideName)}`.execute(db);
  try {
    await runPgTool('pg_restore', settings.databaseUrl!, ['--clean', '--if-exists', '--single-transaction', '--exit-on-error', '--no-owner', dump]);
  } catch (error) {
    if (hadSchema) {
      await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(db);
      await sql`alter schema ${sql.id(asideName)} rename to ${sql.id(schema)}`.execute(db);
    }
    throw error;
  }
  return hadSchema ? asideName : undefined;
}

/** Copies the backup's blobs the store lacks (or holds damaged), each checked and renamed into place. */
async function copyMissingBlobs(dir: string, manifest: Manifest, store: string): Promise<number> {
  let copied = 0;
  const tmp = path.join(store, 'tmp');
  for (const entry of manifest.files.filter((f) => f.path.startsWith('files/'))) {
    const target = path.join(store, entry.path.slice('files/'.length));
    if (existsSync(target) && (await sm3File(target)).sm3 === entry.sm3) continue;
    await mkdir(tmp, { recursive: true });
    const temp = path.join(tmp, `${randomUUID()}.restore`);
    try {
      const result = await copyHashed(path.join(dir, entry.path), temp);
      if (result.sm3 !== entry.sm3) throw new AppError('backup.restore_failed', { message: `复制 ${entry.path} 时数据出错（SM3 不符）` });
      await mkdir(path.dirname(target), { recursive: true });
      await rename(temp, target);
      copied++;
    } finally {
      await rm(temp, { force: true });
    }
  }
  return copied;
}

