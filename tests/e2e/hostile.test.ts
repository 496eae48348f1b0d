import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../build/build-site.ts';
import { listFiles } from '../build/dist-files.ts';
import { fixturePath } from '../helpers.ts';
import { launchBrowser, openPage } from './browser.ts';
import { serveStatic, type StaticServer } from './static-server.ts';

const SITE = fileURLToPath(new URL('../output/hostile-site/', import.meta.url));
let browser: Browser;
let server: StaticServer;

beforeAll(async () => {
  const result = buildSite(SITE, { PAPERS_DATA_DIR: fixturePath('hostile-data') });
  if (result.status !== 0) throw new Error(result.output);
  server = await serveStatic(SITE);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
  await server.close();
});

describe('a site built from hostile records, in Chromium', () => {
  it('runs no injected script on any page, in the search box or on the results page, and breaks no CSP rule', async () => {
    const context = await browser.newContext();
    const { page, problems } = await openPage(context);
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    const pages = listFiles(SITE).filter((file) => file.endsWith('index.html')).map((file) => file.replace(/index\.html$/, ''));
    expect(pages.length).toBeGreaterThan(10);
    for (const path of pages) await page.goto(`${server.url}${path}`, { waitUntil: 'networkidle' });
    await page.goto(`${server.url}search/?q=alert`);
    await expect.poll(() => page.locator('[data-search-results] li').count()).toBeGreaterThan(0);
    await page.locator('[data-search-results] .excerpt').first().waitFor();
    await page.getByRole('combobox', { name: 'Search papers' }).fill('hostile');
    await page.getByRole('option').first().waitFor();
    // Give anything that might fire (autofocus, onload, onerror) a moment.
    await page.waitForTimeout(300);
    expect(dialogs).toEqual([]);
    expect(problems).toEqual([]);
    expect(await page.evaluate(() => document.querySelectorAll('iframe, img[src="x"], svg[onload]').length)).toBe(0);
    await context.close();
  });
});
