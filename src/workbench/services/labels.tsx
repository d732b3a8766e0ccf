import { Tag, Tooltip } from 'antd';
import {
  guideElements,
  handlingKinds,
  materialForms,
  onlineDepths,
  serviceAudiences,
  serviceHandlingTypes,
  serviceItemKinds,
  serviceItemLevels,
  serviceItemStatuses,
  type GuideElement,
  type HandlingKind,
  type ServiceHandlingType,
  type ServiceItemLevel,
  type ServiceItemStatus,
} from '../../shared/services.js';

const optionsOf = <K extends string>(labels: Readonly<Record<K, string>>) => (Object.keys(labels) as K[]).map((value) => ({ value, label: labels[value] }));

export const kindOptions = optionsOf(serviceItemKinds);
export const levelOptions = optionsOf(serviceItemLevels);
export const handlingKindOptions = optionsOf(handlingKinds);
export const handlingTypeOptions = optionsOf(serviceHandlingTypes);
export const audienceOptions = optionsOf(serviceAudiences);
export const onlineDepthOptions = optionsOf(onlineDepths);
export const materialFormOptions = optionsOf(materialForms);

const statusColors: Record<ServiceItemStatus, string> = { draft: 'default', published: 'green', withdrawn: 'volcano' };
export const ItemStatusTag = ({ status }: { status: ServiceItemStatus }) => <Tag color={statusColors[status]}>{serviceItemStatuses[status]}</Tag>;

/** 主项 / 子项 / 业务办理项·新设. */
export const LevelTag = ({ level, handlingKind }: { level: ServiceItemLevel; handlingKind: HandlingKind | null }) => (
  <Tag color={level === 'main' ? 'blue' : level === 'sub' ? 'cyan' : 'purple'}>
    {serviceItemLevels[level]}
    {level === 'handling' && handlingKind ? `·${handlingKinds[handlingKind]}` : ''}
  </Tag>
);

/** 即办件, or 承诺件 with its promised working days. */
export function handlingText(type: ServiceHandlingType, promisedDays: number | null): string {
  if (type === 'instant') return serviceHandlingTypes.instant;
  return `${serviceHandlingTypes.promised} · ${promisedDays === null ? '时限未填' : `${promisedDays}个工作日`}`;
}

export const elementLabels = (missing: readonly GuideElement[]) => missing.map((e) => guideElements[e]);

/** 指南要素: 齐全, or 缺 N 项 naming them. */
export function GuideTag({ missing }: { missing: readonly GuideElement[] }) {
  if (!missing.length) return <Tag color="green">齐全</Tag>;
  const labels = elementLabels(missing).join('、');
  return (
    <Tooltip title={`缺少或不合规：${labels}`}>
      <Tag color="orange" tabIndex={0} aria-label={`缺 ${missing.length} 项：${labels}`}>
        缺 {missing.length} 项
      </Tag>
    </Tooltip>
  );
}
