import { ArrowLeftOutlined, FilePdfOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Descriptions, Row, Skeleton, Space, Timeline, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { applicantKinds, deliveryForms, refusalGrounds, replyKinds, requestActions, unavailableReasons, type ApplicantKind, type DeliveryForm, type ReplyKind, type RequestAction } from '../../shared/disclosure.js';
import { noticeUrl, useRequest, type DisclosureRequestDetail } from '../api/disclosure.js';
import { QueryError } from '../shell/forbidden.js';
import { formatDateTime } from '../shell/format.js';
import { DeadlineText, RequestStatusTag } from './labels.js';
import { RequestStepBar } from './request-steps.js';
import { remainingWorkingDays, todayInShanghai } from './working-days.js';

/** /disclosure/requests/:id — one request: the applicant (personal data masked), the clock, the reply, the history and the steps. */
export function RequestPage() {
  const { id = '' } = useParams();
  const request = useRequest(id);
  const today = todayInShanghai();
  if (request.error) return <QueryError error={request.error} />;
  if (!request.data) return <Skeleton active />;
  const r = request.data;
  return (
    <Card
      title={
        <Space>
          <Link to={`/disclosure?tab=requests&org=${r.orgId}`} aria-label="返回依申请公开列表"><ArrowLeftOutlined aria-hidden /></Link>
          <Typography.Title level={2} style={{ margin: 0, fontSize: 20 }}>依申请公开 {r.trackingCode}</Typography.Title>
          <RequestStatusTag status={r.status} />
        </Space>
      }
      extra={<RequestStepBar request={r} today={today} />}
    >
      <title>{`依申请公开 ${r.trackingCode} · 兴安政务平台`}</title>
      <Row gutter={[24, 24]}>
        <Col xs={24} xl={16}>
          <Space direction="vertical" size="large" style={{ width: '100%' }}>
            <Clock r={r} today={today} />
            <Descriptions title="申请人" bordered size="small" column={{ xs: 1, md: 2 }}>
              <Descriptions.Item label="姓名/名称">{r.applicantName}</Descriptions.Item>
              <Descriptions.Item label="类型">{applicantKinds[r.applicantKind as ApplicantKind]}</Descriptions.Item>
              <Descriptions.Item label="证件号码">{r.idNumberMasked}</Descriptions.Item>
              <Descriptions.Item label="联系电话">{r.phoneMasked}</Descriptions.Item>
              <Descriptions.Item label="通信地址">{r.addressMasked ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="电子邮箱">{r.emailMasked ?? '—'}</Descriptions.Item>
            </Descriptions>
            <Descriptions title="申请内容" bordered size="small" column={1}>
              <Descriptions.Item label="所需政府信息"><Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{r.content}</Typography.Paragraph></Descriptions.Item>
              <Descriptions.Item label="用途">{r.purpose}</Descriptions.Item>
              <Descriptions.Item label="获取方式">{deliveryForms[r.form as DeliveryForm]}</Descriptions.Item>
            </Descriptions>
            {r.replyKind && <Reply r={r} />}
          </Space>
        </Col>
        <Col xs={24} xl={8}>
          <Typography.Title level={3} style={{ fontSize: 16 }}>办理记录</Typography.Title>
          <Timeline
            items={r.history.map((e) => ({
              key: `${e.at}-${e.action}`,
              children: (
                <>
                  <Typography.Text strong>{requestActions[e.action as RequestAction]}</Typography.Text> · {e.actorName}
                  <div><Typography.Text type="secondary">{formatDateTime(e.at)}</Typography.Text></div>
                  {e.note && <div style={{ whiteSpace: 'pre-wrap' }}>{e.note}</div>}
                  {e.deadline && <div>答复期限：{e.deadline}</div>}
                </>
              ),
            }))}
          />
          {r.reminders.length > 0 && (
            <>
              <Typography.Title level={3} style={{ fontSize: 16 }}>到期提醒</Typography.Title>
              <ul style={{ paddingInlineStart: 20 }}>
                {r.reminders.map((m) => <li key={`${m.at}-${m.kind}`}>{formatDateTime(m.at)}：{m.message}</li>)}
              </ul>
            </>
          )}
        </Col>
      </Row>
    </Card>
  );
}

/** 答复期限 and what moves it: 补正 (the clock restarts), 征求意见 (paused), 延期. */
function Clock({ r, today }: { r: DisclosureRequestDetail; today: string }) {
  const open = r.status !== 'replied';
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {r.status === 'correction' && <Alert type="info" showIcon title={`已于 ${r.correctionOn ?? ''} 告知补正，等待申请人补正；补正后答复期限重新计算。`} description={r.correctionNotice} />}
      {r.status === 'consulting' && <Alert type="info" showIcon title={`已于 ${r.consultationOn ?? ''} 征求 ${r.consultationParty ?? ''} 意见，计时暂停。`} />}
      <Descriptions bordered size="small" column={{ xs: 1, md: 2 }}>
        <Descriptions.Item label="收到申请">{r.receivedOn}</Descriptions.Item>
        <Descriptions.Item label="计时起点">{r.clockStart}</Descriptions.Item>
        <Descriptions.Item label="答复期限" span={2}>
          {open ? <DeadlineText deadline={r.deadline} state={r.deadlineState} remaining={r.deadline ? remainingWorkingDays(r.deadline, today) : null} /> : `已于 ${r.repliedOn ?? '—'} 答复`}
        </Descriptions.Item>
        {r.correctionLastDay && open && <Descriptions.Item label="补正告知截止">{r.correctionLastDay}</Descriptions.Item>}
        {r.correctedOn && <Descriptions.Item label="申请人补正">{r.correctedOn}</Descriptions.Item>}
        {r.pausedDays > 0 && <Descriptions.Item label="不计入的工作日">{r.pausedDays}</Descriptions.Item>}
        {r.consultationEndedOn && <Descriptions.Item label="第三方意见返回">{r.consultationEndedOn}</Descriptions.Item>}
        {r.extensionDays > 0 && <Descriptions.Item label="延期" span={2}>{`${r.extensionDays} 个工作日。理由：${r.extensionReason ?? ''}`}</Descriptions.Item>}
      </Descriptions>
    </Space>
  );
}

function Reply({ r }: { r: DisclosureRequestDetail }) {
  const ground = r.replyGround ? ((refusalGrounds as Record<string, string>)[r.replyGround] ?? (unavailableReasons as Record<string, string>)[r.replyGround] ?? r.replyGround) : null;
  return (
    <Descriptions
      title="答复"
      bordered
      size="small"
      column={1}
      extra={
        r.noticeAvailable && (
          <Button icon={<FilePdfOutlined aria-hidden />} href={noticeUrl(r.id)} target="_blank" rel="noopener">
            下载告知书
          </Button>
        )
      }
    >
      <Descriptions.Item label="答复类型">{replyKinds[r.replyKind as ReplyKind]}</Descriptions.Item>
      <Descriptions.Item label="答复日期">{r.repliedOn ?? '—'}</Descriptions.Item>
      {ground && <Descriptions.Item label="具体情形">{ground}</Descriptions.Item>}
      {r.replyReason && <Descriptions.Item label="理由">{r.replyReason}</Descriptions.Item>}
      {r.replyBasis && <Descriptions.Item label="依据">{r.replyBasis}</Descriptions.Item>}
      {r.replyLocation && <Descriptions.Item label="获取途径">{r.replyLocation}</Descriptions.Item>}
      {r.replyHolder && <Descriptions.Item label="负责公开的机关">{r.replyHolder}</Descriptions.Item>}
      {r.replyText && <Descriptions.Item label="补充说明">{r.replyText}</Descriptions.Item>}
    </Descriptions>
  );
}
