/**
 * The workbench's signing helper: reads the user's SM2 private key file (PEM) and signs a
 * certificate challenge in the browser with sm-crypto-v2. The key never leaves the page.
 *
 * Accepted files: unencrypted PKCS#8 (`PRIVATE KEY`, what the platform's CA hands out with a
 * generated key), SEC1 (`EC PRIVATE KEY` / `SM2 PRIVATE KEY`, what `openssl` writes), and PKCS#8
 * encrypted with PBES2 (PBKDF2 with HMAC-SHA-1/-256/-384/-512, AES-128/192/256-CBC or SM4-CBC), as
 * `openssl pkcs8 -topk8 -v2 aes-256-cbc` writes it. Decrypting needs WebCrypto, which browsers offer
 * only on HTTPS pages (and on localhost).
 */
import { ECParameters, ECPrivateKey, id_ecPublicKey } from '@peculiar/asn1-ecc';
import { EncryptedPrivateKeyInfo, PrivateKeyInfo } from '@peculiar/asn1-pkcs8';
import { AsnConvert } from '@peculiar/asn1-schema';
import * as asn1js from 'asn1js';
import { sm2, sm4 } from 'sm-crypto-v2';
import { certificateSignerId } from '../../shared/certificate-challenge.js';

const SM2_CURVE = '1.2.156.10197.1.301';
/** The SM2 group order n. */
const N = 0xfffffffeffffffffffffffffffffffff7203df6b21c6052b53bbf40939d54123n;

/** A key file the helper cannot use; the message says why, in Chinese, for the user. */
export class KeyFileError extends Error {
  override name = 'KeyFileError';
}

/** An SM2 key pair as hex: d (64 digits) and the uncompressed public point 04‖x‖y. */
export interface Sm2Key {
  readonly privateKey: string;
  readonly publicKey: string;
}

interface PemBlock {
  readonly label: string;
  readonly der: Uint8Array;
}

const toHex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
const fromHex = (hex: string) => new Uint8Array((hex.match(/../g) ?? []).map((h) => Number.parseInt(h, 16)));
const fromBase64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
const toBase64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
/** A standalone ArrayBuffer of the bytes (WebCrypto and the ASN.1 parsers want one). */
const buffer = (bytes: Uint8Array): ArrayBuffer => bytes.slice().buffer;

/** Every PEM block in a text, in order. */
export function pemBlocks(text: string): PemBlock[] {
  const blocks: PemBlock[] = [];
  for (const match of text.matchAll(/-----BEGIN ([A-Z0-9 ]+)-----([A-Za-z0-9+/=\s]*?)-----END \1-----/g)) {
    try {
      blocks.push({ label: match[1]!, der: fromBase64(match[2]!.replace(/\s+/g, '')) });
    } catch {
      // Not base64: not a block we can use.
    }
  }
  return blocks;
}

const keyLabels = ['PRIVATE KEY', 'ENCRYPTED PRIVATE KEY', 'EC PRIVATE KEY', 'SM2 PRIVATE KEY'];

/** The certificate (PEM) in a text, if it holds one. */
export function certificateIn(text: string): string | undefined {
  return /-----BEGIN CERTIFICATE-----[A-Za-z0-9+/=\s]+-----END CERTIFICATE-----/.exec(text)?.[0];
}

/** Whether the text holds a private key, and whether that key is encrypted. */
export function keyKindOf(text: string): 'none' | 'plain' | 'encrypted' {
  const block = pemBlocks(text).find((b) => keyLabels.includes(b.label));
  return !block ? 'none' : block.label === 'ENCRYPTED PRIVATE KEY' ? 'encrypted' : 'plain';
}

function keyPairFromSec1(der: ArrayBuffer): Sm2Key {
  const ecKey = AsnConvert.parse(der, ECPrivateKey);
  if (ecKey.parameters?.namedCurve !== undefined && ecKey.parameters.namedCurve !== SM2_CURVE) throw new KeyFileError('该私钥不是 SM2 密钥');
  const privateKey = toHex(new Uint8Array(ecKey.privateKey.buffer)).padStart(64, '0');
  const d = BigInt(`0x${privateKey}`);
  if (privateKey.length !== 64 || d < 1n || d > N - 2n) throw new KeyFileError('私钥数值无效');
  const publicKey = sm2.getPublicKeyFromPrivateKey(privateKey);
  if (ecKey.publicKey && toHex(new Uint8Array(ecKey.publicKey)) !== publicKey) throw new KeyFileError('私钥文件中的公钥与私钥不匹配');
  return { privateKey, publicKey };
}

function keyPairFromPkcs8(der: ArrayBuffer): Sm2Key {
  const info = AsnConvert.parse(der, PrivateKeyInfo);
  const algorithm = info.privateKeyAlgorithm;
  const curve = algorithm.parameters ? AsnConvert.parse(algorithm.parameters, ECParameters).namedCurve : undefined;
  if (algorithm.algorithm !== id_ecPublicKey || curve !== SM2_CURVE) throw new KeyFileError('该私钥不是 SM2 密钥');
  return keyPairFromSec1(info.privateKey.buffer);
}

