import { formatDate } from '../dates.ts';
import type { Author, Category, Paper } from '../schema.ts';
import { paths } from '../site-data.ts';
import type { SiteLink } from '../site-links.ts';
import { escapeHtml } from './escape-html.ts';

/**
 * The markup of a paper's byline, date, category tags and paper-list item, as strings. A paper appears in
 * about three lists (its month, its categories, its authors), and the site has tens of thousands of list
 * items: building each item once, as one string, costs a fraction of rendering it through nested Astro
 * components on every page. Every piece of record text goes through escapeHtml; the only markup taken as is
 * comes from renderRichText (escaped text and KaTeX output), exactly what the pages insert with set:html.
 * Links come from the `href` given: the pages' (src/lib/url.ts), or the data-files worker's, made from the same settings.
 */

const ET_AL = '<span class="et-al"> et al.<span class="visually-hidden"> (the listing showed only the first authors; the full author list is longer)</span></span>';

/**
 * The authors linked to their pages, comma-separated, with the "et al." marker when the list is incomplete, and the
 * authors a profile listing says are among the rest (`hidden`).
 */
export function authorLinksHtml(href: SiteLink, authors: readonly Author[], truncated: boolean, hidden: readonly Author[] = []): string {
  const link = (author: Author) => `<a href="${escapeHtml(href(paths.author(author.slug)))}">${escapeHtml(author.name)}</a>`;
  const known = hidden.map(link).join(', ');
  if (authors.length === 0) return hidden.length === 0 ? '<span>Authors not given</span>' : `${known}${HIDDEN_ONLY}`;
  const links = authors.map(link).join(', ');
  const shown = truncated ? `${links}${ET_AL}` : links;
  return hidden.length === 0 ? shown : `${shown} <span class="hidden-authors">(among them ${known})</span>`;
}

// After the only author known, from the profile listing the paper is in, of a listing that named none.
const HIDDEN_ONLY = '<span class="et-al"> and others<span class="visually-hidden"> (the listing named no authors; this one is known from the profile listing the paper is in)</span></span>';

/** The categories as a list of links: ids with their names for screen readers, or "Name (id)" when `named`. */
export function categoryTagsHtml(href: SiteLink, categories: readonly Category[], named = false): string {
  const items = categories.map((category) => {
    const link = escapeHtml(href(paths.category(category.id)));
    const id = escapeHtml(category.id);
    if (named) return `<li><a href="${link}">${category.name ? `${escapeHtml(category.name)} (${id})` : id}</a></li>`;
    if (!category.name) return `<li><a href="${link}">${id}</a></li>`;
    const name = escapeHtml(category.name);
    return `<li><a href="${link}" title="${name}">${id}<span class="visually-hidden"> (${name})</span></a></li>`;
  });
  return `<ul class="category-tags">${items.join('')}</ul>`;
}

/** An ISO date as a `<time>` element reading "3 Jun 2026". */
export function paperDateHtml(date: string): string {
  return `<time datetime="${escapeHtml(date)}">${escapeHtml(formatDate(date))}</time>`;
}

/** A paper-list item cut around its heading element, so that one item serves lists at any heading level. */
export interface ListItemParts {
  /** The heading's content: the title linked to the paper, and the untitled marker. */
  heading: string;
  /** Everything after the heading, `</li>` included. */
  rest: string;
}

/** The parts of a paper's list item: title linked to the paper, authors, date, categories, code badge, excerpt. */
export function listItemParts(href: SiteLink, paper: Paper, text: { titleHtml: string; excerptHtml: string | null }): ListItemParts {
  // The space keeps the marker a word of its own in the heading's accessible name ("arXiv:2510.15464 untitled").
  const untitled = paper.title === null ? ' <span class="untitled-marker">untitled</span>' : '';
  const date = paper.published ? paperDateHtml(paper.published) : '<span>undated</span>';
  const categories = paper.categories.length > 0 ? ` · ${categoryTagsHtml(href, paper.categories)}` : '';
  const code = paper.hasCode ? ' <span class="badge">Code</span>' : '';
  const excerpt = text.excerptHtml ? `<p class="excerpt">${text.excerptHtml}</p>` : '';
  return {
    heading: `<a href="${escapeHtml(href(paths.paper(paper.id)))}">${text.titleHtml}</a>${untitled}`,
    rest: `<p class="meta">${authorLinksHtml(href, paper.authors, paper.authorsTruncated, paper.hiddenAuthors)}</p><div class="meta">${date}${categories}${code}</div>${excerpt}</li>`,
  };
}

/** A paper list, `<ol class="paper-list">`, of the items `itemHtml` makes: the markup of every list of papers on the site. */
export function paperListHtml<T>(papers: readonly T[], itemHtml: (paper: T) => string): string {
  return `<ol class="paper-list">${papers.map(itemHtml).join('')}</ol>`;
}

/** One paper-list item (`<li>…</li>`) from its parts, its heading at `headingLevel`. */
export function listItemHtml(parts: ListItemParts, headingLevel: 2 | 3): string {
  return `<li><h${headingLevel} class="paper-title">${parts.heading}</h${headingLevel}>${parts.rest}`;
}
