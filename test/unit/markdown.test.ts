// The desk's Markdown: formatting survives, while hostile text (script tags, event attributes, raw HTML, javascript:
// links) comes out as harmless text. This is the layer that runs without a DOM; the browser test adds DOMPurify.

import { describe, expect, it } from 'vitest';
import { markdownToHtml, safeHref } from '../../web/src/markdown.tsx';

/** Every tag the HTML opens, as the browser would parse it (escaped text holds no `<`). */
function tags(html: string): string[] {
  return [...html.matchAll(/<([a-z][a-z0-9]*)\b((?:\s+[^\s=>]+(?:="[^"]*")?)*)\s*\/?>/gi)].map(
    (match) => `${match[1]?.toLowerCase()}${match[2] ?? ''}`,
  );
}

/** The attribute names of a tag as tags() gives it (quoted values skipped). */
function attributeNames(tag: string): string[] {
  return [...tag.matchAll(/\s([^\s=>]+)(?:="[^"]*")?/g)].map((match) => match[1] ?? '');
}

describe('markdown rendering', () => {
  it('keeps ordinary formatting: emphasis, lists, code, tables, safe links with rel and target', () => {
    const html = markdownToHtml(
      '**bold** and _it_\n\n- one\n- two\n\n`x < y`\n\n| a | b |\n| - | - |\n| 1 | 2 |\n\n[docs](https://example.com/a?b=1&c=2)',
    );
    expect(html).toContain('<strong>bold</strong>');
    expect(html).toContain('<em>it</em>');
    expect(html).toContain('<li>one</li>');
    expect(html).toContain('<code>x &lt; y</code>');
    expect(html).toContain('<td>1</td>');
    expect(html).toContain('<a href="https://example.com/a?b=1&amp;c=2" rel="noopener noreferrer nofollow" target="_blank">docs</a>');
  });

  it('shows script tags, raw HTML blocks and inline HTML as text', () => {
    const html = markdownToHtml(
      '<script>alert(1)</script>\n\nText <b onclick="x()">bold</b> <iframe src="https://evil.example"></iframe>\n\n<div>\n<img src=x onerror=alert(1)>\n</div>',
    );
    expect(tags(html).every((tag) => /^(p|br)$/.test(tag))).toBe(true);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;b onclick=&quot;x()&quot;&gt;');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toMatch(/<(script|iframe|img|div|b)\b/i);
  });

  it('drops javascript:, data: and vbscript: link targets, also disguised, and keeps the text', () => {
    const hostile = [
      '[a](javascript:alert(1))',
      '[b](JaVaScRiPt:alert(1))',
      '[c](java\tscript:alert(1))',
      '[d](data:text/html;base64,PHNjcmlwdD4=)',
      '[e](vbscript:msgbox)',
      '<javascript:alert(1)>',
      '![f](javascript:alert(1))',
      '[g]: javascript:alert(1)\n\n[g]',
    ];
    for (const source of hostile) {
      const html = markdownToHtml(source);
      expect(html, source).not.toMatch(/href="\s*(javascript|data|vbscript)/i);
      expect(html, source).not.toMatch(/<a /);
    }
    expect(markdownToHtml('[a](javascript:alert(1))')).toContain('a');
  });

  it('escapes entity tricks in link targets so they stay inert relative addresses', () => {
    const html = markdownToHtml('[x](javascript&#58;alert(1))');
    expect(html).not.toMatch(/href="javascript:/i);
    expect(html).not.toMatch(/href="[^"]*&#58;/);
  });

  it('turns images into links, so reading a ticket loads nothing from elsewhere', () => {
    const html = markdownToHtml('![screenshot](https://tracker.example/pixel.png)');
    expect(html).not.toContain('<img');
    expect(html).toContain('<a href="https://tracker.example/pixel.png" rel="noopener noreferrer nofollow" target="_blank">screenshot</a>');
  });

  it('escapes quotes in titles so no attribute can be injected', () => {
    const html = markdownToHtml('[x](https://example.com "a\\" onmouseover=\\"alert(1)")');
    const link = tags(html).find((tag) => tag.startsWith('a '));
    expect(attributeNames(link ?? '')).toEqual(['href', 'title', 'rel', 'target']);
  });
});

describe('safeHref', () => {
  it('accepts http(s), mailto and relative addresses and refuses other schemes', () => {
    expect(safeHref('https://example.com')).toBe('https://example.com');
    expect(safeHref('mailto:help@example.com')).toBe('mailto:help@example.com');
    expect(safeHref('/tickets/12')).toBe('/tickets/12');
    expect(safeHref('//example.com/x')).toBe('https://example.com/x');
    expect(safeHref(' javascript:alert(1)')).toBeUndefined();
    expect(safeHref('\u0000javascript:alert(1)')).toBeUndefined();
    expect(safeHref('file:///etc/passwd')).toBeUndefined();
  });
});
