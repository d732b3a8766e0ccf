import type { ComponentChild } from 'preact';
import {
  DEFAULT_COMPLAINT_PHONE,
  handlingKinds,
  materialForms,
  onlineCapable,
  onlineDepths,
  serviceAudiences,
  serviceHandlingTypes,
  serviceItemKinds,
  serviceItemLevels,
  type ServiceAudience,
} from '../../../../../shared/services.js';
import type { Locale } from '../../../../platform/i18n/messages.js';
import { serviceItemPath, type PublicServiceItem } from '../../services-directory.js';
import { say } from '../../views/text.js';
import { columnHref, localName, renderSitePage, siteHref, type SiteRequest } from '../site-page.js';
import { ArticleList, beijingDate, beijingMinute, Breadcrumb, textOf } from './parts.js';
import type { HomeColumn } from './home-page.js';

/** Chinese text (the guides are written in Chinese), marked as such on other-language pages. */
const zh = (locale: Locale, text: ComponentChild): ComponentChild => (locale === 'zh-CN' ? text : <span lang="zh-CN">{text}</span>);

export type AudienceFilter = ServiceAudience | 'all';

const audiencePaths: Record<AudienceFilter, string> = { all: '/services/', person: '/services/person/', legal: '/services/legal/' };

/** An item's guide on this site. */
export const itemHref = (at: SiteRequest, code: string): string => siteHref(at, serviceItemPath('', code));

function timeText(locale: Locale, item: Pick<PublicServiceItem, 'handlingType' | 'promisedDays'>): ComponentChild {
  const m = say(locale);
  return item.handlingType === 'instant' ? m('portal.services.instant') : m('portal.services.days', { days: item.promisedDays ?? 0 });
}

/** The items of one implementing organisation: 主项 and 子项, each with its 业务办理项 beneath. */
function ItemTable({ at, items, childrenOf }: { at: SiteRequest; items: readonly PublicServiceItem[]; childrenOf: (code: string) => readonly PublicServiceItem[] }) {
  const m = say(at.locale);
  const row = (item: PublicServiceItem, nested: boolean) => (
    <tr>
      <th scope="row" class={nested ? 'service-child' : undefined}>
        <a href={itemHref(at, item.code)}>{zh(at.locale, nested && item.handlingKind ? `${handlingKinds[item.handlingKind]}：${item.name}` : item.name)}</a>
      </th>
      <td>{zh(at.locale, serviceItemKinds[item.kind])}</td>
      <td>{timeText(at.locale, item)}</td>
      <td>{zh(at.locale, onlineDepths[item.onlineDepth])}</td>
    </tr>
  );
  return (
    <table class="service-list">
      <thead>
        <tr>
          <th scope="col">{m('portal.services.col.name')}</th>
          <th scope="col">{m('portal.services.col.kind')}</th>
          <th scope="col">{m('portal.services.col.time')}</th>
          <th scope="col">{m('portal.services.col.online')}</th>
        </tr>
      </thead>
      <tbody>{items.flatMap((item) => [row(item, false), ...childrenOf(item.code).map((child) => row(child, true))])}</tbody>
    </table>
  );
}

/** Beyond this many items, the entry lists the organisations and each has a page of its own. */
export const SERVICES_ON_ONE_PAGE = 150;

