import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { hinggan } from '../../../../../test/support/cli.js';
import { loadConfig } from '../../../config.js';
import { createAppContext } from '../../../context.js';
import { openDatabase } from '../../../db/database.js';
import { createOrgService } from '../../orgs/index.js';
import { createSealService } from './seal.service.js';
import { orgRefs, testPdf } from './seal.testing.js';

describe('hinggan document verify', () => {
  let env: Record<string, string>;
  let dir: string;
  let sealedFile: string;
  let tamperedFile: string;
  let serial: string;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'hg-seal-cli-'));
    env = { HINGGAN_DATA_DIR: path.join(dir, 'data') };
    expect(hinggan(['seed'], env).status).toBe(0);
    const issued = hinggan(['ca', 'issue-seal', '--org', orgRefs.xsh, '--name', '兴安盟行政公署公章', '--out', path.join(dir, 'certs')], env);
    expect(issued.status).toBe(0);
    serial = /序列号 ([0-9a-f]{32})/.exec(issued.stdout)![1]!;

    // 用印 as the sending side does it, on the same data directory and key file.
    const config = loadConfig(env);
    const database = await openDatabase(config);
    try {
      const ctx = createAppContext({ config, database });
      const orgId = (await createOrgService(ctx).get(orgRefs.xsh)).id;
      const { pdf } = await createSealService(ctx).sealDocument({ orgId, pdf: await testPdf() });
      sealedFile = path.join(dir, '兴署发〔2026〕12号.pdf');
      writeFileSync(sealedFile, pdf);
      const tampered = Buffer.from(pdf);
      tampered[tampered.indexOf('seal test')] = 0x53;
      tamperedFile = path.join(dir, 'tampered.pdf');
      writeFileSync(tamperedFile, tampered);
    } finally {
      await database.destroy();
    }
  }, 120_000);

  it('prints who sealed the document and when, and exits 0 when it is valid', () => {
    const result = hinggan(['document', 'verify', sealedFile], env);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('文件：兴署发〔2026〕12号.pdf');
    expect(result.stdout).toContain('结论：验证通过 — 电子印章有效，文件自盖章后未被修改');
    expect(result.stdout).toContain('印章 1：兴安盟行政公署公章 — 有效');
    expect(result.stdout).toContain('  盖章单位：兴安盟行政公署');
    expect(result.stdout).toContain(`  印章证书：兴安盟行政公署公章，兴安盟行政公署，序列号 ${serial}`);
    expect(result.stdout).toContain('  证书状态：盖章时 证书有效；现在 证书有效');
    expect(result.stdout).toMatch(/ {2}盖章时间：\d{4}-\d\d-\d\d \d\d:\d\d（北京时间）/);
  }, 60_000);

  it('exits 1 and names the failure for a tampered file, a revoked certificate and a file that is not a PDF', () => {
    const tampered = hinggan(['document', 'verify', tamperedFile], env);
    expect(tampered.status).toBe(1);
    expect(tampered.stdout).toContain('结论：验证未通过 — 文件内容在盖章后被修改（签章范围内的内容与盖章时记录的杂凑值不一致）［documents.verify_altered］');

    const garbage = path.join(dir, 'garbage.pdf');
    writeFileSync(garbage, 'not a pdf at all');
    const notPdf = hinggan(['document', 'verify', garbage, '--json'], env);
    expect(notPdf.status).toBe(1);
    expect(JSON.parse(notPdf.stdout)).toMatchObject({ valid: false, status: 'not_pdf', code: 'documents.verify_not_pdf' });

    const missing = hinggan(['document', 'verify', path.join(dir, 'nowhere.pdf')], env);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('无法读取文件');

    expect(hinggan(['ca', 'revoke', serial, '--reason', 'keyCompromise'], env).status).toBe(0);
    const revoked = hinggan(['document', 'verify', sealedFile, '--json'], env);
    expect(revoked.status).toBe(1);
    expect(JSON.parse(revoked.stdout)).toMatchObject({ status: 'certificate_revoked', message: '印章证书已被吊销' });
  }, 120_000);
});
