import type { Locale } from '../../../../platform/i18n/messages.js';
import { trustedHtml } from '../../../../platform/views/render.js';
import { languages } from '../../views/layout.js';
import { say } from '../../views/text.js';
import { localNameText, renderSitePage, siteHref, type SiteRequest } from '../site-page.js';
import type { PublicArticleRow } from '../site.repository.js';
import type { PublicColumn } from '../site.types.js';
import { Breadcrumb, beijingDate, beijingMinute } from './parts.js';

/** A link to another article (a language version, a policy, an interpretation). */
export interface ArticleLink {
  readonly href: string;
  readonly title: string;
  readonly lang: string;
}

export interface ArticlePageData {
  readonly article: PublicArticleRow;
  readonly column: PublicColumn;
  readonly attachments: readonly { href: string; title: string; size: number; mediaType: string }[];
  readonly coverHref: string | undefined;
  /** The article in other languages, by locale. */
  readonly versions: Partial<Record<Locale, ArticleLink>>;
  /** For a 解读: the policy it interprets. */
  readonly policy: ArticleLink | undefined;
  /** For a policy: its interpretations. */
  readonly interpretations: readonly ArticleLink[];
}

/**
 * The body as the public page shows it: the stored HTML as it is. Publishing is the only writer of
 * `portal_articles.body_html` and sanitises every body on save against its allowlist
 * (`publishing/article-body.ts`: no script, style, event handler, foreign scheme or foreign image),
 * so sanitising again here (~1 ms a long article with sanitize-html, most of an uncached render)
 * would only repeat that. A row written around publishing still cannot run script: every page goes
 * out with the Content Security Policy (`script-src 'self'`, no 'unsafe-inline'), which blocks inline
 * script, event handlers and javascript: links (test/browser/portal.test.ts shows it in chromium).
 */
export const publicBodyHtml = (storedHtml: string): string => storedHtml;

