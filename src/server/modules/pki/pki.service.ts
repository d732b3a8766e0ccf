import type { DbOrTrx } from '../../db/database.js';
import type { AuditContext, AuditLog } from '../../platform/audit/index.js';
import { sm4Decrypt, sm4Encrypt } from '../../platform/crypto/index.js';
import { AppError } from '../../platform/errors/app-error.js';
import { newId } from '../../platform/ids.js';
import { type PlatformKeys, loadPlatformKeys } from '../../platform/keys.js';
import type { AppContext } from '../../platform/module.js';
import { createOrgService } from '../orgs/index.js';
import { CsrError, parseCertificationRequest } from './pki.csr.js';
import './pki.audit.js';
import './pki.errors.js';
import { type CaProfile, generateKey, pemEncode } from './pki.keys.js';
import { type PublishedCrl, certificateRow, toCertificateInfo, toPublished } from './pki.present.js';
import { type CertificateFilter, pkiRepository as repo } from './pki.repository.js';
import type { CertificateCheck, CertificateInfo, IssueRequest } from './pki.schema.js';
import type { CaRootRow, CrlRow } from './pki.table.js';
import { type TrustedRoot, checkCertificate } from './pki.verify.js';
import {
  type KeyUsageName,
  type RevocationReason,
  type SubjectFields,
  buildName,
  keyIdOf,
  newSerial,
  parseCertificate,
  signCertificate,
  signCrl,
} from './pki.x509.js';

const day = 24 * 60 * 60 * 1000;
const rootValidityDays = 20 * 365;
const defaultValidityDays = { seal: 1095, personal: 730 } as const;
/** A CRL is valid for a week and re-signed once a day when someone asks for it. */
const crlLifetime = 7 * day;
const crlRefresh = day;

export interface RootNames {
  readonly commonName?: string;
  readonly organization?: string;
}

export interface IssueResult {
  readonly certificate: CertificateInfo;
  /** PKCS#8 PEM when the CA generated the key; returned this once and stored only for seal keys. */
  readonly privateKeyPem: string | null;
}


/**
 * The internal certificate authority. Root keys and the seal keys it generates are kept only as SM4
 * envelopes under the platform's current data key, bound to their row (`pki.ca_root:<id>`,
 * `pki.seal_key:<serial>`); personal keys it generates are handed out once and never stored.
 */
