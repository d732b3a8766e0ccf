/**
 * 版头: 份号, 密级和保密期限, 紧急程度, the red 发文机关标志 (bilingual Mongolian above Chinese where the
 * organisation asks), 发文字号 and 签发人, and the red separator line (信函格式: the red double lines).
 */
import { type OfficialDocumentInput } from './render.types.js';
import { type Faces } from './render.lines.js';
import { type Op } from './render.flow.js';
import { outlineText } from './render.outline.js';
import type * as fontkit from 'fontkit';
import {
  BLOCK_LEFT,
  BLOCK_RIGHT,
  BLOCK_TOP,
  BLOCK_WIDTH,
  BODY_SIZE,
  CHAR_PITCH,
  EM_ASCENT,
  EM_DESCENT,
  LETTERHEAD_MAX_HEIGHT,
  LETTERHEAD_TOP,
  LETTER_BOTTOM_RULE,
  LETTER_LETTERHEAD_TOP,
  LETTER_RULE_LENGTH,
  LINE_PITCH,
  MM,
  PAGE_WIDTH,
  RED,
  SEPARATOR_GAP,
  SEPARATOR_WIDTH,
  baselineInLine,
} from './render.geometry.js';
import { textOps, widthOf } from './render.text.js';

const secrecyName = { secret: '秘密', confidential: '机密', top_secret: '绝密' } as const;
const urgencyName = { normal: '', urgent: '加急', very_urgent: '特急' } as const;

/** 信函格式: the 标志 is smaller (the standard leaves its size free). */
const LETTER_LETTERHEAD_HEIGHT = 12 * MM;
/** Space between a Mongolian line and the Chinese line under it, in em. */
const BILINGUAL_GAP = 0.2;

export interface Header {
  readonly ops: Op[];
  /** Top of the title's first line. */
  readonly titleTop: number;
}

/** 份号, 密级, 紧急程度 in this order, one per line, flush left (3号: numbers 宋体, words 黑体). */
function marks(input: OfficialDocumentInput): { text: string; face: 'songti' | 'heiti' }[] {
  const out: { text: string; face: 'songti' | 'heiti' }[] = [];
  if (input.copyNumber) out.push({ text: input.copyNumber, face: 'songti' });
  if (input.secrecy) out.push({ text: `${secrecyName[input.secrecy.level]}${input.secrecy.term ? `★${input.secrecy.term}` : ''}`, face: 'heiti' });
  const urgency = urgencyName[input.urgency ?? 'normal'];
  if (urgency) out.push({ text: urgency, face: 'heiti' });
  return out;
}

/** A line of the 标志 centred across the text block, narrowed (never widened) to fit it. */
function centredLine(faces: Faces, text: string, size: number, emTop: number, color: string): Op[] {
  const natural = widthOf(faces, 'xiaobiaosong', text, size);
  const scale = Math.min(100, (BLOCK_WIDTH / natural) * 100);
  const width = (natural * scale) / 100;
  return textOps(faces, text, 'xiaobiaosong', size, BLOCK_LEFT + (BLOCK_WIDTH - width) / 2, emTop + EM_ASCENT * size, { color, scale }).ops;
}

/** The Mongolian line: shaped outlines at the same size as the Chinese, narrowed to fit the block. */
function mongolianLine(font: fontkit.Font, text: string, size: number, inkTop: number, centreX: number, maxWidth: number): { ops: Op[]; bottom: number } {
  const outline = outlineText(font, text, size);
  const scale = Math.min(100, (maxWidth / outline.width) * 100);
  const width = (outline.width * scale) / 100;
  const baseline = inkTop - outline.top;
  return {
    ops: [{ kind: 'outline', x: centreX - width / 2, baseline, path: outline.path, color: RED, scale }],
    bottom: baseline + outline.bottom,
  };
}

/**
 * The red 发文机关标志 from `top` down; returns its ops and bottom edge. One issuer: one line (name +
 * suffix), with its Mongolian line above when bilingual. A joint document: the names stacked (each
 * with its Mongolian line), spread to the longest name's width, the suffix to their right, centred
 * on them vertically.
 */
