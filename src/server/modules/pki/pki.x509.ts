import { randomBytes } from 'node:crypto';
import { AsnConvert, OctetString } from '@peculiar/asn1-schema';
import {
  AttributeTypeAndValue,
  AttributeValue,
  AuthorityKeyIdentifier,
  BasicConstraints,
  Certificate,
  CertificateList,
  CRLDistributionPoints,
  CRLNumber,
  CRLReason,
  DistributionPoint,
  DistributionPointName,
  ExtendedKeyUsage,
  Extension,
  Extensions,
  GeneralName,
  KeyIdentifier,
  KeyUsage,
  Name,
  RelativeDistinguishedName,
  RevokedCertificate,
  SubjectKeyIdentifier,
  type SubjectPublicKeyInfo,
  TBSCertList,
  TBSCertificate,
  Time,
  Validity,
  Version,
  id_ce_authorityKeyIdentifier,
  id_ce_basicConstraints,
  id_ce_cRLDistributionPoints,
  id_ce_cRLNumber,
  id_ce_cRLReasons,
  id_ce_extKeyUsage,
  id_ce_keyUsage,
  id_ce_subjectKeyIdentifier,
} from '@peculiar/asn1-x509';
import { sm3 } from '../../platform/crypto/index.js';
import { type CaProfile, pemDecode, profileOfSignatureAlgorithm, signData, signatureAlgorithmOf } from './pki.keys.js';

/** The distinguished-name attributes the CA writes and reads. */
export interface SubjectFields {
  readonly country?: string | null;
  readonly organization?: string | null;
  readonly organizationalUnit?: string | null;
  readonly commonName: string;
  /** X.520 serialNumber: the 统一社会信用代码 of a seal's organisation. */
  readonly serialNumber?: string | null;
  /** RFC 4519 uid: a person's username. */
  readonly uid?: string | null;
}

const nameOids = {
  country: '2.5.4.6',
  organization: '2.5.4.10',
  organizationalUnit: '2.5.4.11',
  commonName: '2.5.4.3',
  serialNumber: '2.5.4.5',
  uid: '0.9.2342.19200300.100.1.1',
} as const;

/** KeyUsage bits as RFC 5280 numbers them (bit 0 = digitalSignature). */
export const keyUsageBits = { digitalSignature: 0, nonRepudiation: 1, keyCertSign: 5, cRLSign: 6 } as const;
export type KeyUsageName = keyof typeof keyUsageBits;

/** C, O, OU, CN, serialNumber, UID in that order; C and serialNumber are PrintableString, the rest UTF8String. */
export function buildName(fields: SubjectFields): Name {
  const rdns: RelativeDistinguishedName[] = [];
  for (const key of Object.keys(nameOids) as (keyof typeof nameOids)[]) {
    const value = fields[key];
    if (!value) continue;
    const printable = key === 'country' || key === 'serialNumber';
    rdns.push(
      new RelativeDistinguishedName([
        new AttributeTypeAndValue({
          type: nameOids[key],
          value: new AttributeValue(printable ? { printableString: value } : { utf8String: value }),
        }),
      ]),
    );
  }
  return new Name(rdns);
}

export function readName(name: Name): SubjectFields {
  const fields: Record<string, string> = {};
  const byOid = new Map(Object.entries(nameOids).map(([key, oid]) => [oid as string, key]));
  for (const rdn of name) for (const atv of rdn) {
    const key = byOid.get(atv.type);
    if (key) fields[key] = atv.value.toString();
  }
  return { commonName: '', ...fields };
}

export const nameDer = (name: Name): Uint8Array => new Uint8Array(AsnConvert.serialize(name));

/** A positive 16-byte serial in hex; the top byte is 0x40–0x7f so DER keeps all 16 bytes. */
export function newSerial(): string {
  const bytes = randomBytes(16);
  bytes[0] = (bytes[0]! & 0x3f) | 0x40;
  return bytes.toString('hex');
}

/** Key identifier: the first 20 bytes of SM3 over the public key bits (RFC 7093 §2 allows any hash). */
export function keyIdOf(spki: SubjectPublicKeyInfo): Uint8Array {
  return sm3(new Uint8Array(spki.subjectPublicKey)).subarray(0, 20);
}

