import type { Locale } from '../../../platform/i18n/messages.js';
import { renderPage } from '../../../platform/views/render.js';
import { portalMessages } from '../portal.messages.js';
import type { HomeData, PortalOrg } from '../portal.service.js';
import type { PortalSite } from '../portal.site.js';
import { Layout } from './layout.js';
import { OrgName, say } from './text.js';

function OrgList({ orgs, locale }: { orgs: readonly PortalOrg[]; locale: Locale }) {
  if (!orgs.length) return <p class="muted">{say(locale)('portal.home.empty')}</p>;
  return (
    <ul class="org-list">
      {orgs.map((org) => (
        <li key={org.id}>
          <OrgName org={org} locale={locale} />
        </li>
      ))}
    </ul>
  );
}

/** The counties and departments of the league, as sections (also on the main portal site's home). */
export function renderOrgSections(data: HomeData, locale: Locale) {
  const m = say(locale);
  return (
    <>
      <section aria-labelledby="counties">
        <h2 id="counties">{m('portal.home.counties')}</h2>
        <OrgList orgs={data.counties} locale={locale} />
      </section>
      <section aria-labelledby="departments">
        <h2 id="departments">{m('portal.home.departments')}</h2>
        {data.departmentGroups.length ? (
          data.departmentGroups.map((group) => (
            <div key={group.body.id} class="dept-group">
              <h3>
                <OrgName org={group.body} locale={locale} />
              </h3>
              <OrgList orgs={group.departments} locale={locale} />
            </div>
          ))
        ) : (
          <p class="muted">{m('portal.home.empty')}</p>
        )}
      </section>
    </>
  );
}

/** The home page of the league's portal, as a whole HTML document. */
export function renderHomePage(data: HomeData, locale: Locale, site: PortalSite): string {
  return renderPage(
    <Layout
      locale={locale}
      path="/"
      column="/"
      title={portalMessages.t(locale, 'portal.site.name')}
      columnName={portalMessages.t('zh-CN', 'portal.nav.home')}
      site={site}
      isHome
    >
      {renderOrgSections(data, locale)}
    </Layout>,
  );
}
