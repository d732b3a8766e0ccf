import type { Insertable, Selectable } from 'kysely';

/** One run of the inspection indicators over one site (migration 0020); the newest per site is current. */
export interface PortalInspectionRunTable {
  id: string;
  site_id: string;
  checked_at: string;
  trigger: 'schedule' | 'manual';
  triggered_by_name: string | null;
  veto_count: number;
  warning_count: number;
  finding_count: number;
  passed_count: number;
  applicable_count: number;
  /** JSON `InspectionResult` (indicators, findings, page probes). */
  result: string;
}

export type PortalInspectionRunRow = Selectable<PortalInspectionRunTable>;
export type NewPortalInspectionRunRow = Insertable<PortalInspectionRunTable>;

declare module '../../../db/schema.js' {
  interface Database {
    portal_inspection_runs: PortalInspectionRunTable;
  }
}
