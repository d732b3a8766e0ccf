import { Card, Descriptions, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useSession } from '../api/client.js';
import { NavIcon } from '../shell/nav-icons.js';
import { orgFullPath } from '../shell/org-path.js';

/** /workbench/: who the user is here, and where they can go. */
export function HomePage() {
  const { data: session } = useSession();
  if (!session) return null;
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <title>首页 · 兴安政务平台</title>
      <Card title={<Typography.Title level={2} style={{ margin: 0 }}>欢迎，{session.user.displayName}</Typography.Title>}>
        <Descriptions
          column={1}
          items={[
            { key: 'org', label: '所在单位', children: orgFullPath(session.org) },
            {
              key: 'roles',
              label: '角色',
              children: session.roles.length ? (
                <span>
                  {session.roles.map((r) => (
                    <Tag key={`${r.role}@${r.orgId}`} color="blue">
                      {r.label}
                      {r.orgId !== session.org.id && `（${r.orgName}${r.scope === 'subtree' ? '及下级' : ''}）`}
                    </Tag>
                  ))}
                </span>
              ) : (
                '暂无角色'
              ),
            },
            { key: 'username', label: '用户名', children: session.user.username },
          ]}
        />
      </Card>
      {session.nav.length > 0 && (
        <Card title="常用功能">
          <Space wrap size="middle">
            {session.nav.map((entry) => (
              <Link key={entry.key} to={`/${entry.key}`} className="wb-shortcut">
                <NavIcon name={entry.icon} />
                <span>{entry.label}</span>
              </Link>
            ))}
          </Space>
        </Card>
      )}
    </Space>
  );
}
