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

const idAlphabet = 'abcdefghijkmnpqrstuvwxyz23456789';
/** This process's part of every request id: 10 random characters (50 bits), drawn at start. */
const processTag = Array.from(randomBytes16().subarray(0, 10), (b) => idAlphabet[b & 31]).join('');
let requestSerial = 0;
let lastMs = 0;
let lastMsText = '';

/**
 * A new request id: the time in ms (base 36), this process's random tag and a counter, each of fixed
 * width (`mhx2k0qz1-k3x9ab2cde-0000000001`), so ids sort by time as strings and are unique across
 * nodes and restarts. Cheap enough for every request, cached pages included: a UUID cost more than
 * a microsecond of a cached page's few (the time's text is made once per millisecond for the same reason).
 */
export function newRequestId(): string {
  const now = Date.now();
  if (now !== lastMs) {
    lastMs = now;
    lastMsText = now.toString(36).padStart(9, '0');
  }
  requestSerial = (requestSerial + 1) % 10_000_000_000;
  return `${lastMsText}-${processTag}-${String(requestSerial).padStart(10, '0')}`;
}
