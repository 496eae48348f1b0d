import type { Page } from 'astro';
import type { SiteLink } from './site-links.ts';

/** Papers on one page of a long list (a category, all papers). */
export const LIST_PAGE_SIZE = 50;

/**
 * A list cut into Astro `Page`s whose first page lives at another URL than the rest: the whole list at
 * `papers/` then `papers/page/2/`, … (Astro's `paginate` needs every page under one rest route, and
 * `papers/[...id]` is the papers' own). `pathOf(n)` is page n's site path; `link` puts the base in front.
 * An empty list still has its first page, so the list's URL always answers.
 */
export function listPages<T>(items: readonly T[], size: number, pathOf: (page: number) => string, link: SiteLink): Array<Page<T>> {
  const lastPage = Math.max(1, Math.ceil(items.length / size));
  const url = (page: number) => link(pathOf(page));
  return Array.from({ length: lastPage }, (_, index) => {
    const currentPage = index + 1;
    const start = index * size;
    const data = items.slice(start, start + size);
    return {
      data,
      start,
      // As Astro's paginate: the index of the last item shown (start - 1 when the list is empty).
      end: start + data.length - 1,
      total: items.length,
      currentPage,
      size,
      lastPage,
      url: {
        current: url(currentPage),
        prev: currentPage > 1 ? url(currentPage - 1) : undefined,
        next: currentPage < lastPage ? url(currentPage + 1) : undefined,
        first: currentPage > 1 ? url(1) : undefined,
        last: currentPage < lastPage ? url(lastPage) : undefined,
      },
    };
  });
}

/** Page n of a list Astro's `paginate` pages under the list's own path: `categories/cs.LG/`, then `categories/cs.LG/2/`, …. */
export const paginatedPath = (listPath: string, page: number): string => (page === 1 ? listPath : `${listPath}${page}/`);

/** Page n of the list of all papers, as a site path: `papers/`, then `papers/page/2/`, …. */
export const allPapersPath = (page: number): string => (page === 1 ? 'papers/' : `papers/page/${page}/`);

/**
 * The page numbers a pagination bar shows around page `current` of `last`: the first and last pages, `span` pages
 * either side of the current one, and null for each gap between them ("1 … 4 5 6 7 8 … 40"). A gap of one page
 * shows that page instead, since "…" would take the same room.
 */
export function pageWindow(current: number, last: number, span = 2): Array<number | null> {
  const shown = new Set([1, last]);
  for (let page = current - span; page <= current + span; page++) if (page >= 1 && page <= last) shown.add(page);
  const sorted = [...shown].sort((a, b) => a - b);
  const window: Array<number | null> = [];
  for (const page of sorted) {
    const previous = window.at(-1);
    if (typeof previous === 'number' && page - previous === 2) window.push(page - 1);
    else if (typeof previous === 'number' && page - previous > 2) window.push(null);
    window.push(page);
  }
  return window;
}
