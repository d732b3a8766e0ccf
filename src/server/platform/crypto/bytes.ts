/** Bytes, or a string taken as its UTF-8 encoding. */
export type BinaryInput = Uint8Array | string;

const encoder = new TextEncoder();

export function toBytes(input: BinaryInput): Uint8Array {
  return typeof input === 'string' ? encoder.encode(input) : input;
}

export function bytesToHex(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex');
}

/** Strict: an even number of hex digits, nothing else. */
export function hexToBytes(hex: string): Uint8Array | undefined {
  if (hex.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(hex)) return undefined;
  return new Uint8Array(Buffer.from(hex, 'hex'));
}

export function concatBytes(...parts: Uint8Array[]): Uint8Array {
  return new Uint8Array(Buffer.concat(parts));
}
