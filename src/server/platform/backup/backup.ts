import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, readFileSync } from 'node:fs';
import { cp, mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import SqliteDatabase from 'better-sqlite3';
import { sql } from 'kysely';
import type { Config } from '../../config.js';
import type { DatabaseHandle } from '../../db/database.js';
import { migrationStatus } from '../../db/migrate.js';
import { systemClock, type Clock } from '../clock.js';
import { AppError } from '../errors/app-error.js';
import { PG_DUMP, SQLITE_DUMP, sm3File, verifyBackup, writeManifest, type Manifest, type ManifestEntry } from './manifest.js';
import { quoteIdent, requirePgTools, runPgTool } from './pg-tools.js';

export type BackupSettings = Pick<Config, 'dataDir' | 'databaseUrl' | 'backupDir' | 'backupKeep' | 'backupOffsiteDir'>;

export interface BackupOptions {
  /** The folder the backup is made in; defaults to HINGGAN_BACKUP_DIR. */
  readonly outDir?: string;
  readonly clock?: Clock;
}

export interface BackupResult {
  /** The finished backup: `<outDir>/hinggan-backup-<UTC time>`. */
  readonly dir: string;
  readonly offsiteDir: string | undefined;
  readonly manifest: Manifest;
  readonly bytes: number;
  readonly seconds: number;
  /** Older backups removed to keep HINGGAN_BACKUP_KEEP copies, in both locations. */
  readonly removed: string[];
}

const BACKUP_PREFIX = 'hinggan-backup-';
const PARTIAL = '.partial';

export const platformVersion: string = (
  JSON.parse(readFileSync(new URL('../../../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

export const backupDirOf = (settings: Pick<Config, 'dataDir' | 'backupDir'>): string =>
  path.resolve(settings.backupDir ?? path.join(settings.dataDir, 'backups'));

/**
 * Makes a consistent backup while the server keeps serving: the database snapshot first (SQLite
 * online backup API, or pg_dump's single-transaction snapshot), then every blob in the file store.
 * Blobs are immutable and written before their rows, so every blob the snapshot refers to is present
 * when they are copied; blobs uploaded after the snapshot are copied too and are harmless garbage
 * after a restore. The backup is built in `<name>.partial` and renamed when complete and checked.
 */
export async function createBackup(database: DatabaseHandle, settings: BackupSettings, options: BackupOptions = {}): Promise<BackupResult> {
  const began = performance.now();
  const clock = options.clock ?? systemClock;
  const createdAt = clock.now().toISOString();
  const outDir = path.resolve(options.outDir ?? backupDirOf(settings));
  const name = `${BACKUP_PREFIX}${createdAt.replace(/[-:.]/g, '')}`;
  const work = path.join(outDir, `${name}${PARTIAL}`);
  if (database.dialect === 'postgres') await requirePgTools(['pg_dump']);
  await mkdir(work, { recursive: true });
  try {
    let schema: string | null = null;
    let migrations: string[];
    if (database.dialect === 'sqlite') {
      await snapshotSqlite(database.location, path.join(work, SQLITE_DUMP));
      migrations = appliedMigrationsIn(path.join(work, SQLITE_DUMP));
    } else {
      if (!settings.databaseUrl) throw new AppError('backup.failed', { message: '备份失败：未设置 DATABASE_URL' });
      schema = (await sql<{ schema: string | null }>`select current_schema() as schema`.execute(database.db)).rows[0]?.schema ?? null;
      if (!schema) throw new AppError('backup.failed', { message: '备份失败：数据库连接没有当前 schema（search_path 指向不存在的 schema）' });
      migrations = (await migrationStatus(database.db)).applied;
      await runPgTool('pg_dump', settings.databaseUrl, ['--format=custom', '--schema', quoteIdent(schema), '--file', path.join(work, PG_DUMP)]);
    }
    const dump = database.dialect === 'sqlite' ? SQLITE_DUMP : PG_DUMP;
    const files: ManifestEntry[] = [{ path: dump, ...(await sm3File(path.join(work, dump))) }];
    files.push(...(await copyBlobs(path.join(settings.dataDir, 'files'), work)));
    const manifest = await writeManifest(work, {
      format: 'hinggan-backup',
      formatVersion: 1,
      createdAt,
      platformVersion,
      dialect: database.dialect,
      schema,
      migrations,
      files,
    });
    const dir = path.join(outDir, name);
    await rename(work, dir);
    const removed = await pruneBackups(outDir, settings.backupKeep);
    const offsiteDir = settings.backupOffsiteDir ? await copyOffsite(dir, path.resolve(settings.backupOffsiteDir)) : undefined;
    if (settings.backupOffsiteDir) removed.push(...(await pruneBackups(path.resolve(settings.backupOffsiteDir), settings.backupKeep)));
    const bytes = files.reduce((sum, f) => sum + f.size, 0);
    return { dir, offsiteDir, manifest, bytes, seconds: (performance.now() - began) / 1000, removed };
  } catch (error) {
    await rm(work, { recursive: true, force: true });
    throw error;
  }
}

/**
 * SQLite's online backup from a connection of its own. A write by another connection (the server)
 * restarts the copy, so each restart doubles the pages copied per step: the copy then finishes in
 * a few large steps even under steady writes, while small steps leave the event loop free otherwise.
 */
async function snapshotSqlite(file: string, target: string): Promise<void> {
  if (file === ':memory:') throw new AppError('backup.failed', { message: '备份失败：内存数据库无法备份' });
  // Not opened read-only: a read-only connection cannot create the WAL index when none exists yet.
  const source = new SqliteDatabase(file, { fileMustExist: true });
  try {
    source.pragma('busy_timeout = 5000');
    let pagesPerStep = 1024;
    let lastRemaining = Number.POSITIVE_INFINITY;
    await source.backup(target, {
      progress: ({ remainingPages }) => {
        if (remainingPages > lastRemaining) pagesPerStep = Math.min(pagesPerStep * 2, 1 << 20);
        lastRemaining = remainingPages;
        return pagesPerStep;
      },
    });
  } finally {
    source.close();
  }
  // The copy keeps the source's WAL flag; make it a single self-contained file.
  const copy = new SqliteDatabase(target, { fileMustExist: true });
  try {
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
}

function appliedMigrationsIn(file: string): string[] {
  const copy = new SqliteDatabase(file, { readonly: true, fileMustExist: true });
  try {
    const rows = copy.prepare('select name from schema_migrations order by name').all() as { name: string }[];
    return rows.map((r) => r.name);
  } catch {
    return []; // A database that was never migrated.
  } finally {
    copy.close();
  }
}

/** Every blob under `<dataDir>/files/ab/cd/`, copied and hashed in one read. */
async function copyBlobs(store: string, work: string): Promise<ManifestEntry[]> {
  const entries: ManifestEntry[] = [];
  for (const relative of await listStoreBlobs(store)) {
    entries.push({ path: relative, ...(await copyHashed(path.join(store, relative.slice('files/'.length)), path.join(work, relative))) });
  }
  return entries;
}

/** The blobs of a file store as `files/ab/cd/<sha256>`, sorted; temp uploads are not blobs. */
export async function listStoreBlobs(store: string): Promise<string[]> {
  const found: string[] = [];
  const hex2 = /^[0-9a-f]{2}$/;
  for (const a of (await listDir(store)).filter((n) => hex2.test(n)).sort()) {
    for (const b of (await listDir(path.join(store, a))).filter((n) => hex2.test(n)).sort()) {
      for (const blob of (await listDir(path.join(store, a, b))).filter((n) => /^[0-9a-f]{64}$/.test(n)).sort()) {
        found.push(`files/${a}/${b}/${blob}`);
      }
    }
  }
  return found;
}

async function listDir(dir: string): Promise<string[]> {
  try {
    return await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

export async function copyHashed(from: string, to: string): Promise<{ size: number; sm3: string }> {
  await mkdir(path.dirname(to), { recursive: true });
  const hash = createHash('sm3');
  let size = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      size += chunk.length;
      done(null, chunk);
    },
  });
  await pipeline(createReadStream(from), meter, createWriteStream(to, { flags: 'wx', flush: true }));
  return { size, sm3: hash.digest('hex') };
}

/** Copies a finished backup to the off-site folder, checks every file there, then names it. */
async function copyOffsite(dir: string, offsiteRoot: string): Promise<string> {
  const target = path.join(offsiteRoot, path.basename(dir));
  const partial = `${target}${PARTIAL}`;
  await mkdir(offsiteRoot, { recursive: true });
  await rm(partial, { recursive: true, force: true });
  try {
    await cp(dir, partial, { recursive: true, errorOnExist: true, force: false });
    await verifyBackup(partial);
    await rename(partial, target);
    return target;
  } catch (error) {
    await rm(partial, { recursive: true, force: true });
    throw new AppError('backup.failed', {
      message: `本地备份已完成（${dir}），但异地副本失败：${(error as Error).message}`,
      details: { dir, offsiteRoot },
      cause: error,
    });
  }
}

/** The finished backups in a folder, oldest first (names sort by their UTC time). */
export async function listBackups(root: string): Promise<string[]> {
  const names = (await listDir(root)).filter((n) => n.startsWith(BACKUP_PREFIX) && !n.endsWith(PARTIAL)).sort();
  const found: string[] = [];
  for (const name of names) {
    const manifest = await stat(path.join(root, name, 'manifest.json')).catch(() => undefined);
    if (manifest?.isFile()) found.push(path.join(root, name));
  }
  return found;
}

/** Removes the oldest finished backups beyond `keep`; returns what it removed. */
export async function pruneBackups(root: string, keep: number): Promise<string[]> {
  const backups = await listBackups(root);
  const old = backups.slice(0, Math.max(0, backups.length - keep));
  for (const dir of old) await rm(dir, { recursive: true, force: true });
  return old;
}
