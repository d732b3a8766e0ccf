import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { hinggan } from '../../../../test/support/cli.js';

describe('hinggan ca', () => {
  let env: Record<string, string>;
  let dir: string;
  let sealSerial: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'hg-ca-cli-'));
    env = { HINGGAN_DATA_DIR: path.join(dir, 'data') };
    expect(hinggan(['seed', '--profile', 'none'], env).status).toBe(0);
  }, 60_000);

  it('creates the root once and writes it out', () => {
    const first = hinggan(['ca', 'init', '--out', path.join(dir, 'root.pem')], env);
    expect(first.stderr).toBe('');
    expect(first.stdout).toContain('已创建根证书（sm2）：兴安盟政务根证书');
    expect(readFileSync(path.join(dir, 'root.pem'), 'utf8')).toMatch(/^-----BEGIN CERTIFICATE-----/);
    expect(hinggan(['ca', 'init'], env).stdout).toContain('已存在根证书（sm2）');
    expect(hinggan(['ca', 'init', '--profile', 'p256'], env).stdout).toContain('已创建根证书（p256）');
    const bad = hinggan(['ca', 'init', '--profile', 'rsa'], env);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('--profile 须为 sm2 或 p256');
  }, 60_000);

  it('issues seal and personal certificates into a directory, the key file readable only by its owner', () => {
    const out = path.join(dir, 'out');
    const seal = hinggan(['ca', 'issue-seal', '--org', '152200000000.xsh', '--name', '兴安盟行政公署公章', '--out', out], env);
    expect(seal.status).toBe(0);
    expect(seal.stdout).toContain('已签发 电子印章证书：兴安盟行政公署公章');
    expect(seal.stdout).toContain('印章私钥已由平台以 SM4 加密保管');
    sealSerial = /序列号 ([0-9a-f]{32})/.exec(seal.stdout)![1]!;
    expect(statSync(path.join(out, `${sealSerial}.key.pem`)).mode & 0o777).toBe(0o600);
    const personal = hinggan(['ca', 'issue-personal', '--user', 'xsh.clerk', '--name', '王文秘'], env);
    expect(personal.stdout).toMatch(/-----BEGIN CERTIFICATE-----[\s\S]+-----BEGIN PRIVATE KEY-----/);
    expect(readdirSync(out)).toHaveLength(2);
    const list = hinggan(['ca', 'list'], env);
    expect(list.stdout).toContain(`${sealSerial}  seal`);
    expect(list.stdout).toContain('王文秘  xsh.clerk');
    expect(list.stdout).toContain('共 4 个证书');
    expect(hinggan(['ca', 'issue-seal', '--org', 'nowhere', '--name', '章'], env).stderr).toContain('orgs.not_found');
  }, 120_000);

  it('verifies, revokes, and writes the CRL', () => {
    const certFile = path.join(dir, 'out', `${sealSerial}.pem`);
    const valid = hinggan(['ca', 'verify', certFile], env);
    expect(valid.status).toBe(0);
    expect(valid.stdout).toContain('valid 证书有效');
    expect(hinggan(['ca', 'revoke', sealSerial, '--reason', 'bored'], env).status).toBe(1);
    const revoked = hinggan(['ca', 'revoke', sealSerial, '--reason', 'keyCompromise'], env);
    expect(revoked.stdout).toContain(`已吊销 ${sealSerial}`);
    const crlFile = path.join(dir, 'crl.der');
    const crl = hinggan(['ca', 'crl', '--out', crlFile], env);
    expect(crl.stdout).toContain('1 个已吊销证书');
    expect(existsSync(crlFile) && readFileSync(crlFile).includes(Buffer.from(sealSerial, 'hex'))).toBe(true);
    const after = hinggan(['ca', 'verify', certFile], env);
    expect(after.status).toBe(1);
    expect(after.stdout).toContain('revoked 证书已被吊销（pki.cert_revoked）');
  }, 120_000);
});
