import { Alert, Button, Result } from 'antd';
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { useSession, type ApiError } from '../api/client.js';

/** What a user sees on a page their roles do not open. */
export function Forbidden({ detail }: { detail?: string }) {
  const navigate = useNavigate();
  return (
    <Result
      status="403"
      title="无权访问"
      subTitle={detail ?? '您的角色不能使用此功能。如需使用，请联系系统管理员授权。'}
      extra={
        <Button type="primary" onClick={() => void navigate('/')}>
          返回首页
        </Button>
      }
    />
  );
}

/** A failed load: 无权访问 for a refusal, otherwise the server's message. */
export function QueryError({ error, title = '加载失败' }: { error: ApiError; title?: string }) {
  if (error.status === 403) return <Forbidden detail={error.message} />;
  return <Alert type="error" showIcon title={title} description={error.message} />;
}

/**
 * Opens a module's page only for users whose menu (filtered by role on the server) has its entry;
 * the server refuses the page's API calls anyway, this only spares the user a page of errors.
 */
export function RequireNav({ navKey, children }: { navKey: string; children: ReactNode }) {
  const { data: session } = useSession();
  if (!session) return null;
  if (!session.nav.some((entry) => entry.key === navKey)) return <Forbidden />;
  return children;
}
