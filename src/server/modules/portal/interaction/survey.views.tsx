import type { Locale } from '../../../platform/i18n/messages.js';
import { say } from '../views/text.js';
import type { SurveyResults, SurveyView } from './interaction.schema.js';
import { chinese, date, paragraphs, type Links } from './interaction.views.js';

/** One survey or consultation: the questions (a plain form), the thanks, and the results once shown. */
export function SurveyPage(props: { locale: Locale; links: Links; survey: SurveyView; results?: SurveyResults; problem?: string; thanks?: boolean; now: Date }) {
  const { survey, results, locale } = props;
  const m = say(locale);
  const stored = locale === 'zh-CN' ? undefined : 'zh-CN';
  return (
    <article class="interaction">
      <h1 lang={stored}>{survey.title}</h1>
      <p class="muted">
        {m(survey.kind === 'opinions' ? 'portal.interaction.survey.kind.opinions' : 'portal.interaction.survey.kind.survey')} · {date(survey.opensAt)}—{date(survey.closesAt)}
      </p>
      <div lang={stored}>{paragraphs(survey.description)}</div>
      {survey.documentText ? (
        <section aria-labelledby="document">
          <h2 id="document">{m('portal.interaction.survey.document')}</h2>
          <div lang={stored}>{paragraphs(survey.documentText)}</div>
        </section>
      ) : null}
      {survey.documentUrl ? (
        <p>
          <a href={survey.documentUrl}>{m('portal.interaction.survey.document_link')}</a>
        </p>
      ) : null}
      {props.thanks ? <p role="status">{m('portal.interaction.survey.thanks')}</p> : null}
      {props.problem ? (
        <p class="problem" role="alert">
          {chinese(locale, props.problem)}
        </p>
      ) : null}
      {survey.open && !props.thanks ? (
        <form method="post" action={props.links.survey(survey.id)}>
          {survey.questions.map((q, i) => (
            <fieldset lang={stored}>
              <legend>
                {i + 1}. {q.title}
                {q.required ? m('portal.interaction.survey.required') : ''}
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
            <button type="submit">{m('portal.interaction.form.submit')}</button>
          </p>
        </form>
      ) : null}
      {!survey.open && new Date(survey.opensAt) > props.now ? <p>{m('portal.interaction.survey.not_open')}</p> : null}
      {results ? (
        <section aria-labelledby="results">
          <h2 id="results">{m('portal.interaction.survey.results', { count: results.responses })}</h2>
          {results.questions.map((q) => (
            <div>
              <h3 lang={stored}>{q.title}</h3>
              {q.kind === 'text' ? (
                q.texts.length ? (
                  <ul lang={stored}>
                    {q.texts.map((t) => (
                      <li>{t.text}</li>
                    ))}
                  </ul>
                ) : (
                  <p>{m('portal.interaction.survey.no_texts')}</p>
                )
              ) : (
                <table>
                  <thead>
                    <tr>
                      <th scope="col">{m('portal.interaction.survey.option')}</th>
                      <th scope="col">{m('portal.interaction.survey.votes')}</th>
                      <th scope="col">{m('portal.interaction.survey.share')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {q.options.map((o) => (
                      <tr>
                        <th scope="row" lang={stored}>
                          {o.label}
                        </th>
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
              <h3 id="feedback">{m('portal.interaction.survey.feedback')}</h3>
              <div lang={stored}>{paragraphs(survey.feedback)}</div>
            </section>
          ) : null}
        </section>
      ) : null}
    </article>
  );
}
