import { describe, expect, it } from 'vitest';
import { renderOfficialDocument } from './index.js';
import { loadFonts } from './render.fonts.js';
import { measurePdf } from './render.measure.js';
import { shape } from './render.outline.js';
import { sampleDocument } from './render.testing.js';

const MM = 72 / 25.4;
const hinggan = 'ᠬᠢᠩᠭᠠᠨ ᠠᠶᠢᠮᠠᠭ ᠤᠨ ᠵᠠᠰᠠᠭ ᠤᠨ ᠭᠠᠵᠠᠷ';

describe('traditional Mongolian in the 发文机关标志', () => {
  // Reference glyph sequences from HarfBuzz (hb-shape) on the unmodified Noto Sans Mongolian.
  it.each([
    ['ᠬᠢᠩᠭᠠᠨ ᠠᠶᠢᠮᠠᠭ', 'GI.init|AGHx.medi|uni1820.A.medi|uni1828.A.fina|space|uni1820.AA.init|uni1836.Y.medi|uni1822.I.medi|uni182E.M.medi|uni1820.A.medi|uni182D.H.fina'],
    // masculine G after I: needs the rewritten reverse-chaining lookup and calt applied once
    ['ᠵᠠᠯᠠᠢᠳ ᠬᠣᠰᠢᠭᠤ', 'uni1835.I.init|uni1820.A.medi|uni182F.L.medi|uni1820.A.medi|uni1822.II.medi|uni1833.Dd.fina|space|uni182C.H.init|uni1823.O.medi|uni1830.S.medi|uni1822.I.medi|uni182D.Hx.medi|uni1824.U.fina'],
    // the Mongolian vowel separator stays a visible narrow gap
    ['ᠬᠣᠷᠢᠶ᠎ᠠ', 'uni182C.H.init|uni1823.O.medi|uni1837.R.medi|uni1822.I.medi|uni1836.I.fina|mvs.narrow|uni1820.Aa.isol'],
    ['ᠲᠦᠴᠢᠤᠸᠠᠨ ᠰᠢᠶᠠᠨ', 'uni1832.T.init|uni1826.OI.medi|uni1834.Ch.medi|uni1822.I.medi|uni1824.O.medi|uni1838.W.medi|uni1820.A.medi|uni1828.A.fina|space|uni1830.S.init|uni1822.I.medi|uni1836.Y.medi|uni1820.A.medi|uni1828.A.fina'],
  ])('shapes %s with joining forms as HarfBuzz does', (text, expected) => {
    const run = shape(loadFonts().mongolian.font, text);
    expect(run.glyphs.map((g) => g.name).join('|')).toBe(expected);
  });

  it('prints the Mongolian name above the Chinese, in red, at the same size, centred, 35 mm below the block’s top', async () => {
    const [page] = await measurePdf(
      await renderOfficialDocument(
        sampleDocument({ letterhead: { bilingual: true, issuers: [{ name: '兴安盟行政公署', mongolianName: hinggan }] } }),
      ),
    );
    const chinese = page!.texts.find((t) => t.text === '兴安盟行政公署文件')!;
    expect(chinese.color).toBe('#ff0000');
    const mongolian = page!.paths.filter((p) => p.paint === 'fill' && p.color === '#ff0000');
    expect(mongolian).toHaveLength(1);
    const ink = mongolian[0]!;
    expect(ink.minY).toBeCloseTo(72 * MM, 0);
    expect(ink.maxY).toBeLessThan(chinese.baseline - 0.88 * chinese.size);
    // Same point size: the script's ink spans most of the em of the Chinese line.
    expect(ink.maxY - ink.minY).toBeGreaterThan(0.4 * chinese.size);
    expect(ink.maxY - ink.minY).toBeLessThan(1.2 * chinese.size);
    expect((ink.minX + ink.maxX) / 2).toBeCloseTo((28 + 78) * MM, -1);
    expect(ink.maxX - ink.minX).toBeLessThanOrEqual(156 * MM + 0.01);
  });

  it('prints no Mongolian when the organisation has not chosen the bilingual 标志', async () => {
    const [page] = await measurePdf(await renderOfficialDocument(sampleDocument()));
    expect(page!.paths.filter((p) => p.paint === 'fill' && p.color === '#ff0000')).toHaveLength(0);
    const chinese = page!.texts.find((t) => t.text === '兴安盟行政公署文件')!;
    expect(chinese.baseline - 0.88 * chinese.size).toBeCloseTo(72 * MM, 1);
  });

  it('stacks Mongolian over Chinese for each issuer of a joint document, with 文件 on the right', async () => {
    const [page] = await measurePdf(
      await renderOfficialDocument(
        sampleDocument({
          letterhead: {
            bilingual: true,
            issuers: [
              { name: '兴安盟行政公署', mongolianName: hinggan },
              { name: '科尔沁右翼前旗人民政府', mongolianName: 'ᠬᠣᠷᠴᠢᠨ ᠪᠠᠷᠠᠭᠤᠨ ᠭᠠᠷᠤᠨ ᠡᠮᠦᠨᠡᠳᠦ ᠬᠣᠰᠢᠭᠤ' },
            ],
          },
        }),
      ),
    );
    const names = ['兴安盟行政公署', '科尔沁右翼前旗人民政府'].map((n) => page!.texts.find((t) => t.text === n && t.color === '#ff0000')!);
    const fills = page!.paths.filter((p) => p.paint === 'fill' && p.color === '#ff0000').sort((a, b) => a.minY - b.minY);
    expect(fills).toHaveLength(2);
    expect(fills[0]!.maxY).toBeLessThan(names[0]!.baseline - names[0]!.size * 0.88);
    expect(fills[1]!.minY).toBeGreaterThan(names[0]!.baseline);
    expect(fills[1]!.maxY).toBeLessThan(names[1]!.baseline - names[1]!.size * 0.88);
    // Names spread to one width; 文件 to their right, centred on the block of names.
    expect(names[0]!.x + names[0]!.width).toBeCloseTo(names[1]!.x + names[1]!.width, 0);
    const suffix = page!.texts.find((t) => t.text === '文件')!;
    expect(suffix.x).toBeGreaterThan(names[1]!.x + names[1]!.width);
    const middle = suffix.baseline - 0.38 * suffix.size;
    expect(middle).toBeGreaterThan(fills[0]!.minY);
    expect(middle).toBeLessThan(names[1]!.baseline);
  });

  it('refuses a bilingual 标志 without the Mongolian name', async () => {
    await expect(
      renderOfficialDocument(sampleDocument({ letterhead: { bilingual: true, issuers: [{ name: '兴安盟行政公署' }] } })),
    ).rejects.toMatchObject({ code: 'render.input_invalid', fields: [{ path: 'letterhead.issuers.0.mongolianName' }] });
  });
});
