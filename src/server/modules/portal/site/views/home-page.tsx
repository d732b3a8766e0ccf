import type { ComponentChildren } from 'preact';
import { say } from '../../views/text.js';
import { columnHref, localName, renderSitePage, type SiteRequest } from '../site-page.js';
import type { ArticleListRow } from '../site.repository.js';
import type { PublicColumn, PublicSite } from '../site.types.js';
import { ArticleList } from './parts.js';

export interface HomeColumn {
  readonly column: PublicColumn;
  readonly latest: readonly ArticleListRow[];
}

export interface SiteHomeData {
  readonly columns: readonly HomeColumn[];
  /** The other sites of the group (on the main portal): links to them. */
  readonly otherSites: readonly { site: PublicSite; href: string }[];
  /** Extra sections (the main portal's counties and departments). */
  readonly extra?: ComponentChildren;
}

/** A site's home: the latest articles per top-level column, the group's other sites. */
export function renderSiteHome(at: SiteRequest, data: SiteHomeData): string {
  const m = say(at.locale);
  const pathOf = (id: string) => at.structure.byId.get(id)?.path ?? '';
  return renderSitePage(at, {
    title: at.site.nameZh,
    isHome: true,
    section: 'home',
    columnName: '首页',
    meta: { feeds: [] },
    body: (
      <>
        <div class="home-columns">
          {data.columns.map(({ column, latest }) => (
            <section aria-labelledby={`col-${column.id}`} class="home-column">
              <h2 id={`col-${column.id}`}>{localName(at.locale, column.nameZh, column.nameMn)}</h2>
              {latest.length ? <ArticleList at={at} rows={latest} columnPathOf={pathOf} /> : <p class="muted">{m('portal.column.empty')}</p>}
              <p class="more">
                <a href={columnHref(at, column)}>
                  {m('portal.home.more')}
                  <span class="visually-hidden">：{localName(at.locale, column.nameZh, column.nameMn)}</span>
                </a>
              </p>
            </section>
          ))}
        </div>
        {data.otherSites.length ? (
          <section aria-labelledby="site-group">
            <h2 id="site-group">{m('portal.home.sites')}</h2>
            <ul class="org-list">
              {data.otherSites.map(({ site, href }) => (
                <li>
                  <a href={href}>
                    <span class="org">
                      {site.nameMn ? <span lang="mn-Mong">{site.nameMn}</span> : null}
                      {at.locale === 'zh-CN' ? site.nameZh : <span lang="zh-CN">{site.nameZh}</span>}
                    </span>
                  </a>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        {data.extra}
      </>
    ),
  });
}
