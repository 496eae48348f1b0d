import { describe, expect, inject, it } from 'vitest';
import { openPage, useBrowser } from './browser.ts';

const base = inject('seedSiteUrl');
const shared = useBrowser();

const TITLE_INDEX = 'search/titles.json';
const FULL_INDEX = 'search/index.json';

describe('search in the browser', () => {
  it('loads no index before the first interaction; on focus the title index, then the full index', async () => {
    const { page, requests, problems } = await openPage(shared.context());
    for (const path of ['', 'papers/2510.15464/', 'authors/baihe-huang/']) {
      await page.goto(`${base}${path}`, { waitUntil: 'networkidle' });
      expect(requests.filter((url) => url.includes('/search/')), path).toEqual([]);
    }
    const titles = page.waitForResponse((response) => response.url().endsWith(TITLE_INDEX));
    const full = page.waitForResponse((response) => response.url().endsWith(FULL_INDEX));
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('site-search-input');
    expect((await titles).ok()).toBe(true);
    expect((await full).ok()).toBe(true);
    const order = requests.filter((url) => url.endsWith(TITLE_INDEX) || url.endsWith(FULL_INDEX));
    expect(order.map((url) => url.slice(url.indexOf('search/')))).toEqual([TITLE_INDEX, FULL_INDEX]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('suggests a paper whose abstract alone has the word, once the full index has loaded', async () => {
    const { page, problems } = await openPage(shared.context());
    await page.goto(base);
    await page.keyboard.press('/');
    await page.keyboard.type('supermartingale');
    const listbox = page.getByRole('listbox', { name: 'Search suggestions' });
    await expect.poll(() => listbox.getByRole('option').first().textContent()).toContain('Towards Anytime-Valid Statistical Watermarking');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('shows the expected paper while typing, and Enter with nothing chosen opens the results page', async () => {
    const { page, problems } = await openPage(shared.context());
    await page.goto(base);
    await page.keyboard.press('Control+k');
    await page.keyboard.type('HuPER');
    const listbox = page.getByRole('listbox', { name: 'Search suggestions' });
    await expect.poll(() => listbox.getByRole('option').first().textContent()).toContain('HuPER: A Human-Inspired Framework for Phonetic Perception');
    expect(await page.getByRole('combobox', { name: 'Search papers' }).getAttribute('aria-expanded')).toBe('true');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.url()).toBe(`${base}search/?q=HuPER`);
    await expect.poll(() => page.locator('[data-search-results] .paper-title').first().textContent()).toContain('HuPER');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('opens the chosen suggestion with ↓ and Enter, and closes the list with Escape', async () => {
    const { page, problems } = await openPage(shared.context());
    await page.goto(base);
    const input = page.getByRole('combobox', { name: 'Search papers' });
    await input.focus();
    await page.keyboard.type('watermarking');
    await expect.poll(() => page.getByRole('option').count()).toBeGreaterThan(1);
    await page.keyboard.press('Escape');
    expect(await input.getAttribute('aria-expanded')).toBe('false');
    // Nothing that arrives after Escape (a search still in flight, the abstracts' index) reopens the list.
    await page.waitForLoadState('networkidle');
    expect(await input.getAttribute('aria-expanded')).toBe('false');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => input.getAttribute('aria-expanded')).toBe('true');
    await page.keyboard.press('ArrowDown');
    const chosen = await input.getAttribute('aria-activedescendant');
    expect(chosen).toBeTruthy();
    expect(await page.locator(`#${chosen}`).getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.url()).toMatch(/\/papers\/towards-.*-statistical-watermarking\/$/);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('finds papers despite a typo and through math: "difusion" and "Theta", loading only the full index', async () => {
    const { page, requests, problems } = await openPage(shared.context());
    await page.goto(`${base}search/?q=difusion`);
    await expect.poll(() => page.locator('[data-search-results] .paper-title').allTextContents()).toContain('Plan, Verify and Fill: A Structured Parallel Decoding Approach for Diffusion Language Models');
    expect(requests.filter((url) => url.endsWith(FULL_INDEX))).toHaveLength(1);
    expect(requests.filter((url) => url.endsWith(TITLE_INDEX))).toEqual([]);
    expect(await page.locator('[data-search-results] mark').first().textContent()).toBe('Diffusion');
    await page.goto(`${base}search/?q=Theta`);
    await expect.poll(() => page.locator('[data-search-results] .paper-title').allTextContents()).toContain('Sample Complexity and Representation Ability of Test-time Scaling Paradigms');
    // The match is in a formula: the snippet shows it, and nothing inside math is marked.
    // Snippets arrive after the titles (their chunks are fetched as results show), so wait for the first.
    await expect.poll(() => page.locator('[data-search-results] .excerpt').first().textContent()).toContain('Θ');
    expect(await page.locator('[data-search-results] .math mark').count()).toBe(0);
    const count = await page.locator('[data-search-results] > li').count();
    expect(await page.getByRole('status').filter({ hasText: 'results for' }).textContent()).toMatch(new RegExp(`^${count} results? for “Theta” \\(\\d+(\\.\\d+)? ms\\)$`));
    expect(problems).toEqual([]);
    await page.close();
  });

  it('keeps facets in the URL, and Back restores the previous results', async () => {
    const { page, problems } = await openPage(shared.context());
    await page.goto(`${base}search/?q=learning`);
    const titles = () => page.locator('[data-search-results] .paper-title').allTextContents();
    await expect.poll(async () => (await titles()).length).toBeGreaterThan(5);
    const before = await titles();
    // Each query's history entry has its own title.
    expect(await page.title()).toMatch(/^“learning” · Search · /);
    await page.getByRole('group', { name: 'Year' }).getByRole('checkbox', { name: /^2021 / }).check();
    await expect.poll(() => page.url()).toBe(`${base}search/?q=learning&year=2021`);
    await expect.poll(async () => (await titles()).length).toBeLessThan(before.length);
    const filtered = await titles();
    await page.goBack();
    await expect.poll(() => page.url()).toBe(`${base}search/?q=learning`);
    await expect.poll(titles).toEqual(before);
    await page.goForward();
    await expect.poll(titles).toEqual(filtered);
    expect(await page.getByRole('checkbox', { name: /^2021 / }).isChecked()).toBe(true);
    await page.getByLabel('Sort by').selectOption('newest');
    await expect.poll(() => page.url()).toBe(`${base}search/?q=learning&year=2021&sort=newest`);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('returns to the result it opened on Back, with as many results shown and the page scrolled as before', async () => {
    const { page, problems } = await openPage(shared.context());
    await page.goto(`${base}search/?q=learning`);
    const items = page.locator('[data-search-results] > li');
    await expect.poll(() => items.count()).toBe(20);
    await page.getByRole('button', { name: 'Show more results' }).click();
    await expect.poll(() => items.count()).toBeGreaterThan(20);
    const count = await items.count();
    const target = items.nth(count - 1).locator('.paper-title a');
    await target.scrollIntoViewIfNeeded();
    const scrolled = await page.evaluate(() => window.scrollY);
    expect(scrolled).toBeGreaterThan(500);
    await target.click();
    await page.waitForURL(/\/papers\//);
    await page.goBack();
    await expect.poll(() => items.count()).toBe(count);
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(scrolled);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('puts the results first on a phone, the filters folded above them until opened', async () => {
    const context = await shared.browser().newContext({ viewport: { width: 360, height: 740 } });
    const { page, problems } = await openPage(context);
    await page.goto(`${base}search/?q=learning`);
    const first = page.locator('[data-search-results] > li').first();
    await expect.poll(() => first.count()).toBe(1);
    expect((await first.boundingBox())?.y ?? Infinity).toBeLessThan(740);
    const year = page.getByRole('group', { name: 'Year' });
    expect(await year.isVisible()).toBe(false);
    await page.getByText('Filters', { exact: true }).click();
    expect(await year.isVisible()).toBe(true);
    await year.getByRole('checkbox').first().check();
    await expect.poll(() => page.getByText(/^Filters \(1 chosen\)$/).count()).toBe(1);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('explains an empty query and a query with no results', async () => {
    const { page, problems } = await openPage(shared.context());
    await page.goto(`${base}search/`);
    await expect.poll(() => page.locator('[data-search-status]').textContent()).toContain('Type words from a title');
    await page.goto(`${base}search/?q=zzzqqq`);
    await expect.poll(() => page.locator('[data-search-status]').textContent()).toContain('No papers match “zzzqqq”');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('shows a result’s affiliations with its authors, the matched words marked, so a match on an affiliation is visible', async () => {
    const { page, problems } = await openPage(shared.context());
    await page.goto(`${base}search/?q=berkeley`);
    const first = page.locator('[data-search-results] li').first();
    await expect.poll(() => first.locator('.paper-title').textContent()).toContain('OVERT');
    expect(await first.locator('p.meta').first().textContent()).toBe('Ziheng Cheng, Yixiao Huang, Hui Xu et al. · berkeley');
    expect(await first.locator('p.meta mark').allTextContents()).toEqual(['berkeley']);
    await page.goto(`${base}search/?q=${encodeURIComponent('Yixiao Huang')}`);
    await expect.poll(() => page.locator('[data-search-results] li').first().locator('p.meta mark').allTextContents()).toEqual(['Yixiao', 'Huang']);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('treats the query as text, never as markup', async () => {
    const { page, problems } = await openPage(shared.context());
    await page.goto(`${base}search/?q=${encodeURIComponent('<img src=x onerror=alert(1)>')}`);
    await expect.poll(() => page.locator('[data-search-status]').textContent()).toContain('<img src=x onerror=alert(1)>');
    expect(await page.locator('main img').count()).toBe(0);
    expect(problems).toEqual([]);
    await page.close();
  });
});
