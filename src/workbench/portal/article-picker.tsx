import { Select } from 'antd';
import { useState } from 'react';
import { usePortalArticle, usePortalArticles } from '../api/portal.js';
import { useDebounced } from '../orgs/use-debounced.js';

interface ArticlePickerProps {
  readonly id?: string;
  readonly value?: string | null;
  readonly onChange?: (value: string | null) => void;
  readonly siteId: string | undefined;
  /** The article being edited: never offered as its own link. */
  readonly self?: string;
  readonly placeholder: string;
}

/** Another article of the site, found by title words; the server judges whether the link is allowed. */
export function ArticlePicker({ id, value, onChange, siteId, self, placeholder }: ArticlePickerProps) {
  const [input, setInput] = useState('');
  const term = useDebounced(input.trim(), 250);
  const found = usePortalArticles({ view: 'all', pageSize: 20, ...(siteId ? { siteId } : {}), ...(term ? { q: term } : {}) });
  const current = usePortalArticle(value ?? undefined);
  const options = (found.data?.items ?? []).filter((a) => a.id !== self).map((a) => ({ value: a.id, label: `${a.title}（${a.columnName}）` }));
  if (value && current.data && !options.some((o) => o.value === value)) options.unshift({ value, label: `${current.data.title}（${current.data.columnName}）` });
  return (
    <Select<string>
      id={id}
      allowClear
      style={{ width: '100%' }}
      placeholder={placeholder}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)}
      showSearch={{ filterOption: false, searchValue: input, onSearch: setInput }}
      loading={found.isFetching}
      options={options}
      notFoundContent="没有找到文章"
    />
  );
}