function extension(extnID: string, critical: boolean, value: object): Extension {
  return new Extension({ extnID, critical, extnValue: new OctetString(AsnConvert.serialize(value)) });
}

function keyUsage(names: readonly KeyUsageName[]): KeyUsage {
  // DER drops trailing zero bits of a named bit list (X.690 §11.2.2), so size the string to the last set bit.
  const last = Math.max(...names.map((n) => keyUsageBits[n]));
  const bytes = new Uint8Array(last < 8 ? 1 : 2);
  for (const n of names) bytes[keyUsageBits[n] >> 3]! |= 0x80 >> (keyUsageBits[n] & 7);
  return new KeyUsage(bytes, (bytes.length * 8 - 1 - last) % 8);
}

export interface CertificateTemplate {
  readonly serial: string;
  readonly issuer: Name;
  readonly issuerKeyId: Uint8Array;
  readonly subject: Name;
  readonly spki: SubjectPublicKeyInfo;
  readonly notBefore: Date;
  readonly notAfter: Date;
  readonly ca: boolean;
  readonly keyUsage: readonly KeyUsageName[];
  readonly extendedKeyUsage?: readonly string[] | undefined;
  /** Where relying parties fetch the CRL; omitted when the platform has no public URL. */
  readonly crlUrl?: string | undefined;
}

export interface IssuerKey {
  readonly profile: CaProfile;
  readonly privateKeyPem: string;
}

/** Builds the TBSCertificate, signs it with the issuer key and returns the certificate DER. */
export function signCertificate(template: CertificateTemplate, issuer: IssuerKey): Uint8Array {
  const extensions = [
    extension(id_ce_basicConstraints, true, new BasicConstraints({ cA: template.ca })),
    extension(id_ce_keyUsage, true, keyUsage(template.keyUsage)),
    extension(id_ce_subjectKeyIdentifier, false, new SubjectKeyIdentifier(keyIdOf(template.spki))),
    extension(id_ce_authorityKeyIdentifier, false, new AuthorityKeyIdentifier({ keyIdentifier: new KeyIdentifier(template.issuerKeyId) })),
  ];
  if (template.extendedKeyUsage?.length) {
    extensions.push(extension(id_ce_extKeyUsage, false, new ExtendedKeyUsage([...template.extendedKeyUsage])));
  }
  if (template.crlUrl && !template.ca) {
    const point = new DistributionPoint({
      distributionPoint: new DistributionPointName({ fullName: [new GeneralName({ uniformResourceIdentifier: template.crlUrl })] }),
    });
    extensions.push(extension(id_ce_cRLDistributionPoints, false, new CRLDistributionPoints([point])));
  }
  const algorithm = signatureAlgorithmOf(issuer.profile);
  const tbs = new TBSCertificate({
    version: Version.v3,
    serialNumber: new Uint8Array(Buffer.from(template.serial, 'hex')).buffer,
    signature: algorithm,
    issuer: template.issuer,
    validity: new Validity({ notBefore: template.notBefore, notAfter: template.notAfter }),
    subject: template.subject,
    subjectPublicKeyInfo: template.spki,
    extensions: new Extensions(extensions),
  });
  const tbsDer = new Uint8Array(AsnConvert.serialize(tbs));
  const signature = signData(issuer.profile, issuer.privateKeyPem, tbsDer);
  const certificate = new Certificate({
    tbsCertificate: tbs,
    signatureAlgorithm: algorithm,
    signatureValue: new Uint8Array(signature).buffer,
  });
  return new Uint8Array(AsnConvert.serialize(certificate));
}

/** What the CA reads back from a certificate, with the exact signed bytes. */
export interface ParsedCertificate {
  readonly der: Uint8Array;
  readonly tbs: Uint8Array;
  readonly serial: string;
  readonly issuer: Name;
  readonly subject: SubjectFields;
  readonly subjectName: Name;
  readonly notBefore: Date;
  readonly notAfter: Date;
  readonly signatureProfile: CaProfile | undefined;
  readonly signature: Uint8Array;
  readonly spki: SubjectPublicKeyInfo;
  readonly authorityKeyId: string | undefined;
}

