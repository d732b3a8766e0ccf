import { createAppContext } from '../../server/context.js';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { loadConfig } from '../../server/config.js';
import { openDatabase } from '../../server/db/database.js';
import { migrateToLatest } from '../../server/db/migrate.js';
import { systemClock } from '../../server/platform/clock.js';
import { AppError } from '../../server/platform/errors/app-error.js';
import {
  type CaProfile,
  type IssueResult,
  type PkiService,
  type RevocationReason,
  caProfiles,
  createPkiService,
  revocationReasons,
} from '../../server/modules/pki/index.js';

function readInput(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new AppError('request.invalid', { message: `无法读取文件 ${file}：${(error as Error).message}` });
  }
}

function profileOf(value: string): CaProfile {
  if (!(caProfiles as readonly string[]).includes(value)) throw new AppError('request.invalid', { message: `--profile 须为 ${caProfiles.join(' 或 ')}` });
  return value as CaProfile;
}

function daysOf(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const days = Number(value);
  if (!Number.isInteger(days) || days < 1 || days > 3650) throw new AppError('request.invalid', { message: '--days 须为 1–3650 的整数' });
  return days;
}

/** Writes the certificate (and a generated key, mode 0600) to `dir`, or prints them. */
function output(result: IssueResult, dir: string | undefined): void {
  const { certificate, privateKeyPem } = result;
  console.log(`已签发 ${certificate.kind === 'seal' ? '电子印章证书' : '个人签名证书'}：${certificate.commonName}`);
  console.log(`序列号 ${certificate.serial}，有效期 ${certificate.notBefore} 至 ${certificate.notAfter}`);
  if (!dir) {
    process.stdout.write(certificate.certificatePem);
    if (privateKeyPem) process.stdout.write(privateKeyPem);
    return;
  }
  mkdirSync(dir, { recursive: true });
  const certFile = path.join(dir, `${certificate.serial}.pem`);
  writeFileSync(certFile, certificate.certificatePem);
  console.log(`证书：${certFile}`);
  if (privateKeyPem) {
    const keyFile = path.join(dir, `${certificate.serial}.key.pem`);
    writeFileSync(keyFile, privateKeyPem, { mode: 0o600 });
    console.log(`私钥：${keyFile}（仅此一次输出，请妥善保管）`);
  }
  if (certificate.hasStoredKey) console.log('印章私钥已由平台以 SM4 加密保管，可用于公文盖章。');
}

async function withPki(work: (pki: PkiService) => Promise<void>): Promise<void> {
  const config = loadConfig();
  const database = await openDatabase(config);
  try {
    await migrateToLatest(database.db);
    // The app's context, so that roots, issues and revocations from the command line are audited too.
    await work(createPkiService(createAppContext({ config, database, clock: systemClock })));
  } finally {
    await database.destroy();
  }
}

interface IssueOptions {
  csr?: string;
  out?: string;
  profile: string;
  days?: string;
}

