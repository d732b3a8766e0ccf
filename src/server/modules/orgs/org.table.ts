import type { Insertable, Selectable, Updateable } from 'kysely';
import type { OrgKind } from '../../../shared/orgs.js';

export interface OrgTable {
  id: string;
  /** Stable reference used by imports and seeds: a division code or `<parent ref>.<slug>`. */
  ref: string;
  parent_id: string | null;
  kind: OrgKind;
  /** GB/T 2260 code (6 digits) or NBS statistical code (12 digits); null for bodies. */
  code: string | null;
  name_zh: string;
  name_mn: string | null;
  name_latin: string | null;
  short_name: string | null;
  /** JSON array of 机关代字, the first being the one used by default. */
  doc_prefixes: string;
  credit_code: string | null;
  /** Ids from the root down to this org, `/a/b/c/`; a subtree is `path LIKE '/a/b/%'`. */
  path: string;
  depth: number;
  sort_order: number;
  created_at: string;
  updated_at: string;
}

export type OrgRow = Selectable<OrgTable>;
export type NewOrgRow = Insertable<OrgTable>;
export type OrgRowUpdate = Updateable<OrgTable>;

declare module '../../db/schema.js' {
  interface Database {
    orgs: OrgTable;
  }
}
