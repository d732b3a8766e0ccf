import { Col, Row, Table } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useSurveys, type InteractionSite, type SurveySummary } from '../api/interaction.js';
import { QueryError } from '../shell/forbidden.js';
import { formatDateTime } from '../shell/format.js';
import { SurveyStateTag, surveyKindLabel } from './labels.js';
import { siteOrFirst, SiteSelect } from './site-select.js';

/** 调查征集: one site's surveys and calls for opinions, whatever their state. */
export function SurveyList({ sites }: { sites: readonly InteractionSite[] }) {
  const [chosen, setChosen] = useState<string>();
  const siteId = siteOrFirst(sites, chosen);
  const list = useSurveys(siteId);
  return (
    <>
      <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
        <Col xs={24} md={8}>
          <label htmlFor="surveys-site" className="wb-field-label">网站</label>
          <SiteSelect id="surveys-site" sites={sites} value={siteId} onChange={setChosen} />
        </Col>
      </Row>
      {list.isError && <QueryError error={list.error} />}
      <Table<SurveySummary>
        rowKey="id"
        size="middle"
        aria-label="调查征集列表"
        loading={list.isFetching}
        dataSource={list.data?.items}
        locale={{ emptyText: '还没有调查或意见征集' }}
        scroll={{ x: 900 }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          { title: '标题', key: 'title', render: (_v, s) => <Link to={`/interaction/surveys/${s.id}`}>{s.title}</Link> },
          { title: '类别', key: 'kind', width: 100, render: (_v, s) => surveyKindLabel(s.kind) },
          { title: '状态', key: 'state', width: 180, render: (_v, s) => <SurveyStateTag state={s.state} open={s.open} /> },
          { title: '征集时间', key: 'window', width: 300, render: (_v, s) => `${formatDateTime(s.opensAt)} 至 ${formatDateTime(s.closesAt)}` },
          { title: '创建人', dataIndex: 'createdByName', width: 100 },
        ]}
      />
    </>
  );
}
