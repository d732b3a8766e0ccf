/**
 * The seal picture carried inside SES_Seal (SES_ESPictrueInfo): the red round official seal — ring,
 * five-point star, the organisation's name on the upper arc, the seal's kind across the bottom — as
 * SVG, drawn by the layout renderer's `roundSealSvg`, so the picture in the seal and the seal printed
 * on the page are one design.
 *
 * SVG because it is exact at any size, needs no native image library to produce, and is one of the
 * picture types GB/T 38540 readers accept. The lettering is glyph outlines, not text, so the picture
 * looks the same wherever it is shown, whatever fonts the reader has.
 */

export interface SealPictureInput {
  /** The organisation's name, written clockwise along the upper arc. */
  readonly organization: string;
  /** Written horizontally below the star when the seal is more than the plain 公章 (e.g. 合同专用章). */
  readonly caption?: string | null | undefined;
  /** Diameter in millimetres; 42 mm is the usual size of a department's seal. */
  readonly diameterMm?: number;
}

export interface SealPicture {
  readonly type: 'SVG';
  readonly data: Uint8Array;
  readonly widthMm: number;
  readonly heightMm: number;
}

/** Draws the seal picture (loading the renderer, and its fonts, only when a seal is made). */
export async function sealPictureSvg(input: SealPictureInput): Promise<SealPicture> {
  const { roundSealSvg } = await import('../render/index.js');
  const diameterMm = input.diameterMm ?? 42;
  const svg = roundSealSvg({ name: input.organization.trim(), footer: input.caption?.trim() || undefined, diameterMm });
  return { type: 'SVG', data: new Uint8Array(Buffer.from(svg, 'utf8')), widthMm: diameterMm, heightMm: diameterMm };
}

/** What goes under the star: the seal name's own words after the organisation, unless it is the plain 公章. */
export function captionOf(sealName: string, organization: string): string | null {
  const rest = sealName.startsWith(organization) ? sealName.slice(organization.length) : sealName;
  return rest === '' || rest.endsWith('公章') ? null : rest;
}
