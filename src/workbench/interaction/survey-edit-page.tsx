import { App as AntApp, Button, Card, Col, DatePicker, Form, Input, Radio, Row, Space, Spin, Switch, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useNavigate, useParams } from 'react-router';
import { surveyKinds, type SurveyKind } from '../../shared/interaction.js';
import { useCreateSurvey, useInteractionSites, useSurvey, useUpdateSurvey, type Survey, type SurveyUpdateBody } from '../api/interaction.js';
import { QueryError } from '../shell/forbidden.js';
import { QuestionFields, splitOptions, type QuestionValues } from './survey-questions.js';
import { SiteSelect } from './site-select.js';

interface Values {
  siteId: string;
  kind: SurveyKind;
  title: string;
  description?: string;
  documentText?: string;
  documentUrl?: string;
  window: [Dayjs, Dayjs];
  liveResults: boolean;
  questions: QuestionValues[];
}

function bodyOf(v: Values): SurveyUpdateBody {
  return {
    title: v.title.trim(),
    description: v.description?.trim() ?? '',
    documentText: v.documentText?.trim() || null,
    documentUrl: v.documentUrl?.trim() || null,
    opensAt: v.window[0].toISOString(),
    closesAt: v.window[1].toISOString(),
    liveResults: v.liveResults,
    questions: v.questions.map((q) => ({
      kind: q.kind,
      title: q.title.trim(),
      options: q.kind === 'text' ? [] : splitOptions(q.optionsText),
      maxLength: q.kind === 'text' ? (q.maxLength ?? null) : null,
      required: q.required,
    })),
  };
}

const valuesOf = (s: Survey): Partial<Values> => ({
  siteId: s.siteId,
  kind: s.kind,
  title: s.title,
  description: s.description,
  documentText: s.documentText ?? '',
  documentUrl: s.documentUrl ?? '',
  window: [dayjs(s.opensAt), dayjs(s.closesAt)],
  liveResults: s.liveResults,
  questions: s.questions.map((q) => ({ kind: q.kind, title: q.title, optionsText: q.options.join('\n'), maxLength: q.maxLength, required: q.required })),
});

/** /interaction/surveys/new and /:id/edit — a survey or call for opinions, written by the site's editor. */
export function SurveyEditPage() {
  const { id } = useParams();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form);
  const sites = useInteractionSites();
  const editable = (sites.data?.items ?? []).filter((s) => s.actions.includes('createSurvey'));
  const existing = useSurvey(id);
  const create = useCreateSurvey();
  const update = useUpdateSurvey(id ?? '');
  const { message } = AntApp.useApp();

  useEffect(() => {
    if (existing.data) form.setFieldsValue(valuesOf(existing.data));
  }, [existing.data, form]);
  const firstSite = editable[0]?.id;
  useEffect(() => {
    if (!id && firstSite && !form.getFieldValue('siteId')) form.setFieldValue('siteId', firstSite);
  }, [id, firstSite, form]);

  if (existing.isError) return <QueryError error={existing.error} />;
  if (id && !existing.data) return <Spin description="正在加载…" />;

  const onKind = (next: SurveyKind) => {
    // A call for opinions needs a free-text opinion question: offer one.
    const qs = (form.getFieldValue('questions') as QuestionValues[] | undefined) ?? [];
    if (next === 'opinions' && !qs.some((q) => q.kind === 'text')) form.setFieldValue('questions', [...qs, { kind: 'text', title: '您的意见和建议', maxLength: 2000, required: true }]);
  };
  const onFinish = (v: Values) => {
    const done = { onSuccess: (s: Survey) => (void message.success('已保存'), void navigate(`/interaction/surveys/${s.id}`)), onError: (e: Error) => void message.error(e.message) };
    if (id) update.mutate(bodyOf(v), done);
    else create.mutate({ ...bodyOf(v), siteId: v.siteId, kind: v.kind }, done);
  };

  return (
    <Card title={<Typography.Title level={2} style={{ margin: 0, fontSize: 20 }}>{id ? '修改调查征集' : '新建调查征集'}</Typography.Title>}>
      <title>{`${id ? '修改' : '新建'}调查征集 · 兴安政务平台`}</title>
      <Form<Values>
        form={form}
        layout="vertical"
        name="survey"
        onFinish={onFinish}
        initialValues={{ kind: 'survey', liveResults: false, questions: [{ kind: 'single', title: '', required: true }] }}
        style={{ maxWidth: 900 }}
      >
        <Row gutter={12}>
          <Col xs={24} md={12}>
            <Form.Item label="网站" name="siteId" rules={[{ required: true, message: '请选择网站' }]}>
              <SiteSelect id="survey-site" sites={id ? (sites.data?.items ?? []) : editable} disabled={Boolean(id)} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label="类别" name="kind">
              <Radio.Group disabled={Boolean(id)} onChange={(e) => onKind(e.target.value as SurveyKind)} options={Object.entries(surveyKinds).map(([value, label]) => ({ value, label }))} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label="标题" name="title" rules={[{ required: true, whitespace: true, message: '请填写标题' }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item label="说明" name="description">
          <Input.TextArea rows={3} maxLength={5000} />
        </Form.Item>
        {kind === 'opinions' && (
          <>
            <Form.Item label="征求意见的文件（全文）" name="documentText" extra="全文或链接至少填一项">
              <Input.TextArea rows={6} maxLength={50_000} />
            </Form.Item>
            <Form.Item label="文件链接" name="documentUrl" rules={[{ pattern: /^(\/|https?:\/\/)/, message: '链接须以 / 或 http(s):// 开头' }]}>
              <Input maxLength={500} placeholder="/zwgk/... 或 https://..." />
            </Form.Item>
          </>
        )}
        <Row gutter={12} align="bottom">
          <Col xs={24} md={14}>
            <Form.Item label="征集时间" name="window" rules={[{ required: true, message: '请选择起止时间' }]}>
              <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={10}>
            <Form.Item label="征集期间公开结果" name="liveResults" valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
        </Row>
        <Typography.Title level={3} style={{ fontSize: 16 }}>问题</Typography.Title>
        <QuestionFields />
        <Space style={{ marginTop: 24 }}>
          <Button type="primary" htmlType="submit" loading={create.isPending || update.isPending}>
            保存
          </Button>
          <Button onClick={() => void navigate(id ? `/interaction/surveys/${id}` : '/interaction?tab=surveys')}>取消</Button>
        </Space>
      </Form>
    </Card>
  );
}
