import type { Actor } from '../../../platform/actor.js';
import type { AppContext } from '../../../platform/module.js';
import { createOrgService } from '../../orgs/index.js';
import { createPkiService } from '../../pki/index.js';
import type { Acting } from '../receive/index.js';
import { receivingServices } from '../receiving.js';
import { createSealService } from '../seal/index.js';
import { createSendService, type FinalCopyMaker } from '../send/index.js';
import { demoOrgs, type DemoOrg, type DemoText } from './demo.catalogue.js';
import { TimelineClock } from './demo.timeline.js';
import { seedRepository, type SeedAccount } from './seed.repository.js';

/** The demo accounts the seed acts as (see identity's `demoAccounts`). */
export const demoUsernames = ['xsh.clerk', 'xsh.leader', 'fgw.clerk', 'fgw.leader', 'ulh.clerk', 'ulh.mayor'] as const;
export type DemoUser = (typeof demoUsernames)[number];

/** Who acts for an issuing organisation: its clerk (drafts, reviews, numbers, seals, issues) and its leader. */
export interface Team {
  readonly issuer: DemoOrg;
  readonly clerk: DemoUser;
  readonly leader: DemoUser;
}

export const teams = {
  xsh: { issuer: 'xsh', clerk: 'xsh.clerk', leader: 'xsh.leader' },
  fgw: { issuer: 'fgw', clerk: 'fgw.clerk', leader: 'fgw.leader' },
  ulh: { issuer: 'ulh', clerk: 'ulh.clerk', leader: 'ulh.mayor' },
} as const satisfies Record<string, Team>;

/** A time on the timeline: working days before today, and the time of day (Asia/Shanghai). */
export type When = readonly [daysAgo: number, time: string];

/** The sending actions after 拟稿, in the default workflow's order. */
const flowSteps = ['submit', 'department_review', 'office_review', 'sign_off', 'recheck', 'register', 'seal', 'issue'] as const;

const opinions: Partial<Record<(typeof flowSteps)[number], string>> = {
  department_review: '拟同意，请办公室审核。',
  office_review: '文字及行文规则已审核，请领导签发。',
  sign_off: '同意印发。',
  recheck: '已复核，可以编号。',
};

/** The services the demo seed drives, on the timeline clock, acting as the demo accounts. */
export async function demoWorld(ctx: AppContext, finalCopyOf: (ctx: AppContext) => FinalCopyMaker) {
  const accounts = await seedRepository.accounts(ctx.db, demoUsernames);
  if (demoUsernames.some((u) => !accounts.has(u))) return undefined;
  const clock = new TimelineClock(ctx.clock.now());
  const timed: AppContext = { ...ctx, clock };
  const send = createSendService(timed, { finalCopy: finalCopyOf(timed) });
  const receiving = receivingServices(timed);
  const orgs = createOrgService(ctx);
  const orgIds = new Map<DemoOrg, string>();
  for (const key of Object.keys(demoOrgs) as DemoOrg[]) orgIds.set(key, (await orgs.get(demoOrgs[key])).id);
  const org = (key: DemoOrg) => orgIds.get(key)!;
  const account = (user: DemoUser): SeedAccount => accounts.get(user)!;
  const as = (user: DemoUser): Acting => {
    const a = account(user);
    const actor: Actor = { userId: a.id, username: a.username, displayName: a.displayName, orgId: a.orgId, roles: a.roles, isDemo: true, sessionId: 'demo-seed' };
    return { actor, who: { actorId: a.id, actorName: a.username, orgId: a.orgId, requestId: 'demo-seed' } };
  };
  const at = ([days, time]: When) => clock.at(days, time);

  return {
    ctx: timed,
    clock,
    send,
    receiving,
    org,
    account,
    as,
    at,

    /**
     * The organisations' seal certificates and seals, made before the first document of the timeline
     * so that every seal is in force when it is used. An organisation that has one keeps it.
     */
    async prepareSeals(when: When, issuers: readonly DemoOrg[]) {
      at(when);
      const pki = createPkiService(timed, { keys: ctx.keys });
      const seals = createSealService(timed);
      for (const key of issuers) {
        if ((await pki.sealCertificatesOf(org(key), { at: clock.now() })).length === 0) {
          const name = (await orgs.get(org(key))).nameZh;
          await pki.issue({ kind: 'seal', orgKey: org(key), name, profile: 'sm2' });
        }
        await seals.currentSeal(org(key), { at: clock.now() });
      }
    },

    /** 拟稿 by the team's clerk. */
    async draft(when: When, team: Team, text: DemoText, recipients: { main?: DemoOrg[]; copy?: DemoOrg[]; inReplyTo?: string } = {}) {
      at(when);
      return send.drafts.create(as(team.clerk), {
        orgId: org(team.issuer),
        kind: text.kind,
        title: text.title,
        bodyHtml: text.body,
        mainRecipientIds: (recipients.main ?? []).map(org),
        copyRecipientIds: (recipients.copy ?? []).map(org),
        coIssuerIds: [],
        secrecy: 'none',
        urgency: text.urgency ?? 'normal',
        ...(text.note ? { note: text.note } : {}),
        ...(recipients.inReplyTo ? { inReplyTo: recipients.inReplyTo } : {}),
      });
    },

    /**
     * Takes a draft through the sending workflow, one action per entry of `schedule` (提交, 部门核稿,
     * 办公室审核, 领导签发, 复核, 编号登记, 用印, 核发); it then waits at the next step.
     */
    async flow(id: string, team: Team, schedule: readonly When[]) {
      for (const [i, when] of schedule.entries()) {
        const step = flowSteps[i]!;
        at(when);
        const clerk = as(team.clerk);
        const leader = as(team.leader);
        const opinion = opinions[step] ?? null;
        if (step === 'submit') await send.flow.submit(clerk, id, null);
        else if (step === 'department_review') await send.flow.approve(leader, id, opinion);
        else if (step === 'office_review' || step === 'recheck') await send.flow.approve(clerk, id, opinion);
        else if (step === 'sign_off') await send.flow.signOff(leader, id, opinion);
        else if (step === 'register') await send.final.register(clerk, id, undefined);
        else if (step === 'seal') await send.final.seal(clerk, id);
        else await send.final.issue(clerk, id);
      }
    },

    /** The inbox item a delivery of the document made for the organisation. */
    async incoming(documentId: string, to: DemoOrg): Promise<string> {
      const id = await seedRepository.incomingFor(ctx.db, documentId, org(to));
      if (!id) throw new Error(`演示数据：${demoOrgs[to]} 未收到公文 ${documentId}`);
      return id;
    },

  };
}

export type DemoWorld = NonNullable<Awaited<ReturnType<typeof demoWorld>>>;
