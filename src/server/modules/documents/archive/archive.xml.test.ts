import { describe, expect, it } from 'vitest';
import type { ArchiveMetadata } from './archive.metadata.js';
import { itemXml, xmlEscape } from './archive.xml.js';

const metadata: ArchiveMetadata = {
  aggregationLevel: '件',
  fonds: { code: 'Q0001', name: '兴安盟行政公署' },
  archivalCode: 'Q0001-WS·2026-Y-BGS-0012',
  category: 'WS',
  year: 2026,
  retention: 'Y',
  unit: { code: 'BGS', name: '办公室' },
  itemNumber: 12,
  source: 'received',
  description: {
    title: '关于<加强>冬季供暖 & 保障的通知',
    docNumber: '内政办字〔2026〕88号',
    responsible: '内蒙古自治区人民政府办公厅',
    date: '2026-10-30',
    kind: 'notice',
    secrecy: 'none',
    urgency: 'urgent',
    mainRecipients: ['兴安盟行政公署'],
    copyRecipients: [],
    receiptNumber: '收〔2026〕15号',
  },
  form: { pages: 3, language: '汉语', files: [{ role: 'original', name: '原件.pdf', mediaType: 'application/pdf', size: 1024, sm3: 'ab'.repeat(32) }] },
  signatures: null,
  process: [{ action: 'instruct', label: '批办', step: null, actor: '李盟长', org: '兴安盟行政公署', at: '2026-11-02T02:00:00.000Z', opinion: '请发改委办理"尽快"', details: null }],
  filing: { by: '王文秘', at: '2026-11-20T02:00:00.000Z' },
};

describe('DA/T 46 metadata XML', () => {
  it('writes the 件 with its 档号 parts, description and one 业务实体 per process event, escaped', () => {
    const xml = itemXml(metadata);
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<电子文件>')).toBe(true);
    expect(xml).toContain('<档号>Q0001-WS·2026-Y-BGS-0012</档号>');
    expect(xml).toContain('<件号>0012</件号>');
    expect(xml).toContain('<保管期限>永久</保管期限>');
    expect(xml).toContain('<题名>关于&lt;加强&gt;冬季供暖 &amp; 保障的通知</题名>');
    expect(xml).toContain('<日期>20261030</日期>');
    expect(xml).toContain('<紧急程度>加急</紧急程度>');
    expect(xml).toContain('<杂凑值 算法="SM3">');
    expect(xml).toContain('<业务行为>批办</业务行为>');
    expect(xml).toContain('<行为描述>请发改委办理&quot;尽快&quot;</行为描述>');
    expect(xml).toContain('<抄送/>');
    expect(xml).not.toContain('电子签名');
  });

  it('drops characters XML 1.0 cannot carry', () => {
    expect(xmlEscape('a\u0000b\u0008c\td\ne\u001ff')).toBe('abc\td\nef');
  });
});
