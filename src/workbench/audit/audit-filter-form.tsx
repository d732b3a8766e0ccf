import { Button, Col, DatePicker, Form, Input, Row, Select, Space, type GetProps } from 'antd';
import type { AuditFilter } from '../api/audit.js';
import { outcomeLabels } from './labels.js';

type Range = GetProps<typeof DatePicker.RangePicker>['value'];

interface Values {
  actorName?: string;
  actorId?: string;
  action?: string;
  objectType?: string;
  objectId?: string;
  range?: Range;
  outcome?: AuditFilter['outcome'];
}

const actionPattern = /^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*\.?$/;

function toFilter(v: Values): AuditFilter {
  const text = (s: string | undefined) => (s?.trim() ? s.trim() : undefined);
  const [from, to] = v.range ?? [];
  const filter: AuditFilter = {
    actorName: text(v.actorName),
    actorId: text(v.actorId),
    action: text(v.action),
    objectType: text(v.objectType),
    objectId: text(v.objectId),
    from: from?.toISOString(),
    to: to?.toISOString(),
    outcome: v.outcome,
  };
  return Object.fromEntries(Object.entries(filter).filter(([, value]) => value !== undefined)) as AuditFilter;
}

/** Search conditions for the audit log; applied on 查询, so typing does not fire a query per key. */
export function AuditFilterForm({ onSearch }: { onSearch: (filter: AuditFilter) => void }) {
  const [form] = Form.useForm<Values>();
  return (
    <Form<Values> form={form} layout="vertical" name="auditFilter" className="wb-filters" onFinish={(v) => onSearch(toFilter(v))}>
      <Row gutter={12}>
        <Col xs={24} md={8} xl={6}>
          <Form.Item
            label="动作或前缀"
            name="action"
            rules={[{ pattern: actionPattern, message: '须为动作名或其前缀，如 auth 或 auth.sign_in' }]}
          >
            <Input allowClear placeholder="如 auth、auth.sign_in、orgs" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8} xl={6}>
          <Form.Item label="操作人用户名" name="actorName" tooltip="精确匹配，如 xsh.clerk；也能找到该用户名的登录失败记录">
            <Input allowClear placeholder="用户名" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8} xl={6}>
          <Form.Item label="操作人 ID" name="actorId" tooltip="在记录详情中点“只看此人”可自动填入">
            <Input allowClear placeholder="用户 ID" />
          </Form.Item>
        </Col>
        <Col xs={12} md={4} xl={3}>
          <Form.Item label="对象类型" name="objectType">
            <Input allowClear placeholder="如 user" />
          </Form.Item>
        </Col>
        <Col xs={12} md={4} xl={3}>
          <Form.Item label="对象 ID" name="objectId">
            <Input allowClear />
          </Form.Item>
        </Col>
        <Col xs={24} md={8} xl={6}>
          <Form.Item label="结果" name="outcome">
            <Select allowClear placeholder="全部" options={Object.entries(outcomeLabels).map(([value, o]) => ({ value, label: o.label }))} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12} xl={9}>
          <Form.Item label="时间范围" name="range">
            <DatePicker.RangePicker showTime style={{ width: '100%' }} placeholder={['开始时间', '结束时间']} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12} xl={6}>
          <Form.Item label=" ">
            <Space>
              <Button type="primary" htmlType="submit">查询</Button>
              <Button
                onClick={() => {
                  form.resetFields();
                  onSearch({});
                }}
              >
                重置
              </Button>
            </Space>
          </Form.Item>
        </Col>
      </Row>
    </Form>
  );
}
