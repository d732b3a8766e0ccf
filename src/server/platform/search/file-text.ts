import { buffer } from 'node:stream/consumers';
import type { DbOrTrx } from '../../db/database.js';
import { isAppError } from '../errors/app-error.js';
import type { FileStore } from '../files/index.js';
import { extractText } from './extract-text.js';

/** Extracted texts by file id: stored files are content-addressed and never change. */
const texts = new Map<string, string>();
const MAX_CACHED = 500;

/**
 * The text of a stored file for a search index ('' for types without text, or a damaged or locked
 * PDF), kept for the process's last 500 files. Modules index attachments with it.
 */
export async function fileText(db: DbOrTrx, files: FileStore, fileId: string): Promise<string> {
  const cached = texts.get(fileId);
  if (cached !== undefined) return cached;
  const { file, stream } = await files.get(db, fileId);
  let text = '';
  try {
    text = (await extractText(await buffer(stream), file.mediaType)).text;
  } catch (error) {
    if (!isAppError(error) || error.code !== 'search.extract_failed') throw error;
  }
  if (texts.size >= MAX_CACHED) texts.delete(texts.keys().next().value!);
  texts.set(fileId, text);
  return text;
}

/**
 * Reads a file's text into the cache before a write transaction, so that indexing inside it does not
 * parse a PDF while holding SQLite's write lock.
 */
export async function warmFileText(db: DbOrTrx, files: FileStore, fileId: string): Promise<void> {
  await fileText(db, files, fileId);
}
