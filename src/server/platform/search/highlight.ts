import { normalizeText, normalizeWithMap, type MappedText } from './normalize.js';

const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => entities[c]!);
}

/** How much of a long text is searched for a passage to show; beyond it the snippet shows the start. */
const SEARCHED_CHARS = 20_000;
/** Characters of context before the first match. */
const LEAD = 30;

export interface Highlighted {
  /** Escaped HTML with `<mark>` around the matches. */
  readonly html: string;
  /** Whether any needle was found. */
  readonly matched: boolean;
}

function needleRegex(needles: readonly string[]): RegExp | undefined {
  const sorted = [...new Set(needles)].filter(Boolean).sort((a, b) => b.length - a.length);
  if (!sorted.length) return undefined;
  return new RegExp(sorted.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'gu');
}

/**
 * Characters whose normalisation may join or split code units: marks, ignorables, Hangul jamo and
 * characters outside the BMP. Text without them that keeps its length maps one unit to one unit.
 */
const reshaping = /[\p{M}\u00AD\u1100-\u11FF\u1806\u200B-\u200D\u2060\u3131-\u318E\uFEFF\u{10000}-\u{10FFFF}]/u;

/** Most text (Chinese with full-width punctuation) normalises unit for unit: no per-character work then. */
function mapNormalized(text: string): MappedText {
  const normalized = normalizeText(text);
  if (normalized.length !== text.length || reshaping.test(text)) return normalizeWithMap(text);
  const starts = Array.from({ length: text.length }, (_, i) => i);
  return { text: normalized, starts, ends: starts.map((i) => i + 1) };
}

/**
 * A passage of `text` (about `length` characters, whitespace collapsed) around the first match of
 * any normalised needle, escaped, with every match wrapped in `<mark>`. Matching happens on the
 * normalised text (so `ＡＢＣ` or Mongolian written with variation selectors still match); the marks
 * go around the original characters. With `length` Infinity the whole text is returned (titles).
 */
export function highlight(text: string, needles: readonly string[], length: number): Highlighted {
  const source = text.length > SEARCHED_CHARS && Number.isFinite(length) ? text.slice(0, SEARCHED_CHARS) : text;
  const mapped = mapNormalized(source);
  const pattern = needleRegex(needles);
  const matches = pattern ? [...mapped.text.matchAll(pattern)].map((m) => [m.index, m.index + m[0].length] as const) : [];
  const size = mapped.text.length;
  if (size === 0) return { html: '', matched: false };

  const first = matches[0]?.[0] ?? 0;
  const lead = Math.min(LEAD, Math.floor(length / 4));
  const from = Number.isFinite(length) ? Math.max(0, Math.min(first - lead, size - length)) : 0;
  const to = Number.isFinite(length) ? Math.min(size, from + length) : size;
  const start = from === 0 ? 0 : mapped.starts[from]!;
  const end = to >= size ? text.length : mapped.starts[to]!;

  let html = from > 0 ? '…' : '';
  let cursor = start;
  const squash = (s: string) => (Number.isFinite(length) ? s.replace(/\s+/g, ' ') : s);
  for (const [ms, me] of matches) {
    if (ms < from || me > to) continue;
    const markStart = mapped.starts[ms]!;
    const markEnd = mapped.ends[me - 1]!;
    if (markStart < cursor) continue; // overlaps the previous mark (a cluster that normalises to several units)
    html += escapeHtml(squash(text.slice(cursor, markStart))) + `<mark>${escapeHtml(squash(text.slice(markStart, markEnd)))}</mark>`;
    cursor = markEnd;
  }
  html += escapeHtml(squash(text.slice(cursor, end)));
  if (end < text.length) html += '…';
  return { html: html.trim(), matched: matches.length > 0 };
}
