import type { DocumentKind } from '../../../../shared/documents.js';

/**
 * Word banks of the bulk documents: places, topics and sentences of Hinggan League's daily
 * government work, combined by a seeded generator into titles and bodies that read like the real ones.
 */
export const places = [
  '全盟', '乌兰浩特市', '阿尔山市', '科尔沁右翼前旗', '科尔沁右翼中旗', '扎赉特旗', '突泉县', '乌兰浩特经济技术开发区',
  '归流河沿岸', '洮儿河流域', '阿尔山国家森林公园', '索伦镇', '好仁苏木', '巴彦乌兰街道', '音德尔镇', '白狼镇',
] as const;

export const topics = [
  '冬季供暖保障', '森林草原防火', '安全生产', '防汛抗旱', '乡村振兴', '营商环境优化', '政务公开', '重大项目建设', '耕地保护',
  '草原生态保护', '义务教育均衡发展', '医疗保障', '养老服务', '高校毕业生就业', '秸秆禁烧', '高标准农田建设', '黑土地保护',
  '民族团结进步创建', '招商引资', '财政预算管理', '审计整改', '信访工作', '河湖长制', '农村牧区人居环境整治', '文明城市创建',
  '冰雪旅游', '数字政府建设', '肉牛产业发展', '兴安盟大米品牌建设', '一网通办', '道路交通安全', '燃气安全', '粮食收购', '饲草料储备',
] as const;

export const verbs = ['做好', '加强', '进一步规范', '深入推进', '切实抓好', '全面落实', '开展', '组织实施', '扎实推进'] as const;

export const sentences = [
  '各旗县市人民政府、盟直各有关部门要高度重视，切实加强组织领导，明确责任分工。',
  '请于规定时限前将工作开展情况报送盟行政公署办公室。',
  '要坚持以人民为中心的发展思想，统筹发展和安全，确保各项任务落到实处。',
  '对工作推进不力、造成不良影响的，将依规依纪严肃追究相关人员责任。',
  '各地区要结合实际制定具体实施方案，细化工作措施，建立工作台账，实行销号管理。',
  '要加大资金投入力度，积极争取上级政策支持，拓宽多元化投入渠道。',
  '充分发挥新闻媒体作用，广泛宣传相关政策，营造全社会共同参与的良好氛围。',
  '要强化督促检查，定期通报工作进展，对发现的问题及时督促整改。',
  '各牧区苏木镇要做好牲畜越冬饲草料储备，保障农牧民群众生产生活安全。',
  '采暖期内供热企业要实行二十四小时值班，确保居民室内温度达标。',
  '阿尔山市要加强景区安全管理，做好游客疏导和应急救援准备。',
  '要依托“蒙速办”推动高频政务服务事项掌上办、一次办。',
  '各苏木乡镇要压实属地责任，加强巡查检查，消除风险隐患。',
  '要持续擦亮兴安盟大米、兴安盟牛肉等区域公用品牌，促进农牧民增收。',
] as const;

/** Kinds with their share of a year's documents, and how the title ends. */
export const kindMix: readonly { kind: DocumentKind; weight: number; ending: string }[] = [
  { kind: 'notice', weight: 46, ending: '工作的通知' },
  { kind: 'letter', weight: 15, ending: '有关事项的函' },
  { kind: 'report', weight: 9, ending: '工作情况的报告' },
  { kind: 'request', weight: 6, ending: '有关事项的请示' },
  { kind: 'opinion', weight: 6, ending: '工作的实施意见' },
  { kind: 'bulletin', weight: 6, ending: '工作情况的通报' },
  { kind: 'reply', weight: 4, ending: '有关事项的批复' },
  { kind: 'decision', weight: 3, ending: '工作的决定' },
  { kind: 'minutes', weight: 3, ending: '工作专题会议纪要' },
  { kind: 'announcement', weight: 2, ending: '有关事项的公告' },
];

/** A small fast seeded generator (mulberry32), so a seed gives the same documents every time. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pick = <T>(random: () => number, items: readonly T[], skew = 1): T => items[Math.floor(random() ** skew * items.length)]!;

export function pickWeighted<T extends { weight: number }>(random: () => number, items: readonly T[]): T {
  const total = items.reduce((n, i) => n + i.weight, 0);
  let r = random() * total;
  for (const item of items) {
    r -= item.weight;
    if (r < 0) return item;
  }
  return items[items.length - 1]!;
}
