import type { Insertable, Selectable } from 'kysely';
import type { ArchiveSource, Retention } from '../../../../shared/documents-receiving.js';
import type { Secrecy } from '../../../../shared/documents.js';

/** 全宗: an organisation's archive, with its 全宗号 and the default 机构（问题） of what it files. */
export interface ArchiveFondsTable {
  org_id: string;
  /** 全宗号, unique in the deployment. */
  fonds_code: string;
  /** 全宗名称 (the organisation's full name at the time it was set). */
  fonds_name: string;
  /** Default 机构（问题）代码 (DA/T 22: three letters or digits, e.g. BGS) and its name for the 归档章. */
  unit_code: string;
  unit_name: string;
  updated_at: string;
  updated_by_name: string | null;
}

/** 件: one filed document. */
export interface ArchiveItemTable {
  id: string;
  org_id: string;
  fonds_code: string;
  /** 门类代码, `WS`. */
  category: string;
  /** 年度. */
  year: number;
  retention: Retention;
  unit_code: string;
  unit_name: string;
  /** 件号, consecutive per organisation, year, retention and 机构. */
  item_number: number;
  /** 档号. */
  archival_code: string;
  source: ArchiveSource;
  document_id: string | null;
  incoming_id: string | null;
  /** 题名. */
  title: string;
  /** 文号. */
  doc_number: string | null;
  /** 责任者: the issuing organisation. */
  responsible: string;
  /** 日期 `YYYY-MM-DD`. */
  document_date: string | null;
  /** 页数. */
  pages: number;
  secrecy: Secrecy;
  /** The sealed original (or the scan), untouched. */
  original_file_id: string;
  /** The archival copy: the original followed by an incremental update drawing the 归档章. */
  archival_file_id: string;
  /** SM3 of the original, hex. */
  original_sm3: string;
  /** JSON of `ArchiveMetadata`: the record's description and its whole process (every step, who, when). */
  metadata: string;
  filed_by: string;
  filed_by_name: string;
  filed_at: string;
}

export interface ArchiveCounterTable {
  org_id: string;
  year: number;
  retention: Retention;
  unit_code: string;
  last_number: number;
}

export type ArchiveFondsRow = Selectable<ArchiveFondsTable>;
export type ArchiveItemRow = Selectable<ArchiveItemTable>;
export type NewArchiveItemRow = Insertable<ArchiveItemTable>;

declare module '../../../db/schema.js' {
  interface Database {
    archive_fonds: ArchiveFondsTable;
    archive_items: ArchiveItemTable;
    archive_counters: ArchiveCounterTable;
  }
}
