import { App as AntApp, Alert, Spin, Tree, type GetRef, type TreeDataNode } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState, type Key } from 'react';
import { orgKindLabels } from '../../shared/orgs.js';
import { orgQueries, queryClient, useOrgTree, type Org } from '../api/client.js';

type TreeRef = GetRef<typeof Tree>;

interface OrgTreeProps {
  /** The selected organisation's id, highlighted in the tree. */
  readonly selectedId: string | null;
  /** Ids from a root down to the organisation to show: every one but the last is expanded. */
  readonly revealPath: readonly string[];
  readonly onSelect: (id: string) => void;
}

/**
 * The organisation tree, loaded one level at a time: a league has hundreds of sumu, gacha and
 * offices, and a person usually needs one branch.
 */
export function OrgTree({ selectedId, revealPath, onSelect }: OrgTreeProps) {
  const roots = useOrgTree({ depth: 0 });
  const [childrenOf, setChildrenOf] = useState<Readonly<Record<string, readonly Org[]>>>({});
  const [expanded, setExpanded] = useState<Key[]>([]);
  const treeRef = useRef<TreeRef>(null);
  const { message } = AntApp.useApp();

  const loadChildren = useCallback(async (id: string) => {
    const [node] = await queryClient.fetchQuery(orgQueries.tree({ root: id, depth: 1 }));
    setChildrenOf((prev) => (prev[id] ? prev : { ...prev, [id]: node?.children ?? [] }));
  }, []);

  // Expand the way down to the organisation being shown, loading each level it passes through.
  const revealKey = revealPath.join('/');
  useEffect(() => {
    const ids = revealKey ? revealKey.split('/') : [];
    if (!ids.length) return;
    let cancelled = false;
    const ancestors = ids.slice(0, -1);
    (async () => {
      for (const id of ancestors) await loadChildren(id);
      if (cancelled) return;
      setExpanded((prev) => [...new Set([...prev, ...ancestors])]);
      requestAnimationFrame(() => treeRef.current?.scrollTo({ key: ids.at(-1)!, align: 'auto' }));
    })().catch(() => {
      if (!cancelled) void message.error('组织机构树加载失败');
    });
    return () => {
      cancelled = true;
    };
  }, [revealKey, loadChildren, message]);

  const treeData = useMemo(() => {
    const build = (org: Org): TreeDataNode => {
      const children = childrenOf[org.id];
      return {
        key: org.id,
        title: (
          <span>
            {org.nameZh}
            <span className="wb-kind">{orgKindLabels[org.kind]}</span>
          </span>
        ),
        isLeaf: children?.length === 0 ? true : undefined,
        children: children?.map(build),
      };
    };
    return (roots.data ?? []).map(build);
  }, [roots.data, childrenOf]);

  if (roots.isPending) return <Spin description="正在加载组织机构…" />;
  if (roots.isError) return <Alert type="error" showIcon title={roots.error.message} />;

  return (
    <Tree
      ref={treeRef}
      aria-label="组织机构树"
      blockNode
      height={560}
      treeData={treeData}
      expandedKeys={expanded}
      onExpand={(keys) => setExpanded(keys)}
      selectedKeys={selectedId ? [selectedId] : []}
      onSelect={(_keys, { node }) => onSelect(String(node.key))}
      loadData={async (node) => {
        try {
          await loadChildren(String(node.key));
        } catch {
          void message.error('下级组织加载失败，请重试');
        }
      }}
    />
  );
}
