import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../../../test/support/db.js';
import { disclosureHarness, refs, type DisclosureHarness, type Json } from './disclosure.testing.js';

describeEachDialect('disclosure: annual report (2021 template)', (database) => {
  let h: DisclosureHarness;
  let office: string;
  const officer = () => h.cookie('discl.report.officer');

  beforeAll(async () => {
    h = await disclosureHarness(database(), '2025-12-15T02:00:00.000Z');
    office = await h.org(refs.xshOffice);
    await h.user('discl.report.officer', refs.xshOffice, 'officer');
  }, 60_000);

  afterAll(async () => {
    await h?.app.close();
  });

  async function requestOf(kind: string, overrides: Record<string, unknown> = {}): Promise<string> {
    const receipt = await h.submit(office, { applicantKind: kind, ...(kind === 'person' ? {} : { name: '兴安盟某律师事务所', idNumber: '91350100M000100Y43' }), ...overrides });
    const list = await h.call(await officer(), 'GET', `/api/v1/disclosure/requests?orgId=${office}&pageSize=100`);
    return list.body.items.find((r: Json) => r.trackingCode === receipt.body.trackingCode).id;
  }

  it('counts new, carried-over, each outcome and carried-forward requests by applicant kind, and balances', async () => {
    // 2025: two requests, one answered in 2025, one still open at the year's end (carried over into 2026).
    const old1 = await requestOf('person');
    const old2 = await requestOf('legal_service');
    await h.call(await officer(), 'POST', `/api/v1/disclosure/requests/${old1}/reply`, { kind: 'provided' });
    h.day('2026-03-02');
    const new1 = await requestOf('person');
    const new2 = await requestOf('person');
    await requestOf('business');
    await h.call(await officer(), 'POST', `/api/v1/disclosure/requests/${old2}/reply`, { kind: 'refused', refusalGround: 'state_secret', reason: '涉及国家秘密', basis: '《中华人民共和国保守国家秘密法》' });
    await h.call(await officer(), 'POST', `/api/v1/disclosure/requests/${new1}/reply`, { kind: 'not_held', holder: '兴安盟统计局' });
    await h.call(await officer(), 'POST', `/api/v1/disclosure/requests/${new2}/reply`, { kind: 'already_public', location: '门户网站' });

    const made = await h.call(await officer(), 'POST', '/api/v1/disclosure/reports', { orgId: office, year: 2026 });
    expect(made.status).toBe(200);
    const r = made.body.data.requests;
    expect(r.received).toMatchObject({ person: 2, business: 1, legal_service: 0, total: 3 });
    expect(r.carriedOver).toMatchObject({ legal_service: 1, person: 0, total: 1 });
    expect(r.outcomes['provided']).toMatchObject({ person: 1, total: 1 });
    expect(r.outcomes['refused.state_secret']).toMatchObject({ legal_service: 1, total: 1 });
    expect(r.outcomes['unavailable.not_held']).toMatchObject({ person: 1, total: 1 });
    expect(r.carriedForward).toMatchObject({ business: 1, total: 1 });
    expect(made.body.balance.balanced).toBe(true);
    expect(made.body.balance.columns.find((c: Json) => c.column === 'total')).toMatchObject({ incoming: 4, outgoing: 4 });
  });

  it('refuses to publish a report whose hand edits break 一+二 = 三+四, and publishes it once balanced', async () => {
    const list = await h.call(await officer(), 'GET', `/api/v1/disclosure/reports?orgId=${office}`);
    const id = list.body.items[0].id;
    const report = (await h.call(await officer(), 'GET', `/api/v1/disclosure/reports/${id}`)).body;
    const data = structuredClone(report.data);
    data.requests.received.person += 1;
    data.requests.received.total += 1;
    data.sections.overview = '2026年，本机关认真贯彻落实《中华人民共和国政府信息公开条例》。';
    const edited = await h.call(await officer(), 'PUT', `/api/v1/disclosure/reports/${id}`, { data });
    expect(edited.body.balance.balanced).toBe(false);
    expect(edited.body.balance.columns.find((c: Json) => c.column === 'person')).toMatchObject({ incoming: 3, outgoing: 2, ok: false });
    const refused = await h.call(await officer(), 'POST', `/api/v1/disclosure/reports/${id}/publish`);
    expect([refused.status, refused.code]).toEqual([422, 'disclosure.report_unbalanced']);

    // A paper request answered off-line: counted as received and as an outcome, the report balances again.
    data.requests.outcomes['provided'].person += 1;
    data.requests.outcomes['provided'].total += 1;
    await h.call(await officer(), 'PUT', `/api/v1/disclosure/reports/${id}`, { data });
    const published = await h.call(await officer(), 'POST', `/api/v1/disclosure/reports/${id}/publish`);
    expect(published.body).toMatchObject({ status: 'published', balance: { balanced: true } });
    expect(published.body.data.sections.overview).toContain('认真贯彻落实');
    expect((await h.call(await officer(), 'PUT', `/api/v1/disclosure/reports/${id}`, { data })).code).toBe('disclosure.report_published');
  });
});
