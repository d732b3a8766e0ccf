import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ComponentChild, VNode } from 'preact';
import { disclosureCategories, type DisclosureCategory, type EntryValidity, entryValidities, requestLimits } from '../../../../../shared/disclosure.js';
import { AppError, definitionOf, isAppError, messageOf } from '../../../../platform/errors/app-error.js';
import type { Locale, MessageParams } from '../../../../platform/i18n/messages.js';
import { contentDisposition } from '../../../../platform/files/index.js';
import { auditContext } from '../../../../platform/audit/index.js';
import type { AppContext } from '../../../../platform/module.js';
import { renderPage } from '../../../../platform/views/render.js';
import { registerSiteSection, renderSitePage, siteHref, type SiteRequest } from '../../site/index.js';
import { portalMessages, type PortalMessageKey } from '../../portal.messages.js';
import { portalLocaleOf } from '../../portal.site.js';
import { Layout } from '../../views/layout.js';
import { disclosureRepository as repo } from '../disclosure.repository.js';
import type { RequestService } from '../request.service.js';
import { requestSubmitSchema } from '../request.schema.js';
import type { PublicDisclosure } from '../public.service.js';
import { ReportBody } from './report.views.js';
import { ApplyForm, CatalogueFilters, chinese, EntryDetail, EntryRows, Page, Pager, RichText, TrackForm, Tracked, type ApplyFormState, type Here } from './disclosure.views.js';

export interface DisclosurePageOptions {
  readonly ctx: AppContext;
  readonly publicView: PublicDisclosure;
  readonly requests: RequestService;
  readonly publicPerMinute: number;
}

/** Largest form body accepted (the request's fields with room for encoding). */
const formLimitBytes = 64 * 1024;
const pageSize = 20;

const html = (reply: FastifyReply, body: string, status = 200) => reply.status(status).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(body);
const queryOf = (request: FastifyRequest) => (request.query ?? {}) as Record<string, string | undefined>;
/** An error's registry message in the reader's language; a Chinese fallback on a Mongolian page is marked. */
const problemOf = (code: string, locale: Locale): ComponentChild =>
  locale === 'mn-Mong' && !definitionOf(code).mn ? <span lang="zh-CN">{messageOf(code, locale)}</span> : messageOf(code, locale);
const pick = <T extends string>(value: string | undefined, allowed: Record<T, string>): T | undefined => (value && Object.hasOwn(allowed, value) ? (value as T) : undefined);

/**
 * The public disclosure platform of every site (`/{prefix}/disclosure/…`, inside the site's chrome):
 * overview with the categories, guide, rules, the catalogue with filters and paging, entries with
 * index number and validity, annual reports, the request form and tracking. The forms are plain HTML
 * POSTs (no JavaScript); same-origin posts pass the platform's cross-site write check.
 */
