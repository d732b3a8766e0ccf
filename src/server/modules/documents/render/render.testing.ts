/** A complete sample document for tests and the benchmark. */
import { type OfficialDocumentInput } from './render.types.js';

const paragraph =
  '为深入贯彻落实党中央、国务院关于推进政务服务标准化、规范化、便利化的决策部署，进一步提升全盟政务服务水平，' +
  '优化营商环境，更好满足企业和群众办事需求，结合我盟实际，制定本实施方案。各地区、各部门要高度重视，' +
  '切实加强组织领导，明确责任分工，确保各项任务落到实处，取得实效。';

/** A body of about `paragraphs` paragraphs with all four heading levels and emphasis. */
export function sampleBody(paragraphs = 6): string {
  const parts: string[] = [];
  for (let k = 0; k < paragraphs; k++) {
    if (k % 4 === 0) parts.push(`<h1>${['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'][(k / 4) % 10]}、总体要求</h1>`);
    if (k % 4 === 1) parts.push('<h2>（一）工作目标</h2>');
    if (k % 4 === 2) parts.push('<p><strong>1.加强组织领导。</strong>各旗县市要成立工作专班，2026年12月31日前完成。</p>');
    if (k % 4 === 3) parts.push('<h4>（1）完善工作机制</h4>');
    parts.push(`<p>${paragraph}</p>`);
  }
  return parts.join('\n');
}

export function sampleDocument(overrides: Partial<OfficialDocumentInput> = {}): OfficialDocumentInput {
  return {
    format: 'document',
    copyNumber: '000001',
    secrecy: null,
    urgency: 'urgent',
    letterhead: { issuers: [{ name: '兴安盟行政公署', mongolianName: 'ᠬᠢᠩᠭᠠᠨ ᠠᠶᠢᠮᠠᠭ ᠤᠨ ᠵᠠᠰᠠᠭ ᠤᠨ ᠭᠠᠵᠠᠷ' }] },
    documentNumber: '兴署发〔2026〕12号',
    title: '兴安盟行政公署关于印发兴安盟深化政务服务标准化规范化便利化改革实施方案的通知',
    mainRecipients: ['各旗县市人民政府', '盟行署各委办局', '各直属单位'],
    body: sampleBody(),
    attachments: [{ title: '兴安盟深化政务服务改革任务分工表', body: sampleBody(3) }, { title: '政务服务事项清单' }],
    signatures: [{ orgName: '兴安盟行政公署', seal: { kind: 'drawn', name: '兴安盟行政公署' } }],
    date: '2026-11-27',
    note: '此件公开发布',
    imprint: { copyTo: ['盟委办公室', '盟人大工委办公室', '盟政协办公室', '盟纪委监委'], printedBy: '兴安盟行政公署办公室', printedOn: '2026-11-28' },
    ...overrides,
  };
}
