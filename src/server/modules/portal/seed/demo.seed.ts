import type { Actor } from '../../../platform/actor.js';
import { toBusinessDate } from '../../../platform/calendar/index.js';
import type { Clock } from '../../../platform/clock.js';
import type { AppContext, SeedOptions } from '../../../platform/module.js';
import { createPublishingService, type Acting } from '../publishing/index.js';
import { demoArticles, type DemoArticle, type DemoSite, type DemoWhen } from './demo.articles.js';
import { articleKey, demoRepository as repo, type DemoAccount, type DemoColumn } from './demo.repository.js';

const DAY = 86_400_000;
const sites: readonly DemoSite[] = ['main', 'fgw', 'aes', 'tour'];

/** Who writes and who reviews on each demo site (identity's demo accounts). */
const team: Readonly<Record<DemoSite, { editor: string; reviewer: string }>> = {
  main: { editor: 'portal.editor', reviewer: 'portal.reviewer' },
  fgw: { editor: 'fgw.editor', reviewer: 'fgw.reviewer' },
  aes: { editor: 'aes.editor', reviewer: 'aes.reviewer' },
  tour: { editor: 'tour.editor', reviewer: 'tour.reviewer' },
};

/**
 * The clock the demo seed runs the publishing services on: `at([n, 'HH:MM'])` moves it to that time
 * (Asia/Shanghai) n days before the seed's real time, never past it, so published times are real
 * server times of the workflow (nothing is back-dated) spread over the past three months.
 */
export class DemoClock implements Clock {
  readonly #real: Date;
  #now: Date;

  constructor(real: Date) {
    this.#real = real;
    this.#now = real;
  }

