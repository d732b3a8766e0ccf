import { Integer, OctetString, Sequence, fromBER } from 'asn1js';

/**
 * The two DER structures SM2 puts on the wire. Decoding is strict: input is accepted only when
 * re-encoding what was read gives back the same bytes, so BER variants, negative or padded
 * integers and trailing bytes are refused (a signature has exactly one encoding).
 */

/** An SM2 ciphertext as GM/T 0009 encodes it: C1 = (x, y), C3 = hash, C2 = ciphertext. */
export interface Sm2CiphertextParts {
  readonly x: bigint;
  readonly y: bigint;
  readonly hash: Uint8Array;
  readonly ciphertext: Uint8Array;
}

function toDer(value: Sequence): Uint8Array {
  return new Uint8Array(value.toBER());
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}

/** The elements of a DER SEQUENCE, or undefined if `der` is not exactly one SEQUENCE. */
function sequenceOf(der: Uint8Array): unknown[] | undefined {
  const { offset, result } = fromBER(der);
  if (offset !== der.length || !(result instanceof Sequence)) return undefined;
  return result.valueBlock.value;
}

function unsigned(value: unknown): bigint | undefined {
  if (!(value instanceof Integer)) return undefined;
  const n = value.toBigInt();
  return n >= 0n ? n : undefined;
}

function octets(value: unknown): Uint8Array | undefined {
  if (!(value instanceof OctetString) || value.idBlock.isConstructed) return undefined;
  return new Uint8Array(value.valueBlock.valueHexView);
}

/** The DER INTEGER content of a non-negative bigint: big-endian, minimal, a 00 before a high bit. */
function integerContent(n: bigint): Buffer {
  let hex = n.toString(16);
  if (hex.length % 2) hex = `0${hex}`;
  if (Number.parseInt(hex.slice(0, 2), 16) >= 0x80) hex = `00${hex}`;
  return Buffer.from(hex, 'hex');
}

/**
 * `ECDSA-Sig-Value ::= SEQUENCE { r INTEGER, s INTEGER }` (RFC 3279; GM/T 0009 uses the same).
 * Written by hand rather than through asn1js, which costs more than the hashing around it on the
 * audit log's hot paths.
 */
export function encodeSm2Signature(r: bigint, s: bigint): Uint8Array {
  // Below 2⁴⁸⁰ the SEQUENCE stays under 128 bytes, so every length is one byte.
  if (r < 0n || s < 0n || r >= 1n << 480n || s >= 1n << 480n) throw new RangeError('SM2 signature integers out of range');
  const rb = integerContent(r);
  const sb = integerContent(s);
  const body = Buffer.concat([Buffer.from([0x02, rb.length]), rb, Buffer.from([0x02, sb.length]), sb]);
  return new Uint8Array(Buffer.concat([Buffer.from([0x30, body.length]), body]));
}

/** r and s of a DER signature, or undefined unless `der` is exactly the encoding {@link encodeSm2Signature} writes. */
export function decodeSm2Signature(der: Uint8Array): { r: bigint; s: bigint } | undefined {
  if (der.length < 8 || der.length > 72 || der[0] !== 0x30 || der[1] !== der.length - 2 || der[2] !== 0x02) return undefined;
  const rLength = der[3]!;
  const sAt = 4 + rLength;
  if (rLength < 1 || rLength > 33 || der[sAt] !== 0x02) return undefined;
  const sLength = der[sAt + 1]!;
  if (sLength < 1 || sLength > 33 || sAt + 2 + sLength !== der.length) return undefined;
  const bytes = Buffer.from(der.buffer, der.byteOffset, der.byteLength);
  const r = BigInt(`0x${bytes.toString('hex', 4, sAt)}`);
  const s = BigInt(`0x${bytes.toString('hex', sAt + 2)}`);
  // Negative integers read as large positives here and re-encode differently, so they fail too.
  return sameBytes(encodeSm2Signature(r, s), der) ? { r, s } : undefined;
}

/** `SM2Cipher ::= SEQUENCE { x INTEGER, y INTEGER, hash OCTET STRING, ciphertext OCTET STRING }` (C1C3C2). */
export function encodeSm2Ciphertext(parts: Sm2CiphertextParts): Uint8Array {
  return toDer(
    new Sequence({
      value: [
        Integer.fromBigInt(parts.x),
        Integer.fromBigInt(parts.y),
        new OctetString({ valueHex: parts.hash }),
        new OctetString({ valueHex: parts.ciphertext }),
      ],
    }),
  );
}

export function decodeSm2Ciphertext(der: Uint8Array): Sm2CiphertextParts | undefined {
  const items = sequenceOf(der);
  if (items?.length !== 4) return undefined;
  const x = unsigned(items[0]);
  const y = unsigned(items[1]);
  const hash = octets(items[2]);
  const ciphertext = octets(items[3]);
  if (x === undefined || y === undefined || !hash || !ciphertext) return undefined;
  const parts = { x, y, hash, ciphertext };
  return sameBytes(encodeSm2Ciphertext(parts), der) ? parts : undefined;
}
