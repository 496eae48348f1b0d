import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allPapersPath, listPages, pageWindow } from '../../src/lib/list-pages.ts';
import { hrefBuilder } from '../../src/lib/site-links.ts';

const href = hrefBuilder('/shelf/');

describe('listPages', () => {
  it('puts page 1 of all papers at papers/ and the others at papers/page/<n>/, with links between them', () => {
    const pages = listPages(Array.from({ length: 120 }, (_, i) => i), 50, allPapersPath, href);
    expect(pages.map((page) => [page.currentPage, page.start, page.end, page.data.length, page.url.current])).toEqual([
      [1, 0, 49, 50, '/shelf/papers/'],
      [2, 50, 99, 50, '/shelf/papers/page/2/'],
      [3, 100, 119, 20, '/shelf/papers/page/3/'],
    ]);
    expect(pages.map((page) => page.url)).toEqual([
      { current: '/shelf/papers/', prev: undefined, next: '/shelf/papers/page/2/', first: undefined, last: '/shelf/papers/page/3/' },
      { current: '/shelf/papers/page/2/', prev: '/shelf/papers/', next: '/shelf/papers/page/3/', first: '/shelf/papers/', last: '/shelf/papers/page/3/' },
      { current: '/shelf/papers/page/3/', prev: '/shelf/papers/page/2/', next: undefined, first: '/shelf/papers/', last: undefined },
    ]);
  });

  it('keeps one page for an empty list, so the list URL always answers', () => {
    expect(listPages([], 50, allPapersPath, href)).toEqual([
      { data: [], start: 0, end: -1, total: 0, currentPage: 1, size: 50, lastPage: 1, url: { current: '/shelf/papers/', prev: undefined, next: undefined, first: undefined, last: undefined } },
    ]);
  });

  it('shows every item once, in order, on pages of at most the page size', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(), { maxLength: 300 }), fc.integer({ min: 1, max: 60 }), (items, size) => {
        const pages = listPages(items, size, allPapersPath, href);
        expect(pages.flatMap((page) => page.data)).toEqual(items);
        for (const page of pages) {
          expect(page.data.length).toBeLessThanOrEqual(size);
          expect(page.data).toEqual(items.slice(page.start, page.end + 1));
          expect(page.lastPage).toBe(pages.length);
          expect(page.total).toBe(items.length);
        }
        expect(new Set(pages.map((page) => page.url.current)).size).toBe(pages.length);
      }),
    );
  });
});

describe('the page numbers of a pagination bar', () => {
  it('shows the first and last pages, two either side of the current one, and a gap only for two pages or more', () => {
    expect(pageWindow(1, 1)).toEqual([1]);
    expect(pageWindow(1, 3)).toEqual([1, 2, 3]);
    expect(pageWindow(1, 40)).toEqual([1, 2, 3, null, 40]);
    expect(pageWindow(6, 40)).toEqual([1, null, 4, 5, 6, 7, 8, null, 40]);
    // 1 … 3 would hide only page 2: it is shown instead.
    expect(pageWindow(5, 40)).toEqual([1, 2, 3, 4, 5, 6, 7, null, 40]);
    expect(pageWindow(40, 40)).toEqual([1, null, 38, 39, 40]);
  });
});
