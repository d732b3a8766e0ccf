import { beforeAll, describe, expect, it } from 'vitest';
import { renderOfficialDocument, renderOfficialDocumentWithLayout } from './index.js';
import { linesOf, measurePdf, type MeasuredPage, type MeasuredText } from './render.measure.js';
import { sampleBody, sampleDocument } from './render.testing.js';

const MM = 72 / 25.4;
const PITCH = (225 * MM) / 22;
const CELL = (156 * MM) / 28;
const LEFT = 28 * MM;
const RIGHT = 184 * MM;
const TOP = 37 * MM;
const BOTTOM = 262 * MM;

/** The em box of CJK text: 0.88 em above the baseline, 0.12 below. */
const emTop = (t: MeasuredText) => t.baseline - 0.88 * t.size;
const emBottom = (t: MeasuredText) => t.baseline + 0.12 * t.size;
const find = (page: MeasuredPage, text: string) => {
  const hit = page.texts.find((t) => t.text.includes(text));
  if (!hit) throw new Error(`"${text}" not on the page: ${page.texts.map((t) => t.text).join(' / ')}`);
  return hit;
};
const bodyLines = (page: MeasuredPage) => linesOf(page.texts.filter((t) => t.size === 16));

describe('a full document (文件格式)', () => {
  let pages: MeasuredPage[];

  beforeAll(async () => {
    pages = await measurePdf(await renderOfficialDocument(sampleDocument({ body: sampleBody(10) })));
  }, 30_000);

  it('is A4', () => {
    for (const page of pages) {
      expect(page.width).toBeCloseTo(210 * MM, 1);
      expect(page.height).toBeCloseTo(297 * MM, 1);
    }
  });

  it('fills a body page with 22 lines at 225/22 mm pitch inside the 156 × 225 mm block', () => {
    const lines = bodyLines(pages[1]!);
    expect(lines).toHaveLength(22);
    for (let k = 1; k < lines.length; k++) expect(lines[k]!.baseline - lines[k - 1]!.baseline).toBeCloseTo(PITCH, 2);
    // Each line is centred in its grid line: the first grid line starts at 天头 37 mm, the last ends at 262 mm.
    const first = lines[0]!.items[0]!;
    const last = lines.at(-1)!.items[0]!;
    expect(emTop(first) - (PITCH - 16) / 2).toBeCloseTo(TOP, 1);
    expect(emBottom(last) + (PITCH - 16) / 2).toBeCloseTo(BOTTOM, 1);
  });

  it('sets 28 characters on a full line, from the 28 mm binding margin to the block’s right edge', () => {
    const full = bodyLines(pages[1]!).filter((l) => l.items[0]!.x < LEFT + 1 && [...l.text].length >= 28);
    expect(full.length).toBeGreaterThan(5);
    for (const line of full) {
      // 28 cells; a 29th character is only closing punctuation squeezed in (禁则).
      const chars = [...line.text];
      if (chars.length > 28) expect(chars.slice(28).join('')).toMatch(/^[，。、；：）”]$/u);
      expect(line.items[0]!.x).toBeCloseTo(LEFT, 1);
      const end = line.items.at(-1)!;
      expect(end.x + end.width).toBeCloseTo(RIGHT, 0);
    }
  });

  it('sets exactly 28 hanzi per line and 26 after the paragraph indent', async () => {
    const [page] = await measurePdf(await renderOfficialDocument(sampleDocument({ body: `<p>${'政务'.repeat(120)}</p>`, attachments: [] })));
    const lines = bodyLines(page!).filter((l) => l.text.startsWith('政') || l.text.startsWith('务'));
    expect(lines.slice(0, 3).map((l) => [...l.text].length)).toEqual([26, 28, 28]);
    for (const line of lines.slice(0, 3)) {
      const end = line.items.at(-1)!;
      expect(end.x + end.width).toBeCloseTo(RIGHT, 1);
    }
  });

  it('indents paragraphs two characters and never starts a line with closing punctuation', () => {
    for (const page of pages) {
      for (const line of bodyLines(page)) expect(line.text[0]).not.toMatch(/[，。、；：？！）》”]/u);
    }
    const opening = bodyLines(pages[1]!).find((l) => l.text.startsWith('为深入'))!;
    expect(opening.items[0]!.x).toBeCloseTo(LEFT + 2 * CELL, 1);
  });

  it('uses 3号仿宋 for the body and 黑体, 楷体, bold 仿宋, 仿宋 for the four heading levels', () => {
    const all = pages.flatMap((p) => p.texts);
    expect(all.find((t) => t.text.startsWith('为深入'))).toMatchObject({ font: 'FandolFang-Regular', size: 16, stroked: false });
    expect(all.find((t) => t.text.startsWith('一、'))).toMatchObject({ font: 'NotoSansCJKsc-Regular', size: 16 });
    expect(all.find((t) => t.text.startsWith('（一）'))).toMatchObject({ font: 'FandolKai-Regular', size: 16 });
    expect(all.find((t) => t.text.startsWith('1.加强'))).toMatchObject({ font: 'FandolFang-Regular', size: 16, stroked: true });
    expect(all.find((t) => t.text.startsWith('（1）'))).toMatchObject({ font: 'FandolFang-Regular', size: 16, stroked: false });
  });

  it('prints the red 标志 35 mm below the block’s top, the number two lines below, the red line 4 mm under it', () => {
    const page = pages[0]!;
    const head = find(page, '兴安盟行政公署文件');
    expect(head.color).toBe('#ff0000');
    expect(head.font).toBe('NotoSerifCJKsc-Bold');
    expect(emTop(head)).toBeCloseTo(TOP + 35 * MM, 1);
    expect(head.size).toBeLessThanOrEqual(15 * MM + 0.01);
    expect(head.x + head.width / 2).toBeCloseTo((LEFT + RIGHT) / 2, 0);

    const number = find(page, '兴署发〔2026〕12号');
    expect(number).toMatchObject({ font: 'FandolFang-Regular', size: 16 });
    expect(number.x + number.width / 2).toBeCloseTo((LEFT + RIGHT) / 2, 0);
    expect(emTop(number) - (PITCH - 16) / 2 - emBottom(head)).toBeCloseTo(2 * PITCH, 1);

    const rules = page.paths.filter((p) => p.horizontal && p.color === '#ff0000');
    expect(rules).toHaveLength(1);
    expect(rules[0]!.minX).toBeCloseTo(LEFT, 1);
    expect(rules[0]!.maxX).toBeCloseTo(RIGHT, 1);
    expect(rules[0]!.minY - emBottom(number)).toBeCloseTo(4 * MM, 1);

    // Title: 2号小标宋, centred, two blank lines below the red line; 主送 flush left ending with a colon.
    const title = linesOf(page.texts.filter((t) => t.size === 22));
    expect(title.length).toBeGreaterThanOrEqual(2);
    expect(title[0]!.items[0]!.font).toBe('NotoSerifCJKsc-Bold');
    expect(emTop(title[0]!.items[0]!) - (PITCH - 22) / 2 - rules[0]!.minY).toBeCloseTo(2 * PITCH, 1);
    for (const line of title) expect(line.items[0]!.x + (line.items.at(-1)!.x + line.items.at(-1)!.width - line.items[0]!.x) / 2).toBeCloseTo((LEFT + RIGHT) / 2, 0);
    const mains = find(page, '各旗县市人民政府');
    expect(mains.x).toBeCloseTo(LEFT, 1);
    expect(mains.text.endsWith('：')).toBe(true);

    // 份号 and 紧急程度 flush left on the block's first lines.
    expect(find(page, '000001').x).toBeCloseTo(LEFT, 1);
    expect(find(page, '加急')).toMatchObject({ font: 'NotoSansCJKsc-Regular' });
  });

  it('numbers pages "— N —" in 4号宋体, 7 mm below the block, odd right and even left', () => {
    const numbered = pages.map((p) => p.texts.find((t) => /^— \d+ —$/.test(t.text)));
    const last = pages.length - 1;
    numbered.forEach((n, k) => {
      if (k === last && !n) return; // a 版记 page after a blank page carries no number
      expect(n, `page ${k + 1}`).toBeDefined();
      expect(n!.text).toBe(`— ${k + 1} —`);
      expect(n!.size).toBe(14);
      expect(n!.font).toBe('NotoSerifCJKsc-Regular');
      expect(n!.baseline).toBeGreaterThan(BOTTOM + 7 * MM);
      expect(n!.baseline - 0.5 * 14).toBeLessThan(BOTTOM + 7 * MM);
      if ((k + 1) % 2 === 1) expect(n!.x + n!.width).toBeCloseTo(RIGHT - 14, 1);
      else expect(n!.x).toBeCloseTo(LEFT + 14, 1);
    });
  });

  it('starts every attachment on a new page with 附件N in 3号黑体 and the title on the third line', () => {
    const starts = pages.filter((p) => p.texts.some((t) => /^附件\d?$/.test(t.text)));
    expect(starts).toHaveLength(1); // the second attachment has no body: listed, not laid out
    const page = starts[0]!;
    const label = find(page, '附件1');
    expect(label).toMatchObject({ font: 'NotoSansCJKsc-Regular', size: 16 });
    expect(label.x).toBeCloseTo(LEFT, 1);
    expect(emTop(label) - (PITCH - 16) / 2).toBeCloseTo(TOP, 1);
    const title = find(page, '兴安盟深化政务服务改革任务分工表');
    expect(title.size).toBe(22);
    expect(emTop(title) - (PITCH - 22) / 2).toBeCloseTo(TOP + 2 * PITCH, 1);
    // 附件说明 lists both, numbered, after the body.
    const notes = pages.flatMap((p) => p.texts.filter((t) => t.text === '附件：'));
    expect(notes).toHaveLength(1);
    expect(notes[0]!.x).toBeCloseTo(LEFT + 2 * CELL, 1);
  });

  it('ends with the 版记 on an even page: 抄送 and 印发 in 4号仿宋 between 0.35/0.25/0.35 mm rules, the last on the block’s bottom', () => {
    expect(pages.length % 2).toBe(0);
    const page = pages.at(-1)!;
    const rules = page.paths.filter((p) => p.horizontal && p.color === '#000000').sort((a, b) => a.minY - b.minY);
    expect(rules).toHaveLength(3);
    expect(rules.map((r) => r.lineWidth / MM).map((w) => Math.round(w * 100) / 100)).toEqual([0.35, 0.25, 0.35]);
    for (const r of rules) {
      expect(r.minX).toBeCloseTo(LEFT, 1);
      expect(r.maxX).toBeCloseTo(RIGHT, 1);
    }
    expect(rules[2]!.minY + rules[2]!.lineWidth / 2).toBeCloseTo(BOTTOM, 1);
    const cc = find(page, '抄送：');
    expect(cc).toMatchObject({ size: 14, font: 'FandolFang-Regular' });
    expect(cc.x).toBeCloseTo(LEFT + 14, 1);
    const printed = find(page, '2026年11月28日印发');
    expect(printed.x + printed.width).toBeCloseTo(RIGHT - 14, 1);
    expect(find(page, '兴安盟行政公署办公室').x).toBeCloseTo(LEFT + 14, 1);
    expect(printed.baseline).toBeGreaterThan(rules[1]!.minY);
    expect(cc.baseline).toBeLessThan(rules[1]!.minY);
  });

  it('puts the red seal over the 署名 and date, its top within one line of the text above', () => {
    const page = pages.find((p) => p.texts.some((t) => t.text === '2026年11月27日'))!;
    const date = find(page, '2026年11月27日');
    expect(date.x + date.width).toBeCloseTo(RIGHT - 4 * CELL, 1);
    const name = page.texts.find((t) => t.text === '兴安盟行政公署' && t.size === 16)!;
    expect(name.x + name.width / 2).toBeCloseTo(date.x + date.width / 2, 1);
    const ring = page.paths.find((p) => p.paint === 'stroke' && p.color === '#ff0000' && p.maxX - p.minX > 100)!;
    expect(ring.maxX - ring.minX).toBeCloseTo(42 * MM - ring.lineWidth, 0);
    const centreY = (ring.minY + ring.maxY) / 2;
    expect(name.baseline).toBeGreaterThan(centreY);
    expect(date.baseline).toBeLessThan(ring.maxY);
    const above = bodyLines(page).filter((l) => l.baseline < name.baseline - 1 && !l.text.includes('兴安盟行政公署')).at(-1)!;
    const gap = ring.minY - emBottom(above.items[0]!);
    expect(gap).toBeGreaterThan(0);
    expect(gap).toBeLessThan(PITCH);
  });
});

