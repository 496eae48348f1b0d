import { CONTENT_SECURITY_POLICY } from '../content-security-policy.ts';
import type { PaperView } from '../site-data.ts';
import type { SiteLinks } from '../site-links.ts';
import { escapeHtml } from './escape-html.ts';

/**
 * The document at an address a paper had before its arXiv id was known (src/lib/moved-papers.ts). A static host
 * cannot answer 301: it sends the browser on at once and tells search engines where the paper is. Written as a
 * data file, not rendered as a page: nobody reads it, a 10,000-paper site has about 900 of them, and no sitemap
 * lists what is no page.
 */
export function movedPaperHtml(to: PaperView, links: SiteLinks): string {
  const target = escapeHtml(links.href(to.path));
  return [
    '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">',
    `<meta http-equiv="content-security-policy" content="${escapeHtml(CONTENT_SECURITY_POLICY)}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>Moved: ${escapeHtml(to.titlePlain)}</title>`,
    '<meta name="robots" content="noindex">',
    `<meta http-equiv="refresh" content="0; url=${target}">`,
    `<link rel="canonical" href="${escapeHtml(links.absolute(to.path))}">`,
    '</head><body><main><h1>This paper has moved</h1>',
    // The title as every page shows it: rendered text, escaped but for KaTeX's markup.
    `<p>Its page is now at its arXiv id's address: <a href="${target}">${to.titleHtml}</a>.</p>`,
    '</main></body></html>',
  ].join('');
}
