import { randomBytes } from 'node:crypto';
import {
  SM2_DEFAULT_USER_ID,
  sm2GenerateKeyPair,
  sm2Sign,
  sm2Verify,
  sm3,
  sm4Decrypt,
  sm4Encrypt,
  type Sm4Key,
} from '../src/server/platform/crypto/index.js';
import type { BenchOptions } from './run.js';
import { round } from './support.js';

/**
 * Runs `fn` repeatedly for about `seconds` after a short warm-up; returns operations per second of
 * wall time and per second of this process's CPU time. On a shared machine the second is the
 * one-core figure; the first also counts time the core was busy with other work.
 */
function rates(seconds: number, fn: () => unknown): { perSecond: number; perCpuSecond: number } {
  for (let i = 0; i < 50; i++) fn();
  let done = 0;
  const cpu = process.cpuUsage();
  const began = performance.now();
  const until = began + seconds * 1000;
  while (performance.now() < until) {
    for (let i = 0; i < 20; i++) fn();
    done += 20;
  }
  const used = process.cpuUsage(cpu);
  return {
    perSecond: round(done / ((performance.now() - began) / 1000)),
    perCpuSecond: round(done / ((used.user + used.system) / 1e6)),
  };
}

const rate = (seconds: number, fn: () => unknown) => rates(seconds, fn).perSecond;

/**
 * National cryptography on one core, in this process: SM2 sign and verify of a 200-byte message
 * with the fixed signer id (the audit checkpoint's case), SM3 over small and large inputs, and the
 * SM4 envelope both ways. Each figure runs for about `duration / 5` seconds (at least one).
 */
export function benchCrypto(options: BenchOptions): Promise<object> {
  const seconds = Math.max(1, options.duration / 5);
  const key = sm2GenerateKeyPair();
  const message = randomBytes(200);
  const signOptions = { userId: SM2_DEFAULT_USER_ID };
  const signature = sm2Sign(key.privateKey, message, signOptions);
  if (!sm2Verify(key.publicKey, message, signature, signOptions)) throw new Error('sm2Verify refused a good signature');

  const small = randomBytes(300); // about one audit event's canonical form
  const large = randomBytes(16 << 20);
  const sm3Large = rate(seconds, () => sm3(large)) * 16;
  const dataKey: Sm4Key = { id: 1, secret: randomBytes(16) };
  const block = randomBytes(1 << 20);
  const envelope = sm4Encrypt(dataKey, block);
  const sm4Field = randomBytes(18); // a 身份证号
  return Promise.resolve({
    sm2: {
      sign: rates(seconds, () => sm2Sign(key.privateKey, message, signOptions)),
      verify: rates(seconds, () => sm2Verify(key.publicKey, message, signature, signOptions)),
    },
    sm3: {
      smallPerSecond: round(rate(seconds, () => sm3(small))),
      smallBytes: small.length,
      largeMbPerSecond: round(sm3Large),
    },
    sm4Envelope: {
      encryptMbPerSecond: round(rate(seconds, () => sm4Encrypt(dataKey, block))),
      decryptMbPerSecond: round(rate(seconds, () => sm4Decrypt(dataKey, envelope))),
      fieldEncryptPerSecond: round(rate(seconds, () => sm4Encrypt(dataKey, sm4Field))),
    },
    targets: { sm2SignPerSecond: '≥ 2000 (one core)', sm2VerifyPerSecond: '≥ 1500 (one core)' },
  });
}
