import sanitizeHtml from 'sanitize-html';

/**
 * The body's structure, as the GB/T 9704 renderer accepts it (see `render/render.types.ts`): paragraphs
 * `<p>` (optionally `data-align="center|right"`), the four heading levels `<h1>`…`<h4>`, and inside
 * them only `<strong>`/`<b>`, `<em>`/`<i>` and `<br>`. Everything else is dropped with its text kept;
 * `<script>`, `<style>` and the like are dropped with their content; no attribute but `data-align`
 * survives, so no event handler, style or link can reach the renderer or the workbench.
 */
function alignedParagraph(_tag: string, attribs: sanitizeHtml.Attributes): sanitizeHtml.Tag {
  const align = attribs['data-align'];
  return { tagName: 'p', attribs: align === 'center' || align === 'right' ? { 'data-align': align } : {} };
}

export const draftBodySanitizeOptions: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'h1', 'h2', 'h3', 'h4', 'strong', 'b', 'em', 'i', 'br'],
  allowedAttributes: { p: ['data-align'] },
  allowedSchemes: [],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  // Editors write divs and deeper headings: keep their structure as the nearest accepted block.
  transformTags: {
    p: alignedParagraph,
    div: alignedParagraph,
    li: 'p',
    blockquote: 'p',
    h5: 'h4',
    h6: 'h4',
  },
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'iframe', 'object', 'template', 'title', 'head'],
  parser: { lowerCaseTags: true, lowerCaseAttributeNames: true },
};

const BLOCK = /<(p|h[1-4])(?:\s+data-align="(?:center|right)")?>([\s\S]*?)<\/\1>/g;

const decodeEntities = (text: string) =>
  text
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&#(\d+);/g, (_m, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_m, n: string) => String.fromCodePoint(Number.parseInt(n, 16)))
    .replace(/&amp;/g, '&');

/** One block of a sanitised body: a paragraph or a heading level, with its plain text. */
export interface BodyBlock {
  readonly type: 'p' | 'h1' | 'h2' | 'h3' | 'h4';
  readonly text: string;
}

/**
 * Sanitises the rich text an editor sends into the renderer's structure: text outside any block
 * becomes a paragraph, empty blocks go, and the result is stable (sanitising it again changes nothing).
 */
export function sanitizeBody(html: string): string {
  const clean = sanitizeHtml(html.normalize('NFC'), draftBodySanitizeOptions);
  const blocks: string[] = [];
  let last = 0;
  const loose = (text: string) => {
    const inner = text.replace(/^(\s|<br\s*\/?>)+|(\s|<br\s*\/?>)+$/g, '');
    if (inner) blocks.push(`<p>${inner}</p>`);
  };
  for (const match of clean.matchAll(BLOCK)) {
    loose(clean.slice(last, match.index));
    last = match.index + match[0].length;
    if (blockText(match[2]!).trim()) blocks.push(match[0].replace(/^<(p|h[1-4])((?:\s+data-align="[a-z]+")?)>\s+/, '<$1$2>'));
  }
  loose(clean.slice(last));
  return blocks.join('\n');
}

function blockText(inner: string): string {
  return decodeEntities(inner.replace(/<br\s*\/?>/g, '\n').replace(/<[^>]+>/g, ''));
}

/** The blocks of a sanitised body, in order. */
export function bodyBlocks(html: string): BodyBlock[] {
  return [...html.matchAll(BLOCK)].map((m) => ({ type: m[1] as BodyBlock['type'], text: blockText(m[2]!).trim() }));
}

/** The body as plain text, one block per line: what the rules read and the version diff compares. */
export function bodyText(html: string): string {
  return bodyBlocks(html)
    .map((b) => b.text)
    .join('\n');
}
