import { sm2Verify, sm3 } from '../../../platform/crypto/index.js';
import { messageOf } from '../../../platform/errors/app-error.js';
import type { CertificateCheck } from '../../pki/index.js';
import { SM2_WITH_SM3 } from './seal.asn1.js';
import { type CertificateFacts, readCertificate } from './seal.certificate.js';
import './seal.errors.js';
import { SEAL_SUBFILTER } from './seal.pdf.js';
import { entry, parseDict } from './seal.pdf-syntax.js';
import { onlySealsAfter } from './seal.revisions.js';
import { type DocumentVerdict, type SealVerdict, type VerdictStatus, verdictCodes, verdictStatuses } from './seal.schema.js';
import { type ParsedSignature, SealFormatError, derLength, parseSignature } from './seal.structure.js';

/** The pki module's certificate check: `createPkiService(ctx).verifyCertificate`. */
export type VerifyCertificate = (certificate: string | Uint8Array, options: { at?: Date }) => Promise<CertificateCheck>;

export interface VerifyOptions {
  readonly verifyCertificate: VerifyCertificate;
  /** The verification time (default now): reported, and used for the certificate's present status. */
  readonly at?: Date;
}

interface FoundSeal {
  readonly range: readonly number[];
  /** The signature dictionary could not be read (e.g. the file ends inside it). */
  readonly broken: boolean;
}

const byteRangePattern = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g;

/** Start of the `N G obj` that holds `index`, skipping `endobj`. */
function objectStart(s: string, index: number): number {
  for (let at = s.lastIndexOf('obj', index); at >= 0; at = s.lastIndexOf('obj', at - 1)) {
    if (s.slice(Math.max(0, at - 3), at) !== 'end') return at + 3;
  }
  return -1;
}

/** Every signature dictionary of ours, in file order; signatures of other kinds are counted. */
function findSeals(s: string): { seals: FoundSeal[]; others: number } {
  const seals: FoundSeal[] = [];
  let others = 0;
  for (const match of s.matchAll(byteRangePattern)) {
    const range = match.slice(1, 5).map(Number);
    const start = objectStart(s, match.index);
    if (start < 0) continue;
    try {
      const entries = parseDict(s, start).entries;
      if (!entry(entries, '/ByteRange')) continue;
      if (entry(entries, '/SubFilter') === SEAL_SUBFILTER) seals.push({ range, broken: false });
      else others++;
    } catch {
      if (s.slice(start, match.index).includes(SEAL_SUBFILTER)) seals.push({ range, broken: true });
    }
  }
  return { seals, others };
}

