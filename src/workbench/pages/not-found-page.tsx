import { Button, Result } from 'antd';
import { useNavigate } from 'react-router';

export function NotFoundPage() {
  const navigate = useNavigate();
  return (
    <>
      <title>页面不存在 · 兴安政务平台</title>
      <Result
        status="404"
        title="404"
        subTitle="页面不存在，或该功能尚未开放"
        extra={
          <Button type="primary" onClick={() => void navigate('/')}>
            返回首页
          </Button>
        }
      />
    </>
  );
}
