import { LogoutOutlined, HomeOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, Flex, Layout, Menu, Result, Spin, Tag, Tooltip, Typography } from 'antd';
import type { MenuProps } from 'antd';
import { Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { useSession, useSignOut, type SessionInfo } from '../api/client.js';
import { NavIcon } from './nav-icons.js';
import { orgFullPath } from './org-path.js';

const { Header, Sider, Content } = Layout;

export const demoBannerText = '演示账号 — 仅供体验，数据可能被重置';

/** Every signed-in page: checks the session, then lays out the menu, the header and the page. */
export function AppShell() {
  const session = useSession();
  const location = useLocation();

  if (session.isPending) {
    return (
      <Flex align="center" justify="center" style={{ minHeight: '100vh' }}>
        <Spin size="large" description="正在加载…" />
      </Flex>
    );
  }
  if (session.isError) {
    return (
      <Result
        status="500"
        title="暂时无法连接服务器"
        subTitle={session.error.message}
        extra={<Button type="primary" onClick={() => void session.refetch()}>重试</Button>}
      />
    );
  }
  if (!session.data) {
    const here = location.pathname + location.search;
    const to = here === '/' ? '/login' : `/login?from=${encodeURIComponent(here)}`;
    return <Navigate to={to} replace />;
  }
  return <SignedInLayout session={session.data} />;
}

function SignedInLayout({ session }: { session: SessionInfo }) {
  const location = useLocation();
  const navigate = useNavigate();
  const signOut = useSignOut();
  const { message } = AntApp.useApp();

  const items: MenuProps['items'] = [
    { key: '/', icon: <HomeOutlined />, label: '首页' },
    ...session.nav.map((entry) => ({ key: `/${entry.key}`, icon: <NavIcon name={entry.icon} />, label: entry.label })),
  ];
  const section = '/' + (location.pathname.split('/')[1] ?? '');

  const onSignOut = () =>
    signOut.mutate(undefined, {
      onSuccess: () => void message.success('已退出登录'),
      onSettled: () => void navigate('/login', { replace: true }),
    });

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Sider breakpoint="lg" collapsedWidth={0} width={208} theme="dark">
        <div className="wb-brand">
          <span className="wb-brand-name">兴安政务平台</span>
          <span className="wb-brand-sub">兴安盟 · 工作台</span>
        </div>
        <Menu
          theme="dark"
          mode="inline"
          aria-label="功能导航"
          selectedKeys={[section]}
          items={items}
          onClick={({ key }) => void navigate(key)}
        />
      </Sider>
      <Layout>
        <Header className="wb-header">
          <UserSummary session={session} />
          <Button icon={<LogoutOutlined />} loading={signOut.isPending} onClick={onSignOut}>
            退出
          </Button>
        </Header>
        {session.user.isDemo && <Alert type="warning" banner showIcon title={demoBannerText} className="wb-demo-banner" />}
        <Content className="wb-content">
          <Outlet />
        </Content>
      </Layout>
    </Layout>
  );
}

function UserSummary({ session }: { session: SessionInfo }) {
  const fullPath = orgFullPath(session.org);
  return (
    <Flex align="center" gap={12} className="wb-user" aria-label="当前用户">
      <UserOutlined aria-hidden />
      <Typography.Text strong className="wb-user-name">
        {session.user.displayName}
      </Typography.Text>
      <Typography.Text type="secondary" ellipsis={{ tooltip: fullPath }} className="wb-user-org">
        {fullPath}
      </Typography.Text>
      <span className="wb-user-roles">
        {session.roles.map((r) => (
          <Tooltip key={`${r.role}@${r.orgId}`} title={`${r.orgName}${r.scope === 'subtree' ? '及下级' : ''}`}>
            <Tag color="blue">{r.label}</Tag>
          </Tooltip>
        ))}
      </span>
    </Flex>
  );
}
