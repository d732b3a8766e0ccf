import { loadConfig } from '../src/server/config.js';
import { createAppContext } from '../src/server/context.js';
import { type DatabaseHandle } from '../src/server/db/database.js';
import { migrateToLatest } from '../src/server/db/migrate.js';
import { createSendService, type FinalCopyMaker } from '../src/server/modules/documents/index.js';
import { createOrgService, seedOrgs } from '../src/server/modules/orgs/index.js';
import type { Actor } from '../src/server/platform/actor.js';
import { createFileStore } from '../src/server/platform/files/index.js';
import { newId } from '../src/server/platform/ids.js';
import type { BenchOptions } from './run.js';
import { benchDatabase, round } from './support.js';

const RECIPIENTS = 1000;
const ROUNDS = 7;

/** The final copy is made before 核发 in this bench; 核发 never renders when the document has one. */
const noFinalCopy: FinalCopyMaker = {
  render: () => Promise.reject(new Error('the bench document already has its final copy')),
  seal: () => Promise.reject(new Error('the bench document is not sealed here')),
};

/**
 * 核发 to 1,000 organisations: the real `issue` action of the sending service (load, authorise,
 * route through the delivery channels, one transaction with the bulk insert of 1,000
 * `document_deliveries`, the task, the flow event and the audit event). Each round's document is
 * written directly at the 核发 step beforehand (its flow is not what is measured), with 800 主送 and
 * 200 抄送 drawn from the Hinggan registry. Target: under 1 s.
 */
export async function benchDocumentDistribute(options: BenchOptions): Promise<object> {
  const { database, dataDir, cleanup } = await benchDatabase(options.db, 'distribute');
  try {
    await migrateToLatest(database.db);
    const config = loadConfig({ HINGGAN_ENV: 'test', HINGGAN_LOG_LEVEL: 'silent', HINGGAN_DATA_DIR: dataDir });
    const ctx = createAppContext({ config, database });
    await seedOrgs(ctx);
    const orgs = createOrgService(ctx);
    const issuer = await orgs.get('152200000000.xsh');
    const office = await orgs.get('152200000000.xsh.bgs');
    const all = await orgs.list({ page: 1, pageSize: 5000 });
    const recipients = all.items.filter((o) => o.id !== issuer.id).slice(0, RECIPIENTS);
    if (recipients.length < RECIPIENTS) throw new Error(`the registry has only ${recipients.length} other organisations`);
    const send = createSendService(ctx, { finalCopy: noFinalCopy });
    const file = await createFileStore(config).put(database.db, Buffer.from('%PDF-1.4\n%%EOF\n'), { name: 'bench.pdf' });
    const clerk: Actor = {
      userId: newId(),
      username: 'bench.clerk',
      displayName: '基准文秘',
      orgId: office.id,
      roles: [{ role: 'clerk', orgId: office.id, scope: 'org' }],
      isDemo: false,
      sessionId: 'bench',
    };

    const times: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const id = await documentAtIssue(database, { issuerId: issuer.id, officeId: office.id, fileId: file.id, clerk, recipients: recipients.map((r) => r.id) });
      const began = performance.now();
      await send.final.issue({ actor: clerk, who: { actorId: clerk.userId, actorName: clerk.username } }, id);
      times.push(performance.now() - began);
      const delivered = await database.db
        .selectFrom('document_deliveries')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('document_id', '=', id)
        .executeTakeFirstOrThrow();
      if (Number(delivered.n) !== RECIPIENTS) throw new Error(`delivered ${delivered.n}, expected ${RECIPIENTS}`);
    }
    const sorted = [...times].sort((a, b) => a - b);
    return {
      recipients: RECIPIENTS,
      rounds: ROUNDS,
      firstMs: round(times[0]!),
      medianMs: round(sorted[Math.floor(sorted.length / 2)]!),
      maxMs: round(sorted.at(-1)!),
      targetMs: 1000,
    };
  } finally {
    await database.destroy();
    await cleanup();
  }
}

/** Writes a signed, registered, sealed document waiting at 核发 for the clerk's office. */
async function documentAtIssue(
  database: DatabaseHandle,
  input: { issuerId: string; officeId: string; fileId: string; clerk: Actor; recipients: readonly string[] },
): Promise<string> {
  const id = newId();
  const now = new Date().toISOString();
  await database.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('documents')
      .values({
        id,
        org_id: input.issuerId,
        drafting_org_id: input.officeId,
        kind: 'notice',
        title: '兴安盟行政公署关于基准测试的通知',
        doc_number: `兴署基〔2026〕${id.slice(-6)}号`,
        secrecy: 'none',
        urgency: 'normal',
        status: 'signed',
        current_step: 'issue',
        revision: 0,
        body_html: '<p>基准测试。</p>',
        body_version: 1,
        signer_name: '李盟长',
        document_date: now.slice(0, 10),
        drafted_by: input.clerk.userId,
        drafted_by_name: input.clerk.displayName,
        sealed_at: now,
        final_file_id: input.fileId,
        created_at: now,
        updated_at: now,
      })
      .execute();
    for (let i = 0; i < input.recipients.length; i += 500) {
      await trx
        .insertInto('document_recipients')
        .values(input.recipients.slice(i, i + 500).map((orgId, k) => ({ document_id: id, org_id: orgId, role: i + k < 800 ? ('main' as const) : ('copy' as const), position: i + k })))
        .execute();
    }
    await trx
      .insertInto('document_tasks')
      .values({ id: newId(), document_id: id, step: 'issue', org_id: input.issuerId, alt_org_id: input.officeId, role: 'clerk', user_id: null, status: 'open', due_on: null, reminders: 0, created_at: now })
      .execute();
  });
  return id;
}
