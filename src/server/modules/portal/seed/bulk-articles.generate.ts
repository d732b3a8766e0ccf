import type { Insertable } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { newId } from '../../../platform/ids.js';
import type { SearchDocument } from '../../../platform/search/index.js';
import type { ColumnCategory } from '../../../../shared/portal.js';
import type { PortalColumnRow, PortalSiteRow } from '../portal.table.js';
import { PORTAL_SEARCH_SCOPE, PUBLIC_TAG, portalSearchKey } from '../portal-search.js';
import { articlePagePath } from '../publishing/public-paths.js';
import { categoryWeights, pick, places, seeded, sentences, sources, subjects, titlePatterns } from './bulk-articles.text.js';

export interface BulkArticleRows {
  articles: Insertable<Database['portal_articles']>[];
  versions: Insertable<Database['portal_article_versions']>[];
  entries: SearchDocument[];
}

const DAY = 86_400_000;
/** The business date of an instant in Asia/Shanghai (UTC+8 all year): arithmetic, as a million rows need. */
const businessDate = (ms: number): string => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);

/** Who the bulk articles are written and reviewed by (two people: a reviewer never reviews their own). */
export const bulkEditor = { id: 'bulk-editor', name: '批量生成（编辑）' } as const;
export const bulkReviewer = { id: 'bulk-reviewer', name: '批量生成（审核）' } as const;

interface Place {
  readonly site: PortalSiteRow;
  readonly column: PortalColumnRow;
}

/**
 * Generates published articles spread over the group's sites, their columns (mostly news and
 * notices, as a portal publishes) and the past `years`, oldest first, as batches of rows for multi-row inserts,
 * each with its first version and its public search entry (`portal-search.ts`). Serials continue
 * each site's counter, so friendly URLs stay unique.
 */
export class BulkArticleGenerator {
  readonly #random: () => number;
  readonly #now: number;
  readonly #span: number;
  readonly #byCategory: ReadonlyMap<ColumnCategory, readonly Place[]>;
  readonly #anywhere: readonly Place[];
  readonly #serials: Map<string, number>;
  readonly #count: number;
  #written = 0;

  constructor(options: {
    /** How many articles this run writes: they come in publication order, oldest first. */
    count: number;
    sites: readonly PortalSiteRow[];
    columns: readonly PortalColumnRow[];
    now: Date;
    years: number;
    seed: number;
    lastSerials: ReadonlyMap<string, number>;
  }) {
    this.#random = seeded(options.seed);
    this.#now = options.now.getTime();
    this.#span = options.years * 365 * DAY;
    this.#serials = new Map(options.lastSerials);
    this.#count = Math.max(1, options.count);
    const sites = new Map(options.sites.map((s) => [s.id, s]));
    const byCategory = new Map<ColumnCategory, Place[]>();
    const anywhere: Place[] = [];
    for (const column of options.columns) {
      const site = sites.get(column.site_id);
      if (!site) continue;
      // The main portal publishes more than a section or a topic site: its columns count three times.
      const weight = site.parent_site_id === null && site.kind === 'portal' ? 3 : 1;
      for (let i = 0; i < weight; i++) {
        byCategory.set(column.category, [...(byCategory.get(column.category) ?? []), { site, column }]);
        anywhere.push({ site, column });
      }
    }
    if (anywhere.length === 0) throw new Error('门户网站尚无栏目，无法生成批量文章：请先写入种子（hinggan seed）');
    this.#byCategory = byCategory;
    this.#anywhere = anywhere;
  }

  /** The last serial taken per site so far. */
  serials(): ReadonlyMap<string, number> {
    return this.#serials;
  }

  batch(size: number): BulkArticleRows {
    const rows: BulkArticleRows = { articles: [], versions: [], entries: [] };
    for (let i = 0; i < size; i++) this.#one(rows);
    return rows;
  }

  #category(): ColumnCategory {
    let r = this.#random() * categoryWeights.reduce((sum, [, w]) => sum + w, 0);
    for (const [category, weight] of categoryWeights) {
      if ((r -= weight) < 0) return category;
    }
    return 'news';
  }

  #one(rows: BulkArticleRows): void {
    const random = this.#random;
    const category = this.#category();
    const { site, column } = pick(random, this.#byCategory.get(category) ?? this.#anywhere);
    const serial = (this.#serials.get(site.id) ?? 0) + 1;
    this.#serials.set(site.id, serial);

    // In publication order, as a site publishes (serials and table order follow the dates); recent
    // years publish more: the power skews ages towards the present.
    const remaining = 1 - (this.#written + random()) / this.#count;
    this.#written += 1;
    const publishedMs = this.#now - Math.floor(Math.max(0, remaining) ** 1.5 * this.#span) - 3_600_000;
    const published = new Date(publishedMs).toISOString();
    const created = new Date(publishedMs - Math.floor(random() * 3 * DAY) - 600_000).toISOString();
    const place = pick(random, places);
    const subject = pick(random, subjects);
    const title = pick(random, titlePatterns[column.category]).replace('{p}', place).replace('{s}', subject);
    const paragraphs = Array.from({ length: 2 + Math.floor(random() * 3) }, () =>
      [pick(random, sentences), pick(random, sentences)].join(''),
    );
    paragraphs[0] = `${place}${subject}工作有关情况如下。${paragraphs[0]}`;
    const bodyHtml = paragraphs.map((p) => `<p>${p}</p>`).join('\n');
    const source = pick(random, sources);
    const id = newId();

    rows.articles.push({
      id,
      site_id: site.id,
      column_id: column.id,
      serial,
      lang: 'zh-CN',
      translation_of: null,
      title,
      subtitle: null,
      source,
      author: null,
      summary: null,
      body_html: bodyHtml,
      cover_file_id: null,
      tags: JSON.stringify([subject]),
      interprets_id: null,
      status: 'published',
      validity: 'valid',
      validity_note: null,
      validity_changed_at: null,
      publish_at: null,
      published_at: published,
      withdrawn_at: null,
      withdraw_reason: null,
      reject_reason: null,
      version: 1,
      revision: 1,
      created_by: bulkEditor.id,
      created_by_name: bulkEditor.name,
      submitted_by: bulkEditor.id,
      submitted_at: created,
      reviewed_by: bulkReviewer.id,
      reviewed_by_name: bulkReviewer.name,
      reviewed_at: published,
      created_at: created,
      updated_at: published,
    });
    rows.versions.push({
      id: newId(),
      article_id: id,
      number: 1,
      title,
      subtitle: null,
      body_html: bodyHtml,
      fields: JSON.stringify({ source, tags: [subject] }),
      created_by: bulkEditor.id,
      created_by_name: bulkEditor.name,
      created_at: created,
    });
    rows.entries.push({
      scope: PORTAL_SEARCH_SCOPE,
      key: portalSearchKey('article', id),
      title,
      body: paragraphs.join('\n'),
      extra: '',
      fields: {
        site: site.id,
        column: column.id,
        type: 'article',
        date: businessDate(publishedMs),
        lang: 'zh-CN',
      },
      shown: { url: articlePagePath(site.path_prefix, column.path, serial), siteName: site.name_zh },
      visibility: [PUBLIC_TAG],
    });
  }
}
