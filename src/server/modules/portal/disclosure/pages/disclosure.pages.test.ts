import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../../../../test/support/db.js';
import { newId } from '../../../../platform/ids.js';
import { applicant, disclosureHarness, refs, type DisclosureHarness } from '../disclosure.testing.js';

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const formHeaders = { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://portal.test:8080', host: 'portal.test:8080' };

describeEachDialect('disclosure: public pages and forms', (database) => {
  let h: DisclosureHarness;
  let office: string;
  let entryId: string;
  let indexNumber: string;

  beforeAll(async () => {
    h = await disclosureHarness(database(), '2026-11-27T02:00:00.000Z');
    office = await h.org(refs.xshOffice);
    const at = new Date().toISOString();
    await h.database.db
      .insertInto('portal_sites')
      .values({ id: newId(), code: 'dtest', org_id: office, parent_site_id: null, kind: 'department', name_zh: '行署办公室网站', name_mn: null, path_prefix: '/dtest', site_id_code: null, icp_number: null, psb_number: null, languages: '["zh-CN"]', theme: '{}', position: 0, created_at: at, updated_at: at })
      .execute();
    const editor = await h.as('portal.editor');
    const created = await h.call(editor, 'POST', '/api/v1/disclosure/entries', { orgId: office, title: '兴安盟农村牧区人居环境整治实施办法', category: 'regulations', summary: '规范人居环境整治资金使用', docNumber: '兴署办发〔2026〕8号', documentDate: '2026-11-10' });
    entryId = created.body.id;
    indexNumber = created.body.indexNumber;
    await h.call(editor, 'POST', `/api/v1/disclosure/entries/${entryId}/publish`);
    await h.call(editor, 'POST', `/api/v1/disclosure/entries/${entryId}/validity`, { validity: 'abolished', note: '被兴署发〔2026〕9号废止', date: '2026-11-26' });
    await h.call(editor, 'POST', '/api/v1/disclosure/entries', { orgId: office, title: '尚未发布的草稿条目', category: 'regulations', documentDate: '2026-11-10' });
    await h.call(editor, 'PUT', `/api/v1/disclosure/orgs/${office}/texts/guide`, { bodyHtml: '<h2>一、主动公开</h2><p>本机关通过门户网站主动公开政府信息。</p>' });
  }, 60_000);

  afterAll(async () => {
    await h?.app.close();
  });

  it('shows the categories, the guide, the catalogue and an entry with its index number and validity', async () => {
    const home = await h.call(undefined, 'GET', '/dtest/disclosure/');
    expect(home.status).toBe(200);
    expect(home.body).toContain('规章和规范性文件</a>（1）');
    expect((await h.call(undefined, 'GET', '/dtest/disclosure/guide')).body).toContain('本机关通过门户网站主动公开政府信息。');
    const list = await h.call(undefined, 'GET', '/dtest/disclosure/catalogue?category=regulations');
    expect(list.body).toContain(indexNumber);
    expect(list.body).toContain('兴安盟农村牧区人居环境整治实施办法');
    expect(list.body).not.toContain('尚未发布的草稿条目');
    const entry = await h.call(undefined, 'GET', `/dtest/disclosure/entries/${entryId}`);
    expect(entry.body).toContain(indexNumber);
    expect(entry.body).toContain('兴署办发〔2026〕8号');
    expect(entry.body).toContain('废止');
    expect(entry.body).toContain('被兴署发〔2026〕9号废止');
  });

  it('takes a request through the plain HTML form and lets the applicant track it', async () => {
    const fields = { applicantKind: 'person', name: '乌云', idNumber: applicant.idNumber, phone: applicant.phone, address: '', email: '', content: '2026年阿尔山市旅游发展专项资金使用情况', purpose: '学术研究', form: 'paper' };
    const bad = await h.call(undefined, 'POST', '/dtest/disclosure/apply', form({ ...fields, idNumber: '123' }), formHeaders);
    expect(bad.status).toBe(422);
    expect(bad.body).toContain('身份证号码');
    expect(bad.body).toContain('2026年阿尔山市旅游发展专项资金使用情况');
    const done = await h.call(undefined, 'POST', '/dtest/disclosure/apply', form(fields), formHeaders);
    expect(done.status).toBe(201);
    const code = /YSQ2026[2-9A-HJ-NP-Z]{6}/.exec(done.body)![0];
    expect(done.body).toContain('答复期限：2026-12-25');
    const tracked = await h.call(undefined, 'POST', '/dtest/disclosure/track', form({ code, phoneLast4: applicant.phone.slice(-4) }), formHeaders);
    expect(tracked.status).toBe(200);
    expect(tracked.body).toContain('待受理');
    const wrong = await h.call(undefined, 'POST', '/dtest/disclosure/track', form({ code, phoneLast4: '0000' }), formHeaders);
    expect(wrong.status).toBe(404);
    expect(wrong.body).toContain('查询码或手机号后四位不正确');
  });

  it('refuses a cross-site form post', async () => {
    const answer = await h.call(undefined, 'POST', '/dtest/disclosure/apply', form({ name: 'x' }), { ...formHeaders, 'sec-fetch-site': 'cross-site' });
    expect(answer.status).toBe(403);
  });
});
