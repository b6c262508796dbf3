// Markdown as the support desk shows it (tickets, replies, knowledge articles): what a customer or an agent typed is
// formatted, never run. Two layers: marked renders raw HTML as text and drops unsafe link targets itself (so
// markdownToHtml is safe on its own, and testable without a DOM), then DOMPurify cleans the result in the browser.

import DOMPurify from 'dompurify';
import { Marked, type Tokens } from 'marked';
import type { VNode } from 'preact';
import { useMemo } from 'preact/hooks';

const LINK_REL = 'noopener noreferrer nofollow';

function escapeHtml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;').replaceAll("'", '&#39;');
}

/**
 * A link target worth following: http(s), mail, or a scheme-less (relative) address. Anything else (javascript:,
 * data:, vbscript:, file:) is refused; control characters and blanks are removed first, as browsers do.
 */
export function safeHref(href: string): string | undefined {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: browsers ignore these inside a scheme, so must we
  const compact = href.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(compact)?.[1]?.toLowerCase();
  if (scheme === undefined) return compact.startsWith('//') ? `https:${compact}` : href.trim();
  return ['http', 'https', 'mailto'].includes(scheme) ? href.trim() : undefined;
}

const marked = new Marked({
  async: false,
  gfm: true,
  // A line break in a ticket is meant as one: customers type plain text, not Markdown.
  breaks: true,
  renderer: {
    // Raw HTML, block or inline, is shown as the text it is.
    html({ text }: Tokens.HTML | Tokens.Tag): string {
      return escapeHtml(text);
    },
    link({ href, title, tokens }: Tokens.Link): string {
      const label = this.parser.parseInline(tokens);
      const target = safeHref(href);
      if (target === undefined) return label;
      const titleAttribute = title ? ` title="${escapeHtml(title)}"` : '';
      return `<a href="${escapeHtml(target)}"${titleAttribute} rel="${LINK_REL}" target="_blank">${label}</a>`;
    },
    // Images become links: a picture from anywhere in a customer's text would tell its host who read the ticket.
    image({ href, title, text }: Tokens.Image): string {
      const target = safeHref(href);
      const label = escapeHtml(text || href);
      if (target === undefined) return label;
      const titleAttribute = title ? ` title="${escapeHtml(title)}"` : '';
      return `<a href="${escapeHtml(target)}"${titleAttribute} rel="${LINK_REL}" target="_blank">${label}</a>`;
    },
  },
});

/** Markdown to HTML with no raw HTML and no unsafe links (the first layer; the browser adds DOMPurify). */
export function markdownToHtml(source: string): string {
  return marked.parse(source, { async: false });
}

let hooked = false;

function purify(html: string): string {
  if (!DOMPurify.isSupported) return html;
  if (!hooked) {
    hooked = true;
    // Every link, wherever it came from, opens apart from the portal and passes no referrer.
    DOMPurify.addHook('afterSanitizeAttributes', (node) => {
      if (node.tagName === 'A') {
        node.setAttribute('rel', LINK_REL);
        node.setAttribute('target', '_blank');
      }
    });
  }
  return DOMPurify.sanitize(html, { ADD_ATTR: ['target'], FORBID_TAGS: ['style', 'form', 'img'] });
}

/** Markdown rendered safely: `<Markdown source={ticket.description} />`. */
export function Markdown(props: { source: string; class?: string }): VNode {
  const html = useMemo(() => purify(markdownToHtml(props.source)), [props.source]);
  // Escaped by the renderer above, then sanitised by DOMPurify.
  return <div class={props.class ? `markdown ${props.class}` : 'markdown'} dangerouslySetInnerHTML={{ __html: html }} />;
}
