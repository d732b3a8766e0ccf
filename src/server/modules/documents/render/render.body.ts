/**
 * The body HTML the renderer accepts (documented on `OfficialDocumentInput.body`), read into blocks of
 * styled runs. The reader is tolerant: an unknown tag is dropped with its text kept, text outside any
 * block becomes a paragraph, so an unsanitised body still lays out, without any of its markup.
 */

/** The faces a run of body text can use (GB/T 9704 §7.3.3: 黑体 / 楷体 / 仿宋, bold where emphasised). */
export type TextStyle = 'fang' | 'fangBold' | 'kai' | 'hei';

export type BlockKind = 'p' | 'h1' | 'h2' | 'h3' | 'h4';

export interface StyledRun {
  readonly text: string;
  readonly style: TextStyle;
}

export interface BodyBlock {
  readonly kind: BlockKind;
  readonly align: 'left' | 'center' | 'right';
  readonly runs: readonly StyledRun[];
}

/** Heading levels: 一、 黑体; （一） 楷体; 1. 仿宋 bold; （1） 仿宋. */
const blockStyle: Record<BlockKind, TextStyle> = { p: 'fang', h1: 'hei', h2: 'kai', h3: 'fangBold', h4: 'fang' };

const BLOCK_TAGS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'div', 'li', 'blockquote']);
/** Elements whose content is not text: dropped whole. */
const SKIP_TAGS = new Set(['script', 'style', 'textarea', 'option', 'noscript', 'iframe', 'object', 'template', 'title', 'head']);

const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? Number.parseInt(ref.slice(2), 16) : Number(ref.slice(1));
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return named[ref.toLowerCase()] ?? whole;
  });
}

const CJK = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/u;

/** Collapsed spaces go at a block's edges, next to a line break and between two Chinese characters. */
function normaliseSpace(runs: StyledRun[]): StyledRun[] {
  const text = runs.map((r) => r.text.replace(/ +/g, ' ')).join('');
  const keep: boolean[] = [];
  const chars = [...text];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    if (c !== ' ') {
      keep.push(true);
      continue;
    }
    const prev = chars[i - 1];
    const next = chars[i + 1];
    const edge = prev === undefined || next === undefined || prev === '\n' || next === '\n' || prev === ' ';
    keep.push(!edge && !(CJK.test(prev) && CJK.test(next)));
  }
  const out: StyledRun[] = [];
  let index = 0;
  for (const run of runs) {
    const n = [...run.text.replace(/ +/g, ' ')].length;
    const kept = chars.slice(index, index + n).filter((_c, k) => keep[index + k]).join('');
    index += n;
    if (kept) out.push({ text: kept, style: run.style });
  }
  // The paragraph indent is the layout's: drop indents typed with ideographic spaces.
  while (out[0] && /^[\u3000 ]/.test(out[0].text)) {
    const text = out[0].text.replace(/^[\u3000 ]+/, '');
    if (text) out[0] = { ...out[0], text };
    else out.shift();
  }
  return out;
}

/** Reads the body into blocks; empty blocks are dropped. */
export function readBody(html: string): BodyBlock[] {
  const blocks: BodyBlock[] = [];
  let kind: BlockKind = 'p';
  let align: BodyBlock['align'] = 'left';
  let runs: StyledRun[] = [];
  let bold = 0;
  let italic = 0;
  let skip: string | null = null;

  const flush = () => {
    const clean = normaliseSpace(runs);
    if (clean.some((r) => r.text.trim())) blocks.push({ kind, align: kind === 'p' ? align : 'left', runs: clean });
    runs = [];
    kind = 'p';
    align = 'left';
  };
  const style = (): TextStyle => {
    const base = blockStyle[kind];
    if (italic > 0) return 'kai';
    if (bold > 0 && base === 'fang') return 'fangBold';
    return base;
  };

  const tokens = html.normalize('NFC').matchAll(/<!--[\s\S]*?-->|<\/?([a-zA-Z][a-zA-Z0-9]*)((?:[^>"']|"[^"]*"|'[^']*')*)>|[^<]+|</g);
  for (const token of tokens) {
    const raw = token[0];
    const tag = token[1]?.toLowerCase();
    if (raw.startsWith('<!--')) continue;
    if (!tag) {
      if (!skip) runs.push({ text: decodeEntities(raw.replace(/[ \t\r\n\f]+/g, ' ')), style: style() });
      continue;
    }
    const closing = raw.startsWith('</');
    if (skip) {
      if (closing && tag === skip) skip = null;
      continue;
    }
    if (SKIP_TAGS.has(tag)) {
      if (!closing && !raw.endsWith('/>')) skip = tag;
      continue;
    }
    if (tag === 'br') {
      runs.push({ text: '\n', style: style() });
    } else if (BLOCK_TAGS.has(tag)) {
      flush();
      if (!closing) {
        kind = tag === 'h5' || tag === 'h6' ? 'h4' : /^h[1-4]$/.test(tag) ? (tag as BlockKind) : 'p';
        const requested = /data-align\s*=\s*["']?(center|right)/i.exec(token[2] ?? '')?.[1]?.toLowerCase();
        align = requested === 'center' || requested === 'right' ? requested : 'left';
      }
    } else if (tag === 'strong' || tag === 'b') {
      bold = Math.max(0, bold + (closing ? -1 : 1));
    } else if (tag === 'em' || tag === 'i') {
      italic = Math.max(0, italic + (closing ? -1 : 1));
    }
  }
  flush();
  return blocks;
}
