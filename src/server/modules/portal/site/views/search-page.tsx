import type { SearchResult } from '../../../../platform/search/index.js';
import { trustedHtml } from '../../../../platform/views/render.js';
import { portalSearchTypes } from '../../portal-search.js';
import { say } from '../../views/text.js';
import { localNameText, renderSitePage, siteHref, type SiteRequest } from '../site-page.js';
import { Pager, textOf } from './parts.js';

/** The search form's values, already checked. */
export interface SearchForm {
  readonly q: string;
  readonly scope: 'site' | 'all';
  readonly column: string | undefined;
  readonly type: keyof typeof portalSearchTypes | undefined;
  readonly from: string | undefined;
  readonly to: string | undefined;
  readonly page: number;
}

export interface SearchHitView {
  readonly href: string;
  /** Escaped by the platform search, with `<mark>` around matches. */
  readonly titleHtml: string;
  readonly snippet: string;
  readonly siteName: string;
  readonly date: string | undefined;
  readonly type: string | undefined;
}

const queryOf = (form: SearchForm, page: number): string => {
  const params = new URLSearchParams({ q: form.q });
  if (form.scope !== 'site') params.set('scope', form.scope);
  if (form.column) params.set('column', form.column);
  if (form.type) params.set('type', form.type);
  if (form.from) params.set('from', form.from);
  if (form.to) params.set('to', form.to);
  if (page > 1) params.set('page', String(page));
  return params.toString();
};

/** The search page: the form (GET, works without script), the hits with highlights, paging. */
export function renderSearchPage(at: SiteRequest, form: SearchForm, result: SearchResult | undefined, hits: readonly SearchHitView[]): string {
  const m = say(at.locale);
  const action = siteHref(at, '/search');
  const pages = result ? Math.max(1, Math.ceil(Math.min(result.total, 1000) / result.pageSize)) : 0;
  const any = textOf(at.locale, 'portal.search.any');
  return renderSitePage(at, {
    title: textOf(at.locale, 'portal.search.title'),
    section: 'search',
    columnName: '搜索',
    body: (
      <>
        <h1>{m('portal.search.title')}</h1>
        <form class="search-form" method="get" action={action} role="search">
          <p>
            <label for="q">{m('portal.search.label')}</label>
            <input id="q" name="q" type="search" value={form.q} maxLength={100} />
          </p>
          <fieldset>
            <legend>{m('portal.search.scope')}</legend>
            <label>
              <input type="radio" name="scope" value="site" checked={form.scope === 'site'} /> {m('portal.search.scope_site')}
            </label>
            <label>
              <input type="radio" name="scope" value="all" checked={form.scope === 'all'} /> {m('portal.search.scope_all')}
            </label>
          </fieldset>
          <p>
            <label for="column">{m('portal.search.column')}</label>
            <select id="column" name="column">
              <option value="">{any}</option>
              {at.structure.columns.map((c) => (
                <option value={c.id} selected={form.column === c.id}>
                  {localNameText(at.locale, c.nameZh, c.nameMn)}
                </option>
              ))}
            </select>
            <label for="type">{m('portal.search.type')}</label>
            <select id="type" name="type">
              <option value="">{any}</option>
              {Object.entries(portalSearchTypes).map(([value, label]) => (
                <option value={value} selected={form.type === value}>
                  {label}
                </option>
              ))}
            </select>
          </p>
          <p>
            <label for="from">{m('portal.search.from')}</label>
            <input id="from" name="from" type="date" value={form.from ?? ''} />
            <label for="to">{m('portal.search.to')}</label>
            <input id="to" name="to" type="date" value={form.to ?? ''} />
          </p>
          <p>
            <button type="submit">{m('portal.search.submit')}</button>
          </p>
        </form>
        {!result ? (
          <p>{m('portal.search.prompt')}</p>
        ) : (
          <section aria-labelledby="results">
            <h2 id="results">{m('portal.search.results', { total: result.totalExact ? result.total : `${result.total}+` })}</h2>
            {hits.length ? (
              <ol class="search-hits" start={(result.page - 1) * result.pageSize + 1}>
                {hits.map((hit) => (
                  <li>
                    <h3>
                      <a href={hit.href}>{trustedHtml(hit.titleHtml)}</a>
                    </h3>
                    <p>{trustedHtml(hit.snippet)}</p>
                    <p class="muted">
                      {hit.siteName}
                      {hit.type ? ` · ${hit.type}` : ''}
                      {hit.date ? ` · ${hit.date}` : ''}
                    </p>
                  </li>
                ))}
              </ol>
            ) : (
              <p>{m('portal.search.none')}</p>
            )}
            <Pager at={at} page={result.page} pages={pages} hrefOf={(p) => `${action}?${queryOf(form, p)}`} />
          </section>
        )}
      </>
    ),
  });
}
