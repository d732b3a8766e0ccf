import { readFile } from 'node:fs/promises';
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { extractText } from './extract-text.js';

/** A PDF written by pdfkit with its built-in Latin font. */
function latinPdf(lines: string[], options: PDFKit.PDFDocumentOptions = {}): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument(options);
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    lines.forEach((line, i) => {
      if (i > 0) doc.addPage();
      doc.text(line);
    });
    doc.end();
  });
}

describe('extractText', () => {
  it('reads the Chinese text layer of a PDF, page by page', async () => {
    // fixtures/notice.pdf: two pages written by pdfkit with an embedded Noto Sans CJK subset.
    const bytes = await readFile(new URL('./fixtures/notice.pdf', import.meta.url));
    const { text, supported, truncated } = await extractText(bytes, 'application/pdf');
    expect(supported).toBe(true);
    expect(truncated).toBe(false);
    expect(text.replace(/\s/g, '')).toContain('兴安盟行政公署办公室关于做好乌兰浩特市防汛工作的通知');
    expect(text).toContain('扎赉特旗应急物资储备清单');
    expect(text.indexOf('防汛')).toBeLessThan(text.indexOf('扎赉特旗'));
  });

  it('stops at the page and character limits', async () => {
    const bytes = await latinPdf(['first page', 'second page', 'third page']);
    const paged = await extractText(bytes, 'application/pdf', { maxPages: 2 });
    expect(paged.text).toContain('second page');
    expect(paged.text).not.toContain('third');
    expect(paged.truncated).toBe(true);
    expect(await extractText(bytes, 'application/pdf', { maxChars: 5 })).toEqual({ text: 'first', supported: true, truncated: true });
  });

  it('refuses damaged and password-protected PDFs with a clear error', async () => {
    await expect(extractText(Buffer.from('%PDF-1.7\nnot really'), 'application/pdf')).rejects.toMatchObject({
      code: 'search.extract_failed',
      details: { reason: 'unreadable' },
    });
    const locked = await latinPdf(['secret'], { userPassword: 'hinggan', ownerPassword: 'owner' });
    await expect(extractText(locked, 'application/pdf')).rejects.toMatchObject({
      code: 'search.extract_failed',
      details: { reason: 'encrypted' },
    });
  });

  it('strips HTML to its text: no tags, scripts or styles; entities decoded; blocks apart', async () => {
    const html =
      '<html><head><style>p{color:red}</style><script>alert("x")</script></head>' +
      '<body><h1>政务公开</h1><p>乌兰浩特&amp;阿尔山 &lt;通知&gt;&nbsp;&#x4E00;</p><p>second</p></body></html>';
    const { text } = await extractText(Buffer.from(html), 'text/html; charset=utf-8');
    expect(text).toBe('政务公开\n乌兰浩特&阿尔山 <通知>\u00a0一\nsecond');
  });

  it('reads plain text in UTF-8 or GB18030', async () => {
    expect((await extractText(Buffer.from('兴安盟\r\n通知'), 'text/plain')).text).toBe('兴安盟\n通知');
    const gb = Buffer.from([0xd0, 0xcb, 0xb0, 0xb2, 0xc3, 0xcb]); // 兴安盟 in GB18030
    expect((await extractText(gb, 'text/plain')).text).toBe('兴安盟');
  });

  it('says when it cannot read a type', async () => {
    expect(await extractText(Buffer.from('PK\u0003\u0004'), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')).toEqual({
      text: '',
      supported: false,
      truncated: false,
    });
  });
});
