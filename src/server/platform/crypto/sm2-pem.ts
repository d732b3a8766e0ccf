import { ECParameters, ECPrivateKey, id_ecPublicKey } from '@peculiar/asn1-ecc';
import { PrivateKeyInfo } from '@peculiar/asn1-pkcs8';
import { AsnConvert, OctetString } from '@peculiar/asn1-schema';
import { AlgorithmIdentifier, SubjectPublicKeyInfo } from '@peculiar/asn1-x509';
import { bytesToHex, hexToBytes } from './bytes.js';
import { CryptoError } from './crypto.errors.js';
import { type Sm2KeyPair, checkSm2PrivateKey, checkSm2PublicKey, sm2PublicKeyOf } from './sm2.js';

/**
 * SM2 keys in the PEM forms OpenSSL reads and writes: keys are `id-ecPublicKey` with the named
 * curve SM2 (GB/T 33560: 1.2.156.10197.1.301), exactly as `openssl genpkey -algorithm EC -pkeyopt
 * ec_paramgen_curve:SM2` produces them.
 */

/** OID of the SM2 curve, used as the EC named curve. */
export const SM2_CURVE_OID = '1.2.156.10197.1.301';

function invalid(reason: string, cause?: unknown): CryptoError {
  return new CryptoError('crypto.key_invalid', { details: { reason }, cause });
}

function sm2Algorithm(): AlgorithmIdentifier {
  return new AlgorithmIdentifier({
    algorithm: id_ecPublicKey,
    parameters: AsnConvert.serialize(new ECParameters({ namedCurve: SM2_CURVE_OID })),
  });
}

function isSm2Algorithm(algorithm: AlgorithmIdentifier): boolean {
  if (algorithm.algorithm !== id_ecPublicKey || !algorithm.parameters) return false;
  try {
    return AsnConvert.parse(algorithm.parameters, ECParameters).namedCurve === SM2_CURVE_OID;
  } catch {
    return false;
  }
}

function toPem(label: string, der: ArrayBuffer): string {
  const lines = Buffer.from(der).toString('base64').match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

function fromPem(pem: string): { label: string; der: Uint8Array } {
  const match = /-----BEGIN ([A-Z0-9 ]+)-----([A-Za-z0-9+/=\s]+)-----END \1-----/.exec(pem);
  if (!match) throw invalid('not a PEM block');
  return { label: match[1]!, der: new Uint8Array(Buffer.from(match[2]!.replace(/\s+/g, ''), 'base64')) };
}

function pointBytes(publicKeyHex: string): Uint8Array {
  return hexToBytes(checkSm2PublicKey(publicKeyHex))!;
}

/** `-----BEGIN PUBLIC KEY-----`: a SubjectPublicKeyInfo holding the uncompressed point. */
export function sm2PublicKeyToPem(publicKeyHex: string): string {
  const point = pointBytes(publicKeyHex);
  const spki = new SubjectPublicKeyInfo({ algorithm: sm2Algorithm(), subjectPublicKey: new Uint8Array(point).buffer });
  return toPem('PUBLIC KEY', AsnConvert.serialize(spki));
}

/**
 * `-----BEGIN PRIVATE KEY-----`: unencrypted PKCS#8 wrapping a SEC1 ECPrivateKey with its public
 * point. Whoever holds the file can sign: write it only to storage as protected as the key.
 */
export function sm2PrivateKeyToPem(privateKeyHex: string): string {
  const d = hexToBytes(checkSm2PrivateKey(privateKeyHex))!;
  const ecKey = new ECPrivateKey({
    version: 1,
    privateKey: new OctetString(d),
    publicKey: new Uint8Array(pointBytes(sm2PublicKeyOf(privateKeyHex))).buffer,
  });
  const info = new PrivateKeyInfo({
    version: 0,
    privateKeyAlgorithm: sm2Algorithm(),
    privateKey: new OctetString(AsnConvert.serialize(ecKey)),
  });
  return toPem('PRIVATE KEY', AsnConvert.serialize(info));
}

/** The public key hex (04 | x | y) from a `PUBLIC KEY` PEM with the SM2 curve. */
export function sm2PublicKeyFromPem(pem: string): string {
  const { label, der } = fromPem(pem);
  if (label !== 'PUBLIC KEY') throw invalid(`expected PUBLIC KEY, got ${label}`);
  let spki: SubjectPublicKeyInfo;
  try {
    spki = AsnConvert.parse(der, SubjectPublicKeyInfo);
  } catch (cause) {
    throw invalid('malformed SubjectPublicKeyInfo', cause);
  }
  if (!isSm2Algorithm(spki.algorithm)) throw invalid('not an SM2 public key');
  return checkSm2PublicKey(bytesToHex(new Uint8Array(spki.subjectPublicKey)));
}

function keyPairFromSec1(ecKey: ECPrivateKey): Sm2KeyPair {
  const privateKey = checkSm2PrivateKey(bytesToHex(new Uint8Array(ecKey.privateKey.buffer)).padStart(64, '0'));
  const publicKey = sm2PublicKeyOf(privateKey);
  if (ecKey.publicKey && bytesToHex(new Uint8Array(ecKey.publicKey)) !== publicKey) {
    throw invalid('the public key in the file does not match the private key');
  }
  return { privateKey, publicKey };
}

/**
 * The key pair from an unencrypted `PRIVATE KEY` (PKCS#8) or `EC PRIVATE KEY` / `SM2 PRIVATE KEY`
 * (SEC1) PEM with the SM2 curve. Encrypted PEM is refused: decrypt it with the key's passphrase first.
 */
export function sm2PrivateKeyFromPem(pem: string): Sm2KeyPair {
  const { label, der } = fromPem(pem);
  try {
    if (label === 'PRIVATE KEY') {
      const info = AsnConvert.parse(der, PrivateKeyInfo);
      if (!isSm2Algorithm(info.privateKeyAlgorithm)) throw invalid('not an SM2 private key');
      const ecKey = AsnConvert.parse(info.privateKey.buffer, ECPrivateKey);
      if (ecKey.parameters && ecKey.parameters.namedCurve !== SM2_CURVE_OID) throw invalid('curve mismatch');
      return keyPairFromSec1(ecKey);
    }
    // OpenSSL 3 labels SEC1 keys on the SM2 curve `SM2 PRIVATE KEY`; the DER is the same.
    if (label === 'EC PRIVATE KEY' || label === 'SM2 PRIVATE KEY') {
      const ecKey = AsnConvert.parse(der, ECPrivateKey);
      if (ecKey.parameters?.namedCurve !== SM2_CURVE_OID) throw invalid('not an SM2 private key');
      return keyPairFromSec1(ecKey);
    }
  } catch (error) {
    throw error instanceof CryptoError ? error : invalid('malformed private key', error);
  }
  throw invalid(`expected an unencrypted private key, got ${label}`);
}
