import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { Config } from '../config.js';
import { sm2GenerateKeyPair, sm2PublicKeyOf, type Sm2KeyPair, type Sm4Key } from './crypto/index.js';

/**
 * The platform's own keys. They live in a key file (or a hardware module later), never in the
 * database, so a stolen database dump reveals no personal data and cannot forge audit checkpoints.
 */
export interface PlatformKeys {
  /** SM2 key that signs audit checkpoints and other platform statements. */
  readonly signing: Sm2KeyPair;
  /** SM4 master keys for personal data; the last is current, earlier ones still decrypt. */
  readonly dataKeys: readonly Sm4Key[];
  /** HMAC-SM3 key for blind indexes (lookups of encrypted fields). */
  readonly indexKey: Uint8Array;
  /**
   * The index key before `hinggan keys rotate --index`, kept until `hinggan keys reencrypt` has
   * rewritten every blind index; lookups try both meanwhile.
   */
  readonly previousIndexKey?: Uint8Array;
}

const hex = (bytes: number) => z.string().regex(new RegExp(`^[0-9a-f]{${bytes * 2}}$`), `须为 ${bytes} 字节的十六进制`);

const keyFileSchema = z.object({
  version: z.literal(1),
  signing: z.object({ privateKey: hex(32) }),
  dataKeys: z.array(z.object({ id: z.number().int().min(1).max(0xffffffff), secret: hex(16) })).min(1),
  indexKey: hex(32),
  previousIndexKey: hex(32).optional(),
});

type KeyFile = z.infer<typeof keyFileSchema>;

export class KeyFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KeyFileError';
  }
}

function toKeys(file: KeyFile): PlatformKeys {
  return {
    signing: { privateKey: file.signing.privateKey, publicKey: sm2PublicKeyOf(file.signing.privateKey) },
    dataKeys: file.dataKeys.map((k) => ({ id: k.id, secret: Buffer.from(k.secret, 'hex') })),
    indexKey: Buffer.from(file.indexKey, 'hex'),
    ...(file.previousIndexKey ? { previousIndexKey: Buffer.from(file.previousIndexKey, 'hex') } : {}),
  };
}

function writeKeyFile(file: string, content: KeyFile): void {
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, `${JSON.stringify(content, null, 2)}\n`, { mode: 0o600 });
  chmodSync(temp, 0o600);
  renameSync(temp, file);
}

function readKeyFile(file: string): KeyFile {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new KeyFileError(`无法读取密钥文件 HINGGAN_KEY_FILE=${file}：${(error as Error).message}`);
  }
  const parsed = keyFileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new KeyFileError(`密钥文件 ${file} 格式错误：${issue.path.join('.')} ${issue.message}`);
  }
  return parsed.data;
}

/**
 * Loads the platform keys. Outside production a missing key file is created with fresh keys
 * (mode 0600); in production it must exist, so keys are never made silently.
 */
export function loadPlatformKeys(config: Pick<Config, 'keyFile' | 'env'>): PlatformKeys {
  if (!existsSync(config.keyFile)) {
    if (config.env === 'production') {
      throw new KeyFileError(`生产环境必须提供密钥文件：HINGGAN_KEY_FILE=${config.keyFile} 不存在（用 hinggan keys init 生成）`);
    }
    writeKeyFile(config.keyFile, newKeyFile());
  }
  return toKeys(readKeyFile(config.keyFile));
}

export function newKeyFile(): KeyFile {
  return {
    version: 1,
    signing: { privateKey: sm2GenerateKeyPair().privateKey },
    dataKeys: [{ id: 1, secret: randomBytes(16).toString('hex') }],
    indexKey: randomBytes(32).toString('hex'),
  };
}

/** Creates a key file; refuses to overwrite one. */
export function initKeyFile(file: string): void {
  if (existsSync(file)) throw new KeyFileError(`密钥文件已存在，不会覆盖：${file}`);
  writeKeyFile(file, newKeyFile());
}

/**
 * Adds a new current SM4 data key; older keys stay so existing ciphertexts still decrypt until they
 * are re-encrypted. Returns the new key's id.
 */
export function rotateDataKey(file: string): number {
  const content = readKeyFile(file);
  const id = Math.max(...content.dataKeys.map((k) => k.id)) + 1;
  writeKeyFile(file, { ...content, dataKeys: [...content.dataKeys, { id, secret: randomBytes(16).toString('hex') }] });
  return id;
}

/**
 * Starts an index-key rotation: a new index key becomes current and the old one stays as
 * `previousIndexKey` until `hinggan keys reencrypt` has rewritten every blind index and
 * `hinggan keys retire` drops it. Refuses while an earlier rotation is unfinished.
 */
export function rotateIndexKey(file: string): void {
  const content = readKeyFile(file);
  if (content.previousIndexKey) {
    throw new KeyFileError('上一次索引密钥轮换尚未完成：先运行 hinggan keys reencrypt，再运行 hinggan keys retire');
  }
  writeKeyFile(file, { ...content, indexKey: randomBytes(32).toString('hex'), previousIndexKey: content.indexKey });
}

/**
 * Removes the data keys no stored envelope uses any more (never the current one) and the previous
 * index key once no blind index needs it. The caller establishes what is still in use by scanning
 * the database (`keyUsage` in platform/sealed-data). Returns the ids removed.
 */
export function retireKeys(file: string, inUse: { readonly dataKeyIds: ReadonlySet<number>; readonly previousIndexKey: boolean }): {
  readonly dataKeyIds: number[];
  readonly previousIndexKey: boolean;
} {
  const content = readKeyFile(file);
  const current = content.dataKeys.at(-1)!.id;
  const keep = content.dataKeys.filter((k) => k.id === current || inUse.dataKeyIds.has(k.id));
  const dropIndex = Boolean(content.previousIndexKey) && !inUse.previousIndexKey;
  const next: KeyFile = { ...content, dataKeys: keep };
  if (dropIndex) delete next.previousIndexKey;
  writeKeyFile(file, next);
  return { dataKeyIds: content.dataKeys.filter((k) => !keep.includes(k)).map((k) => k.id), previousIndexKey: dropIndex };
}
