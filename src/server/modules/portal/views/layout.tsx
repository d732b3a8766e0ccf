import type { ComponentChild, ComponentChildren } from 'preact';
import type { Locale } from '../../../platform/i18n/messages.js';
import { assetUrl, portalAssets } from '../portal.assets.js';
import { portalMessages, type PortalMessageKey } from '../portal.messages.js';
import type { PortalSite } from '../portal.site.js';
import { say } from './text.js';

/** The language switch: each language named in itself, as readers look for it. */
export const languages = [
  { code: 'mn', locale: 'mn-Mong', label: 'ᠮᠣᠩᠭᠣᠯ' },
  { code: 'zh', locale: 'zh-CN', label: '中文' },
  { code: 'en', locale: 'en', label: 'English' },
] as const satisfies readonly { code: string; locale: Locale; label: string }[];

/** The top navigation; the columns behind it arrive with the portal's content modules. */
export const columns: readonly { key: PortalMessageKey; href: string }[] = [
  { key: 'portal.nav.home', href: '/' },
  { key: 'portal.nav.disclosure', href: '/zwgk/' },
  { key: 'portal.nav.services', href: '/zwfw/' },
  { key: 'portal.nav.interaction', href: '/hdjl/' },
  { key: 'portal.nav.about', href: '/zjxa/' },
];

/** The link that switches language: it sets the `lang` cookie and comes back to `path`. */
export const switchHref = (code: string, path: string) => `/lang/${code}?next=${encodeURIComponent(path)}`;

/** A navigation entry of a site's chrome. */
export interface ChromeLink {
  readonly label: ComponentChild;
  readonly href: string;
  /** Marks the entry aria-current="page". */
  readonly current?: boolean;
}

/**
 * What a site of the group shows around every page (`site/` builds it from `portal_sites`): its
 * names, navigation, search box and the footer's identification numbers. Without it the layout shows
 * the league portal's defaults.
 */
export interface SiteChrome {
  readonly nameZh: string;
  readonly nameMn: string | null;
  /** The site's home, e.g. `/fgw/` (or `/` on its own host name). */
  readonly homeHref: string;
  readonly nav: readonly ChromeLink[];
  /** Where the header's search form goes (GET, field `q`). */
  readonly searchAction?: string;
  /** 主办单位. */
  readonly hostOrg: string;
  readonly siteIdCode: string | null;
  readonly icp: string | null;
  /** 公安机关备案号. */
  readonly psb: string | null;
  /** SiteDomain. */
  readonly domain: string | undefined;
}

/** The inspection meta tags of a content page (政府网站发展指引), besides SiteName/SiteDomain/SiteIDCode. */
export interface PageMeta {
  readonly articleTitle?: string;
  /** `YYYY-MM-DD HH:mm`, Beijing time. */
  readonly pubDate?: string;
  readonly contentSource?: string;
  /** Absolute (or root-relative when the deployment has no public address) canonical URL. */
  readonly canonical?: string;
  readonly description?: string;
  /** Extra `<link rel="alternate">` entries (RSS). */
  readonly feeds?: readonly { readonly title: string; readonly href: string }[];
}

export interface LayoutProps {
  readonly locale: Locale;
  /** The page's own path, for the language switch. */
  readonly path: string;
  /** The href of the navigation column the page belongs to, marked aria-current. */
  readonly column?: string;
  readonly title: string;
  /** ColumnName for the inspection meta tags, when the page belongs to a column. */
  readonly columnName?: string;
  readonly site: PortalSite | undefined;
  /** On the home page the site name is the page's h1. */
  readonly isHome?: boolean;
  /** A site of the group: its names, navigation and footer replace the league portal's defaults. */
  readonly chrome?: SiteChrome;
  readonly meta?: PageMeta;
  /** 适老化 mode: larger text, high contrast, simplified layout. */
  readonly elder?: boolean;
  /** The page in each language (e.g. an article's Mongolian version); the language switch leads there. */
  readonly alternates?: Partial<Record<Locale, string>>;
  readonly children: ComponentChildren;
}

/** The link that turns 适老化 mode on or off (a cookie), coming back to `path`. */
export const elderHref = (on: boolean, path: string) => `/elder/${on ? 'on' : 'off'}?next=${encodeURIComponent(path)}`;