export async function disclosurePageRoutes(app: FastifyInstance, { ctx, publicView, requests, publicPerMinute }: DisclosurePageOptions): Promise<void> {
  const hereOf = (at: SiteRequest, orgName: string): Here => ({ base: siteHref(at, '/disclosure'), orgName, locale: at.locale });
  const words = (locale: Locale) => (key: PortalMessageKey, params?: MessageParams) => portalMessages.t(locale, key, params);
  const sitePage = (at: SiteRequest, title: string, body: VNode) => renderSitePage(at, { title, section: 'disclosure', columnName: '政府信息公开', body });

  registerSiteSection(ctx, 'disclosure', async (at, request, reply) => {
    if (request.method === 'POST') throw new AppError('route.not_found');
    const orgId = at.site.orgId;
    const overview = await publicView.overview(orgId);
    const here = hereOf(at, overview.orgName);
    const rest = at.rest.replace(/^\/disclosure/, '') || '/';
    const q = queryOf(request);
    const w = words(at.locale);
    // Stored and statutory text (guide, rules, entries, categories, reports) is Chinese.
    const stored = at.locale === 'zh-CN' ? undefined : 'zh-CN';
    if (rest === '/') {
      return html(reply, sitePage(at, w('portal.disclosure.title'), (
        <Page here={here} title={w('portal.disclosure.title')}>
          <h2>{w('portal.disclosure.proactive')}</h2>
          <ul class="disclosure-categories">
            {overview.categories.map((c) => (
              <li><a href={`${here.base}/catalogue?category=${c.category}`} lang={stored}>{disclosureCategories[c.category]}</a>（{c.count}）</li>
            ))}
          </ul>
          <h2>{w('portal.disclosure.annual')}</h2>
          <ul>{overview.reports.map((r) => <li><a href={`${here.base}/reports/${r.year}`}>{w('portal.disclosure.report_title', { org: here.orgName, year: r.year })}</a></li>)}</ul>
        </Page>
      )));
    }
    if (rest === '/guide' || rest === '/rules') {
      const title = w(rest === '/guide' ? 'portal.disclosure.guide' : 'portal.disclosure.rules');
      const text = rest === '/guide' ? overview.guideHtml : overview.rulesHtml;
      return html(reply, sitePage(at, title, <Page here={here} title={title}>{text ? <div lang={stored}><RichText html={text} /></div> : <p>{w('portal.disclosure.not_yet')}</p>}</Page>));
    }
    if (rest === '/catalogue') {
      const category = pick<DisclosureCategory>(q.category, disclosureCategories);
      const validity = pick<EntryValidity>(q.validity, entryValidities);
      const text = q.q?.trim().slice(0, 100) || undefined;
      const page = Math.min(Math.max(1, Number.parseInt(q.page ?? '1', 10) || 1), 10_000);
      const { items, total } = await publicView.catalogue(orgId, { category, validity, q: text, page, pageSize });
      const href = (p: number) => `${here.base}/catalogue?${new URLSearchParams({ ...(category ? { category } : {}), ...(validity ? { validity } : {}), ...(text ? { q: text } : {}), page: String(p) })}`;
      return html(reply, sitePage(at, w('portal.disclosure.catalogue'), (
        <Page here={here} title={category ? chinese(at.locale, disclosureCategories[category]) : w('portal.disclosure.catalogue')}>
          <CatalogueFilters here={here} category={category} validity={validity} q={text} />
          <EntryRows here={here} items={items} />
          <Pager locale={at.locale} href={href} page={page} pageSize={pageSize} total={total} />
        </Page>
      )));
    }
    const entryMatch = /^\/entries\/([0-9a-f-]{36})(\/file)?$/.exec(rest);
    if (entryMatch) {
      const entry = await publicView.entry(orgId, entryMatch[1]!);
      if (!entry) throw new AppError('disclosure.entry_not_found');
      if (entryMatch[2]) {
        if (!entry.fileId) throw new AppError('disclosure.entry_not_found');
        const { file, stream } = await publicView.fileOf(entry.fileId);
        return reply.type(file.mediaType).header('content-disposition', contentDisposition(entry.fileName ?? 'file')).send(stream);
      }
      return html(reply, sitePage(at, entry.title, <Page here={here} title={chinese(at.locale, entry.title)}><EntryDetail locale={at.locale} entry={entry} fileHref={entry.fileId ? `${here.base}/entries/${entry.id}/file` : null} /></Page>));
    }
    const reportMatch = /^\/reports(?:\/(\d{4}))?$/.exec(rest);
    if (reportMatch) {
      if (!reportMatch[1]) {
        return html(reply, sitePage(at, w('portal.disclosure.reports'), <Page here={here} title={w('portal.disclosure.reports_title')}><ul>{overview.reports.map((r) => <li><a href={`${here.base}/reports/${r.year}`}>{w('portal.disclosure.report_year', { year: r.year })}</a></li>)}</ul></Page>));
      }
      const report = await publicView.report(orgId, Number(reportMatch[1]));
      if (!report) throw new AppError('disclosure.report_not_found');
      const title = w('portal.disclosure.report_title', { org: here.orgName, year: report.year });
      // The report's tables are the statutory format (国办公开办函〔2021〕30号): Chinese on every page.
      return html(reply, sitePage(at, title, <Page here={here} title={title}><div lang={stored}><ReportBody report={report} /></div></Page>));
    }
    if (rest === '/apply') {
      return html(reply, sitePage(at, w('portal.disclosure.apply'), (
        <Page here={here} title={w('portal.disclosure.apply_title')}>
          <p>{w('portal.disclosure.apply_limits', { days: requestLimits.replyDays, extension: requestLimits.maxExtensionDays })}</p>
          <ApplyForm locale={at.locale} action={`${here.base}/apply`} state={{ values: { applicantKind: 'person', form: 'electronic' }, errors: {} }} />
        </Page>
      )));
    }
    if (rest === '/track') {
      return html(reply, sitePage(at, w('portal.disclosure.track'), <Page here={here} title={w('portal.disclosure.track')}><TrackForm locale={at.locale} action={`${here.base}/track`} code={q.code} /></Page>));
    }
    throw new AppError('route.not_found');
  });

  // The forms' POSTs: the site router's scope has no form parser, so they are routes of this plugin,
  // answered in the portal's layout. A site on its own host posts to /disclosure/…, a section to /{prefix}/disclosure/….
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: formLimitBytes }, (_request, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(body as string)));
  });

  async function locate(request: FastifyRequest): Promise<{ orgId: string; orgName: string; base: string; locale: Locale }> {
    const prefix = (request.params as { prefix?: string }).prefix;
    const site = await repo.siteByPrefix(ctx.db, prefix ? `/${prefix}` : '');
    if (!site) throw new AppError('disclosure.site_not_found');
    const org = await publicView.overview(site.org_id);
    return { orgId: site.org_id, orgName: org.orgName, base: `${site.path_prefix}/disclosure`, locale: portalLocaleOf(request) };
  }

  const formPage = (request: FastifyRequest, title: string, here: Here, body: VNode) =>
    renderPage(<Layout locale={here.locale} path={request.url} title={`${title} - ${here.orgName}`} columnName="政府信息公开" site={undefined}><Page here={here} title={title}>{body}</Page></Layout>);
  const limited = { rateLimit: { max: publicPerMinute, timeWindow: 60_000 } };
  const fields = (request: FastifyRequest) => (request.body && typeof request.body === 'object' ? (request.body as Record<string, string>) : {});

  for (const prefix of ['', '/:prefix']) {
    app.post(`${prefix}/disclosure/apply`, { schema: { hide: true }, config: limited }, async (request, reply) => {
      const site = await locate(request);
      const here: Here = { base: site.base, orgName: site.orgName, locale: site.locale };
      const w = words(site.locale);
      const values = fields(request);
      const parsed = requestSubmitSchema.safeParse({ ...values, orgId: site.orgId });
      const again = (state: ApplyFormState, status: number) => html(reply, formPage(request, w('portal.disclosure.apply_title'), here, <ApplyForm locale={site.locale} action={`${site.base}/apply`} state={state} />), status);
      if (!parsed.success) {
        const errors = Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message]));
        return again({ values, errors, problem: w('portal.disclosure.form.invalid') }, 422);
      }
      try {
        const receipt = await requests.submit(auditContext(request), parsed.data);
        return html(reply, formPage(request, w('portal.disclosure.submitted'), here, (
          <div role="status">
            <p>{w('portal.disclosure.submitted.received', { date: receipt.receivedOn })}</p>
            <p>{w('portal.disclosure.submitted.code')}<strong class="tracking-code">{receipt.trackingCode}</strong>{w('portal.disclosure.submitted.keep')}</p>
            <p>{w('portal.disclosure.submitted.deadline', { date: receipt.deadline, days: requestLimits.replyDays })}</p>
            <p><a href={`${site.base}/track?code=${receipt.trackingCode}`}>{w('portal.disclosure.submitted.track')}</a></p>
          </div>
        )), 201);
      } catch (error) {
        if (!isAppError(error) || error.status >= 500) throw error;
        const errors = Object.fromEntries((error.fields ?? []).map((f) => [f.path, f.message]));
        return again({ values, errors, problem: problemOf(error.code, site.locale) }, error.status);
      }
    });

    const tracking = async (request: FastifyRequest, reply: FastifyReply, act: (code: string, last4: string, here: Here) => Promise<unknown>) => {
      const site = await locate(request);
      const here: Here = { base: site.base, orgName: site.orgName, locale: site.locale };
      const w = words(site.locale);
      const { code = '', phoneLast4 = '' } = fields(request);
      const normalized = code.trim().toUpperCase().slice(0, 20);
      if (!/^\d{4}$/.test(phoneLast4.trim())) {
        return html(reply, formPage(request, w('portal.disclosure.track'), here, <TrackForm locale={site.locale} action={`${site.base}/track`} code={normalized} problem={w('portal.disclosure.track.last4_missing')} />), 422);
      }
      try {
        return await act(normalized, phoneLast4.trim(), here);
      } catch (error) {
        if (!isAppError(error) || error.status >= 500) throw error;
        return html(reply, formPage(request, w('portal.disclosure.track'), here, <TrackForm locale={site.locale} action={`${site.base}/track`} code={normalized} problem={problemOf(error.code, site.locale)} />), error.status);
      }
    };

    const showTracked = async (request: FastifyRequest, reply: FastifyReply, code: string, last4: string, site: Here) => {
      const t = await requests.track(code, last4);
      return html(reply, formPage(request, words(site.locale)('portal.disclosure.track'), site, <Tracked locale={site.locale} t={t} phoneLast4={last4} noticeAction={`${site.base}/track/notice`} correctionAction={`${site.base}/track/correction`} />));
    };

    app.post(`${prefix}/disclosure/track`, { schema: { hide: true }, config: limited }, (request, reply) => tracking(request, reply, (code, last4, site) => showTracked(request, reply, code, last4, site)));

    app.post(`${prefix}/disclosure/track/correction`, { schema: { hide: true }, config: limited }, (request, reply) =>
      tracking(request, reply, async (code, last4, site) => {
        const content = (fields(request).content ?? '').trim();
        if (content.length < 5 || content.length > 4000) throw new AppError('disclosure.form_invalid', { fields: [{ path: 'content', message: '请填写补正内容（5–4000字）' }] });
        await requests.correct(auditContext(request), code, last4, content);
        return showTracked(request, reply, code, last4, site);
      }),
    );

    app.post(`${prefix}/disclosure/track/notice`, { schema: { hide: true }, config: limited }, (request, reply) =>
      tracking(request, reply, async (code, last4) => {
        const { stream, name } = await requests.trackNotice(code, last4);
        return reply.type('application/pdf').header('content-disposition', contentDisposition(name)).header('cache-control', 'no-store').send(stream);
      }),
    );
  }
}
