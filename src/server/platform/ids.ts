import { randomFillSync } from 'node:crypto';
import { v7 as uuidv7, validate, version } from 'uuid';

// Random bytes are drawn from a pool refilled 256 ids at a time: one getRandomValues call per id
// was the largest single cost of serving a cached page (request ids are ids too).
const pool = new Uint8Array(16 * 256);
let offset = pool.length;
function randomBytes16(): Uint8Array {
  if (offset >= pool.length) {
    randomFillSync(pool);
    offset = 0;
  }
  const bytes = pool.subarray(offset, offset + 16);
  offset += 16;
  return bytes;
}

// UUIDv7 with a counter within the same millisecond (RFC 9562 §6.2 method 1), as uuid's own v7 keeps.
const state = { msecs: -Infinity, seq: 0 };

/** A new time-sortable id (UUIDv7): ids created later in this process sort after earlier ones. */
export function newId(): string {
  const random = randomBytes16();
  const now = Date.now();
  if (now > state.msecs) {
    state.msecs = now;
    state.seq = ((random[6]! & 0x7f) << 24) | (random[7]! << 16) | (random[8]! << 8) | random[9]!;
  } else {
    state.seq = (state.seq + 1) | 0;
    if (state.seq === 0) state.msecs++;
  }
  return uuidv7({ random, msecs: state.msecs, seq: state.seq });
}

export function isId(value: string): boolean {
  return validate(value) && version(value) === 7;
}
