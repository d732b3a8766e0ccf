import type { DbOrTrx } from '../../db/database.js';
import { bytesToHex, hexToBytes } from '../crypto/bytes.js';
import { sm2Sign, sm2Verify, type Sm2KeyPair } from '../crypto/index.js';
import { checkpointMessage } from './audit-chain.js';
import { auditRepository } from './audit.repository.js';
import type { AuditCheckpointRow } from './audit.table.js';

/** Signs "the event at `seq` has hash `hash`" with the platform key (signer id 1234567812345678) and stores it. */
export async function writeCheckpoint(
  db: DbOrTrx,
  signing: Sm2KeyPair,
  c: { seq: number; hash: string; at: string },
): Promise<AuditCheckpointRow> {
  const signature = bytesToHex(sm2Sign(signing.privateKey, checkpointMessage(c)));
  const row = { seq: c.seq, hash: c.hash, at: c.at, public_key: signing.publicKey, signature };
  await auditRepository.insertCheckpoint(db, row);
  return row;
}

/**
 * True when the checkpoint is signed by one of the trusted public keys. The key stored in the row
 * only says which one; a checkpoint signed by any other key is not trusted.
 */
export function checkpointSignatureValid(c: AuditCheckpointRow, trustedKeys: readonly string[]): boolean {
  if (!trustedKeys.includes(c.public_key)) return false;
  const signature = hexToBytes(c.signature);
  if (!signature) return false;
  try {
    return sm2Verify(c.public_key, checkpointMessage({ seq: Number(c.seq), hash: c.hash, at: c.at }), signature);
  } catch {
    return false;
  }
}