/** The organisations of a large catalogue, each with its count of items and of those done online. */
function OrgTable({ at, groups }: { at: SiteRequest; groups: readonly { name: string; orgId: string; items: readonly PublicServiceItem[] }[] }) {
  const m = say(at.locale);
  return (
    <table class="service-list">
      <thead>
        <tr>
          <th scope="col">{m('portal.services.col.org')}</th>
          <th scope="col">{m('portal.services.col.count')}</th>
          <th scope="col">{m('portal.services.col.online_count')}</th>
        </tr>
      </thead>
      <tbody>
        {groups.map((group) => (
          <tr>
            <th scope="row">
              <a href={siteHref(at, `/services/orgs/${group.orgId}/`)}>{zh(at.locale, group.name)}</a>
            </th>
            <td>{group.items.length}</td>
            <td>{group.items.filter((i) => onlineCapable(i.onlineDepth)).length}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * 办事服务 entry: the service items the site offers (the main portal: all of the deployment's; a
 * department's or county's site: those of its organisation's subtree), grouped by implementing
 * organisation, filterable by 个人/法人 on their own paths, then the site's service columns. `items`
 * is undefined when no service catalogue is loaded.
 */
export function renderServicesPage(
  at: SiteRequest,
  input: { items: readonly PublicServiceItem[] | undefined; audience: AudienceFilter; columns: readonly HomeColumn[]; org?: string },
): string {
  const m = say(at.locale);
  const pathOf = (id: string) => at.structure.byId.get(id)?.path ?? '';
  const { items, audience, columns, org } = input;
  const shown = (items ?? []).filter((item) => (audience === 'all' || item.audiences.includes(audience)) && (org === undefined || item.orgId === org));
  // A large catalogue is browsed by organisation: the entry lists them, each with its own page.
  const byOrganisation = org === undefined && shown.length > SERVICES_ON_ONE_PAGE;
  const codes = new Set(shown.map((i) => i.code));
  const children = new Map<string, PublicServiceItem[]>();
  for (const item of shown) {
    if (item.level !== 'handling' || !item.parentCode || !codes.has(item.parentCode)) continue;
    children.set(item.parentCode, [...(children.get(item.parentCode) ?? []), item]);
  }
  const top = shown.filter((item) => !(item.level === 'handling' && item.parentCode && codes.has(item.parentCode)));
  const byOrg = new Map<string, PublicServiceItem[]>();
  for (const item of top) byOrg.set(item.implementingOrg, [...(byOrg.get(item.implementingOrg) ?? []), item]);
  const online = shown.filter((i) => onlineCapable(i.onlineDepth)).length;
  return renderSitePage(at, {
    title: textOf(at.locale, 'portal.services.title'),
    section: 'services',
    columnName: '政务服务',
    body: (
      <>
        <h1>{org !== undefined && shown[0] ? <>{zh(at.locale, shown[0].implementingOrg)} · {m('portal.services.title')}</> : m('portal.services.title')}</h1>
        {items === undefined ? (
          <p class="notice">{m('portal.services.pending')}</p>
        ) : (
          <>
            <p class="notice">{m('portal.services.apply_note')}</p>
            <nav class="service-filter" aria-label={textOf(at.locale, 'portal.services.filter.audience')}>
              <ul>
                {(Object.keys(audiencePaths) as AudienceFilter[]).map((key) => (
                  <li>
                    <a href={siteHref(at, audiencePaths[key])} {...(key === audience ? { 'aria-current': 'page' } : {})}>
                      {m(`portal.services.filter.${key}`)}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
            {shown.length ? (
              <>
                <p>{m('portal.services.summary', { total: shown.length, online, rate: Math.round((online / shown.length) * 1000) / 10 })}</p>
                {byOrganisation ? (
                  <OrgTable at={at} groups={[...byOrg].map(([name, list]) => ({ name, orgId: list[0]!.orgId, items: shown.filter((i) => i.orgId === list[0]!.orgId) }))} />
                ) : (
                  [...byOrg].map(([name, list], i) => (
                    <section aria-labelledby={`svc-org-${i}`}>
                      <h2 id={`svc-org-${i}`}>{zh(at.locale, name)}</h2>
                      <ItemTable at={at} items={list} childrenOf={(code) => children.get(code) ?? []} />
                    </section>
                  ))
                )}
              </>
            ) : (
              <p class="muted">{m('portal.services.none')}</p>
            )}
          </>
        )}
        {columns.length ? (
          <>
            <h2>{m('portal.services.columns')}</h2>
            {columns.map(({ column, latest }) => (
              <section aria-labelledby={`svc-${column.id}`}>
                <h3 id={`svc-${column.id}`}>
                  <a href={columnHref(at, column)}>{localName(at.locale, column.nameZh, column.nameMn)}</a>
                </h3>
                {latest.length ? <ArticleList at={at} rows={latest} columnPathOf={pathOf} /> : <p class="muted">{m('portal.column.empty')}</p>}
              </section>
            ))}
          </>
        ) : items === undefined ? (
          <p class="muted">{m('portal.services.empty')}</p>
        ) : null}
      </>
    ),
  });
}

export const audienceOfPath = (rest: string): AudienceFilter | undefined =>
  (Object.entries(audiencePaths) as [AudienceFilter, string][]).find(([, path]) => rest === path || `${rest}/` === path)?.[0];

/** One item's 办事指南: every element, the materials as a table, the steps in order, and its 业务办理项. */
export function renderServiceGuide(at: SiteRequest, input: { item: PublicServiceItem; parent: PublicServiceItem | undefined; children: readonly PublicServiceItem[] }): string {
  const m = say(at.locale);
  const { item, parent, children } = input;
  const z = (text: ComponentChild) => zh(at.locale, text);
  const days = (value: number | null) => (value === null ? m('portal.services.no_legal_limit') : m('portal.services.days', { days: value }));
  const rows: [ComponentChild, ComponentChild][] = [
    [m('portal.services.el.code'), item.code],
    [m('portal.services.el.kind'), z(serviceItemKinds[item.kind])],
    [m('portal.services.el.level'), z(item.handlingKind ? `${serviceItemLevels[item.level]}（${handlingKinds[item.handlingKind]}）` : serviceItemLevels[item.level])],
    ...(parent ? ([[m('portal.services.el.parent'), <a href={itemHref(at, parent.code)}>{z(parent.name)}</a>]] as [ComponentChild, ComponentChild][]) : []),
    [m('portal.services.el.competent'), z(item.competentDept)],
    [m('portal.services.el.implementing'), z(item.implementingOrg)],
    [m('portal.services.el.audiences'), z(item.audiences.map((a) => serviceAudiences[a]).join('、'))],
    [m('portal.services.el.handling_type'), z(serviceHandlingTypes[item.handlingType])],
    [m('portal.services.el.legal_days'), days(item.legalDays)],
    [m('portal.services.el.promised_days'), timeText(at.locale, item)],
    [m('portal.services.el.online'), z(onlineDepths[item.onlineDepth])],
    [m('portal.services.el.fee'), z(item.fee)],
    [m('portal.services.el.place'), z(item.place)],
    [m('portal.services.el.phone'), item.phone],
    [m('portal.services.el.complaint'), item.complaintPhone || DEFAULT_COMPLAINT_PHONE],
    [m('portal.services.el.updated'), beijingDate(item.updatedAt)],
  ];
  return renderSitePage(at, {
    title: item.name,
    section: 'services',
    columnName: '政务服务',
    meta: { articleTitle: item.name, pubDate: beijingMinute(item.publishedAt), contentSource: item.implementingOrg },
    body: (
      <article class="service-guide">
        <Breadcrumb at={at} trail={[]} current={<a href={siteHref(at, '/services/')}>{m('portal.services.title')}</a>} />
        <h1>{z(item.name)}</h1>
        <p class="muted">{m('portal.services.guide')}</p>
        <table class="service-meta">
          <tbody>
            {rows.map(([label, value]) => (
              <tr>
                <th scope="row">{label}</th>
                <td>{value}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <h2>{m('portal.services.el.basis')}</h2>
        <p class="service-text">{z(item.basis)}</p>
        <h2>{m('portal.services.el.conditions')}</h2>
        <p class="service-text">{z(item.conditions)}</p>
        <h2>{m('portal.services.el.materials')}</h2>
        <table class="service-materials">
          <thead>
            <tr>
              <th scope="col">{m('portal.services.material.name')}</th>
              <th scope="col">{m('portal.services.material.form')}</th>
              <th scope="col">{m('portal.services.material.copies')}</th>
              <th scope="col">{m('portal.services.material.required')}</th>
              <th scope="col">{m('portal.services.material.note')}</th>
            </tr>
          </thead>
          <tbody>
            {item.materials.map((material) => (
              <tr>
                <td>{z(material.name)}</td>
                <td>{z(materialForms[material.form])}</td>
                <td>{material.copies}</td>
                <td>{material.required ? m('portal.services.yes') : m('portal.services.no')}</td>
                <td>{material.note ? z(material.note) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <h2>{m('portal.services.el.steps')}</h2>
        <ol class="service-steps">
          {item.steps.map((step) => (
            <li>
              <strong>{z(step.name)}</strong>
              {step.detail ? <>：{z(step.detail)}</> : null}
            </li>
          ))}
        </ol>
        {children.length ? (
          <>
            <h2>{m('portal.services.el.children')}</h2>
            <ul>
              {children.map((child) => (
                <li>
                  <a href={itemHref(at, child.code)}>{z(child.handlingKind ? `${handlingKinds[child.handlingKind]}：${child.name}` : child.name)}</a>
                </li>
              ))}
            </ul>
          </>
        ) : null}
        <p class="notice">{m('portal.services.apply_note')}</p>
        <p>
          <a href={siteHref(at, '/services/')}>{m('portal.services.back')}</a>
        </p>
      </article>
    ),
  });
}
