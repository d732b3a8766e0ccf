/**
 * Test support: reads a produced PDF back with pdfjs and interprets each page's operators, so tests
 * measure what a reader sees (text positions, sizes, faces, colours; rules and filled shapes) instead
 * of comparing with a stored copy. Coordinates are points from the page's top-left corner.
 */
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface MeasuredText {
  readonly text: string;
  /** Start of the baseline. */
  readonly x: number;
  readonly baseline: number;
  /** Font size (the em's height on the page). */
  readonly size: number;
  /** Horizontal extent on the page (advances, spacing and scaling included). */
  readonly width: number;
  /** PostScript name of the face (subset prefix removed). */
  readonly font: string;
  readonly color: string;
  /** Fill + stroke (synthetic bold). */
  readonly stroked: boolean;
}

export interface MeasuredPath {
  readonly paint: 'stroke' | 'fill';
  readonly color: string;
  readonly lineWidth: number;
  readonly minX: number;
  readonly maxX: number;
  readonly minY: number;
  readonly maxY: number;
  /** The path is one straight horizontal segment (a rule). */
  readonly horizontal: boolean;
}

export interface MeasuredPage {
  readonly width: number;
  readonly height: number;
  readonly texts: MeasuredText[];
  readonly paths: MeasuredPath[];
  readonly images: number;
}

type Matrix = [number, number, number, number, number, number];
const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[1] * n[2],
  m[0] * n[1] + m[1] * n[3],
  m[2] * n[0] + m[3] * n[2],
  m[2] * n[1] + m[3] * n[3],
  m[4] * n[0] + m[5] * n[2] + n[4],
  m[4] * n[1] + m[5] * n[3] + n[5],
];
const apply = (m: Matrix, x: number, y: number): [number, number] => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];

interface Glyph {
  unicode: string;
  width: number;
}

export async function measurePdf(pdf: Uint8Array): Promise<MeasuredPage[]> {
  const document = await getDocument({ data: new Uint8Array(pdf), isEvalSupported: false, useSystemFonts: false, verbosity: 0 }).promise;
  const pages: MeasuredPage[] = [];
  for (let n = 1; n <= document.numPages; n++) {
    const page = await document.getPage(n);
    const [, , width, height] = page.view as [number, number, number, number];
    const list = await page.getOperatorList();
    const texts: MeasuredText[] = [];
    const paths: MeasuredPath[] = [];
    let images = 0;
    interface State {
      ctm: Matrix;
      fill: string;
      stroke: string;
      lineWidth: number;
    }
    let state: State = { ctm: [1, 0, 0, 1, 0, 0], fill: '#000000', stroke: '#000000', lineWidth: 1 };
    const stack: State[] = [];
    let tm: Matrix = [1, 0, 0, 1, 0, 0];
    let font = '';
    let fontScale = 0.001;
    let size = 0;
    let charSpacing = 0;
    let hScale = 1;
    let mode = 0;
    list.fnArray.forEach((fn, i) => {
      const args = list.argsArray[i] as unknown[];
      switch (fn) {
        case OPS.save:
          stack.push({ ...state });
          break;
        case OPS.restore:
          state = stack.pop() ?? state;
          break;
        case OPS.transform:
          state.ctm = multiply(args as Matrix, state.ctm);
          break;
        case OPS.setFillRGBColor:
          state.fill = String(args[0]).toLowerCase();
          break;
        case OPS.setStrokeRGBColor:
          state.stroke = String(args[0]).toLowerCase();
          break;
        case OPS.setLineWidth:
          state.lineWidth = args[0] as number;
          break;
        case OPS.beginText:
          tm = [1, 0, 0, 1, 0, 0];
          charSpacing = 0;
          hScale = 1;
          mode = 0;
          break;
        case OPS.setTextMatrix:
          tm = Array.from(args[0] as ArrayLike<number>) as Matrix;
          break;
        case OPS.setCharSpacing:
          charSpacing = args[0] as number;
          break;
        case OPS.setHScale:
          hScale = (args[0] as number) / 100;
          break;
        case OPS.setTextRenderingMode:
          mode = args[0] as number;
          break;
        case OPS.setFont: {
          const loaded = page.commonObjs.get(args[0] as string) as { name?: string; fontMatrix?: number[] };
          font = (loaded.name ?? '').replace(/^[A-Z]{6}\+/, '');
          fontScale = loaded.fontMatrix?.[0] ?? 0.001;
          size = args[1] as number;
          break;
        }
        case OPS.showText: {
          let advance = 0;
          let text = '';
          for (const g of args[0] as (Glyph | number)[]) {
            if (typeof g === 'number') {
              advance -= (g / 1000) * size;
            } else {
              text += g.unicode;
              advance += g.width * fontScale * size + charSpacing;
            }
          }
          const m = multiply(tm, state.ctm);
          const [x, y] = apply(m, 0, 0);
          const scaleX = Math.hypot(m[0], m[1]);
          const scaleY = Math.hypot(m[2], m[3]);
          texts.push({
            text,
            x,
            baseline: height - y,
            size: size * scaleY,
            width: (advance - charSpacing) * hScale * scaleX,
            font,
            color: state.fill,
            stroked: mode === 2,
          });
          break;
        }
        case OPS.constructPath: {
          const [paint, data] = args as [number, (Float32Array | null)[]];
          const d = data[0];
          if (!d) break;
          const points: [number, number][] = [];
          let segments = 0;
          let k = 0;
          while (k < d.length) {
            const op = d[k++]!;
            const count = op === 0 || op === 1 ? 2 : op === 2 ? 6 : op === 3 ? 4 : 0;
            for (let c = 0; c < count; c += 2) points.push(apply(state.ctm, d[k + c]!, d[k + c + 1]!));
            if (op !== 0 && op !== 4) segments++;
            k += count;
          }
          if (!points.length) break;
          const xs = points.map((p) => p[0]);
          const ys = points.map((p) => height - p[1]);
          const stroke = paint === OPS.stroke || paint === OPS.closeStroke;
          const fill = paint === OPS.fill || paint === OPS.eoFill;
          if (!stroke && !fill) break;
          const scale = Math.hypot(state.ctm[0], state.ctm[1]);
          paths.push({
            paint: stroke ? 'stroke' : 'fill',
            color: stroke ? state.stroke : state.fill,
            lineWidth: state.lineWidth * scale,
            minX: Math.min(...xs),
            maxX: Math.max(...xs),
            minY: Math.min(...ys),
            maxY: Math.max(...ys),
            horizontal: segments === 1 && points.length === 2 && Math.abs(ys[0]! - ys[1]!) < 1e-6,
          });
          break;
        }
        case OPS.paintImageXObject:
          images++;
          break;
      }
    });
    pages.push({ width, height, texts, paths, images });
  }
  await document.destroy();
  return pages;
}

/** Text items grouped into lines by baseline (within 0.5 pt), top to bottom, each sorted left to right. */
export function linesOf(texts: readonly MeasuredText[]): { baseline: number; items: MeasuredText[]; text: string }[] {
  const lines: { baseline: number; items: MeasuredText[]; text: string }[] = [];
  for (const t of [...texts].sort((a, b) => a.baseline - b.baseline)) {
    const line = lines.find((l) => Math.abs(l.baseline - t.baseline) < 0.5);
    if (line) line.items.push(t);
    else lines.push({ baseline: t.baseline, items: [t], text: '' });
  }
  for (const line of lines) {
    line.items.sort((a, b) => a.x - b.x);
    line.text = line.items.map((t) => t.text).join('');
  }
  return lines;
}
