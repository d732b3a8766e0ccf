import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../../../test/support/db.js';
import { documentsHarness, refs, type DocumentsHarness, type Json } from './send.testing.js';

const pdfAttachment = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');

describeEachDialect('documents: 用印 and 核发', (database) => {
  let h: DocumentsHarness;
  let clerk: string;
  let leader: string;
  const post = (cookie: string, id: string, action: string, body: unknown = {}) => h.call(cookie, 'POST', `/api/v1/documents/${id}/${action}`, body);
  const steps = (enabled: boolean, names: string[]) =>
    names.map((step) => ({ step, enabled, role: step === 'department_review' ? 'leader' : 'clerk', actorScope: step === 'department_review' ? 'drafting_unit' : 'issuer_office', deadlineDays: 1 }));

  /** A 行署 document brought to `until` (the optional review steps are off for 行署 in this suite). */
  async function broughtTo(until: 'seal' | 'issue', extra: Record<string, unknown> = {}): Promise<string> {
    const created = await h.call(clerk, 'POST', '/api/v1/documents', {
      orgId: await h.org(refs.xsh),
      kind: 'notice',
      title: '兴安盟行政公署关于做好2027年元旦春节期间有关工作的通知',
      mainRecipientIds: [await h.org(refs.ulhGov), await h.org(refs.arxanGov)],
      copyRecipientIds: [await h.org(refs.leagueCommittee)],
      bodyHtml: '<p>各旗县市人民政府：</p><h1>一、切实保障群众生活</h1><p>做好困难群众走访慰问。</p><p>特此通知。</p>',
      note: '此件公开发布',
      ...extra,
    });
    const id = created.body.id as string;
    await h.call(clerk, 'POST', `/api/v1/documents/${id}/attachments?name=${encodeURIComponent('值班表.pdf')}&title=${encodeURIComponent('元旦春节值班安排表')}`, pdfAttachment, {
      'content-type': 'application/pdf',
    });
    for (const [cookie, action] of [
      [clerk, 'submit'],
      [leader, 'sign-off'],
      [clerk, 'register'],
    ] as const) {
      const answer = await post(cookie, id, action);
      expect(answer.status, `${action}: ${JSON.stringify(answer.body)}`).toBe(200);
    }
    const at = (await h.call(clerk, 'GET', `/api/v1/documents/${id}`)).body.currentStep;
    expect(at).toBe(until);
    return id;
  }

  beforeAll(async () => {
    h = await documentsHarness(database());
    clerk = await h.as('xsh.clerk');
    leader = await h.as('xsh.leader');
    const xsh = await h.org(refs.xsh);
    expect((await h.call(leader, 'PUT', `/api/v1/documents/workflows/${xsh}`, { steps: steps(false, ['department_review', 'office_review', 'recheck']) })).status).toBe(200);
  }, 60_000);

  afterAll(async () => {
    await h?.app.close();
  });

  it('refuses 用印 while the issuer has no seal certificate, leaving the document where it was', async () => {
    const id = await broughtTo('seal');
    const refused = await post(clerk, id, 'seal');
    expect([refused.status, refused.code]).toEqual([422, 'documents.seal_certificate_missing']);
    const view = await h.call(clerk, 'GET', `/api/v1/documents/${id}`);
    expect(view.body).toMatchObject({ currentStep: 'seal', finalFileId: null, sealedAt: null });
  });

  it('seals the GB/T 9704 copy with the issuer’s SM2 seal, and delivers it to every 主送 and 抄送 at 核发', async () => {
    const issued = await h.call(await h.as('secadmin'), 'POST', '/api/v1/pki/certificates', {
      kind: 'seal',
      orgKey: await h.org(refs.xsh),
      name: '兴安盟行政公署',
      profile: 'sm2',
    });
    expect(issued.status).toBe(201);
    const id = await broughtTo('seal');
    const sealed = await post(clerk, id, 'seal');
    expect(sealed.status, JSON.stringify(sealed.body)).toBe(200);
    expect(sealed.body).toMatchObject({ currentStep: 'issue', finalFileId: expect.any(String), sealedAt: expect.any(String) });
    const twice = await post(clerk, id, 'seal');
    expect(twice.code).toBe('documents.already_sealed');

    const final = await h.app.inject({ url: `/api/v1/documents/${id}/final`, headers: { cookie: clerk } });
    expect([final.statusCode, final.headers['content-type']]).toEqual([200, 'application/pdf']);
    expect(final.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const verdict = await h.app.inject({ method: 'POST', url: '/api/v1/documents/verify', headers: { 'content-type': 'application/pdf' }, payload: final.rawPayload });
    expect(verdict.json()).toMatchObject({ valid: true, status: 'valid' });

    const done = await post(clerk, id, 'issue');
    expect(done.body).toMatchObject({ status: 'issued', currentStep: null, openTasks: [], issuedAt: '2026-11-27T02:00:00.000Z' });
    const flow = await h.call(clerk, 'GET', `/api/v1/documents/${id}/flow`);
    expect(flow.body.deliveries.map((d: Json) => [d.orgName, d.role, d.channel]).sort()).toEqual(
      [
        ['中共兴安盟委员会', 'copy', 'local'],
        ['乌兰浩特市人民政府', 'main', 'local'],
        ['阿尔山市人民政府', 'main', 'local'],
      ].sort(),
    );
    const again = await post(clerk, id, 'issue');
    expect([again.status, again.code]).toEqual([409, 'documents.already_issued']);
    expect((await post(clerk, id, 'cancel', { reason: '晚了' })).code).toBe('documents.already_issued');
  });

  it('makes an unsealed final copy at 核发 when the organisation has no 用印 step', async () => {
    const xsh = await h.org(refs.xsh);
    await h.call(leader, 'PUT', `/api/v1/documents/workflows/${xsh}`, { steps: steps(false, ['department_review', 'office_review', 'recheck', 'seal']) });
    try {
      const id = await broughtTo('issue', { kind: 'letter', title: '兴安盟行政公署关于商请支持的函', mainRecipientIds: [await h.org(refs.leagueCommittee)], copyRecipientIds: [] });
      const done = await post(clerk, id, 'issue');
      expect(done.body).toMatchObject({ status: 'issued', sealedAt: null, finalFileId: expect.any(String) });
      const final = await h.app.inject({ url: `/api/v1/documents/${id}/final`, headers: { cookie: clerk } });
      const verdict = await h.app.inject({ method: 'POST', url: '/api/v1/documents/verify', headers: { 'content-type': 'application/pdf' }, payload: final.rawPayload });
      expect(verdict.json()).toMatchObject({ valid: false, status: 'no_seal' });
    } finally {
      await h.call(leader, 'PUT', `/api/v1/documents/workflows/${xsh}`, { steps: steps(true, ['seal']) });
    }
  });
});
