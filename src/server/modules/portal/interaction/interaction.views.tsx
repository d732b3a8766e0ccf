import { invalidReasons, mailboxKinds, messageLimits, type MailboxKind } from '../../../../shared/interaction.js';
import type { SurveyResults, SurveyView, StatisticsView } from './interaction.schema.js';
import type { PortalMessageRow } from './interaction.table.js';
import type { TrackView } from './message-intake.js';

/** The interaction area's public page bodies (inside the site chrome); every text is escaped by JSX. */

const date = (iso: string | null) => (iso ? new Date(iso).toLocaleDateString('zh-CN', { timeZone: 'Asia/Shanghai' }) : '');
const percent = (rate: number) => `${Math.round(rate * 1000) / 10}%`;
const paragraphs = (text: string) => text.split(/\n+/).map((line) => <p>{line}</p>);

export interface Links {
  home: string;
  write: (mailbox: string) => string;
  track: string;
  message: (id: string) => string;
  survey: (id: string) => string;
}

export function InteractionHome(props: {
  links: Links;
  messages: PortalMessageRow[];
  total: number;
  page: number;
  pageSize: number;
  statistics: StatisticsView;
  surveys: SurveyView[];
  now: Date;
}) {
  const { links, statistics: s } = props;
  const pages = Math.max(1, Math.ceil(props.total / props.pageSize));
  return (
    <div class="interaction">
      <h1>互动交流</h1>
      <section aria-labelledby="mailboxes">
        <h2 id="mailboxes">我要写信</h2>
        <ul>
          {(Object.keys(mailboxKinds) as MailboxKind[]).map((kind) => (
            <li>
              <a href={links.write(kind)}>{mailboxKinds[kind]}</a>
            </li>
          ))}
          <li>
            <a href={links.track}>来信查询</a>
          </li>
        </ul>
      </section>
      <section aria-labelledby="stats">
        <h2 id="stats">来信统计（近 12 个月）</h2>
        <dl>
          <dt>收到来信</dt>
          <dd>{s.received} 件</dd>
          <dt>已答复</dt>
          <dd>{s.answered} 件</dd>
          <dt>答复率</dt>
          <dd>{percent(s.answerRate)}</dd>
          <dt>平均答复用时</dt>
          <dd>{s.averageDays === null ? '—' : `${s.averageDays} 天`}</dd>
        </dl>
        <table>
          <caption>按月统计</caption>
          <thead>
            <tr>
              <th scope="col">月份</th>
              <th scope="col">收信</th>
              <th scope="col">答复</th>
            </tr>
          </thead>
          <tbody>
            {s.months.map((m) => (
              <tr>
                <th scope="row">{m.month}</th>
                <td>{m.received}</td>
                <td>{m.answered}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {props.surveys.length ? (
        <section aria-labelledby="surveys">
          <h2 id="surveys">在线调查与意见征集</h2>
          <ul>
            {props.surveys.map((survey) => (
              <li>
                <a href={links.survey(survey.id)}>{survey.title}</a>{' '}
                <span class="muted">
                  {date(survey.opensAt)}—{date(survey.closesAt)}（{survey.open ? '进行中' : new Date(survey.closesAt) <= props.now ? '已结束' : '未开始'}）
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="answered">
        <h2 id="answered">来信选登</h2>
        {props.messages.length ? (
          <ul>
            {props.messages.map((m) => (
              <li>
                <a href={links.message(m.id)}>{m.subject}</a> <span class="muted">{mailboxKinds[m.mailbox]} · 答复于 {date(m.answered_at)}</span>
              </li>
            ))}
          </ul>
        ) : (
          <p>暂无公开的来信。</p>
        )}
        {pages > 1 ? (
          <nav aria-label="分页">
            {props.page > 1 ? <a href={`${links.home}?page=${props.page - 1}`}>上一页</a> : null} 第 {props.page} / {pages} 页{' '}
            {props.page < pages ? <a href={`${links.home}?page=${props.page + 1}`}>下一页</a> : null}
          </nav>
        ) : null}
      </section>
    </div>
  );
}

export interface WriteFormProps {
  links: Links;
  mailbox: MailboxKind;
  values?: Record<string, string>;
  problem?: string;
  fields?: readonly { path: string; message: string }[];
}

export function WriteForm({ links, mailbox, values = {}, problem, fields = [] }: WriteFormProps) {
  const fieldProblem = (name: string) => fields.find((f) => f.path === name)?.message;
  const Problem = ({ name }: { name: string }) => (fieldProblem(name) ? <span class="problem" id={`${name}-problem`}>{fieldProblem(name)}</span> : null);
  return (
    <div class="interaction">
      <h1>{mailboxKinds[mailbox]}</h1>
      {problem ? (
        <p class="problem" role="alert">
          {problem}
        </p>
      ) : null}
      <form method="post" action={links.write(mailbox)}>
        <p>
          <label for="name">姓名（必填）</label>
          <input id="name" name="name" required maxlength={messageLimits.name} value={values.name ?? ''} autocomplete="name" />
          <Problem name="name" />
        </p>
        <p>
          <label for="phone">手机号码（必填，不公开）</label>
          <input id="phone" name="phone" required inputmode="tel" maxlength={20} value={values.phone ?? ''} autocomplete="tel" />
          <Problem name="phone" />
        </p>
        <p>
          <label for="email">电子邮箱（选填）</label>
          <input id="email" name="email" type="email" maxlength={messageLimits.email} value={values.email ?? ''} autocomplete="email" />
          <Problem name="email" />
        </p>
        <p>
          <label for="subject">标题（必填）</label>
          <input id="subject" name="subject" required maxlength={messageLimits.subject} value={values.subject ?? ''} />
          <Problem name="subject" />
        </p>
        <p>
          <label for="body">来信内容（必填，不超过 {messageLimits.body} 字）</label>
          <textarea id="body" name="body" required rows={10} maxlength={messageLimits.body}>
            {values.body ?? ''}
          </textarea>
          <Problem name="body" />
        </p>
        <p class="hp" aria-hidden="true" style="position:absolute;left:-10000px">
          <label for="website">请勿填写此项</label>
          <input id="website" name="website" tabindex={-1} autocomplete="off" />
        </p>
        <p>
          <input id="consent" name="consent" type="checkbox" value="1" checked={values.consent === '1'} />
          <label for="consent">同意公开来信内容及答复（不公开姓名、电话等个人信息）</label>
        </p>
        <p>
          <button type="submit">提交</button>
        </p>
      </form>
      <p class="muted">
        说明：来信自收到之日起三个月内答复。同一网络地址每小时最多提交 {messageLimits.perIpPerHour} 封，同一手机号码每天最多 {messageLimits.perPhonePerDay} 封。
      </p>
    </div>
  );
}

export function Submitted({ links, trackingCode }: { links: Links; trackingCode: string }) {
  return (
    <div class="interaction">
      <h1>来信已提交</h1>
      <p>
        您的查询码：<strong class="tracking-code">{trackingCode}</strong>
      </p>
      <p>请妥善保存查询码，凭查询码和手机号码后四位可在“<a href={links.track}>来信查询</a>”查看办理进度和答复。</p>
    </div>
  );
}

export function TrackPage({ links, result, problem, code }: { links: Links; result?: TrackView; problem?: string; code?: string }) {
  return (
    <div class="interaction">
      <h1>来信查询</h1>
      {problem ? (
        <p class="problem" role="alert">
          {problem}
        </p>
      ) : null}
      <form method="post" action={links.track}>
        <p>
          <label for="code">查询码</label>
          <input id="code" name="code" required maxlength={20} value={code ?? ''} autocomplete="off" />
        </p>
        <p>
          <label for="last4">手机号码后四位</label>
          <input id="last4" name="last4" required maxlength={4} inputmode="numeric" autocomplete="off" />
        </p>
        <p>
          <button type="submit">查询</button>
        </p>
      </form>
      {result ? (
        <section aria-labelledby="result">
          <h2 id="result">{result.subject}</h2>
          <dl>
            <dt>信箱</dt>
            <dd>{mailboxKinds[result.mailbox]}</dd>
            <dt>状态</dt>
            <dd>{result.stateLabel}</dd>
            <dt>收信日期</dt>
            <dd>{date(result.receivedAt)}</dd>
            <dt>答复期限</dt>
            <dd>{result.dueOn}</dd>
          </dl>
          {result.answer ? (
            <div class="answer">
              <h3>
                答复（{result.answerOrgName}，{date(result.answeredAt)}）
              </h3>
              {paragraphs(result.answer)}
            </div>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}

export function MessagePage({ message }: { message: PortalMessageRow }) {
  return (
    <article class="interaction">
      <h1>{message.subject}</h1>
      <p class="muted">
        {mailboxKinds[message.mailbox]} · 来信日期 {date(message.received_at)}
      </p>
      <section aria-labelledby="question">
        <h2 id="question">来信内容</h2>
        {paragraphs(message.body)}
      </section>
      <section aria-labelledby="answer">
        <h2 id="answer">答复</h2>
        <p class="muted">
          答复单位：{message.answer_org_name} · 答复日期 {date(message.answered_at)}
        </p>
        {paragraphs(message.answer ?? '')}
      </section>
    </article>
  );
}

export function SurveyPage(props: { links: Links; survey: SurveyView; results?: SurveyResults; problem?: string; thanks?: boolean; now: Date }) {
  const { survey, results } = props;
  return (
    <article class="interaction">
      <h1>{survey.title}</h1>
      <p class="muted">
        {survey.kind === 'opinions' ? '意见征集' : '在线调查'} · {date(survey.opensAt)}—{date(survey.closesAt)}
      </p>
      {paragraphs(survey.description)}
      {survey.documentText ? (
        <section aria-labelledby="document">
          <h2 id="document">征求意见稿</h2>
          {paragraphs(survey.documentText)}
        </section>
      ) : null}
      {survey.documentUrl ? (
        <p>
          <a href={survey.documentUrl}>查看征求意见的文件</a>
        </p>
      ) : null}
      {props.thanks ? <p role="status">感谢您的参与，提交成功。</p> : null}
      {props.problem ? (
        <p class="problem" role="alert">
          {props.problem}
        </p>
      ) : null}
      {survey.open && !props.thanks ? (
        <form method="post" action={props.links.survey(survey.id)}>
          {survey.questions.map((q, i) => (
            <fieldset>
              <legend>
                {i + 1}. {q.title}
                {q.required ? '（必答）' : ''}
              </legend>
              {q.kind === 'text' ? (
                <textarea name={`q_${q.id}`} aria-label={q.title} rows={5} maxlength={q.maxLength ?? 500} />
              ) : (
                q.options.map((option, index) => (
                  <label>
                    <input type={q.kind === 'single' ? 'radio' : 'checkbox'} name={`q_${q.id}`} value={String(index)} /> {option}
                  </label>
                ))
              )}
            </fieldset>
          ))}
          <p>
            <button type="submit">提交</button>
          </p>
        </form>
      ) : null}
      {!survey.open && new Date(survey.opensAt) > props.now ? <p>该调查尚未开始。</p> : null}
      {results ? (
        <section aria-labelledby="results">
          <h2 id="results">调查结果（共 {results.responses} 人参与）</h2>
          {results.questions.map((q) => (
            <div>
              <h3>{q.title}</h3>
              {q.kind === 'text' ? (
                q.texts.length ? (
                  <ul>
                    {q.texts.map((t) => (
                      <li>{t.text}</li>
                    ))}
                  </ul>
                ) : (
                  <p>暂无公开的意见。</p>
                )
              ) : (
                <table>
                  <thead>
                    <tr>
                      <th scope="col">选项</th>
                      <th scope="col">人数</th>
                      <th scope="col">比例</th>
                    </tr>
                  </thead>
                  <tbody>
                    {q.options.map((o) => (
                      <tr>
                        <th scope="row">{o.label}</th>
                        <td>{o.count}</td>
                        <td>{o.percent}%</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </div>
          ))}
          {survey.feedback ? (
            <section aria-labelledby="feedback">
              <h3 id="feedback">反馈</h3>
              {paragraphs(survey.feedback)}
            </section>
          ) : null}
        </section>
      ) : null}
    </article>
  );
}

export const invalidReasonLabel = (reason: keyof typeof invalidReasons) => invalidReasons[reason];
