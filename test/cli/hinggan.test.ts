import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { hinggan } from '../support/cli.js';

const header = 'ref,parent_ref,kind,code,name_zh,name_mn,name_latin,short_name,doc_prefixes,credit_code';

describe('hinggan command', () => {
  let env: Record<string, string>;
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'hg-cli-'));
    env = { HINGGAN_DATA_DIR: path.join(dir, 'data') };
  });

  it('lists its commands', () => {
    const result = hinggan(['--help']);
    expect(result.status).toBe(0);
    for (const command of ['start', 'migrate', 'seed', 'org']) expect(result.stdout).toMatch(new RegExp(`^\\s+${command}\\b`, 'm'));
    const org = hinggan(['org', '--help']);
    expect(org.stdout).toMatch(/list/);
    expect(org.stdout).toMatch(/import/);
  });

  it('rejects an unknown command with a clear error and a non-zero exit', () => {
    const result = hinggan(['launch']);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('未知命令 “launch”');
    expect(result.stderr).toContain('hinggan --help');
  });

  it('names an unknown setting and exits non-zero', () => {
    const result = hinggan(['migrate'], { ...env, HINGGAN_PROT: '1' });
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('HINGGAN_PROT');
  });

  it('says in one line that PostgreSQL is unreachable, naming DATABASE_URL', () => {
    const result = hinggan(['migrate'], { DATABASE_URL: 'postgres://hg:secret@127.0.0.1:1/nowhere' });
    expect(result.status).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('DATABASE_URL=postgres://hg:***@127.0.0.1:1/nowhere');
    expect(lines[0]).not.toContain('secret');
  });

  it('migrates, seeds, lists and imports organisations', () => {
    expect(hinggan(['migrate'], env).stdout).toContain('2026_11_27_0001_orgs');
    expect(hinggan(['migrate'], env).stdout).toContain('数据库已是最新');
    const seeded = hinggan(['seed'], env);
    expect(seeded.status).toBe(0);
    expect(seeded.stdout).toContain('sysadmin');
    const list = hinggan(['org', 'list', '--root', '152200', '--depth', '1', '--kind', 'banner', 'county', 'city'], env);
    expect(list.status).toBe(0);
    expect(list.stdout).toContain('兴安盟');
    expect(list.stdout).toContain('科尔沁右翼中旗（旗 152222）');

    const file = path.join(dir, 'hulunbuir.csv');
    writeFileSync(file, `${header}\n150700000000,150000000000,league,150700,呼伦贝尔市,,,,,\n150702000000,150700000000,district,150702,海拉尔区,,,,,\n`);
    const imported = hinggan(['org', 'import', file], env);
    expect(imported.status).toBe(0);
    expect(imported.stdout).toContain('新增 2 个');
  });

  it('re-indexes the service items of an organisation an import renames', () => {
    const db = new Database(path.join(dir, 'data', 'hinggan.sqlite'), { readonly: true });
    const holding = (name: string) =>
      (db.prepare(`select count(*) as n from search_entries where key like 'service:%' and body like ?`).get(`%${name}%`) as { n: number }).n;
    try {
      expect(holding('兴安盟行政审批政务服务与数据管理局')).toBeGreaterThan(0); // the demo catalogue's items
      const file = path.join(dir, 'rename.csv');
      writeFileSync(file, `${header}\n152200000000.xsh.zwsj,152200000000.xsh,department,,兴安盟营商环境建设局,,,政务服务与数据管理局,兴政数发,\n`);
      const renamed = hinggan(['org', 'import', file], env);
      expect(renamed.status).toBe(0);
      expect(renamed.stdout).toContain('更新 1 个');
      expect(holding('兴安盟行政审批政务服务与数据管理局')).toBe(0);
      expect(holding('兴安盟营商环境建设局')).toBeGreaterThan(0);
    } finally {
      db.close();
    }
  });

  it('reports bad import rows with line numbers and imports nothing', () => {
    const file = path.join(dir, 'bad.csv');
    writeFileSync(file, `${header}\nq1,150000000000,league,,测试盟,,,,,\nq2,q1,galaxy,,乙,,,,,\nq3,missing,department,,丙,,,,,\n`);
    const first = hinggan(['org', 'import', file], env);
    expect(first.status).toBe(1);
    expect(first.stderr).toContain(`${file}:3: kind 须为以下之一`);
    writeFileSync(file, `${header}\nq1,150000000000,league,,测试盟,,,,,\nq3,missing,department,,丙,,,,,\n`);
    const second = hinggan(['org', 'import', file], env);
    expect(second.status).toBe(1);
    expect(second.stderr).toContain(`${file}:3: 上级 missing 未找到`);
    expect(hinggan(['org', 'list', '--root', 'q1'], env).stderr).toContain('未找到该组织机构');
  });
});
