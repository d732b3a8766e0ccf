import { TreeSelect } from 'antd';
import { useOrgTree, type OrgTreeNode } from '../api/client.js';

type TreeData = { value: string; title: string; children: TreeData[] };
const toTree = (nodes: readonly OrgTreeNode[]): TreeData[] => nodes.map((n) => ({ value: n.id, title: n.nameZh, children: toTree(n.children) }));

interface UnitPickerProps {
  readonly id?: string;
  /** The root of the units that may handle the site's messages (the site's organisation, or the government whose office runs its portal). */
  readonly rootOrgId: string;
  readonly value?: string;
  readonly onChange?: (orgId: string) => void;
}

/** 承办单位: the routing root or a unit of its subtree. */
export function UnitPicker({ id, rootOrgId, value, onChange }: UnitPickerProps) {
  const tree = useOrgTree({ root: rootOrgId, depth: 4 });
  return (
    <TreeSelect<string>
      id={id}
      style={{ width: '100%' }}
      placeholder="承办单位"
      loading={tree.isPending}
      value={value}
      onChange={(v) => onChange?.(v)}
      treeDefaultExpandAll
      showSearch={{ treeNodeFilterProp: 'title' }}
      treeData={toTree(tree.data ?? [])}
      notFoundContent={tree.isError ? tree.error.message : '没有可选的单位'}
      popupMatchSelectWidth={false}
    />
  );
}
