import { ECParameters } from '@peculiar/asn1-ecc';
import { AsnConvert } from '@peculiar/asn1-schema';
import { Certificate, type Name } from '@peculiar/asn1-x509';
import { SM2_CURVE_OID } from '../../../platform/crypto/index.js';

/**
 * What the seal code reads from an X.509 certificate: the subject to show, the serial, validity and
 * the SM2 public key to check signatures with. Trust (issuer, revocation) is the pki module's
 * judgement, asked through `verifyCertificate`; this only reads.
 */
export interface CertificateFacts {
  readonly der: Uint8Array;
  readonly serial: string;
  readonly subject: Readonly<Record<string, string>>;
  readonly issuer: Readonly<Record<string, string>>;
  readonly notBefore: Date;
  readonly notAfter: Date;
  /** Uncompressed SM2 point `04‖x‖y` as hex, or null when the key is not on the SM2 curve. */
  readonly sm2PublicKey: string | null;
}

const attributeNames: Record<string, string> = {
  '2.5.4.6': 'country',
  '2.5.4.10': 'organization',
  '2.5.4.11': 'organizationalUnit',
  '2.5.4.3': 'commonName',
  '2.5.4.5': 'serialNumber',
  '0.9.2342.19200300.100.1.1': 'uid',
};

function readName(name: Name): Record<string, string> {
  const out: Record<string, string> = {};
  for (const rdn of name) for (const atv of rdn) {
    const key = attributeNames[atv.type];
    if (key) out[key] = atv.value.toString();
  }
  return out;
}

const EC_PUBLIC_KEY = '1.2.840.10045.2.1';

/** Reads a DER certificate; throws on anything that is not one. */
export function readCertificate(der: Uint8Array): CertificateFacts {
  const cert = AsnConvert.parse(der, Certificate);
  const tbs = cert.tbsCertificate;
  const spki = tbs.subjectPublicKeyInfo;
  let sm2PublicKey: string | null = null;
  if (spki.algorithm.algorithm === EC_PUBLIC_KEY && spki.algorithm.parameters) {
    if (AsnConvert.parse(spki.algorithm.parameters, ECParameters).namedCurve === SM2_CURVE_OID) {
      sm2PublicKey = Buffer.from(spki.subjectPublicKey).toString('hex');
    }
  }
  return {
    der,
    serial: Buffer.from(tbs.serialNumber).toString('hex').replace(/^(00)+(?=.)/, ''),
    subject: readName(tbs.subject),
    issuer: readName(tbs.issuer),
    notBefore: tbs.validity.notBefore.getTime(),
    notAfter: tbs.validity.notAfter.getTime(),
    sm2PublicKey,
  };
}

/** The DER inside a CERTIFICATE PEM block, or the input when it already is DER. */
export function certificateDer(input: string | Uint8Array): Uint8Array {
  if (typeof input !== 'string') return input;
  const match = /-----BEGIN CERTIFICATE-----([A-Za-z0-9+/=\s]+)-----END CERTIFICATE-----/.exec(input);
  if (!match) throw new Error('no CERTIFICATE PEM block');
  return new Uint8Array(Buffer.from(match[1]!.replace(/\s+/g, ''), 'base64'));
}

export function certificatePem(der: Uint8Array): string {
  const lines = Buffer.from(der).toString('base64').match(/.{1,64}/g) ?? [];
  return `-----BEGIN CERTIFICATE-----\n${lines.join('\n')}\n-----END CERTIFICATE-----\n`;
}
