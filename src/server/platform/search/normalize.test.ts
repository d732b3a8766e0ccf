import { describe, expect, it } from 'vitest';
import { normalizeText, normalizeWithMap } from './normalize.js';

// ᠬᠢᠩᠭᠠᠨ (Hinggan) as keyboards and converters variously encode it.
const hinggan = '\u182C\u1822\u1829\u182D\u1820\u1828';
const hingganWithFvs = '\u182C\u1822\u1829\u182D\u180B\u1820\u1828';
// ᠬᠠᠷᠠ (black) with and without the vowel separator before its final a.
const qara = '\u182C\u1820\u1837\u1820';
const qaraWithMvs = '\u182C\u1820\u1837\u180E\u1820';

describe('normalizeText', () => {
  it('makes differently encoded Mongolian words equal', () => {
    expect(normalizeText(hingganWithFvs)).toBe(hinggan);
    expect(normalizeText(qaraWithMvs)).toBe(qara);
    expect(normalizeText(`${hinggan}\u200D`)).toBe(hinggan);
    expect(normalizeText(`${hinggan}\u202F\u1824\u1828`)).toBe(`${hinggan} \u1824\u1828`); // NNBSP before a suffix
  });

  it('folds full-width forms and case, keeps Chinese as it is', () => {
    expect(normalizeText('ＣＯＶＩＤ－１９疫情')).toBe('covid-19疫情');
    expect(normalizeText('乌兰浩特市')).toBe('乌兰浩特市');
  });
});

describe('normalizeWithMap', () => {
  it('maps each normalised unit back to the original characters it came from', () => {
    const original = `Ａ${hingganWithFvs}市`;
    const mapped = normalizeWithMap(original);
    expect(mapped.text).toBe(`a${hinggan}市`);
    const at = mapped.text.indexOf(hinggan);
    const start = mapped.starts[at]!;
    const end = mapped.ends[at + hinggan.length - 1]!;
    expect(original.slice(start, end)).toBe(hingganWithFvs); // the FVS stays inside the highlighted word
    expect(original.slice(mapped.starts[mapped.text.length - 1], mapped.ends[mapped.text.length - 1])).toBe('市');
  });
});
