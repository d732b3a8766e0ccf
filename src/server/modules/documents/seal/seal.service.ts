import type { AuditContext } from '../../../platform/audit/index.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { newId } from '../../../platform/ids.js';
import type { PlatformKeys } from '../../../platform/keys.js';
import type { AppContext } from '../../../platform/module.js';
import { createOrgService } from '../../orgs/index.js';
import { type CertificateInfo, createPkiService } from '../../pki/index.js';
import { certificateDer } from './seal.certificate.js';
import './seal.audit.js';
import './seal.errors.js';
import { sealPdf } from './seal.pdf.js';
import { captionOf, sealPictureSvg } from './seal.picture.js';
import { sealRepository as repo } from './seal.repository.js';
import type { DocumentVerdict } from './seal.schema.js';
import { makeSeal } from './seal.structure.js';
import type { SealRow } from './seal.table.js';
import { verifySealedPdf } from './seal.verify.js';

export type SealContext = Pick<AppContext, 'db' | 'clock' | 'config' | 'audit'> & { readonly keys?: PlatformKeys };

/** An organisation's electronic seal as the registry holds it. */
export interface SealInfo {
  readonly id: string;
  readonly orgId: string;
  readonly name: string;
  readonly certificateSerial: string;
  readonly makerSerial: string;
  readonly validFrom: string;
  readonly validTo: string;
  readonly createdAt: string;
  readonly picture: { readonly type: string; readonly data: string; readonly widthMm: number; readonly heightMm: number };
}

export interface SealDocumentInput {
  readonly orgId: string;
  readonly pdf: Uint8Array;
  /** The signing time; default the clock's now. */
  readonly at?: Date;
  /** Who is sealing, for the audit event of a seal made on first use. */
  readonly who?: AuditContext;
}

export interface SealDocumentResult {
  /** The sealed PDF: the input with the seal appended as an incremental update. */
  readonly pdf: Buffer;
  readonly seal: SealInfo;
  readonly signedAt: string;
}

function toSealInfo(row: SealRow): SealInfo {
  return {
    id: row.id,
    orgId: row.org_id,
    name: row.name,
    certificateSerial: row.certificate_serial,
    makerSerial: row.maker_serial,
    validFrom: new Date(row.valid_from).toISOString(),
    validTo: new Date(row.valid_to).toISOString(),
    createdAt: new Date(row.created_at).toISOString(),
    picture: { type: row.picture_type, data: row.picture, widthMm: Number(row.width_mm), heightMm: Number(row.height_mm) },
  };
}

/**
 * 用印 and the seal registry. An organisation's seal is made (制章) the first time it seals with a
 * seal certificate: a GB/T 38540 SES_Seal listing that certificate, with the seal picture, signed
 * by the seal maker of the top of the organisation's tree (兴安盟 for the league's bodies and
 * departments), whose certificate and key the pki module issues and keeps like any seal's.
 *
 * The service opens its own transactions and reads through the pki module, so call it before (not
 * inside) the transaction that records the sealed document.
 */
