import { describe, expect, it } from 'vitest';
import { CatalogError, defineMessages, interpolate, registeredMessageKeys, t } from './messages.js';

describe('i18n messages', () => {
  const messages = defineMessages({
    'zh-CN': { 'test.greet': '欢迎，{name}', 'test.only_zh': '仅中文', 'test.count': '共 {count} 个，{count} 个已读' },
    'mn-Mong': { 'test.greet': 'ᠮᠣᠩᠭᠣᠯ {name}' },
    en: { 'test.greet': 'Welcome, {name}', 'test.count': '{count} in all' },
  });

  it('answers in the asked language and fills placeholders', () => {
    expect(messages.t('zh-CN', 'test.greet', { name: '兴安盟' })).toBe('欢迎，兴安盟');
    expect(messages.t('en', 'test.greet', { name: 'Hinggan' })).toBe('Welcome, Hinggan');
    expect(messages.t('mn-Mong', 'test.greet', { name: 'ᠬᠢᠩᠭᠠᠨ' })).toBe('ᠮᠣᠩᠭᠣᠯ ᠬᠢᠩᠭᠠᠨ');
    expect(messages.t('zh-CN', 'test.count', { count: 3 })).toBe('共 3 个，3 个已读');
  });

  it('falls back to Chinese and says so', () => {
    expect(messages.t('mn-Mong', 'test.only_zh')).toBe('仅中文');
    expect(messages.resolve('mn-Mong', 'test.only_zh')).toEqual({ text: '仅中文', locale: 'zh-CN' });
    expect(messages.resolve('mn-Mong', 'test.greet', { name: 'x' }).locale).toBe('mn-Mong');
    expect(messages.missing('mn-Mong')).toEqual(['test.only_zh', 'test.count']);
    expect(messages.missing('en')).toEqual(['test.only_zh']);
  });

  it('leaves a placeholder without a value as written', () => {
    expect(interpolate('{a} 与 {b}', { a: '甲' })).toBe('甲 与 {b}');
  });

  it('refuses a catalog whose Mongolian or English has a key Chinese lacks', () => {
    expect(() =>
      defineMessages({
        'zh-CN': { 'test.a': '甲' },
        'mn-Mong': { 'test.a': 'ᠠ', 'test.b': 'ᠪ' } as Record<'test.a', string>,
      }),
    ).toThrow(CatalogError);
    expect(() =>
      defineMessages({ 'zh-CN': { 'test.c': '丙' }, en: { 'test.d': 'D' } as unknown as Record<'test.c', string> }),
    ).toThrow(/zh-CN lacks: test.d/);
  });

  it('refuses the same key with different Chinese text from two catalogs', () => {
    expect(() => defineMessages({ 'zh-CN': { 'test.greet': '另一个' } })).toThrow(/defined twice/);
  });

  it('finds any registered key through t(), and shows an unknown key as itself', () => {
    expect(registeredMessageKeys()).toContain('test.greet');
    expect(t('en', 'test.greet', { name: 'A' })).toBe('Welcome, A');
    expect(t('zh-CN', 'test.nothing')).toBe('test.nothing');
  });
});
