import { say } from '../../views/text.js';
import { columnHref, localName, localNameText, renderSitePage, type SiteRequest } from '../site-page.js';
import type { ArticleListRow } from '../site.repository.js';
import type { PublicColumn } from '../site.types.js';
import { ArticleList, Breadcrumb, Pager } from './parts.js';

export interface ColumnPageData {
  readonly column: PublicColumn;
  readonly rows: readonly ArticleListRow[];
  readonly page: number;
  readonly pages: number;
  readonly total: number;
}

/** A column's list: breadcrumb, sub-columns, newest articles with paging, RSS link. */
export function renderColumnPage(at: SiteRequest, data: ColumnPageData): string {
  const m = say(at.locale);
  const { column } = data;
  const trail = at.structure.trail(column.id);
  const children = at.structure.childrenOf(column.id);
  const href = columnHref(at, column);
  const rss = `${href}rss.xml`;
  const pathOf = (id: string) => at.structure.byId.get(id)?.path ?? column.path;
  return renderSitePage(at, {
    title: localNameText(at.locale, column.nameZh, column.nameMn),
    section: trail[0]?.id ?? column.id,
    columnName: column.nameZh,
    meta: {
      feeds: [{ title: column.nameZh, href: rss }],
      ...(column.description ? { description: column.description } : {}),
    },
    body: (
      <>
        <Breadcrumb at={at} trail={trail} />
        <h1>{localName(at.locale, column.nameZh, column.nameMn)}</h1>
        {column.description ? <p class="muted">{column.description}</p> : null}
        {children.length ? (
          <nav class="subcolumns" aria-labelledby="subcolumns">
            <h2 id="subcolumns">{m('portal.column.subcolumns')}</h2>
            <ul class="org-list">
              {children.map((child) => (
                <li>
                  <a href={columnHref(at, child)}>{localName(at.locale, child.nameZh, child.nameMn)}</a>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
        {data.rows.length ? (
          <ArticleList at={at} rows={data.rows} columnPathOf={pathOf} />
        ) : (
          <p class="muted">{m('portal.column.empty')}</p>
        )}
        <Pager at={at} page={data.page} pages={data.pages} hrefOf={(p) => (p === 1 ? href : `${href}?page=${p}`)} />
        <p class="feed">
          <a href={rss} type="application/rss+xml">
            {m('portal.column.rss')}
          </a>
        </p>
      </>
    ),
  });
}
