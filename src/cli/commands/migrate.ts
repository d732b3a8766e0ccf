import type { Command } from 'commander';
import { loadConfig } from '../../server/config.js';
import { openDatabase } from '../../server/db/database.js';
import { migrateToLatest } from '../../server/db/migrate.js';
import { seedAll } from '../../server/main.js';

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
    .action(async (options: { profile: string }) => {
      if (options.profile !== 'demo' && options.profile !== 'none') {
        throw new (await import('commander')).InvalidArgumentError('--profile 须为 demo 或 none');
      }
      const config = loadConfig();
      const database = await openDatabase(config);
      try {
        await migrateToLatest(database.db);
        const { lines } = await seedAll(database, config, options.profile);
        console.log(lines.length ? lines.join('\n') : '数据库中已有数据，未写入种子');
      } finally {
        await database.destroy();
      }
    });
}