/** A time as readers in China read it: `2026-11-27 14:30` (UTC+8). */
export function localTime(date: Date): string {
  return new Date(date.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}

const summary = (check: CertificateCheck) => ({ status: check.status, code: check.code, message: check.message });

const certificateStatuses: Partial<Record<CertificateCheck['status'], VerdictStatus>> = {
  expired: 'certificate_expired',
  not_yet_valid: 'certificate_not_yet_valid',
  revoked: 'certificate_revoked',
  bad_signature: 'certificate_untrusted',
  unknown_issuer: 'certificate_untrusted',
  malformed: 'certificate_untrusted',
};

function emptyVerdict(range: readonly number[] | null): SealVerdict {
  return {
    status: 'valid',
    code: null,
    message: '',
    detail: null,
    sealId: null,
    sealName: null,
    organization: null,
    signedAt: null,
    sealValidFrom: null,
    sealValidTo: null,
    certificate: null,
    certificateAtSigning: null,
    certificateNow: null,
    maker: null,
    documentHash: null,
    byteRange: range ? [...range] : null,
    coversWholeFile: false,
  };
}

function certificateView(facts: CertificateFacts) {
  return { serial: facts.serial, subject: facts.subject, issuer: facts.issuer, notBefore: facts.notBefore.toISOString(), notAfter: facts.notAfter.toISOString() };
}

/** Checks one seal; fills in what it learnt even when a check fails. */
async function checkSeal(pdf: Buffer, s: string, found: FoundSeal, options: VerifyOptions, at: Date): Promise<SealVerdict> {
  const verdict = emptyVerdict(found.range);
  const fail = (status: VerdictStatus, detail: string | null = null): SealVerdict => Object.assign(verdict, { status, detail });
  const [a, b, c, d] = found.range as [number, number, number, number];
  if (c + d > pdf.length || b > pdf.length) return fail('incomplete', `签章范围到第 ${c + d} 字节，文件只有 ${pdf.length} 字节`);
  if (found.broken || a !== 0 || !(b < c)) return fail('malformed', '签名字典或签章范围不正确');
  const gap = s.slice(b, c);
  if (!/^<[0-9A-Fa-f]*>$/.test(gap) || gap.length % 2 !== 0) return fail('malformed', '签名值不是十六进制串');
  const padded = Buffer.from(gap.slice(1, -1), 'hex');
  const length = derLength(padded);
  if (!length || length > padded.length || padded.subarray(length).some((byte) => byte !== 0)) return fail('malformed', '签名值长度不正确');

  let signature: ParsedSignature;
  try {
    signature = parseSignature(new Uint8Array(padded.subarray(0, length)));
  } catch (error) {
    if (error instanceof SealFormatError) return fail('malformed', error.message);
    throw error;
  }
  const seal = signature.seal;
  Object.assign(verdict, {
    sealId: seal.esId,
    sealName: seal.name,
    signedAt: signature.signedAt.toISOString(),
    sealValidFrom: seal.validFrom.toISOString(),
    sealValidTo: seal.validTo.toISOString(),
  });
  let signer: CertificateFacts;
  try {
    signer = readCertificate(signature.signerCertificate);
  } catch {
    return fail('malformed', '签章者证书无法解析');
  }
  verdict.certificate = certificateView(signer);
  verdict.organization = signer.subject.organization ?? null;

  const hash = sm3(Buffer.concat([pdf.subarray(0, b), pdf.subarray(c, c + d)]));
  verdict.documentHash = Buffer.from(hash).toString('hex');
  verdict.coversWholeFile = c + d === pdf.length;
  if (!Buffer.from(hash).equals(Buffer.from(signature.dataHash))) return fail('altered', '签章范围内的内容与盖章时记录的杂凑值不一致');
  if (!verdict.coversWholeFile) {
    const problem = onlySealsAfter(s, c + d);
    if (problem) return fail('altered', problem);
  }

  verdict.certificateNow = summary(await options.verifyCertificate(signature.signerCertificate, { at }));
  if (
    signature.signatureAlgId !== SM2_WITH_SM3 ||
    !signer.sm2PublicKey ||
    !sm2Verify(signer.sm2PublicKey, signature.signedBytes, signature.signature)
  ) {
    return fail('signature_invalid');
  }

  if (!seal.certificates.some((cert) => Buffer.from(cert).equals(Buffer.from(signature.signerCertificate)))) return fail('signer_not_in_seal');
  const atSigning = await options.verifyCertificate(signature.signerCertificate, { at: signature.signedAt });
  verdict.certificateAtSigning = summary(atSigning);
  const certificateProblem = certificateStatuses[atSigning.status];
  if (certificateProblem === 'certificate_expired' || certificateProblem === 'certificate_not_yet_valid') {
    return fail(certificateProblem, `证书有效期 ${localTime(signer.notBefore)} 至 ${localTime(signer.notAfter)}，盖章时间 ${localTime(signature.signedAt)}`);
  }
  if (certificateProblem) return fail(certificateProblem, certificateProblem === 'certificate_untrusted' ? atSigning.message : null);

  let maker: CertificateFacts;
  try {
    maker = readCertificate(seal.makerCertificate);
  } catch {
    return fail('seal_invalid', '制章人证书无法解析');
  }
  const makerCheck = await options.verifyCertificate(seal.makerCertificate, { at: seal.createdAt });
  verdict.maker = { serial: maker.serial, subject: maker.subject, check: summary(makerCheck) };
  if (seal.signAlgId !== SM2_WITH_SM3 || !maker.sm2PublicKey || !sm2Verify(maker.sm2PublicKey, seal.signedBytes, seal.signedValue)) {
    return fail('seal_invalid', '制章签名值不正确（印章数据被改动）');
  }
  if (makerCheck.status !== 'valid') return fail('seal_invalid', `制章人证书：${makerCheck.message}`);
  if (signature.signedAt < seal.validFrom || signature.signedAt > seal.validTo) {
    return fail('seal_expired', `印章有效期 ${localTime(seal.validFrom)} 至 ${localTime(seal.validTo)}，盖章时间 ${localTime(signature.signedAt)}`);
  }
  if (verdict.certificateNow.status !== 'valid') verdict.detail = `盖章时证书有效；现在：${verdict.certificateNow.message}`;
  return verdict;
}

function withMessage(verdict: SealVerdict): SealVerdict {
  const code = verdictCodes[verdict.status];
  return { ...verdict, code, message: code ? messageOf(code) : '电子印章有效，文件自盖章后未被修改' };
}

/**
 * Verifies every GB/T 38540 seal in a PDF: the file's integrity over each seal's byte range (and
 * that anything after it only adds seals), the SM2 signature, the seal's maker signature and maker
 * certificate, the signer certificate's place in the seal, the certificate's status at the signing
 * time (expiry, revocation, trusted issuer — the pki module's judgement) and the seal's validity.
 * Never throws for bad input: a garbage, truncated or tampered file gets its verdict.
 */
export async function verifySealedPdf(pdf: Uint8Array, options: VerifyOptions): Promise<DocumentVerdict> {
  const at = options.at ?? new Date();
  const bytes = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  const base = { verifiedAt: at.toISOString(), fileSize: bytes.length };
  const conclude = (status: VerdictStatus, seals: SealVerdict[], detail?: string): DocumentVerdict => {
    const code = verdictCodes[status];
    const message = code ? messageOf(code) : seals.length > 1 ? `${seals.length} 枚电子印章均有效，文件自盖章后未被修改` : '电子印章有效，文件自盖章后未被修改';
    return { ...base, valid: status === 'valid', status, code, message: detail ? `${message}（${detail}）` : message, seals };
  };

  const s = bytes.toString('latin1');
  if (!s.slice(0, 1024).includes('%PDF-')) return conclude('not_pdf', []);
  const { seals: found, others } = findSeals(s);
  if (!found.length) return conclude('no_seal', [], others ? '文件带有其他类型的数字签名，但没有 GB/T 38540 电子印章' : undefined);

  const seals: SealVerdict[] = [];
  for (const seal of found) seals.push(withMessage(await checkSeal(bytes, s, seal, options, at)));
  const worst = seals
    .map((v) => v.status)
    .filter((status) => status !== 'valid')
    .sort((x, y) => verdictStatuses.indexOf(x) - verdictStatuses.indexOf(y))[0];
  return conclude(worst ?? 'valid', seals, seals.find((v) => v.status === worst)?.detail ?? undefined);
}
