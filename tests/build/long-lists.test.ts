import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MONTHS } from '../../src/lib/dates.ts';
import { bibtexKey } from '../../src/lib/bibtex.ts';
import { movedPaperIds } from '../../src/lib/moved-papers.ts';
import { PapersJsonSchema, type Paper } from '../../src/lib/schema.ts';
import { generateCorpus, writeCorpus } from '../bench/generate-corpus.ts';
import { cardTitleLine, realPapers } from '../helpers.ts';
import { buildSite } from './build-site.ts';
import { brokenPageLinks, elementsOf, linksWithin, listFiles, readPage } from './dist-files.ts';

// A card listing of the 300 papers of the real arXiv samples, each under its primary category and on its own
// day. No real category has more than 23 of them, so the synthetic corpus of the benchmarks (seed 1, 400 entries)
// joins them: cs.LG then fills several pages.
function realSampleDump(): string {
  return realPapers()
    .map((paper, i) => {
      const day = new Date(Date.UTC(2021, 0, 1) + i * 86_400_000);
      const header = `${paper.categories[0]}${MONTHS[day.getUTCMonth()]} ${day.getUTCDate()}, ${day.getUTCFullYear()}`;
      return `${header}\n${cardTitleLine(paper)}\n${paper.abstract}\n`;
    })
    .join('\n');
}

// The paper links of a list page, in order.
const listedPapers = (html: string) => linksWithin(html, 'paper-title').map((link) => link.attrs.href);

// A page's pagination links by their rel (prev, next).
const pagination = (html: string) => Object.fromEntries(linksWithin(html, 'pagination').flatMap((link) => (link.attrs.rel ? [[link.attrs.rel, link.attrs.href]] : [])));

// A page's numbered page links: [label, href, current] in order, "…" for a gap.
const pageNumbers = (html: string) => elementsOf(html).filter((element) => element.ancestorClasses.includes('page-numbers') && (element.tag === 'a' || element.attrs.class === 'gap')).map((element) => (element.tag === 'a' ? [element.text.trim(), element.attrs.href, element.attrs['aria-current'] === 'page'] : ['…']));

