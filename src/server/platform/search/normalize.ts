/**
 * Text normalisation shared by indexing, querying and highlighting, so that differently encoded
 * spellings of one word meet:
 *
 * - NFKC: full-width Latin letters and digits (ＡＢＣ１２３) become ASCII, NNBSP (U+202F, the
 *   Mongolian suffix connector) becomes a space, composed and decomposed accents become one form;
 * - lower case;
 * - invisible format characters removed: the Mongolian free variation selectors FVS1–4
 *   (U+180B–U+180D, U+180F), the vowel separator MVS (U+180E) and the todo soft hyphen (U+1806),
 *   which only choose glyph shapes and which input methods emit inconsistently; ZWJ, ZWNJ, ZWSP,
 *   word joiner, soft hyphen and BOM.
 */
// An alternation, not a class: FVS are combining marks, which a character class would mis-join.
const ignorable = /\u00AD|\u1806|\u180B|\u180C|\u180D|\u180E|\u180F|\u200B|\u200C|\u200D|\u2060|\uFEFF/gu;

/** The normalised form of `text` for indexing and matching. */
export function normalizeText(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(ignorable, '');
}

/** Normalised text with, for each of its UTF-16 units, the range of `original` it came from. */
export interface MappedText {
  readonly text: string;
  readonly starts: readonly number[];
  readonly ends: readonly number[];
}

// A base character with the marks that follow it (Mongolian FVS are marks, so they stay with their
// letter), or a run of marks with no base.
const cluster = /\P{M}\p{M}*|\p{M}+/gsu;

/**
 * Normalises cluster by cluster, remembering where each output unit came from, so a match found in
 * the normalised text can be marked in the original. Equal to `normalizeText` except where NFKC
 * would compose across clusters (conjoining Hangul jamo), which only shifts a highlight.
 */
export function normalizeWithMap(original: string): MappedText {
  let text = '';
  const starts: number[] = [];
  const ends: number[] = [];
  for (const match of original.matchAll(cluster)) {
    const piece = normalizeText(match[0]);
    const start = match.index;
    const end = start + match[0].length;
    for (let i = 0; i < piece.length; i += 1) {
      starts.push(start);
      ends.push(end);
    }
    text += piece;
  }
  return { text, starts, ends };
}

/** Traditional Mongolian script (U+1800–U+18AF), for callers that treat it specially. */
export const mongolianScript = /[\u1800-\u18AF]/u;
