import { InvalidArgumentError, type Command } from 'commander';
import { loadConfig } from '../../server/config.js';
import { openDatabase } from '../../server/db/database.js';
import { migrateToLatest } from '../../server/db/migrate.js';
import { seedAll } from '../../server/main.js';
import { createAppContext } from '../../server/context.js';
import type { Config } from '../../server/config.js';
import type { DatabaseHandle } from '../../server/db/database.js';
import { seedBulkDocuments } from '../../server/modules/documents/seed/index.js';
import { seedBulkArticles } from '../../server/modules/portal/seed/index.js';

function documentCount(value: string): number {
  const count = Number(value);
  if (!/^\d+$/.test(value) || count > 100_000_000) throw new InvalidArgumentError('须为 0 到 100000000 之间的整数');
  return count;
}

/** `seed --documents N`: bulk documents with a progress line on a terminal; returns the summary. */
async function seedBulk(database: DatabaseHandle, config: Readonly<Config>, count: number): Promise<string> {
  const progress = process.stderr.isTTY ? (n: number) => process.stderr.write(`\r批量公文：${n} / ${count}`) : undefined;
  const result = await seedBulkDocuments(createAppContext({ config, database }), { count, ...(progress ? { onProgress: progress } : {}) });
  if (progress) process.stderr.write('\n');
  return `批量公文：${result.documents} 件（${result.deliveries} 件分发，即各收文机关的收文；${result.openTasks} 件在办），用时 ${result.seconds.toFixed(1)} 秒，每秒 ${Math.round(result.perSecond)} 件`;
}

/** `seed --articles N`: bulk portal articles with a progress line on a terminal; returns the summary. */
async function seedArticles(database: DatabaseHandle, config: Readonly<Config>, count: number): Promise<string> {
  const progress = process.stderr.isTTY ? (n: number) => process.stderr.write(`\r批量文章：${n} / ${count}`) : undefined;
  const result = await seedBulkArticles(createAppContext({ config, database }), { count, ...(progress ? { onProgress: progress } : {}) });
  if (progress) process.stderr.write('\n');
  return `批量文章：${result.articles} 篇（${result.sites} 个网站，均已发布并编入站内检索），用时 ${result.seconds.toFixed(1)} 秒，每秒 ${Math.round(result.perSecond)} 篇`;
}

export function registerMigrateCommands(program: Command): void {
  program
    .command('migrate')
    .description('执行尚未执行的数据库迁移')
    .action(async () => {
      const config = loadConfig();
      const database = await openDatabase(config);
      try {
        const applied = await migrateToLatest(database.db);
        console.log(applied.length ? `已执行迁移：\n  ${applied.join('\n  ')}` : '数据库已是最新，无需迁移');
      } finally {
        await database.destroy();
      }
    });

  program
    .command('seed')
    .description('向空数据库写入种子数据（兴安盟组织机构；demo 另含演示账号）')
    .option('--profile <profile>', 'demo 或 none', 'demo')
    .option('--documents <n>', '另写入 N 件批量公文（各机关、各年度、各环节，含分发、收文和检索索引），用于性能测试', documentCount, 0)
    .option('--articles <n>', '另写入 N 篇批量门户文章（各网站、各栏目、各年度，均已发布并编入检索），用于性能测试', documentCount, 0)
    .action(async (options: { profile: string; documents: number; articles: number }) => {
      if (options.profile !== 'demo' && options.profile !== 'none') {
        throw new (await import('commander')).InvalidArgumentError('--profile 须为 demo 或 none');
      }
      const count = options.documents;
      const config = loadConfig();
      const database = await openDatabase(config);
      try {
        await migrateToLatest(database.db);
        const { lines } = await seedAll(database, config, options.profile);
        console.log(lines.length ? lines.join('\n') : '数据库中已有数据，未写入种子');
        if (count > 0) console.log(await seedBulk(database, config, count));
        if (options.articles > 0) console.log(await seedArticles(database, config, options.articles));
      } finally {
        await database.destroy();
      }
    });
}
