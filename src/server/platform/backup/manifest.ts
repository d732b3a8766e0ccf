import { createHash } from 'node:crypto';
import { readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { z } from 'zod';
import { AppError, defineErrors } from '../errors/app-error.js';

export const backupErrors = defineErrors({
  'backup.tool_missing': { status: 500, zh: '找不到 PostgreSQL 客户端工具', en: 'PostgreSQL client tools are missing' },
  'backup.failed': { status: 500, zh: '备份失败', en: 'The backup failed' },
  'backup.damaged': { status: 500, zh: '备份已损坏，拒绝恢复', en: 'The backup is damaged; not restoring' },
  'backup.incompatible': { status: 500, zh: '备份与当前部署不匹配，拒绝恢复', en: 'The backup does not fit this deployment' },
  'backup.server_running': { status: 409, zh: '平台服务正在运行，恢复前须先停止', en: 'Stop the server before restoring' },
  'backup.not_confirmed': { status: 400, zh: '恢复将覆盖现有数据，须加 --yes 确认', en: 'Restoring overwrites data; confirm with --yes' },
  'backup.restore_failed': { status: 500, zh: '恢复失败', en: 'The restore failed' },
});

export const MANIFEST_FILE = 'manifest.json';
export const BACKUP_FORMAT = 'hinggan-backup';
export const BACKUP_FORMAT_VERSION = 1;
export const SQLITE_DUMP = 'database.sqlite';
export const PG_DUMP = 'database.pgdump';

/**
 * Only these paths may appear in a manifest, so a crafted manifest cannot make restore read or write
 * outside the backup and the data directory.
 */
const entryPath = z
  .string()
  .regex(/^(database\.sqlite|database\.pgdump|files\/[0-9a-f]{2}\/[0-9a-f]{2}\/[0-9a-f]{64})$/, '不是备份中允许的路径');
const sm3Hex = z.string().regex(/^[0-9a-f]{64}$/);

export const manifestBodySchema = z
  .object({
    format: z.literal(BACKUP_FORMAT),
    formatVersion: z.literal(BACKUP_FORMAT_VERSION),
    createdAt: z.iso.datetime(),
    platformVersion: z.string(),
    dialect: z.enum(['sqlite', 'postgres']),
    /** PostgreSQL: the schema that was dumped. */
    schema: z.string().nullable(),
    migrations: z.array(z.string()),
    files: z.array(z.object({ path: entryPath, size: z.number().int().min(0), sm3: sm3Hex })),
  })
  .strict();

export type ManifestBody = z.infer<typeof manifestBodySchema>;
export type ManifestEntry = ManifestBody['files'][number];
export interface Manifest extends ManifestBody {
  /** SM3 of the body (the manifest without this field) as compact JSON, keys in the written order. */
  readonly manifestSm3: string;
}

const sm3Of = (text: string) => createHash('sm3').update(text, 'utf8').digest('hex');

/**
 * The hashing loop of {@link sm3File}, run in a worker thread. Plain JavaScript (evaluated, not a
 * module file), so it needs neither the TypeScript loader nor a build step.
 */
const SM3_FILE_WORKER = `
  const { createHash } = require('node:crypto');
  const { createReadStream } = require('node:fs');
  const { parentPort, workerData } = require('node:worker_threads');
  const hash = createHash('sm3');
  let size = 0;
  createReadStream(workerData.file, { highWaterMark: 1 << 20 })
    .on('data', (chunk) => { hash.update(chunk); size += chunk.length; })
    .on('error', (error) => { throw error; })
    .on('end', () => parentPort.postMessage({ sm3: hash.digest('hex'), size }));
`;

/**
 * SM3 of a file, streamed in 1 MiB chunks in a worker thread. Node's OpenSSL hash directly rather
 * than the platform crypto provider, whose interface takes whole buffers; a database dump may be
 * gigabytes. SM3 runs at 150–280 MB/s here, so a gigabyte keeps a core busy for several seconds:
 * in a worker that time is not taken from a server's event loop when the backup job runs in-process.
 */
export function sm3File(file: string): Promise<{ sm3: string; size: number }> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(SM3_FILE_WORKER, { eval: true, workerData: { file } });
    let result: { sm3: string; size: number } | undefined;
    worker.once('message', (message: { sm3: string; size: number }) => (result = message));
    worker.once('error', reject);
    worker.once('exit', (code) => (result ? resolve(result) : reject(new Error(`SM3 worker stopped (exit code ${code}) hashing ${file}`))));
  });
}

export async function writeManifest(dir: string, body: ManifestBody): Promise<Manifest> {
  const manifest: Manifest = { ...body, manifestSm3: sm3Of(JSON.stringify(body)) };
  await writeFile(path.join(dir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`, { flush: true });
  return manifest;
}

const damaged = (dir: string, file: string, reason: string) =>
  new AppError('backup.damaged', {
    message: `备份已损坏，拒绝恢复：${path.join(dir, file)}（${reason}）`,
    details: { file, reason },
  });

/** Reads a manifest and checks its own SM3 and shape; does not look at the files it lists. */
export async function readManifest(dir: string): Promise<Manifest> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(path.join(dir, MANIFEST_FILE), 'utf8'));
  } catch (error) {
    throw damaged(dir, MANIFEST_FILE, `无法读取：${(error as Error).message}`);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw damaged(dir, MANIFEST_FILE, '不是 JSON 对象');
  const { manifestSm3, ...body } = raw as Record<string, unknown>;
  if (typeof manifestSm3 !== 'string' || sm3Of(JSON.stringify(body)) !== manifestSm3) {
    throw damaged(dir, MANIFEST_FILE, '清单的 SM3 校验值不符，清单被修改过');
  }
  const parsed = manifestBodySchema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw damaged(dir, MANIFEST_FILE, `格式错误：${issue.path.join('.')} ${issue.message}`);
  }
  return { ...parsed.data, manifestSm3 };
}

/**
 * Checks a backup completely: the manifest's own SM3, then each listed file's presence, size and SM3.
 * Throws `backup.damaged` naming the first bad file; touches nothing.
 */
export async function verifyBackup(dir: string): Promise<Manifest> {
  const manifest = await readManifest(dir);
  const database = manifest.dialect === 'sqlite' ? SQLITE_DUMP : PG_DUMP;
  if (!manifest.files.some((f) => f.path === database)) throw damaged(dir, MANIFEST_FILE, `清单中没有数据库文件 ${database}`);
  for (const entry of manifest.files) {
    const file = path.join(dir, entry.path);
    let actual: { sm3: string; size: number };
    try {
      if (!(await stat(file)).isFile()) throw new Error('不是普通文件');
      actual = await sm3File(file);
    } catch (error) {
      throw damaged(dir, entry.path, `无法读取：${(error as Error).message}`);
    }
    if (actual.size !== entry.size) throw damaged(dir, entry.path, `大小应为 ${entry.size} 字节，实为 ${actual.size}`);
    if (actual.sm3 !== entry.sm3) throw damaged(dir, entry.path, 'SM3 校验值不符');
  }
  return manifest;
}
