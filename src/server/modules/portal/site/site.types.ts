import type { ColumnCategory, PortalLanguage, SiteKind } from '../../../../shared/portal.js';

/** A site of the group as the public pages see it (read from `portal_sites` and its host names). */
export interface PublicSite {
  readonly id: string;
  readonly code: string;
  readonly orgId: string;
  readonly kind: SiteKind;
  readonly nameZh: string;
  readonly nameMn: string | null;
  /** '' for the main portal, `/fgw` for a section; never ends with '/'. */
  readonly pathPrefix: string;
  /** Host names of its own (`aes.hinggan.local`); on those the site is also served at `/`. */
  readonly hosts: readonly string[];
  /** 网站标识码 (10 digits), ICP备案号, 公安机关备案号; null until assigned. */
  readonly siteIdCode: string | null;
  readonly icp: string | null;
  readonly psb: string | null;
  readonly languages: readonly PortalLanguage[];
  /** 主办单位: the owning organisation's Chinese name. */
  readonly hostOrgName: string;
}

/** A column (栏目) of a site's tree. */
export interface PublicColumn {
  readonly id: string;
  readonly siteId: string;
  readonly parentId: string | null;
  /** Slugs from the root joined with '/'. */
  readonly path: string;
  readonly nameZh: string;
  readonly nameMn: string | null;
  readonly category: ColumnCategory;
  readonly position: number;
  readonly description: string | null;
}
