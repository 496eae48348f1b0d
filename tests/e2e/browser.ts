import { existsSync } from 'node:fs';
import { afterAll, beforeAll } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** Debian's Chromium; test tools never download browsers here. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Launches headless Chromium with the flags this sandbox needs. */
export function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium is not at ${CHROMIUM}: install Debian's package (apt-get install -y chromium; .ci/run does this) or set CHROMIUM_PATH`);
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-dev-shm-usage'],
  });
}

/** Everything a page did wrong: console errors, uncaught exceptions, failed requests and HTTP errors. */
export interface PageProblems {
  problems: string[];
  requests: string[];
}

/** Opens a page that records its problems and every URL it requested. */
export async function openPage(context: BrowserContext): Promise<{ page: Page } & PageProblems> {
  const page = await context.newPage();
  const record: PageProblems = { problems: [], requests: [] };
  // Content-Security-Policy violations are reported as console errors, so they fail the tests too.
  page.on('console', (message) => {
    if (message.type() === 'error') record.problems.push(`console error on ${page.url()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => record.problems.push(`uncaught exception on ${page.url()}: ${error.message}`));
  page.on('requestfailed', (request) => {
    // A navigation cancels what the previous page was still loading (the favicon, say): that is not a failure.
    const error = request.failure()?.errorText ?? '';
    if (error !== 'net::ERR_ABORTED') record.problems.push(`request failed: ${request.url()} (${error})`);
  });
  page.on('request', (request) => record.requests.push(request.url()));
  page.on('response', (response) => {
    if (response.status() >= 400) record.problems.push(`HTTP ${response.status()} for ${response.url()}`);
  });
  return { page, ...record };
}

/** Launches one browser for a test file, with a desktop-sized context, closed after the file's tests. */
export function useBrowser(): { browser: () => Browser; context: () => BrowserContext } {
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  });
  afterAll(async () => browser?.close());
  const need = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the browser is not launched yet');
    return value;
  };
  return { browser: () => need(browser), context: () => need(context) };
}
