import { Select, Space, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { useSession } from '../api/client.js';
import { OrgPicker } from '../orgs/org-picker.js';

/** The roles that open the catalogue (see the server's service item policy). */
const servicesRoles = new Set(['officer', 'it_office']);

export interface ServicesOrg {
  readonly orgId: string | undefined;
  /** Opens another organisation's catalogue (and closes any item of the previous one). */
  readonly setOrgId: (id: string) => void;
  /** The organisations the user's roles name, each once. */
  readonly choices: readonly { readonly value: string; readonly label: string }[];
  /** A role over a whole subtree (信息化办公室): any organisation below may be chosen. */
  readonly subtree: boolean;
}

/**
 * Whose catalogue the page shows: the `org` search parameter (the self-inspection links there), else
 * the organisation of the user's first catalogue role. The server decides what the user may see there.
 */
export function useServicesOrg(): ServicesOrg {
  const { data: session } = useSession();
  const [params, setParams] = useSearchParams();
  const grants = (session?.roles ?? []).filter((r) => servicesRoles.has(r.role));
  const choices = [...new Map(grants.map((g) => [g.orgId, { value: g.orgId, label: g.orgName }])).values()];
  return {
    orgId: params.get('org') ?? choices[0]?.value,
    setOrgId: (id) =>
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          next.set('org', id);
          next.delete('item');
          return next;
        },
        { replace: true },
      ),
    choices,
    subtree: grants.some((g) => g.scope === 'subtree'),
  };
}

/** Chooses the implementing organisation when the user has more than one (or oversees a subtree). */
export function ServicesOrgChoice({ org, label }: { org: ServicesOrg; label?: string }) {
  const known = org.choices.find((c) => c.value === org.orgId)?.label ?? label;
  if (org.subtree) {
    return (
      <Space>
        <label htmlFor="services-org" className="wb-field-label">实施机关</label>
        <div style={{ width: 320 }}>
          <OrgPicker id="services-org" value={org.orgId} onChange={org.setOrgId} initialLabel={known} placeholder="选择机关" />
        </div>
      </Space>
    );
  }
  if (org.choices.length > 1) {
    return (
      <Space>
        <label htmlFor="services-org" className="wb-field-label">实施机关</label>
        <Select id="services-org" style={{ width: 320 }} value={org.orgId} onChange={org.setOrgId} options={[...org.choices]} />
      </Space>
    );
  }
  return <Typography.Text type="secondary">{known ?? org.choices[0]?.label}</Typography.Text>;
}
