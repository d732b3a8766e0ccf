import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify } from 'node:crypto';
import { ECParameters, id_ecPublicKey, id_ecdsaWithSHA256, id_secp256r1 } from '@peculiar/asn1-ecc';
import { AsnConvert } from '@peculiar/asn1-schema';
import { AlgorithmIdentifier, SubjectPublicKeyInfo } from '@peculiar/asn1-x509';
import {
  SM2_CURVE_OID,
  sm2GenerateKeyPair,
  sm2PrivateKeyFromPem,
  sm2PrivateKeyToPem,
  sm2PublicKeyToPem,
  sm2Sign,
  sm2Verify,
} from '../../platform/crypto/index.js';

/**
 * The two key profiles of the CA. `sm2` (SM2 keys, SM2-with-SM3 signatures, signer ID
 * 1234567812345678) is the default and what 密评 expects; `p256` (ECDSA P-256 with SHA-256) exists
 * only for browsers and other software that cannot check SM2.
 */
export const caProfiles = ['sm2', 'p256'] as const;
export type CaProfile = (typeof caProfiles)[number];

/** GM/T 0006: SM2 signature with SM3 (`SM2-with-SM3`). */
export const SM2_WITH_SM3_OID = '1.2.156.10197.1.501';

/** Private keys travel as unencrypted PKCS#8 PEM for both profiles, so callers need one format only. */
export interface GeneratedKey {
  readonly privateKeyPem: string;
  readonly spki: SubjectPublicKeyInfo;
}

export function pemEncode(label: string, der: Uint8Array | ArrayBuffer): string {
  const lines = Buffer.from(der instanceof ArrayBuffer ? new Uint8Array(der) : der).toString('base64').match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

/** The DER inside the first PEM block with `label`, or undefined. */
export function pemDecode(pem: string, label: string): Uint8Array | undefined {
  const match = new RegExp(`-----BEGIN ${label}-----([A-Za-z0-9+/=\\s]+)-----END ${label}-----`).exec(pem);
  return match ? new Uint8Array(Buffer.from(match[1]!.replace(/\s+/g, ''), 'base64')) : undefined;
}

export function signatureAlgorithmOf(profile: CaProfile): AlgorithmIdentifier {
  // Both signature algorithms take no parameters (RFC 5758 §3.2, GM/T 0015).
  return new AlgorithmIdentifier({ algorithm: profile === 'sm2' ? SM2_WITH_SM3_OID : id_ecdsaWithSHA256 });
}

/** The profile a signature algorithm OID belongs to. */
export function profileOfSignatureAlgorithm(oid: string): CaProfile | undefined {
  return oid === SM2_WITH_SM3_OID ? 'sm2' : oid === id_ecdsaWithSHA256 ? 'p256' : undefined;
}

/** The profile of an EC public key by its named curve; undefined for anything else. */
export function profileOfSpki(spki: SubjectPublicKeyInfo): CaProfile | undefined {
  if (spki.algorithm.algorithm !== id_ecPublicKey || !spki.algorithm.parameters) return undefined;
  try {
    const curve = AsnConvert.parse(spki.algorithm.parameters, ECParameters).namedCurve;
    return curve === SM2_CURVE_OID ? 'sm2' : curve === id_secp256r1 ? 'p256' : undefined;
  } catch {
    return undefined;
  }
}

function spkiFromDer(der: Uint8Array | ArrayBuffer): SubjectPublicKeyInfo {
  return AsnConvert.parse(der, SubjectPublicKeyInfo);
}

/** A new key pair of the profile from the system CSPRNG. */
export function generateKey(profile: CaProfile): GeneratedKey {
  if (profile === 'sm2') {
    const pair = sm2GenerateKeyPair();
    return { privateKeyPem: sm2PrivateKeyToPem(pair.privateKey), spki: spkiFromDer(pemDecode(sm2PublicKeyToPem(pair.publicKey), 'PUBLIC KEY')!) };
  }
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  return {
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    spki: spkiFromDer(publicKey.export({ type: 'spki', format: 'der' })),
  };
}

/** The public key that belongs to a PKCS#8 private key of the profile. */
export function spkiOfPrivateKey(profile: CaProfile, privateKeyPem: string): SubjectPublicKeyInfo {
  if (profile === 'sm2') {
    return spkiFromDer(pemDecode(sm2PublicKeyToPem(sm2PrivateKeyFromPem(privateKeyPem).publicKey), 'PUBLIC KEY')!);
  }
  return spkiFromDer(createPublicKey(createPrivateKey(privateKeyPem)).export({ type: 'spki', format: 'der' }));
}

/**
 * The DER signature of `data` by the key: SM2 over SM3(Z ‖ data) with the default signer ID
 * (never Node's `sign`, which does plain ECDSA on SM2 keys), or ECDSA P-256 over SHA-256.
 */
export function signData(profile: CaProfile, privateKeyPem: string, data: Uint8Array): Uint8Array {
  if (profile === 'sm2') return sm2Sign(sm2PrivateKeyFromPem(privateKeyPem).privateKey, data);
  return new Uint8Array(sign('sha256', data, { key: createPrivateKey(privateKeyPem), dsaEncoding: 'der' }));
}

/** Whether `signature` over `data` verifies with the public key, using the algorithm `profile` names. */
export function verifyData(profile: CaProfile, spki: SubjectPublicKeyInfo, data: Uint8Array, signature: Uint8Array): boolean {
  if (profileOfSpki(spki) !== profile) return false;
  try {
    if (profile === 'sm2') return sm2Verify(Buffer.from(spki.subjectPublicKey).toString('hex'), data, signature);
    const key = createPublicKey({ key: Buffer.from(AsnConvert.serialize(spki)), format: 'der', type: 'spki' });
    return verify('sha256', data, { key, dsaEncoding: 'der' }, signature);
  } catch {
    return false;
  }
}
