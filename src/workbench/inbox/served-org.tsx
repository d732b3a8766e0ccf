import { Select, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { useInboxes, type InboxSummary } from '../api/inbox.js';

/**
 * The organisation a receiving page works for: one the user serves (from the server's list of
 * inboxes), chosen in the address (`?org=`) so a link keeps it; the first one by default.
 */
export function useServedOrg() {
  const inboxes = useInboxes();
  const [params, setParams] = useSearchParams();
  const items = inboxes.data?.items ?? [];
  const wanted = params.get('org');
  const current = items.find((i) => i.org.orgId === wanted) ?? items[0];
  const choose = (orgId: string) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        next.set('org', orgId);
        return next;
      },
      { replace: true },
    );
  return { inboxes, items, current, orgId: current?.org.orgId, choose };
}

/** Picks among the served organisations; a single one is just named. */
export function ServedOrgSelect({ items, current, onChange, id = 'served-org' }: { items: readonly InboxSummary[]; current?: InboxSummary; onChange: (orgId: string) => void; id?: string }) {
  if (items.length <= 1) return current ? <Typography.Text strong>{current.org.name}</Typography.Text> : null;
  return (
    <span>
      <label htmlFor={id} className="wb-field-label" style={{ display: 'inline', marginRight: 8 }}>
        单位
      </label>
      <Select
        id={id}
        style={{ minWidth: 240 }}
        value={current?.org.orgId}
        onChange={onChange}
        options={items.map((i) => ({ value: i.org.orgId, label: i.counts.todo ? `${i.org.name}（待办 ${i.counts.todo}）` : i.org.name }))}
      />
    </span>
  );
}
