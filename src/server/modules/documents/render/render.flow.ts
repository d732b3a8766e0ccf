/**
 * The page model: drawing operations per page, and the paginator that flows line items down the
 * text block, page after page, honouring the standard's keep rules.
 */
import { type SealAppearance } from './render.types.js';
import { type FaceKey, type Line } from './render.lines.js';
import { BLACK, BLOCK_BOTTOM, BLOCK_TOP, LINE_PITCH, baselineInLine } from './render.geometry.js';

export type Op =
  | {
      readonly kind: 'text';
      readonly x: number;
      readonly baseline: number;
      readonly text: string;
      readonly face: FaceKey;
      readonly size: number;
      readonly spacing: number;
      readonly bold: boolean;
      readonly color: string;
      /** Horizontal scaling in percent (PDF Tz), 100 = none. */
      readonly scale: number;
    }
  | { readonly kind: 'outline'; readonly x: number; readonly baseline: number; readonly path: string; readonly color: string; readonly scale: number }
  | { readonly kind: 'rule'; readonly x1: number; readonly x2: number; readonly y: number; readonly width: number; readonly color: string }
  | { readonly kind: 'seal'; readonly x: number; readonly y: number; readonly diameter: number; readonly appearance: SealAppearance; readonly orgName: string };

export interface Page {
  readonly ops: Op[];
  /** Printed page number, or null for a page that shows none. */
  number: number | null;
}

/** Something that occupies vertical space in the text block. */
export interface FlowItem {
  readonly height: number;
  /** Operations for the item placed with its top at `top`. */
  draw(top: number): Op[];
  /** Starts on a new page (附件). */
  readonly newPage?: boolean;
  /** Not kept as the first thing on a page (a blank line). */
  readonly blank?: boolean;
  /** Does not end a page (a heading). */
  readonly keepWithNext?: boolean;
  /** Needs this many preceding text lines on its page (署名: never alone on a page). */
  readonly keepWithPrevious?: number;
}

/** The ops of a line of text whose line box has its top at `top` and its left edge at `left`. */
export function lineOps(line: Line, left: number, top: number, color = BLACK, pitch = LINE_PITCH): Op[] {
  return line.runs.map((run) => ({
    kind: 'text' as const,
    x: left + run.x,
    baseline: baselineInLine(top, run.size, pitch),
    text: run.text,
    face: run.face,
    size: run.size,
    spacing: run.spacing,
    bold: run.bold,
    color,
    scale: 100,
  }));
}

/** One grid line of text as a flow item. */
export function lineItem(line: Line, left: number, extra: Partial<FlowItem> = {}): FlowItem {
  return { height: LINE_PITCH, draw: (top) => lineOps(line, left, top), ...extra };
}

export const blankLine: FlowItem = { height: LINE_PITCH, draw: () => [], blank: true };

const EPSILON = 0.01;

/**
 * Places the items on pages. The first page's flow starts at `firstTop` (below the 版头); others at
 * the text block's top; `firstBodyItem` is the index of the body's first line. Returns the pages and
 * where the flow ended on the last one.
 */
export function paginate(items: readonly FlowItem[], firstTop: number, firstBodyItem = 0): { pages: Page[]; bottom: number } {
  const pages: Page[] = [];
  let page: { ops: Op[]; placed: { item: FlowItem; index: number; ops: number }[] } = { ops: [], placed: [] };
  let y = firstTop;
  const close = () => pages.push({ ops: page.ops, number: null });
  const fresh = () => {
    close();
    page = { ops: [], placed: [] };
    y = BLOCK_TOP;
  };
  const fits = (height: number) => y + height <= BLOCK_BOTTOM + EPSILON;

  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    if (item.newPage && (page.placed.length > 0 || pages.length === 0)) fresh();
    if (item.blank && page.placed.length === 0 && pages.length > 0) continue;
    if (!fits(item.height) && page.placed.length > 0) {
      const need = item.keepWithPrevious ?? 0;
      if (need > 0) {
        // Carry the last `need` text lines over with it (the 署名 is never alone on a page).
        let moved = 0;
        let k = page.placed.length;
        while (k > 0 && moved < need) {
          k--;
          if (!page.placed[k]!.item.blank) moved++;
        }
        // The first page always shows body text (公文首页必须显示正文): never carry its first body line.
        const protectedUpTo = pages.length === 0 ? firstBodyItem : -1;
        if (k > 0 && moved === need && page.placed[k]!.index > protectedUpTo) {
          const first = page.placed[k]!;
          page.ops.length = first.ops;
          page.placed.length = k;
          i = first.index - 1;
          fresh();
          continue;
        }
      }
      fresh();
    }
    if (item.keepWithNext && page.placed.length > 0) {
      const next = items[i + 1];
      if (next && !fits(item.height + next.height)) fresh();
    }
    page.placed.push({ item, index: i, ops: page.ops.length });
    page.ops.push(...item.draw(y));
    y += item.height;
  }
  close();
  return { pages, bottom: y };
}