export function createPkiService(
  ctx: Pick<AppContext, 'db' | 'clock' | 'config'> & { readonly audit?: AuditLog },
  options: { keys?: PlatformKeys } = {},
) {
  const { db, clock, config, audit } = ctx;
  const orgs = createOrgService(ctx);
  // Loaded on first use so that building the app (e.g. for the OpenAPI document) touches no key file.
  let keys = options.keys;
  const platformKeys = () => (keys ??= loadPlatformKeys(config));
  const wrap = (pem: string, context: string) =>
    Buffer.from(sm4Encrypt(platformKeys().dataKeys.at(-1)!, pem, { context })).toString('base64');
  const unwrap = (envelope: string, context: string) =>
    Buffer.from(sm4Decrypt(platformKeys().dataKeys, Buffer.from(envelope, 'base64'), { context })).toString('utf8');
  const now = () => new Date(Math.floor(clock.now().getTime() / 1000) * 1000);
  const crlUrl = (profile: CaProfile) =>
    config.publicUrl && new URL(`/pki/crl.der${profile === 'sm2' ? '' : `?profile=${profile}`}`, config.publicUrl).href;
  const parsedRoots = new Map<string, TrustedRoot>();

  function trusted(row: CaRootRow): TrustedRoot {
    let root = parsedRoots.get(row.id);
    if (!root) parsedRoots.set(row.id, (root = { id: row.id, profile: row.profile, certificate: parseCertificate(row.certificate_pem) }));
    return root;
  }

  function issuerOf(row: CaRootRow) {
    const root = trusted(row);
    return {
      name: root.certificate.subjectName,
      keyId: keyIdOf(root.certificate.spki),
      key: { profile: row.profile, privateKeyPem: unwrap(row.private_key_envelope, `pki.ca_root:${row.id}`) },
    };
  }

  async function requireRoot(trx: DbOrTrx, profile: CaProfile): Promise<CaRootRow> {
    const row = await repo.findRoot(trx, profile);
    if (!row) throw new AppError('pki.root_missing', { details: { profile } });
    return row;
  }

  async function ensureRoot(
    profile: CaProfile = 'sm2',
    names: RootNames = {},
    who: AuditContext = {},
  ): Promise<{ root: CertificateInfo; created: boolean }> {
    return db.transaction().execute(async (trx) => {
      const existing = await repo.findRoot(trx, profile);
      if (existing) return { root: toCertificateInfo((await repo.findCertificate(trx, existing.serial))!), created: false };
      const id = newId();
      const key = generateKey(profile);
      const subject: SubjectFields = {
        country: 'CN',
        organization: names.organization ?? '兴安盟行政公署',
        commonName: names.commonName ?? (profile === 'sm2' ? '兴安盟政务根证书' : '兴安盟政务根证书（P-256）'),
      };
      const name = buildName(subject);
      const notBefore = now();
      const serial = newSerial();
      const der = signCertificate(
        {
          serial,
          issuer: name,
          issuerKeyId: keyIdOf(key.spki),
          subject: name,
          spki: key.spki,
          notBefore,
          notAfter: new Date(notBefore.getTime() + rootValidityDays * day),
          ca: true,
          keyUsage: ['keyCertSign', 'cRLSign'],
        },
        { profile, privateKeyPem: key.privateKeyPem },
      );
      const pem = pemEncode('CERTIFICATE', der);
      const at = notBefore.toISOString();
      await repo.insertRoot(trx, {
        id,
        profile,
        serial,
        certificate_pem: pem,
        private_key_envelope: wrap(key.privateKeyPem, `pki.ca_root:${id}`),
        created_at: at,
      });
      const row = certificateRow({ serial, rootId: id, profile, kind: 'root', subject, der, pem, notBefore });
      await repo.insertCertificate(trx, row);
      await audit?.append(trx, { ...who, action: 'pki.root_create', object: { type: 'certificate', id: serial }, details: { profile, commonName: subject.commonName } });
      return { root: toCertificateInfo(row), created: true };
    });
  }

  async function publishCrl(trx: DbOrTrx, root: CaRootRow): Promise<CrlRow> {
    const previous = await repo.latestCrl(trx, root.id);
    const revoked = await repo.revokedUnder(trx, root.id);
    const issuer = issuerOf(root);
    const thisUpdate = now();
    const nextUpdate = new Date(thisUpdate.getTime() + crlLifetime);
    const number = (previous?.number ?? 0) + 1;
    const der = signCrl(
      {
        issuer: issuer.name,
        issuerKeyId: issuer.keyId,
        number,
        thisUpdate,
        nextUpdate,
        revoked: revoked.map((r) => ({ serial: r.serial, revokedAt: new Date(r.revoked_at!), reason: r.revocation_reason ?? 'unspecified' })),
      },
      issuer.key,
    );
    const row = { root_id: root.id, number, this_update: thisUpdate.toISOString(), next_update: nextUpdate.toISOString(), crl_der: Buffer.from(der).toString('base64') };
    await repo.insertCrl(trx, row);
    return row;
  }

  async function subjectFor(request: IssueRequest): Promise<{ subject: SubjectFields; orgId: string | null }> {
    if (request.kind === 'seal') {
      const org = await orgs.get(request.orgKey);
      return {
        subject: { country: 'CN', organization: org.nameZh, organizationalUnit: request.organizationalUnit, commonName: request.name, serialNumber: org.creditCode },
        orgId: org.id,
      };
    }
    const org = request.orgKey ? await orgs.get(request.orgKey) : undefined;
    return { subject: { country: 'CN', organization: org?.nameZh, commonName: request.name, uid: request.username }, orgId: org?.id ?? null };
  }

  return {
    ensureRoot,

    /**
     * Issues a seal or personal certificate, from the requester's CSR or from a key generated here.
     * Creates the profile's root first if there is none.
     */
    async issue(request: IssueRequest, by?: { userId: string; who?: AuditContext }): Promise<IssueResult> {
      const profile = request.profile ?? 'sm2';
      let generated: ReturnType<typeof generateKey> | undefined;
      let spki;
      if (request.csr) {
        try {
          const csr = parseCertificationRequest(request.csr);
          if (csr.profile !== profile) throw new CsrError(`the request holds a ${csr.profile} key, not ${profile}`);
          spki = csr.spki;
        } catch (error) {
          throw new AppError('pki.csr_invalid', { details: { reason: (error as Error).message }, cause: error });
        }
      } else {
        generated = generateKey(profile);
        spki = generated.spki;
      }
      const { subject, orgId } = await subjectFor(request);
      await ensureRoot(profile, {}, by?.who);
      return db.transaction().execute(async (trx) => {
        const root = await requireRoot(trx, profile);
        const issuer = issuerOf(root);
        const serial = newSerial();
        const notBefore = now();
        const days = request.validityDays ?? defaultValidityDays[request.kind];
        const keyUsage: KeyUsageName[] = request.kind === 'seal' ? ['digitalSignature', 'nonRepudiation'] : ['digitalSignature'];
        const der = signCertificate(
          {
            serial,
            issuer: issuer.name,
            issuerKeyId: issuer.keyId,
            subject: buildName(subject),
            spki,
            notBefore,
            notAfter: new Date(notBefore.getTime() + days * day),
            ca: false,
            keyUsage,
            extendedKeyUsage: request.kind === 'seal' ? request.extendedKeyUsage : undefined,
            crlUrl: crlUrl(profile),
          },
          issuer.key,
        );
        const sealedKey = request.kind === 'seal' && generated ? wrap(generated.privateKeyPem, `pki.seal_key:${serial}`) : null;
        const pem = pemEncode('CERTIFICATE', der);
        const row = certificateRow({ serial, rootId: root.id, profile, kind: request.kind, subject, der, pem, notBefore, orgId, sealedKey, createdBy: by?.userId });
        await repo.insertCertificate(trx, row);
        await audit?.append(trx, {
          ...by?.who,
          action: 'pki.issue',
          object: { type: 'certificate', id: serial },
          details: { kind: request.kind, profile, commonName: subject.commonName, orgId, generatedKey: Boolean(generated) },
        });
        const info = toCertificateInfo(row);
        return { certificate: info, privateKeyPem: generated?.privateKeyPem ?? null };
      });
    },

    async get(serial: string): Promise<CertificateInfo> {
      const row = await repo.findCertificate(db, serial.toLowerCase());
      if (!row) throw new AppError('pki.not_found', { details: { serial } });
      return toCertificateInfo(row);
    },

    async list(filter: CertificateFilter & { page: number; pageSize: number }) {
      const { rows, total } = await repo.listCertificates(db, filter, { offset: (filter.page - 1) * filter.pageSize, limit: filter.pageSize });
      return { items: rows.map(toCertificateInfo), total, page: filter.page, pageSize: filter.pageSize };
    },

    /** Revokes a certificate and publishes a new CRL in the same transaction. */
    async revoke(serial: string, reason: RevocationReason, who: AuditContext = {}): Promise<CertificateInfo> {
      return db.transaction().execute(async (trx) => {
        const row = await repo.findCertificate(trx, serial.toLowerCase());
        if (!row) throw new AppError('pki.not_found', { details: { serial } });
        if (row.kind === 'root') throw new AppError('pki.root_not_revocable');
        if (!(await repo.revoke(trx, row.serial, now().toISOString(), reason))) throw new AppError('pki.already_revoked');
        const root = (await repo.allRoots(trx)).find((r) => r.id === row.root_id)!;
        const crl = await publishCrl(trx, root);
        await audit?.append(trx, { ...who, action: 'pki.revoke', object: { type: 'certificate', id: row.serial }, details: { reason, crlNumber: crl.number } });
        return toCertificateInfo((await repo.findCertificate(trx, row.serial))!);
      });
    },

    /** The current CRL of the profile's root, re-signed when it is a day old or there is none yet. */
    async crl(profile: CaProfile = 'sm2'): Promise<PublishedCrl> {
      const root = await requireRoot(db, profile);
      const latest = await repo.latestCrl(db, root.id);
      if (latest && clock.now().getTime() < new Date(latest.this_update).getTime() + crlRefresh) return toPublished(profile, latest);
      try {
        return toPublished(profile, await db.transaction().execute((trx) => publishCrl(trx, root)));
      } catch (error) {
        // Another node published the same number first; its CRL is as good as ours.
        const now = await repo.latestCrl(db, root.id);
        if (now && now.number !== latest?.number) return toPublished(profile, now);
        throw error;
      }
    },

    async rootCertificatePem(profile: CaProfile = 'sm2'): Promise<string> {
      return (await requireRoot(db, profile)).certificate_pem;
    },

    /** The status of a PEM or DER certificate at `at` (default now); see {@link checkCertificate}. */
    async verifyCertificate(certificate: string | Uint8Array, options: { at?: Date } = {}): Promise<CertificateCheck> {
      const roots = (await repo.allRoots(db)).map(trusted);
      return checkCertificate(certificate, options.at ?? clock.now(), roots, (serial) => repo.findCertificate(db, serial));
    },

    /**
     * The organisation's seal certificates that can seal at `at` (default now): not revoked, SM2,
     * within their validity, with a key the CA keeps; newest first. The documents module's 用印
     * takes one of these and `sealPrivateKey(serial)`.
     */
    async sealCertificatesOf(orgId: string, options: { at?: Date } = {}): Promise<CertificateInfo[]> {
      const rows = await repo.sealCertificatesOf(db, orgId, (options.at ?? clock.now()).toISOString());
      return rows.map(toCertificateInfo);
    },

    /** PKCS#8 PEM of a seal key the CA generated and keeps (for sealing documents). */
    async sealPrivateKey(serial: string): Promise<string> {
      const row = await repo.findCertificate(db, serial.toLowerCase());
      if (!row) throw new AppError('pki.not_found', { details: { serial } });
      if (!row.sealed_private_key) throw new AppError('pki.seal_key_missing', { details: { serial } });
      return unwrap(row.sealed_private_key, `pki.seal_key:${row.serial}`);
    },
  };
}

export type PkiService = ReturnType<typeof createPkiService>;
