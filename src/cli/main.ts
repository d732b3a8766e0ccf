import { Command, CommanderError } from 'commander';
import { ConfigError } from '../server/config.js';
import { DatabaseUnavailableError } from '../server/db/database.js';
import { MigrationError } from '../server/db/migrate.js';
import { AppError } from '../server/platform/errors/app-error.js';
import { registerBackupCommands } from './commands/backup.js';
import { registerAuditCommands } from './commands/audit.js';
import { registerArchiveCommands } from './commands/archive.js';
import { registerCaCommands } from './commands/ca.js';
import { registerDocumentCommands } from './commands/document.js';
import { registerKeysCommands } from './commands/keys.js';
import { registerMigrateCommands } from './commands/migrate.js';
import { registerOrgCommands } from './commands/org.js';
import { registerStartCommand } from './commands/start.js';
import { registerSignChallengeCommand } from './commands/sign-challenge.js';

const program = new Command('hinggan')
  .description('兴安政务平台：启动服务、迁移数据库、写入种子数据、管理组织机构')
  .version('0.1.0', '-v, --version', '显示版本')
  .helpOption('-h, --help', '显示帮助')
  .helpCommand('help [command]', '显示某个命令的帮助')
  .showHelpAfterError('（运行 hinggan --help 查看可用命令）')
  .configureOutput({
    outputError: (text, write) => write(translateCommanderError(text)),
  })
  .exitOverride();

registerStartCommand(program);
registerMigrateCommands(program);
registerOrgCommands(program);
registerCaCommands(program);
registerAuditCommands(program);
registerBackupCommands(program);
registerKeysCommands(program);
registerArchiveCommands(program);
registerDocumentCommands(program);
registerSignChallengeCommand(program);

function translateCommanderError(text: string): string {
  return text
    .replace(/^error: unknown command '(.+)'/m, '错误：未知命令 “$1”')
    .replace(/^error: unknown option '(.+)'/m, '错误：未知选项 “$1”')
    .replace(/^error: missing required argument '(.+)'/m, '错误：缺少参数 “$1”')
    .replace(/^error: too many arguments.*/m, '错误：参数过多')
    .replace(/^error: option '(.+)' argument missing/m, '错误：选项 “$1” 缺少值');
}

try {
  await program.parseAsync(process.argv);
} catch (error) {
  process.exitCode = exitCodeFor(error);
}

function exitCodeFor(error: unknown): number {
  if (error instanceof CommanderError) {
    // Help and version exit 0; usage errors have been printed already.
    return error.exitCode === 0 ? 0 : 2;
  }
  if (error instanceof ConfigError || error instanceof DatabaseUnavailableError || error instanceof MigrationError) {
    process.stderr.write(`hinggan: ${error.message}\n`);
    return 1;
  }
  if (error instanceof AppError) {
    process.stderr.write(`hinggan: ${error.message}（${error.code}）\n`);
    return 1;
  }
  process.stderr.write(`hinggan: ${(error as Error)?.stack ?? String(error)}\n`);
  return 1;
}
