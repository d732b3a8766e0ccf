import sanitizeHtml from 'sanitize-html';

/**
 * The guide's and rules' rich text: paragraphs, headings, lists, tables, emphasis and links (http,
 * https, mailto) only. Scripts, styles, event handlers and any other attribute are dropped.
 */
const options: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'h2', 'h3', 'h4', 'ul', 'ol', 'li', 'strong', 'b', 'em', 'i', 'br', 'a', 'table', 'thead', 'tbody', 'tr', 'th', 'td'],
  allowedAttributes: { a: ['href'], td: ['colspan', 'rowspan'], th: ['colspan', 'rowspan'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  transformTags: { h1: 'h2', h5: 'h4', h6: 'h4', div: 'p' },
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'iframe', 'object', 'template', 'title', 'head'],
};

export function sanitizeRichText(html: string): string {
  return sanitizeHtml(html.normalize('NFC'), options).trim();
}

/** Plain text of sanitised HTML (for the search index). */
export function plainText(html: string): string {
  return sanitizeHtml(html, { allowedTags: [], allowedAttributes: {} }).replace(/\s+/g, ' ').trim();
}
