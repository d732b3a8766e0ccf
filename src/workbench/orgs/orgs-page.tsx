import { Card, Col, Row } from 'antd';
import { useSearchParams } from 'react-router';
import { useOrg, useSession } from '../api/client.js';
import { OrgDetails } from './org-details.js';
import { OrgSearch } from './org-search.js';
import { OrgTree } from './org-tree.js';

/** /workbench/orgs?org=<id>: the organisation tree and the selected organisation's details. */
export function OrgsPage() {
  const [params, setParams] = useSearchParams();
  const selectedKey = params.get('org');
  const { data: session } = useSession();
  const detail = useOrg(selectedKey);

  if (!session) return null;

  const select = (id: string) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      next.set('org', id);
      return next;
    });

  // Show the selected organisation in the tree; before any choice, the user's own place in it.
  const revealPath = detail.data
    ? [...detail.data.ancestors.map((a) => a.id), detail.data.id]
    : selectedKey
      ? []
      : [...session.org.path.map((p) => p.id).filter((id) => id !== session.org.id), session.org.id];

  return (
    <Row gutter={[16, 16]}>
      <title>组织机构 · 兴安政务平台</title>
      <Col xs={24} lg={10} xl={8}>
        <Card title="组织机构树" className="wb-org-tree-card">
          <OrgSearch onSelect={select} />
          <OrgTree selectedId={detail.data?.id ?? selectedKey} revealPath={revealPath} onSelect={select} />
        </Card>
      </Col>
      <Col xs={24} lg={14} xl={16}>
        <OrgDetails
          org={detail.data}
          loading={detail.isFetching}
          error={detail.error}
          onSelect={select}
          ownOrgId={session.org.id}
        />
      </Col>
    </Row>
  );
}
