/**
 * Breaks styled text into lines on the document grid: full-width characters take one grid cell
 * (156 mm / 28 at 3号), other characters their own advance; no Latin word or number is split; the
 * Chinese line-breaking rules (禁则) keep closing punctuation off a line's start (squeezing it into
 * the line above) and opening punctuation off a line's end; every line but a paragraph's last is
 * justified to the full width (撑满版心).
 */
import { type TextStyle } from './render.body.js';
import { advanceEm, type LoadedFont } from './render.fonts.js';
import { BODY_SIZE, CHAR_PITCH } from './render.geometry.js';

/** Font roles a run is drawn with. */
export type FaceKey = 'fangsong' | 'kaiti' | 'heiti' | 'songti' | 'xiaobiaosong';

export interface Faces {
  readonly fangsong: LoadedFont;
  readonly kaiti: LoadedFont;
  readonly heiti: LoadedFont;
  readonly songti: LoadedFont;
  readonly xiaobiaosong: LoadedFont;
}

/** A run positioned on a line: drawn with one face, one size, one letter spacing. */
export interface PlacedRun {
  readonly text: string;
  readonly face: FaceKey;
  readonly bold: boolean;
  readonly size: number;
  /** Left edge, relative to the line's left edge. */
  readonly x: number;
  /** Letter spacing (PDF Tc) in points. */
  readonly spacing: number;
  /** Width the run covers, spacing included up to its last character. */
  readonly width: number;
}

export interface Line {
  readonly runs: readonly PlacedRun[];
  readonly width: number;
}

export interface TextPiece {
  readonly text: string;
  readonly style: TextStyle | FaceKey;
}

interface Glyph {
  readonly ch: string;
  readonly face: FaceKey;
  readonly bold: boolean;
  /** Advance on the grid, before justification. */
  readonly advance: number;
}

const faceOfStyle: Record<TextStyle | FaceKey, FaceKey> = {
  fang: 'fangsong',
  fangBold: 'fangsong',
  kai: 'kaiti',
  hei: 'heiti',
  fangsong: 'fangsong',
  kaiti: 'kaiti',
  heiti: 'heiti',
  songti: 'songti',
  xiaobiaosong: 'xiaobiaosong',
};

