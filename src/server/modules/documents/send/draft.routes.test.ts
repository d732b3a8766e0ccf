import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachDialect } from '../../../../../test/support/db.js';
import { documentsHarness, refs, type DocumentsHarness } from './send.testing.js';

describeEachDialect('documents: drafting', (database) => {
  let h: DocumentsHarness;
  let clerk: string;
  let notice: (extra?: Record<string, unknown>) => Promise<Record<string, unknown>>;

  beforeAll(async () => {
    h = await documentsHarness(database());
    clerk = await h.as('xsh.clerk');
    notice = async (extra = {}) => ({
      orgId: await h.org(refs.xsh),
      kind: 'notice',
      title: '兴安盟行政公署关于做好今冬明春供暖保障工作的通知',
      mainRecipientIds: [await h.org(refs.ulhGov), await h.org(refs.arxanGov)],
      copyRecipientIds: [await h.org(refs.leagueCommittee)],
      bodyHtml: '<p>各旗县市人民政府：</p><h1>一、总体要求</h1><p>确保群众温暖过冬。</p>',
      ...extra,
    });
  }, 60_000);

  afterAll(async () => {
    await h?.app.close();
  });

  it('creates a draft for the issuer, drafted in the clerk’s office, waiting for its drafter', async () => {
    const created = await h.call(clerk, 'POST', '/api/v1/documents', await notice());
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      orgName: '兴安盟行政公署',
      draftingOrgName: '兴安盟行政公署办公室',
      status: 'draft',
      currentStep: 'draft',
      direction: 'down',
      docNumber: null,
      bodyVersion: 1,
      draftedByName: '王文秘',
      mainRecipients: [{ name: '乌兰浩特市人民政府' }, { name: '阿尔山市人民政府' }],
      copyRecipients: [{ name: '中共兴安盟委员会' }],
    });
    expect(created.body.actions).toEqual(expect.arrayContaining(['read', 'edit', 'submit', 'cancel']));
    expect(created.body.actions).not.toContain('signOff');
    expect(created.body.openTasks).toEqual([expect.objectContaining({ step: 'draft', userId: expect.any(String), dueOn: null })]);
  });

  it('sanitises script and HTML injection in the body to paragraphs and headings', async () => {
    const bodyHtml =
      '<p onclick="steal()">正文<script>alert(document.cookie)</script><img src=x onerror="alert(1)">内容</p>' +
      '<h2 style="color:red"><a href="javascript:alert(1)">（一）加强领导</a></h2><iframe src="https://evil.example">框架</iframe>' +
      '<div>未加标签的文字</div><p data-align="center">居中</p><p data-align="javascript:x">坏属性</p>';
    const created = await h.call(clerk, 'POST', '/api/v1/documents', await notice({ bodyHtml }));
    expect(created.status).toBe(201);
    expect(created.body.bodyHtml).toBe(
      '<p>正文内容</p>\n<h2>（一）加强领导</h2>\n<p>未加标签的文字</p>\n<p data-align="center">居中</p>\n<p>坏属性</p>',
    );
    expect(created.body.bodyHtml).not.toMatch(/script|onerror|onclick|javascript|iframe|style|evil/);
  });

  it('refuses 机密 and 绝密, and a 保密期限 without a level', async () => {
    for (const secrecy of ['confidential', 'top_secret']) {
      const refused = await h.call(clerk, 'POST', '/api/v1/documents', await notice({ secrecy }));
      expect([refused.status, refused.code]).toEqual([422, 'documents.secrecy_too_high']);
    }
    const term = await h.call(clerk, 'POST', '/api/v1/documents', await notice({ secrecyTerm: '1年' }));
    expect(term.code).toBe('documents.secrecy_term_without_level');
    const secret = await h.call(clerk, 'POST', '/api/v1/documents', await notice({ secrecy: 'secret', secrecyTerm: '1年', urgency: 'urgent' }));
    expect(secret.body).toMatchObject({ secrecy: 'secret', secrecyTerm: '1年', urgency: 'urgent' });
  });

  it('refuses unknown, repeated and self recipients with clear codes', async () => {
    const unknown = await h.call(clerk, 'POST', '/api/v1/documents', await notice({ copyRecipientIds: ['no-such-org'] }));
    expect([unknown.status, unknown.code, unknown.body.error.details.missing]).toEqual([422, 'documents.recipient_unknown', ['no-such-org']]);
    const twice = await h.call(clerk, 'POST', '/api/v1/documents', await notice({ copyRecipientIds: [await h.org(refs.ulhGov)] }));
    expect(twice.code).toBe('documents.recipient_duplicate');
    expect(twice.body.error.message).toContain('乌兰浩特市人民政府');
    const self = await h.call(clerk, 'POST', '/api/v1/documents', await notice({ copyRecipientIds: [await h.org(refs.xsh)] }));
    expect(self.code).toBe('documents.recipient_is_issuer');
  });

  it('lets only the issuer’s (or its office’s) clerks and staff draft for it', async () => {
    const other = await h.call(await h.as('fgw.clerk'), 'POST', '/api/v1/documents', await notice());
    expect(other.status).toBe(403);
    const leader = await h.call(await h.as('xsh.leader'), 'POST', '/api/v1/documents', await notice());
    expect(leader.status).toBe(403);
    const own = await h.call(await h.as('fgw.clerk'), 'POST', '/api/v1/documents', await notice({ orgId: await h.org(refs.fgw), mainRecipientIds: [], copyRecipientIds: [] }));
    expect(own.status).toBe(201);
  });

  describe('organisation scope', () => {
    it('answers a concealing 404 to a clerk of another county, and lists only what one may see', async () => {
      const ulhClerk = await h.as('ulh.clerk');
      const body = {
        orgId: await h.org(refs.ulhGov),
        kind: 'notice',
        title: '乌兰浩特市人民政府关于春耕生产的通知',
        mainRecipientIds: [await h.org(refs.ulhEducation)],
      };
      const ulhDoc = await h.call(ulhClerk, 'POST', '/api/v1/documents', body);
      expect(ulhDoc.status).toBe(201);
      const tuquanClerk = await h.user('tq.clerk', refs.tuquanGov, 'clerk');
      const hidden = await h.call(tuquanClerk, 'GET', `/api/v1/documents/${ulhDoc.body.id}`);
      const missing = await h.call(tuquanClerk, 'GET', '/api/v1/documents/01936f5e-0000-7000-8000-000000000000');
      expect([hidden.status, hidden.code]).toEqual([404, 'documents.not_found']);
      expect(hidden.body.error.message).toBe(missing.body.error.message);
      const edit = await h.call(tuquanClerk, 'PATCH', `/api/v1/documents/${ulhDoc.body.id}`, { title: '改' });
      expect(edit.status).toBe(404);
      const list = await h.call(tuquanClerk, 'GET', '/api/v1/documents');
      expect(list.body.items.map((d: { id: string }) => d.id)).not.toContain(ulhDoc.body.id);
      const own = await h.call(ulhClerk, 'GET', '/api/v1/documents?q=春耕');
      expect(own.body).toMatchObject({ total: 1, items: [{ id: ulhDoc.body.id, actions: expect.arrayContaining(['read', 'edit']) }] });
    });

    it('filters the list by year (of the number, else of drafting) and to my own drafts', async () => {
      const ulhClerk = await h.as('ulh.clerk');
      const ids = async (cookie: string, query: string) => (await h.call(cookie, 'GET', `/api/v1/documents?q=春耕&${query}`)).body.items.map((d: { id: string }) => d.id);
      const [mine] = await ids(ulhClerk, 'year=2026');
      expect(mine).toBeDefined();
      expect(await ids(ulhClerk, 'year=2025')).toEqual([]);
      expect(await ids(ulhClerk, 'mine=true&status=draft')).toEqual([mine]);
      // A colleague clerk sees the organisation's draft in the year, but drafted none himself.
      const colleague = await h.user('ulh.clerk2', refs.ulhGov, 'clerk');
      expect(await ids(colleague, 'year=2026')).toEqual([mine]);
      expect(await ids(colleague, 'mine=true')).toEqual([]);
      expect((await h.call(ulhClerk, 'GET', '/api/v1/documents?year=26')).status).toBe(400);
    });
  });
});
