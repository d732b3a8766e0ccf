/**
 * The closing elements: 发文机关署名, 成文日期 and 印章 (GB/T 9704 §7.3.5), the 版记 (§7.4) and page
 * numbers (§7.5).
 */
import { type OfficialDocumentInput, type Signature } from './render.types.js';
import { breakLines, type Faces } from './render.lines.js';
import { type FlowItem, type Op, lineOps } from './render.flow.js';
import {
  BLOCK_BOTTOM,
  BLOCK_LEFT,
  BLOCK_RIGHT,
  BLOCK_WIDTH,
  BODY_SIZE,
  CHAR_PITCH,
  IMPRINT_INNER_RULE,
  IMPRINT_OUTER_RULE,
  LINE_PITCH,
  MM,
  PAGE_NUMBER_GAP,
  SEAL_DIAMETER,
  SIZE,
  baselineInLine,
  BLACK,
} from './render.geometry.js';
import { chineseDate, textOps, widthOf } from './render.text.js';

/** How far the seal's centre sits above the 署名 line's centre (署名 and date below the centre). */
const SEAL_RAISE = 0.35 * LINE_PITCH;
/** Gap between the text above and the seal's top (the standard: within one line). */
const SEAL_TOP_GAP = 0.25 * LINE_PITCH;
/** Seals of a joint document neither overlap nor touch. */
const SEAL_GAP = 4 * MM;

function sealDiameter(signature: Signature): number {
  const mm = signature.seal?.diameterMm;
  return mm ? mm * MM : SEAL_DIAMETER;
}

/** 署名 + 成文日期 (+ seals) as one unbreakable item, kept with the two lines before it. */
export function signatureItem(input: OfficialDocumentInput, faces: Faces): FlowItem | null {
  const date = chineseDate(input.date);
  const dateWidth = widthOf(faces, 'fangsong', date, BODY_SIZE);
  const sigs = input.signatures;
  const sealed = sigs.length > 0 && sigs.some((s) => s.seal);

  if (!sealed) {
    // Unsealed: a blank line, the names 右空二字, the date a line below, starting two characters right.
    const names = sigs.map((s) => s.orgName);
    const nameWidth = Math.max(0, ...names.map((n) => widthOf(faces, 'fangsong', n, BODY_SIZE)));
    let nameX = BLOCK_RIGHT - 2 * CHAR_PITCH - nameWidth;
    let dateX = nameX + 2 * CHAR_PITCH;
    if (dateX + dateWidth > BLOCK_RIGHT - 2 * CHAR_PITCH) {
      dateX = BLOCK_RIGHT - 2 * CHAR_PITCH - dateWidth;
      nameX = dateX - 2 * CHAR_PITCH;
    }
    const rows = names.length + 1;
    return {
      height: (rows + 1) * LINE_PITCH,
      keepWithPrevious: 2,
      draw: (top) => {
        const ops: Op[] = [];
        names.forEach((n, k) => ops.push(...textOps(faces, n, 'fangsong', BODY_SIZE, nameX, baselineInLine(top + (k + 1) * LINE_PITCH, BODY_SIZE)).ops));
        ops.push(...textOps(faces, date, 'fangsong', BODY_SIZE, dateX, baselineInLine(top + rows * LINE_PITCH, BODY_SIZE)).ops);
        return ops;
      },
    };
  }

  // Sealed: the date 右空四字; seals in rows of two, the last one over its 署名 and the date; each 署名
  // centred under its seal, below the seal's centre.
  const diameter = Math.max(...sigs.map(sealDiameter));
  const dateX = BLOCK_RIGHT - 4 * CHAR_PITCH - dateWidth;
  const right = dateX + dateWidth / 2;
  const left = Math.max(BLOCK_LEFT + diameter / 2, right - diameter - SEAL_GAP);
  const slots: { col: number; row: number }[] = [];
  let row = 0;
  let col = 0;
  sigs.forEach((_s, k) => {
    if (k === sigs.length - 1 && col === 0 && sigs.length > 1) col = 1;
    slots.push({ row, col });
    col++;
    if (col === 2) {
      col = 0;
      row++;
    }
  });
  const rows = slots.at(-1)!.row + 1;
  const rowPitch = diameter + SEAL_GAP;
  // Within a row: the seal's top, then the 署名 line whose centre is SEAL_RAISE below the seal's centre.
  const nameLineOffset = SEAL_TOP_GAP + diameter / 2 + SEAL_RAISE - LINE_PITCH / 2;
  const lastRowTop = (rows - 1) * rowPitch;
  const dateTop = lastRowTop + nameLineOffset + LINE_PITCH;
  const height = Math.max(dateTop + LINE_PITCH, lastRowTop + SEAL_TOP_GAP + diameter);
  return {
    height,
    keepWithPrevious: 2,
    draw: (top) => {
      const ops: Op[] = [];
      sigs.forEach((sig, k) => {
        const slot = slots[k]!;
        const cx = slot.col === 1 || sigs.length === 1 ? right : left;
        const rowTop = top + slot.row * rowPitch;
        const nameWidth = widthOf(faces, 'fangsong', sig.orgName, BODY_SIZE);
        ops.push(...textOps(faces, sig.orgName, 'fangsong', BODY_SIZE, cx - nameWidth / 2, baselineInLine(rowTop + nameLineOffset, BODY_SIZE)).ops);
        if (sig.seal) {
          const d = sealDiameter(sig);
          const cy = rowTop + SEAL_TOP_GAP + diameter / 2;
          ops.push({ kind: 'seal', x: cx - d / 2, y: cy - d / 2, diameter: d, appearance: sig.seal, orgName: sig.orgName });
        }
      });
      ops.push(...textOps(faces, date, 'fangsong', BODY_SIZE, dateX, baselineInLine(top + dateTop, BODY_SIZE)).ops);
      // Seals go on top of the text, as ink does.
      return [...ops.filter((o) => o.kind !== 'seal'), ...ops.filter((o) => o.kind === 'seal')];
    },
  };
}