// PBES2 (RFC 8018) as OpenSSL writes it.
const PBES2 = '1.2.840.113549.1.5.13';
const PBKDF2 = '1.2.840.113549.1.5.12';
const prfs: Record<string, string> = {
  '1.2.840.113549.2.7': 'SHA-1',
  '1.2.840.113549.2.9': 'SHA-256',
  '1.2.840.113549.2.10': 'SHA-384',
  '1.2.840.113549.2.11': 'SHA-512',
};
const ciphers: Record<string, { name: 'AES-CBC' | 'SM4-CBC'; keyLength: number }> = {
  '2.16.840.1.101.3.4.1.2': { name: 'AES-CBC', keyLength: 16 },
  '2.16.840.1.101.3.4.1.22': { name: 'AES-CBC', keyLength: 24 },
  '2.16.840.1.101.3.4.1.42': { name: 'AES-CBC', keyLength: 32 },
  '1.2.156.10197.1.104.2': { name: 'SM4-CBC', keyLength: 16 },
};

const unsupported = () => new KeyFileError('不支持该私钥的加密方式（支持 PBES2：PBKDF2 + AES-CBC 或 SM4-CBC）');

/** The children of a DER SEQUENCE, or throws. */
function sequence(block: asn1js.AsnType | undefined): asn1js.AsnType[] {
  if (!(block instanceof asn1js.Sequence)) throw unsupported();
  return block.valueBlock.value;
}

function oid(block: asn1js.AsnType | undefined): string {
  if (!(block instanceof asn1js.ObjectIdentifier)) throw unsupported();
  return block.getValue();
}

function octets(block: asn1js.AsnType | undefined): Uint8Array {
  if (!(block instanceof asn1js.OctetString)) throw unsupported();
  return block.valueBlock.valueHexView.slice();
}

function integer(block: asn1js.AsnType | undefined): number {
  if (!(block instanceof asn1js.Integer)) throw unsupported();
  return block.valueBlock.valueDec;
}

/** The PKCS#8 DER inside an `ENCRYPTED PRIVATE KEY`. */
async function decryptPkcs8(der: ArrayBuffer, passphrase: string): Promise<ArrayBuffer> {
  const info = AsnConvert.parse(der, EncryptedPrivateKeyInfo);
  if (info.encryptionAlgorithm.algorithm !== PBES2 || !info.encryptionAlgorithm.parameters) throw unsupported();
  const parsed = asn1js.fromBER(info.encryptionAlgorithm.parameters);
  if (parsed.offset === -1) throw unsupported();
  const [kdf, scheme] = sequence(parsed.result);
  const [kdfOid, kdfParams] = sequence(kdf);
  if (oid(kdfOid) !== PBKDF2) throw unsupported();
  const [saltBlock, iterationBlock, ...rest] = sequence(kdfParams);
  const prfBlock = rest.find((b) => b instanceof asn1js.Sequence);
  const hash = prfBlock ? prfs[oid(sequence(prfBlock)[0])] : 'SHA-1';
  const [schemeOid, ivBlock] = sequence(scheme);
  const cipher = ciphers[oid(schemeOid)];
  if (!hash || !cipher) throw unsupported();
  const iv = octets(ivBlock);
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) throw new KeyFileError('浏览器只在 HTTPS 页面中提供解密所需的功能，请通过 HTTPS 访问或使用未加密的私钥');
  const baseKey = await subtle.importKey('raw', new TextEncoder().encode(passphrase), 'PBKDF2', false, ['deriveBits']);
  const bits = await subtle.deriveBits(
    { name: 'PBKDF2', salt: buffer(octets(saltBlock)), iterations: integer(iterationBlock), hash },
    baseKey,
    cipher.keyLength * 8,
  );
  const data = new Uint8Array(info.encryptedData.buffer);
  try {
    if (cipher.name === 'AES-CBC') {
      const key = await subtle.importKey('raw', bits, 'AES-CBC', false, ['decrypt']);
      return await subtle.decrypt({ name: 'AES-CBC', iv: buffer(iv) }, key, buffer(data));
    }
    const padded = sm4.decrypt(data, toHex(new Uint8Array(bits)), { mode: 'cbc', iv: toHex(iv), padding: 'none', output: 'array' });
    const pad = padded[padded.length - 1] ?? 0;
    if (pad < 1 || pad > 16 || padded.length < pad || padded.subarray(padded.length - pad).some((b) => b !== pad)) throw new Error('padding');
    return buffer(padded.subarray(0, padded.length - pad));
  } catch {
    throw new KeyFileError('口令不正确，无法解密私钥');
  }
}

/**
 * The SM2 key pair in a PEM text (the first private key block). An encrypted key needs its
 * passphrase. Throws {@link KeyFileError} with a message for the user.
 */
export async function readSm2Key(text: string, passphrase?: string): Promise<Sm2Key> {
  const block = pemBlocks(text).find((b) => keyLabels.includes(b.label));
  if (!block) throw new KeyFileError('文件中没有 PEM 格式的私钥（应以 -----BEGIN PRIVATE KEY----- 开头）');
  try {
    if (block.label === 'ENCRYPTED PRIVATE KEY') {
      if (!passphrase) throw new KeyFileError('私钥已加密，请输入私钥口令');
      return keyPairFromPkcs8(await decryptPkcs8(buffer(block.der), passphrase));
    }
    return block.label === 'PRIVATE KEY' ? keyPairFromPkcs8(buffer(block.der)) : keyPairFromSec1(buffer(block.der));
  } catch (error) {
    if (error instanceof KeyFileError) throw error;
    throw new KeyFileError('私钥文件已损坏或格式不正确');
  }
}

/** The SM2 signature (SM3, signer ID 1234567812345678, DER) of `message` as UTF-8, in base64. */
export function signMessage(key: Sm2Key, message: string): string {
  const der = sm2.doSignature(new TextEncoder().encode(message), key.privateKey, {
    hash: true,
    der: true,
    publicKey: key.publicKey,
    userId: certificateSignerId,
  });
  return toBase64(fromHex(der));
}
