import { createPrivateKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import {
  certificateChallengeMessage,
  certificateChallengePurposes,
  certificateSignerId,
  type CertificateChallengePurpose,
} from '../../shared/certificate-challenge.js';
import { loadConfig } from '../../server/config.js';
import { sm2PrivateKeyFromPem, sm2Sign } from '../../server/platform/crypto/index.js';
import { AppError } from '../../server/platform/errors/app-error.js';

interface SignChallengeOptions {
  key: string;
  nonce: string;
  user: string;
  origin?: string;
  purpose: string;
  passphraseFile?: string;
}

function readText(file: string, what: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new AppError('request.invalid', { message: `无法读取${what} ${file}：${(error as Error).message}` });
  }
}

/** The SM2 key pair in a PEM file; an encrypted PKCS#8 file is opened with the passphrase first. */
function privateKeyOf(options: SignChallengeOptions): string {
  let pem = readText(options.key, '私钥文件');
  if (pem.includes('-----BEGIN ENCRYPTED PRIVATE KEY-----')) {
    if (!options.passphraseFile) throw new AppError('request.invalid', { message: '私钥已加密：请用 --passphrase-file 指定口令文件' });
    const passphrase = readText(options.passphraseFile, '口令文件').replace(/\r?\n$/, '');
    try {
      pem = createPrivateKey({ key: pem, format: 'pem', passphrase }).export({ type: 'pkcs8', format: 'pem' }).toString();
    } catch {
      throw new AppError('request.invalid', { message: '无法解密私钥：口令不正确或文件已损坏' });
    }
  }
  try {
    return sm2PrivateKeyFromPem(pem).privateKey;
  } catch {
    throw new AppError('request.invalid', { message: `${options.key} 不是 SM2 私钥（PEM，PKCS#8 或 SEC1）` });
  }
}

/** Where the server is, as `hinggan start` prints it: the public address, else this machine's port. */
function defaultOrigin(): string {
  const config = loadConfig();
  return config.publicUrl ?? `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${config.port}`;
}

/**
 * `hinggan sign-challenge`: what the workbench's signing helper does in the browser, for tests and
 * scripts — signs a sign-in (or certificate binding) nonce with an SM2 key and prints the
 * signature (DER, base64) to post as `signature`.
 */
export function registerSignChallengeCommand(program: Command): void {
  program
    .command('sign-challenge')
    .description('用 SM2 私钥对登录或绑定证书的挑战值签名，输出 Base64 编码的 DER 签名（供测试和脚本使用）')
    .requiredOption('--key <file>', 'SM2 私钥文件（PEM：PKCS#8 或 SEC1；加密的 PKCS#8 须配 --passphrase-file）')
    .requiredOption('--nonce <nonce>', '服务器给出的挑战值（登录步骤的 nonce 或绑定证书的 nonce）')
    .requiredOption('--user <name>', '用户名')
    .option('--origin <url>', '网站源，如 https://zw.example.cn；默认为 HINGGAN_PUBLIC_URL 或本机服务地址')
    .option('--purpose <purpose>', `签名用途：${certificateChallengePurposes.join(' 或 ')}`, 'sign-in')
    .option('--passphrase-file <file>', '加密私钥的口令文件（第一行）')
    .action((options: SignChallengeOptions) => {
      if (!(certificateChallengePurposes as readonly string[]).includes(options.purpose)) {
        throw new AppError('request.invalid', { message: `--purpose 须为 ${certificateChallengePurposes.join(' 或 ')}` });
      }
      let message: string;
      try {
        message = certificateChallengeMessage({
          purpose: options.purpose as CertificateChallengePurpose,
          origin: options.origin ?? defaultOrigin(),
          username: options.user,
          nonce: options.nonce,
        });
      } catch (error) {
        throw new AppError('request.invalid', { message: `无法生成签名内容：${(error as Error).message}` });
      }
      const signature = sm2Sign(privateKeyOf(options), message, { userId: certificateSignerId });
      process.stdout.write(`${Buffer.from(signature).toString('base64')}\n`);
    });
}
