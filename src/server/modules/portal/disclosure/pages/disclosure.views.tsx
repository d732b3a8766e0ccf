import type { ComponentChildren } from 'preact';
import {
  applicantKinds,
  deliveryForms,
  disclosureCategories,
  entryValidities,
  matrixColumns,
  outcomeRows,
  reportSections,
  reviewGroups,
  reviewOutcomes,
  type DisclosureCategory,
} from '../../../../../shared/disclosure.js';
import { trustedHtml } from '../../../../platform/views/render.js';
import type { EntryView } from '../catalogue.schema.js';
import type { ReportView } from '../report.schema.js';
import type { TrackedView } from '../request.schema.js';

/** Links inside the disclosure platform of one site. */
export interface Here {
  /** `/fgw/disclosure` (no trailing slash). */
  readonly base: string;
  readonly orgName: string;
}

export function Nav({ here }: { here: Here }) {
  const links = [
    ['/', '信息公开首页'],
    ['/guide', '政府信息公开指南'],
    ['/rules', '政府信息公开制度'],
    ['/catalogue', '政府信息公开目录'],
    ['/apply', '依申请公开'],
    ['/track', '申请进度查询'],
    ['/reports', '政府信息公开年报'],
  ] as const;
  return (
    <nav class="disclosure-nav" aria-label="政府信息公开">
      <ul>
        {links.map(([path, label]) => (
          <li>
            <a href={`${here.base}${path === '/' ? '/' : path}`}>{label}</a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export function Page({ here, title, children }: { here: Here; title: string; children: ComponentChildren }) {
  return (
    <div class="disclosure">
      <p class="muted">{here.orgName} · 政府信息公开</p>
      <h1>{title}</h1>
      <Nav here={here} />
      {children}
    </div>
  );
}

export function EntryRows({ here, items }: { here: Here; items: readonly EntryView[] }) {
  if (!items.length) return <p>暂无条目。</p>;
  return (
    <table class="disclosure-list">
      <thead>
        <tr>
          <th scope="col">索引号</th>
          <th scope="col">名称</th>
          <th scope="col">成文日期</th>
          <th scope="col">发布日期</th>
          <th scope="col">效力</th>
        </tr>
      </thead>
      <tbody>
        {items.map((e) => (
          <tr>
            <td>{e.indexNumber}</td>
            <td>
              <a href={`${here.base}/entries/${e.id}`}>{e.title}</a>
            </td>
            <td>{e.documentDate}</td>
            <td>{e.publishDate}</td>
            <td>{entryValidities[e.validity]}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function CatalogueFilters({ here, category, validity, q }: { here: Here; category?: string | undefined; validity?: string | undefined; q?: string | undefined }) {
  return (
    <form method="get" action={`${here.base}/catalogue`} class="disclosure-filters">
      <label>
        类别{' '}
        <select name="category">
          <option value="">全部</option>
          {Object.entries(disclosureCategories).map(([k, label]) => (
            <option value={k} selected={k === category}>
              {label}
            </option>
          ))}
        </select>
      </label>{' '}
      <label>
        效力{' '}
        <select name="validity">
          <option value="">全部</option>
          {Object.entries(entryValidities).map(([k, label]) => (
            <option value={k} selected={k === validity}>
              {label}
            </option>
          ))}
        </select>
      </label>{' '}
      <label>
        关键词 <input name="q" value={q ?? ''} maxLength={100} />
      </label>{' '}
      <button type="submit">筛选</button>
    </form>
  );
}

export function Pager({ href, page, pageSize, total }: { href: (page: number) => string; page: number; pageSize: number; total: number }) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <p class="pager">
      共 {total} 条，第 {page}/{pages} 页{' '}
      {page > 1 ? <a href={href(page - 1)}>上一页</a> : null} {page < pages ? <a href={href(page + 1)}>下一页</a> : null}
    </p>
  );
}

export function EntryDetail({ entry, fileHref }: { entry: EntryView; fileHref: string | null }) {
  return (
    <div>
      <table class="disclosure-meta">
        <tbody>
          <tr>
            <th scope="row">索引号</th>
            <td>{entry.indexNumber}</td>
            <th scope="row">主题分类</th>
            <td>{disclosureCategories[entry.category as DisclosureCategory]}</td>
          </tr>
          <tr>
            <th scope="row">发布机构</th>
            <td>{entry.publisher}</td>
            <th scope="row">文号</th>
            <td>{entry.docNumber ?? '—'}</td>
          </tr>
          <tr>
            <th scope="row">成文日期</th>
            <td>{entry.documentDate}</td>
            <th scope="row">发布日期</th>
            <td>{entry.publishDate}</td>
          </tr>
          <tr>
            <th scope="row">效力</th>
            <td colSpan={3}>
              <strong>{entryValidities[entry.validity]}</strong>
              {entry.validity !== 'valid' ? `（自 ${entry.validityDate ?? ''} 起${entryValidities[entry.validity]}：${entry.validityNote ?? ''}）` : null}
            </td>
          </tr>
        </tbody>
      </table>
      {entry.summary ? <p>{entry.summary}</p> : null}
      {fileHref ? (
        <p>
          附件：<a href={fileHref}>{entry.fileName}</a>
        </p>
      ) : null}
    </div>
  );
}

export const RichText = ({ html }: { html: string }) => <div class="disclosure-text">{trustedHtml(html)}</div>;

const field = (name: string, label: string, input: ComponentChildren, error?: string) => (
  <p class={error ? 'field field-error' : 'field'}>
    <label for={`f-${name}`}>{label}</label>
    <br />
    {input}
    {error ? (
      <>
        <br />
        <strong role="alert">{error}</strong>
      </>
    ) : null}
  </p>
);

export interface ApplyFormState {
  readonly values: Readonly<Record<string, string>>;
  readonly errors: Readonly<Record<string, string>>;
  readonly problem?: string | undefined;
}

/** The request form: a plain HTML form that works without JavaScript. */
export function ApplyForm({ action, state }: { action: string; state: ApplyFormState }) {
  const v = (k: string) => state.values[k] ?? '';
  const text = (name: string, label: string, max: number, type: 'text' | 'tel' | 'email' = 'text') =>
    field(
      name,
      label,
      type === 'email' ? (
        <input id={`f-${name}`} name={name} type="email" value={v(name)} maxLength={max} />
      ) : type === 'tel' ? (
        <input id={`f-${name}`} name={name} type="tel" value={v(name)} maxLength={max} required />
      ) : (
        <input id={`f-${name}`} name={name} type="text" value={v(name)} maxLength={max} required={name !== 'address'} />
      ),
      state.errors[name],
    );
  return (
    <form method="post" action={action} class="disclosure-form">
      {state.problem ? <p role="alert">{state.problem}</p> : null}
      {field(
        'applicantKind',
        '申请人类型',
        <select id="f-applicantKind" name="applicantKind">
          {Object.entries(applicantKinds).map(([k, label]) => (
            <option value={k} selected={v('applicantKind') === k}>
              {k === 'person' ? label : `法人或其他组织：${label}`}
            </option>
          ))}
        </select>,
        state.errors.applicantKind,
      )}
      {text('name', '姓名或名称', 100)}
      {text('idNumber', '身份证号码或统一社会信用代码', 30)}
      {text('phone', '联系电话（手机）', 20, 'tel')}
      {text('address', '通信地址（选填）', 200)}
      {text('email', '电子邮箱（选填）', 100, 'email')}
      {field('content', '所需政府信息的名称、文号或便于查询的其他特征描述', <textarea id="f-content" name="content" rows={6} maxLength={4000} required>{v('content')}</textarea>, state.errors.content)}
      {field('purpose', '用途', <textarea id="f-purpose" name="purpose" rows={2} maxLength={1000} required>{v('purpose')}</textarea>, state.errors.purpose)}
      {field(
        'form',
        '获取信息的方式',
        <select id="f-form" name="form">
          {Object.entries(deliveryForms).map(([k, label]) => (
            <option value={k} selected={v('form') === k}>
              {label}
            </option>
          ))}
        </select>,
        state.errors.form,
      )}
      <p class="muted">个人信息仅用于办理本申请，加密保存。提交后将获得查询码，请妥善保存。</p>
      <button type="submit">提交申请</button>
    </form>
  );
}

export function TrackForm({ action, problem, code }: { action: string; problem?: string | undefined; code?: string | undefined }) {
  return (
    <form method="post" action={action} class="disclosure-form">
      {problem ? <p role="alert">{problem}</p> : null}
      {field('code', '查询码', <input id="f-code" name="code" value={code ?? ''} maxLength={20} required />)}
      {field('phoneLast4', '手机号码后四位', <input id="f-phoneLast4" name="phoneLast4" inputMode="numeric" pattern="[0-9]{4}" maxLength={4} required />)}
      <button type="submit">查询</button>
    </form>
  );
}

export function Tracked({ t, noticeAction, correctionAction, phoneLast4 }: { t: TrackedView; noticeAction: string; correctionAction: string; phoneLast4: string }) {
  return (
    <div>
      <table class="disclosure-meta">
        <tbody>
          <tr><th scope="row">查询码</th><td>{t.trackingCode}</td></tr>
          <tr><th scope="row">受理机关</th><td>{t.orgName}</td></tr>
          <tr><th scope="row">收到日期</th><td>{t.receivedOn}</td></tr>
          <tr><th scope="row">办理状态</th><td><strong>{t.statusLabel}</strong></td></tr>
          <tr><th scope="row">答复期限</th><td>{t.deadline ?? '（计时暂停）'}{t.extensionDays ? `（已延期 ${t.extensionDays} 个工作日：${t.extensionReason ?? ''}）` : ''}</td></tr>
          {t.replyKindLabel ? <tr><th scope="row">答复结果</th><td>{t.replyKindLabel}（{t.repliedOn}）</td></tr> : null}
        </tbody>
      </table>
      {t.status === 'correction' ? (
        <form method="post" action={correctionAction} class="disclosure-form">
          <p role="alert">补正告知：{t.correctionNotice}</p>
          <input type="hidden" name="code" value={t.trackingCode} />
          <input type="hidden" name="phoneLast4" value={phoneLast4} />
          {field('content', '补正内容', <textarea id="f-content" name="content" rows={4} maxLength={4000} required />)}
          <button type="submit">提交补正</button>
        </form>
      ) : null}
      {t.noticeAvailable ? (
        <form method="post" action={noticeAction}>
          <input type="hidden" name="code" value={t.trackingCode} />
          <input type="hidden" name="phoneLast4" value={phoneLast4} />
          <button type="submit">下载答复告知书（PDF）</button>
        </form>
      ) : null}
      <h2>办理记录</h2>
      <ol>
        {t.history.map((e) => (
          <li>
            {e.at.slice(0, 10)} {e.label}
            {e.note ? `：${e.note}` : ''}
          </li>
        ))}
      </ol>
    </div>
  );
}

const MatrixTable = ({ rows }: { rows: readonly { label: string; row: Record<string, number> }[] }) => (
  <table class="disclosure-report">
    <thead>
      <tr>
        <th scope="col">项目</th>
        {matrixColumns.map((c) => (
          <th scope="col">{c === 'total' ? '总计' : applicantKinds[c]}</th>
        ))}
      </tr>
    </thead>
    <tbody>
      {rows.map((r) => (
        <tr>
          <th scope="row">{r.label}</th>
          {matrixColumns.map((c) => (
            <td>{r.row[c]}</td>
          ))}
        </tr>
      ))}
    </tbody>
  </table>
);

export function ReportBody({ report }: { report: ReportView }) {
  const d = report.data;
  const para = (text: string) => text.split(/\n+/).filter(Boolean).map((p) => <p>{p}</p>);
  return (
    <div>
      <h2>{reportSections.overview}</h2>
      {para(d.sections.overview)}
      <h2>二、主动公开政府信息情况</h2>
      <table class="disclosure-report">
        <thead>
          <tr><th scope="col">信息内容</th><th scope="col">本年制发件数</th><th scope="col">本年废止件数</th><th scope="col">现行有效件数</th></tr>
        </thead>
        <tbody>
          {d.proactive.map((p) => (
            <tr><th scope="row">{p.label}</th><td>{p.issued}</td><td>{p.abolished}</td><td>{p.valid}</td></tr>
          ))}
        </tbody>
      </table>
      <p>行政许可处理决定 {d.proactiveFigures.licensing} 件；行政处罚 {d.proactiveFigures.penalties} 件；行政强制 {d.proactiveFigures.enforcement} 件；行政事业性收费 {d.proactiveFigures.feesTenThousandYuan} 万元。</p>
      <h2>三、收到和处理政府信息公开申请情况</h2>
      <MatrixTable
        rows={[
          { label: '一、本年新收政府信息公开申请数量', row: d.requests.received },
          { label: '二、上年结转政府信息公开申请数量', row: d.requests.carriedOver },
          ...outcomeRows.map((r) => ({ label: `三、本年度办理结果 ${r.label}`, row: d.requests.outcomes[r.key]! })),
          { label: '四、结转下年度继续办理', row: d.requests.carriedForward },
        ]}
      />
      <h2>四、政府信息公开行政复议、行政诉讼情况</h2>
      <table class="disclosure-report">
        <thead>
          <tr>
            <th scope="col">类别</th>
            {Object.values(reviewOutcomes).map((l) => <th scope="col">{l}</th>)}
          </tr>
        </thead>
        <tbody>
          {Object.entries(reviewGroups).map(([g, label]) => (
            <tr>
              <th scope="row">{label}</th>
              {Object.keys(reviewOutcomes).map((o) => <td>{(d.reviews as Record<string, Record<string, number>>)[g]![o]}</td>)}
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{reportSections.problems}</h2>
      {para(d.sections.problems)}
      <h2>{reportSections.other}</h2>
      {para(d.sections.other)}
    </div>
  );
}
