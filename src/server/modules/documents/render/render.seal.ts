/**
 * The red round official seal (机关公章) as vector paths: a ring, a five-point star in the centre, the
 * organisation's name clockwise along the upper arc (characters narrowed for long names, as seal
 * makers do), and optional text across the bottom. One design for the page (`drawRoundSeal`) and
 * for a standalone picture (`roundSealSvg`, e.g. the picture inside a GB/T 38540 seal).
 */
import type * as fontkit from 'fontkit';
import { loadFonts } from './render.fonts.js';
import { RED } from './render.geometry.js';
import { outlineGlyphAt } from './render.outline.js';

export interface RoundSealDesign {
  /** Text on the arc, normally the organisation's full name. */
  readonly name: string;
  /** Horizontal text under the star, e.g. `公文专用章`. */
  readonly footer?: string | undefined;
  /** Diameter in the caller's unit (points for PDF, millimetres for SVG); the paths use the same unit. */
  readonly diameter: number;
  /** Face of the lettering; default the shipped 小标宋 substitute (Noto Serif CJK SC Bold). */
  readonly font?: fontkit.Font;
}

export interface RoundSealPaths {
  readonly diameter: number;
  /** The ring, centred in the square `diameter × diameter` whose top-left corner is the origin. */
  readonly ring: { readonly cx: number; readonly cy: number; readonly r: number; readonly width: number };
  /** Star, name and footer outlines: SVG path data to fill. */
  readonly fill: string;
  readonly color: string;
}

/** The seal's geometry; every measure is a fraction of the diameter. */
export function roundSealPaths(design: RoundSealDesign): RoundSealPaths {
  const d = design.diameter;
  const font = design.font ?? loadFonts().xiaobiaosong.font;
  const c = d / 2;
  const ringWidth = 0.03 * d;
  const parts: string[] = [star(c, c, d / 6)];

  const chars = [...design.name.replace(/\s+/g, '')];
  if (chars.length) {
    const size = 0.16 * d;
    const radius = c - ringWidth - 0.035 * d - size / 2;
    const spanDeg = chars.length === 1 ? 0 : Math.min(250, 26 * (chars.length - 1));
    const step = chars.length > 1 ? (spanDeg / (chars.length - 1)) * (Math.PI / 180) : 0;
    const widthScale = chars.length > 1 ? Math.min(1, (0.92 * radius * step) / size) : 1;
    chars.forEach((ch, i) => {
      const angle = -((spanDeg * Math.PI) / 180) / 2 + i * step;
      parts.push(outlineGlyphAt(font, ch, size, c + radius * Math.sin(angle), c - radius * Math.cos(angle), angle, widthScale));
    });
  }
  const footer = [...(design.footer ?? '').replace(/\s+/g, '')];
  if (footer.length) {
    const size = 0.09 * d;
    const widthScale = Math.min(1, (0.5 * d) / (size * footer.length));
    const advance = size * widthScale;
    footer.forEach((ch, i) => {
      const x = c - (advance * footer.length) / 2 + advance * (i + 0.5);
      parts.push(outlineGlyphAt(font, ch, size, x, c + 0.29 * d, 0, widthScale));
    });
  }
  return { diameter: d, ring: { cx: c, cy: c, r: c - ringWidth / 2, width: ringWidth }, fill: parts.join(''), color: RED };
}

/** A five-point star with one point straight up. */
function star(cx: number, cy: number, outer: number): string {
  const inner = (outer * Math.sin(Math.PI / 10)) / Math.sin((7 * Math.PI) / 10);
  const points: string[] = [];
  for (let i = 0; i < 10; i++) {
    const r = i % 2 === 0 ? outer : inner;
    const a = -Math.PI / 2 + (i * Math.PI) / 5;
    points.push(`${(cx + r * Math.cos(a)).toFixed(3)} ${(cy + r * Math.sin(a)).toFixed(3)}`);
  }
  return `M${points.join('L')}Z`;
}

/** Draws the seal with its top-left corner at (x, y), in the document's current units (points). */
export function drawRoundSeal(doc: PDFKit.PDFDocument, x: number, y: number, design: RoundSealDesign): void {
  const seal = roundSealPaths(design);
  doc.save();
  doc.translate(x, y);
  doc.circle(seal.ring.cx, seal.ring.cy, seal.ring.r).lineWidth(seal.ring.width).strokeColor(seal.color).stroke();
  doc.path(seal.fill).fillColor(seal.color).fill('nonzero');
  doc.restore();
}

/** The seal as a standalone SVG document, `diameterMm` across (default 42 mm). */
export function roundSealSvg(design: Omit<RoundSealDesign, 'diameter'> & { readonly diameterMm?: number }): string {
  const d = design.diameterMm ?? 42;
  const seal = roundSealPaths({ ...design, diameter: d });
  const { cx, cy, r, width } = seal.ring;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${d}mm" height="${d}mm" viewBox="0 0 ${d} ${d}">` +
    `<circle cx="${cx}" cy="${cy}" r="${r}" fill="none" stroke="${seal.color}" stroke-width="${width}"/>` +
    `<path d="${seal.fill}" fill="${seal.color}"/></svg>`
  );
}
