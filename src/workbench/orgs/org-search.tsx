import { SearchOutlined } from '@ant-design/icons';
import { Select, Spin, Typography } from 'antd';
import { useState } from 'react';
import { orgKindLabels } from '../../shared/orgs.js';
import { useOrgSearch, type Org } from '../api/client.js';
import { useDebounced } from './use-debounced.js';

interface SearchOption {
  readonly value: string;
  readonly label: string;
  readonly org: Org;
}

/** Finds an organisation by name, short name, pinyin or code; choosing a result selects it. */
export function OrgSearch({ onSelect }: { onSelect: (id: string) => void }) {
  const [input, setInput] = useState('');
  const term = useDebounced(input.trim(), 250);
  const search = useOrgSearch(term);
  const results = term ? (search.data?.items ?? []) : [];

  const notFound = !term ? null : search.isFetching ? (
    <Spin size="small" />
  ) : search.isError ? (
    <Typography.Text type="danger">{search.error.message}</Typography.Text>
  ) : (
    '没有找到匹配的组织机构'
  );

  return (
    <div className="wb-org-search">
      <label htmlFor="org-search" className="wb-field-label">
        检索组织机构
      </label>
      <Select<string | null, SearchOption>
        id="org-search"
        style={{ width: '100%' }}
        placeholder="名称、简称、拼音或区划代码"
        showSearch={{ filterOption: false, searchValue: input, onSearch: setInput, autoClearSearchValue: false }}
        value={null}
        suffixIcon={<SearchOutlined aria-hidden />}
        loading={search.isFetching}
        notFoundContent={notFound}
        // A plain-text label is what screen readers announce; the kind and code are shown beside it.
        options={results.map((org) => ({ value: org.id, label: org.nameZh, org }))}
        optionRender={({ data }) => (
          <span>
            {data.label}
            <span className="wb-kind">
              {orgKindLabels[data.org.kind]}
              {data.org.code ? ` · ${data.org.code}` : ''}
            </span>
          </span>
        )}
        onChange={(id) => {
          if (!id) return;
          onSelect(id);
          setInput('');
        }}
      />
    </div>
  );
}