describe('a site with long lists (the real arXiv samples and a small synthetic corpus)', () => {
  let dataDir: string;
  let site: string;
  let papers: Paper[];
  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'papershelf-long-'));
    writeCorpus(dataDir, generateCorpus(400, 1));
    writeFileSync(join(dataDir, 'real.txt'), realSampleDump());
    site = join(dataDir, 'dist');
    const result = buildSite(site, { PAPERS_DATA_DIR: dataDir });
    expect(result.status, result.output).toBe(0);
    papers = PapersJsonSchema.parse(JSON.parse(readFileSync(join(site, 'papers.json'), 'utf8'))).papers;
  }, 600_000);
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('lists every paper once on the pages of all papers, newest first, 50 a page, each page linked to the next', () => {
    expect(papers.length).toBeGreaterThan(600);
    const pageCount = Math.ceil(papers.length / 50);
    const pagePaths = ['papers/', ...Array.from({ length: pageCount - 1 }, (_, i) => `papers/page/${i + 2}/`)];
    const pages = pagePaths.map((path) => readPage(site, path));
    expect(pages.flatMap(listedPapers)).toEqual(papers.map((paper) => `/papers/${paper.id}/`));
    // papers.json is in site order; that order is newest first, the undated last.
    const dates = papers.map((paper) => paper.published ?? '');
    expect(dates.every((date, i) => i === 0 || date === '' || (dates[i - 1] !== '' && (dates[i - 1] ?? '') >= date))).toBe(true);
    expect(new Set(dates).size).toBeGreaterThan(250);
    pages.forEach((html, i) => {
      expect(listedPapers(html).length).toBe(i < pageCount - 1 ? 50 : papers.length - 50 * (pageCount - 1));
      expect(pagination(html)).toEqual({
        ...(i > 0 ? { prev: `/${pagePaths[i - 1]}` } : {}),
        ...(i < pageCount - 1 ? { next: `/${pagePaths[i + 1]}` } : {}),
      });
    });
    expect(listFiles(site).filter((file) => file.startsWith('papers/page/'))).toHaveLength(pageCount - 1);
    // Numbered links to the first and last pages and two either side of the current one, gaps as "…".
    expect(pageCount).toBeGreaterThan(10);
    const numbered = (n: number) => [String(n), `/${pagePaths[n - 1]}`, n === 6];
    expect(pageNumbers(pages[5] ?? '')).toEqual([numbered(1), ['…'], numbered(4), numbered(5), numbered(6), numbered(7), numbered(8), ['…'], numbered(pageCount)]);
    expect(readPage(site, 'papers/page/2/')).toContain('<title>All papers, page 2 · Papershelf</title>');
  });

  it("pages a large category at /categories/<id>/<n>/, listing each of its papers once", () => {
    const counts = new Map<string, number>();
    for (const paper of papers) for (const category of paper.categories) counts.set(category.id, (counts.get(category.id) ?? 0) + 1);
    const [largest, count] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? ['', 0];
    expect(count).toBeGreaterThan(100);
    const pagePaths = Array.from({ length: Math.ceil(count / 50) }, (_, i) => `categories/${largest}/${i === 0 ? '' : `${i + 1}/`}`);
    const listed = pagePaths.flatMap((path) => listedPapers(readPage(site, path)));
    expect(listed).toEqual(papers.filter((paper) => paper.categories.some((category) => category.id === largest)).map((paper) => `/papers/${paper.id}/`));
    expect(pagination(readPage(site, pagePaths[1] ?? ''))).toEqual({ prev: `/${pagePaths[0]}`, next: `/${pagePaths[2]}` });
    // Numbered links to every page of a short list, the current one marked.
    expect(pageNumbers(readPage(site, pagePaths[1] ?? ''))).toEqual(pagePaths.map((path, i) => [String(i + 1), `/${path}`, i === 1]));
  });

  it('pages the papers without a category at /categories/uncategorised/<n>/, each once', () => {
    const none = papers.filter((paper) => paper.categories.length === 0).map((paper) => `/papers/${paper.id}/`);
    expect(none.length).toBeGreaterThan(50);
    const pagePaths = Array.from({ length: Math.ceil(none.length / 50) }, (_, i) => `categories/uncategorised/${i === 0 ? '' : `${i + 1}/`}`);
    expect(pagePaths.flatMap((path) => listedPapers(readPage(site, path)))).toEqual(none);
    expect(pagination(readPage(site, pagePaths[0] ?? ''))).toEqual({ next: `/${pagePaths[1]}` });
  });

  it('gives every paper a citation key of its own, though the synthetic corpus repeats some', () => {
    const keys = papers.map((paper) => /@misc\{([^,]+),/.exec(readPage(site, `papers/${paper.id}/`))?.[1]);
    expect(keys.every((key) => key !== undefined)).toBe(true);
    expect(new Set(keys).size).toBe(papers.length);
    // Some of them were made unique: a paper's plain key is taken by an older one.
    expect(keys.filter((key, i) => key !== bibtexKey(papers[i] as Paper)).length).toBeGreaterThan(0);
  });

  it('keeps the address a paper had before its arXiv id was known, as a page that leads to it and no sitemap lists', () => {
    const moved = movedPaperIds(papers);
    expect(moved.length).toBeGreaterThan(5);
    const sitemap = readFileSync(join(site, 'sitemap-0.xml'), 'utf8');
    for (const { from, to } of moved) {
      const html = readPage(site, `papers/${from}/`);
      expect(html).toContain(`<meta http-equiv="refresh" content="0; url=/papers/${to.id}/">`);
      expect(html).toContain('<meta name="robots" content="noindex">');
      expect(elementsOf(html).filter((element) => element.tag === 'a').map((link) => link.attrs.href)).toEqual([`/papers/${to.id}/`]);
      expect(sitemap).not.toContain(`/papers/${from}/<`);
      expect(sitemap).toContain(`/papers/${to.id}/<`);
    }
  });

  it('marks the Papers section in the navigation: the current page on papers/, the section on a paper', () => {
    const navLink = (html: string) => linksWithin(html, 'site-nav').find((link) => link.text === 'Papers');
    expect(navLink(readPage(site, 'papers/'))?.attrs['aria-current']).toBe('page');
    expect(navLink(readPage(site, 'papers/page/2/'))?.attrs['aria-current']).toBe('true');
    expect(navLink(readPage(site, `papers/${papers[0]?.id}/`))?.attrs['aria-current']).toBe('true');
    expect(navLink(readPage(site, 'authors/'))?.attrs['aria-current']).toBeUndefined();
  });

  it('lists the undated papers on dates/undated/, linked from dates/', () => {
    const undated = papers.filter((paper) => paper.published === null).map((paper) => `/papers/${paper.id}/`);
    expect(undated.length).toBeGreaterThan(0);
    expect(listedPapers(readPage(site, 'dates/undated/'))).toEqual(undated);
    expect(readPage(site, 'dates/')).toContain('href="/dates/undated/"');
  });

    it('has no broken internal link', () => {
    expect(brokenPageLinks(site, '/')).toEqual([]);
  });
});
