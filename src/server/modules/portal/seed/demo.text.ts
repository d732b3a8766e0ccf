import type { ArticleValidity, ColumnCategory, PortalLanguage } from '../../../../shared/portal.js';

/**
 * The shape of the demo articles of the site group: news, notices, policy documents with their 解读, special
 * topics and service guides on the main portal (`main`), 发改委's site (`fgw`), 阿尔山市's portal
 * (`aes`) and the tourism information site (`tour`), and Mongolian versions of some of them.
 *
 * Written for the demo from public facts about Hinggan League (兴安盟): 数字政府, 蒙速办, the
 * 电子政务外网 and 一网通办; 阿尔山 (hot springs, the national forest park, the ice-and-snow and
 * azalea festivals, 阿尔山—柴河); rice in 扎赉特旗, maize, beef cattle and the 兴安盟大米 brand;
 * ecology and the heating season. No figure here is an official statistic: texts speak of plans,
 * activities and arrangements.
 */

/** The sites of the demo group, by code (H1's `sites.seed.ts`). */
export type DemoSite = 'main' | 'fgw' | 'aes' | 'tour';

/** An instant relative to the seed's clock: whole days before it and a time of day (Asia/Shanghai). */
export type DemoWhen = readonly [daysAgo: number, time: string];

export interface DemoArticle {
  /** Stable key: translations and 解读 refer to it, and the seed skips what it already wrote. */
  readonly key: string;
  readonly site: DemoSite;
  /** The column's inspection category; the article goes to a column of the site with it. */
  readonly category: ColumnCategory;
  /**
   * Part of the column's Chinese name to prefer (`政策解读`, `旗县`…); when no column of the
   * category matches, the seed spreads such articles over the category's columns.
   */
  readonly column?: string;
  readonly title: string;
  readonly subtitle?: string;
  readonly source: string;
  readonly author?: string;
  readonly summary?: string;
  /** Paragraph HTML (plain `<p>`, `<h2>`, `<ul>`): survives sanitising unchanged. */
  readonly body: string;
  readonly tags?: readonly string[];
  /** When it is published; for a scheduled article (`scheduleInDays`) when it is created. */
  readonly at: DemoWhen;
  readonly lang?: PortalLanguage;
  /** The key of the Chinese original (a Mongolian version). */
  readonly translationOf?: string;
  /** The key of the policy document this 解读 interprets. */
  readonly interprets?: string;
  /** Withdrawn after publication, with the notice shown on its page. */
  readonly withdrawn?: { readonly at: DemoWhen; readonly reason: string };
  /** A policy document marked expired or abolished on its page. */
  readonly validity?: { readonly value: Exclude<ArticleValidity, 'valid'>; readonly at: DemoWhen; readonly note: string };
  /** Approved now but published this many days after the seed, at `at`'s time of day. */
  readonly scheduleInDays?: number;
}

/** Paragraphs as HTML. */
export const paras = (...texts: readonly string[]): string => texts.map((t) => `<p>${t}</p>`).join('\n');

/** Case suffixes written apart from their word, joined to it by the narrow no-break space (U+202F). */
const suffixes = ['ᠤᠨ', 'ᠦᠨ', 'ᠶᠢᠨ', 'ᠤ', 'ᠦ', 'ᠢ', 'ᠶᠢ', 'ᠳᠤ', 'ᠲᠤ', 'ᠳᠦ', 'ᠲᠦ', 'ᠪᠠᠷ', 'ᠪᠡᠷ', 'ᠢᠶᠠᠷ', 'ᠢᠶᠡᠷ', 'ᠠᠴᠠ', 'ᠡᠴᠡ', 'ᠲᠠᠢ', 'ᠲᠡᠢ', 'ᠳᠠᠭᠠᠨ', 'ᠳᠡᠭᠡᠨ'];
const suffixAfterSpace = new RegExp(` (${suffixes.join('|')})(?=[ \u1802\u1803»]|$)`, 'gu');

/**
 * Traditional Mongolian text as typed with plain spaces: a case suffix is joined to its word with
 * the narrow no-break space (U+202F), and `_` before a final ᠠ/ᠡ stands for the Mongolian vowel
 * separator (U+180E), as a Mongolian input method writes them.
 */
export const mn = (text: string): string => text.replace(suffixAfterSpace, '\u202F$1').replace(/_(?=[ᠠᠡ])/gu, '\u180E');
