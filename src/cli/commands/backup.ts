import { existsSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline/promises';
import type { Command } from 'commander';
import { loadConfig } from '../../server/config.js';
import { openDatabase } from '../../server/db/database.js';
import { AppError } from '../../server/platform/errors/app-error.js';
import { backupDirOf, createBackup, restoreBackup, type RestoreTarget } from '../../server/platform/backup/index.js';

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

export function registerBackupCommands(program: Command): void {
  program
    .command('backup')
    .description('备份数据库和文件库（服务运行时也可备份），生成带 SM3 校验值的清单')
    .option('--out <dir>', '备份存放目录（默认 HINGGAN_BACKUP_DIR，即 <数据目录>/backups）')
    .action(async (options: { out?: string }) => {
      const config = loadConfig();
      const sqliteFile = path.join(config.dataDir, 'hinggan.sqlite');
      if (config.dialect === 'sqlite' && !existsSync(sqliteFile)) {
        throw new AppError('backup.failed', { message: `备份失败：数据库文件 ${sqliteFile} 不存在（检查 HINGGAN_DATA_DIR）` });
      }
      const database = await openDatabase(config);
      try {
        const result = await createBackup(database, config, { outDir: options.out ?? backupDirOf(config) });
        const blobs = result.manifest.files.length - 1;
        const lines = [
          `备份完成：${result.dir}`,
          `  数据库（${result.manifest.dialect}）和 ${blobs} 个文件库文件，共 ${mb(result.bytes)} MB，用时 ${result.seconds.toFixed(1)} 秒`,
          `  清单 SM3：${result.manifest.manifestSm3}`,
        ];
        if (result.offsiteDir) lines.push(`  异地副本：${result.offsiteDir}（已校验）`);
        if (result.removed.length) lines.push(`  按保留份数（${config.backupKeep}）删除旧备份：`, ...result.removed.map((d) => `    ${d}`));
        lines.push('  注意：密钥文件不在备份中，须另行离线保管（见 docs/OPERATIONS.md）');
        console.log(lines.join('\n'));
      } finally {
        await database.destroy();
      }
    });

  program
    .command('restore')
    .description('从备份恢复数据库和文件库：先校验全部 SM3，损坏则拒绝；须先停止服务')
    .argument('<dir>', '备份目录（含 manifest.json）')
    .option('--yes', '确认覆盖现有数据')
    .action(async (dir: string, options: { yes?: boolean }) => {
      const config = loadConfig();
      const backup = path.resolve(dir);
      const database = config.dialect === 'postgres' ? await openDatabase(config, { pgPoolSize: 1 }) : undefined;
      const target: RestoreTarget = database ?? { dialect: 'sqlite', location: path.join(config.dataDir, 'hinggan.sqlite') };
      try {
        let yes = options.yes === true;
        let result;
        try {
          result = await restoreBackup(backup, target, config, { yes });
        } catch (error) {
          if (!(error instanceof AppError && error.code === 'backup.not_confirmed' && process.stdin.isTTY)) throw error;
          yes = await confirm(`${error.message.replace(/；确认请加 --yes$/, '')}\n输入 yes 继续恢复：`);
          if (!yes) throw error;
          result = await restoreBackup(backup, target, config, { yes });
        }
        const blobs = result.manifest.files.length - 1;
        const lines = [
          `恢复完成：${backup}（备份时间 ${result.manifest.createdAt}，平台版本 ${result.manifest.platformVersion}）`,
          `  数据库（${result.manifest.dialect}）已替换；文件库 ${blobs} 个文件，补回 ${result.blobsCopied} 个`,
        ];
        if (result.setAside.dir) lines.push(`  被替换的数据已移到 ${result.setAside.dir}，确认无误后可删除`);
        if (result.setAside.schema) lines.push(`  原 schema 已改名为 ${result.setAside.schema}，确认无误后可 drop schema ${result.setAside.schema} cascade`);
        lines.push('  启动服务时将自动执行本版本新增的迁移：hinggan start');
        console.log(lines.join('\n'));
      } finally {
        await database?.destroy();
      }
    });
}

async function confirm(question: string): Promise<boolean> {
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return (await rl.question(question)).trim().toLowerCase() === 'yes';
  } finally {
    rl.close();
  }
}
