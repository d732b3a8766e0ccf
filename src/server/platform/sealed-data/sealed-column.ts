/**
 * A column a module keeps sealed (SM4 envelope, base64), declared in its `PlatformModule` so that
 * `hinggan keys reencrypt` can move every envelope to the current data key and rewrite blind
 * indexes after a rotation. The envelope's context is `${context}:${row key}`.
 */
export interface SealedColumn {
  readonly table: string;
  /** The primary-key column (text or integer). */
  readonly key: string;
  /** The envelope column; null values are skipped. */
  readonly column: string;
  /** The context prefix the module seals with, e.g. `identity.users.phone`. */
  readonly context: string;
  /** The blind index kept beside the envelope, and the field name it is keyed for. */
  readonly index?: { readonly column: string; readonly field: string };
}

/** The context of one row's envelope. */
export const sealedContext = (column: Pick<SealedColumn, 'context'>, key: string) => `${column.context}:${key}`;
