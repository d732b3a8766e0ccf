import { isValidCreditCode, isValidIdNumber } from '../../../../shared/identifiers.js';
import type { ApplicantKind } from '../../../../shared/disclosure.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { type FieldCipher, type SealedColumn, sealedContext } from '../../../platform/sealed-data/index.js';
import type { DisclosureRequestRow } from './disclosure.table.js';

/**
 * An applicant's personal data: 身份证号 (or 统一社会信用代码), phone, address and e-mail. Stored only as
 * SM4 envelopes bound to the request row; the ID number and phone also get blind indexes (repeat
 * requests can be found without decrypting). Staff see them masked; the tracking check opens the phone.
 */
const fields = {
  idNumber: { column: 'id_number_sealed', index: 'id_number_index', field: 'disclosure_id_number', context: 'portal.disclosure_requests.id_number' },
  phone: { column: 'phone_sealed', index: 'phone_index', field: 'disclosure_phone', context: 'portal.disclosure_requests.phone' },
  address: { column: 'address_sealed', context: 'portal.disclosure_requests.address' },
  email: { column: 'email_sealed', context: 'portal.disclosure_requests.email' },
} as const;

/** The sealed columns of disclosure requests, for `hinggan keys reencrypt`. */
export const disclosureSealedColumns: readonly SealedColumn[] = [
  { table: 'disclosure_requests', key: 'id', column: fields.idNumber.column, context: fields.idNumber.context, index: { column: fields.idNumber.index, field: fields.idNumber.field } },
  { table: 'disclosure_requests', key: 'id', column: fields.phone.column, context: fields.phone.context, index: { column: fields.phone.index, field: fields.phone.field } },
  { table: 'disclosure_requests', key: 'id', column: fields.address.column, context: fields.address.context },
  { table: 'disclosure_requests', key: 'id', column: fields.email.column, context: fields.email.context },
];

export interface ApplicantPersonal {
  readonly idNumber: string;
  readonly phone: string;
  readonly address?: string | null | undefined;
  readonly email?: string | null | undefined;
}

const canonical = (value: string) => value.normalize('NFKC').replace(/[\s-]+/g, '').toUpperCase();
export const canonicalPhone = (value: string) => value.normalize('NFKC').replace(/[\s-]+/g, '').replace(/^\+?86/, '');

/** Checks the ID: a 公民身份号码 for a natural person, a 统一社会信用代码 for an organisation. */
export function checkApplicantIds(kind: ApplicantKind, data: ApplicantPersonal): { idNumber: string; phone: string } {
  const idNumber = canonical(data.idNumber);
  const phone = canonicalPhone(data.phone);
  const validId = kind === 'person' ? isValidIdNumber(idNumber) : isValidCreditCode(idNumber);
  if (!validId) throw new AppError('disclosure.id_number_invalid', { fields: [{ path: 'idNumber', message: kind === 'person' ? '身份证号码不正确' : '统一社会信用代码不正确' }] });
  if (!/^1[3-9]\d{9}$/.test(phone)) throw new AppError('disclosure.phone_invalid', { fields: [{ path: 'phone', message: '请填写11位手机号码' }] });
  return { idNumber, phone };
}

export function sealApplicant(cipher: FieldCipher, requestId: string, data: ApplicantPersonal) {
  const seal = (f: { context: string }, value: string) => cipher.seal(sealedContext(f, requestId), value);
  return {
    id_number_sealed: seal(fields.idNumber, data.idNumber),
    id_number_index: cipher.index(fields.idNumber.field, data.idNumber),
    phone_sealed: seal(fields.phone, data.phone),
    phone_index: cipher.index(fields.phone.field, data.phone),
    address_sealed: data.address ? seal(fields.address, data.address) : null,
    email_sealed: data.email ? seal(fields.email, data.email) : null,
  };
}

export function openApplicant(cipher: FieldCipher, row: DisclosureRequestRow) {
  const open = (f: { context: string }, sealed: string | null) => (sealed ? cipher.open(sealedContext(f, row.id), sealed) : null);
  return {
    idNumber: open(fields.idNumber, row.id_number_sealed)!,
    phone: open(fields.phone, row.phone_sealed)!,
    address: open(fields.address, row.address_sealed),
    email: open(fields.email, row.email_sealed),
  };
}

const mask = (value: string, head: number, tail: number) =>
  value.length > head + tail ? `${value.slice(0, head)}${'*'.repeat(value.length - head - tail)}${value.slice(value.length - tail)}` : '*'.repeat(value.length);

/** What staff see: 152201********123X, 138****0000, the address's first characters, the mailbox's domain. */
export function maskedApplicant(cipher: FieldCipher, row: DisclosureRequestRow) {
  const plain = openApplicant(cipher, row);
  return {
    idNumberMasked: mask(plain.idNumber, 6, 4),
    phoneMasked: mask(plain.phone, 3, 4),
    addressMasked: plain.address ? `${plain.address.slice(0, 6)}……` : null,
    emailMasked: plain.email ? plain.email.replace(/^[^@]+/, (local) => `${local.slice(0, 1)}***`) : null,
  };
}
