import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, Card, Col, Form, Input, InputNumber, Row, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { reportSections, reportStatuses, type ReportSection } from '../../shared/disclosure.js';
import { usePublishReport, useReport, useSaveReport, type DisclosureReport, type DisclosureReportData } from '../api/disclosure.js';
import { QueryError } from '../shell/forbidden.js';
import { formatDateTime } from '../shell/format.js';
import { balanceOf, RequestMatrix, ReviewsTable } from './report-matrix.js';

const figureLabels = {
  licensing: '行政许可：本年处理决定数量',
  penalties: '行政处罚：本年处理决定数量',
  enforcement: '行政强制：本年处理决定数量',
  feesTenThousandYuan: '行政事业性收费：本年收费金额（万元）',
} as const;
type Figure = keyof typeof figureLabels;
const columnLabel = (c: string) => ({ person: '自然人', business: '商业企业', research: '科研机构', public_welfare: '社会公益组织', legal_service: '法律服务机构', other_org: '其他', total: '总计' })[c] ?? c;

/**
 * /disclosure/reports/:id — the annual report (2021 template): the text sections, 第二部分 from the
 * catalogue with the hand-entered figures, 第三部分's matrix with its balance per column, 第四部分.
 * Publishing is refused by the server while the matrix does not balance; the page says which columns.
 */
export function ReportPage() {
  const { id = '' } = useParams();
  const report = useReport(id);
  if (report.error) return <QueryError error={report.error} />;
  if (!report.data) return <Skeleton active />;
  // A save or publish answers the report as stored: the editor starts again from it.
  return <ReportEditor key={`${report.data.id}-${report.data.updatedAt}-${report.data.status}`} report={report.data} />;
}

function ReportEditor({ report }: { report: DisclosureReport }) {
  const { message, modal } = AntApp.useApp();
  const [data, setData] = useState<DisclosureReportData>(report.data);
  const [refusal, setRefusal] = useState<string>();
  const save = useSaveReport(report.id);
  const publish = usePublishReport(report.id);
  const editable = report.status === 'draft' && report.actions.includes('edit');
  const dirty = JSON.stringify(data) !== JSON.stringify(report.data);
  const balance = balanceOf(data.requests);
  const failing = balance.filter((b) => !b.ok);
  const title = `${report.orgName}${report.year}年政府信息公开工作年度报告`;

  const doPublish = () =>
    modal.confirm({
      title: '发布年度报告？',
      content: '发布后在网站的政府信息公开栏目公开，不能再修改。',
      okText: '发布',
      cancelText: '取消',
      onOk: async () => {
        setRefusal(undefined);
        try {
          await publish.mutateAsync();
          void message.success('年度报告已发布');
        } catch (error) {
          setRefusal((error as Error).message);
        }
      },
    });

  return (
    <Card
      title={
        <Space>
          <Link to={`/disclosure?tab=reports&org=${report.orgId}`} aria-label="返回年度报告列表"><ArrowLeftOutlined aria-hidden /></Link>
          <Typography.Title level={2} style={{ margin: 0, fontSize: 20 }}>{title}</Typography.Title>
          <Tag color={report.status === 'published' ? 'green' : 'default'}>{reportStatuses[report.status]}</Tag>
        </Space>
      }
      extra={
        editable && (
          <Space>
            <Button disabled={!dirty} loading={save.isPending} onClick={() => save.mutate(data, { onSuccess: () => void message.success('已保存'), onError: (e) => void message.error(e.message) })}>
              保存
            </Button>
            <Button type="primary" disabled={dirty} title={dirty ? '请先保存' : undefined} loading={publish.isPending} onClick={doPublish}>
              发布
            </Button>
          </Space>
        )
      }
    >
      <title>{`${title} · 兴安政务平台`}</title>
      <Space direction="vertical" size="large" style={{ width: '100%' }}>
        <Typography.Text type="secondary">
          {report.updatedByName} 于 {formatDateTime(report.updatedAt)} 保存{report.publishedAt ? `；${formatDateTime(report.publishedAt)} 发布` : ''}
        </Typography.Text>
        {refusal && (
          <Alert
            type="error"
            showIcon
            closable
            onClose={() => setRefusal(undefined)}
            title={refusal}
            description={failing.length ? `不平衡的列：${failing.map((b) => `${columnLabel(b.column)}（一＋二＝${b.incoming}，三＋四＝${b.outgoing}）`).join('；')}` : undefined}
          />
        )}
        {!refusal && failing.length > 0 && (
          <Alert type="warning" showIcon title={`第三部分不平衡，不能发布：${failing.map((b) => columnLabel(b.column)).join('、')} 列的 一＋二 ≠ 三＋四`} />
        )}
        <Section sectionKey="overview" data={data} editable={editable} onChange={setData} />
        <Proactive data={data} editable={editable} onChange={setData} />
        <div>
          <Typography.Title level={3} style={{ fontSize: 16 }}>三、收到和处理政府信息公开申请情况</Typography.Title>
          <RequestMatrix requests={data.requests} editable={editable} onChange={(requests) => setData({ ...data, requests })} />
        </div>
        <div>
          <Typography.Title level={3} style={{ fontSize: 16 }}>四、政府信息公开行政复议、行政诉讼情况</Typography.Title>
          <ReviewsTable reviews={data.reviews} editable={editable} onChange={(reviews) => setData({ ...data, reviews })} />
        </div>
        <Section sectionKey="problems" data={data} editable={editable} onChange={setData} />
        <Section sectionKey="other" data={data} editable={editable} onChange={setData} />
      </Space>
    </Card>
  );
}

