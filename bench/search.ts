import { sql } from 'kysely';
import { migrateToLatest } from '../src/server/db/migrate.js';
import { createSearch, type SearchDocument, type SearchQuery } from '../src/server/platform/search/index.js';
import type { BenchOptions } from './run.js';
import { benchDatabase, round } from './support.js';

/**
 * The platform's Chinese search: index BENCH_SEARCH_DOCS synthetic official documents (default
 * 100,000; about 400 characters each, visible to one to three of 60 organisations, a fifth public),
 * then time BENCH_SEARCH_QUERIES queries (default 1,000) as a clerk would ask them: one or two words,
 * the clerk's organisation and `public` as visibility tags, sometimes a type or date filter, a few
 * substrings that only the trigram fallback finds. Latency is the whole `query()` call, snippets included.
 * BENCH_SEARCH_KEEP=1 keeps the database (SQLite file or PostgreSQL schema, printed as `kept`);
 * BENCH_SEARCH_REUSE=<that file or schema> queries a kept one again without indexing;
 * BENCH_SEARCH_SLOWEST=N lists the N slowest queries (default 5).
 */
export async function benchSearch(options: BenchOptions): Promise<object> {
  const total = Number(process.env.BENCH_SEARCH_DOCS ?? 100_000);
  const queries = Number(process.env.BENCH_SEARCH_QUERIES ?? 1_000);
  const reuse = process.env.BENCH_SEARCH_REUSE;
  const { database, cleanup, kept } = await benchDatabase(options.db, 'search', { keep: process.env.BENCH_SEARCH_KEEP === '1', reuse });
  try {
    await migrateToLatest(database.db);
    const search = createSearch({ db: database.db, dialect: database.dialect }, { words: places });
    const random = mulberry32(20_261_127);

    const batch = 1000;
    const indexCpu = process.cpuUsage();
    const indexStart = performance.now();
    for (let done = reuse ? total : 0; done < total; done += batch) {
      const docs = Array.from({ length: Math.min(batch, total - done) }, (_, i) => syntheticDocument(done + i, random));
      await database.db.transaction().execute(async (trx) => {
        for (const doc of docs) await search.index(trx, doc);
      });
      if (process.stderr.isTTY && (done / batch) % 20 === 0) process.stderr.write(`\r已索引 ${done + docs.length} / ${total}`);
    }
    const indexSeconds = (performance.now() - indexStart) / 1000;
    const indexCpuSeconds = cpuSecondsSince(indexCpu);
    if (process.stderr.isTTY) process.stderr.write('\n');
    // After a bulk load, as the nightly job would: compact the indexes; on PostgreSQL also what
    // autovacuum would have done by then (statistics, the visibility map for index-only scans).
    const optimizeStart = performance.now();
    if (!reuse) await search.optimize();
    if (database.dialect === 'postgres' && !reuse) await sql`vacuum analyze search_entries`.execute(database.db);
    const optimizeSeconds = (performance.now() - optimizeStart) / 1000;

    const asked = Array.from({ length: queries + 50 }, () => syntheticQuery(random));
    for (const query of asked.slice(0, 50)) await search.query(query); // warm caches and the planner
    const times: number[] = [];
    const cpu: number[] = [];
    const timed: { ms: number; text: string; filters: unknown; total: number; fallback: boolean }[] = [];
    let hits = 0;
    let fallbacks = 0;
    let capped = 0;
    for (const query of asked.slice(50)) {
      const cpuStart = process.cpuUsage();
      const started = performance.now();
      const result = await search.query(query);
      times.push(performance.now() - started);
      cpu.push(cpuSecondsSince(cpuStart) * 1000);
      timed.push({ ms: round(times[times.length - 1]!, 1), text: query.text, filters: query.filters, total: result.total, fallback: result.fallback });
      hits += result.total;
      if (result.fallback) fallbacks += 1;
      if (!result.totalExact) capped += 1;
    }
    times.sort((a, b) => a - b);
    cpu.sort((a, b) => a - b);
    const pick = (list: number[], p: number) => round(list[Math.min(list.length - 1, Math.floor((p / 100) * list.length))]!, 2);
    const at = (p: number) => pick(times, p);
    const { rows } = await sql<{ n: number }>`select count(*) as n from search_entries`.execute(database.db);
    return {
      documents: Number(rows[0]?.n ?? 0),
      ...(kept ? { kept } : {}),
      index: reuse
        ? 'reused'
        : {
            seconds: round(indexSeconds, 1),
            perSecond: round(total / indexSeconds),
            perCpuSecond: round(total / indexCpuSeconds),
            optimizeSeconds: round(optimizeSeconds, 1),
          },
      query: {
        queries: times.length,
        p50Ms: at(50),
        p95Ms: at(95),
        p99Ms: at(99),
        maxMs: round(times[times.length - 1]!, 2),
        // This process's CPU per query: on SQLite the whole cost, whatever else the machine runs.
        cpuP50Ms: pick(cpu, 50),
        cpuP95Ms: pick(cpu, 95),
        meanTotal: round(hits / times.length),
        fallbackShare: round(fallbacks / times.length, 3),
        cappedShare: round(capped / times.length, 3),
      },
      slowest: timed.sort((a, b) => b.ms - a.ms).slice(0, Number(process.env.BENCH_SEARCH_SLOWEST ?? 5)),
      targets: { queryP95Ms: '< 50 at 1,000,000 documents' },
    };
  } finally {
    await database.destroy();
    await cleanup();
  }
}

