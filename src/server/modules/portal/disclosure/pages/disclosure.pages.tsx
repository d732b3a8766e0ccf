import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { disclosureCategories, type DisclosureCategory, type EntryValidity, entryValidities, requestLimits } from '../../../../../shared/disclosure.js';
import { AppError, isAppError, messageOf } from '../../../../platform/errors/app-error.js';
import { contentDisposition } from '../../../../platform/files/index.js';
import { auditContext } from '../../../../platform/audit/index.js';
import type { AppContext } from '../../../../platform/module.js';
import { renderPage } from '../../../../platform/views/render.js';
import { registerSiteSection, renderSitePage, siteHref, type SiteRequest } from '../../site/index.js';
import { portalLocaleOf } from '../../portal.site.js';
import { Layout } from '../../views/layout.js';
import { disclosureRepository as repo } from '../disclosure.repository.js';
import type { RequestService } from '../request.service.js';
import { requestSubmitSchema } from '../request.schema.js';
import type { PublicDisclosure } from '../public.service.js';
import { ApplyForm, CatalogueFilters, EntryDetail, EntryRows, Page, Pager, ReportBody, RichText, TrackForm, Tracked, type ApplyFormState, type Here } from './disclosure.views.js';

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
const pick = <T extends string>(value: string | undefined, allowed: Record<T, string>): T | undefined => (value && Object.hasOwn(allowed, value) ? (value as T) : undefined);

/**
 * The public disclosure platform of every site (`/{prefix}/disclosure/…`, inside the site's chrome):
 * overview with the categories, guide, rules, the catalogue with filters and paging, entries with
 * index number and validity, annual reports, the request form and tracking. The forms are plain HTML
 * POSTs (no JavaScript); same-origin posts pass the platform's cross-site write check.
 */
