import type { SiteLink } from '../site-links.ts';
import { escapeHtml } from './escape-html.ts';

/** The paragraph linking a page's RSS feed (`label` is what it follows, as text): on category and author pages. */
export function feedLinkHtml(href: SiteLink, path: string, label: string): string {
  return `<p class="feed-link"><a href="${escapeHtml(href(path))}" type="application/rss+xml">RSS feed of ${escapeHtml(label)}</a></p>`;
}
