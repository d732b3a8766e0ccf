import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../../../test/support/db.js';
import type { Actor } from '../../../platform/actor.js';
import { FixedClock } from '../../../platform/clock.js';
import { createOrgService, type OrgService } from '../../orgs/index.js';
import { receivingFixture } from '../receiving.testing.js';
import { createInboxService } from './inbox.service.js';

type Fixture = Awaited<ReturnType<typeof receivingFixture>>;

/** The orgs service, counting the calls that reach the registry. */
function countingOrgs(orgs: OrgService): { orgs: OrgService; calls: () => number } {
  let calls = 0;
  const counted = new Proxy(orgs, {
    get(target, name, receiver) {
      const value: unknown = Reflect.get(target, name, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        calls += 1;
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return { orgs: counted, calls: () => calls };
}

describeEachDialect('收文: the inbox reads the registry in a few batched lookups', (database) => {
  const clock = new FixedClock('2026-11-02T02:00:00.000Z');
  let fx: Fixture;

  beforeAll(async () => {
    fx = await receivingFixture(database(), clock);
  }, 60_000);

  it('lists items from many senders with their names, in at most three registry lookups', async () => {
    const { ctx, ids } = fx;
    const clerk: Actor = {
      userId: 'lookups-clerk',
      username: 'lookups',
      displayName: '测试',
      orgId: ids.xshOffice,
      roles: [{ role: 'clerk', orgId: ids.xshOffice, scope: 'org' }],
      isDemo: false,
      sessionId: 'lookups',
    };
    const listAs = async () => {
      const counting = countingOrgs(createOrgService(ctx));
      const inbox = createInboxService({ db: ctx.db, clock, orgs: counting.orgs, filing: { filedAmong: async () => new Set<string>() } });
      const page = await inbox.list(clerk, { orgId: ids.xsh, view: 'todo', page: 1, pageSize: 20 });
      return { page, calls: counting.calls() };
    };

    for (const from of ['jyj', 'fgw', 'ulh', 'xshOffice'] as const) await fx.issue({ from, to: ['xsh'], title: `${from}来文` });
    const { page, calls } = await listAs();
    const orgs = createOrgService(ctx);
    const names = await Promise.all((['jyj', 'fgw', 'ulh', 'xshOffice'] as const).map(async (k) => (await orgs.get(ids[k])).nameZh));
    expect(page.items.map((i) => i.senderName).sort()).toEqual([...names].sort());
    expect(page.counts.pending).toBe(4);
    // The inbox with its children (its 办公室 among them), then the senders not loaded yet: batched
    // lookups, however many items and senders the page has (one per organisation before).
    expect(calls).toBeLessThanOrEqual(3);
  });
});
