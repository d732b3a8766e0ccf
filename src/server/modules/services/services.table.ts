import type { Insertable, Selectable, Updateable } from 'kysely';
import type {
  HandlingKind,
  OnlineDepth,
  ServiceHandlingType,
  ServiceItemKind,
  ServiceItemLevel,
  ServiceItemStatus,
} from '../../../shared/services.js';

/** A government service item (政务服务事项) with its 办事指南. */
export interface ServiceItemTable {
  id: string;
  /** 事项编码 (实施编码): unique in the deployment, never reused once given. */
  code: string;
  /** 实施机关. */
  org_id: string;
  /** The 主项 of a 子项, or the 子项 (or 主项) of a 业务办理项. */
  parent_id: string | null;
  name: string;
  kind: ServiceItemKind;
  level: ServiceItemLevel;
  handling_kind: HandlingKind | null;
  competent_dept: string;
  basis: string;
  conditions: string;
  /** JSON array of ServiceMaterial. */
  materials: string;
  /** JSON array of ServiceStep. */
  steps: string;
  legal_days: number | null;
  promised_days: number | null;
  handling_type: ServiceHandlingType;
  fee: string;
  place: string;
  phone: string;
  complaint_phone: string;
  /** JSON array of ServiceAudience. */
  audiences: string;
  online_depth: OnlineDepth;
  status: ServiceItemStatus;
  withdraw_reason: string | null;
  published_at: string | null;
  /** Raised by every change; an edit names the revision it started from. */
  revision: number;
  created_by: string;
  created_by_name: string;
  created_at: string;
  updated_by_name: string;
  updated_at: string;
}

export type ServiceItemRow = Selectable<ServiceItemTable>;
export type NewServiceItemRow = Insertable<ServiceItemTable>;
export type ServiceItemUpdate = Updateable<ServiceItemTable>;

declare module '../../db/schema.js' {
  interface Database {
    service_items: ServiceItemTable;
  }
}
