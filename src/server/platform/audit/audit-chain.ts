import { sm3Hex } from '../crypto/index.js';
import type { AuditEventTable } from './audit.table.js';

/** The `prev_hash` of the first event ever written. */
export const GENESIS_HASH = '0'.repeat(64);

/** The fields an event's hash covers, in the chain's fixed order. */
export type ChainedFields = Omit<AuditEventTable, 'prev_hash' | 'hash'>;

/**
 * JSON with object keys sorted at every level, so equal values always serialise alike. Rejects what
 * JSON cannot carry faithfully (undefined inside arrays, non-finite numbers, bigint).
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError(`audit details: ${value} is not JSON`);
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v ?? null)).join(',')}]`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  throw new TypeError(`audit details: ${typeof value} is not JSON`);
}

/**
 * The canonical form of an event: a JSON array of its fields in a fixed order. `details` is already
 * canonical text, so it goes in as a string and is never re-parsed when verifying.
 */
export function canonicalForm(e: ChainedFields): string {
  return JSON.stringify([
    'hinggan-audit-v1',
    Number(e.seq),
    e.at,
    e.actor_id,
    e.actor_name,
    e.org_id,
    e.ip,
    e.action,
    e.object_type,
    e.object_id,
    e.outcome,
    e.request_id,
    e.details,
  ]);
}

/** hash = SM3(prev_hash as 32 bytes ‖ UTF-8 of the canonical form), lower-case hex. */
export function chainHash(prevHash: string, e: ChainedFields): string {
  // One buffer, filled in place: this runs once per event when appending and when verifying.
  const form = canonicalForm(e);
  const message = Buffer.allocUnsafe(32 + Buffer.byteLength(form, 'utf8'));
  // A stored prev_hash that is not hex (tampered) hashes as its valid prefix, as Buffer.from does.
  if (!/^[0-9a-f]{64}$/i.test(prevHash)) return sm3Hex(Buffer.concat([Buffer.from(prevHash, 'hex'), Buffer.from(form, 'utf8')]));
  message.write(prevHash, 0, 32, 'hex');
  message.write(form, 32, 'utf8');
  return sm3Hex(message);
}

/** The bytes an audit checkpoint's SM2 signature covers. */
export function checkpointMessage(c: { seq: number; hash: string; at: string }): string {
  return `hinggan-audit-checkpoint-v1\n${Number(c.seq)}\n${c.hash}\n${c.at}`;
}
