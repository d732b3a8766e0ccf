import { describe, expect, it } from 'vitest';
import { bodyBlocks, bodyText, sanitizeBody } from './body.js';

describe('the body', () => {
  it('keeps paragraphs, the four heading levels and run-in emphasis, and nothing that could run', () => {
    const html = sanitizeBody(
      '<h1>一、总体要求</h1><h3 onmouseover="x()">1.加强领导</h3><h6>（1）细则</h6>' +
        '<p><strong>（一）</strong>明确责任<em>分工</em><br>落实到人</p><svg onload="alert(1)"><script>alert(1)</script></svg>' +
        '<object data="x.swf">对象</object><p><img src="x" onerror="alert(1)"></p><ul><li>条目</li></ul>',
    );
    expect(html).toBe(
      '<h1>一、总体要求</h1>\n<h3>1.加强领导</h3>\n<h4>（1）细则</h4>\n<p><strong>（一）</strong>明确责任<em>分工</em><br />落实到人</p>\n<p>条目</p>',
    );
    expect(sanitizeBody(html)).toBe(html);
  });

  it('reads the blocks as text for the rules and the version diff, entities decoded', () => {
    const html = sanitizeBody('<p>甲&amp;乙 &lt;丙&gt;</p><h2>（二）标题</h2>');
    expect(bodyBlocks(html)).toEqual([
      { type: 'p', text: '甲&乙 <丙>' },
      { type: 'h2', text: '（二）标题' },
    ]);
    expect(bodyText(html)).toBe('甲&乙 <丙>\n（二）标题');
    expect(sanitizeBody('   ')).toBe('');
  });
});
