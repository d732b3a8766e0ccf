import { App as AntApp, Button, Col, List, Row, Segmented, Space, Typography } from 'antd';
import { useState } from 'react';
import { disclosureTextKinds } from '../../shared/disclosure.js';
import { useSaveText, useTextVersions, type DisclosureSettings, type TextKind } from '../api/disclosure.js';
import { ArticleBodyEditor } from '../portal/body-editor.js';
import { QueryError } from '../shell/forbidden.js';
import { formatDateTime } from '../shell/format.js';

/**
 * 指南 / 制度: the organisation's 政府信息公开指南 and 制度 in rich text. Every save is a new version;
 * an earlier version can be loaded into the editor and saved again.
 */
export function TextsTab({ settings }: { settings: DisclosureSettings }) {
  const [kind, setKind] = useState<TextKind>('guide');
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Segmented<TextKind> value={kind} onChange={setKind} options={Object.entries(disclosureTextKinds).map(([value, label]) => ({ value: value as TextKind, label }))} />
      {/* A save answers the server's cleaned copy as a new version: the editor starts again from it. */}
      <TextEditor key={`${settings.orgId}-${kind}-${settings[kind]?.version ?? 0}`} settings={settings} kind={kind} />
    </Space>
  );
}

function TextEditor({ settings, kind }: { settings: DisclosureSettings; kind: TextKind }) {
  const { message } = AntApp.useApp();
  const current = settings[kind];
  const [body, setBody] = useState(current?.bodyHtml ?? '');
  const [loaded, setLoaded] = useState<number>();
  const versions = useTextVersions(settings.orgId, kind);
  const save = useSaveText();
  const writes = settings.actions.includes('edit');
  const dirty = body !== (current?.bodyHtml ?? '');

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={17}>
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Text type="secondary">
            {current ? `当前为第 ${current.version} 版，${current.updatedByName} 于 ${formatDateTime(current.updatedAt)} 保存` : '尚未编写，网站上显示“尚未发布”。'}
            {loaded !== undefined && `（编辑器中为第 ${loaded} 版的内容，保存后成为新版本）`}
          </Typography.Text>
          {writes ? (
            <>
              <ArticleBodyEditor id={`disclosure-${kind}`} value={body} onChange={setBody} pictures={[]} />
              <Space>
                <Button
                  type="primary"
                  disabled={!dirty}
                  loading={save.isPending}
                  onClick={() =>
                    save.mutate(
                      { orgId: settings.orgId, kind, bodyHtml: body },
                      { onSuccess: (s) => (setLoaded(undefined), void message.success(`已保存为第 ${s[kind]?.version ?? ''} 版，网站已更新`)), onError: (e) => void message.error(e.message) },
                    )
                  }
                >
                  保存并发布
                </Button>
                {dirty && <Button onClick={() => (setBody(current?.bodyHtml ?? ''), setLoaded(undefined))}>放弃修改</Button>}
              </Space>
            </>
          ) : (
            <Typography.Paragraph type="secondary">由本机关网站编辑维护；公众在网站的政府信息公开栏目查看。</Typography.Paragraph>
          )}
        </Space>
      </Col>
      <Col xs={24} lg={7}>
        <Typography.Title level={3} style={{ fontSize: 16 }}>历史版本</Typography.Title>
        {versions.error ? (
          <QueryError error={versions.error} />
        ) : (
          <List
            size="small"
            loading={versions.isLoading}
            locale={{ emptyText: '暂无版本' }}
            dataSource={versions.data?.items ?? []}
            renderItem={(v) => (
              <List.Item
                actions={
                  writes && v.version !== current?.version
                    ? [<Button key="load" type="link" size="small" onClick={() => (setBody(v.bodyHtml), setLoaded(v.version))}>载入</Button>]
                    : []
                }
              >
                <List.Item.Meta title={`第 ${v.version} 版${v.version === current?.version ? '（当前）' : ''}`} description={`${v.updatedByName} · ${formatDateTime(v.updatedAt)}`} />
              </List.Item>
            )}
          />
        )}
      </Col>
    </Row>
  );
}
