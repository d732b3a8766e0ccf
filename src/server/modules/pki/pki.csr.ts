import { AsnConvert } from '@peculiar/asn1-schema';
import { AlgorithmIdentifier, Name, SubjectPublicKeyInfo } from '@peculiar/asn1-x509';
import * as asn1js from 'asn1js';
import { type CaProfile, pemDecode, profileOfSignatureAlgorithm, profileOfSpki, verifyData } from './pki.keys.js';
import { type SubjectFields, readName } from './pki.x509.js';

/** What the CA takes from a PKCS#10 request: only the public key; the subject is the CA's to decide. */
export interface CertificationRequest {
  readonly profile: CaProfile;
  readonly spki: SubjectPublicKeyInfo;
  /** The subject the requester asked for, for display; the certificate uses the CA's own subject. */
  readonly requestedSubject: SubjectFields;
}

export class CsrError extends Error {}

function elements(block: asn1js.AsnType | undefined, count: number, what: string): asn1js.BaseBlock[] {
  if (!(block instanceof asn1js.Sequence) || block.valueBlock.value.length < count) throw new CsrError(`${what} is not a SEQUENCE`);
  return block.valueBlock.value;
}

/**
 * Parses a PEM or DER PKCS#10 request (RFC 2986) and checks its self-signature: SM2-with-SM3 with the
 * signer ID 1234567812345678 (what `openssl req -sigopt distid:1234567812345678` writes), or
 * ecdsa-with-SHA256 for a P-256 key. `@peculiar/asn1-csr` is not a dependency, so the three-part
 * outer structure is split with asn1js and the parts parsed with the X.509 schema classes.
 */
export function parseCertificationRequest(input: string | Uint8Array): CertificationRequest {
  const der = typeof input === 'string' ? (pemDecode(input, 'CERTIFICATE REQUEST') ?? pemDecode(input, 'NEW CERTIFICATE REQUEST')) : input;
  if (!der) throw new CsrError('no CERTIFICATE REQUEST PEM block');
  const parsed = asn1js.fromBER(new Uint8Array(der));
  if (parsed.offset === -1 || parsed.offset !== der.length) throw new CsrError('malformed DER');
  const [info, algorithm, signature] = elements(parsed.result, 3, 'CertificationRequest');
  const [version, subject, spkiBlock] = elements(info, 3, 'CertificationRequestInfo');
  if (!(version instanceof asn1js.Integer) || version.valueBlock.valueDec !== 0) throw new CsrError('unsupported version');
  if (!(signature instanceof asn1js.BitString) || signature.valueBlock.unusedBits !== 0) throw new CsrError('bad signature BIT STRING');
  try {
    const spki = AsnConvert.parse(spkiBlock!.valueBeforeDecodeView, SubjectPublicKeyInfo);
    const signatureAlgorithm = AsnConvert.parse(algorithm!.valueBeforeDecodeView, AlgorithmIdentifier);
    const profile = profileOfSpki(spki);
    if (!profile) throw new CsrError('the key is neither SM2 nor P-256');
    if (profileOfSignatureAlgorithm(signatureAlgorithm.algorithm) !== profile) throw new CsrError('signature algorithm does not fit the key');
    if (!verifyData(profile, spki, info!.valueBeforeDecodeView, signature.valueBlock.valueHexView)) {
      throw new CsrError('the request is not signed by its own key');
    }
    return { profile, spki, requestedSubject: readName(AsnConvert.parse(subject!.valueBeforeDecodeView, Name)) };
  } catch (error) {
    throw error instanceof CsrError ? error : new CsrError(`malformed request: ${(error as Error).message}`);
  }
}