/** Every portal page: meta tags, skip link, bilingual header, navigation, main, footer. */
export function Layout({ locale, path, column, title, columnName, site, isHome, chrome, meta, elder, alternates, children }: LayoutProps) {
  const m = say(locale);
  const zh = (key: PortalMessageKey) => portalMessages.t('zh-CN', key);
  const pending = portalMessages.t(locale, 'portal.footer.pending');
  const vertical = locale === 'mn-Mong';
  const Brand = isHome ? 'h1' : 'p';
  const classes = [vertical ? 'mn-vertical' : '', elder ? 'elder' : ''].filter(Boolean).join(' ') || undefined;
  const nameZh = chrome?.nameZh ?? zh('portal.site.name');
  const nameMn = chrome ? chrome.nameMn : portalMessages.t('mn-Mong', 'portal.site.name');
  const homeHref = chrome?.homeHref ?? '/';
  const domain = chrome ? chrome.domain : site?.domain;
  const siteIdCode = chrome ? chrome.siteIdCode : site?.siteIdCode;
  const icp = chrome ? chrome.icp : site?.icp;
  const nav: readonly ChromeLink[] =
    chrome?.nav ?? columns.map((c) => ({ label: m(c.key), href: c.href, current: c.href === column }));
  return (
    <html lang={locale} class={classes}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title}</title>
        <meta name="SiteName" content={nameZh} />
        <meta name="SiteDomain" content={domain ?? zh('portal.footer.pending')} />
        <meta name="SiteIDCode" content={siteIdCode ?? zh('portal.footer.pending')} />
        {columnName ? <meta name="ColumnName" content={columnName} /> : null}
        {meta?.articleTitle ? <meta name="ArticleTitle" content={meta.articleTitle} /> : null}
        {meta?.pubDate ? <meta name="PubDate" content={meta.pubDate} /> : null}
        {meta?.contentSource ? <meta name="ContentSource" content={meta.contentSource} /> : null}
        {meta?.description ? <meta name="description" content={meta.description} /> : null}
        {meta?.canonical ? <link rel="canonical" href={meta.canonical} /> : null}
        {meta?.feeds?.map((f) => <link rel="alternate" type="application/rss+xml" title={f.title} href={f.href} />)}
        <link rel="stylesheet" href={assetUrl(portalAssets.css)} />
        {vertical ? <link rel="preload" href={assetUrl(portalAssets.font)} as="font" type="font/woff2" crossorigin="anonymous" /> : null}
        {isHome && !chrome
          ? languages.map((l) => <link rel="alternate" hreflang={l.locale} href={`/?lang=${l.code}`} />)
          : null}
      </head>
      <body>
        <a class="skip-link" href="#main">
          {m('portal.skip')}
        </a>
        <header class="site-header">
          <Brand class="brand">
            <a href={homeHref}>
              {nameMn ? (
                <span class="brand-mn" lang="mn-Mong">
                  {nameMn}
                </span>
              ) : null}
              <span class="brand-zh" lang="zh-CN">
                {nameZh}
              </span>
            </a>
          </Brand>
          <div class="header-tools">
            <nav class="lang-switch" aria-label={portalMessages.t(locale, 'portal.lang.label')}>
              <ul>
                {languages.map((l) => (
                  <li>
                    <a
                      href={switchHref(l.code, alternates?.[l.locale] ?? path)}
                      lang={l.locale}
                      hreflang={l.locale}
                      aria-current={l.locale === locale ? 'true' : undefined}
                    >
                      {l.label}
                    </a>
                  </li>
                ))}
                {chrome ? (
                  <li>
                    <a class="elder-switch" href={elderHref(!elder, path)}>
                      {m(elder ? 'portal.elder.off' : 'portal.elder.on')}
                    </a>
                  </li>
                ) : null}
              </ul>
            </nav>
            {chrome?.searchAction ? (
              <form class="site-search" role="search" method="get" action={chrome.searchAction}>
                <label for="site-search-q">{m('portal.search.label')}</label>
                <input id="site-search-q" name="q" type="search" maxLength={100} />
                <button type="submit">{m('portal.search.submit')}</button>
              </form>
            ) : null}
          </div>
        </header>
        <nav class="site-nav" aria-label={portalMessages.t(locale, 'portal.nav.label')}>
          <ul>
            {nav.map((c) => (
              <li>
                <a href={c.href} aria-current={c.current ? 'page' : undefined}>
                  {c.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <main id="main" tabindex={-1}>
          {children}
        </main>
        <footer class="site-footer">
          <p>{m('portal.footer.host', { host: chrome?.hostOrg ?? portalMessages.t(locale, 'portal.site.host') })}</p>
          <p>{m('portal.footer.site_id', { code: siteIdCode ?? pending })}</p>
          <p>{m('portal.footer.icp', { code: icp ?? pending })}</p>
          {chrome ? <p>{m('portal.footer.psb', { code: chrome.psb ?? pending })}</p> : null}
          <p>
            <a href={assetUrl(portalAssets.license)}>{m('portal.footer.font')}</a>
          </p>
        </footer>
      </body>
    </html>
  );
}