describe('layout rules', () => {
  it('reports where each seal went, in PDF coordinates, for the signature widget', async () => {
    const { seals, pageCount } = await renderOfficialDocumentWithLayout(sampleDocument({ attachments: [] }));
    expect(pageCount).toBeGreaterThan(1);
    expect(seals).toHaveLength(1);
    expect(seals[0]!.rect.width).toBeCloseTo(42 * MM, 3);
    expect(seals[0]!.rect.x + seals[0]!.rect.width).toBeLessThanOrEqual(RIGHT + 0.01);
  });

  it('adds the 版记 page when the text ends on an odd page', async () => {
    const pages = await measurePdf(await renderOfficialDocument(sampleDocument({ body: '<p>短正文。</p>', attachments: [], note: undefined })));
    expect(pages).toHaveLength(2);
    expect(pages[0]!.texts.some((t) => t.text.startsWith('抄送'))).toBe(false);
    expect(pages[1]!.texts.some((t) => t.text.startsWith('抄送'))).toBe(true);
    expect(pages[1]!.texts.find((t) => /^— \d+ —$/.test(t.text))?.text).toBe('— 2 —');
  });

  it('keeps the 署名 with the text before it and the first page with body text', async () => {
    for (let n = 3; n <= 9; n++) {
      const pages = await measurePdf(await renderOfficialDocument(sampleDocument({ body: sampleBody(n), attachments: [], imprint: undefined })));
      const page = pages.find((p) => p.texts.some((t) => t.text === '2026年11月27日'))!;
      expect(bodyLines(page).filter((l) => l.items[0]!.font === 'FandolFang-Regular' && l.items[0]!.x < RIGHT - 12 * CELL).length, `body of ${n}`).toBeGreaterThanOrEqual(2);
      expect(pages[0]!.texts.some((t) => t.text.startsWith('为深入') || t.text.startsWith('一、'))).toBe(true);
    }
  }, 30_000);

  it('moves the number left and prints 签发人 (楷体 names) on the right for a 上行文', async () => {
    const [page] = await measurePdf(await renderOfficialDocument(sampleDocument({ signers: ['张三', '李四', '王五'] })));
    const number = find(page!, '兴署发〔2026〕12号');
    expect(number.x).toBeCloseTo(LEFT + CELL, 1);
    const label = find(page!, '签发人：');
    expect(label.font).toBe('FandolFang-Regular');
    const last = find(page!, '王五');
    expect(last.font).toBe('FandolKai-Regular');
    expect(last.baseline).toBeCloseTo(number.baseline, 2);
    expect(find(page!, '李四').x + find(page!, '李四').width).toBeCloseTo(RIGHT - CELL, 1);
  });

  it('lays out a letter (信函格式): 标志 30 mm from the top, red double lines, no number on page one', async () => {
    const pages = await measurePdf(
      await renderOfficialDocument(sampleDocument({ format: 'letter', letterhead: { issuers: [{ name: '兴安盟行政公署办公室' }] }, attachments: [] })),
    );
    const head = find(pages[0]!, '兴安盟行政公署办公室');
    expect(head.color).toBe('#ff0000');
    expect(emTop(head)).toBeCloseTo(30 * MM, 1);
    const red = pages[0]!.paths.filter((p) => p.horizontal && p.color === '#ff0000').sort((a, b) => a.minY - b.minY);
    expect(red).toHaveLength(4);
    for (const r of red) expect(r.maxX - r.minX).toBeCloseTo(170 * MM, 1);
    expect(red[0]!.lineWidth).toBeGreaterThan(red[1]!.lineWidth);
    expect(red[3]!.lineWidth).toBeGreaterThan(red[2]!.lineWidth);
    expect(red[2]!.minY).toBeCloseTo(277 * MM, 1);
    expect(pages[0]!.texts.some((t) => /^— \d+ —$/.test(t.text))).toBe(false);
    const number = find(pages[0]!, '兴署发〔2026〕12号');
    expect(number.x + number.width).toBeCloseTo(RIGHT, 1);
  });

  it('falls back to the 宋体 face for characters beyond GB 2312', async () => {
    const [page] = await measurePdf(await renderOfficialDocument(sampleDocument({ body: '<p>王堃同志</p>', attachments: [] })));
    const rare = page!.texts.find((t) => t.text === '堃')!;
    expect(rare.font).toBe('NotoSerifCJKsc-Regular');
    expect(page!.texts.find((t) => t.text === '王')!.font).toBe('FandolFang-Regular');
  });
});
