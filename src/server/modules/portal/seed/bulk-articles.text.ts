import type { ColumnCategory } from '../../../../shared/portal.js';

/**
 * Word banks of the bulk articles: places, subjects and sentences of a league portal's everyday
 * publishing, combined by a seeded generator into titles and bodies that read like real ones.
 */
export const places = [
  '兴安盟', '乌兰浩特市', '阿尔山市', '科尔沁右翼前旗', '科尔沁右翼中旗', '扎赉特旗', '突泉县', '乌兰浩特经济技术开发区',
  '索伦镇', '好仁苏木', '音德尔镇', '白狼镇', '巴彦乌兰街道', '伊尔施镇', '归流河镇', '巴彦呼舒镇', '突泉镇', '五岔沟镇',
] as const;

export const subjects = [
  '数字政府建设', '一网通办', '蒙速办', '电子政务外网', '政务公开', '营商环境', '冬季供暖', '森林草原防火', '安全生产',
  '冰雪旅游', '温泉康养', '阿尔山国家森林公园', '杜鹃节', '冰雪节', '水稻种植', '玉米收购', '肉牛产业', '兴安盟大米',
  '草原生态保护', '黑土地保护', '高标准农田建设', '乡村振兴', '就业创业', '义务教育', '医疗保障', '养老服务', '文明城市创建',
  '防汛抗旱', '重点项目建设', '招商引资', '民族团结进步', '河湖长制', '人居环境整治', '道路交通安全', '秸秆综合利用', '新能源',
] as const;

/** How titles are made per column category: `{p}` a place, `{s}` a subject. */
export const titlePatterns: Readonly<Record<ColumnCategory, readonly string[]>> = {
  news: [
    '{p}召开{s}工作推进会', '{p}扎实推进{s}', '{p}{s}取得新进展', '{p}部署{s}重点工作', '{p}开展{s}专项行动',
    '{p}举办{s}培训班', '{p}调研{s}工作', '{s}：{p}在行动', '{p}多措并举抓好{s}', '{p}召开{s}座谈会',
  ],
  notice: [
    '关于做好{p}{s}工作的通知', '{p}关于{s}有关事项的公告', '关于印发{p}{s}实施方案的通知', '{p}{s}管理办法',
    '关于{p}{s}的通告', '《{p}{s}实施方案》政策解读', '关于开展{s}检查的通知',
  ],
  disclosure: ['{p}{s}工作情况公开', '{p}{s}资金使用情况公示', '{p}{s}年度工作报告'],
  service: ['{s}办事指南', '{p}{s}服务事项办理流程', '{s}常见问题解答'],
  interaction: ['关于{p}{s}的意见征集', '{s}在线访谈', '{p}{s}问题答复汇总'],
  topic: ['聚焦{s}：{p}的实践', '{s}专题：{p}经验做法', '图说{p}{s}'],
};

export const sentences = [
  '会议强调，要坚持以人民为中心的发展思想，统筹发展和安全，确保各项任务落到实处。',
  '各地各部门要高度重视，切实加强组织领导，明确责任分工，形成工作合力。',
  '要结合实际制定具体措施，细化工作任务，建立工作台账，实行销号管理。',
  '有关部门将加强督促检查，定期通报工作进展，对发现的问题及时督促整改。',
  '充分发挥新闻媒体作用，广泛宣传相关政策，营造全社会共同参与的良好氛围。',
  '群众可通过“蒙速办”兴安分厅或拨打12345政务服务便民热线咨询有关事项。',
  '下一步，将认真总结经验做法，持续巩固提升工作成效，推动工作再上新台阶。',
  '当地组织工作人员深入嘎查村和社区，面对面开展政策宣传和服务。',
  '入冬以来，各地加强供热运行调度，确保居民室内温度达标。',
  '阿尔山市加强景区安全管理，做好游客疏导和应急救援准备。',
  '扎赉特旗推广绿色种植技术，持续擦亮兴安盟大米区域公用品牌。',
  '各苏木乡镇压实属地责任，加强巡查检查，消除风险隐患。',
  '依托电子政务外网和政务云，推进政务数据共享，减少群众重复提交材料。',
  '活动期间，工作人员现场解答群众咨询，发放宣传资料。',
  '要持续优化营商环境，为企业和群众办事提供更加便利的服务。',
  '林草部门加强野外火源管控，严防森林草原火灾发生。',
] as const;

export const sources = [
  '兴安盟行政公署办公室', '兴安日报', '兴安盟政务服务与数据管理局', '兴安盟发展和改革委员会', '兴安盟文化旅游体育局',
  '兴安盟农牧局', '兴安盟林业和草原局', '乌兰浩特市人民政府', '阿尔山市人民政府', '扎赉特旗人民政府',
] as const;

/** Column categories weighted as a portal publishes: mostly news, then notices and policies. */
export const categoryWeights: readonly (readonly [ColumnCategory, number])[] = [
  ['news', 60],
  ['notice', 25],
  ['topic', 6],
  ['service', 4],
  ['disclosure', 3],
  ['interaction', 2],
];

/** mulberry32: a small, fast seeded generator, so the same seed gives the same articles. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export const pick = <T>(random: () => number, list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
