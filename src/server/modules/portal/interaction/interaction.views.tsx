import type { ComponentChild } from 'preact';
import { invalidReasons, mailboxKinds, messageLimits, type MailboxKind } from '../../../../shared/interaction.js';
import type { Locale } from '../../../platform/i18n/messages.js';
import { portalMessages } from '../portal.messages.js';
import { say } from '../views/text.js';
import type { SurveyView, StatisticsView } from './interaction.schema.js';
import type { PortalMessageRow } from './interaction.table.js';
import type { TrackView } from './message-intake.js';

/** The interaction area's public page bodies (inside the site chrome); every text is escaped by JSX. */

export const date = (iso: string | null) => (iso ? new Date(iso).toLocaleDateString('zh-CN', { timeZone: 'Asia/Shanghai' }) : '');
const percent = (rate: number) => `${Math.round(rate * 1000) / 10}%`;
export const paragraphs = (text: string) => text.split(/\n+/).map((line) => <p>{line}</p>);

/** A mailbox's name in the page's language. */
const mailboxName = (locale: Locale, kind: MailboxKind): ComponentChild => say(locale)(`portal.interaction.mailbox.${kind}`);
/** Stored text (states, problems from the server) is Chinese: marked so on other pages. */
export const chinese = (locale: Locale, text: string): ComponentChild => (locale === 'zh-CN' ? text : <span lang="zh-CN">{text}</span>);

export interface Links {
  home: string;
  write: (mailbox: string) => string;
  track: string;
  message: (id: string) => string;
  survey: (id: string) => string;
}

