import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../../../test/support/db.js';
import { FixedClock } from '../../../platform/clock.js';
import { receivingFixture } from '../receiving.testing.js';

type Fixture = Awaited<ReturnType<typeof receivingFixture>>;

describeEachDialect('documents: drafting a reply (inReplyTo)', (database) => {
  const clock = new FixedClock('2026-11-02T02:00:00.000Z');
  let fx: Fixture;
  let incomingId: string;

  const draft = (cookie: string, orgId: string, inReplyTo: string) =>
    fx.call(cookie, 'POST', '/documents', { orgId, kind: 'letter', title: '关于供暖保障有关事项的复函', mainRecipientIds: [fx.ids.jyj], bodyHtml: '<p>来函收悉。</p>', inReplyTo });

  beforeAll(async () => {
    fx = await receivingFixture(database(), clock);
    incomingId = (await fx.issue({ from: 'jyj', to: ['xsh'], title: '关于供暖保障有关事项的函' })).deliveries.xsh!;
  }, 60_000);

  it('links a reply to an inbox item its drafter may read, and the item lists it', async () => {
    const reply = await draft(fx.cookies.clerk, fx.ids.xsh, incomingId);
    expect(reply.status, reply.body).toBe(201);
    expect(reply.json.inReplyTo).toBe(incomingId);
    const item = await fx.call(fx.cookies.clerk, 'GET', `/documents/incoming/${incomingId}`);
    expect(item.json.replies.map((r: { id: string }) => r.id)).toEqual([reply.json.id]);
  });

  it('refuses another organisation’s item and an unknown one alike, writing nothing', async () => {
    const foreign = await draft(fx.cookies.ulh, fx.ids.ulh, incomingId);
    const unknown = await draft(fx.cookies.ulh, fx.ids.ulh, '01936f5e-0000-7000-8000-000000000000');
    expect([foreign.status, foreign.json.error.code]).toEqual([422, 'documents.reply_target_invalid']);
    expect(unknown.json.error).toEqual({ ...foreign.json.error, requestId: unknown.json.error.requestId, details: unknown.json.error.details });
    expect((await fx.call(fx.cookies.ulh, 'GET', '/documents?q=供暖保障')).json.total).toBe(0);
    expect((await fx.call(fx.cookies.clerk, 'GET', `/documents/incoming/${incomingId}`)).json.replies).toHaveLength(1);
  });
});
