import { DeleteOutlined, DragOutlined, EditOutlined, LinkOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, Col, Descriptions, Empty, Popconfirm, Row, Space, Spin, Tree, Typography, type TreeProps } from 'antd';
import { useState } from 'react';
import { columnCategories } from '../../shared/portal.js';
import { useColumnTree, useDeleteColumn, useMoveColumn, usePortalSites, type PortalColumn } from '../api/portal.js';
import { QueryError } from '../shell/forbidden.js';
import { ColumnFormModal, type ColumnFormMode } from './column-forms.js';
import { columnTree, SitePicker, type ColumnNode } from './pickers.js';
import './portal.css';

type TreeItem = { key: string; title: string; children: TreeItem[] };
const treeItems = (nodes: readonly ColumnNode[]): TreeItem[] =>
  nodes.map((n) => ({ key: n.key, title: `${n.column.nameZh}（${n.column.slug}）`, children: treeItems(n.children) }));

/** 栏目: a site's column tree; its editors add, rename, move (drag or a form) and delete empty columns. */
export function ColumnsTab() {
  const sites = usePortalSites();
  const [chosen, setSiteId] = useState<string>();
  // Until the user chooses, the first site he may see.
  const siteId = chosen ?? sites.data?.items[0]?.id;

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <div style={{ maxWidth: 360 }}>
        <label htmlFor="columns-site" className="wb-field-label">网站</label>
        <SitePicker id="columns-site" value={siteId} onChange={setSiteId} />
      </div>
      {sites.isError && <QueryError error={sites.error} />}
      {siteId ? <SiteColumns key={siteId} siteId={siteId} /> : sites.isPending ? <Spin /> : <Empty description="没有可管理的网站" />}
    </Space>
  );
}

function SiteColumns({ siteId }: { siteId: string }) {
  const tree = useColumnTree(siteId);
  const move = useMoveColumn();
  const remove = useDeleteColumn();
  const { message } = AntApp.useApp();
  const [selected, setSelected] = useState<string>();
  const [mode, setMode] = useState<ColumnFormMode>();
  if (tree.isPending) return <Spin />;
  if (tree.isError) return <QueryError error={tree.error} />;
  const { columns, canManage } = tree.data;
  const column = columns.find((c) => c.id === selected);
  const hasChildren = (id: string) => columns.some((c) => c.parentId === id);

  const onDrop: TreeProps['onDrop'] = (info) => {
    const dragged = columns.find((c) => c.id === info.dragNode.key);
    const target = columns.find((c) => c.id === info.node.key);
    if (!dragged || !target) return;
    const relative = info.dropPosition - Number(info.node.pos.split('-').at(-1));
    const parentId = info.dropToGap ? target.parentId : target.id;
    const siblings = columns.filter((c) => c.parentId === parentId && c.id !== dragged.id);
    const position = !info.dropToGap ? 0 : siblings.findIndex((c) => c.id === target.id) + (relative > 0 ? 1 : 0);
    move.mutate(
      { id: dragged.id, body: { parentId, position: Math.max(0, position) } },
      {
        onSuccess: (r) => void message.success(`已移动“${dragged.nameZh}”${r.redirects.length ? `，旧地址已记录 ${r.redirects.length} 条跳转` : ''}`),
        onError: (e) => void message.error(e.message),
      },
    );
  };

  return (
    <Row gutter={16}>
      <Col xs={24} md={10}>
        <Space style={{ marginBottom: 8 }} wrap>
          {canManage && (
            <Button icon={<PlusOutlined />} onClick={() => setMode({ kind: 'create', parentId: null })}>
              新建顶级栏目
            </Button>
          )}
          {canManage && <Typography.Text type="secondary"><DragOutlined aria-hidden /> 可拖动调整</Typography.Text>}
        </Space>
        {columns.length === 0 ? (
          <Empty description="还没有栏目" />
        ) : (
          <Tree
            className="wb-column-tree"
            aria-label="栏目树"
            blockNode
            defaultExpandAll
            draggable={canManage && !move.isPending ? { icon: false } : false}
            selectedKeys={selected ? [selected] : []}
            onSelect={(keys) => setSelected(keys[0] as string | undefined)}
            onDrop={onDrop}
            treeData={treeItems(columnTree(columns))}
          />
        )}
      </Col>
      <Col xs={24} md={14}>
        {column ? (
          <ColumnDetail
            column={column}
            canManage={canManage}
            empty={!hasChildren(column.id)}
            onCreate={() => setMode({ kind: 'create', parentId: column.id })}
            onEdit={() => setMode({ kind: 'edit', column })}
            onMove={() => setMode({ kind: 'move', column })}
            onDelete={() =>
              remove.mutate(column.id, {
                onSuccess: () => (void message.success(`已删除栏目“${column.nameZh}”`), setSelected(undefined)),
                onError: (e) => void message.error(e.message),
              })
            }
          />
        ) : (
          <Alert type="info" showIcon title="选择左侧的栏目查看和管理" />
        )}
      </Col>
      {mode && (
        <ColumnFormModal
          siteId={siteId}
          mode={mode}
          onClose={() => setMode(undefined)}
          onDone={(text) => {
            void message.success(text);
            setMode(undefined);
          }}
        />
      )}
    </Row>
  );
}

interface DetailProps {
  readonly column: PortalColumn;
  readonly canManage: boolean;
  readonly empty: boolean;
  readonly onCreate: () => void;
  readonly onEdit: () => void;
  readonly onMove: () => void;
  readonly onDelete: () => void;
}

function ColumnDetail({ column, canManage, empty, onCreate, onEdit, onMove, onDelete }: DetailProps) {
  return (
    <section aria-label={`栏目：${column.nameZh}`}>
      <Descriptions
        size="small"
        column={1}
        bordered
        title={column.nameZh}
        items={[
          { key: 'mn', label: '蒙古文名称', children: column.nameMn ?? '—' },
          { key: 'category', label: '栏目类型', children: columnCategories[column.category] },
          { key: 'path', label: '路径', children: column.path },
          { key: 'url', label: '公开地址', children: <a href={column.url} target="_blank" rel="noopener noreferrer"><LinkOutlined aria-hidden /> {column.url}</a> },
          { key: 'description', label: '说明', children: column.description ?? '—' },
        ]}
      />
      {canManage && (
        <Space wrap style={{ marginTop: 12 }}>
          <Button icon={<PlusOutlined />} onClick={onCreate}>新建下级栏目</Button>
          <Button icon={<EditOutlined />} onClick={onEdit}>修改</Button>
          <Button icon={<DragOutlined />} onClick={onMove}>移动</Button>
          <Popconfirm
            title={`删除栏目“${column.nameZh}”？`}
            description={empty ? '只能删除没有文章的栏目' : undefined}
            okText="删除"
            okButtonProps={{ danger: true }}
            cancelText="取消"
            onConfirm={onDelete}
            disabled={!empty}
          >
            <Button danger icon={<DeleteOutlined />} disabled={!empty} title={empty ? undefined : '栏目下还有子栏目，不能删除'}>删除</Button>
          </Popconfirm>
        </Space>
      )}
    </section>
  );
}
