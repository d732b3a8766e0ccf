import type { ComponentChild, ComponentChildren } from 'preact';
import type { ColumnCategory } from '../../../../shared/portal.js';
import type { Locale } from '../../../platform/i18n/messages.js';
import { renderPage } from '../../../platform/views/render.js';
import { portalMessages, type PortalMessageKey } from '../portal.messages.js';
import { Layout, type ChromeLink, type PageMeta, type SiteChrome } from '../views/layout.js';
import type { SiteStructure } from './site-directory.js';
import type { SiteLocation } from './site-routing.js';
import type { PublicColumn, PublicSite } from './site.types.js';

/** A request as the public site sees it: the site, the reader's language and mode, where links begin. */
export interface SiteRequest extends SiteLocation {
  readonly structure: SiteStructure;
  readonly locale: Locale;
  /** 适老化 mode (cookie `elder=1`). */
  readonly elder: boolean;
  /** The requested path (with the prefix, without the query): for the language switch and canonical. */
  readonly path: string;
  /** `https://host` for canonical and feed links; '' when the deployment has no public address. */
  readonly origin: string;
}

/** Which navigation entry a page belongs to: a fixed area, or a top-level column's id. */
export type SiteSection = 'home' | 'disclosure' | 'services' | 'interaction' | 'search' | (string & {});

export interface SitePageInput {
  /** The page's own title; the site's name is appended. */
  readonly title: string;
  readonly section?: SiteSection;
  /** ColumnName meta tag (Chinese). */
  readonly columnName?: string;
  readonly meta?: PageMeta;
  /** The page in other languages (an article's Mongolian version); defaults to the same path. */
  readonly alternates?: Partial<Record<Locale, string>>;
  readonly isHome?: boolean;
  readonly body: ComponentChildren;
}

const fixedAreas: readonly { section: SiteSection; key: PortalMessageKey; path: string }[] = [
  { section: 'disclosure', key: 'portal.nav.disclosure', path: '/disclosure/' },
  { section: 'services', key: 'portal.nav.services', path: '/services/' },
  { section: 'interaction', key: 'portal.nav.interaction', path: '/interaction/' },
];

/**
 * The fixed area that stands for a column category. A top-level column of such a category (政府信息公开,
 * 办事服务, 互动交流) is not repeated in the navigation beside the area's link, and its pages mark
 * that link current, so each destination shows once.
 */
const areaOfCategory: Partial<Record<ColumnCategory, SiteSection>> = { disclosure: 'disclosure', service: 'services', interaction: 'interaction' };

/** A public href inside the site: `/fgw` + `/news/` (or `/news/` on the site's own host). */
export const siteHref = (at: Pick<SiteLocation, 'base'>, rest: string): string => `${at.base}${rest}`;

/** The URL of a column list. */
export const columnHref = (at: Pick<SiteLocation, 'base'>, column: Pick<PublicColumn, 'path'>): string =>
  siteHref(at, `/${column.path}/`);

/** A name in the reader's language: Mongolian when there is one on a Mongolian page, else Chinese, marked. */
export function localName(locale: Locale, zh: string, mn: string | null | undefined): ComponentChild {
  if (locale === 'mn-Mong') return mn ? mn : <span lang="zh-CN">{zh}</span>;
  return locale === 'zh-CN' ? zh : <span lang="zh-CN">{zh}</span>;
}

/** A name as plain text (for <title> and meta tags). */
export const localNameText = (locale: Locale, zh: string, mn: string | null | undefined): string =>
  locale === 'mn-Mong' && mn ? mn : zh;

/** The header, navigation and footer of `at`'s site. */
export function siteChrome(at: SiteRequest, section: SiteSection | undefined): SiteChrome {
  const { site, locale } = at;
  const m = (key: PortalMessageKey): ComponentChild => {
    const found = portalMessages.resolve(locale, key);
    return found.locale === locale ? found.text : <span lang={found.locale}>{found.text}</span>;
  };
  const sectionColumn = section === undefined ? undefined : at.structure.byId.get(section);
  const current = (sectionColumn && areaOfCategory[sectionColumn.category]) ?? section;
  const nav: ChromeLink[] = [{ label: m('portal.nav.home'), href: siteHref(at, '/'), current: current === 'home' }];
  for (const area of fixedAreas) nav.push({ label: m(area.key), href: siteHref(at, area.path), current: current === area.section });
  for (const column of at.structure.childrenOf(null).filter((c) => !areaOfCategory[c.category]).slice(0, 6)) {
    nav.push({ label: localName(locale, column.nameZh, column.nameMn), href: columnHref(at, column), current: current === column.id });
  }
  return {
    nameZh: site.nameZh,
    nameMn: site.nameMn,
    homeHref: siteHref(at, '/'),
    nav,
    searchAction: siteHref(at, '/search'),
    hostOrg: site.hostOrgName,
    siteIdCode: site.siteIdCode,
    icp: site.icp,
    psb: site.psb,
    domain: domainOf(site, at.origin),
  };
}

/** SiteDomain: the site's own host name, else the deployment's host (with the site's path). */
export function domainOf(site: PublicSite, origin: string): string | undefined {
  if (site.hosts[0]) return site.hosts[0];
  if (!origin) return undefined;
  return `${new URL(origin).host}${site.pathPrefix}`;
}

/**
 * Renders a whole public page of a site inside its chrome (header with the bilingual site name,
 * language and 适老化 switches, search box, navigation, footer with 网站标识码/ICP/公安备案/主办单位) and
 * the inspection meta tags. Disclosure and interaction pages use this too.
 */
export function renderSitePage(at: SiteRequest, page: SitePageInput): string {
  const siteName = localNameText(at.locale, at.site.nameZh, at.site.nameMn);
  const title = page.isHome ? siteName : `${page.title} - ${siteName}`;
  const canonical = page.meta?.canonical ?? (at.origin ? `${at.origin}${at.path}` : undefined);
  return renderPage(
    <Layout
      locale={at.locale}
      path={at.path}
      title={title}
      {...(page.columnName ? { columnName: page.columnName } : {})}
      site={undefined}
      chrome={siteChrome(at, page.section)}
      meta={{ ...page.meta, ...(canonical ? { canonical } : {}) }}
      elder={at.elder}
      {...(page.alternates ? { alternates: page.alternates } : {})}
      {...(page.isHome ? { isHome: true } : {})}
    >
      {page.body}
    </Layout>,
  );
}
