import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachDialect } from '../../../../../test/support/db.js';
import { formatDocNumber } from './final.service.js';
import { documentsHarness, refs, type DocumentsHarness, type Json } from './send.testing.js';

describe('发文字号', () => {
  it('is 机关代字〔full year〕serial号, without 第 or leading zeros', () => {
    expect(formatDocNumber('兴署发', 2026, 12)).toBe('兴署发〔2026〕12号');
    expect(formatDocNumber('兴署办字', 2027, 1)).toBe('兴署办字〔2027〕1号');
  });
});

describeEachDialect('documents: 发文字号 under concurrent registration', (database) => {
  let h: DocumentsHarness;
  let clerk: string;
  let leader: string;
  const post = (cookie: string, id: string, action: string, body: unknown = {}) => h.call(cookie, 'POST', `/api/v1/documents/${id}/${action}`, body);

  /** A document of 行署 waiting at 编号登记 (the test switches the optional review steps off). */
  async function atRegister(title: string): Promise<string> {
    const created = await h.call(clerk, 'POST', '/api/v1/documents', {
      orgId: await h.org(refs.xsh),
      kind: 'notice',
      title,
      mainRecipientIds: [await h.org(refs.ulhGov)],
      bodyHtml: '<p>各旗县市人民政府：</p><p>请认真贯彻落实。</p>',
    });
    const id = created.body.id as string;
    expect((await post(clerk, id, 'submit')).body.currentStep).toBe('sign_off');
    expect((await post(leader, id, 'sign-off')).body.currentStep).toBe('register');
    return id;
  }

  beforeAll(async () => {
    h = await documentsHarness(database());
    clerk = await h.as('xsh.clerk');
    leader = await h.as('xsh.leader');
    const off = (step: string, role: string, actorScope: string) => ({ step, enabled: false, role, actorScope, deadlineDays: 1 });
    const set = await h.call(leader, 'PUT', `/api/v1/documents/workflows/${await h.org(refs.xsh)}`, {
      steps: [off('department_review', 'leader', 'drafting_unit'), off('office_review', 'clerk', 'issuer_office'), off('recheck', 'clerk', 'issuer_office')],
    });
    expect(set.status).toBe(200);
  }, 60_000);

  afterAll(async () => {
    await h?.app.close();
  });

  it('gives parallel registrations consecutive serials, each once', async () => {
    const ids: string[] = [];
    for (let i = 1; i <= 8; i++) ids.push(await atRegister(`兴安盟行政公署关于并发登记第${i}件的通知`));
    const answers = await Promise.all(ids.map((id) => post(clerk, id, 'register')));
    expect(answers.map((a) => a.status)).toEqual(ids.map(() => 200));
    const numbers = answers.map((a) => a.body.docNumber as string);
    expect(new Set(numbers).size).toBe(8);
    const serials = numbers.map((n) => Number(/〔2026〕(\d+)号$/.exec(n)![1])).sort((a, b) => a - b);
    expect(serials).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(numbers.every((n) => n.startsWith('兴署发〔2026〕'))).toBe(true);
  });

  it('registers one document once when the same registration arrives several times at once', async () => {
    const id = await atRegister('兴安盟行政公署关于重复登记的通知');
    const answers = await Promise.all(Array.from({ length: 5 }, () => post(clerk, id, 'register')));
    const ok = answers.filter((a) => a.status === 200);
    expect(ok).toHaveLength(1);
    expect(ok[0]!.body.docNumber).toBe('兴署发〔2026〕9号');
    expect(answers.filter((a) => a.status !== 200).map((a) => [a.status, a.code])).toEqual(
      Array.from({ length: 4 }, () => [409, 'documents.already_registered']),
    );
    const flow = await h.call(clerk, 'GET', `/api/v1/documents/${id}/flow`);
    expect(flow.body.events.filter((e: Json) => e.action === 'register')).toHaveLength(1);
  });

  it('numbers per 机关代字: another prefix of the issuer starts its own series, a prefix not its own is refused', async () => {
    const id = await atRegister('兴安盟行政公署关于使用另一机关代字的通知');
    const foreign = await post(clerk, id, 'register', { prefix: '兴党发' });
    expect([foreign.status, foreign.code]).toEqual([422, 'documents.prefix_not_of_org']);
    const other = await post(clerk, id, 'register', { prefix: '兴署字' });
    expect(other.body.docNumber).toBe('兴署字〔2026〕1号');
    const next = await post(clerk, await atRegister('兴安盟行政公署关于继续编号的通知'), 'register');
    expect(next.body.docNumber).toBe('兴署发〔2026〕10号');
  });

  it('refuses to number for an organisation without a 机关代字', async () => {
    const unit = '152200000000.mw.zzb.bgs';
    const unitClerk = await h.user('zzb.office.clerk', unit, 'clerk');
    const unitLeader = await h.user('zzb.office.leader', unit, 'leader');
    const created = await h.call(unitClerk, 'POST', '/api/v1/documents', {
      orgId: await h.org(unit),
      kind: 'minutes',
      title: '组织部办公室工作会议纪要',
      bodyHtml: '<p>会议议定事项如下。</p>',
    });
    const id = created.body.id as string;
    for (const [cookie, action] of [
      [unitClerk, 'submit'],
      [unitLeader, 'approve'],
      [unitClerk, 'approve'],
      [unitLeader, 'sign-off'],
      [unitClerk, 'approve'],
    ] as const) {
      expect((await post(cookie, id, action)).status, action).toBe(200);
    }
    const refused = await post(unitClerk, id, 'register');
    expect([refused.status, refused.code]).toEqual([422, 'documents.no_doc_prefix']);
  });
});
