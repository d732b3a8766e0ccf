import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { renderOfficialDocument, roundSealPaths, roundSealSvg } from './index.js';
import { readBody } from './render.body.js';
import { loadFonts } from './render.fonts.js';
import { CHAR_PITCH } from './render.geometry.js';
import { breakLines } from './render.lines.js';
import { measurePdf } from './render.measure.js';
import { sampleDocument } from './render.testing.js';

describe('reading the body HTML', () => {
  it('maps paragraphs, the four heading levels and emphasis to the standard faces', () => {
    const blocks = readBody(
      '<h1>一、总体要求</h1><h2>（一）目标</h2><h3>1.任务</h3><h4>（1）机制</h4>' +
        '<p data-align="center"><strong>1.加强领导。</strong>正文<em>强调</em></p>',
    );
    expect(blocks.map((b) => [b.kind, b.runs[0]!.style])).toEqual([
      ['h1', 'hei'],
      ['h2', 'kai'],
      ['h3', 'fangBold'],
      ['h4', 'fang'],
      ['p', 'fangBold'],
    ]);
    expect(blocks[4]).toMatchObject({ align: 'center', runs: [{ text: '1.加强领导。', style: 'fangBold' }, { text: '正文', style: 'fang' }, { text: '强调', style: 'kai' }] });
  });

  it('drops scripts and unknown markup, keeps their text, decodes entities, removes typed indents', () => {
    const blocks = readBody('<script>alert(1)</script>　　散落的<span onclick="x()">文字</span>&amp;&lt;b&gt;<p>第二段<br>换行</p>');
    expect(blocks.map((b) => b.runs.map((r) => r.text).join(''))).toEqual(['散落的文字&<b>', '第二段\n换行']);
  });
});

describe('breaking lines (禁则)', () => {
  const faces = loadFonts();
  const width = 28 * CHAR_PITCH;

  it('squeezes closing punctuation into the line rather than starting a line with it', () => {
    const lines = breakLines([{ text: `${'国'.repeat(28)}，${'家'.repeat(10)}`, style: 'fang' }], faces, { size: 16, width });
    expect(lines.map((l) => l.runs.map((r) => r.text).join(''))).toEqual([`${'国'.repeat(28)}，`, '家'.repeat(10)]);
    expect(lines[0]!.width).toBeCloseTo(width, 1);
  });

  it('never ends a line with opening punctuation, never splits a number', () => {
    const lines = breakLines([{ text: `${'国'.repeat(27)}（${'家'.repeat(5)}2026年`, style: 'fang' }], faces, { size: 16, width });
    expect(lines[1]!.runs.map((r) => r.text).join('').startsWith('（')).toBe(true);
    const split = breakLines([{ text: `${'国'.repeat(27)}20261127号`, style: 'fang' }], faces, { size: 16, width });
    expect(split[1]!.runs.map((r) => r.text).join('')).toBe('20261127号');
    expect(split[0]!.width).toBeCloseTo(width, 1);
  });
});

describe('the round seal design', () => {
  it('is a ring, a centred star and the name along the arc, in red', () => {
    const seal = roundSealPaths({ name: '兴安盟行政公署', diameter: 42 });
    expect(seal.ring).toMatchObject({ cx: 21, cy: 21 });
    expect(seal.ring.r + seal.ring.width / 2).toBeCloseTo(21, 6);
    expect(seal.color.toLowerCase()).toBe('#ff0000');
    // the star's top point is straight above the centre, one sixth of the diameter away
    expect(seal.fill.startsWith('M21.000 14.000')).toBe(true);
    const svg = roundSealSvg({ name: '兴安盟行政公署', footer: '公文专用章' });
    expect(svg).toMatch(/^<svg [^>]*width="42mm" height="42mm" viewBox="0 0 42 42">/);
    expect(svg).toContain('<circle cx="21" cy="21"');
    expect(svg.length).toBeGreaterThan(roundSealSvg({ name: '兴安盟行政公署' }).length);
  });
});

describe('fonts and bad input', () => {
  it('uses an organisation’s configured font file for its role', async () => {
    const kai = fileURLToPath(new URL('./fonts/FandolKai-Regular.gb2312.otf', import.meta.url));
    const [page] = await measurePdf(await renderOfficialDocument(sampleDocument({ attachments: [] }), { fonts: { fangsong: kai } }));
    expect(page!.texts.find((t) => t.text.startsWith('为深入'))!.font).toBe('FandolKai-Regular');
  });

  it('refuses an unreadable font file with a clear error', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'render-'));
    const bad = join(dir, 'bad.ttf');
    writeFileSync(bad, 'not a font');
    await expect(renderOfficialDocument(sampleDocument(), { fonts: { heiti: bad } })).rejects.toMatchObject({ code: 'render.font_invalid' });
    await expect(renderOfficialDocument(sampleDocument(), { fonts: { heiti: join(dir, 'missing.ttf') } })).rejects.toMatchObject({
      code: 'render.font_invalid',
    });
  });

  it('lists every invalid field', async () => {
    await expect(renderOfficialDocument(sampleDocument({ title: ' ', date: '2026-13-01' }))).rejects.toMatchObject({
      code: 'render.input_invalid',
      fields: [{ path: 'title' }, { path: 'date' }],
    });
  });

  it('refuses a seal picture that is not an image, and draws a PNG one', async () => {
    const seal = (data: Uint8Array) => sampleDocument({ attachments: [], signatures: [{ orgName: '兴安盟行政公署', seal: { kind: 'image', data } }] });
    await expect(renderOfficialDocument(seal(new Uint8Array([1, 2, 3, 4])))).rejects.toMatchObject({ code: 'render.seal_image_invalid' });
    // 1 × 1 red PNG
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64');
    const pages = await measurePdf(await renderOfficialDocument(seal(png)));
    expect(pages.reduce((n, p) => n + p.images, 0)).toBe(1);
  });
});
