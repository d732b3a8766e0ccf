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

/** `ECDSA-Sig-Value ::= SEQUENCE { r INTEGER, s INTEGER }` (RFC 3279; GM/T 0009 uses the same). */
export function encodeSm2Signature(r: bigint, s: bigint): Uint8Array {
  return toDer(new Sequence({ value: [Integer.fromBigInt(r), Integer.fromBigInt(s)] }));
}

export function decodeSm2Signature(der: Uint8Array): { r: bigint; s: bigint } | undefined {
  const items = sequenceOf(der);
  if (items?.length !== 2) return undefined;
  const r = unsigned(items[0]);
  const s = unsigned(items[1]);
  if (r === undefined || s === undefined) return undefined;
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
