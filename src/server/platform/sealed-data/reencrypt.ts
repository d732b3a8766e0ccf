import type { Db } from '../../db/database.js';
import type { PlatformKeys } from '../keys.js';
import { fieldCipher } from './field-cipher.js';
import { type SealedColumn, sealedContext } from './sealed-column.js';
import { sealedDataRepository as repo, type SealedRow } from './sealed-data.repository.js';

export interface KeyUsage {
  /** Envelopes per data key id. */
  readonly envelopesByKey: ReadonlyMap<number, number>;
  /** Blind indexes not made with the current index key. */
  readonly staleIndexes: number;
  /** Envelopes no key in the key file opens (lost key or damaged row), by column. */
  readonly unreadable: readonly { readonly column: string; readonly key: string }[];
}

export interface ReencryptReport {
  readonly scanned: number;
  readonly rewritten: number;
  /** Rows changed by someone else while being rewritten; they already hold a fresh envelope. */
  readonly skipped: number;
  readonly unreadable: readonly { readonly column: string; readonly key: string }[];
  readonly keyId: number;
}

const label = (column: SealedColumn) => `${column.table}.${column.column}`;

async function* rowsOf(db: Db, column: SealedColumn, batch: number): AsyncGenerator<SealedRow[]> {
  let after: string | null = null;
  for (;;) {
    const rows = await repo.page(db, column, after, batch);
    if (!rows.length) return;
    yield rows;
    after = rows.at(-1)!.key;
  }
}

/** What each row needs: its plain value when it is out of date, or null when current. */
function inspect(keys: PlatformKeys, column: SealedColumn, row: SealedRow): { plain: string; stale: boolean } {
  const cipher = fieldCipher(keys);
  const plain = cipher.open(sealedContext(column, row.key), row.sealed);
  const staleKey = cipher.keyIdOf(row.sealed) !== cipher.currentKeyId;
  const staleIndex = Boolean(column.index) && row.index !== cipher.index(column.index!.field, plain);
  return { plain, stale: staleKey || staleIndex };
}

/**
 * Moves every declared envelope to the current data key and rewrites every blind index with the
 * current index key, in batches (one transaction each) while the server keeps running. A row a
 * user changes meanwhile is left as the user wrote it.
 */
export async function reencryptSealedData(
  db: Db,
  keys: PlatformKeys,
  columns: readonly SealedColumn[],
  options: { readonly batch?: number; readonly onProgress?: (column: string, scanned: number) => void } = {},
): Promise<ReencryptReport> {
  const cipher = fieldCipher(keys);
  const batch = options.batch ?? 500;
  let scanned = 0;
  let rewritten = 0;
  let skipped = 0;
  const unreadable: { column: string; key: string }[] = [];
  for (const column of columns) {
    for await (const rows of rowsOf(db, column, batch)) {
      await db.transaction().execute(async (trx) => {
        for (const row of rows) {
          let state: { plain: string; stale: boolean };
          try {
            state = inspect(keys, column, row);
          } catch {
            unreadable.push({ column: label(column), key: row.key });
            continue;
          }
          if (!state.stale) continue;
          const sealed = cipher.seal(sealedContext(column, row.key), state.plain);
          const index = column.index ? cipher.index(column.index.field, state.plain) : null;
          if (await repo.replace(trx, column, row, sealed, index)) rewritten++;
          else skipped++;
        }
      });
      scanned += rows.length;
      options.onProgress?.(label(column), scanned);
    }
  }
  return { scanned, rewritten, skipped, unreadable, keyId: cipher.currentKeyId };
}

/** Which data keys the stored envelopes use, and how many blind indexes are stale. */
export async function sealedKeyUsage(db: Db, keys: PlatformKeys, columns: readonly SealedColumn[]): Promise<KeyUsage> {
  const cipher = fieldCipher(keys);
  const envelopesByKey = new Map<number, number>();
  let staleIndexes = 0;
  const unreadable: { column: string; key: string }[] = [];
  for (const column of columns) {
    for await (const rows of rowsOf(db, column, 1000)) {
      for (const row of rows) {
        let keyId: number;
        let plain: string;
        try {
          keyId = cipher.keyIdOf(row.sealed);
          plain = cipher.open(sealedContext(column, row.key), row.sealed);
        } catch {
          unreadable.push({ column: label(column), key: row.key });
          continue;
        }
        envelopesByKey.set(keyId, (envelopesByKey.get(keyId) ?? 0) + 1);
        if (column.index && row.index !== cipher.index(column.index.field, plain)) staleIndexes++;
      }
    }
  }
  return { envelopesByKey, staleIndexes, unreadable };
}
