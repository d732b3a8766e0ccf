/**
 * GB/T 9704-2012 page geometry, in PDF points (1 pt = 1/72 in), origin at the page's top-left as
 * pdfkit draws. Every number here is the standard's; the layout code uses only these names.
 */
export const MM = 72 / 25.4;

export const PAGE_WIDTH = 210 * MM;
export const PAGE_HEIGHT = 297 * MM;
/** 天头: top margin. */
export const TOP_MARGIN = 37 * MM;
/** 订口: the binding (left) margin. */
export const LEFT_MARGIN = 28 * MM;
/** 版心: the text block. */
export const BLOCK_WIDTH = 156 * MM;
export const BLOCK_HEIGHT = 225 * MM;
export const BLOCK_LEFT = LEFT_MARGIN;
export const BLOCK_RIGHT = LEFT_MARGIN + BLOCK_WIDTH;
export const BLOCK_TOP = TOP_MARGIN;
export const BLOCK_BOTTOM = TOP_MARGIN + BLOCK_HEIGHT;

/** 22 lines × 28 characters fill the text block (撑满版心): the document grid. */
export const LINES_PER_PAGE = 22;
export const CHARS_PER_LINE = 28;
export const LINE_PITCH = BLOCK_HEIGHT / LINES_PER_PAGE;
export const CHAR_PITCH = BLOCK_WIDTH / CHARS_PER_LINE;

/** 号 sizes in points. */
export const SIZE = { no2: 22, no3: 16, no4: 14 } as const;
/** The body size: 3号. */
export const BODY_SIZE = SIZE.no3;

/** 发文机关标志: its top is 35 mm below the text block's top (信函格式: 30 mm below the page's top). */
export const LETTERHEAD_TOP = BLOCK_TOP + 35 * MM;
export const LETTER_LETTERHEAD_TOP = 30 * MM;
/** 发文机关标志 characters are at most 22 mm wide × 15 mm high. */
export const LETTERHEAD_MAX_HEIGHT = 15 * MM;
export const LETTERHEAD_MAX_WIDTH = 22 * MM;
/** The red separator line is 4 mm below the 发文字号. */
export const SEPARATOR_GAP = 4 * MM;
/** Its thickness: the standard leaves it open; 0.75 mm (≈ 2.1 pt) is the common template value. */
export const SEPARATOR_WIDTH = 0.75 * MM;
/** 版记 rules: first and last 0.35 mm, those between 0.25 mm. */
export const IMPRINT_OUTER_RULE = 0.35 * MM;
export const IMPRINT_INNER_RULE = 0.25 * MM;
/** 页码: the 一字线 is 7 mm below the text block, the number 1 character (4号) in from the edge. */
export const PAGE_NUMBER_GAP = 7 * MM;
/** 信函格式: red double lines 170 mm long; the lower one 20 mm above the page's bottom edge. */
export const LETTER_RULE_LENGTH = 170 * MM;
export const LETTER_BOTTOM_RULE = PAGE_HEIGHT - 20 * MM;
/** A round seal's default diameter (机关公章 4.2 cm). */
export const SEAL_DIAMETER = 42 * MM;

/** 红色: the red of 标志, separator line and seal (pure red). */
export const RED = '#FF0000';
export const BLACK = '#000000';

/**
 * The ideographic em box of the CJK faces spans 0.88 em above the baseline and 0.12 em below it
 * (Adobe-GB1 fonts, Noto CJK, Fandol); text is centred on its grid line by that box.
 */
export const EM_ASCENT = 0.88;
export const EM_DESCENT = 0.12;

/** The baseline that centres text of `size` in the grid line whose top is `lineTop`. */
export function baselineInLine(lineTop: number, size: number, pitch = LINE_PITCH): number {
  return lineTop + (pitch - size) / 2 + EM_ASCENT * size;
}