export function InteractionHome(props: {
  locale: Locale;
  links: Links;
  messages: PortalMessageRow[];
  total: number;
  page: number;
  pageSize: number;
  statistics: StatisticsView;
  surveys: SurveyView[];
  now: Date;
}) {
  const { links, statistics: s, locale } = props;
  const m = say(locale);
  const pages = Math.max(1, Math.ceil(props.total / props.pageSize));
  return (
    <div class="interaction">
      <h1>{m('portal.nav.interaction')}</h1>
      <section aria-labelledby="mailboxes">
        <h2 id="mailboxes">{m('portal.interaction.write')}</h2>
        <ul>
          {(Object.keys(mailboxKinds) as MailboxKind[]).map((kind) => (
            <li>
              <a href={links.write(kind)}>{mailboxName(locale, kind)}</a>
            </li>
          ))}
          <li>
            <a href={links.track}>{m('portal.interaction.track')}</a>
          </li>
        </ul>
      </section>
      <section aria-labelledby="stats">
        <h2 id="stats">{m('portal.interaction.stats')}</h2>
        <dl>
          <dt>{m('portal.interaction.stats.received')}</dt>
          <dd>{m('portal.interaction.stats.count', { count: s.received })}</dd>
          <dt>{m('portal.interaction.stats.answered')}</dt>
          <dd>{m('portal.interaction.stats.count', { count: s.answered })}</dd>
          <dt>{m('portal.interaction.stats.rate')}</dt>
          <dd>{percent(s.answerRate)}</dd>
          <dt>{m('portal.interaction.stats.average')}</dt>
          <dd>{s.averageDays === null ? '—' : m('portal.interaction.stats.days', { days: s.averageDays })}</dd>
        </dl>
        <table>
          <caption>{m('portal.interaction.stats.by_month')}</caption>
          <thead>
            <tr>
              <th scope="col">{m('portal.interaction.stats.month')}</th>
              <th scope="col">{m('portal.interaction.stats.month_received')}</th>
              <th scope="col">{m('portal.interaction.stats.month_answered')}</th>
            </tr>
          </thead>
          <tbody>
            {s.months.map((month) => (
              <tr>
                <th scope="row">{month.month}</th>
                <td>{month.received}</td>
                <td>{month.answered}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {props.surveys.length ? (
        <section aria-labelledby="surveys">
          <h2 id="surveys">{m('portal.interaction.surveys')}</h2>
          <ul>
            {props.surveys.map((survey) => (
              <li>
                <a href={links.survey(survey.id)}>{survey.title}</a>{' '}
                <span class="muted">
                  {date(survey.opensAt)}—{date(survey.closesAt)}（{m(survey.open ? 'portal.interaction.survey.open' : new Date(survey.closesAt) <= props.now ? 'portal.interaction.survey.closed' : 'portal.interaction.survey.pending')}）
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="answered">
        <h2 id="answered">{m('portal.interaction.published')}</h2>
        {props.messages.length ? (
          <ul>
            {props.messages.map((message) => (
              <li>
                <a href={links.message(message.id)} lang={locale === 'zh-CN' ? undefined : 'zh-CN'}>
                  {message.subject}
                </a>{' '}
                <span class="muted">
                  {mailboxName(locale, message.mailbox)} · {m('portal.interaction.answered_on', { date: date(message.answered_at) })}
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <p>{m('portal.interaction.published_none')}</p>
        )}
        {pages > 1 ? (
          <nav aria-label={portalMessages.t(locale, 'portal.pager.label')}>
            {props.page > 1 ? <a href={`${links.home}?page=${props.page - 1}`}>{m('portal.pager.prev')}</a> : null} {m('portal.pager.status', { page: props.page, pages })}{' '}
            {props.page < pages ? <a href={`${links.home}?page=${props.page + 1}`}>{m('portal.pager.next')}</a> : null}
          </nav>
        ) : null}
      </section>
    </div>
  );
}

export interface WriteFormProps {
  locale: Locale;
  links: Links;
  mailbox: MailboxKind;
  values?: Record<string, string>;
  problem?: string;
  fields?: readonly { path: string; message: string }[];
}

export function WriteForm({ locale, links, mailbox, values = {}, problem, fields = [] }: WriteFormProps) {
  const m = say(locale);
  const fieldProblem = (name: string) => fields.find((f) => f.path === name)?.message;
  const Problem = ({ name }: { name: string }) => {
    const text = fieldProblem(name);
    return text ? (
      <span class="problem" id={`${name}-problem`}>
        {chinese(locale, text)}
      </span>
    ) : null;
  };
  return (
    <div class="interaction">
      <h1>{mailboxName(locale, mailbox)}</h1>
      {problem ? (
        <p class="problem" role="alert">
          {chinese(locale, problem)}
        </p>
      ) : null}
      <form method="post" action={links.write(mailbox)}>
        <p>
          <label for="name">{m('portal.interaction.form.name')}</label>
          <input id="name" name="name" required maxlength={messageLimits.name} value={values.name ?? ''} autocomplete="name" />
          <Problem name="name" />
        </p>
        <p>
          <label for="phone">{m('portal.interaction.form.phone')}</label>
          <input id="phone" name="phone" required inputmode="tel" maxlength={20} value={values.phone ?? ''} autocomplete="tel" />
          <Problem name="phone" />
        </p>
        <p>
          <label for="email">{m('portal.interaction.form.email')}</label>
          <input id="email" name="email" type="email" maxlength={messageLimits.email} value={values.email ?? ''} autocomplete="email" />
          <Problem name="email" />
        </p>
        <p>
          <label for="subject">{m('portal.interaction.form.subject')}</label>
          <input id="subject" name="subject" required maxlength={messageLimits.subject} value={values.subject ?? ''} />
          <Problem name="subject" />
        </p>
        <p>
          <label for="body">{m('portal.interaction.form.body', { max: messageLimits.body })}</label>
          <textarea id="body" name="body" required rows={10} maxlength={messageLimits.body}>
            {values.body ?? ''}
          </textarea>
          <Problem name="body" />
        </p>
        <p class="hp" aria-hidden="true" style="position:absolute;left:-10000px">
          <label for="website">{m('portal.interaction.form.honeypot')}</label>
          <input id="website" name="website" tabindex={-1} autocomplete="off" />
        </p>
        <p>
          <input id="consent" name="consent" type="checkbox" value="1" checked={values.consent === '1'} />
          <label for="consent">{m('portal.interaction.form.consent')}</label>
        </p>
        <p>
          <button type="submit">{m('portal.interaction.form.submit')}</button>
        </p>
      </form>
      <p class="muted">{m('portal.interaction.form.note', { perIp: messageLimits.perIpPerHour, perPhone: messageLimits.perPhonePerDay })}</p>
    </div>
  );
}

export function Submitted({ locale, links, trackingCode }: { locale: Locale; links: Links; trackingCode: string }) {
  const m = say(locale);
  return (
    <div class="interaction">
      <h1>{m('portal.interaction.submitted')}</h1>
      <p>
        {m('portal.interaction.submitted.code')}
        <strong class="tracking-code">{trackingCode}</strong>
      </p>
      <p>
        {m('portal.interaction.submitted.hint')} <a href={links.track}>{m('portal.interaction.track')}</a>
      </p>
    </div>
  );
}

export function TrackPage({ locale, links, result, problem, code }: { locale: Locale; links: Links; result?: TrackView; problem?: string; code?: string }) {
  const m = say(locale);
  return (
    <div class="interaction">
      <h1>{m('portal.interaction.track')}</h1>
      {problem ? (
        <p class="problem" role="alert">
          {chinese(locale, problem)}
        </p>
      ) : null}
      <form method="post" action={links.track}>
        <p>
          <label for="code">{m('portal.interaction.track.code')}</label>
          <input id="code" name="code" required maxlength={20} value={code ?? ''} autocomplete="off" />
        </p>
        <p>
          <label for="last4">{m('portal.interaction.track.last4')}</label>
          <input id="last4" name="last4" required maxlength={4} inputmode="numeric" autocomplete="off" />
        </p>
        <p>
          <button type="submit">{m('portal.interaction.track.submit')}</button>
        </p>
      </form>
      {result ? (
        <section aria-labelledby="result">
          <h2 id="result" lang={locale === 'zh-CN' ? undefined : 'zh-CN'}>
            {result.subject}
          </h2>
          <dl>
            <dt>{m('portal.interaction.track.mailbox')}</dt>
            <dd>{mailboxName(locale, result.mailbox)}</dd>
            <dt>{m('portal.interaction.track.state')}</dt>
            <dd>{chinese(locale, result.stateLabel)}</dd>
            <dt>{m('portal.interaction.track.received')}</dt>
            <dd>{date(result.receivedAt)}</dd>
            <dt>{m('portal.interaction.track.due')}</dt>
            <dd>{result.dueOn}</dd>
          </dl>
          {result.answer ? (
            <div class="answer">
              <h3>{m('portal.interaction.track.answer', { org: result.answerOrgName ?? '', date: date(result.answeredAt) })}</h3>
              <div lang={locale === 'zh-CN' ? undefined : 'zh-CN'}>{paragraphs(result.answer)}</div>
            </div>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}

export function MessagePage({ locale, message }: { locale: Locale; message: PortalMessageRow }) {
  const m = say(locale);
  const stored = locale === 'zh-CN' ? undefined : 'zh-CN';
  return (
    <article class="interaction">
      <h1 lang={stored}>{message.subject}</h1>
      <p class="muted">
        {mailboxName(locale, message.mailbox)} · {m('portal.interaction.message.received', { date: date(message.received_at) })}
      </p>
      <section aria-labelledby="question">
        <h2 id="question">{m('portal.interaction.message.question')}</h2>
        <div lang={stored}>{paragraphs(message.body)}</div>
      </section>
      <section aria-labelledby="answer">
        <h2 id="answer">{m('portal.interaction.message.answer')}</h2>
        <p class="muted">{m('portal.interaction.message.answer_by', { org: message.answer_org_name ?? '', date: date(message.answered_at) })}</p>
        <div lang={stored}>{paragraphs(message.answer ?? '')}</div>
      </section>
    </article>
  );
}

export const invalidReasonLabel = (reason: keyof typeof invalidReasons) => invalidReasons[reason];