const places = [
  '兴安盟', '乌兰浩特市', '阿尔山市', '科尔沁右翼前旗', '科尔沁右翼中旗', '扎赉特旗', '突泉县', '兴安盟行政公署',
  '乌兰浩特经济技术开发区', '归流河', '洮儿河', '阿尔山国家森林公园', '索伦镇', '巴彦乌兰街道', '好仁苏木',
];
const departments = [
  '发展和改革委员会', '财政局', '教育局', '卫生健康委员会', '应急管理局', '生态环境局', '农牧局', '水利局', '交通运输局',
  '自然资源局', '住房和城乡建设局', '民政局', '人力资源和社会保障局', '市场监督管理局', '文化旅游体育局', '林业和草原局',
];
const docTypes = ['通知', '通报', '决定', '意见', '批复', '报告', '函', '纪要', '请示', '公告'];
const topics = [
  '防汛抗旱', '森林草原防火', '安全生产', '疫情防控', '乡村振兴', '营商环境', '政务公开', '项目建设', '耕地保护', '草原生态保护',
  '义务教育', '医疗保障', '养老服务', '就业创业', '冬季供暖', '道路交通安全', '秸秆禁烧', '高标准农田', '黑土地保护', '民族团结进步',
  '招商引资', '财政预算', '审计整改', '信访维稳', '扫黑除恶', '河湖长制', '人居环境整治', '文明城市创建', '旅游旺季', '数字政府',
];
const verbs = ['加强', '做好', '进一步规范', '深入推进', '切实抓好', '全面落实', '印发', '开展', '调整', '组织实施'];
const sentences = [
  '各旗县市人民政府、盟直各有关部门要高度重视，切实加强组织领导，明确责任分工。',
  '请于规定时限前将工作开展情况报送盟行政公署办公室，联系人及联系电话见附件。',
  '要坚持以人民为中心的发展思想，统筹发展和安全，确保各项任务落到实处。',
  '对工作推进不力、造成不良影响的，将依规依纪严肃追究相关人员责任。',
  '各地区要结合实际制定具体实施方案，细化工作措施，建立工作台账，实行销号管理。',
  '要加大资金投入力度，积极争取上级政策支持，拓宽多元化投入渠道。',
  '充分发挥新闻媒体作用，广泛宣传相关政策，营造全社会共同参与的良好氛围。',
  '本通知自印发之日起施行，此前有关规定与本通知不一致的，以本通知为准。',
  '要强化督促检查，定期通报工作进展，对发现的问题及时督促整改。',
  '各牧区苏木镇要做好牲畜越冬饲草料储备，保障农牧民群众生产生活安全。',
];

/** 60 organisations: the visibility tags. */
const orgIds = Array.from({ length: 60 }, (_, i) => `org-${i.toString().padStart(2, '0')}`);

function pick<T>(random: () => number, items: readonly T[], skew = 1): T {
  return items[Math.floor(random() ** skew * items.length)]!;
}

function syntheticDocument(n: number, random: () => number): SearchDocument {
  const org = pick(random, orgIds);
  const place = pick(random, places, 1.5);
  const topic = pick(random, topics, 1.8);
  const type = pick(random, docTypes, 1.5);
  const title = `${place}${pick(random, departments)}关于${pick(random, verbs)}${topic}工作的${type}`;
  const parts = [`${place}各有关单位：为${pick(random, verbs)}${topic}工作，现将有关事项${type}如下。`];
  for (let i = 0, k = 3 + Math.floor(random() * 5); i < k; i += 1) {
    parts.push(pick(random, sentences));
    if (random() < 0.4) parts.push(`${pick(random, places)}${pick(random, topics, 1.8)}工作取得阶段性成效。`);
  }
  const visibility = [org, ...(random() < 0.5 ? [pick(random, orgIds)] : []), ...(random() < 0.2 ? ['public'] : [])];
  const day = new Date(Date.UTC(2015, 0, 1) + Math.floor(random() * 3650) * 86_400_000).toISOString().slice(0, 10);
  return {
    scope: 'documents',
    key: `doc-${n}`,
    title,
    body: parts.join(''),
    fields: { date: day, type, orgId: org, number: `兴署发〔${day.slice(0, 4)}〕${(n % 300) + 1}号` },
    visibility: [...new Set(visibility)],
  };
}

function syntheticQuery(random: () => number): SearchQuery {
  const roll = random();
  let text: string;
  if (roll < 0.45) text = pick(random, topics);
  else if (roll < 0.7) text = `${pick(random, places)} ${pick(random, topics)}`;
  else if (roll < 0.85) text = `${pick(random, topics)} ${pick(random, docTypes)}`;
  else if (roll < 0.95) text = pick(random, departments);
  else text = pick(random, ['浩特市', '尔沁右翼', '赉特旗', '兰浩特经济', '伦镇']); // substrings only the fallback finds
  const filters: Record<string, string> = {};
  if (random() < 0.2) filters.type = pick(random, docTypes);
  if (random() < 0.1) {
    const year = 2015 + Math.floor(random() * 10);
    filters.from = `${year}-01-01`;
    filters.to = `${year}-12-31`;
  }
  return { scopes: ['documents'], text, tags: [pick(random, orgIds), 'public'], filters, pageSize: 20 };
}

/** A small, seedable PRNG, so every run indexes the same documents and asks the same queries. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function cpuSecondsSince(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1e6;
}
