import { describe, expect, it } from 'vitest';
import { asciiFallbackName, contentDisposition, safeFileName } from './content-disposition.js';

describe('safeFileName', () => {
  it('keeps only the last path segment', () => {
    expect(safeFileName('../../etc/passwd')).toBe('passwd');
    expect(safeFileName('C:\\Windows\\system32\\drivers\\etc\\hosts')).toBe('hosts');
    expect(safeFileName('/')).toBe('file');
  });

  it('removes control characters, quotes and bidi overrides', () => {
    expect(safeFileName('a"b\r\n.txt')).toBe('a_b.txt');
    expect(safeFileName('invoice\u202Efdp.exe')).toBe('invoicefdp.exe');
    expect(safeFileName('a<b>c|d?.txt')).toBe('a_b_c_d_.txt');
  });

  it('strips leading dots and trailing dots and spaces', () => {
    expect(safeFileName('.bashrc')).toBe('bashrc');
    expect(safeFileName('...')).toBe('file');
    expect(safeFileName('report.pdf. . ')).toBe('report.pdf');
  });

  it('defuses reserved Windows device names', () => {
    expect(safeFileName('CON')).toBe('_CON');
    expect(safeFileName('nul.txt')).toBe('_nul.txt');
    expect(safeFileName('com1.tar.gz')).toBe('_com1.tar.gz');
    expect(safeFileName('console.txt')).toBe('console.txt');
  });

  it('keeps Chinese names and caps long ones, keeping the extension', () => {
    expect(safeFileName('报告（终稿）.docx')).toBe('报告（终稿）.docx');
    const long = safeFileName(`${'兴安盟'.repeat(100)}.pdf`);
    expect(Buffer.byteLength(long)).toBeLessThanOrEqual(180);
    expect(long.endsWith('兴安盟.pdf') || long.endsWith('.pdf')).toBe(true);
    expect(long.startsWith('兴安盟')).toBe(true);
  });
});

describe('contentDisposition', () => {
  it('gives Chinese names an ASCII fallback and an RFC 5987 filename*', () => {
    const header = contentDisposition('报告（终稿）.docx');
    expect(header).toBe(
      `attachment; filename="file.docx"; filename*=UTF-8''%E6%8A%A5%E5%91%8A%EF%BC%88%E7%BB%88%E7%A8%BF%EF%BC%89.docx`,
    );
    expect(decodeURIComponent(header.split("UTF-8''")[1]!)).toBe('报告（终稿）.docx');
  });

  it('never lets a name break out of the header', () => {
    for (const name of ['../../etc/passwd', 'a"b\r\n.txt', 'x"; filename="evil.exe', "it's (v2)*.txt"]) {
      const header = contentDisposition(name, 'inline');
      expect(header).toMatch(/^inline; filename="[\x20-\x21\x23-\x7e]+"(; filename\*=UTF-8''[A-Za-z0-9!#$&+\-.^_`|~%]+)?$/);
      expect(header).not.toMatch(/[\r\n/\\]/);
    }
    expect(contentDisposition('../../etc/passwd')).toBe('attachment; filename="passwd"');
    expect(contentDisposition('a"b\r\n.txt')).toBe('attachment; filename="a_b.txt"');
  });

  it('mixes ASCII and Chinese in the fallback sensibly', () => {
    expect(asciiFallbackName('2025年工作报告.pdf')).toBe('2025_.pdf');
    expect(asciiFallbackName('通知')).toBe('file');
  });
});
