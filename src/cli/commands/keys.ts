import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { loadConfig } from '../../server/config.js';
import { openDatabase } from '../../server/db/database.js';
import { migrateToLatest } from '../../server/db/migrate.js';
import { createAuditLog } from '../../server/platform/audit/index.js';
import { systemClock } from '../../server/platform/clock.js';
import { sm2PublicKeyToPem } from '../../server/platform/crypto/index.js';
import { KeyFileError, initKeyFile, loadPlatformKeys, rotateDataKey } from '../../server/platform/keys.js';

/**
 * `hinggan keys init|rotate|show`: the platform key file (HINGGAN_KEY_FILE). Nothing here prints a
 * secret: `show` gives the SM2 public key and the ids of the data keys only.
 */
export function registerKeysCommands(program: Command): void {
  const keys = program.command('keys').description('平台密钥文件（HINGGAN_KEY_FILE）：生成、轮换数据密钥、查看公钥');

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
    .description('新增一把 SM4 数据密钥作为当前密钥（旧密钥保留用于解密），并记入审计日志')
    .action(() =>
      keyFileCommand(async () => {
        const config = loadConfig();
        const keyId = rotateDataKey(config.keyFile);
        console.log(`已新增数据密钥 ${keyId}，此后新加密的数据使用它；旧密钥保留，已加密的数据仍可解密。`);
        console.log('运行中的服务须重启才会使用新密钥。请重新离线备份密钥文件（它包含全部数据密钥）。');
        const platformKeys = loadPlatformKeys(config);
        const database = await openDatabase(config);
        try {
          await migrateToLatest(database.db);
          const log = createAuditLog({ signing: platformKeys.signing, clock: systemClock, checkpointEvery: config.auditCheckpointEvery });
          await log.record(database.db, { action: 'keys.rotate', actorName: 'cli', details: { keyId } });
        } finally {
          await database.destroy();
        }
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
        const { signing, dataKeys } = loadPlatformKeys(config);
        const current = dataKeys[dataKeys.length - 1]!.id;
        console.log(`密钥文件：${config.keyFile}`);
        console.log(`SM2 签名公钥：${signing.publicKey}`);
        console.log(`数据密钥：${dataKeys.map((k) => (k.id === current ? `${k.id}（当前）` : String(k.id))).join('、')}`);
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
