import { describe, expect, it } from 'vitest';
import { portalMessages } from './portal.messages.js';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
// A case suffix standing alone after an ordinary space instead of U+202F (e.g. "ᠠᠶᠢᠮᠠᠭ ᠤᠨ").
const detachedSuffix = / (ᠤᠨ|ᠦᠨ|ᠶᠢᠨ|ᠶᠢ|ᠢ|ᠳᠤ|ᠲᠤ|ᠳᠦ|ᠲᠦ|ᠳᠤᠷ|ᠲᠤᠷ|ᠠᠴᠠ|ᠡᠴᠡ|ᠪᠠᠷ|ᠪᠡᠷ|ᠢᠶᠠᠷ|ᠢᠶᠡᠷ)(?=[ \u1802-\u1804]|$)/u;

describe('portal messages', () => {
  it('has every key in traditional Mongolian and in English, so no portal label falls back to Chinese', () => {
    expect(portalMessages.missing('mn-Mong')).toEqual([]);
    expect(portalMessages.missing('en')).toEqual([]);
    expect(portalMessages.resolve('mn-Mong', 'portal.home.departments').locale).toBe('mn-Mong');
  });

  it('writes Mongolian in traditional script only, with case suffixes after U+202F', () => {
    for (const key of portalMessages.keys) {
      const text = portalMessages.t('mn-Mong', key);
      expect(text, key).toMatch(/[\u1820-\u18AA]/u);
      expect(text, key).not.toMatch(/[\p{Script=Han}\u3000-\u303F\uFF01-\uFF1F]/u);
      expect(text, key).not.toMatch(/\p{Script=Cyrillic}/u);
      expect(text, key).not.toMatch(detachedSuffix);
    }
    expect(portalMessages.t('mn-Mong', 'portal.site.region')).toBe('ᠬᠢᠩᠭᠠᠨ ᠠᠶᠢᠮᠠᠭ');
    expect(portalMessages.t('mn-Mong', 'portal.site.name')).toBe('ᠬᠢᠩᠭᠠᠨ ᠠᠶᠢᠮᠠᠭ\u202Fᠤᠨ ᠵᠠᠰᠠᠭ\u202Fᠤᠨ ᠭᠠᠵᠠᠷ');
  });

  it('keeps every placeholder of the Chinese text in Mongolian and English', () => {
    for (const key of portalMessages.keys) {
      const zh = placeholders(portalMessages.t('zh-CN', key));
      expect(placeholders(portalMessages.t('mn-Mong', key)), key).toEqual(zh);
      expect(placeholders(portalMessages.t('en', key)), key).toEqual(zh);
    }
    expect(portalMessages.t('mn-Mong', 'portal.search.results', { total: 7 })).toContain('7');
  });
});
