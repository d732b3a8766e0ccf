import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import { testConfig } from '../../../../../test/support/app.js';
import type { FreshDatabase } from '../../../../../test/support/db.js';
import { createAuditLog } from '../../../platform/audit/index.js';
import { type Clock, systemClock } from '../../../platform/clock.js';
import { loadPlatformKeys } from '../../../platform/keys.js';
import { createOrgService, seedOrgs } from '../../orgs/index.js';
import { createPkiService } from '../../pki/index.js';
import { type SealContext, createSealService } from './seal.service.js';

/** A small PDF made with pdfkit, one page per text, as the layout renderer would hand it over. */
export async function testPdf(pages: readonly string[] = ['Notice on the 2026 work plan', 'Annex 1']): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', info: { Title: 'seal test' } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve) => doc.on('end', () => resolve()));
  pages.forEach((text, i) => {
    if (i > 0) doc.addPage();
    doc.fontSize(16).text(text, 80, 120);
  });
  doc.end();
  await done;
  return Buffer.concat(chunks);
}

/** Organisations of the Hinggan seed used by the tests. */
export const orgRefs = { xsh: '152200000000.xsh', fgw: '152200000000.xsh.fgw' } as const;

/**
 * The seeded organisations, one platform key file, and factories for the CA and the seal service on
 * a given clock (both sharing the database and keys, as one deployment would).
 */
export async function sealFixture(database: FreshDatabase) {
  await seedOrgs({ db: database.db, clock: systemClock });
  const config = testConfig();
  const keys = loadPlatformKeys({ keyFile: path.join(mkdtempSync(path.join(tmpdir(), 'hg-seal-')), 'keys.json'), env: 'test' });
  const context = (clock: Clock = systemClock): SealContext & { keys: typeof keys } => ({
    db: database.db,
    clock,
    config,
    keys,
    audit: createAuditLog({ signing: keys.signing, clock }),
  });
  const orgs = createOrgService({ db: database.db, clock: systemClock });
  const orgId = async (ref: string) => (await orgs.get(ref)).id;
  return {
    context,
    orgId,
    pki: (clock: Clock = systemClock) => createPkiService(context(clock), { keys }),
    seals: (clock: Clock = systemClock) => createSealService(context(clock)),
  };
}