function Section({ sectionKey, data, editable, onChange }: { sectionKey: ReportSection; data: DisclosureReportData; editable: boolean; onChange: (d: DisclosureReportData) => void }) {
  const id = `report-${sectionKey}`;
  return (
    <div>
      <Typography.Title level={3} style={{ fontSize: 16 }}>
        <label htmlFor={id}>{reportSections[sectionKey]}</label>
      </Typography.Title>
      {editable ? (
        <Input.TextArea id={id} autoSize={{ minRows: 4, maxRows: 16 }} maxLength={20_000} value={data.sections[sectionKey]} onChange={(e) => onChange({ ...data, sections: { ...data.sections, [sectionKey]: e.target.value } })} />
      ) : (
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{data.sections[sectionKey] || '（未填写）'}</Typography.Paragraph>
      )}
    </div>
  );
}

/** 二、主动公开政府信息情况: per category from the catalogue, plus the figures that are not catalogue entries. */
function Proactive({ data, editable, onChange }: { data: DisclosureReportData; editable: boolean; onChange: (d: DisclosureReportData) => void }) {
  const setFigure = (k: Figure, v: number | null) => onChange({ ...data, proactiveFigures: { ...data.proactiveFigures, [k]: v ?? 0 } });
  return (
    <div>
      <Typography.Title level={3} style={{ fontSize: 16 }}>二、主动公开政府信息情况</Typography.Title>
      <Table
        rowKey="category"
        size="small"
        bordered
        pagination={false}
        dataSource={data.proactive}
        columns={[
          { title: '信息内容', dataIndex: 'label' },
          { title: '本年制发件数', dataIndex: 'issued', align: 'right', width: 120 },
          { title: '本年废止件数', dataIndex: 'abolished', align: 'right', width: 120 },
          { title: '现行有效件数', dataIndex: 'valid', align: 'right', width: 120 },
        ]}
      />
      <Form layout="vertical" style={{ marginTop: 12 }} name="report-figures">
        <Row gutter={12}>
          {(Object.keys(figureLabels) as Figure[]).map((k) => (
            <Col xs={24} md={6} key={k}>
              <Form.Item label={figureLabels[k]} htmlFor={`figure-${k}`}>
                <InputNumber id={`figure-${k}`} disabled={!editable} min={0} precision={k === 'feesTenThousandYuan' ? 2 : 0} style={{ width: '100%' }} value={data.proactiveFigures[k]} onChange={(v) => setFigure(k, v)} />
              </Form.Item>
            </Col>
          ))}
        </Row>
      </Form>
    </div>
  );
}

