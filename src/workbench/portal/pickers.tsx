import { Select, TreeSelect } from 'antd';
import type { PortalColumn } from '../api/portal.js';
import { useColumnTree, usePortalSites } from '../api/portal.js';

export interface ColumnNode {
  readonly key: string;
  readonly column: PortalColumn;
  readonly children: ColumnNode[];
}

/** The server's pre-order list as a tree (each column after its parent). */
export function columnTree(columns: readonly PortalColumn[]): ColumnNode[] {
  const nodes = new Map<string, ColumnNode>();
  const roots: ColumnNode[] = [];
  for (const column of columns) {
    const node: ColumnNode = { key: column.id, column, children: [] };
    nodes.set(column.id, node);
    const parent = column.parentId ? nodes.get(column.parentId) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  return roots;
}

interface PickerProps {
  readonly disabled?: boolean;
  readonly id?: string;
  readonly value?: string | undefined;
  readonly onChange?: (value: string | undefined) => void;
  readonly allowClear?: boolean;
  readonly placeholder?: string;
}

/** One of the sites the user may see. */
export function SitePicker({ id, value, onChange, allowClear, disabled, placeholder = '选择网站' }: PickerProps) {
  const sites = usePortalSites();
  return (
    <Select<string>
      id={id}
      style={{ width: '100%' }}
      allowClear={allowClear}
      placeholder={placeholder}
      disabled={disabled}
      showSearch={{ optionFilterProp: 'label' }}
      loading={sites.isPending}
      value={value}
      onChange={(v) => onChange?.(v)}
      options={(sites.data?.items ?? []).map((s) => ({ value: s.id, label: s.nameZh }))}
      notFoundContent="没有可管理的网站"
    />
  );
}

type TreeData = { value: string; title: string; children: TreeData[]; disabled?: boolean };
const treeData = (nodes: readonly ColumnNode[], excluded?: string): TreeData[] =>
  nodes
    .filter((n) => n.key !== excluded)
    .map((n) => ({ value: n.key, title: n.column.nameZh, children: treeData(n.children, excluded) }));

/** A column of one site, chosen from its tree; `excluded` hides a column and its subtree (a move's own column). */
export function ColumnPicker({ id, siteId, value, onChange, allowClear, placeholder = '选择栏目', excluded }: PickerProps & { siteId: string | undefined; excluded?: string }) {
  const tree = useColumnTree(siteId);
  return (
    <TreeSelect<string>
      id={id}
      style={{ width: '100%' }}
      allowClear={allowClear}
      placeholder={siteId ? placeholder : '请先选择网站'}
      disabled={!siteId}
      loading={tree.isFetching}
      value={value}
      onChange={(v) => onChange?.(v)}
      treeDefaultExpandAll
      showSearch={{ treeNodeFilterProp: 'title' }}
      treeData={treeData(columnTree(tree.data?.columns ?? []), excluded)}
      notFoundContent="该网站还没有栏目"
    />
  );
}
