import { openDatabase } from '../../db/database.js';
import { planSearch } from './search-plan.js';
import { searchRepository } from './search.repository.js';
import { searchQuerySchema } from './search.schema.js';
import { addDictionaryWords } from './segmenter.js';
import { highlight } from './highlight.js';
const h = await openDatabase({ dataDir: '' }, { sqliteFile: process.argv[2]! });
addDictionaryWords(['兴安盟', '乌兰浩特市', '科尔沁右翼前旗', '扎赉特旗', '索伦镇']);
const repo = searchRepository(h.dialect);
const cpu = async <T>(label: string, f: () => Promise<T>) => { let r: T; await f(); const c = process.cpuUsage(); const t = performance.now(); for (let i = 0; i < 5; i++) r = await f(); const u = process.cpuUsage(c); console.log('  ', label.padEnd(22), ((u.user + u.system) / 1000 / 5).toFixed(2), ((performance.now() - t) / 5).toFixed(2)); return r!; };
for (const [text, filters] of [['财政局', {}], ['防汛抗旱', {}], ['森林草原防火', {}], ['防汛抗旱 通知', { type: '通知' }], ['工作', {from: '2020-01-01', to: '2020-12-31'}], ['浩特市', {}], ['数字政府 公告', {type: '通知'}]] as const) {
  console.log(text, JSON.stringify(filters));
  const q = { scopes: ['documents'], text, tags: ['org-07', 'public'], filters };
  const plan = planSearch(searchQuerySchema.parse(q))!;
  const n = await cpu('count words', () => repo.count(h.db, plan, 'words', 10001));
  console.log('   n =', n);
  await cpu('count words 1001', () => repo.count(h.db, plan, 'words', 1001));
  const rows = await cpu('page title', () => repo.page(h.db, plan, 'title', 20, 0));
  if (plan.words.length > 1) await cpu('page someTitle', () => repo.page(h.db, plan, 'someTitle', 20, 0));
  await cpu('page untitled', () => repo.page(h.db, plan, 'untitled', 20, 0));
  if (plan.gramTerms.length) await cpu('count grams', () => repo.count(h.db, plan, 'grams', 1001));
  await cpu('highlight', async () => rows.map((r) => [highlight(r.body, plan.words, 120), highlight(r.title, plan.words, Infinity)]));
}
