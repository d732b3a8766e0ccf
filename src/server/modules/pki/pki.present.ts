import { AsnConvert } from '@peculiar/asn1-schema';
import { CertificateList } from '@peculiar/asn1-x509';
import type { CaProfile } from './pki.keys.js';
import type { CertificateInfo } from './pki.schema.js';
import type { CertificateRow, CrlRow } from './pki.table.js';
import { type SubjectFields, parseCertificate } from './pki.x509.js';

export interface PublishedCrl {
  readonly profile: CaProfile;
  readonly number: number;
  readonly thisUpdate: string;
  readonly nextUpdate: string;
  readonly revokedCount: number;
  readonly der: Uint8Array;
}

export function toCertificateInfo(row: CertificateRow): CertificateInfo {
  return {
    serial: row.serial,
    kind: row.kind,
    profile: row.profile,
    status: row.status,
    commonName: row.common_name,
    organization: row.organization,
    organizationalUnit: row.organizational_unit,
    creditCode: row.credit_code,
    orgId: row.org_id,
    username: row.username,
    notBefore: new Date(row.not_before).toISOString(),
    notAfter: new Date(row.not_after).toISOString(),
    revokedAt: row.revoked_at && new Date(row.revoked_at).toISOString(),
    revocationReason: row.revocation_reason,
    hasStoredKey: row.sealed_private_key !== null,
    certificatePem: row.certificate_pem,
    createdAt: new Date(row.created_at).toISOString(),
  };
}

/** The row for a certificate just signed; validity is read back from the DER so the two agree. */
export function certificateRow(input: {
  serial: string;
  rootId: string;
  profile: CaProfile;
  kind: CertificateRow['kind'];
  subject: SubjectFields;
  der: Uint8Array;
  pem: string;
  notBefore: Date;
  orgId?: string | null;
  sealedKey?: string | null;
  createdBy?: string | null;
}): CertificateRow {
  const cert = parseCertificate(input.der);
  return {
    serial: input.serial,
    root_id: input.rootId,
    profile: input.profile,
    kind: input.kind,
    common_name: input.subject.commonName,
    organization: input.subject.organization ?? null,
    organizational_unit: input.subject.organizationalUnit ?? null,
    credit_code: input.subject.serialNumber ?? null,
    org_id: input.orgId ?? null,
    username: input.subject.uid ?? null,
    not_before: cert.notBefore.toISOString(),
    not_after: cert.notAfter.toISOString(),
    certificate_pem: input.pem,
    status: 'valid',
    revoked_at: null,
    revocation_reason: null,
    sealed_private_key: input.sealedKey ?? null,
    created_at: input.notBefore.toISOString(),
    created_by: input.createdBy ?? null,
  };
}

/** A stored CRL with its entry count, for the API and the CLI. */
export function toPublished(profile: CaProfile, row: CrlRow): PublishedCrl {
  const der = new Uint8Array(Buffer.from(row.crl_der, 'base64'));
  const list = AsnConvert.parse(der, CertificateList);
  return {
    profile,
    number: Number(row.number),
    thisUpdate: new Date(row.this_update).toISOString(),
    nextUpdate: new Date(row.next_update).toISOString(),
    revokedCount: list.tbsCertList.revokedCertificates?.length ?? 0,
    der,
  };
}

