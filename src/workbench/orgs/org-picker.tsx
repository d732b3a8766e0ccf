import { TreeSelect, type TreeSelectProps } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { orgKindLabels } from '../../shared/orgs.js';
import { orgQueries, queryClient, useOrgSearch, useOrgTree, type Org } from '../api/client.js';
import { useDebounced } from './use-debounced.js';

type TreeNode = NonNullable<TreeSelectProps['treeData']>[number];

interface OrgPickerProps {
  readonly id?: string;
  /** The organisation's id (a form field's value). */
  readonly value?: string;
  readonly onChange?: (id: string) => void;
  /** The name of `value` when it was chosen elsewhere (e.g. the user being edited). */
  readonly initialLabel?: string;
  readonly placeholder?: string;
}

const nodeOf = (org: Org, children?: readonly Org[]): TreeNode => ({
  value: org.id,
  title: org.nameZh,
  label: org.nameZh,
  isLeaf: children?.length === 0 ? true : undefined,
});

/**
 * Picks an organisation: browse the tree one level at a time, or type to search the whole registry
 * (name, short name, pinyin or code) on the server.
 */
export function OrgPicker({ id, value, onChange, initialLabel, placeholder = '浏览或搜索组织机构' }: OrgPickerProps) {
  const roots = useOrgTree({ depth: 0 });
  const [childrenOf, setChildrenOf] = useState<Readonly<Record<string, readonly Org[]>>>({});
  const [labels, setLabels] = useState<Readonly<Record<string, string>>>({});
  const [input, setInput] = useState('');
  const term = useDebounced(input.trim(), 250);
  const search = useOrgSearch(term);

  const loadChildren = useCallback(async (orgId: string) => {
    const [node] = await queryClient.fetchQuery(orgQueries.tree({ root: orgId, depth: 1 }));
    setChildrenOf((prev) => (prev[orgId] ? prev : { ...prev, [orgId]: node?.children ?? [] }));
  }, []);

  const treeData = useMemo((): TreeNode[] => {
    if (term) {
      return (search.data?.items ?? []).map((org) => ({
        ...nodeOf(org),
        isLeaf: true,
        title: (
          <span>
            {org.nameZh}
            <span className="wb-kind">{orgKindLabels[org.kind]}</span>
          </span>
        ),
      }));
    }
    const build = (org: Org): TreeNode => {
      const children = childrenOf[org.id];
      return { ...nodeOf(org, children), children: children?.map(build) };
    };
    return (roots.data ?? []).map(build);
  }, [term, search.data, roots.data, childrenOf]);

  const label = value ? (labels[value] ?? initialLabel ?? value) : undefined;
  return (
    <TreeSelect<{ value: string; label: React.ReactNode }>
      id={id}
      style={{ width: '100%' }}
      placeholder={placeholder}
      labelInValue
      value={value ? { value, label } : undefined}
      treeData={treeData}
      treeNodeLabelProp="label"
      loadData={term ? undefined : async (node) => loadChildren(String(node.value))}
      showSearch={{ searchValue: input, onSearch: setInput, filterTreeNode: false, autoClearSearchValue: true }}
      loading={roots.isPending || search.isFetching}
      notFoundContent={term && !search.isFetching ? '没有找到匹配的组织机构' : undefined}
      popupMatchSelectWidth={false}
      listHeight={360}
      onChange={(next) => {
        if (!next) return;
        const name = typeof next.label === 'string' ? next.label : next.value;
        setLabels((prev) => ({ ...prev, [next.value]: name }));
        setInput('');
        onChange?.(next.value);
      }}
    />
  );
}
