import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { loadConfig } from '../../server/config.js';
import { openDatabase } from '../../server/db/database.js';
import { migrateToLatest } from '../../server/db/migrate.js';
import { createAuditLog } from '../../server/platform/audit/index.js';
import { systemClock } from '../../server/platform/clock.js';
import { sm2PublicKeyToPem } from '../../server/platform/crypto/index.js';
import { KeyFileError, initKeyFile, loadPlatformKeys, retireKeys, rotateDataKey, rotateIndexKey } from '../../server/platform/keys.js';
import type { Config } from '../../server/config.js';
import type { AuditEvent } from '../../server/platform/audit/index.js';
import { reencryptSealedData, sealedKeyUsage } from '../../server/platform/sealed-data/index.js';
import { modules } from '../../server/modules/index.js';

/** Every sealed column the modules declare. */
const sealedColumns = () => modules.flatMap((m) => m.sealedColumns ?? []);

/** Opens the database (migrated), runs `work`, records its audit event, closes. */
async function withDatabase<T>(config: Config, work: (db: Awaited<ReturnType<typeof openDatabase>>['db']) => Promise<{ result: T; event: AuditEvent }>): Promise<T> {
  const platformKeys = loadPlatformKeys(config);
  const database = await openDatabase(config);
  try {
    await migrateToLatest(database.db);
    const { result, event } = await work(database.db);
    const log = createAuditLog({ signing: platformKeys.signing, clock: systemClock, checkpointEvery: config.auditCheckpointEvery });
    await log.record(database.db, { actorName: 'cli', ...event });
    return result;
  } finally {
    await database.destroy();
  }
}

/**
 * `hinggan keys init|rotate|reencrypt|retire|show`: the platform key file (HINGGAN_KEY_FILE). Nothing here prints a
 * secret: `show` gives the SM2 public key and the ids of the data keys only.
 */
