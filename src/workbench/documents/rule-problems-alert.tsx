import { Alert } from 'antd';
import type { RuleProblem } from '../api/documents.js';

/** Every 行文规则 problem the server found, as one alert (each is also shown under its field). */
export function RuleProblemsAlert({ problems }: { problems: readonly RuleProblem[] }) {
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      style={{ marginBottom: 16 }}
      title={problems.length > 1 ? `不符合行文规则（${problems.length} 处）` : '不符合行文规则'}
      description={
        <ul style={{ margin: 0, paddingInlineStart: 20 }}>
          {problems.map((p) => (
            <li key={p.code + p.message}>{p.message}</li>
          ))}
        </ul>
      }
    />
  );
}