export function createSealService(ctx: SealContext) {
  const { db, clock, audit } = ctx;
  const pki = createPkiService(ctx, ctx.keys ? { keys: ctx.keys } : {});
  const orgs = createOrgService(ctx);

  async function isValid(cert: CertificateInfo, at: Date): Promise<boolean> {
    return (await pki.verifyCertificate(cert.certificatePem, { at })).status === 'valid';
  }

  /** The seal maker's certificate for the organisation's tree, registering a new one when none is valid. */
  async function makerFor(orgId: string, at: Date, who: AuditContext): Promise<CertificateInfo> {
    const detail = await orgs.detail(orgId);
    const top = detail.ancestors.find((a) => a.kind !== 'region') ?? detail;
    for (const row of await repo.makersOf(db, top.id)) {
      const cert = await pki.get(row.certificate_serial);
      if (await isValid(cert, at)) return cert;
    }
    const { certificate } = await pki.issue({ kind: 'seal', orgKey: top.id, name: `${top.nameZh}电子印章制作系统`, profile: 'sm2' });
    await db.transaction().execute(async (trx) => {
      await repo.insertMaker(trx, { certificate_serial: certificate.serial, org_id: top.id, created_at: clock.now().toISOString() });
      await audit.append(trx, {
        ...who,
        action: 'documents.seal_maker_register',
        object: { type: 'certificate', id: certificate.serial },
        details: { orgId: top.id, certificateSerial: certificate.serial },
      });
    });
    return certificate;
  }

  /** Makes (制章) the seal for a seal certificate, or returns the one another request made first. */
  async function makeOrgSeal(orgId: string, cert: CertificateInfo, at: Date, who: AuditContext): Promise<SealRow> {
    const maker = await makerFor(orgId, at, who);
    const org = await orgs.get(orgId);
    const organization = cert.organization ?? org.nameZh;
    const picture = await sealPictureSvg({ organization, caption: captionOf(cert.commonName, organization) });
    const id = newId();
    const createdAt = new Date(Math.floor(clock.now().getTime() / 1000) * 1000);
    const der = makeSeal(
      {
        esId: id,
        name: cert.commonName,
        certificates: [certificateDer(cert.certificatePem)],
        createdAt,
        validFrom: new Date(cert.notBefore),
        validTo: new Date(cert.notAfter),
        picture,
      },
      { certificateDer: certificateDer(maker.certificatePem), privateKeyPem: await pki.sealPrivateKey(maker.serial) },
    );
    const row: SealRow = {
      id,
      org_id: orgId,
      name: cert.commonName,
      certificate_serial: cert.serial,
      maker_serial: maker.serial,
      picture_type: picture.type,
      picture: Buffer.from(picture.data).toString('utf8'),
      width_mm: picture.widthMm,
      height_mm: picture.heightMm,
      valid_from: cert.notBefore,
      valid_to: cert.notAfter,
      seal_der: Buffer.from(der).toString('base64'),
      created_at: createdAt.toISOString(),
    };
    const inserted = await db.transaction().execute(async (trx) => {
      if (!(await repo.insert(trx, row))) return false;
      await audit.append(trx, {
        ...who,
        action: 'documents.seal_make',
        object: { type: 'seal', id },
        details: { orgId, name: row.name, certificateSerial: cert.serial, makerSerial: maker.serial, validTo: row.valid_to },
      });
      return true;
    });
    return inserted ? row : (await repo.findByCertificate(db, cert.serial))!;
  }

  /** The seal to use at `at`: the one of the newest seal certificate in force, made now if needed. */
  async function currentSeal(orgId: string, at: Date, who: AuditContext): Promise<{ seal: SealRow; certificate: CertificateInfo }> {
    const makers = new Set((await repo.makersOf(db, orgId)).map((m) => m.certificate_serial));
    for (const certificate of await pki.sealCertificatesOf(orgId, { at })) {
      if (makers.has(certificate.serial) || !(await isValid(certificate, at))) continue;
      const seal = (await repo.findByCertificate(db, certificate.serial)) ?? (await makeOrgSeal(orgId, certificate, at, who));
      return { seal, certificate };
    }
    throw new AppError('documents.seal_certificate_missing', { details: { orgId, at: at.toISOString() } });
  }

  return {
    /**
     * 用印: seals the PDF with the organisation's seal and its certificate's key. Throws
     * `documents.seal_certificate_missing` when the organisation has no seal certificate in force
     * whose key the platform keeps (the 安全管理员 issues one with `hinggan ca issue-seal`).
     */
    async sealDocument(input: SealDocumentInput): Promise<SealDocumentResult> {
      const { seal, certificate } = await currentSeal(input.orgId, input.at ?? clock.now(), input.who ?? {});
      // Read after the seal is found (and perhaps made), so a first use is not dated before its seal.
      const at = input.at ?? clock.now();
      const pdf = sealPdf({
        pdf: input.pdf,
        seal: new Uint8Array(Buffer.from(seal.seal_der, 'base64')),
        signerKey: await pki.sealPrivateKey(certificate.serial),
        signerCertificatePem: certificate.certificatePem,
        at,
      });
      return { pdf, seal: toSealInfo(seal), signedAt: new Date(Math.floor(at.getTime() / 1000) * 1000).toISOString() };
    },

    /** The seal the organisation would seal with at `at`, made now if it has a certificate but no seal yet. */
    async currentSeal(orgId: string, options: { at?: Date; who?: AuditContext } = {}): Promise<SealInfo> {
      return toSealInfo((await currentSeal(orgId, options.at ?? clock.now(), options.who ?? {})).seal);
    },

    /** Every seal the organisation has had, newest first. */
    async sealsOf(orgId: string): Promise<SealInfo[]> {
      return (await repo.listByOrg(db, orgId)).map(toSealInfo);
    },

    /** Verifies a sealed PDF against this platform's CA (verification time default now). */
    async verify(pdf: Uint8Array, options: { at?: Date } = {}): Promise<DocumentVerdict> {
      return verifySealedPdf(pdf, { verifyCertificate: (cert, o) => pki.verifyCertificate(cert, o), at: options.at ?? clock.now() });
    },
  };
}

export type SealService = ReturnType<typeof createSealService>;
