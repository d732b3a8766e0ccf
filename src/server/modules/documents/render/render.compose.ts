/** Lays a document out into pages of drawing operations (no PDF yet). */
import { type AttachmentInput, type OfficialDocumentInput } from './render.types.js';
import { readBody, type BodyBlock } from './render.body.js';
import { breakLines, type Faces, type Line } from './render.lines.js';
import { blankLine, lineItem, paginate, type FlowItem, type Op, type Page } from './render.flow.js';
import { documentHeader, letterHeader } from './render.header.js';
import { imprintBlock, pageNumberOps, signatureItem } from './render.closing.js';
import { BLOCK_BOTTOM, BLOCK_LEFT, BLOCK_WIDTH, BODY_SIZE, CHAR_PITCH, LINE_PITCH, SIZE } from './render.geometry.js';
import { textOps, widthOf } from './render.text.js';
import type * as fontkit from 'fontkit';

/** Title lines: centred, 2号 小标宋, broken into lines no longer than the block (long ones first: 梯形). */
function titleItems(title: string, faces: Faces): FlowItem[] {
  const size = SIZE.no2;
  const chars = [...title.trim()];
  const perLine = Math.floor(BLOCK_WIDTH / size);
  const count = Math.max(1, Math.ceil(widthOf(faces, 'xiaobiaosong', title, size) / (perLine * size)));
  const lines: string[] = [];
  let start = 0;
  for (let k = 0; k < count; k++) {
    const take = Math.ceil((chars.length - start) / (count - k));
    lines.push(chars.slice(start, start + take).join(''));
    start += take;
  }
  return lines.map((text) => ({
    height: LINE_PITCH,
    draw: (top: number) => {
      const width = widthOf(faces, 'xiaobiaosong', text, size);
      const baseline = top + (LINE_PITCH - size) / 2 + 0.88 * size;
      return textOps(faces, text, 'xiaobiaosong', size, BLOCK_LEFT + (BLOCK_WIDTH - width) / 2, baseline).ops;
    },
  }));
}

function blockItems(block: BodyBlock, faces: Faces): FlowItem[] {
  const indent = block.align === 'left' ? 2 * CHAR_PITCH : 0;
  const lines = breakLines(block.runs, faces, { size: BODY_SIZE, width: BLOCK_WIDTH, firstIndent: indent, restIndent: 0 });
  return lines.map((line, k) => {
    const shift = block.align === 'left' ? 0 : block.align === 'center' ? (BLOCK_WIDTH - line.width) / 2 : BLOCK_WIDTH - line.width;
    const heading = block.kind !== 'p';
    return lineItem(line, BLOCK_LEFT + shift, heading && k === lines.length - 1 ? { keepWithNext: true } : {});
  });
}

function bodyItems(html: string, faces: Faces): FlowItem[] {
  return readBody(html).flatMap((block) => blockItems(block, faces));
}

/** 附件说明: "附件：1.名称" with later items and wrapped lines aligned on the first name. */
function attachmentNoteItems(attachments: readonly AttachmentInput[], faces: Faces): FlowItem[] {
  if (!attachments.length) return [];
  const items: FlowItem[] = [blankLine];
  const label = '附件：';
  const labelWidth = 3 * CHAR_PITCH;
  attachments.forEach((a, k) => {
    const numbered = attachments.length > 1;
    const prefix = numbered ? `${k + 1}.` : '';
    const prefixWidth = numbered ? widthOf(faces, 'fangsong', prefix, BODY_SIZE) : 0;
    const nameLeft = 2 * CHAR_PITCH + labelWidth + prefixWidth;
    const lines: Line[] = breakLines([{ text: a.title, style: 'fang' }], faces, {
      size: BODY_SIZE,
      width: BLOCK_WIDTH - nameLeft,
    });
    lines.forEach((line, j) => {
      items.push({
        height: LINE_PITCH,
        draw: (top) => {
          const baseline = top + (LINE_PITCH - BODY_SIZE) / 2 + 0.88 * BODY_SIZE;
          const ops: Op[] = [];
          if (k === 0 && j === 0) ops.push(...textOps(faces, label, 'fangsong', BODY_SIZE, BLOCK_LEFT + 2 * CHAR_PITCH, baseline).ops);
          if (j === 0 && numbered) ops.push(...textOps(faces, prefix, 'fangsong', BODY_SIZE, BLOCK_LEFT + 2 * CHAR_PITCH + labelWidth, baseline).ops);
          for (const run of line.runs) {
            ops.push(...textOps(faces, run.text, run.face, run.size, BLOCK_LEFT + nameLeft + run.x, baseline, { spacing: run.spacing }).ops);
          }
          return ops;
        },
      });
    });
  });
  return items;
}

