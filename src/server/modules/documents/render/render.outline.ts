/**
 * Text as vector outlines (SVG path data), for what pdfkit cannot set as text: traditional Mongolian
 * (shaped here with fontkit) and the characters on a seal's arc. Coordinates are points, y down.
 */
import type * as fontkit from 'fontkit';

export interface OutlinedText {
  /** SVG path data; origin at the start of the baseline. */
  readonly path: string;
  readonly width: number;
  /** Ink extent above (negative) and below the baseline. */
  readonly top: number;
  readonly bottom: number;
}

const MVS = 0x180e;
const patched = new WeakSet<object>();

/**
 * fontkit hides every default-ignorable character after shaping, but Noto Sans Mongolian turns the
 * Mongolian vowel separator (U+180E) into a visible narrow gap, as HarfBuzz shows it. Keep it.
 */
function keepVowelSeparator(font: fontkit.Font): void {
  const engine = (font as unknown as { _layoutEngine?: { isDefaultIgnorable?: (ch: number) => boolean } })._layoutEngine;
  if (!engine || typeof engine.isDefaultIgnorable !== 'function' || patched.has(engine)) return;
  const original = engine.isDefaultIgnorable.bind(engine);
  engine.isDefaultIgnorable = (ch: number) => ch !== MVS && original(ch);
  patched.add(engine);
}

/** Shapes `text` with the font's OpenType layout (fontkit: joining forms, contextual variants). */
export function shape(font: fontkit.Font, text: string): fontkit.GlyphRun {
  keepVowelSeparator(font);
  return font.layout(text);
}

/** Shapes `text` and returns its outline at `size`. */
export function outlineText(font: fontkit.Font, text: string, size: number): OutlinedText {
  const run = shape(font, text);
  const s = size / font.unitsPerEm;
  let x = 0;
  let top = 0;
  let bottom = 0;
  const parts: string[] = [];
  run.glyphs.forEach((glyph, i) => {
    const pos = run.positions[i]!;
    const gx = x + pos.xOffset * s;
    const gy = -pos.yOffset * s;
    const d = (glyph.path as unknown as PathOps).scale(s, -s).translate(gx, gy).toSVG();
    if (d) {
      parts.push(d);
      const box = glyph.bbox;
      if (Number.isFinite(box.maxY)) {
        top = Math.min(top, gy - box.maxY * s);
        bottom = Math.max(bottom, gy - box.minY * s);
      }
    }
    x += pos.xAdvance * s;
  });
  return { path: parts.join(''), width: x, top, bottom };
}

interface PathOps {
  scale(x: number, y: number): PathOps;
  translate(x: number, y: number): PathOps;
  transform(a: number, b: number, c: number, d: number, e: number, f: number): PathOps;
  toSVG(): string;
}

/**
 * One character's outline, its em box centred at (cx, cy) and turned by `angle` radians clockwise
 * (y down), as a seal writes its name along the arc.
 */
export function outlineGlyphAt(font: fontkit.Font, ch: string, size: number, cx: number, cy: number, angle: number, widthScale = 1): string {
  const glyph = font.glyphForCodePoint(ch.codePointAt(0)!);
  const s = size / font.unitsPerEm;
  // Centre of the ideographic em box: half the advance across, 0.38 em above the baseline.
  const local = (glyph.path as unknown as PathOps).scale(s * widthScale, -s).translate((-glyph.advanceWidth * s * widthScale) / 2, 0.38 * size);
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  return local.transform(cos, sin, -sin, cos, cx, cy).toSVG();
}
