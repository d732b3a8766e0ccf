import type { ComponentChildren } from 'preact';
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
  readonly children: ComponentChildren;
}

/** Every portal page: meta tags, skip link, bilingual header, navigation, main, footer. */
export function Layout({ locale, path, column, title, columnName, site, isHome, children }: LayoutProps) {
  const m = say(locale);
  const zh = (key: PortalMessageKey) => portalMessages.t('zh-CN', key);
  const pending = portalMessages.t(locale, 'portal.footer.pending');
  const vertical = locale === 'mn-Mong';
  const Brand = isHome ? 'h1' : 'p';
  return (
    <html lang={locale} class={vertical ? 'mn-vertical' : undefined}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title}</title>
        <meta name="SiteName" content={zh('portal.site.name')} />
        <meta name="SiteDomain" content={site?.domain ?? zh('portal.footer.pending')} />
        <meta name="SiteIDCode" content={site?.siteIdCode ?? zh('portal.footer.pending')} />
        {columnName ? <meta name="ColumnName" content={columnName} /> : null}
        <link rel="stylesheet" href={assetUrl(portalAssets.css)} />
        {vertical ? <link rel="preload" href={assetUrl(portalAssets.font)} as="font" type="font/woff2" crossorigin="anonymous" /> : null}
        {isHome
          ? languages.map((l) => <link rel="alternate" hreflang={l.locale} href={`/?lang=${l.code}`} />)
          : null}
      </head>
      <body>
        <a class="skip-link" href="#main">
          {m('portal.skip')}
        </a>
        <header class="site-header">
          <Brand class="brand">
            <a href="/">
              <span class="brand-mn" lang="mn-Mong">
                {portalMessages.t('mn-Mong', 'portal.site.name')}
              </span>
              <span class="brand-zh" lang="zh-CN">
                {zh('portal.site.name')}
              </span>
            </a>
          </Brand>
          <nav class="lang-switch" aria-label={portalMessages.t(locale, 'portal.lang.label')}>
            <ul>
              {languages.map((l) => (
                <li>
                  <a href={switchHref(l.code, path)} lang={l.locale} hreflang={l.locale} aria-current={l.locale === locale ? 'true' : undefined}>
                    {l.label}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        </header>
        <nav class="site-nav" aria-label={portalMessages.t(locale, 'portal.nav.label')}>
          <ul>
            {columns.map((c) => (
              <li>
                <a href={c.href} aria-current={c.href === column ? 'page' : undefined}>
                  {m(c.key)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <main id="main" tabindex={-1}>
          {children}
        </main>
        <footer class="site-footer">
          <p>{m('portal.footer.host', { host: portalMessages.t(locale, 'portal.site.host') })}</p>
          <p>{m('portal.footer.site_id', { code: site?.siteIdCode ?? pending })}</p>
          <p>{m('portal.footer.icp', { code: site?.icp ?? pending })}</p>
          <p>
            <a href={assetUrl(portalAssets.license)}>{m('portal.footer.font')}</a>
          </p>
        </footer>
      </body>
    </html>
  );
}
