import sanitizeHtml from 'sanitize-html';
import { htmlText } from '../../../platform/search/index.js';

/** Where the workbench and the public pages fetch an article's stored file (cover, attachment, picture in the body). */
export const portalFilePath = (fileId: string): string => `/api/v1/portal/files/${fileId}`;

const storedFileSrc = /^\/api\/v1\/portal\/files\/[0-9A-Za-z-]{1,64}$/;

/**
 * An article body as the public pages show it: paragraphs, headings 2–4, lists, quotes, tables,
 * emphasis, links (http, https, mailto or a site-relative path; opened without `window.opener`) and
 * pictures from the platform's file store only (`/api/v1/portal/files/<id>`), so no page can pull
 * in a foreign image or script. No style, class or event attribute survives; script, style and
 * similar elements go with their content.
 */
export const articleBodySanitizeOptions: sanitizeHtml.IOptions = {
  allowedTags: [
    'p', 'h2', 'h3', 'h4', 'strong', 'b', 'em', 'i', 'u', 's', 'br', 'hr', 'blockquote', 'ul', 'ol', 'li',
    'a', 'img', 'figure', 'figcaption', 'table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td',
  ],
  allowedAttributes: {
    a: ['href', 'title'],
    img: ['src', 'alt', 'width', 'height'],
    th: ['colspan', 'rowspan', 'scope'],
    td: ['colspan', 'rowspan'],
    p: ['data-align'],
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: [] },
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  transformTags: {
    h1: 'h2',
    h5: 'h4',
    h6: 'h4',
    div: 'p',
    a: (tagName, attribs) => ({ tagName, attribs: { ...attribs, rel: 'noopener noreferrer' } }),
  },
  exclusiveFilter: (frame) => frame.tag === 'img' && !storedFileSrc.test(frame.attribs.src ?? ''),
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'iframe', 'object', 'template', 'title', 'head', 'svg', 'math'],
  parser: { lowerCaseTags: true, lowerCaseAttributeNames: true },
};
// `rel` is set by the transform above, so it must pass the attribute filter.
(articleBodySanitizeOptions.allowedAttributes as Record<string, string[]>).a!.push('rel');

/** Sanitises an editor's rich text for storage; sanitising the result again changes nothing. */
export function sanitizeArticleBody(html: string): string {
  return sanitizeHtml(html.normalize('NFC'), articleBodySanitizeOptions).trim();
}

const isControl = (code: number) => (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || code === 0x7f;

/** Plain text of a field an editor typed (title, source…): tags and control characters removed. */
export function plainText(value: string): string {
  return sanitizeHtml(value, { allowedTags: [], allowedAttributes: {}, disallowedTagsMode: 'discard', nonTextTags: ['script', 'style'] })
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .split('')
    .filter((c) => !isControl(c.charCodeAt(0)))
    .join('')
    .trim();
}

/** The body's text for search and the version diff. */
export function bodyPlainText(html: string): string {
  return htmlText(html);
}
