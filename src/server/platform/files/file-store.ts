import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { access, mkdir, open, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Config } from '../../config.js';
import type { DbOrTrx } from '../../db/database.js';
import { isoNow, systemClock, type Clock } from '../clock.js';
import { AppError } from '../errors/app-error.js';
import { newId } from '../ids.js';
import { safeFileName } from './content-disposition.js';
import { fileRepository } from './file.repository.js';
import type { FileRow } from './file.table.js';
import { isAllowedType, sniffMediaType, TextDetector } from './media-type.js';

/** A stored file's metadata, as services see it. */
export interface StoredFile {
  readonly id: string;
  readonly sha256: string;
  readonly size: number;
  /** Sniffed from the content. */
  readonly mediaType: string;
  readonly originalName: string;
  /** Sanitised; use it (via `contentDisposition`) whenever the name leaves the server. */
  readonly safeName: string;
  readonly createdAt: string;
  readonly createdBy: string | null;
}

export interface PutOptions {
  /** The name the client gave; kept for display, sanitised for use, never trusted for the type. */
  readonly name: string;
  /** Accepted media types (`image/*` allowed); others fail with `file.type_not_allowed`. */
  readonly allowedTypes?: readonly string[];
  /** Size limit in bytes; defaults to the configured `uploadLimitMb`. */
  readonly maxBytes?: number;
  readonly createdBy?: string | null;
}

export type FileInput = Readable | AsyncIterable<Uint8Array> | Uint8Array;

function toFile(row: FileRow): StoredFile {
  return {
    id: row.id,
    sha256: row.sha256,
    size: Number(row.size),
    mediaType: row.media_type,
    originalName: row.original_name,
    safeName: row.safe_name,
    createdAt: row.created_at,
    createdBy: row.created_by,
  };
}

const isMissing = (error: unknown) => (error as NodeJS.ErrnoException).code === 'ENOENT';

/**
 * Content-addressed file storage on local disk: each distinct content is one blob at
 * `<dataDir>/files/ab/cd/<sha256>`, and each upload one row in `files`. Blobs are written to
 * `files/tmp/` and renamed into place only when complete, checked and fsynced, so a crash never
 * leaves a partial blob (at most a stray temp file).
 *
 * `put` writes the blob before the row; if the caller's transaction then rolls back the blob stays
 * as unreferenced garbage (harmless; it is reused by the next upload of the same bytes). On SQLite,
 * prefer calling `put` outside a long transaction: a slow upload would hold the single writer.
 */
export class FileStore {
  readonly root: string;
  readonly #tmp: string;
  readonly #maxBytes: number;
  readonly #clock: Clock;

  constructor(options: { dataDir: string; maxBytes: number; clock?: Clock }) {
    this.root = path.join(options.dataDir, 'files');
    this.#tmp = path.join(this.root, 'tmp');
    this.#maxBytes = options.maxBytes;
    this.#clock = options.clock ?? systemClock;
  }

  /** Where the blob for a content hash lives. */
  blobPath(sha256: string): string {
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error(`not a sha256 hex digest: ${sha256}`);
    return path.join(this.root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  /**
   * Stores content and records it. The size limit is enforced while streaming (`file.too_large`,
   * the temp file removed); the media type is sniffed from the bytes and checked against
   * `allowedTypes` (`file.type_not_allowed`). Storing the same bytes again adds a row, not a blob.
   */
  async put(db: DbOrTrx, input: FileInput, options: PutOptions): Promise<StoredFile> {
    const maxBytes = options.maxBytes ?? this.#maxBytes;
    await mkdir(this.#tmp, { recursive: true });
    const tmpFile = path.join(this.#tmp, `${randomUUID()}.part`);
    try {
      const hash = createHash('sha256');
      const text = new TextDetector();
      let size = 0;
      const meter = new Transform({
        transform(chunk: Buffer, _encoding, done) {
          size += chunk.length;
          if (size > maxBytes) {
            done(new AppError('file.too_large', { details: { maxBytes } }));
            return;
          }
          hash.update(chunk);
          text.push(chunk);
          done(null, chunk);
        },
      });
      const source = input instanceof Readable ? input : Readable.from(input instanceof Uint8Array ? [input] : input);
      await pipeline(source, meter, createWriteStream(tmpFile, { flags: 'wx', flush: true }));

      const mediaType = await sniffMediaType(tmpFile, options.name, text.isText());
      if (options.allowedTypes && !isAllowedType(mediaType, options.allowedTypes)) {
        throw new AppError('file.type_not_allowed', { details: { mediaType, allowed: options.allowedTypes } });
      }
      const sha256 = hash.digest('hex');
      await this.#moveIntoPlace(tmpFile, sha256);

      const row: FileRow = {
        id: newId(),
        sha256,
        size,
        media_type: mediaType,
        original_name: options.name.slice(0, 1024),
        safe_name: safeFileName(options.name),
        created_at: isoNow(this.#clock),
        created_by: options.createdBy ?? null,
      };
      await fileRepository.insert(db, row);
      return toFile(row);
    } finally {
      await rm(tmpFile, { force: true });
    }
  }

  async #moveIntoPlace(tmpFile: string, sha256: string): Promise<void> {
    const target = this.blobPath(sha256);
    try {
      await access(target);
      return; // Same bytes already stored: the temp copy is dropped by the caller.
    } catch (error) {
      if (!isMissing(error)) throw error;
    }
    await mkdir(path.dirname(target), { recursive: true });
    await rename(tmpFile, target);
  }

  /** A file's metadata, or undefined. */
  async find(db: DbOrTrx, id: string): Promise<StoredFile | undefined> {
    const row = await fileRepository.findById(db, id);
    return row && toFile(row);
  }

  /** A file's metadata and a stream of its content; `file.not_found` if either is missing. */
  async get(db: DbOrTrx, id: string): Promise<{ file: StoredFile; stream: Readable }> {
    const file = await this.find(db, id);
    if (!file) throw new AppError('file.not_found', { details: { id } });
    try {
      const handle = await open(this.blobPath(file.sha256), 'r');
      return { file, stream: handle.createReadStream() };
    } catch (error) {
      if (isMissing(error)) throw new AppError('file.not_found', { details: { id, blobMissing: true } });
      throw error;
    }
  }
}

/** The file store for a configuration: blobs under `<dataDir>/files`, limit `uploadLimitMb`. */
export function createFileStore(config: Pick<Config, 'dataDir' | 'uploadLimitMb'>, clock: Clock = systemClock): FileStore {
  return new FileStore({ dataDir: config.dataDir, maxBytes: config.uploadLimitMb * 1024 * 1024, clock });
}
