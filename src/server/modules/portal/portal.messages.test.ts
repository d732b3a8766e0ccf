import { describe, expect, it } from 'vitest';
import { portalMessages } from './portal.messages.js';

describe('portal messages', () => {
  it('has every key in English', () => {
    expect(portalMessages.missing('en')).toEqual([]);
  });

  it('writes Mongolian only in traditional Mongolian script', () => {
    const mongolian = portalMessages.keys.filter((key) => !portalMessages.missing('mn-Mong').includes(key));
    expect(mongolian).toContain('portal.site.region');
    for (const key of mongolian) {
      const text = portalMessages.t('mn-Mong', key);
      // Letters U+1800–U+18AF, word spaces, and U+202F before case suffixes.
      expect(text, key).toMatch(/^[\u1800-\u18AF][\u1800-\u18AF \u202F]*$/u);
    }
    expect(portalMessages.t('mn-Mong', 'portal.site.region')).toBe('ᠬᠢᠩᠭᠠᠨ ᠠᠶᠢᠮᠠᠭ');
  });

  it('shows untranslated Mongolian keys in Chinese', () => {
    expect(portalMessages.resolve('mn-Mong', 'portal.home.departments')).toEqual({ text: '盟直部门', locale: 'zh-CN' });
  });
});
