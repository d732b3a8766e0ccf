/**
 * Benchmarks: `npm run bench -- NAME [--db sqlite|postgres] [--duration S] [--connections N]`.
 * Each prints one JSON object with its figures. Names: the keys of `benchmarks` below.
 */
import { parseArgs } from 'node:util';
import { benchAudit } from './audit.js';
import { benchBackup } from './backup.js';
import { benchCrypto } from './crypto.js';
import { benchDocumentDistribute } from './document-distribute.js';
import { benchDocumentInbox } from './document-inbox.js';
import { benchDocumentRender } from './document-render.js';
import { benchDocumentsScale } from './documents-scale.js';
import { benchPortalArticle } from './portal-article.js';
import { benchPortalHome } from './portal-home.js';
import { benchPortalLighthouse } from './portal-lighthouse.js';
import { benchPortalSearch } from './portal-search.js';
import { benchSearch } from './search.js';
import { benchSignIn } from './sign-in.js';
import { benchStartup } from './startup.js';

const benchmarks: Record<string, (options: BenchOptions) => Promise<object>> = {
  'portal-home': benchPortalHome,
  'portal-article': benchPortalArticle,
  'portal-search': benchPortalSearch,
  'portal-lighthouse': benchPortalLighthouse,
  startup: benchStartup,
  audit: benchAudit,
  backup: benchBackup,
  crypto: benchCrypto,
  'sign-in': benchSignIn,
  search: benchSearch,
  'document-render': benchDocumentRender,
  'document-distribute': benchDocumentDistribute,
  'document-inbox': benchDocumentInbox,
  'documents-scale': benchDocumentsScale,
};

export interface BenchOptions {
  readonly db: 'sqlite' | 'postgres';
  readonly duration: number;
  readonly connections: number;
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    db: { type: 'string', default: 'sqlite' },
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '50' },
  },
});

const names = positionals.length ? positionals : Object.keys(benchmarks);
const unknown = names.filter((n) => !benchmarks[n]);
if (unknown.length || (values.db !== 'sqlite' && values.db !== 'postgres')) {
  console.error(`用法：npm run bench -- [${Object.keys(benchmarks).join('|')}] [--db sqlite|postgres] [--duration 秒] [--connections N]`);
  if (unknown.length) console.error(`未知的基准：${unknown.join('、')}`);
  process.exit(2);
}
const options: BenchOptions = {
  db: values.db as 'sqlite' | 'postgres',
  duration: Number(values.duration),
  connections: Number(values.connections),
};
for (const name of names) {
  const result = await benchmarks[name]!(options);
  console.log(JSON.stringify({ benchmark: name, db: options.db, node: process.version, ...result }, null, 2));
}
