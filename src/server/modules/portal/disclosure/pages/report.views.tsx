import {
  applicantKinds,
  matrixColumns,
  outcomeRows,
  reportSections,
  reviewGroups,
  reviewOutcomes,
} from '../../../../../shared/disclosure.js';
import type { ReportView } from '../report.schema.js';

/**
 * The annual report (政府信息公开工作年度报告) as published: its headings and tables are the statutory
 * format, so it is Chinese on every page (the page marks it lang="zh-CN" when it is not Chinese).
 */
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
