import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { loadConfig } from '../../server/config.js';
import { createAppContext } from '../../server/context.js';
import { openDatabase } from '../../server/db/database.js';
import { migrateToLatest } from '../../server/db/migrate.js';
import { createSealService, localTime, type DocumentVerdict, type SealVerdict } from '../../server/modules/documents/seal/index.js';
import { systemClock } from '../../server/platform/clock.js';
import { AppError } from '../../server/platform/errors/app-error.js';

const subjectLine = (subject: Readonly<Record<string, string>>) =>
  [subject.commonName, subject.organization, subject.organizationalUnit].filter(Boolean).join('，');

/** The verdict as a reader wants it on a terminal: the conclusion first, then each seal. */
export function formatVerdict(file: string, verdict: DocumentVerdict): string {
  const lines = [
    `文件：${file}（${verdict.fileSize} 字节）`,
    `结论：${verdict.valid ? '验证通过' : '验证未通过'} — ${verdict.message}${verdict.code ? `［${verdict.code}］` : ''}`,
  ];
  verdict.seals.forEach((seal: SealVerdict, i) => {
    lines.push(`印章 ${i + 1}：${seal.sealName ?? '（无法读取）'} — ${seal.status === 'valid' ? '有效' : seal.message}`);
    if (seal.organization) lines.push(`  盖章单位：${seal.organization}`);
    if (seal.signedAt) lines.push(`  盖章时间：${localTime(new Date(seal.signedAt))}（北京时间）`);
    if (seal.sealId) lines.push(`  印章编码：${seal.sealId}`);
    if (seal.certificate) {
      lines.push(`  印章证书：${subjectLine(seal.certificate.subject)}，序列号 ${seal.certificate.serial}`);
      lines.push(`  证书签发者：${subjectLine(seal.certificate.issuer)}`);
    }
    if (seal.certificateAtSigning) {
      lines.push(`  证书状态：盖章时 ${seal.certificateAtSigning.message}${seal.certificateNow ? `；现在 ${seal.certificateNow.message}` : ''}`);
    }
    if (seal.detail) lines.push(`  说明：${seal.detail}`);
    if (seal.documentHash) lines.push(`  SM3：${seal.documentHash}`);
  });
  return `${lines.join('\n')}\n`;
}

function timeOf(value: string | undefined): Date | undefined {
  if (value === undefined) return undefined;
  const at = new Date(value);
  if (Number.isNaN(at.getTime())) throw new AppError('request.invalid', { message: '--at 须为 ISO 8601 时间，如 2026-11-27T08:00:00+08:00' });
  return at;
}

export function registerDocumentCommands(program: Command): void {
  const document = program.command('document').description('公文：验证盖有电子印章的 PDF');

  document
    .command('verify')
    .description('验证公文 PDF 的电子印章：盖章单位、时间、证书链和文件是否被修改；有效时退出码 0，否则 1')
    .argument('<file>', 'PDF 文件')
    .option('--json', '以 JSON 输出结论')
    .option('--at <time>', '验证时间（默认现在），用于判断证书的当前状态')
    .action(async (file: string, options: { json?: boolean; at?: string }) => {
      let pdf: Buffer;
      try {
        pdf = readFileSync(file);
      } catch (error) {
        throw new AppError('request.invalid', { message: `无法读取文件 ${file}：${(error as Error).message}` });
      }
      const at = timeOf(options.at);
      const config = loadConfig();
      const database = await openDatabase(config);
      try {
        await migrateToLatest(database.db);
        const seals = createSealService(createAppContext({ config, database, clock: systemClock }));
        const verdict = await seals.verify(pdf, at ? { at } : {});
        process.stdout.write(options.json ? `${JSON.stringify(verdict, null, 2)}\n` : formatVerdict(path.basename(file), verdict));
        if (!verdict.valid) process.exitCode = 1;
      } finally {
        await database.destroy();
      }
    });
}
