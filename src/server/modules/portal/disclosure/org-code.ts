import { sm3Hex } from '../../../platform/crypto/index.js';

/**
 * The 机构代码 of index numbers (`机构代码/年-序号`). An organisation with a 统一社会信用代码 uses the
 * 9-character 组织机构代码 inside it (GB 32100-2015 positions 9–17). Without one (the seed registry
 * has none), a stable 9-digit code is derived from the organisation's ref: the SM3 hash of the ref,
 * read as a number, modulo 10^9; on a clash with another organisation's code the ref is salted with
 * an attempt number. The code is stored at first use and never changes afterwards, so issued index
 * numbers stay valid even if the registry later gains a credit code.
 */
export function orgCodeOf(org: { ref: string; creditCode: string | null }, attempt = 0): { code: string; source: 'credit_code' | 'derived' } {
  if (attempt === 0 && org.creditCode && /^[0-9A-Z]{18}$/.test(org.creditCode)) return { code: org.creditCode.slice(8, 17), source: 'credit_code' };
  const hex = sm3Hex(attempt === 0 ? `disclosure:${org.ref}` : `disclosure:${org.ref}#${attempt}`);
  const code = (BigInt(`0x${hex.slice(0, 16)}`) % 1_000_000_000n).toString().padStart(9, '0');
  return { code, source: 'derived' };
}