  now(): Date {
    return new Date(this.#now);
  }

  instant([days, time]: DemoWhen): Date {
    const day = toBusinessDate(new Date(this.#real.getTime() - days * DAY));
    const instant = new Date(`${day}T${time}:00+08:00`);
    return instant > this.#real ? this.#real : instant;
  }

  /** Moves to `when`, `minutesBefore` earlier; returns that instant. */
  at(when: DemoWhen, minutesBefore = 0): Date {
    this.#now = new Date(this.instant(when).getTime() - minutesBefore * 60_000);
    return this.now();
  }
}

export interface DemoArticlesReport {
  readonly published: number;
  readonly scheduled: number;
  readonly withdrawn: number;
  readonly mongolian: number;
}

/**
 * The demo articles (`demo.articles.ts`) written through the publishing services as each site's
 * demo editor (create, submit) and reviewer (approve: publish now, or at a time for the scheduled
 * one), with withdrawal and the validity mark, on a clock moved to each step's time. Only on a
 * development deployment seeded with the demo profile whose sites and demo accounts exist; an
 * article already there (same site, language and title) is left as it is, so a second run adds
 * only what is missing.
 */
export async function seedDemoArticles(ctx: AppContext, options: SeedOptions): Promise<DemoArticlesReport | undefined> {
  if (options.profile !== 'demo' || ctx.config.env !== 'development') return undefined;
  const usernames = sites.flatMap((s) => [team[s].editor, team[s].reviewer]);
  const accounts = await repo.accounts(ctx.db, usernames);
  const columns = await repo.columns(ctx.db, sites);
  if (usernames.some((u) => !accounts.has(u)) || columns.length === 0) return undefined;

  const clock = new DemoClock(ctx.clock.now());
  const publishing = createPublishingService({ ...ctx, clock });
  const existing = await repo.existing(ctx.db, sites);
  // Columns are chosen newest article first, so each column of a pool gets one of the newest; versions after originals.
  const place = columnChooser(columns);
  const placing = [...demoArticles].sort((a, b) => Number(!!a.translationOf) - Number(!!b.translationOf) || a.at[0] - b.at[0]);
  const columnOf = new Map(placing.map((a) => [a.key, place(a)]));
  const ids = new Map<string, string>();
  const report = { published: 0, scheduled: 0, withdrawn: 0, mongolian: 0 };

  // One timeline, oldest first: every step happens at its own time.
  const steps: { at: number; order: number; run: () => Promise<void> }[] = [];
  for (const [order, article] of demoArticles.entries()) {
    const columnId = columnOf.get(article.key)!;
    const found = existing.get(articleKey(article.site, article.lang ?? 'zh-CN', article.title));
    if (found) {
      ids.set(article.key, found.id);
      continue;
    }
    const editor = acting(accounts.get(team[article.site].editor)!);
    const reviewer = acting(accounts.get(team[article.site].reviewer)!);
    steps.push({
      at: clock.instant(article.at).getTime(),
      order,
      run: async () => {
        clock.at(article.at, 40);
        const id = await publishing.articles.create(editor, {
          columnId,
          lang: article.lang ?? 'zh-CN',
          title: article.title,
          subtitle: article.subtitle ?? null,
          source: article.source,
          author: article.author ?? null,
          summary: article.summary ?? null,
          bodyHtml: article.body,
          tags: [...(article.tags ?? [])],
          translationOf: article.translationOf ? (ids.get(article.translationOf) ?? null) : null,
          interpretsId: article.interprets ? (ids.get(article.interprets) ?? null) : null,
        });
        ids.set(article.key, id);
        clock.at(article.at, 25);
        await publishing.workflow.submit(editor, id, await repo.revision(ctx.db, id));
        const approvedAt = clock.at(article.at);
        const revision = await repo.revision(ctx.db, id);
        if (article.scheduleInDays !== undefined) {
          const [, time] = article.at;
          const day = toBusinessDate(new Date(approvedAt.getTime() + article.scheduleInDays * DAY));
          await publishing.workflow.approve(reviewer, id, { revision, publish: 'at', publishAt: new Date(`${day}T${time}:00+08:00`).toISOString() });
          report.scheduled += 1;
        } else {
          await publishing.workflow.approve(reviewer, id, { revision, publish: 'now' });
          report.published += 1;
          if (article.lang === 'mn-Mong') report.mongolian += 1;
        }
      },
    });
    if (article.withdrawn) {
      const { at, reason } = article.withdrawn;
      steps.push({
        at: clock.instant(at).getTime(),
        order,
        run: async () => {
          clock.at(at);
          const id = ids.get(article.key)!;
          await publishing.workflow.withdraw(reviewer, id, await repo.revision(ctx.db, id), reason);
          report.withdrawn += 1;
        },
      });
    }
    if (article.validity) {
      const { at, value, note } = article.validity;
      steps.push({
        at: clock.instant(at).getTime(),
        order,
        run: async () => {
          const when = clock.at(at);
          const id = ids.get(article.key)!;
          const revision = await repo.revision(ctx.db, id);
          await publishing.workflow.markValidity(editor, id, { revision, validity: value, note, validityOn: toBusinessDate(when) });
        },
      });
    }
  }
  steps.sort((a, b) => a.at - b.at || a.order - b.order);
  for (const step of steps) await step.run();
  return report;
}

/** The seed acting as a demo account (the services' `Acting`). */
export function acting(account: DemoAccount): Acting {
  const actor: Actor = {
    userId: account.id,
    username: account.username,
    displayName: account.displayName,
    orgId: account.orgId,
    roles: account.roles,
    isDemo: true,
    sessionId: 'demo-seed',
  };
  return { actor, who: { actorId: account.id, actorName: account.username, orgId: account.orgId, requestId: 'demo-seed' } };
}

/**
 * Picks each article's column: among the site's columns of its category, those whose name holds the
 * article's hint (all of them when none does), the one given the fewest articles so far — so every
 * news column of a site gets recent news. A Mongolian version goes where its original went.
 */
function columnChooser(columns: readonly DemoColumn[]): (article: DemoArticle) => string {
  const given = new Map<string, number>();
  const chosen = new Map<string, string>();
  return (article) => {
    const original = article.translationOf ? chosen.get(article.translationOf) : undefined;
    if (original) {
      chosen.set(article.key, original);
      return original;
    }
    const ofCategory = columns.filter((c) => c.siteCode === article.site && c.category === article.category);
    const candidates = ofCategory.length ? ofCategory : columns.filter((c) => c.siteCode === article.site);
    if (candidates.length === 0) throw new Error(`演示文章：网站 ${article.site} 没有栏目`);
    const hinted = article.column ? candidates.filter((c) => c.nameZh.includes(article.column!)) : [];
    const pool = hinted.length ? hinted : candidates;
    const column = pool.reduce((best, c) => ((given.get(c.id) ?? 0) < (given.get(best.id) ?? 0) ? c : best));
    given.set(column.id, (given.get(column.id) ?? 0) + 1);
    chosen.set(article.key, column.id);
    return column.id;
  };
}
