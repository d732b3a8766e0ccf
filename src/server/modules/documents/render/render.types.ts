/**
 * Input of the GB/T 9704-2012 renderer (`renderOfficialDocument`). Every field is one of the 18
 * elements of an official document (党政机关公文处理工作条例 2012); the renderer lays them out and
 * decides nothing about the document's rules (上行文, 签发人, …) — the sending side does.
 *
 * Dates are calendar dates `YYYY-MM-DD` (Asia/Shanghai business dates); the renderer writes them
 * with Arabic numerals and no leading zeros (`2026年11月27日`) as the standard asks.
 */

/** 密级: the platform carries at most 秘密, but the renderer can lay out every level. */
export type SecrecyLevel = 'secret' | 'confidential' | 'top_secret';

/** 紧急程度 (`normal` prints nothing). */
export type UrgencyLevel = 'normal' | 'urgent' | 'very_urgent';

/**
 * Layout variant (GB/T 9704 §10): `document` is the 文件格式 (标志 35 mm below the text block's top,
 * red separator line); `letter` is the 信函格式 (标志 30 mm below the page's top edge, red double lines
 * across the page at the top and bottom of the first page, 发文字号 flush right under the line, no 版记
 * rules on the last page other than the ordinary ones).
 */
export type DocumentFormat = 'document' | 'letter';

/** One issuing organisation as printed in the 发文机关标志. */
export interface LetterheadIssuer {
  /** 发文机关全称或规范化简称, e.g. `兴安盟行政公署`. */
  readonly name: string;
  /**
   * The name in traditional Mongolian (Unicode, U+1800 block). Printed only when
   * `letterhead.bilingual` is true: above the Chinese line, at the same size, in red.
   */
  readonly mongolianName?: string;
}

/** 发文机关标志. */
export interface Letterhead {
  /** The issuer first; for a joint document (联合行文) every co-issuer after it, in order. */
  readonly issuers: readonly LetterheadIssuer[];
  /** Text after the name(s): `文件` by default in the 文件格式, none in the 信函格式; `''` prints none. */
  readonly suffix?: string;
  /**
   * Text after a single issuer's Mongolian name in the bilingual 标志 (the Mongolian for the suffix,
   * as the organisation writes it); none by default.
   */
  readonly mongolianSuffix?: string;
  /**
   * Inner Mongolia rule (内政办发〔1996〕32号): Mongolian above Chinese at equal size. An option per
   * organisation; every issuer then needs a `mongolianName`.
   */
  readonly bilingual?: boolean;
}

/**
 * The red seal printed over the 署名 and 成文日期.
 * - `image`: the seal's picture (PNG or JPEG bytes, transparent background recommended), drawn as a
 *   square of `diameterMm` (default 42 mm).
 * - `drawn`: the standard red round seal drawn as vectors by `roundSealPaths` (circle, five-point star,
 *   the organisation's name on the upper arc, optional text below the star).
 */
export type SealAppearance =
  | { readonly kind: 'image'; readonly data: Uint8Array; readonly diameterMm?: number }
  | {
      readonly kind: 'drawn';
      /** Text on the arc, normally the organisation's full name. */
      readonly name: string;
      /** Optional horizontal text under the star (e.g. `公文专用章`). */
      readonly footer?: string;
      readonly diameterMm?: number;
    };

/** 发文机关署名 of one organisation (a joint document has several), with its seal. */
export interface Signature {
  /** Full name or standard short name, as in the 标志. */
  readonly orgName: string;
  /** The seal; when no signature has one, the unsealed layout applies (署名 右空二字, date below it). */
  readonly seal?: SealAppearance;
}

/** One attachment: listed in the 附件说明 and, when it has a body, laid out on its own pages. */
export interface AttachmentInput {
  /** 附件名称, without the sequence number and without trailing punctuation. */
  readonly title: string;
  /**
   * The attachment's text, the same HTML subset as the main body (see `body`). Absent when the
   * attachment is a separate file that is not bound with the document: it is then only listed.
   */
  readonly body?: string;
}

/** 版记. */
export interface Imprint {
  /** 抄送机关 names, in order (printed `抄送：甲，乙，丙。`). */
  readonly copyTo?: readonly string[];
  /** 印发机关, normally the issuer's office (e.g. `兴安盟行政公署办公室`). */
  readonly printedBy: string;
  /** 印发日期 `YYYY-MM-DD`. */
  readonly printedOn: string;
}