/** An attachment: new page, "附件N" (3号黑体) top left, title (2号小标宋) on the third line, body. */
function attachmentItems(attachment: AttachmentInput, index: number, total: number, faces: Faces): FlowItem[] {
  const label = total > 1 ? `附件${index + 1}` : '附件';
  const head: FlowItem = {
    height: 2 * LINE_PITCH,
    newPage: true,
    draw: (top) => textOps(faces, label, 'heiti', BODY_SIZE, BLOCK_LEFT, top + (LINE_PITCH - BODY_SIZE) / 2 + 0.88 * BODY_SIZE).ops,
  };
  return [head, ...titleItems(attachment.title, faces), blankLine, ...bodyItems(attachment.body ?? '', faces)];
}

function noteItem(note: string, faces: Faces): FlowItem[] {
  const lines = breakLines([{ text: `（${note}）`, style: 'fang' }], faces, { size: BODY_SIZE, width: BLOCK_WIDTH, firstIndent: 2 * CHAR_PITCH });
  return lines.map((line) => lineItem(line, BLOCK_LEFT));
}

export interface Layout {
  readonly pages: readonly Page[];
}

/**
 * The whole document: 版头 and 主体 flowed over pages, attachments each from a new page, the 版记 at
 * the foot of the last even page (a page is added when needed: a document printed on both sides ends
 * with the 版记 on the back of its last sheet; a blank page before it and the 版记 page then show no
 * page number), page numbers on every other page (none on a letter's first page).
 */
export function compose(input: OfficialDocumentInput, faces: Faces, mongolian: fontkit.Font): Layout {
  const letter = input.format === 'letter';
  const header = letter ? letterHeader(input, faces, mongolian) : documentHeader(input, faces, mongolian);
  const items: FlowItem[] = [...titleItems(input.title, faces)];
  const mains = input.mainRecipients ?? [];
  if (mains.length) {
    items.push(blankLine);
    const lines = breakLines([{ text: `${mains.join('、')}：`, style: 'fang' }], faces, { size: BODY_SIZE, width: BLOCK_WIDTH });
    items.push(...lines.map((line) => lineItem(line, BLOCK_LEFT)));
  }
  const firstBodyItem = items.length;
  items.push(...bodyItems(input.body, faces));
  const attachments = input.attachments ?? [];
  items.push(...attachmentNoteItems(attachments, faces));
  const signature = signatureItem(input, faces);
  if (signature) items.push(signature);
  if (input.note) items.push(...noteItem(input.note, faces));
  const bound = attachments.filter((a) => a.body !== undefined);
  bound.forEach((a) => items.push(...attachmentItems(a, attachments.indexOf(a), attachments.length, faces)));

  const { pages, bottom } = paginate(items, header.titleTop, firstBodyItem);
  pages[0]!.ops.unshift(...header.ops);
  pages.forEach((p, k) => (p.number = k + 1));

  const imprint = imprintBlock(input, faces, letter);
  if (imprint) {
    const roomOnLast = BLOCK_BOTTOM - bottom >= imprint.height + LINE_PITCH - 0.01;
    if (letter) {
      if (!roomOnLast) pages.push({ ops: [], number: pages.length + 1 });
    } else if (pages.length % 2 === 1) {
      // Ends on an odd page: the 版记 goes on the back (an even page of its own).
      pages.push({ ops: [], number: pages.length + 1 });
    } else if (!roomOnLast) {
      // No room on the last even page: a blank page and the 版记 page, neither numbered.
      pages.push({ ops: [], number: null }, { ops: [], number: null });
    }
    pages.at(-1)!.ops.push(...imprint.ops);
  }
  if (letter) pages[0]!.number = null;
  for (const page of pages) if (page.number !== null) page.ops.push(...pageNumberOps(faces, page.number));
  return { pages };
}

