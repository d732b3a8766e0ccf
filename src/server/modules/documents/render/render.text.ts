/** Single-line text helpers shared by the header and closing parts. */
import { advanceEm } from './render.fonts.js';
import { BLACK } from './render.geometry.js';
import { type FaceKey, type Faces } from './render.lines.js';
import { type Op } from './render.flow.js';

/** Natural width of `text` in `face` at `size`, with `spacing` after every character but the last. */
export function widthOf(faces: Faces, face: FaceKey, text: string, size: number, spacing = 0): number {
  const chars = [...text];
  let w = 0;
  for (const ch of chars) {
    const cp = ch.codePointAt(0)!;
    w += (advanceEm(faces[face].font, cp) || advanceEm(faces.songti.font, cp) || 1) * size;
  }
  return w + spacing * Math.max(chars.length - 1, 0);
}

export interface TextOpOptions {
  readonly spacing?: number;
  readonly color?: string;
  readonly scale?: number;
  readonly bold?: boolean;
}

export function textOp(text: string, face: FaceKey, size: number, x: number, baseline: number, options: TextOpOptions = {}): Op {
  return {
    kind: 'text',
    x,
    baseline,
    text,
    face,
    size,
    spacing: options.spacing ?? 0,
    bold: options.bold ?? false,
    color: options.color ?? BLACK,
    scale: options.scale ?? 100,
  };
}

/** `2026-11-27` → `2026年11月27日` (full year, no leading zeros: GB/T 9704 §7.3.5). */
export function chineseDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** Splits text into runs of one face: characters the face lacks fall back to 宋体 (GBK coverage). */
export function faceRuns(faces: Faces, face: FaceKey, text: string): { face: FaceKey; text: string }[] {
  const runs: { face: FaceKey; text: string }[] = [];
  for (const ch of text) {
    const has = advanceEm(faces[face].font, ch.codePointAt(0)!) > 0;
    const f: FaceKey = has ? face : 'songti';
    const last = runs.at(-1);
    if (last && last.face === f) last.text += ch;
    else runs.push({ face: f, text: ch });
  }
  return runs;
}

/** Text on one line starting at x, with per-character fallback; returns its ops and width (scaled). */
export function textOps(
  faces: Faces,
  text: string,
  face: FaceKey,
  size: number,
  x: number,
  baseline: number,
  options: TextOpOptions = {},
): { ops: Op[]; width: number } {
  const spacing = options.spacing ?? 0;
  const scale = (options.scale ?? 100) / 100;
  const ops: Op[] = [];
  let cx = x;
  for (const run of faceRuns(faces, face, text)) {
    ops.push(textOp(run.text, run.face, size, cx, baseline, options));
    cx += (widthOf(faces, run.face, run.text, size, spacing) + spacing) * scale;
  }
  return { ops, width: cx - x - spacing * scale };
}
