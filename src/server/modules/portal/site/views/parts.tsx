import type { ComponentChild } from 'preact';
import type { Locale, MessageParams } from '../../../../platform/i18n/messages.js';
import { portalMessages, type PortalMessageKey } from '../../portal.messages.js';
import { say } from '../../views/text.js';
import { columnHref, localName, siteHref, type SiteRequest } from '../site-page.js';
import type { ArticleListRow } from '../site.repository.js';
import type { PublicColumn } from '../site.types.js';

const beijingOffsetMs = 8 * 3600 * 1000;

/** `YYYY-MM-DD HH:mm` in Beijing time (China keeps no daylight saving), as PubDate wants it. */
export function beijingMinute(iso: string): string {
  return new Date(Date.parse(iso) + beijingOffsetMs).toISOString().slice(0, 16).replace('T', ' ');
}

/** `YYYY-MM-DD` in Beijing time. */
export const beijingDate = (iso: string): string => beijingMinute(iso).slice(0, 10);

/** A list entry's href: `{base}/{column path}/{serial}.html`. */
export function articleHref(at: Pick<SiteRequest, 'base'>, columnPath: string, serial: number): string {
  return siteHref(at, `/${columnPath}/${serial}.html`);
}

/** 当前位置: home, then the column trail; the last entry is the current page. */
export function Breadcrumb({ at, trail, current }: { at: SiteRequest; trail: readonly PublicColumn[]; current?: ComponentChild }) {
  const m = say(at.locale);
  const links: { label: ComponentChild; href?: string }[] = [{ label: m('portal.nav.home'), href: siteHref(at, '/') }];
  trail.forEach((column, i) =>
    links.push({ label: localName(at.locale, column.nameZh, column.nameMn), ...(i < trail.length - 1 || current ? { href: columnHref(at, column) } : {}) }),
  );
  if (current) links.push({ label: current });
  return (
    <nav class="breadcrumb" aria-label={textOf(at.locale, 'portal.breadcrumb.label')}>
      <ol>
        {links.map((link) => (
          <li>{link.href ? <a href={link.href}>{link.label}</a> : <span aria-current="page">{link.label}</span>}</li>
        ))}
      </ol>
    </nav>
  );
}

/** Plain text of a message (for attributes). */
export function textOf(locale: Locale, key: PortalMessageKey, params?: MessageParams): string {
  return portalMessages.t(locale, key, params);
}

/** Newest-first article titles with their dates. */
export function ArticleList({ at, rows, columnPathOf }: { at: SiteRequest; rows: readonly ArticleListRow[]; columnPathOf: (columnId: string) => string }) {
  return (
    <ul class="article-list">
      {rows.map((row) => (
        <li>
          <a href={articleHref(at, columnPathOf(row.column_id), row.serial)} lang={row.lang === at.locale ? undefined : row.lang}>
            {row.title}
          </a>
          {row.validity !== 'valid' ? <span class="validity-tag">{say(at.locale)(row.validity === 'expired' ? 'portal.article.expired' : 'portal.article.abolished')}</span> : null}
          <time datetime={row.published_at}>{beijingDate(row.published_at)}</time>
        </li>
      ))}
    </ul>
  );
}

/** Previous/next page links (plain links, no script), with `?page=` and the other query kept. */
export function Pager({ at, page, pages, hrefOf }: { at: SiteRequest; page: number; pages: number; hrefOf: (page: number) => string }) {
  if (pages <= 1) return null;
  const m = say(at.locale);
  return (
    <nav class="pager" aria-label={textOf(at.locale, 'portal.pager.label')}>
      <ul>
        {page > 1 ? (
          <li>
            <a href={hrefOf(page - 1)} rel="prev">
              {m('portal.pager.prev')}
            </a>
          </li>
        ) : null}
        <li aria-current="page">{m('portal.pager.status', { page, pages })}</li>
        {page < pages ? (
          <li>
            <a href={hrefOf(page + 1)} rel="next">
              {m('portal.pager.next')}
            </a>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
