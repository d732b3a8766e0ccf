import { createWriteStream } from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Command } from 'commander';
import { loadConfig } from '../../server/config.js';
import { createAppContext } from '../../server/context.js';
import { openDatabase } from '../../server/db/database.js';
import { migrateToLatest } from '../../server/db/migrate.js';
import { receivingServices } from '../../server/modules/documents/index.js';
import { systemClock } from '../../server/platform/clock.js';
import { AppError } from '../../server/platform/errors/app-error.js';
import { cliAuditContext } from '../audit-context.js';

function yearOf(value: string): number {
  const year = Number(value);
  if (!Number.isInteger(year) || year < 1949 || year > 2200) throw new AppError('request.invalid', { message: '--year 须为四位年份，如 2026' });
  return year;
}

/** `hinggan archive export`: an organisation's archival package (归档包) of one year, from the console. */
export function registerArchiveCommands(program: Command): void {
  const archive = program.command('archive').description('公文归档：导出归档包');

  archive
    .command('export')
    .description('导出单位某年度的归档包（tar.gz：原件、归档件、DA/T 46 元数据、签名验证、SM3 清单及 SM2 签名）')
    .requiredOption('--org <key>', '单位的 id、引用或区划代码')
    .requiredOption('--year <year>', '年度')
    .option('--out <file>', '输出文件；默认在当前目录以“全宗号-年度-归档包.tar.gz”命名；- 表示标准输出')
    .action(async (options: { org: string; year: string; out?: string }) => {
      const year = yearOf(options.year);
      const config = loadConfig();
      const database = await openDatabase(config);
      try {
        await migrateToLatest(database.db);
        const { exporter } = receivingServices(createAppContext({ config, database, clock: systemClock }));
        const pack = await exporter.console(cliAuditContext(), options.org, year);
        if (options.out === '-') {
          await pipeline(pack.stream, process.stdout);
          return;
        }
        const file = path.resolve(options.out ?? pack.name);
        await pipeline(pack.stream, createWriteStream(file));
        console.log(`已导出 ${pack.items} 件：${file}`);
      } finally {
        await database.destroy();
      }
    });
}
