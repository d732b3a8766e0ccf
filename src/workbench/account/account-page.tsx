import { Card, Col, Descriptions, Row, Tag, Typography } from 'antd';
import { useSecondFactors } from '../api/account.js';
import { useSession } from '../api/client.js';
import { orgFullPath } from '../shell/org-path.js';
import { CertificateCard } from './certificate-card.js';
import { ChangePasswordCard } from './change-password-card.js';
import { MySessionsCard } from './my-sessions-card.js';
import { TotpCard } from './totp-card.js';

/** Which second factors the user has, and what the security policy asks. */
function SecondFactorSummary() {
  const { data } = useSecondFactors();
  if (!data) return <>—</>;
  const enrolled = [
    data.totp.enrolled && <Tag key="totp" color="green">动态口令</Tag>,
    data.certificate && (
      <Tag key="sm2" color={data.certificate.status === 'valid' ? 'green' : 'red'}>
        数字证书 {data.certificate.serial.slice(0, 8)}…（{data.certificate.status === 'valid' ? '有效' : '不可用'}）
      </Tag>
    ),
  ].filter(Boolean);
  const accepted = data.accepted.map((m) => (m === 'totp' ? '动态口令' : '数字证书')).join('或');
  return (
    <>
      {enrolled.length ? enrolled : <Tag>未绑定</Tag>}
      <Typography.Text type="secondary">
        安全策略{data.required ? '要求' : '不强制要求'}第二认证因子，接受{accepted}
      </Typography.Text>
    </>
  );
}

/** /workbench/account: every signed-in user's own account — profile, password, second factors, sessions. */
export function AccountPage() {
  const { data: session } = useSession();
  if (!session) return null;
  return (
    <Row gutter={[16, 16]}>
      <title>我的账号 · 兴安政务平台</title>
      <Col span={24}>
        <Card title={<Typography.Title level={2} style={{ margin: 0, fontSize: 20 }}>我的账号</Typography.Title>}>
          <Descriptions
            column={{ xs: 1, md: 2 }}
            items={[
              { key: 'name', label: '姓名', children: session.user.displayName },
              { key: 'username', label: '用户名', children: session.user.username },
              { key: 'org', label: '所在单位', span: 2, children: orgFullPath(session.org) },
              {
                key: 'roles',
                label: '角色',
                span: 2,
                children: session.roles.length
                  ? session.roles.map((r) => (
                      <Tag key={`${r.role}@${r.orgId}`} color="blue">
                        {r.label}（{r.orgName}
                        {r.scope === 'subtree' ? '及下级' : ''}）
                      </Tag>
                    ))
                  : '暂无角色',
              },
              { key: 'secondFactors', label: '第二认证因子', span: 2, children: <SecondFactorSummary /> },
            ]}
          />
        </Card>
      </Col>
      <Col xs={24} xl={12}>
        <ChangePasswordCard username={session.user.username} />
      </Col>
      <Col xs={24} xl={12}>
        <TotpCard />
      </Col>
      <Col span={24}>
        <CertificateCard username={session.user.username} />
      </Col>
      <Col span={24}>
        <MySessionsCard />
      </Col>
    </Row>
  );
}
