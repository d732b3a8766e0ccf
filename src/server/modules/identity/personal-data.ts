import { isValidIdNumber } from '../../../shared/identifiers.js';
import { type FieldCipher, type SealedColumn, sealedContext } from '../../platform/sealed-data/index.js';
import type { UserRow, UserTable } from './identity.table.js';

/**
 * An account's personal data: 身份证号 and mobile phone. Stored only as SM4 envelopes with blind
 * indexes (`users.*_sealed`, `users.*_index`); shown masked; revealed in full only by an audited call.
 */
export interface PersonalData {
  readonly idNumber?: string | null;
  readonly phone?: string | null;
}

const fields = {
  idNumber: { column: 'id_number_sealed', index: 'id_number_index', field: 'id_number', context: 'identity.users.id_number' },
  phone: { column: 'phone_sealed', index: 'phone_index', field: 'phone', context: 'identity.users.phone' },
} as const;

/** The sealed columns of the identity module, for `hinggan keys reencrypt`. */
export const identitySealedColumns: readonly SealedColumn[] = [
  ...Object.values(fields).map((f) => ({ table: 'users', key: 'id', column: f.column, context: f.context, index: { column: f.index, field: f.field } })),
  // TOTP secrets (see totp.ts): the confirmed one and one being enrolled.
  { table: 'user_totp', key: 'user_id', column: 'secret', context: 'identity.totp' },
  { table: 'user_totp', key: 'user_id', column: 'pending_secret', context: 'identity.totp' },
];

/** A mainland mobile number: 11 digits starting 1[3-9]. */
export const phonePattern = /^1[3-9]\d{9}$/;

/** The canonical stored form: ID numbers upper-case (the check character X), phones digits only. */
export function canonicalIdNumber(value: string): string {
  return value.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
}
export function canonicalPhone(value: string): string {
  return value.normalize('NFKC').replace(/[\s-]+/g, '').replace(/^\+?86/, '');
}

export const looksLikeIdNumber = (q: string) => isValidIdNumber(canonicalIdNumber(q));
export const looksLikePhone = (q: string) => phonePattern.test(canonicalPhone(q));

/** The columns to write for the given changes; `null` clears a value, `undefined` leaves it. */
export type SealedPersonalColumns = Partial<Pick<UserTable, 'id_number_sealed' | 'id_number_index' | 'phone_sealed' | 'phone_index'>>;

export function sealPersonalData(cipher: FieldCipher, userId: string, data: PersonalData): SealedPersonalColumns {
  const changes: Record<string, string | null> = {};
  for (const key of ['idNumber', 'phone'] as const) {
    const value = data[key];
    if (value === undefined) continue;
    const f = fields[key];
    if (value === null || value === '') {
      changes[f.column] = null;
      changes[f.index] = null;
      continue;
    }
    const canonical = key === 'idNumber' ? canonicalIdNumber(value) : canonicalPhone(value);
    changes[f.column] = cipher.seal(sealedContext(f, userId), canonical);
    changes[f.index] = cipher.index(f.field, canonical);
  }
  return changes as SealedPersonalColumns;
}

/** The plain values of an account's personal data. */
export function openPersonalData(cipher: FieldCipher, user: UserRow): { idNumber: string | null; phone: string | null } {
  const open = (key: keyof typeof fields) => {
    const sealed = user[fields[key].column];
    return sealed ? cipher.open(sealedContext(fields[key], user.id), sealed) : null;
  };
  return { idNumber: open('idNumber'), phone: open('phone') };
}

/** 身份证号 as 152201********123X; phone as 138****0000. */
export function maskIdNumber(value: string): string {
  return value.length === 18 ? `${value.slice(0, 6)}********${value.slice(14)}` : '*'.repeat(value.length);
}
export function maskPhone(value: string): string {
  return value.length === 11 ? `${value.slice(0, 3)}****${value.slice(7)}` : '*'.repeat(value.length);
}

export function maskedPersonalData(cipher: FieldCipher, user: UserRow): { idNumberMasked: string | null; phoneMasked: string | null } {
  const { idNumber, phone } = openPersonalData(cipher, user);
  return { idNumberMasked: idNumber && maskIdNumber(idNumber), phoneMasked: phone && maskPhone(phone) };
}

/**
 * When a search text is a whole ID number or phone number, the blind-index values to find it by
 * (current and, during an index-key rotation, previous); otherwise null.
 */
export function personalLookup(cipher: FieldCipher, q: string): { column: 'id_number_index' | 'phone_index'; values: string[] } | null {
  if (looksLikeIdNumber(q)) return { column: fields.idNumber.index, values: cipher.lookup(fields.idNumber.field, canonicalIdNumber(q)) };
  if (looksLikePhone(q)) return { column: fields.phone.index, values: cipher.lookup(fields.phone.field, canonicalPhone(q)) };
  return null;
}
