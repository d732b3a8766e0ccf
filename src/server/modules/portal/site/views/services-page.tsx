import { say } from '../../views/text.js';
import { columnHref, localName, renderSitePage, type SiteRequest } from '../site-page.js';
import { ArticleList, textOf } from './parts.js';
import type { HomeColumn } from './home-page.js';

/**
 * 办事服务 entry: the site's service columns and what they publish. The services module (online
 * applications) does not exist yet, and the page says so rather than show items that cannot be used.
 */
export function renderServicesPage(at: SiteRequest, columns: readonly HomeColumn[]): string {
  const m = say(at.locale);
  const pathOf = (id: string) => at.structure.byId.get(id)?.path ?? '';
  return renderSitePage(at, {
    title: textOf(at.locale, 'portal.services.title'),
    section: 'services',
    columnName: '政务服务',
    body: (
      <>
        <h1>{m('portal.services.title')}</h1>
        <p class="notice">{m('portal.services.pending')}</p>
        {columns.length ? (
          columns.map(({ column, latest }) => (
            <section aria-labelledby={`svc-${column.id}`}>
              <h2 id={`svc-${column.id}`}>
                <a href={columnHref(at, column)}>{localName(at.locale, column.nameZh, column.nameMn)}</a>
              </h2>
              {latest.length ? <ArticleList at={at} rows={latest} columnPathOf={pathOf} /> : <p class="muted">{m('portal.column.empty')}</p>}
            </section>
          ))
        ) : (
          <p class="muted">{m('portal.services.empty')}</p>
        )}
      </>
    ),
  });
}
