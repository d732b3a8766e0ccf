import type { Kysely } from 'kysely';

// Frozen: this migration imports no application code.

/** Placeholder: filled in by the work that owns these tables before it lands. */
export async function up(_db: Kysely<any>): Promise<void> {}

export async function down(_db: Kysely<any>): Promise<void> {}
