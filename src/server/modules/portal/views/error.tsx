import type { AppError } from '../../../platform/errors/app-error.js';
import { definitionOf, messageOf } from '../../../platform/errors/app-error.js';
import type { Locale } from '../../../platform/i18n/messages.js';
import { renderPage } from '../../../platform/views/render.js';
import { portalMessages, type PortalMessageKey } from '../portal.messages.js';
import { Layout } from './layout.js';
import { say } from './text.js';

export interface ErrorPageProps {
  readonly error: AppError;
  readonly locale: Locale;
  readonly path: string;
  readonly requestId: string;
}

const kindOf = (status: number) => (status === 404 ? '404' : status >= 500 ? '5xx' : '4xx');

/**
 * The portal's page for a failed request: what happened in plain words, the error code and the
 * request ID to quote to the administrator, and a way home. It shows only the registry's message for
 * the code, never the error's own text, so nothing internal reaches the reader.
 */
export function renderErrorDocument({ error, locale, path, requestId }: ErrorPageProps): string {
  const m = say(locale);
  const kind = kindOf(error.status);
  const titleKey = `portal.error.title.${kind}` as PortalMessageKey;
  const hintKey = `portal.error.hint.${kind}` as PortalMessageKey;
  const detailLang = locale === 'mn-Mong' && !definitionOf(error.code).mn ? 'zh-CN' : undefined;
  return renderPage(
    <Layout
      locale={locale}
      path={path}
      title={`${portalMessages.t(locale, titleKey)} - ${portalMessages.t(locale, 'portal.site.name')}`}
      site={undefined}
    >
      <h1>{m(titleKey)}</h1>
      <p lang={detailLang}>{messageOf(error.code, locale)}</p>
      <p>{m(hintKey)}</p>
      <p class="muted">
        {m('portal.error.code', { code: `${error.status} ${error.code}` })}
        <br />
        {m('portal.error.request_id', { id: requestId })}
      </p>
      <p>
        <a href="/">{m('portal.error.home')}</a>
      </p>
    </Layout>,
  );
}
