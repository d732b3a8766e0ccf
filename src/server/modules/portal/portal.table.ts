import type { Insertable, Selectable, Updateable } from 'kysely';
import type { ArticleAction, ArticleStatus, ArticleValidity, ColumnCategory, PortalLanguage, SiteKind } from '../../../shared/portal.js';

/** A site of the group (集约化): the main portal, a department's site or section, a banner/county portal, a topic site. */
export interface PortalSiteTable {
  id: string;
  /** Short stable name used in URLs and the CLI, e.g. `main`, `fgw`, `aes`, `tour`. */
  code: string;
  /** The organisation that owns the site: its editors and reviewers publish here. */
  org_id: string;
  /** The site it is a section of (a department's section under the main portal); null for the main portal. */
  parent_site_id: string | null;
  kind: SiteKind;
  name_zh: string;
  name_mn: string | null;
  /**
   * Where the site lives under a shared host: '' for the main portal, `/fgw` for a department section.
   * A site with its own host name (`portal_site_hosts`) is also served at `/` on that host.
   */
  path_prefix: string;
  /** 网站标识码 (10 digits); null until assigned. */
  site_id_code: string | null;
  /** ICP备案号. */
  icp_number: string | null;
  /** 公安机关备案号. */
  psb_number: string | null;
  /** JSON array of PortalLanguage, Chinese first. */
  languages: string;
  /** JSON object: theme settings (accent colour, banner text, …). */
  theme: string;
  position: number;
  created_at: string;
  updated_at: string;
}

/** A host name that routes to a site (e.g. `fgw.hinggan.gov.cn`). */
export interface PortalSiteHostTable {
  host: string;
  site_id: string;
}

/** A column (栏目) in a site's tree. */
export interface PortalColumnTable {
  id: string;
  site_id: string;
  parent_id: string | null;
  /** URL segment, lower-case latin letters, digits and hyphens. */
  slug: string;
  /** The slugs from the root, joined with '/': the column's URL under its site. */
  path: string;
  name_zh: string;
  name_mn: string | null;
  category: ColumnCategory;
  position: number;
  description: string | null;
  created_at: string;
  updated_at: string;
}

/** The last article serial given out per site (articles are `/{column path}/{serial}.html`). */
export interface PortalArticleSerialTable {
  site_id: string;
  last_serial: number;
}

export interface PortalArticleTable {
  id: string;
  site_id: string;
  column_id: string;
  /** Per-site serial, never reused: the article's friendly URL. */
  serial: number;
  lang: PortalLanguage;
  /** For a language version: the article it translates (the Chinese original). */
  translation_of: string | null;
  title: string;
  subtitle: string | null;
  /** 来源 (ContentSource). */
  source: string | null;
  author: string | null;
  summary: string | null;
  /** Sanitised HTML. */
  body_html: string;
  cover_file_id: string | null;
  /** JSON array of strings. */
  tags: string;
  /** For a 政策解读: the policy document (article) it interprets. */
  interprets_id: string | null;
  status: ArticleStatus;
  validity: ArticleValidity;
  /** Why and from when a policy is expired or abolished (shown on the original). */
  validity_note: string | null;
  validity_changed_at: string | null;
  /** The business date (YYYY-MM-DD) from which it is expired or abolished (migration 0018). */
  validity_on: string | null;
  /** The scheduled publish time (never in the past when set). */
  publish_at: string | null;
  /** The time the article went live: the page's PubDate; never back-dated. */
  published_at: string | null;
  withdrawn_at: string | null;
  withdraw_reason: string | null;
  reject_reason: string | null;
  /** The latest version number in `portal_article_versions`. */
  version: number;
  /** Bumped by every write: an action updates only the revision it read. */
  revision: number;
  created_by: string;
  created_by_name: string;
  submitted_by: string | null;
  submitted_at: string | null;
  reviewed_by: string | null;
  reviewed_by_name: string | null;
  reviewed_at: string | null;
  created_at: string;
  updated_at: string;
}

/** Every saved version of an article (numbered from 1). `fields` is JSON of the other edited fields. */
export interface PortalArticleVersionTable {
  id: string;
  article_id: string;
  number: number;
  title: string;
  subtitle: string | null;
  body_html: string;
  fields: string;
  created_by: string;
  created_by_name: string;
  created_at: string;
}

export interface PortalArticleAttachmentTable {
  id: string;
  article_id: string;
  file_id: string;
  title: string;
  position: number;
  created_at: string;
}

export interface PortalArticleEventTable {
  id: string;
  article_id: string;
  action: ArticleAction;
  actor_id: string | null;
  actor_name: string;
  reason: string | null;
  /** The article's version when it happened. */
  version: number;
  at: string;
}

/** A permanent redirect from a path that used to exist (after a column or site moved). */
export interface PortalRedirectTable {
  from_path: string;
  to_path: string;
  created_at: string;
}

export type PortalSiteRow = Selectable<PortalSiteTable>;
export type NewPortalSiteRow = Insertable<PortalSiteTable>;
export type PortalSiteUpdate = Updateable<PortalSiteTable>;
export type PortalColumnRow = Selectable<PortalColumnTable>;
export type NewPortalColumnRow = Insertable<PortalColumnTable>;
export type PortalArticleRow = Selectable<PortalArticleTable>;
export type NewPortalArticleRow = Insertable<PortalArticleTable>;
export type PortalArticleUpdate = Updateable<PortalArticleTable>;
export type PortalArticleVersionRow = Selectable<PortalArticleVersionTable>;
export type PortalArticleEventRow = Selectable<PortalArticleEventTable>;

declare module '../../db/schema.js' {
  interface Database {
    portal_sites: PortalSiteTable;
    portal_site_hosts: PortalSiteHostTable;
    portal_columns: PortalColumnTable;
    portal_article_serials: PortalArticleSerialTable;
    portal_articles: PortalArticleTable;
    portal_article_versions: PortalArticleVersionTable;
    portal_article_attachments: PortalArticleAttachmentTable;
    portal_article_events: PortalArticleEventTable;
    portal_redirects: PortalRedirectTable;
  }
}