/**
 * 版记 ops with its last rule on the text block's bottom edge: 抄送 (4号仿宋, 左右各空一字, wrapped
 * lines aligned after the colon) over 印发机关 (左空一字) and 印发日期 (右空一字), between a thick
 * first and last rule and a thin one between. The 信函格式 prints 抄送 only, without rules.
 */
export function imprintBlock(input: OfficialDocumentInput, faces: Faces, letter: boolean): { height: number; ops: Op[] } | null {
  const imprint = input.imprint;
  if (!imprint) return null;
  const size = SIZE.no4;
  const cell = size;
  const ops: Op[] = [];
  const copyLines = imprint.copyTo?.length
    ? breakLines([{ text: `${imprint.copyTo.join('，')}。`, style: 'fangsong' }], faces, {
        size,
        width: BLOCK_WIDTH - 2 * cell,
        firstIndent: 3 * cell,
        restIndent: 3 * cell,
        justify: true,
      })
    : [];
  const rows = copyLines.length + (letter ? 0 : 1);
  if (rows === 0) return null;
  const height = rows * LINE_PITCH;
  const top = BLOCK_BOTTOM - height;
  copyLines.forEach((line, k) => {
    const lineTop = top + k * LINE_PITCH;
    if (k === 0) ops.push(...textOps(faces, '抄送：', 'fangsong', size, BLOCK_LEFT + cell, baselineInLine(lineTop, size)).ops);
    ops.push(...lineOps(line, BLOCK_LEFT + cell, lineTop));
  });
  if (!letter) {
    const rowTop = BLOCK_BOTTOM - LINE_PITCH;
    const baseline = baselineInLine(rowTop, size);
    ops.push(...textOps(faces, imprint.printedBy, 'fangsong', size, BLOCK_LEFT + cell, baseline).ops);
    const printed = `${chineseDate(imprint.printedOn)}印发`;
    const w = widthOf(faces, 'fangsong', printed, size);
    ops.push(...textOps(faces, printed, 'fangsong', size, BLOCK_RIGHT - cell - w, baseline).ops);
    const rule = (y: number, width: number) => ops.push({ kind: 'rule', x1: BLOCK_LEFT, x2: BLOCK_RIGHT, y, width, color: BLACK });
    rule(top + IMPRINT_OUTER_RULE / 2, IMPRINT_OUTER_RULE);
    if (copyLines.length) rule(rowTop, IMPRINT_INNER_RULE);
    rule(BLOCK_BOTTOM - IMPRINT_OUTER_RULE / 2, IMPRINT_OUTER_RULE);
  }
  return { height, ops };
}

/**
 * 页码 "— N —": 4号 half-width digits in 宋体, the dashes' stroke 7 mm below the text block; odd pages
 * 右空一字, even pages 左空一字.
 */
export function pageNumberOps(faces: Faces, n: number): Op[] {
  const size = SIZE.no4;
  const text = `— ${n} —`;
  const font = faces.songti.font;
  const dash = font.glyphForCodePoint(0x2014);
  const middle = ((dash.bbox.minY + dash.bbox.maxY) / 2 / font.unitsPerEm) * size;
  const baseline = BLOCK_BOTTOM + PAGE_NUMBER_GAP + middle;
  const width = widthOf(faces, 'songti', text, size);
  const x = n % 2 === 1 ? BLOCK_RIGHT - size - width : BLOCK_LEFT + size;
  return textOps(faces, text, 'songti', size, x, baseline).ops;
}
