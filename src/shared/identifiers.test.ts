import { describe, expect, it } from 'vitest';
import { isDivisionCode, isValidCreditCode, isValidIdNumber } from './identifiers.js';

describe('统一社会信用代码', () => {
  it('accepts the standard example and rejects a wrong check character', () => {
    expect(isValidCreditCode('91350100M000100Y43')).toBe(true);
    expect(isValidCreditCode('91350100M000100Y44')).toBe(false);
  });
  it('rejects letters the standard excludes and wrong lengths', () => {
    expect(isValidCreditCode('91350100M000100I43')).toBe(false);
    expect(isValidCreditCode('91350100M000100Y4')).toBe(false);
  });
});

describe('公民身份号码', () => {
  it('accepts the standard example with an X check character', () => {
    expect(isValidIdNumber('11010519491231002X')).toBe(true);
  });
  it('rejects a wrong check character and an impossible birth date', () => {
    expect(isValidIdNumber('110105194912310021')).toBe(false);
    expect(isValidIdNumber('110105194902300020')).toBe(false);
  });
});

describe('division codes', () => {
  it('accepts 6- and 12-digit codes only', () => {
    expect(isDivisionCode('152200')).toBe(true);
    expect(isDivisionCode('152201001000')).toBe(true);
    expect(isDivisionCode('15220')).toBe(false);
    expect(isDivisionCode('15220A')).toBe(false);
  });
});
