import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, Card, Col, Flex, InputNumber, Row, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { stepActorScopeLabels, stepActorScopes, type StepActorScope } from '../../shared/documents.js';
import { roleLabel } from '../../shared/roles.js';
import { useSession, type SessionInfo } from '../api/client.js';
import { useUpdateWorkflow, useWorkflow, type DocumentWorkflow } from '../api/documents.js';
import { OrgPicker } from '../orgs/org-picker.js';
import { QueryError } from '../shell/forbidden.js';

type Step = DocumentWorkflow['steps'][number];
const stepRoles = ['clerk', 'leader', 'staff'] as const;

/** Organisations whose workflow the user likely tends: the one his 办公室 serves, then his grants'. */
function ownOrgs(session: SessionInfo): { id: string; name: string }[] {
  const parent = session.org.path.filter((p) => p.id !== session.org.id).at(-1);
  const served = session.org.kind === 'office' && session.org.nameZh.endsWith('办公室') && parent ? [{ id: parent.id, name: parent.nameZh }] : [];
  const granted = session.roles.filter((r) => ['clerk', 'leader', 'sysadmin'].includes(r.role)).map((r) => ({ id: r.orgId, name: r.orgName }));
  const all = [...served, ...granted];
  return all.filter((o, i) => all.findIndex((x) => x.id === o.id) === i);
}

/** Where a step's role may act: 拟稿 in the drafting unit, 会签 in the co-issuers, the others anywhere else. */
const scopesFor = (step: Step['step']): readonly StepActorScope[] =>
  step === 'draft' ? ['drafting_unit'] : step === 'countersign' ? ['co_issuers'] : stepActorScopes.filter((s) => s !== 'co_issuers');

/** /documents/workflows: an organisation's sending workflow — which optional steps run, who acts, deadlines. */
export function WorkflowsPage() {
  const { data: session } = useSession();
  const mine = session ? ownOrgs(session) : [];
  const [orgId, setOrgId] = useState<string>();
  const chosen = orgId ?? mine[0]?.id;
  return (
    <Card
      title={<Typography.Title level={2} style={{ margin: 0, fontSize: 20 }}>发文流程设置</Typography.Title>}
      extra={<Link to="/documents"><ArrowLeftOutlined aria-hidden /> 返回发文</Link>}
    >
      <title>发文流程设置 · 兴安政务平台</title>
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
        <Col xs={24} md={12}>
          <label htmlFor="workflow-org" className="wb-field-label">机关</label>
          <OrgPicker id="workflow-org" value={chosen} initialLabel={mine.find((o) => o.id === chosen)?.name} onChange={setOrgId} placeholder="选择机关" />
        </Col>
        {mine.length > 1 && (
          <Col xs={24} md={12}>
            <span className="wb-field-label">常用</span>
            <Space wrap>
              {mine.map((o) => (
                <Button key={o.id} size="small" type={o.id === chosen ? 'primary' : 'default'} onClick={() => setOrgId(o.id)}>{o.name}</Button>
              ))}
            </Space>
          </Col>
        )}
      </Row>
      {chosen ? <WorkflowEditor key={chosen} orgId={chosen} /> : <Alert type="info" showIcon title="请选择机关" />}
    </Card>
  );
}

function WorkflowEditor({ orgId }: { orgId: string }) {
  const workflow = useWorkflow(orgId);
  const update = useUpdateWorkflow();
  const { message } = AntApp.useApp();
  const [edits, setEdits] = useState<Partial<Record<Step['step'], Partial<Step>>>>({});

  if (workflow.isPending) return null;
  if (workflow.isError) return <QueryError error={workflow.error} title="无法读取该机关的流程" />;
  const canConfigure = workflow.data.actions.includes('configure');
  const steps = workflow.data.steps.map((s) => ({ ...s, ...edits[s.step] }));
  const change = (step: Step['step'], patch: Partial<Step>) => setEdits((prev) => ({ ...prev, [step]: { ...prev[step], ...patch } }));
  const dirty = Object.keys(edits).length > 0;

  const save = () =>
    update.mutate(
      { orgId, body: { steps: steps.map(({ step, enabled, role, actorScope, deadlineDays }) => ({ step, enabled, role, actorScope, deadlineDays })) } },
      { onSuccess: () => (setEdits({}), void message.success('流程设置已保存；在办公文从下一环节起按新设置办理')) },
    );

  return (
    <Flex vertical gap={12}>
      {!canConfigure && <Alert type="info" showIcon title="只有该机关的领导或系统管理员可以修改流程；您可以查看。" />}
      <Table<Step>
        rowKey="step"
        size="middle"
        pagination={false}
        dataSource={steps}
        columns={[
          { title: '环节', key: 'label', render: (_v, s) => <Space size={4}>{s.label}{!s.optional && <Tag>必经</Tag>}{s.customised && <Tag color="blue">已自定义</Tag>}</Space> },
          {
            title: '启用',
            key: 'enabled',
            width: 80,
            render: (_v, s) => (
              <Switch checked={s.enabled} disabled={!canConfigure || !s.optional} aria-label={`启用“${s.label}”`} onChange={(enabled) => change(s.step, { enabled })} />
            ),
          },
          {
            title: '办理角色',
            key: 'role',
            width: 150,
            render: (_v, s) => (
              <Select aria-label={`“${s.label}”的办理角色`} style={{ width: '100%' }} value={s.role} disabled={!canConfigure || s.step === 'sign_off' || s.step === 'draft'} options={stepRoles.map((r) => ({ value: r, label: roleLabel(r) }))} onChange={(role) => change(s.step, { role })} />
            ),
          },
          {
            title: '办理单位',
            key: 'scope',
            width: 200,
            render: (_v, s) => (
              <Select aria-label={`“${s.label}”的办理单位`} style={{ width: '100%' }} value={s.actorScope} disabled={!canConfigure || scopesFor(s.step).length === 1} options={scopesFor(s.step).map((a) => ({ value: a, label: stepActorScopeLabels[a] }))} onChange={(actorScope) => change(s.step, { actorScope })} />
            ),
          },
          {
            title: '办理时限（工作日）',
            key: 'deadline',
            width: 170,
            render: (_v, s) => (
              <InputNumber aria-label={`“${s.label}”的办理时限（工作日，0 为不限）`} min={0} max={30} precision={0} value={s.deadlineDays} disabled={!canConfigure} onChange={(v) => change(s.step, { deadlineDays: v ?? 0 })} />
            ),
          },
        ]}
      />
      <Typography.Text type="secondary">时限为 0 表示不限；会签只在有联合发文机关时进行；拟稿环节由拟稿人本人办理。</Typography.Text>
      {update.error && <Alert type="error" showIcon title={update.error.message} />}
      {canConfigure && (
        <Space>
          <Button type="primary" disabled={!dirty} loading={update.isPending} onClick={save}>保存流程设置</Button>
          <Button disabled={!dirty} onClick={() => (setEdits({}), update.reset())}>放弃修改</Button>
        </Space>
      )}
    </Flex>
  );
}
