import { describe, expect, it } from 'vitest';
import { escapeHtml, highlight } from './highlight.js';

describe('highlight', () => {
  it('escapes the text and marks the matches', () => {
    const result = highlight('<b>防汛</b> & "抗旱" 防汛', ['防汛'], Infinity);
    expect(result).toEqual({ html: '&lt;b&gt;<mark>防汛</mark>&lt;/b&gt; &amp; &quot;抗旱&quot; <mark>防汛</mark>', matched: true });
  });

  it('shows a passage around the first match in a long text', () => {
    const text = `${'前文'.repeat(200)}乌兰浩特市防汛工作${'后文'.repeat(200)}`;
    const { html, matched } = highlight(text, ['防汛'], 60);
    expect(matched).toBe(true);
    expect(html.startsWith('…')).toBe(true);
    expect(html.endsWith('…')).toBe(true);
    expect(html).toContain('乌兰浩特市<mark>防汛</mark>工作');
    expect([...html.replace(/<\/?mark>|…/g, '')].length).toBe(60);
  });

  it('prefers the longest needle and matches full-width text', () => {
    expect(highlight('乌兰浩特市 ＣＯＶＩＤ', ['乌兰', '乌兰浩特', 'covid'], Infinity).html).toBe('<mark>乌兰浩特</mark>市 <mark>ＣＯＶＩＤ</mark>');
  });

  it('shows the start when nothing matches', () => {
    expect(highlight('一二三四五六', ['七'], 3)).toEqual({ html: '一二三…', matched: false });
    expect(escapeHtml(`<'&">`)).toBe('&lt;&#39;&amp;&quot;&gt;');
  });
});

describe('highlight with characters outside the BMP', () => {
  it('never cuts a surrogate pair', () => {
    const text = `${'𠀀'.repeat(50)}防汛${'𠀀'.repeat(50)}`; // U+20000, a CJK Extension B character
    const { html } = highlight(text, ['防汛'], 21);
    expect(html).toBe(`…${'𠀀'.repeat(3)}<mark>防汛</mark>${'𠀀'.repeat(7)}…`);
    expect(html.replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g, '')).not.toMatch(/[\uD800-\uDFFF]/);
  });
});
