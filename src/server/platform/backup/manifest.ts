import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
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
 * SM3 of a file, streamed. Node's OpenSSL hash directly rather than the platform crypto provider,
 * whose interface takes whole buffers; a database dump may be gigabytes. Node 20's OpenSSL SM3 runs
 * at only ~25 MB/s here, so chunks stay small (64 KiB ≈ 3 ms) to keep a serving event loop responsive.
 */
export async function sm3File(file: string): Promise<{ sm3: string; size: number }> {
  const hash = createHash('sm3');
  let size = 0;
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 16 }) as AsyncIterable<Buffer>) {
    hash.update(chunk);
    size += chunk.length;
  }
  return { sm3: hash.digest('hex'), size };
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
