import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, openPage } from './browser.ts';
import { PAGE_TYPES } from './page-types.ts';

const base = inject('seedSiteUrl');
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser.close());

async function violations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  return results.violations.map((violation) => `${violation.id} (${violation.impact}): ${violation.nodes.map((node) => node.target.join(' ')).slice(0, 5).join(', ')}`);
}

describe.each(['light', 'dark'] as const)('accessibility in the %s colour scheme (axe-core, WCAG 2.2 A/AA)', (colorScheme) => {
  it.each(PAGE_TYPES)('$name has no violations', async ({ path }) => {
    const context = await browser.newContext({ colorScheme, viewport: { width: 1280, height: 900 } });
    const { page, problems } = await openPage(context);
    await page.goto(`${base}${path}`, { waitUntil: 'networkidle' });
    if (path.startsWith('search/?q=')) await page.locator('[data-search-results] li').first().waitFor();
    expect(await violations(page)).toEqual([]);
    // The not-found page is served with status 404, which Chromium also logs; nothing else may fail.
    const expected = (problem: string) => path.startsWith('no/') && problem.includes('404') && problem.includes(`${base}${path}`);
    expect(problems.filter((problem) => !expected(problem))).toEqual([]);
    await context.close();
  });

  it('the search box with its suggestions open has no violations', async () => {
    const context = await browser.newContext({ colorScheme, viewport: { width: 1280, height: 900 } });
    const { page } = await openPage(context);
    await page.goto(base);
    await page.getByRole('combobox', { name: 'Search papers' }).fill('learning');
    await page.getByRole('option').first().waitFor();
    await page.keyboard.press('ArrowDown');
    expect(await violations(page)).toEqual([]);
    await context.close();
  });
});
