import { randomInt } from 'node:crypto';
import { type FieldCipher, type SealedColumn, sealedContext } from '../../../platform/sealed-data/index.js';
import type { PortalMessageRow } from './interaction.table.js';

/**
 * A writer's personal data: name, phone and email live only as SM4 envelopes bound to their message
 * row; the phone also has a blind index for the per-phone limit and duplicate detection.
 */
const fields = {
  name: { column: 'name_sealed', context: 'portal.messages.name' },
  phone: { column: 'phone_sealed', context: 'portal.messages.phone' },
  email: { column: 'email_sealed', context: 'portal.messages.email' },
} as const;
export const phoneIndexField = 'portal_message_phone';
export const ipIndexField = 'portal_interaction_ip';

/** The sealed columns of the interaction area, for `hinggan keys reencrypt`. */
export const interactionSealedColumns: readonly SealedColumn[] = [
  { table: 'portal_messages', key: 'id', column: fields.name.column, context: fields.name.context },
  { table: 'portal_messages', key: 'id', column: fields.phone.column, context: fields.phone.context, index: { column: 'phone_index', field: phoneIndexField } },
  { table: 'portal_messages', key: 'id', column: fields.email.column, context: fields.email.context },
];

/** A mainland mobile number, digits only. */
export const phonePattern = /^1[3-9]\d{9}$/;
export const canonicalPhone = (value: string) => value.normalize('NFKC').replace(/[\s-]+/g, '').replace(/^\+?86/, '');

export function sealWriter(cipher: FieldCipher, id: string, writer: { name: string; phone: string; email: string | null }) {
  return {
    name_sealed: cipher.seal(sealedContext(fields.name, id), writer.name),
    phone_sealed: cipher.seal(sealedContext(fields.phone, id), writer.phone),
    phone_index: cipher.index(phoneIndexField, writer.phone),
    email_sealed: writer.email ? cipher.seal(sealedContext(fields.email, id), writer.email) : null,
  };
}

export function openWriter(cipher: FieldCipher, row: Pick<PortalMessageRow, 'id' | 'name_sealed' | 'phone_sealed' | 'email_sealed'>) {
  return {
    name: cipher.open(sealedContext(fields.name, row.id), row.name_sealed),
    phone: cipher.open(sealedContext(fields.phone, row.id), row.phone_sealed),
    email: row.email_sealed ? cipher.open(sealedContext(fields.email, row.id), row.email_sealed) : null,
  };
}

export const maskPhone = (phone: string) => (phone.length === 11 ? `${phone.slice(0, 3)}****${phone.slice(7)}` : '*'.repeat(phone.length));

const codeAlphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
/** A tracking code: 12 characters without look-alikes (0/O, 1/I), about 60 bits. */
export function trackingCode(): string {
  let code = '';
  for (let i = 0; i < 12; i++) code += codeAlphabet[randomInt(codeAlphabet.length)];
  return code;
}
export const canonicalCode = (value: string) => value.normalize('NFKC').replace(/[\s-]+/g, '').toUpperCase();
