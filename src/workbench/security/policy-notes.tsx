import { Card, Typography } from 'antd';

const { Paragraph, Text } = Typography;

/** Why the defaults are what they are: the 等保 2.0 level-3 requirements each setting answers. */
export function PolicyNotes() {
  return (
    <Card title="等保三级说明" size="small">
      <Paragraph>
        <Text strong>身份鉴别（GB/T 22239-2019 8.1.4.1）</Text>：身份标识唯一，鉴别信息具有复杂度要求并
        <Text strong>定期更换</Text>；应采用口令、密码技术、生物技术等
        <Text strong>两种或两种以上组合</Text>的鉴别技术，且其中一种至少应使用密码技术实现。
      </Paragraph>
      <Paragraph>
        <Text strong>为什么默认 90 天更换密码</Text>：等保测评要求“定期更换”，测评实践中通常以 90 天为周期。
        OWASP ASVS 与 NIST SP 800-63B 则认为强制定期更换会促使用户使用有规律的弱密码；若测评机构接受此观点，可设为 0 关闭强制更换，
        同时应保持足够的长度与复杂度要求并开启第二认证因子。
      </Paragraph>
      <Paragraph>
        <Text strong>登录失败处理</Text>：应具有登录失败处理功能，配置结束会话、限制非法登录次数和登录连接超时自动退出等措施。
        默认连续失败 5 次锁定 30 分钟；任何失败都给出相同的提示，不泄露用户名是否存在。
      </Paragraph>
      <Paragraph>
        <Text strong>会话超时</Text>：空闲 30 分钟自动退出，登录 12 小时后无论是否活动都须重新登录。修改密码或停用账号会立即结束相关会话。
      </Paragraph>
      <Paragraph style={{ marginBottom: 0 }}>
        <Text strong>三员分立</Text>：安全策略只能由安全管理员设置；每次修改都记入审计日志，由审计管理员查阅。
      </Paragraph>
    </Card>
  );
}
