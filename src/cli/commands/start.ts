import { performance } from 'node:perf_hooks';
import type { Command } from 'commander';
import { loadConfig } from '../../server/config.js';
import { startServer } from '../../server/main.js';
import { ensureWorkbenchBuilt } from '../workbench-build.js';

export function registerStartCommand(program: Command): void {
  program
    .command('start')
    .description('启动平台（首次启动时建库、迁移并写入兴安盟种子数据）')
    .option('--no-build', '不检查、不构建工作台静态资源')
    .action(async (options: { build: boolean }) => {
      const began = performance.now();
      const config = loadConfig();
      if (options.build) await ensureWorkbenchBuilt((line) => console.log(line));
      const started = await startServer(config);
      const seconds = ((performance.now() - began) / 1000).toFixed(1);
      const lines = [
        '',
        `兴安政务平台已启动（${started.database.dialect === 'sqlite' ? 'SQLite' : 'PostgreSQL'}：${started.database.location}，用时 ${seconds} 秒）`,
        `  门户网站   ${started.urls.portal}`,
        `  工作台     ${started.urls.workbench}`,
        `  API 文档   ${started.urls.docs}`,
      ];
      if (started.migrated.length) lines.push(`已执行 ${started.migrated.length} 个数据库迁移`);
      if (started.seeded.length) lines.push('首次启动，已写入种子数据：', ...started.seeded.map((l) => `  ${l}`));
      console.log(lines.join('\n'));

      const shutdown = (signal: string) => {
        console.log(`收到 ${signal}，正在停止…`);
        void started.stop().then(() => process.exit(0));
      };
      process.once('SIGINT', () => shutdown('SIGINT'));
      process.once('SIGTERM', () => shutdown('SIGTERM'));
    });
}