export function letterhead(input: OfficialDocumentInput, faces: Faces, mongolian: fontkit.Font, top: number, height: number, letter: boolean): { ops: Op[]; bottom: number } {
  const { letterhead: head } = input;
  const issuers = letter ? head.issuers.slice(0, 1) : head.issuers;
  const suffix = head.suffix ?? (letter ? '' : '文件');
  const ops: Op[] = [];
  const centre = BLOCK_LEFT + BLOCK_WIDTH / 2;

  if (issuers.length === 1) {
    const issuer = issuers[0]!;
    let y = top;
    if (head.bilingual && issuer.mongolianName) {
      const text = head.mongolianSuffix ? `${issuer.mongolianName} ${head.mongolianSuffix}` : issuer.mongolianName;
      const line = mongolianLine(mongolian, text, height, y, centre, BLOCK_WIDTH);
      ops.push(...line.ops);
      y = line.bottom + BILINGUAL_GAP * height;
    }
    ops.push(...centredLine(faces, issuer.name + suffix, height, y, RED));
    return { ops, bottom: y + height };
  }

  const size = height * 0.8;
  const names = issuers.map((i) => i.name);
  const nameWidths = names.map((n) => widthOf(faces, 'xiaobiaosong', n, size));
  const column = Math.max(...nameWidths);
  const suffixSize = height;
  const suffixWidth = suffix ? widthOf(faces, 'xiaobiaosong', suffix, suffixSize) : 0;
  const gap = suffix ? 0.5 * size : 0;
  const scale = Math.min(100, (BLOCK_WIDTH / (column + gap + suffixWidth)) * 100);
  const left = centre - ((column + gap + suffixWidth) * scale) / 100 / 2;
  let y = top;
  issuers.forEach((issuer, k) => {
    if (head.bilingual && issuer.mongolianName) {
      const line = mongolianLine(mongolian, issuer.mongolianName, size, y, left + (column * scale) / 100 / 2, (column * scale) / 100);
      ops.push(...line.ops);
      y = line.bottom + BILINGUAL_GAP * size;
    }
    const chars = [...names[k]!].length;
    const spread = chars > 1 ? (column - nameWidths[k]!) / (chars - 1) : 0;
    ops.push(...textOps(faces, names[k]!, 'xiaobiaosong', size, left, y + EM_ASCENT * size, { color: RED, scale, spacing: spread }).ops);
    y += size * (1 + BILINGUAL_GAP);
  });
  const bottom = y - BILINGUAL_GAP * size;
  if (suffix) {
    const middle = (top + bottom) / 2;
    const x = left + ((column + gap) * scale) / 100;
    ops.push(...textOps(faces, suffix, 'xiaobiaosong', suffixSize, x, middle - suffixSize / 2 + EM_ASCENT * suffixSize, { color: RED, scale }).ops);
  }
  return { ops, bottom };
}