/** Hex without leading zero bytes, so serials compare the same however they were encoded. */
export function serialHex(bytes: ArrayBuffer | Uint8Array): string {
  return Buffer.from(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes)).toString('hex').replace(/^(00)+(?=.)/, '');
}

/** Reads a PEM or DER certificate; throws on anything that is not one. */
export function parseCertificate(input: string | Uint8Array): ParsedCertificate {
  const der = typeof input === 'string' ? pemDecode(input, 'CERTIFICATE') : input;
  if (!der) throw new Error('no CERTIFICATE PEM block');
  const cert = AsnConvert.parse(der, Certificate);
  const tbs = cert.tbsCertificate;
  if (!cert.tbsCertificateRaw) throw new Error('no TBSCertificate bytes');
  const aki = tbs.extensions?.find((e) => e.extnID === id_ce_authorityKeyIdentifier);
  const keyId = aki && AsnConvert.parse(aki.extnValue, AuthorityKeyIdentifier).keyIdentifier;
  return {
    der,
    tbs: new Uint8Array(cert.tbsCertificateRaw),
    serial: serialHex(tbs.serialNumber),
    issuer: tbs.issuer,
    subject: readName(tbs.subject),
    subjectName: tbs.subject,
    notBefore: tbs.validity.notBefore.getTime(),
    notAfter: tbs.validity.notAfter.getTime(),
    signatureProfile: cert.signatureAlgorithm.algorithm === tbs.signature.algorithm
      ? profileOfSignatureAlgorithm(cert.signatureAlgorithm.algorithm)
      : undefined,
    signature: new Uint8Array(cert.signatureValue),
    spki: tbs.subjectPublicKeyInfo,
    authorityKeyId: keyId ? Buffer.from(keyId.buffer).toString('hex') : undefined,
  };
}

/** CRL entry reason codes this CA uses (RFC 5280 §5.3.1); hold and removeFromCRL are not offered. */
export const revocationReasons = {
  unspecified: 0,
  keyCompromise: 1,
  affiliationChanged: 3,
  superseded: 4,
  cessationOfOperation: 5,
  privilegeWithdrawn: 9,
} as const;
export type RevocationReason = keyof typeof revocationReasons;

export interface CrlContent {
  readonly issuer: Name;
  readonly issuerKeyId: Uint8Array;
  readonly number: number;
  readonly thisUpdate: Date;
  readonly nextUpdate: Date;
  readonly revoked: readonly { serial: string; revokedAt: Date; reason: RevocationReason }[];
}

/** An X.509 v2 CRL with CRL number and authority key identifier, signed by the issuer; DER. */
export function signCrl(content: CrlContent, issuer: IssuerKey): Uint8Array {
  const algorithm = signatureAlgorithmOf(issuer.profile);
  const tbs = new TBSCertList({
    version: Version.v2,
    signature: algorithm,
    issuer: content.issuer,
    thisUpdate: new Time(content.thisUpdate),
    nextUpdate: new Time(content.nextUpdate),
    crlExtensions: [
      extension(id_ce_authorityKeyIdentifier, false, new AuthorityKeyIdentifier({ keyIdentifier: new KeyIdentifier(content.issuerKeyId) })),
      extension(id_ce_cRLNumber, false, new CRLNumber(content.number)),
    ],
  });
  if (content.revoked.length) {
    tbs.revokedCertificates = content.revoked.map(
      (entry) =>
        new RevokedCertificate({
          userCertificate: new Uint8Array(Buffer.from(entry.serial, 'hex')).buffer,
          revocationDate: new Time(entry.revokedAt),
          // RFC 5280 §5.3.1: leave the reason out rather than write `unspecified`.
          ...(entry.reason === 'unspecified'
            ? {}
            : { crlEntryExtensions: [extension(id_ce_cRLReasons, false, new CRLReason(revocationReasons[entry.reason]))] }),
        }),
    );
  }
  const tbsDer = new Uint8Array(AsnConvert.serialize(tbs));
  const list = new CertificateList({
    tbsCertList: tbs,
    signatureAlgorithm: algorithm,
    signature: new Uint8Array(signData(issuer.profile, issuer.privateKeyPem, tbsDer)).buffer,
  });
  return new Uint8Array(AsnConvert.serialize(list));
}
