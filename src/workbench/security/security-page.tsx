import { Alert, App as AntApp, Button, Card, Checkbox, Col, Form, InputNumber, Row, Skeleton, Space, Switch, Typography } from 'antd';
import { useEffect } from 'react';
import { useSecurityPolicy, useSetSecurityPolicy, type SecurityPolicy } from '../api/security.js';
import { QueryError } from '../shell/forbidden.js';
import { PolicyNotes } from './policy-notes.js';

type NumberField = Exclude<keyof SecurityPolicy, 'secondFactorRequired' | 'secondFactorMethods'>;

interface FieldSpec {
  name: NumberField;
  label: string;
  min: number;
  max: number;
  unit: string;
  extra: string;
}

const sections: { title: string; fields: FieldSpec[] }[] = [
  {
    title: '口令复杂度与更换',
    fields: [
      { name: 'passwordMinLength', label: '密码最短长度', min: 8, max: 128, unit: '位', extra: '等保三级建议不少于 8 位；默认 12 位' },
      { name: 'passwordMinClasses', label: '至少包含的字符类别', min: 1, max: 4, unit: '类', extra: '小写字母、大写字母、数字、符号四类中至少几类；默认 3 类' },
      { name: 'passwordMaxAgeDays', label: '密码有效期', min: 0, max: 3650, unit: '天', extra: '到期后登录须修改密码；0 表示不强制更换。默认 90 天' },
    ],
  },
  {
    title: '登录失败处理',
    fields: [
      { name: 'lockoutThreshold', label: '连续失败锁定阈值', min: 1, max: 100, unit: '次', extra: '连续输错多少次后锁定账号；默认 5 次' },
      { name: 'lockoutMinutes', label: '锁定时长', min: 1, max: 1440, unit: '分钟', extra: '默认 30 分钟' },
    ],
  },
  {
    title: '会话',
    fields: [
      { name: 'sessionIdleMinutes', label: '空闲超时', min: 1, max: 1440, unit: '分钟', extra: '无操作多久后自动退出；默认 30 分钟' },
      { name: 'sessionAbsoluteHours', label: '绝对超时', min: 1, max: 168, unit: '小时', extra: '无论是否活动，登录多久后须重新登录；默认 12 小时' },
    ],
  },
];

/** /workbench/security: the 安全管理员 reads and sets the security policy. */
export function SecurityPage() {
  const policy = useSecurityPolicy();
  const save = useSetSecurityPolicy();
  const [form] = Form.useForm<SecurityPolicy>();
  const { message, modal } = AntApp.useApp();

  useEffect(() => {
    if (policy.data) form.setFieldsValue(policy.data);
  }, [policy.data, form]);

  if (policy.isError) return <QueryError error={policy.error} title="无法读取安全策略" />;

  const submit = (values: SecurityPolicy) =>
    save.mutate(values, {
      onSuccess: () => void message.success('安全策略已保存，新的登录和修改密码即按新策略执行'),
    });
  const onFinish = (values: SecurityPolicy) => {
    // Weakening below the 等保 level-3 baseline is allowed (an assessor may accept it) but never silent.
    const weaker = [
      values.passwordMinLength < 8 && '密码最短长度少于 8 位',
      values.passwordMinClasses < 3 && '字符类别少于 3 类',
      values.passwordMaxAgeDays === 0 && '不强制定期更换密码',
      !values.secondFactorRequired && '不要求第二认证因子',
    ].filter(Boolean);
    if (!weaker.length) return submit(values);
    modal.confirm({
      title: '低于等保三级的建议配置',
      content: (
        <ul className="wb-problems">
          {weaker.map((w) => <li key={String(w)}>{w}</li>)}
        </ul>
      ),
      okText: '仍然保存',
      cancelText: '返回修改',
      onOk: () => submit(values),
    });
  };

  return (
    <Row gutter={[16, 16]}>
      <title>安全策略 · 兴安政务平台</title>
      <Col xs={24} xl={15}>
        <Card title={<Typography.Title level={2} style={{ margin: 0, fontSize: 20 }}>安全策略</Typography.Title>}>
          {policy.isPending ? (
            <Skeleton active />
          ) : (
            <Form<SecurityPolicy> form={form} layout="vertical" name="securityPolicy" onFinish={onFinish} disabled={save.isPending}>
              {sections.map((section) => (
                <section key={section.title}>
                  <Typography.Title level={3} style={{ fontSize: 16 }}>{section.title}</Typography.Title>
                  <Row gutter={16}>
                    {section.fields.map((f) => (
                      <Col xs={24} md={12} key={f.name}>
                        <Form.Item
                          label={f.label}
                          name={f.name}
                          extra={f.extra}
                          rules={[
                            { required: true, message: `请输入${f.label}` },
                            { type: 'integer', min: f.min, max: f.max, message: `须为 ${f.min}–${f.max} 的整数` },
                          ]}
                        >
                          <InputNumber min={f.min} max={f.max} precision={0} suffix={f.unit} style={{ width: 200 }} />
                        </Form.Item>
                      </Col>
                    ))}
                  </Row>
                </section>
              ))}
              <Typography.Title level={3} style={{ fontSize: 16 }}>身份鉴别</Typography.Title>
              <Form.Item
                label="要求第二认证因子"
                name="secondFactorRequired"
                valuePropName="checked"
                extra="开启后，未绑定第二因子的用户在下次登录时须先绑定下面接受的一种"
              >
                <Switch checkedChildren="要求" unCheckedChildren="不要求" />
              </Form.Item>
              <Form.Item
                label="接受的第二因子"
                name="secondFactorMethods"
                extra="数字证书（SM2 挑战应答，由本平台 CA 签发的个人证书）是等保三级要求的密码技术鉴别方式"
                rules={[{ required: true, type: 'array', min: 1, message: '至少接受一种第二因子' }]}
              >
                <Checkbox.Group
                  options={[
                    { value: 'totp', label: '动态口令（TOTP）' },
                    { value: 'sm2', label: '数字证书（SM2）' },
                  ]}
                />
              </Form.Item>
              {save.error && (
                <Form.Item>
                  <Alert
                    type="error"
                    showIcon
                    title={save.error.message}
                    description={save.error.fields.length ? save.error.fields.map((f) => `${f.path}：${f.message}`).join('；') : undefined}
                  />
                </Form.Item>
              )}
              <Space>
                <Button type="primary" htmlType="submit" loading={save.isPending}>
                  保存
                </Button>
                <Button onClick={() => policy.data && form.setFieldsValue(policy.data)}>还原</Button>
              </Space>
            </Form>
          )}
        </Card>
      </Col>
      <Col xs={24} xl={9}>
        <PolicyNotes />
      </Col>
    </Row>
  );
}
