import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { normalizeText } from './normalize.js';

/**
 * Word segmentation. Han text goes through jieba; every other run of letters, digits and marks
 * (Latin, Mongolian, Cyrillic…) is one word, because jieba cuts scripts it does not know into single
 * characters. Input is already normalised (`normalizeText`).
 *
 * One jieba instance serves the process (loading its dictionary takes a few hundred milliseconds and
 * tens of megabytes); words added for the deployment's places and organisations accumulate in it.
 */
let shared: Jieba | undefined;
const userWords = new Set<string>();

function jieba(): Jieba {
  shared ??= Jieba.withDict(dict);
  return shared;
}

/** Longer tokens (hashes, base64 runs in attachments) are not words anyone searches for. */
export const MAX_TOKEN_LENGTH = 64;

// Frequency given to user words: high enough that a place name is kept whole by `cut`, while the
// sub-words `indexTokens` adds keep the parts findable.
const USER_WORD_FREQUENCY = 2000;

const wordRun = /[\p{L}\p{N}\p{M}]+/gu;
const scriptRun = /\p{Script=Han}+|[^\p{Script=Han}]+/gu;
const hanStart = /^\p{Script=Han}/u;

/**
 * Teaches the segmenter the given words (place and organisation names), so `乌兰浩特市人民政府`
 * yields `乌兰浩特市` rather than pieces. Words with spaces or punctuation are skipped; returns how
 * many were new.
 */
export function addDictionaryWords(words: Iterable<string>): number {
  const fresh: string[] = [];
  for (const raw of words) {
    const word = normalizeText(raw.trim());
    if (word.length < 2 || word.length > MAX_TOKEN_LENGTH || userWords.has(word)) continue;
    if (!/^[\p{L}\p{N}\p{M}]+$/u.test(word) || !hanStart.test(word)) continue;
    userWords.add(word);
    fresh.push(word);
  }
  if (fresh.length) jieba().loadDict(Buffer.from(fresh.map((w) => `${w} ${USER_WORD_FREQUENCY} n`).join('\n') + '\n'));
  return fresh.length;
}

/** The script runs of one word run: Han and non-Han parts apart (`2025年` → `2025`, `年`). */
function scriptRuns(run: string): string[] {
  return run.match(scriptRun) ?? [];
}

/**
 * The words to index for normalised text, in reading order and with repeats (positions count for
 * ranking). Each word jieba finds is followed by the dictionary words inside it, so a query for
 * `乌兰浩特` or `政府` finds text segmented as `乌兰浩特市` or `人民政府`.
 */
export function indexTokens(text: string): string[] {
  const out: string[] = [];
  const segmenter = jieba();
  for (const [run] of text.matchAll(wordRun)) {
    for (const part of scriptRuns(run)) {
      if (!hanStart.test(part)) {
        if (part.length <= MAX_TOKEN_LENGTH) out.push(part);
        continue;
      }
      for (const word of segmenter.cut(part, true)) {
        if (word.length > MAX_TOKEN_LENGTH) continue;
        out.push(word);
        if (word.length < 3) continue;
        for (const inner of segmenter.cutAll(word)) if (inner.length >= 2 && inner !== word) out.push(inner);
      }
    }
  }
  return out;
}

/** The terms of a normalised query: its runs of letters, digits and marks; punctuation separates. */
export function queryTerms(text: string): string[] {
  return text.match(wordRun) ?? [];
}

/** The words of one query term, cut as indexing cuts text (`乌兰浩特市人民政府` → 2 words). */
export function termTokens(term: string): string[] {
  const out: string[] = [];
  for (const part of scriptRuns(term)) {
    if (!hanStart.test(part)) out.push(part);
    else out.push(...jieba().cut(part, true));
  }
  return out.filter((t) => t.length <= MAX_TOKEN_LENGTH);
}
