import type { Command } from 'commander';
import { loadConfig } from '../../server/config.js';
import { openDatabase, type DatabaseHandle } from '../../server/db/database.js';
import { migrateToLatest } from '../../server/db/migrate.js';
import { createAuditLog, purgeAuditLog, shipAuditEvents, sinksFromConfig, verifyAuditLog, type AuditLog } from '../../server/platform/audit/index.js';
import { systemClock } from '../../server/platform/clock.js';
import { loadPlatformKeys } from '../../server/platform/keys.js';

const cliContext = { actorName: 'cli', requestId: null };

export function registerAuditCommands(program: Command): void {
  const audit = program.command('audit').description('审计日志：校验、签检查点、外送、按保留期清理');

  audit
    .command('verify')
    .description('校验审计日志的 SM3 哈希链与 SM2 签名检查点；完好时退出码 0，否则指出第一条被改动或缺失的记录并退出码 1')
    .action(async () => {
      await withAudit(async ({ database, keys }) => {
        const began = performance.now();
        const result = await verifyAuditLog(database.db, { trustedKeys: [keys.signing.publicKey] });
        const seconds = ((performance.now() - began) / 1000).toFixed(1);
        if (result.ok) {
          console.log(`审计日志完整：${result.events} 条记录（seq ${result.firstSeq ?? '-'}–${result.lastSeq}），${result.checkpoints} 个签名检查点，用时 ${seconds} 秒`);
        } else {
          process.stderr.write(`hinggan: 审计日志校验失败：${result.message}\n`);
          process.exitCode = 1;
        }
      });
    });

  audit
    .command('checkpoint')
    .description('立即为当前链头签一个检查点（有新记录时）')
    .action(async () => {
      await withAudit(async ({ database, log }) => {
        const seq = await log.checkpoint(database.db);
        console.log(seq === undefined ? '没有新的审计记录，无需签检查点' : `已签检查点：seq ${seq}`);
      });
    });

  audit
    .command('ship')
    .description('把尚未外送的审计记录发往配置的文件或 syslog（HINGGAN_AUDIT_SINK_FILE / HINGGAN_AUDIT_SINK_SYSLOG）')
    .action(async () => {
      await withAudit(async ({ database, config }) => {
        const sinks = sinksFromConfig(config);
        if (!sinks.length) return void console.log('未配置外送目标（HINGGAN_AUDIT_SINK_FILE 或 HINGGAN_AUDIT_SINK_SYSLOG）');
        for (const sink of sinks) console.log(`${sink.name}：已外送 ${await shipAuditEvents(database.db, sink, { clock: systemClock })} 条`);
      });
    });

  audit
    .command('purge')
    .description('删除超过保留期（HINGGAN_AUDIT_RETENTION_DAYS，不少于 180 天）且已有签名检查点锚定的审计记录')
    .action(async () => {
      await withAudit(async ({ database, config, log }) => {
        const result = await purgeAuditLog(database.db, log, { retentionDays: config.auditRetentionDays, context: cliContext });
        console.log(
          result.throughSeq === undefined
            ? `没有可清理的审计记录（保留 ${result.before} 之后的记录）`
            : `已删除 ${result.deleted} 条审计记录（至 seq ${result.throughSeq}，${result.before} 之前）`,
        );
      });
    });
}

interface AuditCommandContext {
  readonly config: ReturnType<typeof loadConfig>;
  readonly database: DatabaseHandle;
  readonly keys: ReturnType<typeof loadPlatformKeys>;
  readonly log: AuditLog;
}

async function withAudit(work: (ctx: AuditCommandContext) => Promise<void>): Promise<void> {
  const config = loadConfig();
  const keys = loadPlatformKeys(config);
  const database = await openDatabase(config);
  try {
    await migrateToLatest(database.db);
    const log = createAuditLog({ signing: keys.signing, clock: systemClock, checkpointEvery: config.auditCheckpointEvery });
    await work({ config, database, keys, log });
  } finally {
    await database.destroy();
  }
}
