import { countOf } from '../count-of.ts';
import { feedPaths } from '../feeds.ts';
import type { AuthorView, PaperView } from '../site-data.ts';
import type { SiteLink } from '../site-links.ts';
import { escapeHtml } from './escape-html.ts';
import { feedLinkHtml } from './feed-link-html.ts';
import { paperListHtml } from './paper-html.ts';

/**
 * The markup of an author page, as strings: there is a page per author, and rendering each co-author, category
 * and bar through Astro's template expressions cost several times more (BENCHMARKS.md, "Site build"). In
 * `astro build` the data-files worker makes every page's content, with the site's links, before the pages are
 * rendered. All record text goes through escapeHtml.
 */

/** "1 paper", "7 papers": how many papers an author has. */
export function paperCount(author: Pick<AuthorView, 'papers'>): string {
  return countOf(author.papers.length, 'paper');
}

/**
 * An author page's content: the name, the paper count, papers per year, co-authors and categories (each list only
 * when there is something in it), then their papers, newest first, each item made by `itemHtml`.
 */
export function authorPageHtml(href: SiteLink, author: AuthorView, itemHtml: (view: PaperView) => string): string {
  const coauthors = author.coauthors.length > 0 ? `<section aria-labelledby="coauthors"><h2 id="coauthors">Co-authors</h2><ul>${coauthorItemsHtml(href, author.coauthors)}</ul></section>` : '';
  const categories = author.categories.length > 0 ? `<section aria-labelledby="author-categories"><h2 id="author-categories">Categories</h2><ul>${authorCategoryItemsHtml(href, author.categories)}</ul></section>` : '';
  const feedLink = feedLinkHtml(href, feedPaths.author(author.slug), `${author.name}'s newest papers`);
  return `<h1>${escapeHtml(author.name)}</h1><p>${paperCount(author)}</p>${feedLink}${yearChartHtml(author.years, author.name)}<div class="two-col">${coauthors}${categories}</div><h2>Papers</h2>${paperListHtml(author.papers, itemHtml)}`;
}

/** The co-authors as list items: each linked to their page, with the number of papers shared. */
export function coauthorItemsHtml(href: SiteLink, coauthors: AuthorView['coauthors']): string {
  return coauthors
    .map((coauthor) => `<li><a href="${escapeHtml(href(coauthor.path))}">${escapeHtml(coauthor.name)}</a> <span class="count">(${countOf(coauthor.count, 'shared paper')})</span></li>`)
    .join('');
}

/** The author's categories as list items: linked, named where the name is known, with their paper counts. */
export function authorCategoryItemsHtml(href: SiteLink, categories: AuthorView['categories']): string {
  return categories
    .map((category) => `<li><a href="${escapeHtml(href(category.path))}">${escapeHtml(category.name ? `${category.name} (${category.id})` : category.id)}</a> <span class="count">(${countOf(category.count, 'paper')})</span></li>`)
    .join('');
}

const BAR_WIDTH = 22;
const GAP = 6;
const HEIGHT = 80;

/**
 * Papers per year as a small inline SVG bar chart, every year from the first to the last (years without papers
 * as empty bars), named by a summary of the counts for screen readers; nothing when no paper is dated.
 */
export function yearChartHtml(years: AuthorView['years'], label: string): string {
  if (years.length === 0) return '';
  const first = years[0]?.year ?? 0;
  const last = years[years.length - 1]?.year ?? 0;
  const counts = new Map(years.map((entry) => [entry.year, entry.count]));
  const series = Array.from({ length: last - first + 1 }, (_, index) => ({ year: first + index, count: counts.get(first + index) ?? 0 }));
  const max = Math.max(1, ...series.map((entry) => entry.count));
  const width = Math.max(1, series.length * (BAR_WIDTH + GAP));
  const summary = series.map((entry) => `${entry.year}: ${entry.count}`).join(', ');
  const id = escapeHtml(`chart-${label.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}`);
  const bars = series.map((entry, index) => {
    const barHeight = entry.count === 0 ? 0 : Math.max(2, (entry.count / max) * (HEIGHT - 14));
    const x = index * (BAR_WIDTH + GAP);
    const middle = x + BAR_WIDTH / 2;
    const count = entry.count > 0 ? `<text x="${middle}" y="${HEIGHT - barHeight - 3}" text-anchor="middle">${entry.count}</text>` : '';
    return `<g><rect x="${x}" y="${HEIGHT - barHeight}" width="${BAR_WIDTH}" height="${barHeight}" rx="2"></rect>${count}<text x="${middle}" y="${HEIGHT + 14}" text-anchor="middle">&#39;${String(entry.year).slice(2)}</text></g>`;
  });
  return [
    `<figure><svg class="year-chart" width="${width}" height="${HEIGHT + 18}" viewBox="0 0 ${width} ${HEIGHT + 18}" role="img" aria-labelledby="${id}-title">`,
    `<title id="${id}-title">${escapeHtml(`Papers per year by ${label}: ${summary}`)}</title>${bars.join('')}</svg></figure>`,
  ].join('');
}