export function registerCaCommands(program: Command): void {
  const ca = program.command('ca').description('内部证书机构：根证书、电子印章证书、个人证书、吊销列表');

  ca.command('init')
    .description('创建根证书（已存在则不变）')
    .option('--profile <profile>', `密钥体系：${caProfiles.join(' 或 ')}`, 'sm2')
    .option('--cn <name>', '根证书名称（CN）')
    .option('--org <name>', '机构名称（O）')
    .option('--out <file>', '把根证书（PEM）写入该文件')
    .action(async (options: { profile: string; cn?: string; org?: string; out?: string }) => {
      await withPki(async (pki) => {
        const names = { ...(options.cn ? { commonName: options.cn } : {}), ...(options.org ? { organization: options.org } : {}) };
        const { root, created } = await pki.ensureRoot(profileOf(options.profile), names);
        console.log(`${created ? '已创建' : '已存在'}根证书（${root.profile}）：${root.commonName}，序列号 ${root.serial}`);
        if (options.out) {
          writeFileSync(options.out, root.certificatePem);
          console.log(`根证书：${options.out}`);
        }
      });
    });

  const issueOptions = (command: Command) =>
    command
      .option('--csr <file>', 'PKCS#10 证书请求（PEM）；不提供时由平台生成密钥')
      .option('--out <dir>', '把证书（和生成的私钥）写入该目录；默认输出到屏幕')
      .option('--profile <profile>', `密钥体系：${caProfiles.join(' 或 ')}`, 'sm2')
      .option('--days <n>', '有效天数');

  issueOptions(
    ca
      .command('issue-seal')
      .description('签发电子印章证书')
      .requiredOption('--org <key>', '组织 id、引用或区划代码')
      .requiredOption('--name <名称>', '印章名称（CN）')
      .option('--ou <名称>', '内设机构（OU）'),
  ).action(async (options: IssueOptions & { org: string; name: string; ou?: string }) => {
    await withPki(async (pki) => {
      const result = await pki.issue({
        kind: 'seal',
        orgKey: options.org,
        name: options.name,
        profile: profileOf(options.profile),
        ...(options.ou ? { organizationalUnit: options.ou } : {}),
        ...(options.csr ? { csr: readInput(options.csr) } : {}),
        ...(options.days ? { validityDays: daysOf(options.days) } : {}),
      });
      output(result, options.out);
    });
  });

  issueOptions(
    ca
      .command('issue-personal')
      .description('签发个人签名证书')
      .requiredOption('--user <name>', '用户名（UID）')
      .requiredOption('--name <姓名>', '姓名（CN）')
      .option('--org <key>', '所在组织（O）'),
  ).action(async (options: IssueOptions & { user: string; name: string; org?: string }) => {
    await withPki(async (pki) => {
      const result = await pki.issue({
        kind: 'personal',
        username: options.user,
        name: options.name,
        profile: profileOf(options.profile),
        ...(options.org ? { orgKey: options.org } : {}),
        ...(options.csr ? { csr: readInput(options.csr) } : {}),
        ...(options.days ? { validityDays: daysOf(options.days) } : {}),
      });
      output(result, options.out);
    });
  });

  ca.command('revoke')
    .description('吊销证书并发布新的吊销列表')
    .argument('<serial>', '证书序列号（十六进制）')
    .requiredOption('--reason <reason>', `吊销原因：${Object.keys(revocationReasons).join(', ')}`)
    .action(async (serial: string, options: { reason: string }) => {
      if (!(options.reason in revocationReasons)) {
        throw new AppError('request.invalid', { message: `--reason 须为以下之一：${Object.keys(revocationReasons).join(', ')}` });
      }
      await withPki(async (pki) => {
        const cert = await pki.revoke(serial, options.reason as RevocationReason);
        console.log(`已吊销 ${cert.serial}（${cert.commonName}），原因 ${cert.revocationReason}`);
      });
    });

  ca.command('crl')
    .description('输出当前证书吊销列表（DER）')
    .option('--out <file>', '写入文件；默认输出 PEM 到屏幕')
    .option('--profile <profile>', `密钥体系：${caProfiles.join(' 或 ')}`, 'sm2')
    .action(async (options: { out?: string; profile: string }) => {
      await withPki(async (pki) => {
        const crl = await pki.crl(profileOf(options.profile));
        if (!options.out) {
          const lines = Buffer.from(crl.der).toString('base64').match(/.{1,64}/g) ?? [];
          return void process.stdout.write(`-----BEGIN X509 CRL-----\n${lines.join('\n')}\n-----END X509 CRL-----\n`);
        }
        writeFileSync(options.out, crl.der);
        console.log(`已写入 ${options.out}：第 ${crl.number} 号吊销列表，${crl.revokedCount} 个已吊销证书，下次更新 ${crl.nextUpdate}`);
      });
    });

  ca.command('list')
    .description('列出证书')
    .option('--kind <kind>', 'root、seal 或 personal')
    .action(async (options: { kind?: string }) => {
      await withPki(async (pki) => {
        const kind = options.kind as 'root' | 'seal' | 'personal' | undefined;
        const { items, total } = await pki.list({ kind, page: 1, pageSize: 200 });
        for (const c of items) {
          const owner = c.organization ?? c.username ?? '';
          console.log(`${c.serial}  ${c.kind.padEnd(8)} ${c.profile.padEnd(4)} ${c.status.padEnd(7)} ${c.notAfter.slice(0, 10)}  ${c.commonName}  ${owner}`);
        }
        console.log(`共 ${total} 个证书`);
      });
    });

  ca.command('verify')
    .description('验证证书：签发者、签名、有效期、吊销状态')
    .argument('<file>', '证书文件（PEM 或 DER）')
    .action(async (file: string) => {
      let content: Uint8Array;
      try {
        content = new Uint8Array(readFileSync(file));
      } catch (error) {
        throw new AppError('request.invalid', { message: `无法读取文件 ${file}：${(error as Error).message}` });
      }
      const text = Buffer.from(content).toString('latin1');
      await withPki(async (pki) => {
        const check = await pki.verifyCertificate(text.includes('-----BEGIN') ? text : content);
        console.log(`${file}: ${check.status} ${check.message}${check.code ? `（${check.code}）` : ''}`);
        if (check.status !== 'valid') process.exitCode = 1;
      });
    });
}
