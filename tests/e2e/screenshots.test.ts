import { mkdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, openPage } from './browser.ts';
import { PAGE_TYPES } from './page-types.ts';

/** Screenshots for review land here (not committed). */
const OUTPUT = fileURLToPath(new URL('../output/screenshots/', import.meta.url));
const base = inject('seedSiteUrl');
let browser: Browser;

beforeAll(async () => {
  mkdirSync(OUTPUT, { recursive: true });
  browser = await launchBrowser();
});
afterAll(async () => browser.close());

describe.each([390, 1280])('at %i px wide', (width) => {
  it.each(PAGE_TYPES)('$name fits the width and is captured', async ({ name, path }) => {
    const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme: width === 390 ? 'dark' : 'light' });
    const { page } = await openPage(context);
    await page.goto(`${base}${path}`, { waitUntil: 'networkidle' });
    if (path.startsWith('search/?q=')) await page.locator('[data-search-results] .excerpt').first().waitFor();
    // No horizontal scrolling of the page itself (wide formulas and BibTeX scroll inside their own boxes).
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    const file = `${OUTPUT}${name}-${width}.png`;
    await page.screenshot({ path: file, fullPage: true });
    expect(statSync(file).size).toBeGreaterThan(5_000);
    await context.close();
  });
});
