import type { ComponentChildren } from 'preact';
import {
  applicantKinds,
  deliveryForms,
  disclosureCategories,
  entryValidities,
  type DisclosureCategory,
} from '../../../../../shared/disclosure.js';
import type { ComponentChild } from 'preact';
import type { Locale } from '../../../../platform/i18n/messages.js';
import { trustedHtml } from '../../../../platform/views/render.js';
import { portalMessages, type PortalMessageKey } from '../../portal.messages.js';
import { say } from '../../views/text.js';
import type { EntryView } from '../catalogue.schema.js';
import type { TrackedView } from '../request.schema.js';

/** Links inside the disclosure platform of one site. */
export interface Here {
  /** `/fgw/disclosure` (no trailing slash). */
  readonly base: string;
  readonly orgName: string;
  /** The page's language: labels come from the portal's catalogue; stored text stays Chinese. */
  readonly locale: Locale;
}

/** Stored or statutory Chinese text (names, categories, states), marked as such on other pages. */
export const chinese = (locale: Locale, text: ComponentChild): ComponentChild => (locale === 'zh-CN' ? text : <span lang="zh-CN">{text}</span>);
const validityKey = (validity: keyof typeof entryValidities): PortalMessageKey => `portal.disclosure.validity.${validity}`;

export function Nav({ here }: { here: Here }) {
  const m = say(here.locale);
  const links = [
    ['/', 'portal.disclosure.nav.home'],
    ['/guide', 'portal.disclosure.guide'],
    ['/rules', 'portal.disclosure.rules'],
    ['/catalogue', 'portal.disclosure.catalogue'],
    ['/apply', 'portal.disclosure.apply'],
    ['/track', 'portal.disclosure.track'],
    ['/reports', 'portal.disclosure.reports'],
  ] as const;
  return (
    <nav class="disclosure-nav" aria-label={portalMessages.t(here.locale, 'portal.disclosure.title')}>
      <ul>
        {links.map(([path, key]) => (
          <li>
            <a href={`${here.base}${path === '/' ? '/' : path}`}>{m(key)}</a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export function Page({ here, title, children }: { here: Here; title: ComponentChild; children: ComponentChildren }) {
  return (
    <div class="disclosure">
      <p class="muted">
        {chinese(here.locale, here.orgName)} · {say(here.locale)('portal.disclosure.title')}
      </p>
      <h1>{title}</h1>
      <Nav here={here} />
      {children}
    </div>
  );
}

export function EntryRows({ here, items }: { here: Here; items: readonly EntryView[] }) {
  const m = say(here.locale);
  if (!items.length) return <p>{m('portal.disclosure.empty')}</p>;
  return (
    <table class="disclosure-list">
      <thead>
        <tr>
          <th scope="col">{m('portal.disclosure.index_number')}</th>
          <th scope="col">{m('portal.disclosure.name')}</th>
          <th scope="col">{m('portal.disclosure.written')}</th>
          <th scope="col">{m('portal.disclosure.published')}</th>
          <th scope="col">{m('portal.disclosure.validity')}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((e) => (
          <tr>
            <td>{e.indexNumber}</td>
            <td>
              <a href={`${here.base}/entries/${e.id}`} lang={here.locale === 'zh-CN' ? undefined : 'zh-CN'}>
                {e.title}
              </a>
            </td>
            <td>{e.documentDate}</td>
            <td>{e.publishDate}</td>
            <td>{m(validityKey(e.validity))}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function CatalogueFilters({ here, category, validity, q }: { here: Here; category?: string | undefined; validity?: string | undefined; q?: string | undefined }) {
  const m = say(here.locale);
  const all = portalMessages.t(here.locale, 'portal.disclosure.filter.all');
  return (
    <form method="get" action={`${here.base}/catalogue`} class="disclosure-filters">
      <label>
        {m('portal.disclosure.filter.category')}{' '}
        <select name="category">
          <option value="">{all}</option>
          {Object.entries(disclosureCategories).map(([k, label]) => (
            <option value={k} selected={k === category} lang={here.locale === 'zh-CN' ? undefined : 'zh-CN'}>
              {label}
            </option>
          ))}
        </select>
      </label>{' '}
      <label>
        {m('portal.disclosure.validity')}{' '}
        <select name="validity">
          <option value="">{all}</option>
          {(Object.keys(entryValidities) as (keyof typeof entryValidities)[]).map((k) => (
            <option value={k} selected={k === validity}>
              {portalMessages.t(here.locale, validityKey(k))}
            </option>
          ))}
        </select>
      </label>{' '}
      <label>
        {m('portal.disclosure.filter.keyword')} <input name="q" value={q ?? ''} maxLength={100} />
      </label>{' '}
      <button type="submit">{m('portal.disclosure.filter.submit')}</button>
    </form>
  );
}

export function Pager({ locale, href, page, pageSize, total }: { locale: Locale; href: (page: number) => string; page: number; pageSize: number; total: number }) {
  const m = say(locale);
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <p class="pager">
      {m('portal.disclosure.pager', { total, page, pages })}{' '}
      {page > 1 ? <a href={href(page - 1)}>{m('portal.pager.prev')}</a> : null} {page < pages ? <a href={href(page + 1)}>{m('portal.pager.next')}</a> : null}
    </p>
  );
}

export function EntryDetail({ locale, entry, fileHref }: { locale: Locale; entry: EntryView; fileHref: string | null }) {
  const m = say(locale);
  const zh = (text: ComponentChild) => chinese(locale, text);
  return (
    <div>
      <table class="disclosure-meta">
        <tbody>
          <tr>
            <th scope="row">{m('portal.disclosure.index_number')}</th>
            <td>{entry.indexNumber}</td>
            <th scope="row">{m('portal.disclosure.subject')}</th>
            <td>{zh(disclosureCategories[entry.category as DisclosureCategory])}</td>
          </tr>
          <tr>
            <th scope="row">{m('portal.disclosure.publisher')}</th>
            <td>{zh(entry.publisher)}</td>
            <th scope="row">{m('portal.disclosure.doc_number')}</th>
            <td>{entry.docNumber ? zh(entry.docNumber) : '—'}</td>
          </tr>
          <tr>
            <th scope="row">{m('portal.disclosure.written')}</th>
            <td>{entry.documentDate}</td>
            <th scope="row">{m('portal.disclosure.published')}</th>
            <td>{entry.publishDate}</td>
          </tr>
          <tr>
            <th scope="row">{m('portal.disclosure.validity')}</th>
            <td colSpan={3}>
              <strong>{m(validityKey(entry.validity))}</strong>
              {entry.validity !== 'valid'
                ? m('portal.disclosure.validity_since', {
                    date: entry.validityDate ?? '',
                    state: portalMessages.t(locale, validityKey(entry.validity)),
                    note: entry.validityNote ?? '',
                  })
                : null}
            </td>
          </tr>
        </tbody>
      </table>
      {entry.summary ? <p lang={locale === 'zh-CN' ? undefined : 'zh-CN'}>{entry.summary}</p> : null}
      {fileHref ? (
        <p>
          {m('portal.disclosure.attachment')}
          <a href={fileHref}>{entry.fileName}</a>
        </p>
      ) : null}
    </div>
  );
}

export const RichText = ({ html }: { html: string }) => <div class="disclosure-text">{trustedHtml(html)}</div>;

const field = (name: string, label: ComponentChild, input: ComponentChildren, error?: ComponentChild) => (
  <p class={error ? 'field field-error' : 'field'}>
    <label for={`f-${name}`}>{label}</label>
    <br />
    {input}
    {error ? (
      <>
        <br />
        <strong role="alert">{error}</strong>
      </>
    ) : null}
  </p>
);

export interface ApplyFormState {
  readonly values: Readonly<Record<string, string>>;
  readonly errors: Readonly<Record<string, string>>;
  readonly problem?: ComponentChild;
}

/** The request form: a plain HTML form that works without JavaScript. */
export function ApplyForm({ locale, action, state }: { locale: Locale; action: string; state: ApplyFormState }) {
  const m = say(locale);
  const v = (k: string) => state.values[k] ?? '';
  const error = (name: string) => (state.errors[name] ? chinese(locale, state.errors[name]) : undefined);
  const text = (name: string, label: ComponentChild, max: number, type: 'text' | 'tel' | 'email' = 'text') =>
    field(
      name,
      label,
      type === 'email' ? (
        <input id={`f-${name}`} name={name} type="email" value={v(name)} maxLength={max} />
      ) : type === 'tel' ? (
        <input id={`f-${name}`} name={name} type="tel" value={v(name)} maxLength={max} required />
      ) : (
        <input id={`f-${name}`} name={name} type="text" value={v(name)} maxLength={max} required={name !== 'address'} />
      ),
      error(name),
    );
  return (
    <form method="post" action={action} class="disclosure-form">
      {state.problem ? <p role="alert">{state.problem}</p> : null}
      {field(
        'applicantKind',
        m('portal.disclosure.form.applicant_kind'),
        <select id="f-applicantKind" name="applicantKind">
          {Object.entries(applicantKinds).map(([k, label]) => (
            // The kinds are the annual report's statutory columns: Chinese, marked on other pages.
            <option value={k} selected={v('applicantKind') === k} lang={locale === 'zh-CN' ? undefined : 'zh-CN'}>
              {k === 'person' ? label : portalMessages.t('zh-CN', 'portal.disclosure.form.organisation', { kind: label })}
            </option>
          ))}
        </select>,
        error('applicantKind'),
      )}
      {text('name', m('portal.disclosure.form.name'), 100)}
      {text('idNumber', m('portal.disclosure.form.id_number'), 30)}
      {text('phone', m('portal.disclosure.form.phone'), 20, 'tel')}
      {text('address', m('portal.disclosure.form.address'), 200)}
      {text('email', m('portal.disclosure.form.email'), 100, 'email')}
      {field('content', m('portal.disclosure.form.content'), <textarea id="f-content" name="content" rows={6} maxLength={4000} required>{v('content')}</textarea>, error('content'))}
      {field('purpose', m('portal.disclosure.form.purpose'), <textarea id="f-purpose" name="purpose" rows={2} maxLength={1000} required>{v('purpose')}</textarea>, error('purpose'))}
      {field(
        'form',
        m('portal.disclosure.form.delivery'),
        <select id="f-form" name="form">
          {(Object.keys(deliveryForms) as (keyof typeof deliveryForms)[]).map((k) => (
            <option value={k} selected={v('form') === k}>
              {portalMessages.t(locale, `portal.disclosure.form.delivery.${k}`)}
            </option>
          ))}
        </select>,
        error('form'),
      )}
      <p class="muted">{m('portal.disclosure.form.privacy')}</p>
      <button type="submit">{m('portal.disclosure.form.submit')}</button>
    </form>
  );
}

export function TrackForm({ locale, action, problem, code }: { locale: Locale; action: string; problem?: ComponentChild; code?: string | undefined }) {
  const m = say(locale);
  return (
    <form method="post" action={action} class="disclosure-form">
      {problem ? <p role="alert">{problem}</p> : null}
      {field('code', m('portal.disclosure.track.code'), <input id="f-code" name="code" value={code ?? ''} maxLength={20} required />)}
      {field('phoneLast4', m('portal.disclosure.track.last4'), <input id="f-phoneLast4" name="phoneLast4" inputMode="numeric" pattern="[0-9]{4}" maxLength={4} required />)}
      <button type="submit">{m('portal.disclosure.track.submit')}</button>
    </form>
  );
}

export function Tracked({ locale, t, noticeAction, correctionAction, phoneLast4 }: { locale: Locale; t: TrackedView; noticeAction: string; correctionAction: string; phoneLast4: string }) {
  const m = say(locale);
  const zh = (text: ComponentChild) => chinese(locale, text);
  return (
    <div>
      <table class="disclosure-meta">
        <tbody>
          <tr><th scope="row">{m('portal.disclosure.track.code')}</th><td>{t.trackingCode}</td></tr>
          <tr><th scope="row">{m('portal.disclosure.track.org')}</th><td>{zh(t.orgName)}</td></tr>
          <tr><th scope="row">{m('portal.disclosure.track.received')}</th><td>{t.receivedOn}</td></tr>
          <tr><th scope="row">{m('portal.disclosure.track.status')}</th><td><strong>{zh(t.statusLabel)}</strong></td></tr>
          <tr>
            <th scope="row">{m('portal.disclosure.track.deadline')}</th>
            <td>
              {t.deadline ?? m('portal.disclosure.track.paused')}
              {t.extensionDays ? m('portal.disclosure.track.extended', { days: t.extensionDays, reason: t.extensionReason ?? '' }) : ''}
            </td>
          </tr>
          {t.replyKindLabel ? <tr><th scope="row">{m('portal.disclosure.track.reply')}</th><td>{zh(t.replyKindLabel)}（{t.repliedOn}）</td></tr> : null}
        </tbody>
      </table>
      {t.status === 'correction' ? (
        <form method="post" action={correctionAction} class="disclosure-form">
          <p role="alert">{m('portal.disclosure.track.correction_notice', { notice: t.correctionNotice ?? '' })}</p>
          <input type="hidden" name="code" value={t.trackingCode} />
          <input type="hidden" name="phoneLast4" value={phoneLast4} />
          {field('content', m('portal.disclosure.track.correction'), <textarea id="f-content" name="content" rows={4} maxLength={4000} required />)}
          <button type="submit">{m('portal.disclosure.track.correction_submit')}</button>
        </form>
      ) : null}
      {t.noticeAvailable ? (
        <form method="post" action={noticeAction}>
          <input type="hidden" name="code" value={t.trackingCode} />
          <input type="hidden" name="phoneLast4" value={phoneLast4} />
          <button type="submit">{m('portal.disclosure.track.notice')}</button>
        </form>
      ) : null}
      <h2>{m('portal.disclosure.track.history')}</h2>
      <ol lang={locale === 'zh-CN' ? undefined : 'zh-CN'}>
        {t.history.map((e) => (
          <li>
            {e.at.slice(0, 10)} {e.label}
            {e.note ? `：${e.note}` : ''}
          </li>
        ))}
      </ol>
    </div>
  );
}
