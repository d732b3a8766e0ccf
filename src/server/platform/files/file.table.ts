import type { Insertable, Selectable } from 'kysely';

/** A stored file: metadata of one upload. Rows with equal `sha256` share one blob on disk. */
export interface FileTable {
  id: string;
  /** Lower-case hex SHA-256 of the content; names the blob under <dataDir>/files/. */
  sha256: string;
  size: number;
  /** Sniffed from the bytes, never taken from the name or the client's Content-Type. */
  media_type: string;
  /** The name as uploaded, for display only; never use it in a path or a header. */
  original_name: string;
  /** The sanitised name, safe for Content-Disposition and for saving on any OS. */
  safe_name: string;
  created_at: string;
  /** The user id of the uploader, if any; not a foreign key (the platform knows no users table). */
  created_by: string | null;
}

export type FileRow = Selectable<FileTable>;
export type NewFileRow = Insertable<FileTable>;

declare module '../../db/schema.js' {
  interface Database {
    files: FileTable;
  }
}