/** 文件格式 版头. */
export function documentHeader(input: OfficialDocumentInput, faces: Faces, mongolian: fontkit.Font): Header {
  const ops: Op[] = [];
  marks(input).forEach((mark, k) => {
    ops.push(...textOps(faces, mark.text, mark.face, BODY_SIZE, BLOCK_LEFT, baselineInLine(BLOCK_TOP + k * LINE_PITCH, BODY_SIZE)).ops);
  });
  const head = letterhead(input, faces, mongolian, LETTERHEAD_TOP, LETTERHEAD_MAX_HEIGHT, false);
  ops.push(...head.ops);

  // 发文字号 two blank lines below the 标志; with 签发人 (上行文) it moves left, beside the last name.
  const first = head.bottom + 2 * LINE_PITCH;
  const signers = input.signers ?? [];
  const rows = Math.max(1, Math.ceil(signers.length / 2));
  const numberTop = first + (rows - 1) * LINE_PITCH;
  const numberBaseline = baselineInLine(numberTop, BODY_SIZE);
  if (signers.length) {
    if (input.documentNumber) ops.push(...textOps(faces, input.documentNumber, 'fangsong', BODY_SIZE, BLOCK_LEFT + CHAR_PITCH, numberBaseline).ops);
    const label = '签发人：';
    const nameWidth = Math.max(...signers.map((s) => widthOf(faces, 'kaiti', s, BODY_SIZE)));
    const pair = signers.length > 1 ? 2 * nameWidth + CHAR_PITCH : nameWidth;
    const labelWidth = widthOf(faces, 'fangsong', label, BODY_SIZE);
    const labelX = BLOCK_RIGHT - CHAR_PITCH - pair - labelWidth;
    ops.push(...textOps(faces, label, 'fangsong', BODY_SIZE, labelX, baselineInLine(first, BODY_SIZE)).ops);
    signers.forEach((name, k) => {
      const x = labelX + labelWidth + (k % 2) * (nameWidth + CHAR_PITCH);
      ops.push(...textOps(faces, name, 'kaiti', BODY_SIZE, x, baselineInLine(first + Math.floor(k / 2) * LINE_PITCH, BODY_SIZE)).ops);
    });
  } else if (input.documentNumber) {
    const width = widthOf(faces, 'fangsong', input.documentNumber, BODY_SIZE);
    ops.push(...textOps(faces, input.documentNumber, 'fangsong', BODY_SIZE, BLOCK_LEFT + (BLOCK_WIDTH - width) / 2, numberBaseline).ops);
  }
  const separator = numberBaseline + EM_DESCENT * BODY_SIZE + SEPARATOR_GAP;
  ops.push({ kind: 'rule', x1: BLOCK_LEFT, x2: BLOCK_RIGHT, y: separator, width: SEPARATOR_WIDTH, color: RED });
  return { ops, titleTop: separator + 2 * LINE_PITCH };
}

/**
 * 信函格式 版头 (GB/T 9704 §10.1): 标志 30 mm below the page's top, the red double line (thick over
 * thin) 4 mm under it and another (thin over thick) 20 mm above the page's bottom, both 170 mm long;
 * 份号/密级/紧急 flush left and 发文字号 flush right under the line, 7/8 of a 3号 character below it;
 * the title two lines below the last of them.
 */
export function letterHeader(input: OfficialDocumentInput, faces: Faces, mongolian: fontkit.Font): Header {
  const ops: Op[] = [];
  const head = letterhead(input, faces, mongolian, LETTER_LETTERHEAD_TOP, LETTER_LETTERHEAD_HEIGHT, true);
  ops.push(...head.ops);
  const x1 = (PAGE_WIDTH - LETTER_RULE_LENGTH) / 2;
  const x2 = x1 + LETTER_RULE_LENGTH;
  const thick = SEPARATOR_WIDTH;
  const thin = 0.25 * MM;
  const gap = 0.75 * MM;
  const rule = head.bottom + 4 * MM;
  ops.push({ kind: 'rule', x1, x2, y: rule, width: thick, color: RED });
  ops.push({ kind: 'rule', x1, x2, y: rule + thick / 2 + gap + thin / 2, width: thin, color: RED });
  ops.push({ kind: 'rule', x1, x2, y: LETTER_BOTTOM_RULE, width: thin, color: RED });
  ops.push({ kind: 'rule', x1, x2, y: LETTER_BOTTOM_RULE + thin / 2 + gap + thick / 2, width: thick, color: RED });

  const below = rule + thick / 2 + gap + thin + (7 / 8) * BODY_SIZE;
  const list = marks(input);
  list.forEach((mark, k) => {
    ops.push(...textOps(faces, mark.text, mark.face, BODY_SIZE, BLOCK_LEFT, below + k * LINE_PITCH + EM_ASCENT * BODY_SIZE).ops);
  });
  if (input.documentNumber) {
    const width = widthOf(faces, 'fangsong', input.documentNumber, BODY_SIZE);
    ops.push(...textOps(faces, input.documentNumber, 'fangsong', BODY_SIZE, BLOCK_RIGHT - width, below + EM_ASCENT * BODY_SIZE).ops);
  }
  const lines = Math.max(list.length, input.documentNumber ? 1 : 0);
  const lastBottom = lines ? below + (lines - 1) * LINE_PITCH + BODY_SIZE : below;
  return { ops, titleTop: lastBottom + 2 * LINE_PITCH - (LINE_PITCH - BODY_SIZE) / 2 };
}
