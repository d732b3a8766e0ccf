import { describe, expect, it } from 'vitest';
import { demoArticles } from './demo.articles.js';

const byKey = new Map(demoArticles.map((a) => [a.key, a]));
const mongolian = /[\u1820-\u18AF]/u;
const han = /\p{Script=Han}/u;

describe('portal demo articles (the catalogue)', () => {
  it('has at least 60 articles with unique keys over the four sites', () => {
    expect(demoArticles.length).toBeGreaterThanOrEqual(60);
    expect(byKey.size).toBe(demoArticles.length);
    expect(new Set(demoArticles.map((a) => a.site))).toEqual(new Set(['main', 'fgw', 'aes', 'tour']));
    for (const a of demoArticles) {
      expect(a.title.length, a.key).toBeGreaterThan(4);
      expect(a.body, a.key).toMatch(/^<p>/);
      expect(a.body, a.key).not.toMatch(/<script|on\w+=/i);
    }
  });

  it('links at least 10 Mongolian versions, written in Mongolian script, to Chinese originals in the same column', () => {
    const versions = demoArticles.filter((a) => a.lang === 'mn-Mong');
    expect(versions.length).toBeGreaterThanOrEqual(10);
    for (const v of versions) {
      const original = byKey.get(v.translationOf!);
      expect(original?.lang ?? 'zh-CN', v.key).toBe('zh-CN');
      expect([original!.site, original!.category, original!.column]).toEqual([v.site, v.category, v.column]);
      expect(v.title, v.key).toMatch(mongolian);
      // Case suffixes joined by U+202F, never by a plain space.
      expect(v.body, v.key).toContain('\u202F');
      expect(v.title, v.key).not.toMatch(/ (ᠤᠨ|ᠦᠨ|ᠶᠢᠨ|ᠢ|ᠶᠢ|ᠳᠤ|ᠲᠤ)( |$)/u);
    }
    for (const a of demoArticles.filter((x) => x.lang !== 'mn-Mong')) expect(a.title, a.key).toMatch(han);
  });

  it('pairs policy interpretations with earlier-or-same-day policy documents', () => {
    const interpretations = demoArticles.filter((a) => a.interprets);
    expect(interpretations.length).toBeGreaterThanOrEqual(4);
    for (const i of interpretations) {
      const policy = byKey.get(i.interprets!);
      expect(policy?.category, i.key).toBe('notice');
      expect(policy!.site).toBe(i.site);
      expect(i.at[0], i.key).toBeLessThanOrEqual(policy!.at[0]);
    }
  });

  it('includes a withdrawn notice with its reason, an abolished policy and a scheduled article', () => {
    const withdrawn = demoArticles.filter((a) => a.withdrawn);
    expect(withdrawn).toHaveLength(1);
    expect(withdrawn[0]!.withdrawn!.reason.length).toBeGreaterThan(10);
    expect(withdrawn[0]!.withdrawn!.at[0]).toBeLessThan(withdrawn[0]!.at[0] + 1);
    const abolished = demoArticles.filter((a) => a.validity?.value === 'abolished');
    expect(abolished).toHaveLength(1);
    expect(abolished[0]!.validity!.at[0]).toBeLessThan(abolished[0]!.at[0]);
    expect(demoArticles.filter((a) => a.scheduleInDays !== undefined).map((a) => a.scheduleInDays)).toEqual([5]);
  });

  it('spreads publishing over about three months, with news on every site in the last two weeks', () => {
    const days = demoArticles.map((a) => a.at[0]);
    expect(Math.max(...days)).toBeGreaterThanOrEqual(80);
    expect(Math.max(...days)).toBeLessThanOrEqual(92);
    for (const site of ['main', 'fgw', 'aes', 'tour']) {
      const recent = demoArticles.filter((a) => a.site === site && a.category === 'news' && a.at[0] < 14 && !a.withdrawn);
      expect(recent.length, site).toBeGreaterThan(0);
    }
    for (const a of demoArticles) expect(a.at[1], a.key).toMatch(/^(0[89]|1\d|2[0-1]):[0-5]\d$/);
  });
});
