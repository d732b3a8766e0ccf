import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as fontkit from 'fontkit';
import { AppError } from '../../../platform/errors/app-error.js';
import './render.errors.js';
import { type FontRole, type FontSource } from './render.types.js';

/**
 * The open faces shipped in `fonts/` (licences and sources in `fonts/README.md`):
 * 小标宋 → Noto Serif CJK SC Bold; 仿宋 → FandolFang; 楷体 → FandolKai; 黑体 → Noto Sans CJK SC;
 * 宋体 (page numbers, and the fallback for characters beyond GB 2312) → Noto Serif CJK SC (GBK).
 */
const shipped: Record<FontRole, string> = {
  xiaobiaosong: 'NotoSerifCJKsc-Bold.gb2312.otf',
  fangsong: 'FandolFang-Regular.gb2312.otf',
  kaiti: 'FandolKai-Regular.gb2312.otf',
  heiti: 'NotoSansCJKsc-Regular.gb2312.otf',
  songti: 'NotoSerifCJKsc-Regular.gbk.otf',
  mongolian: 'NotoSansMongolian-Regular.fontkit.ttf',
};

export const FONT_ROLES = Object.keys(shipped) as FontRole[];

/** A face ready for pdfkit (`data`, `family`) and for measuring (`font`). */
export interface LoadedFont {
  readonly role: FontRole;
  readonly data: Buffer;
  /** PostScript name inside a collection (pdfkit's `family` argument), if any. */
  readonly family: string | undefined;
  readonly font: fontkit.Font;
}

const cache = new Map<string, LoadedFont>();

function load(role: FontRole, source: FontSource): LoadedFont {
  const path = typeof source === 'string' ? source : source.path;
  const family = typeof source === 'string' ? undefined : source.postscriptName;
  const key = `${role}\0${path}\0${family ?? ''}`;
  const hit = cache.get(key);
  if (hit) return hit;
  let data: Buffer;
  let font: fontkit.Font;
  try {
    data = readFileSync(path);
    const opened = fontkit.create(data, family);
    if ('fonts' in opened) {
      const names = opened.fonts.map((f) => f.postscriptName).join(', ');
      throw new AppError('render.font_invalid', { message: `${path} 是字体集，请指定 postscriptName（可选：${names}）` });
    }
    font = opened;
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('render.font_invalid', { details: { path, role }, cause: error });
  }
  const loaded: LoadedFont = { role, data, family, font };
  cache.set(key, loaded);
  return loaded;
}

/** The faces for one rendering: the organisation's licensed files where configured, else the shipped ones. */
export function loadFonts(configured: Partial<Record<FontRole, FontSource>> = {}): Record<FontRole, LoadedFont> {
  const out = {} as Record<FontRole, LoadedFont>;
  for (const role of FONT_ROLES) {
    out[role] = load(role, configured[role] ?? fileURLToPath(new URL(`./fonts/${shipped[role]}`, import.meta.url)));
  }
  return out;
}

/** Advance of one character in em (1 = the font size); 0 for a character the face lacks. */
export function advanceEm(font: fontkit.Font, codePoint: number): number {
  if (!font.hasGlyphForCodePoint(codePoint)) return 0;
  return font.glyphForCodePoint(codePoint).advanceWidth / font.unitsPerEm;
}
