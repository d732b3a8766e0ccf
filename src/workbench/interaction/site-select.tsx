import { Select } from 'antd';
import type { InteractionSite } from '../api/interaction.js';

interface SiteSelectProps {
  readonly id: string;
  readonly sites: readonly InteractionSite[];
  readonly value?: string | undefined;
  readonly onChange?: (siteId: string | undefined) => void;
  readonly allowClear?: boolean;
  readonly disabled?: boolean;
}

/** One of the sites whose interaction area the user handles. */
export function SiteSelect({ id, sites, value, onChange, allowClear, disabled }: SiteSelectProps) {
  return (
    <Select<string>
      id={id}
      style={{ width: '100%' }}
      allowClear={allowClear}
      disabled={disabled}
      placeholder={allowClear ? '全部网站' : '选择网站'}
      value={value}
      onChange={(v) => onChange?.(v)}
      options={sites.map((s) => ({ value: s.id, label: s.name }))}
      notFoundContent="没有负责的网站"
    />
  );
}

/** The chosen site, or the first one the user handles. */
export const siteOrFirst = (sites: readonly InteractionSite[], chosen: string | undefined) =>
  sites.some((s) => s.id === chosen) ? chosen : sites[0]?.id;
