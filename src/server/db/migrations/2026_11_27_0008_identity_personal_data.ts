import type { Kysely } from 'kysely';

// Frozen: this migration imports no application code.

/**
 * Personal data on accounts: 身份证号 and mobile phone, each an SM4 envelope (base64) beside its
 * blind index (HMAC-SM3, hex) for exact-match lookups. No plain value is ever stored.
 */
export async function up(db: Kysely<any>): Promise<void> {
  for (const field of ['id_number', 'phone']) {
    await db.schema.alterTable('users').addColumn(`${field}_sealed`, 'text').execute();
    await db.schema.alterTable('users').addColumn(`${field}_index`, 'text').execute();
    await db.schema.createIndex(`users_${field}_index_idx`).on('users').column(`${field}_index`).execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const field of ['id_number', 'phone']) {
    await db.schema.dropIndex(`users_${field}_index_idx`).execute();
    await db.schema.alterTable('users').dropColumn(`${field}_index`).execute();
    await db.schema.alterTable('users').dropColumn(`${field}_sealed`).execute();
  }
}
