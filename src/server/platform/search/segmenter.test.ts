import { describe, expect, it } from 'vitest';
import { normalizeText } from './normalize.js';
import { addDictionaryWords, indexTokens, queryTerms, termTokens } from './segmenter.js';

describe('segmenter', () => {
  it('indexes each word with the dictionary words inside it', () => {
    const tokens = indexTokens('乌兰浩特市人民政府关于做好防汛工作的通知');
    expect(tokens).toEqual(expect.arrayContaining(['乌兰浩特市', '乌兰浩特', '人民政府', '政府', '防汛', '通知']));
    expect(tokens).not.toContain('浩特市'); // not a word: only the trigram fallback finds it
  });

  it('keeps non-Han runs whole, where jieba would cut Mongolian into letters', () => {
    const mongolian = '\u182C\u1822\u1829\u182D\u1820\u1828 \u1820\u1836\u1822\u182E\u1820\u182D';
    expect(indexTokens(normalizeText(`${mongolian} 2025年 covid-19`))).toEqual([
      '\u182C\u1822\u1829\u182D\u1820\u1828',
      '\u1820\u1836\u1822\u182E\u1820\u182D',
      '2025',
      '年',
      'covid',
      '19',
    ]);
  });

  it('learns place names, so a name stays one word', () => {
    expect(termTokens('额尔格图镇政府')).not.toContain('额尔格图镇');
    expect(addDictionaryWords(['额尔格图镇', '额尔格图镇', 'not a word', '镇', 'ＡＢＣ'])).toBe(1);
    expect(termTokens('额尔格图镇政府')).toEqual(['额尔格图镇', '政府']);
    expect(indexTokens('额尔格图镇政府')).toEqual(['额尔格图镇', '尔格', '政府']);
    expect(addDictionaryWords(['额尔格图镇'])).toBe(0);
  });

  it('splits a query on spaces and punctuation, never keeping syntax characters', () => {
    expect(queryTerms(normalizeText('"防汛" OR 通知* {facets}: v_7075'))).toEqual(['防汛', 'or', '通知', 'facets', 'v', '7075']);
  });
});
