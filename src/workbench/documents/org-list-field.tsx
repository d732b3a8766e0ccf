import { CloseOutlined } from '@ant-design/icons';
import { Button, Flex, Tag } from 'antd';
import { useOrg } from '../api/client.js';
import { OrgPicker } from '../orgs/org-picker.js';

interface OrgListFieldProps {
  readonly id?: string;
  /** Organisation ids, in the order chosen (a form field's value). */
  readonly value?: readonly string[];
  readonly onChange?: (ids: string[]) => void;
  /** Names already known (from the document being edited). */
  readonly names?: Readonly<Record<string, string>>;
  readonly placeholder: string;
  /** Ids the server named in a rule problem: marked in red. */
  readonly flagged?: readonly string[];
}

/** Several organisations from the registry: each one chosen is a tag; the picker adds the next. */
export function OrgListField({ id, value = [], onChange, names = {}, placeholder, flagged = [] }: OrgListFieldProps) {
  return (
    <Flex vertical gap={8}>
      {value.length > 0 && (
        <Flex wrap gap={4} role="list" aria-label={placeholder.replace(/^添加/, '已选')}>
          {value.map((orgId) => (
            <ChosenOrg
              key={orgId}
              orgId={orgId}
              known={names[orgId]}
              flagged={flagged.includes(orgId)}
              onRemove={() => onChange?.(value.filter((v) => v !== orgId))}
            />
          ))}
        </Flex>
      )}
      {/* A fresh picker after each choice: it keeps no selection of its own. */}
      <OrgPicker
        key={value.length}
        id={id}
        placeholder={placeholder}
        onChange={(orgId) => {
          if (!value.includes(orgId)) onChange?.([...value, orgId]);
        }}
      />
    </Flex>
  );
}

/** A chosen organisation, its name looked up in the registry when not already known. */
function ChosenOrg({ orgId, known, flagged, onRemove }: { orgId: string; known?: string; flagged: boolean; onRemove: () => void }) {
  const org = useOrg(known ? null : orgId);
  const name = known ?? org.data?.nameZh ?? '…';
  return (
    <span role="listitem">
      <Tag color={flagged ? 'red' : 'blue'} className="wb-org-chip">
        {name}
        <Button type="text" size="small" icon={<CloseOutlined />} aria-label={`移除 ${name}`} onClick={onRemove} />
      </Tag>
    </span>
  );
}
