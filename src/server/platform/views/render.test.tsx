import { describe, expect, it } from 'vitest';
import { renderHtml, renderPage, trustedHtml } from './render.js';

const attack = '<script>alert("x")</script>';

describe('views', () => {
  it('escapes data in text and in attributes', () => {
    const html = renderHtml(
      <p title={attack} data-x={`"><img src=x onerror=alert(1)>`}>
        {attack}
      </p>,
    );
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script>alert(&quot;x&quot;)&lt;/script>');
    expect(html).toBe(
      '<p title="&lt;script>alert(&quot;x&quot;)&lt;/script>" data-x="&quot;>&lt;img src=x onerror=alert(1)>">&lt;script>alert(&quot;x&quot;)&lt;/script></p>',
    );
  });

  it('renders a page with the doctype first', () => {
    const html = renderPage(
      <html lang="zh-CN">
        <head>
          <title>兴安盟</title>
        </head>
      </html>,
    );
    expect(html).toBe('<!doctype html><html lang="zh-CN"><head><title>兴安盟</title></head></html>');
  });

  it('inserts trusted markup unescaped, and only that', () => {
    const html = renderHtml(
      <div>
        {trustedHtml('<b>已渲染</b>')}
        {attack}
      </div>,
    );
    expect(html).toBe('<div><b>已渲染</b>&lt;script>alert(&quot;x&quot;)&lt;/script></div>');
  });
});