export function registerKeysCommands(program: Command): void {
  const keys = program.command('keys').description('平台密钥文件（HINGGAN_KEY_FILE）：生成、轮换、重新加密、退役旧密钥、查看公钥');

  keys
    .command('init')
    .description('生成新的密钥文件（SM2 签名密钥、SM4 数据密钥、索引密钥），权限 0600；文件已存在时拒绝覆盖')
    .action(() =>
      keyFileCommand(() => {
        const { keyFile } = loadConfig();
        initKeyFile(keyFile);
        console.log(`已生成密钥文件：${keyFile}`);
        console.log('请立即按《运维手册》“密钥”一节离线备份（双人管理），不要放在备份盘上。');
      }),
    );

  keys
    .command('rotate')
    .description('新增一把 SM4 数据密钥作为当前密钥（旧密钥保留用于解密）；--index 改为轮换盲索引密钥。均记入审计日志')
    .option('--index', '轮换盲索引密钥（旧索引密钥保留到 keys reencrypt 重写全部索引之后）')
    .action((options: { index?: boolean }) =>
      keyFileCommand(async () => {
        const config = loadConfig();
        if (options.index) {
          rotateIndexKey(config.keyFile);
          console.log('已生成新的盲索引密钥；旧索引密钥暂时保留，查找时两者都用。');
          console.log('下一步：重启服务，运行 hinggan keys reencrypt 重写全部索引，再运行 hinggan keys retire。');
          await withDatabase(config, async () => ({ result: undefined, event: { action: 'keys.rotate_index', details: {} } }));
          return;
        }
        const keyId = rotateDataKey(config.keyFile);
        console.log(`已新增数据密钥 ${keyId}，此后新加密的数据使用它；旧密钥保留，已加密的数据仍可解密。`);
        console.log('下一步：重启服务，运行 hinggan keys reencrypt 把已有数据改用新密钥，再运行 hinggan keys retire 删除不再使用的旧密钥。');
        console.log('请重新离线备份密钥文件（它包含全部数据密钥）。');
        await withDatabase(config, async () => ({ result: undefined, event: { action: 'keys.rotate', details: { keyId } } }));
      }),
    );

  keys
    .command('reencrypt')
    .description('把全部加密字段（个人信息、TOTP 密钥、CA 私钥）改用当前数据密钥重新加密，并用当前索引密钥重写盲索引；服务可继续运行')
    .option('--batch <n>', '每个事务处理的行数', '500')
    .action((options: { batch: string }) =>
      keyFileCommand(async () => {
        const config = loadConfig();
        const batch = Number.parseInt(options.batch, 10);
        if (!Number.isInteger(batch) || batch < 1 || batch > 100_000) throw new KeyFileError('--batch 应为 1–100000 的整数');
        const report = await withDatabase(config, async (db) => {
          const result = await reencryptSealedData(db, loadPlatformKeys(config), sealedColumns(), { batch });
          return {
            result,
            event: {
              action: 'keys.reencrypt',
              outcome: result.unreadable.length ? 'failure' : 'success',
              details: { keyId: result.keyId, scanned: result.scanned, rewritten: result.rewritten, unreadable: result.unreadable.length },
            },
          };
        });
        console.log(`已检查 ${report.scanned} 个加密值，重新加密 ${report.rewritten} 个（当前数据密钥 ${report.keyId}）。`);
        if (report.skipped) console.log(`${report.skipped} 个值在处理期间被修改，已是新密钥加密，未覆盖。`);
        if (report.unreadable.length) {
          for (const u of report.unreadable.slice(0, 20)) process.stderr.write(`无法解密：${u.column} 行 ${u.key}\n`);
          throw new KeyFileError(`${report.unreadable.length} 个加密值无法用密钥文件中的任何密钥解密（密钥缺失或数据损坏），见上`);
        }
      }),
    );

  keys
    .command('retire')
    .description('删除数据库中已不再使用的旧数据密钥和旧索引密钥（检查全部加密字段后才删除）')
    .action(() =>
      keyFileCommand(async () => {
        const config = loadConfig();
        const removed = await withDatabase(config, async (db) => {
          const usage = await sealedKeyUsage(db, loadPlatformKeys(config), sealedColumns());
          if (usage.unreadable.length) {
            throw new KeyFileError(`${usage.unreadable.length} 个加密值无法解密，不删除任何密钥（先查明原因，见 docs/OPERATIONS.md）`);
          }
          const result = retireKeys(config.keyFile, { dataKeyIds: new Set(usage.envelopesByKey.keys()), previousIndexKey: usage.staleIndexes > 0 });
          return { result, event: { action: 'keys.retire', details: result } };
        });
        console.log(
          removed.dataKeyIds.length ? `已删除不再使用的数据密钥：${removed.dataKeyIds.join('、')}。` : '没有可删除的数据密钥（仍有数据使用，或只剩当前密钥）。',
        );
        if (removed.previousIndexKey) console.log('已删除旧索引密钥。');
        console.log('请重新离线备份密钥文件，并销毁旧的密钥文件备份。');
      }),
    );

  keys
    .command('show')
    .description('显示 SM2 签名公钥（十六进制与 PEM）和数据密钥编号；不显示任何私钥或密钥')
    .action(() =>
      keyFileCommand(() => {
        const config = loadConfig();
        // loadPlatformKeys would create a missing file outside production; `show` must not.
        if (!existsSync(config.keyFile)) throw new KeyFileError(`密钥文件不存在：${config.keyFile}（用 hinggan keys init 生成）`);
        const { signing, dataKeys, previousIndexKey } = loadPlatformKeys(config);
        const current = dataKeys[dataKeys.length - 1]!.id;
        console.log(`密钥文件：${config.keyFile}`);
        console.log(`SM2 签名公钥：${signing.publicKey}`);
        console.log(`数据密钥：${dataKeys.map((k) => (k.id === current ? `${k.id}（当前）` : String(k.id))).join('、')}`);
        if (previousIndexKey) console.log('索引密钥：轮换进行中（旧索引密钥仍保留，运行 keys reencrypt 后再 keys retire）');
        process.stdout.write(sm2PublicKeyToPem(signing.publicKey));
      }),
    );
}

/** Runs a key command; a key file problem is one line on stderr and exit code 1, not a stack trace. */
async function keyFileCommand(work: () => void | Promise<void>): Promise<void> {
  try {
    await work();
  } catch (error) {
    if (!(error instanceof KeyFileError)) throw error;
    process.stderr.write(`hinggan: ${error.message}\n`);
    process.exitCode = 1;
  }
}
