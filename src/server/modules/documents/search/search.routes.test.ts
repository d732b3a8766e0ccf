import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../../../test/support/db.js';
import { renderOfficialDocument } from '../render/index.js';
import { documentsHarness, refs, type DocumentsHarness, type Json } from '../send/send.testing.js';

describeEachDialect('documents: full-text search', (database) => {
  let h: DocumentsHarness;
  let clerk: string;
  let leader: string;
  let fgw: string;
  let ulh: string;
  let notice: string;
  let number: string;

  const search = async (cookie: string, q: string, extra = ''): Promise<Json> => {
    const answer = await h.call(cookie, 'GET', `/api/v1/documents/search?q=${encodeURIComponent(q)}${extra}`);
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    return answer.body;
  };
  const titles = (result: Json) => result.hits.map((hit: Json) => hit.title);
  const post = async (cookie: string, id: string, action: string) => {
    const answer = await h.call(cookie, 'POST', `/api/v1/documents/${id}/${action}`, {});
    expect(answer.status, `${action}: ${JSON.stringify(answer.body)}`).toBe(200);
    return answer.body;
  };

  beforeAll(async () => {
    h = await documentsHarness(database());
    clerk = await h.as('xsh.clerk');
    leader = await h.as('xsh.leader');
    fgw = await h.as('fgw.clerk');
    ulh = await h.as('ulh.clerk');
    const xsh = await h.org(refs.xsh);
    const off = ['department_review', 'office_review', 'recheck', 'seal'].map((step) => ({
      step,
      enabled: false,
      role: step === 'department_review' ? 'leader' : 'clerk',
      actorScope: step === 'department_review' ? 'drafting_unit' : 'issuer_office',
      deadlineDays: 1,
    }));
    expect((await h.call(leader, 'PUT', `/api/v1/documents/workflows/${xsh}`, { steps: off })).status).toBe(200);

    // A 行署 notice to 发改委, with a word only its body holds and one only its attachment holds.
    const created = await h.call(clerk, 'POST', '/api/v1/documents', {
      orgId: xsh,
      kind: 'notice',
      title: '兴安盟行政公署关于做好2026年冬季供暖保障工作的通知',
      mainRecipientIds: [await h.org(refs.fgw)],
      bodyHtml: '<p>各供热企业燃煤储备量在采暖初期不少于三十天用量。</p><h1>一、保障困难群众取暖</h1><p>民政部门要及时发放取暖补贴。</p>',
    });
    expect(created.status).toBe(201);
    notice = created.body.id;
    const attached = await h.call(clerk, 'POST', `/api/v1/documents/${notice}/attachments?name=${encodeURIComponent('储煤台账.txt')}`, '阿尔山市换热站检修台账', { 'content-type': 'text/plain' });
    expect(attached.status).toBe(201);
  }, 120_000);

  afterAll(async () => {
    await h?.app.close();
  });

  it('finds a draft by a word of its body, a word of its title and a word of an attachment, with the words marked', async () => {
    const byBody = await search(clerk, '燃煤储备');
    expect(byBody.hits).toHaveLength(1);
    expect(byBody.hits[0]).toMatchObject({ documentId: notice, incomingId: null, source: 'sent', status: 'draft', orgName: '兴安盟行政公署', kind: 'notice' });
    expect(byBody.hits[0].snippet).toContain('<mark>燃煤储备</mark>');
    expect(titles(await search(clerk, '供暖保障'))).toEqual(['兴安盟行政公署关于做好2026年冬季供暖保障工作的通知']);
    expect((await search(clerk, '供暖保障')).hits[0].titleHtml).toContain('<mark>供暖保障</mark>');
    expect((await search(clerk, '换热站检修')).hits.map((hit: Json) => hit.documentId)).toEqual([notice]);
    expect((await search(clerk, '无此内容的检索词汇')).hits).toEqual([]);
  });

  it('never shows a draft to other organisations', async () => {
    for (const cookie of [fgw, ulh]) {
      const result = await search(cookie, '燃煤储备');
      expect(result).toMatchObject({ total: 0, hits: [] });
    }
  });

  it('finds it by its 发文字号 once registered, and the recipient finds it after 核发 as its inbox item', async () => {
    await post(clerk, notice, 'submit');
    await post(leader, notice, 'sign-off');
    number = (await post(clerk, notice, 'register')).docNumber;
    expect(number).toMatch(/^兴署发〔\d{4}〕\d+号$/);
    const byNumber = await search(clerk, number);
    expect(byNumber.hits.map((hit: Json) => [hit.documentId, hit.docNumber])).toEqual([[notice, number]]);
    expect((await search(fgw, number)).hits).toEqual([]);

    await post(clerk, notice, 'issue');
    const received = await search(fgw, '燃煤储备');
    expect(received.hits).toHaveLength(1);
    // 发改委 may not open 行署's sending record, only its own inbox item.
    expect(received.hits[0]).toMatchObject({ documentId: null, source: 'sent', status: null, incomingStep: 'pending', docNumber: number });
    const inbox = await h.call(fgw, 'GET', `/api/v1/documents/incoming/${received.hits[0].incomingId}`);
    expect(inbox.status).toBe(200);
    expect((await search(fgw, number)).hits).toHaveLength(1);
    expect((await search(ulh, number)).hits).toEqual([]);
    expect((await search(ulh, '燃煤储备')).total).toBe(0);
  });

  it('finds a paper document by its title, number and scan text for the organisation that registered it only', async () => {
    const scan = await renderOfficialDocument({
      letterhead: { issuers: [{ name: '内蒙古自治区住房和城乡建设厅' }] },
      documentNumber: '内建城〔2026〕218号',
      title: '关于做好城镇供热计量收费工作的通知',
      body: '<p>请各地加快既有建筑供热计量装置安装。</p>',
      signatures: [{ orgName: '内蒙古自治区住房和城乡建设厅' }],
      date: '2026-11-20',
    });
    const ulhGov = await h.org(refs.ulhGov);
    const uploaded = await h.call(ulh, 'POST', `/api/v1/documents/incoming/scans?orgId=${ulhGov}&name=scan.pdf`, scan, { 'content-type': 'application/pdf' });
    expect(uploaded.status, JSON.stringify(uploaded.body)).toBe(201);
    const registered = await h.call(ulh, 'POST', '/api/v1/documents/incoming/paper', {
      orgId: ulhGov,
      scanFileId: uploaded.body.fileId,
      senderName: '内蒙古自治区住房和城乡建设厅',
      senderNumber: '内建城〔2026〕218号',
      title: '关于做好城镇供热计量收费工作的通知',
      documentDate: '2026-11-20',
    });
    expect(registered.status, JSON.stringify(registered.body)).toBe(201);
    const id = registered.body.id;
    for (const q of ['供热计量', '内建城〔2026〕218号', '既有建筑']) {
      expect((await search(ulh, q)).hits.map((hit: Json) => [hit.source, hit.incomingId, hit.documentId]), q).toEqual([['paper', id, null]]);
    }
    expect((await search(fgw, '供热计量')).hits).toEqual([]);
    expect((await search(clerk, '供热计量')).hits).toEqual([]);
  });

  it('filters by kind and date, and refuses an empty query', async () => {
    expect((await search(clerk, '燃煤储备', '&kind=notice')).hits).toHaveLength(1);
    expect((await search(clerk, '燃煤储备', '&kind=report')).hits).toHaveLength(0);
    expect((await search(clerk, '燃煤储备', '&from=2000-01-01&to=2000-12-31')).hits).toHaveLength(0);
    const empty = await h.call(clerk, 'GET', `/api/v1/documents/search?q=${encodeURIComponent('，。')}`);
    expect([empty.status, empty.code]).toEqual([400, 'search.query_empty']);
  });
});
