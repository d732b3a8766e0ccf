import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ComponentChildren } from 'preact';
import { AppError, isAppError } from '../../../platform/errors/app-error.js';
import { portalMessages } from '../portal.messages.js';
import type { AppContext } from '../../../platform/module.js';
import { mailboxKindList, type MailboxKind } from '../../../../shared/interaction.js';
import { registerSiteSection, renderSitePage, siteHref, type SiteRequest } from '../site/index.js';
import { interactionRepository as repo } from './interaction.repository.js';
import { formLimitBytes, type FormFields } from './interaction.forms.js';
import { InteractionHome, MessagePage, Submitted, TrackPage, WriteForm, type Links } from './interaction.views.js';
import { SurveyPage } from './survey.views.js';
import type { MessageIntake } from './message-intake.js';
import { messageStatistics } from './message-statistics.js';
import { showsResults, type SurveyService } from './survey.service.js';

const pageSize = 20;
const one = (value: string | string[] | undefined) => (Array.isArray(value) ? (value[0] ?? '') : (value ?? ''));

/**
 * The public interaction pages of every site, served through the site router at
 * `/{prefix}/interaction/…`: the home (mailboxes, published answers, statistics, surveys), the
 * write form (a plain HTML form, no JavaScript), tracking, one published message, one survey.
 */
export function registerInteractionPages(ctx: AppContext, services: { intake: MessageIntake; surveys: SurveyService }): void {
  const { db, clock } = ctx;
  const { intake, surveys } = services;

  registerSiteSection(ctx, 'interaction', async (at: SiteRequest, request: FastifyRequest, reply: FastifyReply) => {
    const links: Links = {
      home: siteHref(at, '/interaction/'),
      write: (mailbox) => siteHref(at, `/interaction/write/${mailbox}`),
      track: siteHref(at, '/interaction/track'),
      message: (id) => siteHref(at, `/interaction/messages/${id}`),
      survey: (id) => siteHref(at, `/interaction/surveys/${id}`),
    };
    const { locale } = at;
    const t = (key: Parameters<typeof portalMessages.t>[1]) => portalMessages.t(locale, key);
    const page = (title: string, body: ComponentChildren, status = 200) =>
      reply
        .status(status)
        .type('text/html; charset=utf-8')
        .header('cache-control', 'no-store')
        .send(renderSitePage(at, { title, section: 'interaction', columnName: '互动交流', body }));
    const parts = at.rest.split('/').filter(Boolean).slice(1);
    const post = request.method === 'POST';
    if (post && Number(request.headers['content-length'] ?? 0) > formLimitBytes) throw new AppError('request.too_large');
    const form = (post && request.body && typeof request.body === 'object' ? request.body : {}) as FormFields;
    const site = await repo.site(db, at.site.id);
    if (!site) throw new AppError('route.not_found');
    const now = clock.now();

    if (parts.length === 0) {
      if (post) throw new AppError('route.not_found');
      const pageNo = Math.min(1000, Math.max(1, Number.parseInt(one((request.query as Record<string, string>).page), 10) || 1));
      const [list, statistics, surveyList] = await Promise.all([
        repo.publicMessages(db, site.id, { offset: (pageNo - 1) * pageSize, limit: pageSize }),
        messageStatistics(db, site.id, now),
        surveys.publishedList(site),
      ]);
      return page(t('portal.nav.interaction'), <InteractionHome locale={locale} links={links} messages={list.rows} total={list.total} page={pageNo} pageSize={pageSize} statistics={statistics} surveys={surveyList} now={now} />);
    }

    const [kind, id] = parts;
    if (kind === 'write' && id && parts.length === 2 && (mailboxKindList as string[]).includes(id)) {
      const mailbox = id as MailboxKind;
      if (!post) return page(t(`portal.interaction.mailbox.${mailbox}`), <WriteForm locale={locale} links={links} mailbox={mailbox} />);
      try {
        const { trackingCode } = await intake.submit(site, mailbox, form, request.ip);
        return page(t('portal.interaction.submitted'), <Submitted locale={locale} links={links} trackingCode={trackingCode} />);
      } catch (error) {
        if (!isAppError(error) || !error.code.startsWith('interaction.')) throw error;
        const values = Object.fromEntries(['name', 'phone', 'email', 'subject', 'body', 'consent'].map((k) => [k, one(form[k])]));
        return page(t(`portal.interaction.mailbox.${mailbox}`), <WriteForm locale={locale} links={links} mailbox={mailbox} values={values} problem={error.message} fields={error.fields ?? []} />, error.status);
      }
    }
    if (kind === 'track' && parts.length === 1) {
      if (!post) return page(t('portal.interaction.track'), <TrackPage locale={locale} links={links} />);
      try {
        const result = await intake.track(site, one(form.code), one(form.last4));
        return page(t('portal.interaction.track'), <TrackPage locale={locale} links={links} result={result} code={result.trackingCode} />);
      } catch (error) {
        if (!isAppError(error) || !error.code.startsWith('interaction.')) throw error;
        return page(t('portal.interaction.track'), <TrackPage locale={locale} links={links} problem={error.message} code={one(form.code)} />, error.status);
      }
    }
    if (kind === 'messages' && id && parts.length === 2 && !post) {
      const message = await repo.message(db, id);
      if (!message || message.site_id !== site.id || !message.published_at) throw new AppError('route.not_found');
      return page(message.subject, <MessagePage locale={locale} message={message} />);
    }
    if (kind === 'surveys' && id && parts.length === 2) {
      const { survey, row } = await surveys.published(site, id).catch(() => {
        throw new AppError('route.not_found');
      });
      const results = () => (showsResults(row, clock.now()) ? surveys.results(id, { allTexts: false }) : Promise.resolve(undefined));
      if (!post) return page(survey.title, <SurveyPage locale={locale} links={links} survey={survey} results={await results()} now={now} />);
      try {
        await surveys.respond(site, id, form, request.ip);
        return page(survey.title, <SurveyPage locale={locale} links={links} survey={survey} results={await results()} thanks now={now} />);
      } catch (error) {
        if (!isAppError(error) || !error.code.startsWith('interaction.')) throw error;
        const detail = error.fields?.map((f) => f.message).join('；');
        return page(survey.title, <SurveyPage locale={locale} links={links} survey={survey} results={await results()} problem={detail ? `${error.message}：${detail}` : error.message} now={now} />, error.status);
      }
    }
    throw new AppError('route.not_found');
  });
}