/** May not begin a line. */
const NO_START = new Set([...'，。、；：？！）》」』】〕〉”’…—·%‰℃,.;:?!)]}']);
/** May not end a line. */
const NO_END = new Set([...'（《「『【〔〈“‘(<[{']);
/** Kept together: a Latin word, a number with its signs. */
const WORD = /[A-Za-z0-9\u00c0-\u024f@#&_+\-./%]/;

/** Grid compression: a 3号 character is 16 pt, its cell 156 mm / 28 ≈ 15.79 pt. */
export const GRID_RATIO = CHAR_PITCH / BODY_SIZE;

function glyphsOf(pieces: readonly TextPiece[], size: number, faces: Faces): Glyph[] {
  const out: Glyph[] = [];
  for (const piece of pieces) {
    const preferred = faceOfStyle[piece.style];
    const bold = piece.style === 'fangBold';
    for (const ch of piece.text) {
      const cp = ch.codePointAt(0)!;
      let face: FaceKey = preferred;
      let em = advanceEm(faces[face].font, cp);
      if (em === 0 && ch !== '\n') {
        face = 'songti';
        em = advanceEm(faces.songti.font, cp) || 1;
      }
      out.push({ ch, face, bold, advance: ch === '\n' ? 0 : em * size + size * (GRID_RATIO - 1) });
    }
  }
  return out;
}

/** Units that are never split: a Latin word or number (with a following space), else one character. */
function units(glyphs: Glyph[]): Glyph[][] {
  const out: Glyph[][] = [];
  let i = 0;
  while (i < glyphs.length) {
    const start = i;
    if (WORD.test(glyphs[i]!.ch)) {
      while (i < glyphs.length && WORD.test(glyphs[i]!.ch)) i++;
    } else {
      i++;
    }
    while (i < glyphs.length && glyphs[i]!.ch === ' ') i++;
    out.push(glyphs.slice(start, i));
  }
  return out;
}

const widthOf = (unit: Glyph[]) => unit.reduce((w, g) => w + g.advance, 0);
/** Width without trailing spaces (they hang past the line's end). */
const inkWidth = (glyphs: Glyph[]) => {
  let end = glyphs.length;
  while (end > 0 && glyphs[end - 1]!.ch === ' ') end--;
  return widthOf(glyphs.slice(0, end));
};

export interface BreakOptions {
  readonly size: number;
  /** Available width of every line. */
  readonly width: number;
  /** Indent of the first line (points), e.g. two cells for a paragraph. */
  readonly firstIndent?: number;
  /** Indent of the following lines. */
  readonly restIndent?: number;
  /** Justify every line but the last (default true). */
  readonly justify?: boolean;
}

/** Splits the text into lines. Each line's runs have x relative to the line box's left edge. */
export function breakLines(pieces: readonly TextPiece[], faces: Faces, options: BreakOptions): Line[] {
  const { size, width } = options;
  const firstIndent = options.firstIndent ?? 0;
  const restIndent = options.restIndent ?? 0;
  const justify = options.justify ?? true;
  const all = units(glyphsOf(pieces, size, faces));
  const lines: Line[] = [];
  let current: Glyph[][] = [];
  let indent = firstIndent;
  const slack = size * 0.01;

  const emit = (unitsOnLine: Glyph[][], last: boolean) => {
    lines.push(place(unitsOnLine.flat(), indent, width - indent, justify && !last, size));
    indent = restIndent;
  };

  for (let k = 0; k < all.length; k++) {
    const unit = all[k]!;
    if (unit[0]!.ch === '\n') {
      emit(current, true);
      current = [];
      continue;
    }
    const available = width - indent;
    const used = widthOf(current.flat());
    if (current.length === 0 || used + inkWidth(unit) <= available + slack) {
      current.push(unit);
      continue;
    }
    // Closing punctuation squeezes into this line (at most one character's worth).
    if (NO_START.has(unit[0]!.ch) && unit.length === 1 && used + inkWidth(unit) <= available + size) {
      current.push(unit);
      continue;
    }
    const carry: Glyph[][] = [];
    // Opening punctuation does not end a line; closing punctuation does not start one.
    while (current.length > 1 && NO_END.has(current[current.length - 1]!.at(-1)!.ch)) carry.unshift(current.pop()!);
    if (NO_START.has(unit[0]!.ch)) {
      while (current.length > 1 && NO_START.has(current[current.length - 1]![0]!.ch)) carry.unshift(current.pop()!);
      if (current.length > 1) carry.unshift(current.pop()!);
    }
    emit(current, false);
    current = [...carry, unit];
  }
  if (current.length) emit(current, true);
  return lines;
}

/** Positions glyphs; justifies (spreads or squeezes evenly between characters) when asked. */
function place(glyphs: Glyph[], indent: number, available: number, justify: boolean, size: number): Line {
  const base = size * (GRID_RATIO - 1);
  let end = glyphs.length;
  while (end > 0 && glyphs[end - 1]!.ch === ' ') end--;
  const visible = glyphs.slice(0, end);
  // Ink width: the letter spacing after the last character does not count.
  const ink = widthOf(visible) - base;
  const gaps = Math.max(visible.length - 1, 1);
  const extra = justify && visible.length > 1 ? (available - ink) / gaps : 0;
  const runs: PlacedRun[] = [];
  let x = indent;
  let i = 0;
  while (i < visible.length) {
    const first = visible[i]!;
    let j = i;
    let text = '';
    let w = 0;
    while (j < visible.length && visible[j]!.face === first.face && visible[j]!.bold === first.bold) {
      text += visible[j]!.ch;
      w += visible[j]!.advance + (j < visible.length - 1 ? extra : 0);
      j++;
    }
    runs.push({ text, face: first.face, bold: first.bold, size, x, spacing: base + extra, width: w });
    x += w;
    i = j;
  }
  return { runs, width: visible.length ? x - indent - base : 0 };
}
