import { formatDate } from '../dates.ts';
import type { Author, Category } from '../schema.ts';
import { paths, type PaperView } from '../site-data.ts';
import { href } from '../url.ts';
import { escapeHtml } from './escape-html.ts';

/**
 * The markup of a paper's byline, date, category tags and paper-list item, as strings. A paper appears in
 * about three lists (its month, its categories, its authors), and the site has tens of thousands of list
 * items: building each item once, as one string, costs a fraction of rendering it through nested Astro
 * components on every page. Every piece of record text goes through escapeHtml; the only markup taken as is
 * comes from renderRichText (escaped text and KaTeX output), exactly what the pages insert with set:html.
 */

const ET_AL = '<span class="et-al"> et al.<span class="visually-hidden"> (the listing showed only the first authors; the full author list is longer)</span></span>';

/** The authors linked to their pages, comma-separated, with the "et al." marker when the list is incomplete. */
export function authorLinksHtml(authors: readonly Author[], truncated: boolean): string {
  const links = authors.length === 0 ? '<span>Authors not given</span>' : authors.map((author) => `<a href="${escapeHtml(href(paths.author(author.slug)))}">${escapeHtml(author.name)}</a>`).join(', ');
  return truncated ? `${links}${ET_AL}` : links;
}

/** The categories as a list of links: ids with their names for screen readers, or "Name (id)" when `named`. */
export function categoryTagsHtml(categories: readonly Category[], named = false): string {
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

function listItemHtml(view: PaperView, headingLevel: 2 | 3): string {
  const { paper } = view;
  const heading = `h${headingLevel}`;
  const untitled = view.untitled ? '<span class="untitled-marker">untitled</span>' : '';
  const date = paper.published ? paperDateHtml(paper.published) : '<span>undated</span>';
  const categories = paper.categories.length > 0 ? ` · ${categoryTagsHtml(paper.categories)}` : '';
  const code = paper.hasCode ? ' <span class="badge">Code</span>' : '';
  const excerpt = view.excerptHtml ? `<p class="excerpt">${view.excerptHtml}</p>` : '';
  return [
    `<li><${heading} class="paper-title"><a href="${escapeHtml(href(view.path))}">${view.titleHtml}</a>${untitled}</${heading}>`,
    `<p class="meta">${authorLinksHtml(paper.authors, paper.authorsTruncated)}</p>`,
    `<div class="meta">${date}${categories}${code}</div>`,
    `${excerpt}</li>`,
  ].join('');
}

// Views live for the whole build, so each item is built once per heading level and shared by every list.
const itemCache = new WeakMap<PaperView, Partial<Record<2 | 3, string>>>();

/** One paper-list item (`<li>…</li>`): title linked to the paper, authors, date, categories, code badge, excerpt. */
export function paperListItemHtml(view: PaperView, headingLevel: 2 | 3): string {
  let cached = itemCache.get(view);
  if (!cached) itemCache.set(view, (cached = {}));
  return (cached[headingLevel] ??= listItemHtml(view, headingLevel));
}
