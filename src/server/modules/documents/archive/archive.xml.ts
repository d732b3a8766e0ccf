import { archiveSources } from '../../../../shared/documents-receiving.js';
import { type ArchiveMetadata, kindName, retentionName, secrecyName, urgencyName } from './archive.metadata.js';

/** Text escaped for XML content and attributes; characters XML 1.0 forbids are dropped. */
const allowedInXml = (ch: string) => {
  const code = ch.codePointAt(0)!;
  return code === 0x09 || code === 0x0a || code === 0x0d || (code >= 0x20 && code !== 0xfffe && code !== 0xffff);
};

export function xmlEscape(text: string): string {
  return [...text]
    .filter(allowedInXml)
    .join('')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

type Node = readonly [name: string, content: string | number | null | undefined | readonly Node[], attributes?: Record<string, string>];

function render(node: Node, indent: string): string {
  const [name, content, attributes] = node;
  const attrs = Object.entries(attributes ?? {}).map(([k, v]) => ` ${k}="${xmlEscape(v)}"`).join('');
  if (content === null || content === undefined || content === '') return `${indent}<${name}${attrs}/>`;
  if (Array.isArray(content)) {
    const children = (content as readonly Node[]).map((child) => render(child, `${indent}  `)).join('\n');
    return `${indent}<${name}${attrs}>\n${children}\n${indent}</${name}>`;
  }
  return `${indent}<${name}${attrs}>${xmlEscape(String(content))}</${name}>`;
}

export const xmlDocument = (root: Node): string => `<?xml version="1.0" encoding="UTF-8"?>\n${render(root, '')}\n`;

/** 日期 as DA/T 22 writes it: eight digits, e.g. 20261127. */
const eightDigits = (date: string | null) => (date ? date.replaceAll('-', '') : null);

/**
 * One 件's metadata as XML with the element names of DA/T 46-2009 (文书类电子文件元数据方案): the
 * 文件实体 (来源, 档号, 内容描述, 形式特征, 计算机文件, 电子签名), and one 业务实体 per process event.
 */
export function itemXml(m: ArchiveMetadata): string {
  const verdict = m.signatures;
  return xmlDocument([
    '电子文件',
    [
      [
        '文件实体',
        [
          ['聚合层次', m.aggregationLevel],
          ['来源', [['全宗名称', m.fonds.name], ['立档单位名称', m.fonds.name]]],
          ['档号', m.archivalCode],
          [
            '档号构成',
            [
              ['全宗号', m.fonds.code],
              ['门类代码', m.category],
              ['年度', m.year],
              ['保管期限', retentionName(m.retention)],
              ['保管期限代码', m.retention],
              ['机构或问题', m.unit.name],
              ['机构或问题代码', m.unit.code],
              ['件号', String(m.itemNumber).padStart(4, '0')],
            ],
          ],
          [
            '内容描述',
            [
              ['题名', m.description.title],
              ['文件编号', m.description.docNumber],
              ['责任者', m.description.responsible],
              ['日期', eightDigits(m.description.date)],
              ['文种', kindName(m.description.kind)],
              ['密级', secrecyName(m.description.secrecy)],
              ['紧急程度', urgencyName(m.description.urgency)],
              ['主送', m.description.mainRecipients.join('、')],
              ['抄送', m.description.copyRecipients.join('、')],
              ['收文编号', m.description.receiptNumber],
              ['来源方式', archiveSources[m.source]],
            ],
          ],
          ['形式特征', [['文件组合类型', '单件'], ['页数', m.form.pages], ['语种', m.form.language]]],
          ...m.form.files.map(
            (f): Node => [
              '计算机文件',
              [
                ['计算机文件名', f.name],
                ['计算机文件大小', f.size],
                ['格式信息', f.mediaType],
                ['文件用途', f.role === 'original' ? '原件（签章原文，未改动）' : '归档件（加盖归档章）'],
                ['杂凑值', f.sm3, { 算法: 'SM3' }],
              ],
            ],
          ),
          ...(verdict
            ? [
                [
                  '电子签名',
                  [
                    ['签名规则', 'GB/T 38540-2020'],
                    ['验证结论', verdict.message],
                    ['验证时间', verdict.verifiedAt],
                    ...verdict.seals.map(
                      (s): Node => [
                        '签章',
                        [
                          ['签名时间', s.signedAt],
                          ['签名人', s.organization],
                          ['印章名称', s.sealName],
                          ['印章编码', s.sealId],
                          ['签名结果', s.message],
                          ['证书序列号', s.certificate?.serial ?? null],
                          ['签名算法标识', 'SM2-with-SM3'],
                          ['杂凑值', s.documentHash, { 算法: 'SM3' }],
                        ],
                      ],
                    ),
                  ],
                ] as Node,
              ]
            : []),
        ],
      ],
      ...m.process.map(
        (e): Node => [
          '业务实体',
          [
            ['业务状态', m.source === 'sent' ? '发文办理' : '收文办理'],
            ['业务行为', e.label],
            ['行为时间', e.at],
            ['机构人员名称', e.actor],
            ['所在机构', e.org],
            ['环节', e.step],
            ['行为描述', e.opinion],
          ],
        ],
      ),
      ['归档', [['归档人', m.filing.by], ['归档时间', m.filing.at]]],
    ],
  ]);
}
