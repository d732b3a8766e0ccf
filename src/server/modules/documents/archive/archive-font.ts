import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { StampFont } from './archival-stamp.js';

/** The open fonts the renderer ships (render/fonts/), searched first. */
const shippedDir = fileURLToPath(new URL('../render/fonts/', import.meta.url));

/** Common places of an open CJK font on a Linux host, used only when the shipped fonts are missing. */
const systemFonts: readonly StampFont[] = [
  { path: '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc', postscriptName: 'NotoSerifCJKsc-Regular' },
  { path: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', postscriptName: 'NotoSansCJKsc-Regular' },
  { path: '/usr/share/fonts/noto-cjk/NotoSerifCJK-Regular.ttc', postscriptName: 'NotoSerifCJKsc-Regular' },
];

let chosen: StampFont | undefined;

/**
 * The font of the 归档章's text (a 宋体/仿宋-like CJK face): the renderer's shipped 仿宋 or 宋体 when
 * present, else a system Noto CJK. pdfkit embeds only the glyphs used.
 */
export function archiveFont(): StampFont {
  if (chosen) return chosen;
  if (existsSync(shippedDir)) {
    const files = readdirSync(shippedDir).filter((f) => /\.(ttf|otf)$/i.test(f));
    const preferred = files.find((f) => /fang|仿宋/i.test(f)) ?? files.find((f) => /song|serif|宋/i.test(f)) ?? files.find((f) => !/mongol/i.test(f));
    if (preferred) return (chosen = { path: `${shippedDir}${preferred}` });
  }
  const system = systemFonts.find((f) => existsSync(f.path));
  if (system) return (chosen = system);
  throw new Error('找不到归档章所需的中文字体（render/fonts/ 或系统 Noto CJK）');
}
