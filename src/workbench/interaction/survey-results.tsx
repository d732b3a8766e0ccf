import { App as AntApp, Button, Card, Empty, List, Space, Table, Tag, Typography } from 'antd';
import { questionKinds } from '../../shared/interaction.js';
import { useModerateAnswer, useSurveyResults, type SurveyResults as Results } from '../api/interaction.js';
import { QueryError } from '../shell/forbidden.js';
import { formatPercent } from './labels.js';

type Question = Results['questions'][number];
type Option = Question['options'][number];
type Text = Question['texts'][number];

const moderationTags: Record<string, { color: string; label: string }> = {
  pending: { color: 'gold', label: '待审核' },
  approved: { color: 'green', label: '已通过（公开）' },
  rejected: { color: 'default', label: '不公开' },
};

function Texts({ surveyId, texts, moderates }: { surveyId: string; texts: readonly Text[]; moderates: boolean }) {
  const moderate = useModerateAnswer(surveyId);
  const { message } = AntApp.useApp();
  const decide = (answerId: string, approved: boolean) =>
    moderate.mutate({ answerId, approved }, { onSuccess: () => void message.success(approved ? '已通过，将随结果公开' : '已设为不公开'), onError: (e) => void message.error(e.message) });
  return (
    <List<Text>
      size="small"
      bordered
      dataSource={[...texts]}
      locale={{ emptyText: '还没有填写内容' }}
      renderItem={(t) => {
        const tag = moderationTags[t.moderation] ?? moderationTags.pending!;
        return (
          <List.Item
            actions={
              moderates
                ? [
                    <Button key="ok" size="small" disabled={t.moderation === 'approved'} loading={moderate.isPending} onClick={() => decide(t.id, true)}>通过</Button>,
                    <Button key="no" size="small" danger disabled={t.moderation === 'rejected'} loading={moderate.isPending} onClick={() => decide(t.id, false)}>不公开</Button>,
                  ]
                : []
            }
          >
            <Space orientation="vertical" size={2}>
              <span style={{ whiteSpace: 'pre-wrap' }}>{t.text}</span>
              <Tag color={tag.color}>{tag.label}</Tag>
            </Space>
          </List.Item>
        );
      }}
    />
  );
}

/** 结果: counts and percentages (of the question's respondents) per option, and free-text answers with their moderation. */
export function SurveyResultsCard({ surveyId, moderates }: { surveyId: string; moderates: boolean }) {
  const results = useSurveyResults(surveyId);
  if (results.isError) return <QueryError error={results.error} />;
  const data = results.data;
  return (
    <Card loading={!data} title={<Typography.Title level={3} style={{ margin: 0, fontSize: 16 }}>结果{data ? `（共 ${data.responses} 份）` : ''}</Typography.Title>}>
      {data && !data.responses && <Empty description="还没有人参与" />}
      {data?.questions.map((q, i) => (
        <section key={q.id} aria-label={q.title} style={{ marginBottom: 24 }}>
          <Typography.Title level={4} style={{ fontSize: 15 }}>
            {i + 1}. {q.title}
            <span className="wb-kind">{questionKinds[q.kind]} · {q.respondents} 人作答</span>
          </Typography.Title>
          {q.kind === 'text' ? (
            <Texts surveyId={surveyId} texts={q.texts} moderates={moderates} />
          ) : (
            <Table<Option>
              rowKey="label"
              size="small"
              bordered
              pagination={false}
              dataSource={[...q.options]}
              columns={[
                { title: '选项', dataIndex: 'label' },
                { title: '人数', dataIndex: 'count', width: 90, align: 'right' },
                { title: '比例', dataIndex: 'percent', width: 100, align: 'right', render: formatPercent },
              ]}
            />
          )}
        </section>
      ))}
    </Card>
  );
}
