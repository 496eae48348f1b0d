import { describe, expect, inject, it } from 'vitest';
import { openPage, useBrowser } from './browser.ts';
import { katexFolderPattern } from '../helpers.ts';

const base = inject('seedSiteUrl');
const shared = useBrowser();

describe('browsing the seed site', () => {
  it('goes home → category → paper → author → co-author without a console error or failed request', async () => {
    const { page, problems } = await openPage(shared.context());
    await page.goto(base);
    await page.getByRole('region', { name: 'Largest categories' }).getByRole('link', { name: 'Machine Learning' }).click();
    await expect.poll(() => page.url()).toBe(`${base}categories/cs.LG/`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Machine Learning (cs.LG)');

    await page.locator('.paper-list .paper-title a').first().click();
    await expect.poll(() => page.url()).toMatch(/\/papers\/[^/]+\/$/);
    const firstAuthor = page.locator('.byline a').first();
    const authorName = (await firstAuthor.textContent()) ?? '';
    await firstAuthor.click();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(authorName);

    const coauthor = page.getByRole('region', { name: 'Co-authors' }).getByRole('link').first();
    const coauthorName = (await coauthor.textContent()) ?? '';
    await coauthor.click();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(coauthorName);
    expect(await page.getByRole('region', { name: 'Co-authors' }).getByRole('link', { name: authorName }).count()).toBe(1);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('shows a month of papers from the date pages', async () => {
    const { page, problems } = await openPage(shared.context());
    await page.goto(`${base}dates/`);
    await page.getByRole('link', { name: '2024' }).click();
    await page.getByRole('link', { name: 'March 2024' }).click();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Papers of March 2024');
    expect(await page.locator('.paper-list > li').count()).toBe(2);
    expect(await page.locator('.paper-title').allTextContents()).toContain('DAVED: Data Acquisition via Experimental Design for Data Markets');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('renders math visibly, with KaTeX fonts served by the site', async () => {
    const { page, problems, requests } = await openPage(shared.context());
    await page.goto(`${base}papers/overt-a-benchmark-for-over-refusal-evaluation-on-text-to-image-models/`);
    const formulas = page.locator('.abstract .katex');
    expect(await formulas.count()).toBeGreaterThan(0);
    for (const box of await formulas.evaluateAll((elements) => elements.map((element) => element.getBoundingClientRect().toJSON() as DOMRect))) {
      expect(box.width).toBeGreaterThan(0);
      expect(box.height).toBeGreaterThan(0);
    }
    // The MathML copy is for assistive technology only; the visible rendering is the HTML one.
    expect(await page.locator('.abstract .katex-html').first().isVisible()).toBe(true);
    await page.evaluate(() => document.fonts.ready);
    expect(requests.filter((url) => katexFolderPattern('/').test(new URL(url).pathname) && url.includes('/fonts/')).length).toBeGreaterThan(0);
    expect(requests.every((url) => url.startsWith(base) || url.startsWith('data:'))).toBe(true);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('copies the BibTeX entry with the copy button', async () => {
    const copyContext = await shared.browser().newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
    const { page, problems } = await openPage(copyContext);
    await page.goto(`${base}papers/2503.01253/`);
    const button = page.getByRole('button', { name: 'Copy BibTeX' });
    await button.click();
    await expect.poll(() => page.locator('.copy-status').textContent()).toBe('Copied to the clipboard.');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(await page.locator('#bibtex-entry').textContent());
    expect(copied).toContain('eprint = {2503.01253}');
    expect(problems).toEqual([]);
    await copyContext.close();
  });

  it('serves a helpful 404 page', async () => {
    const { page } = await openPage(shared.context());
    const response = await page.goto(`${base}no/such/page/`);
    expect(response?.status()).toBe(404);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Page not found');
    await page.close();
  });

  it('leads an address with an arXiv version, as arXiv writes them, to the paper’s page', async () => {
    const { page, problems } = await openPage(shared.context());
    const response = await page.goto(`${base}papers/2510.15464v2/`);
    expect(response?.status()).toBe(404);
    await page.getByRole('link', { name: 'the page of arXiv:2510.15464' }).click();
    await expect.poll(() => page.url()).toBe(`${base}papers/2510.15464/`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('arXiv:2510.15464');
    expect(problems.filter((problem) => !problem.includes('404'))).toEqual([]);
    await page.close();
  });
});
