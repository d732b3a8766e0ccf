import { Alert, Breadcrumb, Button, Card, Descriptions, Empty, Space, Tag, Typography, type DescriptionsProps } from 'antd';
import { isValidCreditCode } from '../../shared/identifiers.js';
import { orgKindLabels } from '../../shared/orgs.js';
import type { ApiError, OrgDetail } from '../api/client.js';
import { MongolianText } from './mongolian-text.js';

interface OrgDetailsProps {
  readonly org: OrgDetail | undefined;
  readonly loading: boolean;
  readonly error: ApiError | null;
  readonly onSelect: (id: string) => void;
  /** Offered when nothing is selected yet. */
  readonly ownOrgId: string;
}

const none = <Typography.Text type="secondary">—</Typography.Text>;

/** The selected organisation's registry entry. */
export function OrgDetails({ org, loading, error, onSelect, ownOrgId }: OrgDetailsProps) {
  if (error) return <Alert type="error" showIcon title="无法查看该组织机构" description={error.message} />;
  if (!org && !loading) {
    return (
      <Card>
        <Empty description="在左侧组织机构树中选择，或检索一个组织机构">
          <Button type="primary" onClick={() => onSelect(ownOrgId)}>
            查看本单位
          </Button>
        </Empty>
      </Card>
    );
  }
  return (
    <Card title={org ? <span className="wb-org-title">{org.nameZh}</span> : '组织机构'} loading={loading && !org}>
      {org && <Descriptions bordered column={1} size="middle" items={detailItems(org, onSelect)} />}
    </Card>
  );
}

function detailItems(org: OrgDetail, onSelect: (id: string) => void): DescriptionsProps['items'] {
  return [
    { key: 'nameZh', label: '名称', children: org.nameZh },
    ...(org.shortName ? [{ key: 'shortName', label: '简称', children: org.shortName }] : []),
    { key: 'nameMn', label: '蒙古文名称', children: org.nameMn ? <MongolianText text={org.nameMn} /> : none },
    { key: 'kind', label: '类型', children: <Tag>{orgKindLabels[org.kind]}</Tag> },
    { key: 'code', label: '区划代码', children: org.code ?? none },
    { key: 'ref', label: '引用', children: <Typography.Text code copyable>{org.ref}</Typography.Text> },
    {
      key: 'docPrefixes',
      label: '机关代字',
      children: org.docPrefixes.length ? (
        <Space size={4} wrap>
          {org.docPrefixes.map((prefix, i) => (
            <Tag key={prefix} color={i === 0 ? 'blue' : undefined}>
              {prefix}
              {i === 0 && org.docPrefixes.length > 1 ? '（默认）' : ''}
            </Tag>
          ))}
        </Space>
      ) : (
        none
      ),
    },
    {
      key: 'creditCode',
      label: '统一社会信用代码',
      children: org.creditCode ? (
        <Space size={8}>
          <Typography.Text copyable>{org.creditCode}</Typography.Text>
          {!isValidCreditCode(org.creditCode) && <Tag color="warning">校验位不符</Tag>}
        </Space>
      ) : (
        none
      ),
    },
    {
      key: 'ancestors',
      label: '上级路径',
      children: org.ancestors.length ? (
        <Breadcrumb
          items={org.ancestors.map((a) => ({
            key: a.id,
            title: (
              <Typography.Link
                href={`?org=${encodeURIComponent(a.id)}`}
                onClick={(event) => {
                  event.preventDefault();
                  onSelect(a.id);
                }}
              >
                {a.nameZh}
              </Typography.Link>
            ),
          }))}
        />
      ) : (
        <Typography.Text type="secondary">（顶级）</Typography.Text>
      ),
    },
    { key: 'childCount', label: '下级数量', children: org.childCount },
  ];
}
