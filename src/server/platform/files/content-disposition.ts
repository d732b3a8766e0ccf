// Written here rather than taken from the `content-disposition` package: its current release needs
// Node 22, and it only encodes — it does not strip control characters, bidi overrides, reserved
// Windows names or leading dots, which is most of the work.

const RESERVED_WINDOWS = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;
/** Control, format (e.g. U+202E right-to-left override) and line/paragraph separator characters. */
const INVISIBLE = /[\p{Cc}\p{Cf}\u2028\u2029]/gu;
/** Characters Windows forbids in names (double quotes among them; they would also end the header's quoted string). */
const FORBIDDEN = /["<>:|?*]/g;
const DEFAULT_NAME = 'file';

function utf8Length(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/** Cuts `text` to at most `maxBytes` of UTF-8 without splitting a character. */
function truncateUtf8(text: string, maxBytes: number): string {
  let out = '';
  for (const char of text) {
    if (utf8Length(out + char) > maxBytes) break;
    out += char;
  }
  return out;
}

function splitExtension(name: string): [string, string] {
  const dot = name.lastIndexOf('.');
  // A short extension after a non-empty stem is kept when the name is shortened.
  if (dot > 0 && name.length - dot <= 16) return [name.slice(0, dot), name.slice(dot)];
  return [name, ''];
}

/**
 * A file name safe to save on any OS and to put in a header: the last path segment only, without
 * control or invisible characters, quotes or characters Windows forbids, without leading dots or
 * trailing dots/spaces, not a reserved Windows device name, and at most `maxBytes` of UTF-8 (the
 * extension is kept). Chinese and other Unicode letters are kept. Never empty.
 */
export function safeFileName(name: string, maxBytes = 180): string {
  const lastSegment = name.normalize('NFC').split(/[/\\]/).filter((s) => s.trim() !== '').pop() ?? '';
  let clean = lastSegment
    .replace(INVISIBLE, '')
    .replace(FORBIDDEN, '_')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.]+/, '')
    .replace(/[\s.]+$/, '');
  if (clean === '') return DEFAULT_NAME;
  if (RESERVED_WINDOWS.test(clean)) clean = `_${clean}`;
  if (utf8Length(clean) > maxBytes) {
    const [stem, extension] = splitExtension(clean);
    clean = truncateUtf8(stem, maxBytes - utf8Length(extension)).trimEnd() + extension;
  }
  return clean;
}

/** An ASCII-only stand-in for clients that ignore `filename*`: other characters become `_`. */
export function asciiFallbackName(safeName: string): string {
  const [stem, extension] = splitExtension(safeName);
  const ascii = (text: string) => text.replace(/[^\x20-\x7e]+/g, '_').replace(/[%\\;]/g, '_');
  const asciiStem = ascii(stem);
  const asciiExtension = ascii(extension);
  const usableStem = /[A-Za-z0-9]/.test(asciiStem) ? asciiStem : DEFAULT_NAME;
  return /^\.[A-Za-z0-9]+$/.test(asciiExtension) ? usableStem + asciiExtension : usableStem;
}

/** RFC 5987 `ext-value` encoding: UTF-8, percent-encoding everything outside `attr-char`. */
function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * A `Content-Disposition` header value for sending a file: the name is sanitised with
 * {@link safeFileName}; `filename` carries an ASCII fallback and, when the name is not plain ASCII,
 * `filename*=UTF-8''…` (RFC 6266 / RFC 5987) carries the real one, e.g. for `报告（终稿）.docx`:
 * `attachment; filename="file.docx"; filename*=UTF-8''%E6%8A%A5%E5%91%8A%EF%BC%88%E7%BB%88%E7%A8%BF%EF%BC%89.docx`.
 */
export function contentDisposition(name: string, type: 'attachment' | 'inline' = 'attachment'): string {
  const safe = safeFileName(name);
  const fallback = asciiFallbackName(safe);
  const header = `${type}; filename="${fallback}"`;
  return fallback === safe ? header : `${header}; filename*=UTF-8''${encodeRfc5987(safe)}`;
}