export async function disclosurePageRoutes(app: FastifyInstance, { ctx, publicView, requests, publicPerMinute }: DisclosurePageOptions): Promise<void> {
  const hereOf = (at: SiteRequest, orgName: string): Here => ({ base: siteHref(at, '/disclosure'), orgName });
  const sitePage = (at: SiteRequest, title: string, body: VNode) => renderSitePage(at, { title, section: 'disclosure', columnName: '政府信息公开', body });

  registerSiteSection(ctx, 'disclosure', async (at, request, reply) => {
    if (request.method === 'POST') throw new AppError('route.not_found');
    const orgId = at.site.orgId;
    const overview = await publicView.overview(orgId);
    const here = hereOf(at, overview.orgName);
    const rest = at.rest.replace(/^\/disclosure/, '') || '/';
    const q = queryOf(request);
    if (rest === '/') {
      return html(reply, sitePage(at, '政府信息公开', (
        <Page here={here} title="政府信息公开">
          <h2>主动公开目录</h2>
          <ul class="disclosure-categories">
            {overview.categories.map((c) => (
              <li><a href={`${here.base}/catalogue?category=${c.category}`}>{disclosureCategories[c.category]}</a>（{c.count}）</li>
            ))}
          </ul>
          <h2>年度报告</h2>
          <ul>{overview.reports.map((r) => <li><a href={`${here.base}/reports/${r.year}`}>{here.orgName}{r.year}年政府信息公开工作年度报告</a></li>)}</ul>
        </Page>
      )));
    }
    if (rest === '/guide' || rest === '/rules') {
      const title = rest === '/guide' ? '政府信息公开指南' : '政府信息公开制度';
      const text = rest === '/guide' ? overview.guideHtml : overview.rulesHtml;
      return html(reply, sitePage(at, title, <Page here={here} title={title}>{text ? <RichText html={text} /> : <p>尚未发布。</p>}</Page>));
    }
    if (rest === '/catalogue') {
      const category = pick<DisclosureCategory>(q.category, disclosureCategories);
      const validity = pick<EntryValidity>(q.validity, entryValidities);
      const text = q.q?.trim().slice(0, 100) || undefined;
      const page = Math.min(Math.max(1, Number.parseInt(q.page ?? '1', 10) || 1), 10_000);
      const { items, total } = await publicView.catalogue(orgId, { category, validity, q: text, page, pageSize });
      const href = (p: number) => `${here.base}/catalogue?${new URLSearchParams({ ...(category ? { category } : {}), ...(validity ? { validity } : {}), ...(text ? { q: text } : {}), page: String(p) })}`;
      return html(reply, sitePage(at, '政府信息公开目录', (
        <Page here={here} title={category ? disclosureCategories[category] : '政府信息公开目录'}>
          <CatalogueFilters here={here} category={category} validity={validity} q={text} />
          <EntryRows here={here} items={items} />
          <Pager href={href} page={page} pageSize={pageSize} total={total} />
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
      return html(reply, sitePage(at, entry.title, <Page here={here} title={entry.title}><EntryDetail entry={entry} fileHref={entry.fileId ? `${here.base}/entries/${entry.id}/file` : null} /></Page>));
    }
    const reportMatch = /^\/reports(?:\/(\d{4}))?$/.exec(rest);
    if (reportMatch) {
      if (!reportMatch[1]) {
        return html(reply, sitePage(at, '政府信息公开年报', <Page here={here} title="政府信息公开工作年度报告"><ul>{overview.reports.map((r) => <li><a href={`${here.base}/reports/${r.year}`}>{r.year}年度报告</a></li>)}</ul></Page>));
      }
      const report = await publicView.report(orgId, Number(reportMatch[1]));
      if (!report) throw new AppError('disclosure.report_not_found');
      const title = `${here.orgName}${report.year}年政府信息公开工作年度报告`;
      return html(reply, sitePage(at, title, <Page here={here} title={title}><ReportBody report={report} /></Page>));
    }
    if (rest === '/apply') {
      return html(reply, sitePage(at, '依申请公开', (
        <Page here={here} title="政府信息公开申请">
          <p>本机关自收到申请之日起{requestLimits.replyDays}个工作日内答复；需要延长的，延长期限不超过{requestLimits.maxExtensionDays}个工作日，并告知申请人。</p>
          <ApplyForm action={`${here.base}/apply`} state={{ values: { applicantKind: 'person', form: 'electronic' }, errors: {} }} />
        </Page>
      )));
    }
    if (rest === '/track') {
      return html(reply, sitePage(at, '申请进度查询', <Page here={here} title="申请进度查询"><TrackForm action={`${here.base}/track`} code={q.code} /></Page>));
    }
    throw new AppError('route.not_found');
  });

  // The forms' POSTs: the site router's scope has no form parser, so they are routes of this plugin,
  // answered in the portal's layout. A site on its own host posts to /disclosure/…, a section to /{prefix}/disclosure/….
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: formLimitBytes }, (_request, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(body as string)));
  });

  async function locate(request: FastifyRequest): Promise<{ orgId: string; orgName: string; base: string }> {
    const prefix = (request.params as { prefix?: string }).prefix;
    const site = await repo.siteByPrefix(ctx.db, prefix ? `/${prefix}` : '');
    if (!site) throw new AppError('disclosure.site_not_found');
    const org = await publicView.overview(site.org_id);
    return { orgId: site.org_id, orgName: org.orgName, base: `${site.path_prefix}/disclosure` };
  }

  const formPage = (request: FastifyRequest, title: string, here: Here, body: VNode) =>
    renderPage(<Layout locale={portalLocaleOf(request)} path={request.url} title={`${title} - ${here.orgName}`} columnName="政府信息公开" site={undefined}><Page here={here} title={title}>{body}</Page></Layout>);
  const limited = { rateLimit: { max: publicPerMinute, timeWindow: 60_000 } };
  const fields = (request: FastifyRequest) => (request.body && typeof request.body === 'object' ? (request.body as Record<string, string>) : {});

  for (const prefix of ['', '/:prefix']) {
    app.post(`${prefix}/disclosure/apply`, { schema: { hide: true }, config: limited }, async (request, reply) => {
      const site = await locate(request);
      const here = { base: site.base, orgName: site.orgName };
      const values = fields(request);
      const parsed = requestSubmitSchema.safeParse({ ...values, orgId: site.orgId });
      const again = (state: ApplyFormState, status: number) => html(reply, formPage(request, '政府信息公开申请', here, <ApplyForm action={`${site.base}/apply`} state={state} />), status);
      if (!parsed.success) {
        const errors = Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message]));
        return again({ values, errors, problem: '申请表有误，请按提示修改后重新提交。' }, 422);
      }
      try {
        const receipt = await requests.submit(auditContext(request), parsed.data);
        return html(reply, formPage(request, '申请已提交', here, (
          <div role="status">
            <p>您的政府信息公开申请已于 {receipt.receivedOn} 收到。</p>
            <p>查询码：<strong class="tracking-code">{receipt.trackingCode}</strong>（请妥善保存，凭查询码和手机号后四位查询办理进度）</p>
            <p>答复期限：{receipt.deadline}（自收到申请之日起20个工作日）</p>
            <p><a href={`${site.base}/track?code=${receipt.trackingCode}`}>查询办理进度</a></p>
          </div>
        )), 201);
      } catch (error) {
        if (!isAppError(error) || error.status >= 500) throw error;
        const errors = Object.fromEntries((error.fields ?? []).map((f) => [f.path, f.message]));
        return again({ values, errors, problem: messageOf(error.code) }, error.status);
      }
    });

    const tracking = async (request: FastifyRequest, reply: FastifyReply, act: (code: string, last4: string, site: { base: string; orgName: string }) => Promise<unknown>) => {
      const site = await locate(request);
      const here = { base: site.base, orgName: site.orgName };
      const { code = '', phoneLast4 = '' } = fields(request);
      const normalized = code.trim().toUpperCase().slice(0, 20);
      if (!/^\d{4}$/.test(phoneLast4.trim())) {
        return html(reply, formPage(request, '申请进度查询', here, <TrackForm action={`${site.base}/track`} code={normalized} problem="请填写手机号码后四位" />), 422);
      }
      try {
        return await act(normalized, phoneLast4.trim(), site);
      } catch (error) {
        if (!isAppError(error) || error.status >= 500) throw error;
        return html(reply, formPage(request, '申请进度查询', here, <TrackForm action={`${site.base}/track`} code={normalized} problem={messageOf(error.code)} />), error.status);
      }
    };

    const showTracked = async (request: FastifyRequest, reply: FastifyReply, code: string, last4: string, site: { base: string; orgName: string }) => {
      const t = await requests.track(code, last4);
      return html(reply, formPage(request, '申请进度查询', site, <Tracked t={t} phoneLast4={last4} noticeAction={`${site.base}/track/notice`} correctionAction={`${site.base}/track/correction`} />));
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