export interface OfficialDocumentInput {
  readonly format?: DocumentFormat;
  /** 份号: printed as given (the standard suggests 6 Arabic digits, e.g. `000001`). */
  readonly copyNumber?: string;
  /** 密级和保密期限; absent or null for an unclassified document. */
  readonly secrecy?: { readonly level: SecrecyLevel; /** e.g. `1年`, printed `秘密★1年` */ readonly term?: string } | null;
  readonly urgency?: UrgencyLevel;
  readonly letterhead: Letterhead;
  /** 发文字号, e.g. `兴署发〔2026〕12号`; absent on drafts. */
  readonly documentNumber?: string;
  /**
   * 签发人 names (上行文 only; a joint 上行文 lists every issuer's signer). When present the 发文字号
   * moves to the left and the signers are printed on the right, as GB/T 9704 §7.2.4 shows.
   */
  readonly signers?: readonly string[];
  /** 标题. Long titles wrap, centred, in 2号小标宋. */
  readonly title: string;
  /** 主送机关 names; printed flush left, joined with `、`, ending with a full-width colon. */
  readonly mainRecipients?: readonly string[];
  /**
   * 正文 as sanitised HTML (the sending side's sanitiser produces exactly this). Accepted — any other
   * tag is dropped with its text kept, `<script>`/`<style>` with their content:
   * - `<p>`: a paragraph, first line indented two characters, 3号仿宋;
   *   `<p data-align="center|right">` centres or right-aligns it without indent.
   * - `<h1>`…`<h4>`: the four heading levels, written with their numbers by the author
   *   (`一、` `（一）` `1.` `（1）`): h1 黑体, h2 楷体, h3 仿宋 bold, h4 仿宋; indented two characters.
   * - inline `<strong>`/`<b>` (仿宋 bold, for a run-in heading such as `<strong>1.加强领导。</strong>`),
   *   `<em>`/`<i>` (楷体), `<br>` (line break).
   * Entities `&amp; &lt; &gt; &quot; &#39; &nbsp;` and numeric entities are decoded.
   */
  readonly body: string;
  /** 附件: listed in the 附件说明 after the body, and laid out after the signature, before the 版记. */
  readonly attachments?: readonly AttachmentInput[];
  /** 发文机关署名 with seals; the first is the lead issuer. Empty for a document with no 署名 (rare). */
  readonly signatures: readonly Signature[];
  /** 成文日期 `YYYY-MM-DD`. */
  readonly date: string;
  /** 附注 (e.g. `此件公开发布`), printed in parentheses under the date. */
  readonly note?: string;
  /** 版记; absent prints none (e.g. a letter). */
  readonly imprint?: Imprint;
}

/** The typefaces the standard names, by role. */
export type FontRole =
  /** 小标宋: 标题 and 发文机关标志. */
  | 'xiaobiaosong'
  /** 仿宋_GB2312: body, 发文字号, 版记. */
  | 'fangsong'
  /** 楷体_GB2312: level-2 headings, 签发人 names. */
  | 'kaiti'
  /** 黑体: level-1 headings, 密级, 紧急程度, 附件N. */
  | 'heiti'
  /** 宋体: page numbers. */
  | 'songti'
  /** Traditional Mongolian: the bilingual 标志. */
  | 'mongolian';

/**
 * A font file: `.ttf`/`.otf`/`.woff`, or a `.ttc` collection with `postscriptName` naming the face
 * (as pdfkit reads collections).
 */
export type FontSource = string | { readonly path: string; readonly postscriptName?: string };

export interface RenderOptions {
  /**
   * Licensed faces an organisation has configured (方正小标宋, 仿宋_GB2312, 楷体_GB2312, 黑体);
   * any role not given uses the open font shipped in `render/fonts/`.
   */
  readonly fonts?: Partial<Record<FontRole, FontSource>>;
  /** PDF creation date (defaults to now); fix it for reproducible output. */
  readonly creationDate?: Date;
}

/** Where a seal was placed: for the seal engineer to put the signature's widget over it. */
export interface SealPlacement {
  /** 0-based page index. */
  readonly page: number;
  /** The organisation whose 署名 it covers. */
  readonly orgName: string;
  /** Square containing the seal, in PDF points, origin bottom-left of the page (PDF user space). */
  readonly rect: { readonly x: number; readonly y: number; readonly width: number; readonly height: number };
}

export interface RenderedDocument {
  readonly pdf: Buffer;
  readonly pageCount: number;
  readonly seals: readonly SealPlacement[];
}
