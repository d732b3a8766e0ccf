import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, Card, Descriptions, Form, Input, Modal, Space, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { questionKinds } from '../../shared/interaction.js';
import { useSurvey, useSurveyStep, type Survey } from '../api/interaction.js';
import { QueryError } from '../shell/forbidden.js';
import { formatDateTime } from '../shell/format.js';
import { SurveyStateTag, surveyKindLabel } from './labels.js';
import { SurveyResultsCard } from './survey-results.js';

type TextDialog = 'reject' | 'feedback';

/** The steps the server offers: edit, submit, approve or reject (a reviewer who is not the author), 反馈. */
function SurveyActions({ survey }: { survey: Survey }) {
  const navigate = useNavigate();
  const step = useSurveyStep(survey.id);
  const { message } = AntApp.useApp();
  const [dialog, setDialog] = useState<TextDialog | null>(null);
  const [form] = Form.useForm<{ text: string }>();
  const can = (a: string) => survey.actions.includes(a);
  const run = (command: Parameters<typeof step.mutate>[0], done: string) =>
    step.mutate(command, { onSuccess: () => (void message.success(done), setDialog(null)), onError: (e) => void message.error(e.message) });
  const open = (d: TextDialog) => {
    form.setFieldsValue({ text: d === 'feedback' ? (survey.feedback ?? '') : '' });
    setDialog(d);
  };
  return (
    <>
      <Space wrap>
        {can('edit') && <Button onClick={() => void navigate(`/interaction/surveys/${survey.id}/edit`)}>修改</Button>}
        {can('submit') && <Button type="primary" loading={step.isPending} onClick={() => run({ step: 'submit' }, '已送审')}>送审</Button>}
        {can('approve') && <Button type="primary" loading={step.isPending} onClick={() => run({ step: 'approve' }, '已审核通过并发布')}>审核通过并发布</Button>}
        {can('approve') && <Button danger onClick={() => open('reject')}>退回修改</Button>}
        {can('feedback') && <Button onClick={() => open('feedback')}>{survey.feedback ? '修改反馈' : '填写反馈'}</Button>}
      </Space>
      <Modal
        title={dialog === 'reject' ? '退回修改' : '反馈（随结果公开）'}
        open={dialog !== null}
        okText={dialog === 'reject' ? '退回' : '保存'}
        okButtonProps={{ danger: dialog === 'reject' }}
        cancelText="取消"
        confirmLoading={step.isPending}
        onOk={() => form.submit()}
        onCancel={() => setDialog(null)}
        forceRender
      >
        <Form form={form} layout="vertical" name="survey-step" onFinish={({ text }) => run(dialog === 'reject' ? { step: 'reject', reason: text.trim() } : { step: 'feedback', feedback: text.trim() }, dialog === 'reject' ? '已退回' : '反馈已保存')}>
          <Form.Item label={dialog === 'reject' ? '理由' : '反馈'} name="text" rules={[{ required: true, whitespace: true, message: dialog === 'reject' ? '请填写理由' : '请填写反馈' }]}>
            <Input.TextArea rows={dialog === 'reject' ? 4 : 8} maxLength={dialog === 'reject' ? 500 : 10_000} showCount />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

/** /interaction/surveys/:id — a survey's content, state and steps; once published its results. */
export function SurveyPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const query = useSurvey(id);
  if (query.isError) return <QueryError error={query.error} />;
  if (!query.data) return <Spin description="正在加载…" />;
  const s = query.data;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <title>{`${s.title} · 调查征集 · 兴安政务平台`}</title>
      <Card
        title={
          <Space>
            <Button type="text" icon={<ArrowLeftOutlined />} aria-label="返回调查征集列表" onClick={() => void navigate('/interaction?tab=surveys')} />
            <Typography.Title level={2} style={{ margin: 0, fontSize: 20 }}>{s.title}</Typography.Title>
          </Space>
        }
        extra={<SurveyActions survey={s} />}
      >
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <Space wrap><SurveyStateTag state={s.state} open={s.open} /></Space>
          {s.state === 'rejected' && s.rejectReason && <Alert type="warning" showIcon title={`退回理由：${s.rejectReason}`} />}
          {s.state === 'submitted' && !s.actions.includes('approve') && <Alert type="info" showIcon title="待审核：须由创建人以外的审核人员审核发布" />}
          <Descriptions size="small" bordered column={{ xs: 1, md: 2 }}>
            <Descriptions.Item label="类别">{surveyKindLabel(s.kind)}</Descriptions.Item>
            <Descriptions.Item label="征集时间">{formatDateTime(s.opensAt)} 至 {formatDateTime(s.closesAt)}</Descriptions.Item>
            <Descriptions.Item label="创建人">{s.createdByName}</Descriptions.Item>
            <Descriptions.Item label="审核人">{s.reviewedByName ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="发布时间">{formatDateTime(s.publishedAt)}</Descriptions.Item>
            <Descriptions.Item label="征集期间公开结果">{s.liveResults ? '是' : '否（结束后公开）'}</Descriptions.Item>
            {s.documentUrl && <Descriptions.Item label="文件链接" span={2}>{s.documentUrl}</Descriptions.Item>}
          </Descriptions>
          {s.description && <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{s.description}</Typography.Paragraph>}
          {s.documentText && (
            <section aria-label="征求意见的文件">
              <Typography.Title level={3} style={{ fontSize: 16 }}>征求意见的文件</Typography.Title>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', maxHeight: 320, overflow: 'auto' }}>{s.documentText}</Typography.Paragraph>
            </section>
          )}
          <section aria-label="问题">
            <Typography.Title level={3} style={{ fontSize: 16 }}>问题</Typography.Title>
            <ol>
              {s.questions.map((q) => (
                <li key={q.id}>
                  {q.title}
                  <span className="wb-kind">{questionKinds[q.kind]}{q.required ? ' · 必答' : ''}{q.maxLength ? ` · 不超过 ${q.maxLength} 字` : ''}</span>
                  {q.options.length > 0 && <div className="wb-kind">{q.options.join(' / ')}</div>}
                </li>
              ))}
            </ol>
          </section>
          {s.feedback && (
            <section aria-label="反馈">
              <Typography.Title level={3} style={{ fontSize: 16 }}>反馈</Typography.Title>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{s.feedback}</Typography.Paragraph>
            </section>
          )}
        </Space>
      </Card>
      {s.state === 'published' && <SurveyResultsCard surveyId={s.id} moderates={s.actions.includes('feedback')} />}
    </Space>
  );
}
