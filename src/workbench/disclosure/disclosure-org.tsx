import { Select, Space, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { useSession } from '../api/client.js';
import { OrgPicker } from '../orgs/org-picker.js';

/** The roles that open the disclosure area (see the server's disclosure policies). */
const disclosureRoles = new Set(['editor', 'reviewer', 'officer', 'it_office']);

export interface DisclosureOrg {
  readonly orgId: string | undefined;
  readonly setOrgId: (id: string) => void;
  /** The organisations the user's roles name, each once. */
  readonly choices: readonly { readonly value: string; readonly label: string }[];
  /** A role over a whole subtree (信息化办公室): any organisation below may be chosen. */
  readonly subtree: boolean;
  /** The user's disclosure roles in any organisation. */
  readonly roles: ReadonlySet<string>;
}

/**
 * Whose disclosure platform the page shows: the `org` search parameter, else the organisation of the
 * user's first disclosure role. The server decides what the user may see there.
 */
export function useDisclosureOrg(): DisclosureOrg {
  const { data: session } = useSession();
  const [params, setParams] = useSearchParams();
  const grants = (session?.roles ?? []).filter((r) => disclosureRoles.has(r.role));
  const choices = [...new Map(grants.map((g) => [g.orgId, { value: g.orgId, label: g.orgName }])).values()];
  const orgId = params.get('org') ?? choices[0]?.value;
  return {
    orgId,
    setOrgId: (id) =>
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          next.set('org', id);
          return next;
        },
        { replace: true },
      ),
    choices,
    subtree: grants.some((g) => g.scope === 'subtree'),
    roles: new Set(grants.map((g) => g.role)),
  };
}

/** Chooses the organisation when the user has more than one (or oversees a subtree). */
export function DisclosureOrgChoice({ org, label }: { org: DisclosureOrg; label?: string }) {
  if (org.subtree) {
    return (
      <Space>
        <label htmlFor="disclosure-org" className="wb-field-label">机关</label>
        <div style={{ width: 320 }}>
          <OrgPicker id="disclosure-org" value={org.orgId} onChange={org.setOrgId} initialLabel={label} placeholder="选择机关" />
        </div>
      </Space>
    );
  }
  if (org.choices.length > 1) {
    return (
      <Space>
        <label htmlFor="disclosure-org" className="wb-field-label">机关</label>
        <Select id="disclosure-org" style={{ width: 320 }} value={org.orgId} onChange={org.setOrgId} options={[...org.choices]} />
      </Space>
    );
  }
  return <Typography.Text type="secondary">{label ?? org.choices[0]?.label}</Typography.Text>;
}