const sizeText = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`);
const typeText = (mediaType: string) => (mediaType.split('/')[1] ?? mediaType).toUpperCase();

/** An article: title, subtitle, source, author, time, validity mark, body or 撤稿说明, attachments, links. */
export function renderArticlePage(at: SiteRequest, data: ArticlePageData): string {
  const m = say(at.locale);
  const { article, column } = data;
  const withdrawn = article.status === 'withdrawn';
  const tags = parseTags(article.tags);
  const lang = article.lang === at.locale ? undefined : article.lang;
  const alternates: Partial<Record<Locale, string>> = { [article.lang as Locale]: at.path };
  for (const [locale, link] of Object.entries(data.versions)) alternates[locale as Locale] = link.href;
  if (!alternates.en && alternates['zh-CN']) alternates.en = alternates['zh-CN'];
  const pubDate = article.published_at ? beijingMinute(article.published_at) : undefined;
  const validityDate = article.validity_on ?? (article.validity_changed_at ? beijingDate(article.validity_changed_at) : undefined);
  return renderSitePage(at, {
    title: article.title,
    section: at.structure.trail(column.id)[0]?.id ?? column.id,
    columnName: column.nameZh,
    alternates,
    meta: {
      articleTitle: article.title,
      ...(pubDate ? { pubDate } : {}),
      contentSource: article.source ?? at.site.hostOrgName,
      ...(article.summary ? { description: article.summary } : {}),
    },
    body: (
      <>
        <Breadcrumb at={at} trail={at.structure.trail(column.id)} current={m('portal.article.current')} />
        <article class="article" lang={lang}>
          <header class="article-head">
            <h1>{article.title}</h1>
            {article.subtitle ? <p class="subtitle">{article.subtitle}</p> : null}
            <p class="article-meta">
              {article.source ? <span>{m('portal.article.source', { source: article.source })}</span> : null}
              {article.author ? <span>{m('portal.article.author', { author: article.author })}</span> : null}
              {article.published_at && pubDate ? (
                <span>
                  {m('portal.article.published', { time: '' })}
                  <time datetime={article.published_at}>{pubDate}</time>
                </span>
              ) : null}
            </p>
          </header>
          {article.validity !== 'valid' ? (
            <div class={`validity-mark validity-${article.validity}`} role="note">
              <p class="validity-state">
                <strong>{m(article.validity === 'expired' ? 'portal.article.expired' : 'portal.article.abolished')}</strong>
              </p>
              {validityDate ? (
                <p>
                  {m(article.validity === 'expired' ? 'portal.article.expired_since' : 'portal.article.abolished_since', { date: validityDate })}
                </p>
              ) : null}
              {article.validity_note ? <p>{article.validity_note}</p> : null}
            </div>
          ) : null}
          {withdrawn ? (
            <section class="withdrawn-notice" aria-labelledby="withdrawn">
              <h2 id="withdrawn">{m('portal.article.withdrawn')}</h2>
              {article.withdrawn_at ? <p>{m('portal.article.withdrawn_text', { time: beijingMinute(article.withdrawn_at) })}</p> : null}
              {article.withdraw_reason ? <p>{m('portal.article.withdrawn_reason', { reason: article.withdraw_reason })}</p> : null}
            </section>
          ) : (
            <>
              {data.coverHref ? <img class="cover" src={data.coverHref} alt="" /> : null}
              <div class="article-body">{trustedHtml(publicBodyHtml(article.body_html))}</div>
              {data.attachments.length ? (
                <section aria-labelledby="attachments">
                  <h2 id="attachments">{m('portal.article.attachments')}</h2>
                  <ul class="attachments">
                    {data.attachments.map((a) => (
                      <li>
                        <a href={a.href}>{a.title}</a> <span class="muted">({typeText(a.mediaType)}, {sizeText(a.size)})</span>
                      </li>
                    ))}
                  </ul>
                </section>
              ) : null}
            </>
          )}
          {tags.length ? (
            <p class="tags">
              {m('portal.article.tags')}：
              {tags.map((tag) => (
                <span class="tag">{tag}</span>
              ))}
            </p>
          ) : null}
        </article>
        <ArticleLinks at={at} data={data} />
      </>
    ),
  });
}

function ArticleLinks({ at, data }: { at: SiteRequest; data: ArticlePageData }) {
  const m = say(at.locale);
  const versions = languages.filter((l) => data.versions[l.locale]).map((l) => ({ label: l.label, link: data.versions[l.locale]! }));
  return (
    <>
      {versions.length ? (
        <section aria-labelledby="versions" class="related">
          <h2 id="versions">{m('portal.article.other_language')}</h2>
          <ul>
            {versions.map(({ label, link }) => (
              <li>
                <a href={link.href} lang={link.lang} hreflang={link.lang}>
                  {label}：{link.title}
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {data.policy ? (
        <section aria-labelledby="policy" class="related">
          <h2 id="policy">{m('portal.article.policy')}</h2>
          <p>
            <a href={data.policy.href} lang={data.policy.lang === at.locale ? undefined : data.policy.lang}>
              {data.policy.title}
            </a>
          </p>
        </section>
      ) : null}
      {data.interpretations.length ? (
        <section aria-labelledby="interpretations" class="related">
          <h2 id="interpretations">{m('portal.article.interpretations')}</h2>
          <ul>
            {data.interpretations.map((link) => (
              <li>
                <a href={link.href} lang={link.lang === at.locale ? undefined : link.lang}>
                  {link.title}
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <p class="back">
        <a href={siteHref(at, `/${data.column.path}/`)}>{localNameText(at.locale, data.column.nameZh, data.column.nameMn)}</a>
      </p>
    </>
  );
}

function parseTags(json: string): string[] {
  try {
    const list = JSON.parse(json) as unknown;
    return Array.isArray(list) ? list.filter((t): t is string => typeof t === 'string').slice(0, 20) : [];
  } catch {
    return [];
  }
}
