import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { testConfig } from '../../../../test/support/app.js';
import type { FreshDatabase } from '../../../../test/support/db.js';
import type { Clock } from '../../platform/clock.js';
import { systemClock } from '../../platform/clock.js';
import { loadPlatformKeys } from '../../platform/keys.js';
import { createOrgService, parseOrgCsv, seedOrgs } from '../orgs/index.js';
import { createPkiService } from './pki.service.js';

/** An organisation with a valid 统一社会信用代码, imported beside the Hinggan seed. */
export const creditOrg = { ref: '152200000000.pkitest', name: '兴安盟测试局', creditCode: '11152200MB0000010G' };

/** Fresh platform keys in a temporary key file, as a deployment would have. */
export const testKeys = () =>
  loadPlatformKeys({ keyFile: path.join(mkdtempSync(path.join(tmpdir(), 'hg-pki-')), 'keys.json'), env: 'test' });

/** Seeds the organisations (once per database) and returns a CA service factory sharing one key file. */
export async function pkiFixture(database: FreshDatabase) {
  const config = testConfig({ HINGGAN_PUBLIC_URL: 'https://zw.example.cn' });
  await seedOrgs({ db: database.db, clock: systemClock });
  const orgs = createOrgService({ db: database.db, clock: systemClock });
  if (!(await orgs.find(creditOrg.ref))) {
    const csv = `ref,parent_ref,kind,code,name_zh,name_mn,name_latin,short_name,doc_prefixes,credit_code\n${creditOrg.ref},152200000000,department,,${creditOrg.name},,,,,${creditOrg.creditCode}\n`;
    await orgs.importRows(parseOrgCsv(csv).rows);
  }
  const keys = testKeys();
  return (clock: Clock = systemClock) => createPkiService({ db: database.db, clock, config }, { keys });
}
