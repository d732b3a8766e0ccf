import { createRequire } from 'node:module';
import path from 'node:path';
import sanitizeHtml from 'sanitize-html';
import { AppError } from '../errors/app-error.js';
import './search.errors.js';

export interface ExtractedText {
  readonly text: string;
  /** False for types this helper cannot read (images, office files): `text` is empty. */
  readonly supported: boolean;
  /** True when `maxChars` (or `maxPages`) cut the text short. */
  readonly truncated: boolean;
}

export interface ExtractOptions {
  /** Default 1,000,000, the most a search entry indexes. */
  readonly maxChars?: number;
  /** PDF pages read; default 500. */
  readonly maxPages?: number;
}

/**
 * The text of an attachment for indexing: PDF (text layer, via pdfjs-dist), HTML (tags dropped,
 * scripts and styles with their content, block elements separated by line breaks) and plain text
 * (UTF-8, or GB18030 as older Chinese files are). Word files are not read (`supported: false`).
 * Throws `search.extract_failed` for a damaged or password-protected PDF.
 */
export async function extractText(bytes: Uint8Array, mediaType: string, options: ExtractOptions = {}): Promise<ExtractedText> {
  const maxChars = options.maxChars ?? 1_000_000;
  const type = mediaType.split(';')[0]!.trim().toLowerCase();
  let text: string;
  let truncated = false;
  if (type === 'application/pdf') {
    ({ text, truncated } = await pdfText(bytes, options.maxPages ?? 500, maxChars));
  } else if (type === 'text/html' || type === 'application/xhtml+xml') {
    text = htmlText(decodeText(bytes));
  } else if (type.startsWith('text/')) {
    text = decodeText(bytes);
  } else {
    return { text: '', supported: false, truncated: false };
  }
  text = text.replace(/\r\n?/g, '\n').replace(/[ \t\f\v]+/g, ' ').replace(/\n{3,}/g, '\n\n').trim();
  if (text.length > maxChars) return { text: text.slice(0, maxChars), supported: true, truncated: true };
  return { text, supported: true, truncated };
}

function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

const blockTags = /<(?:\/?(?:p|div|br|li|ul|ol|tr|td|th|table|h[1-6]|section|article|header|footer|blockquote|pre|dd|dt|hr)\b)/gi;

/** Text of an HTML page: tags and script/style content dropped, entities decoded. */
export function htmlText(html: string): string {
  // sanitize-html decodes entities while parsing and escapes &, <, > (and ") again on output;
  // undoing exactly that escaping gives the text.
  const escaped = sanitizeHtml(html.replace(blockTags, '\n$&'), { allowedTags: [], allowedAttributes: {} });
  const text = escaped.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .join('\n');
}

const pdfjsRoot = (): string => path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

async function pdfText(bytes: Uint8Array, maxPages: number, maxChars: number): Promise<{ text: string; truncated: boolean }> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const root = pdfjsRoot();
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes), // pdfjs takes ownership of (detaches) the buffer it is given
    cMapUrl: path.join(root, 'cmaps') + path.sep,
    cMapPacked: true,
    standardFontDataUrl: path.join(root, 'standard_fonts') + path.sep,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
  });
  try {
    const document = await task.promise;
    const pages = Math.min(document.numPages, maxPages);
    let text = '';
    for (let n = 1; n <= pages && text.length <= maxChars; n += 1) {
      const page = await document.getPage(n);
      const content = await page.getTextContent();
      for (const item of content.items) {
        if ('str' in item) text += item.str + (item.hasEOL ? '\n' : '');
      }
      text += '\n\n';
      page.cleanup();
    }
    return { text, truncated: document.numPages > maxPages || text.length > maxChars };
  } catch (error) {
    const encrypted = (error as { name?: string }).name === 'PasswordException';
    throw new AppError('search.extract_failed', { details: { reason: encrypted ? 'encrypted' : 'unreadable' }, cause: error });
  } finally {
    await task.destroy();
  }
}
