import { randomBytes } from 'node:crypto';
import { sm2 as sm2Lib } from 'sm-crypto-v2';

/**
 * The costly parts of SM2 signing and verification, made cheap with what `sm-crypto-v2` offers:
 * its points (from `precomputePublicKey`, which builds a wNAF table for a point) and `getZ`.
 *
 * - The base point G gets a window-10 table (27 additions per multiplication instead of the
 *   library's 33 with window 8; about 0.2 s and 3 MB once per process, built on first use).
 * - Public keys used more than once get a window-8 table of their own (about 40 ms each), kept
 *   for the last {@link CACHE_SIZE} keys; the first verification under a key goes without.
 * - Z (SM3 of the signer ID, the curve and the public key) is constant per key and ID, so cached.
 *
 * Everything cached is derived from public values, except the private → public key map, which
 * holds what the caller already keeps in memory.
 */

/** SM2 curve order n. */
export const N = 0xfffffffeffffffffffffffffffffffff7203df6b21c6052b53bbf40939d54123n;

const G_HEX =
  '0432c4ae2c1f1981195f9904466a39c9948fe30bbff2660be1715a4589334c74c7bc3736a2f4f6779c59bdcee36b692153d0a9877cc62a474002df32e52139f0a0';
const G_WINDOW = 10;
const KEY_WINDOW = 8;
const CACHE_SIZE = 32;

type Point = ReturnType<typeof sm2Lib.precomputePublicKey>;

/** A small least-recently-used map: reads move the entry to the end, the oldest falls out. */
class Lru<V> {
  private readonly entries = new Map<string, V>();
  get(key: string): V | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }
  set(key: string, value: V): V {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > CACHE_SIZE) this.entries.delete(this.entries.keys().next().value!);
    return value;
  }
}

let base: Point | undefined;
/** G with its window-10 table (the table is built by the first multiplication). */
function basePoint(): Point {
  base ??= sm2Lib.precomputePublicKey(G_HEX, G_WINDOW);
  return base;
}

const publicKeys = new Lru<string>();
/** The public key of a checked private key, through `derive` on first sight. */
export function cachedPublicKey(privateKey: string, derive: (privateKey: string) => string): string {
  return publicKeys.get(privateKey) ?? publicKeys.set(privateKey, derive(privateKey));
}

const validKeys = new Lru<boolean>();
/** Whether a (lowercase, well-formed) public key is on the curve, through `check` on first sight. */
export function cachedKeyCheck(publicKey: string, check: (publicKey: string) => boolean): boolean {
  return validKeys.get(publicKey) ?? validKeys.set(publicKey, check(publicKey));
}

const zValues = new Lru<Uint8Array>();
/** Z = SM3(ENTL ‖ ID ‖ a ‖ b ‖ xG ‖ yG ‖ xA ‖ yA) (GB/T 32918.2 §5.5). */
export function zOf(publicKey: string, userId: string): Uint8Array {
  const key = `${publicKey}\n${userId}`;
  return zValues.get(key) ?? zValues.set(key, sm2Lib.getZ(publicKey, userId));
}

const keyPoints = new Lru<{ uses: number; point: Point | undefined }>();
/** The public key as a point with its own table once the key has been used before; else undefined. */
function tabledPoint(publicKey: string): Point | undefined {
  const entry = keyPoints.get(publicKey) ?? keyPoints.set(publicKey, { uses: 0, point: undefined });
  entry.uses += 1;
  if (!entry.point && entry.uses >= 2) entry.point = sm2Lib.precomputePublicKey(publicKey, KEY_WINDOW);
  return entry.point;
}

/** A uniformly random scalar in [1, n − 1] (40 bytes reduced, so the bias is below 2⁻⁶⁴). */
function randomScalar(): bigint {
  return (BigInt(`0x${randomBytes(40).toString('hex')}`) % (N - 1n)) + 1n;
}

/** A fresh (k, x1 of k·G) for `doSignature`'s point pool: one multiplication with G's large table. */
export function signingPoint(): { k: bigint; x1: bigint } {
  const k = randomScalar();
  return { k, x1: basePoint().multiply(k).x };
}

const mod = (a: bigint) => ((a % N) + N) % N;
/** SM2 field prime p. */
const P = 0xfffffffeffffffffffffffffffffffffffffffff00000000ffffffffffffffffn;
const modP = (a: bigint) => a % P;

/**
 * The SM2 verification equation (GB/T 32918.2 §7.1, B5–B7) for a digest e = SM3(Z ‖ M) and r, s
 * already checked to lie in [1, n − 1]: t = r + s mod n ≠ 0, (x1, y1) = s·G + t·P_A, R = e + x1
 * mod n, valid when R = r. Uses the tables above; falls back to the library for a first-seen key.
 */
export function verifyDigest(publicKey: string, digest: Uint8Array, r: bigint, s: bigint): boolean {
  const point = tabledPoint(publicKey);
  if (!point) {
    const signature = r.toString(16).padStart(64, '0') + s.toString(16).padStart(64, '0');
    return sm2Lib.doVerifySignature(digest, signature, publicKey, { hash: false, der: false });
  }
  const t = mod(r + s);
  if (t === 0n) return false;
  const sum = basePoint().multiply(s).add(point.multiply(t));
  if (sum.is0()) return false;
  // R = r ⇔ x1 ≡ r − e (mod n). x1 = X / Z in the library's projective coordinates, and x1 < p < 2n,
  // so x1 is c or c + n: comparing X with c·Z saves the inversion that affine x1 would cost.
  const e = BigInt(`0x${Buffer.from(digest).toString('hex')}`);
  const c = mod(r - e);
  const { px, pz } = sum;
  return px === modP(c * pz) || (c + N < P && px === modP((c + N) * pz));
}
