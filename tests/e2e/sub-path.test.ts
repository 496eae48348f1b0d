import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../build/build-site.ts';
import { fixturePath, katexFolderPattern } from '../helpers.ts';
import { launchBrowser, openPage } from './browser.ts';
import { serveStatic, type StaticServer } from './static-server.ts';

const SITE = fileURLToPath(new URL('../output/shelf-site/', import.meta.url));
let browser: Browser;
let server: StaticServer;

beforeAll(async () => {
  const result = buildSite(SITE, { PAPERS_DATA_DIR: fixturePath('seed-data'), BASE_PATH: '/shelf/', SITE_URL: 'https://example.org' });
  if (result.status !== 0) throw new Error(result.output);
  server = await serveStatic(SITE, '/shelf/');
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
  await server.close();
});

describe('the site served under /shelf/', () => {
  it('browses, searches and loads every asset, feed and search file under the prefix', async () => {
    const context = await browser.newContext();
    const { page, problems, requests } = await openPage(context);
    await page.goto(server.url);
    await page.getByRole('navigation', { name: 'Browse' }).getByRole('link', { name: 'Categories' }).click();
    await page.getByRole('link', { name: 'Machine Learning' }).first().click();
    await expect.poll(() => page.url()).toBe(`${server.url}categories/cs.LG/`);
    await page.locator('.paper-title a').first().click();
    await page.getByRole('combobox', { name: 'Search papers' }).fill('Theta');
    await page.getByRole('option').first().waitFor();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.url()).toBe(`${server.url}search/?q=Theta`);
    await page.locator('[data-search-results] .excerpt').first().waitFor();
    await expect.poll(() => page.locator('[data-search-results] .excerpt').first().textContent()).toContain('Θ');
    await page.goto(`${server.url}papers/overt-a-benchmark-for-over-refusal-evaluation-on-text-to-image-models/`, { waitUntil: 'networkidle' });
    const feed = await page.request.get(`${server.url}feed.xml`);
    expect(feed.status()).toBe(200);
    const local = requests.filter((url) => url.startsWith(server.url.replace(/\/shelf\/$/, '')));
    expect(local.filter((url) => !url.startsWith(server.url))).toEqual([]);
    expect(local.some((url) => url.endsWith('/shelf/search/titles.json'))).toBe(true);
    expect(local.some((url) => url.endsWith('/shelf/search/index.json'))).toBe(true);
    expect(local.some((url) => katexFolderPattern('/shelf/').test(new URL(url).pathname) && url.includes('/fonts/'))).toBe(true);
    expect(problems).toEqual([]);
    await context.close();
  });
});
