import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.js';
import { openDatabase } from '../../src/server/db/database.js';
import { testConfig, signIn } from '../support/app.js';
import { hinggan } from '../support/cli.js';

interface KeyFile {
  dataKeys: { id: number }[];
  indexKey: string;
  previousIndexKey?: string;
}

/**
 * The key rotation drill of docs/OPERATIONS.md, as an operator runs it: rotate, re-encrypt while the
 * data stays readable, retire the old key; then the same for the blind-index key.
 */
describe('key rotation with re-encryption (hinggan keys rotate / reencrypt / retire)', () => {
  let env: Record<string, string>;
  let keyFile: string;
  let app: FastifyInstance | undefined;

  beforeAll(() => {
    const dir = mkdtempSync(path.join(tmpdir(), 'hg-rotation-'));
    keyFile = path.join(dir, 'keys.json');
    env = { HINGGAN_DATA_DIR: path.join(dir, 'data'), HINGGAN_KEY_FILE: keyFile };
    expect(hinggan(['seed'], env).status).toBe(0);
  });
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  const keys = () => JSON.parse(readFileSync(keyFile, 'utf8')) as KeyFile;

  /** The data key ids of every stored personal-data envelope (byte 1–4 of the envelope). */
  async function envelopeKeyIds(): Promise<number[]> {
    const database = await openDatabase(testConfig(env));
    try {
      const rows = await database.db.selectFrom('users').select(['phone_sealed', 'id_number_sealed']).execute();
      return rows
        .flatMap((r) => [r.phone_sealed, r.id_number_sealed])
        .filter((v): v is string => v !== null)
        .map((v) => Buffer.from(v, 'base64').readUInt32BE(1));
    } finally {
      await database.destroy();
    }
  }

  /** What a 系统管理员 sees of 王文秘 (xsh.clerk), found by phone number, on an app started now. */
  async function clerkByPhone(): Promise<{ found: string[]; idNumber: string | null }> {
    const config = testConfig(env);
    const database = await openDatabase(config);
    app = await buildApp({ config, database, serveWorkbench: false });
    app.addHook('onClose', () => database.destroy());
    const cookie = await signIn(app, 'sysadmin');
    const list = await app.inject({ url: '/api/v1/admin/users?q=138%200048%202001', headers: { cookie } });
    const found = (list.json().items as { id: string; username: string }[]).map((u) => u.username);
    const user = (list.json().items as { id: string }[])[0];
    const reveal = user ? await app.inject({ url: `/api/v1/admin/users/${user.id}/personal-data`, headers: { cookie } }) : undefined;
    return { found, idNumber: reveal?.json().idNumber ?? null };
  }

  it('moves every envelope to a new data key and then retires the old one', async () => {
    expect(new Set(await envelopeKeyIds())).toEqual(new Set([1]));

    const rotate = hinggan(['keys', 'rotate'], env);
    expect(rotate.status).toBe(0);
    expect(keys().dataKeys.map((k) => k.id)).toEqual([1, 2]);
    // Until re-encryption the old key still opens the old envelopes, so nothing is locked out.
    expect(await clerkByPhone()).toEqual({ found: ['xsh.clerk'], idNumber: '152201198503121022' });
    await app?.close();
    app = undefined;

    // Retiring before re-encryption keeps key 1: data still uses it.
    expect(hinggan(['keys', 'retire'], env).stdout).toContain('没有可删除的数据密钥');
    expect(keys().dataKeys.map((k) => k.id)).toEqual([1, 2]);

    const reencrypt = hinggan(['keys', 'reencrypt', '--batch', '3'], env);
    expect(reencrypt.status).toBe(0);
    expect(reencrypt.stdout).toMatch(/重新加密 \d+ 个（当前数据密钥 2）/);
    expect(new Set(await envelopeKeyIds())).toEqual(new Set([2]));

    const retire = hinggan(['keys', 'retire'], env);
    expect(retire.status).toBe(0);
    expect(retire.stdout).toContain('已删除不再使用的数据密钥：1');
    expect(keys().dataKeys.map((k) => k.id)).toEqual([2]);
    expect(await clerkByPhone()).toEqual({ found: ['xsh.clerk'], idNumber: '152201198503121022' });
  });

  it('rotates the blind-index key without a moment in which lookups fail', async () => {
    const before = keys().indexKey;
    expect(hinggan(['keys', 'rotate', '--index'], env).status).toBe(0);
    expect(keys()).toMatchObject({ previousIndexKey: before });
    expect(keys().indexKey).not.toBe(before);
    // A second rotation before the first is applied is refused.
    const again = hinggan(['keys', 'rotate', '--index'], env);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('尚未完成');

    // Stored indexes are still the old key's; lookups try both.
    expect((await clerkByPhone()).found).toEqual(['xsh.clerk']);
    await app?.close();
    app = undefined;
    expect(hinggan(['keys', 'retire'], env).stdout).not.toContain('已删除旧索引密钥');
    expect(keys().previousIndexKey).toBe(before);

    expect(hinggan(['keys', 'reencrypt'], env).status).toBe(0);
    const retire = hinggan(['keys', 'retire'], env);
    expect(retire.stdout).toContain('已删除旧索引密钥');
    expect(keys().previousIndexKey).toBeUndefined();
    expect((await clerkByPhone()).found).toEqual(['xsh.clerk']);

    // Every step is in the audit log, and the chain holds.
    const verify = hinggan(['audit', 'verify'], env);
    expect(verify.status).toBe(0);
  });
});
