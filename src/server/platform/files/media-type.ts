import { fileTypeFromFile } from 'file-type';

export const OCTET_STREAM = 'application/octet-stream';

/**
 * Watches bytes go by and tells whether they are all valid UTF-8 text: no invalid sequences and no
 * control characters other than tab, line feed, vertical tab, form feed, carriage return and escape.
 */
export class TextDetector {
  #decoder = new TextDecoder('utf-8', { fatal: true });
  #text = true;
  #bytes = 0;

  push(chunk: Uint8Array): void {
    this.#bytes += chunk.length;
    if (!this.#text) return;
    for (const byte of chunk) {
      if ((byte < 0x09 || (byte > 0x0d && byte < 0x20 && byte !== 0x1b)) || byte === 0x7f) {
        this.#text = false;
        return;
      }
    }
    try {
      this.#decoder.decode(chunk, { stream: true });
    } catch {
      this.#text = false;
    }
  }

  /** Whether everything pushed was text; an empty input is not (nothing says what it is). */
  isText(): boolean {
    if (!this.#text || this.#bytes === 0) return false;
    try {
      this.#decoder.decode();
      return true;
    } catch {
      return false;
    }
  }
}

/**
 * The media type of a file from its content: file-type's magic-number detection first (reading as
 * much of the file as it needs, so Office files in ZIP containers are told apart), then UTF-8 text
 * as `text/plain` — or `text/csv` when the name ends in `.csv` — else `application/octet-stream`.
 * The name is consulted only to choose between text types, never to trust a binary format.
 */
export async function sniffMediaType(filePath: string, name: string, isText: boolean): Promise<string> {
  const detected = await fileTypeFromFile(filePath);
  if (detected) return detected.mime;
  if (isText) return /\.csv$/i.test(name.trim()) ? 'text/csv' : 'text/plain';
  return OCTET_STREAM;
}

/** Whether `mediaType` is in `allowed`; an entry like `image/*` allows a whole family. */
export function isAllowedType(mediaType: string, allowed: readonly string[]): boolean {
  return allowed.some((entry) =>
    entry.endsWith('/*') ? mediaType.startsWith(entry.slice(0, -1)) : entry === mediaType,
  );
}
