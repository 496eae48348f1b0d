/**
 * Browser measurements of the search benchmark in headless Chromium (playwright-core, the system Chromium):
 * index load and query latency through a bundled bench page, the first interaction on the real site, the lazy
 * loading of the index, and the bytes a first search transfers with Papershelf and with Pagefind.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { chromium, type Browser, type BrowserContext, type Page, type Response } from 'playwright-core';
import type { BenchApi, LoadTiming, QueryTiming } from './search-bench-entry.ts';

/** URL prefix of the bench page and its bundle. */
export const BENCH_PREFIX = '/__bench/';
/** The header search box of every page. */
export const HEADER_INPUT = '#site-search-input';

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];
const BENCH_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>search bench</title><script type="module" src="${BENCH_PREFIX}bench.js"></script></head><body></body></html>
`;

/** One file a page fetched, with its size as served and gzipped (level 9). */
export interface Transfer {
  path: string;
  bytes: number;
  gzipBytes: number;
}

/** Bundles search-bench-entry.ts (MiniSearch and the site's search options) and writes the bench page. */
export async function writeBenchPage(dir: string): Promise<void> {
  mkdirSync(dir, { recursive: true });
  await build({
    entryPoints: [new URL('search-bench-entry.ts', import.meta.url).pathname],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    outfile: join(dir, 'bench.js'),
    logLevel: 'warning',
  });
  writeFileSync(join(dir, 'index.html'), BENCH_PAGE);
}

/** Launches the system Chromium headless. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

async function withPage<T>(browser: Browser, task: (page: Page, context: BrowserContext) => Promise<T>): Promise<T> {
  const context = await browser.newContext();
  try {
    return await task(await context.newPage(), context);
  } finally {
    await context.close();
  }
}

async function heapUsedMiB(page: Page, context: BrowserContext): Promise<number> {
  const session = await context.newCDPSession(page);
  await session.send('HeapProfiler.collectGarbage');
  const usage = await session.send('Runtime.getHeapUsage');
  await session.detach();
  return usage.usedSize / (1024 * 1024);
}

/** Index load timings (each run a fresh fetch and load), heap growth, and per-query timings for each pass. */
export interface EngineMeasure {
  loads: LoadTiming[];
  heapMiB: number;
  passes: QueryTiming[][];
  /** One pass over the title index alone (what the header box searches before the full index arrives). */
  titlesOnly: QueryTiming[];
  isolated: boolean;
}

/** Loads both indexes `loads` times in the bench page, then runs the queries `passes` times with the site's code. */
export async function measureEngine(browser: Browser, origin: string, indexPaths: { titles: string; full: string }, queries: readonly string[], loads = 3, passes = 2): Promise<EngineMeasure> {
  return withPage(browser, async (page, context) => {
    await page.goto(`${origin}${BENCH_PREFIX}`);
    await page.waitForFunction(() => 'papershelfBench' in globalThis);
    const before = await heapUsedMiB(page, context);
    const timings: LoadTiming[] = [];
    for (let run = 0; run < loads; run++) {
      timings.push(
        await page.evaluate(([titles, full]) => (globalThis as unknown as { papershelfBench: BenchApi }).papershelfBench.load(titles, full), [`${origin}/${indexPaths.titles}`, `${origin}/${indexPaths.full}`] as const),
      );
    }
    const heapMiB = (await heapUsedMiB(page, context)) - before;
    const results: QueryTiming[][] = [];
    for (let pass = 0; pass < passes; pass++) {
      results.push(await page.evaluate((list) => (globalThis as unknown as { papershelfBench: BenchApi }).papershelfBench.run(list, false), [...queries]));
    }
    const titlesOnly = await page.evaluate((list) => (globalThis as unknown as { papershelfBench: BenchApi }).papershelfBench.run(list, true), [...queries]);
    const isolated = await page.evaluate(() => (globalThis as unknown as { papershelfBench: BenchApi }).papershelfBench.isolated());
    return { loads: timings, heapMiB, passes: results, titlesOnly, isolated };
  });
}

/** What one cold first interaction measured. */
export interface FirstInteraction {
  /** Focus of the header box (with the query typed at once) until suggestions are in the DOM and a frame passed. */
  totalMs: number;
  /** Resource timing of the title index: request start to response end. */
  indexFetchMs: number | null;
  /** The title index was requested before the interaction. */
  indexBeforeInteraction: boolean;
}

// Runs in the page: focus the header box, type the query in one input event, wait for the suggestions.
async function timeInteraction(args: { selector: string; query: string; indexUrl: string }): Promise<{ totalMs: number; indexFetchMs: number | null }> {
  const input = document.querySelector<HTMLInputElement>(args.selector);
  if (!input) throw new Error(`no ${args.selector}`);
  const rendered = () => document.querySelector('.suggestions:not([hidden]) li') !== null;
  const start = performance.now();
  input.focus();
  input.value = args.query;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  await new Promise<void>((resolve) => {
    if (rendered()) return resolve();
    const observer = new MutationObserver(() => {
      if (!rendered()) return;
      observer.disconnect();
      resolve();
    });
    observer.observe(document.body, { subtree: true, childList: true, attributes: true });
  });
  await new Promise((resolve) => requestAnimationFrame(resolve));
  const totalMs = performance.now() - start;
  const entry = performance.getEntriesByName(args.indexUrl)[0] as PerformanceResourceTiming | undefined;
  return { totalMs, indexFetchMs: entry ? entry.responseEnd - entry.startTime : null };
}

/** Opens `pagePath` in a fresh context (empty cache) and times the first interaction with the header box. */
export async function measureFirstInteraction(browser: Browser, origin: string, pagePath: string, query: string, indexPath: string): Promise<FirstInteraction> {
  return withPage(browser, async (page) => {
    const requested: string[] = [];
    page.on('request', (request) => requested.push(request.url()));
    await page.goto(`${origin}${pagePath}`, { waitUntil: 'networkidle' });
    await page.waitForSelector(`${HEADER_INPUT}[role="combobox"]`);
    const indexUrl = `${origin}/${indexPath}`;
    const indexBeforeInteraction = requested.includes(indexUrl);
    const timing = await page.evaluate(timeInteraction, { selector: HEADER_INPUT, query, indexUrl });
    return { ...timing, indexBeforeInteraction };
  });
}

/** Requests a browse page made before any interaction, and those the first focus of the header box added. */
export interface LazyCheck {
  pagePath: string;
  before: string[];
  afterFocus: string[];
}

function localPath(origin: string, url: string): string {
  return url.startsWith(origin) ? url.slice(origin.length) : url;
}

/** Loads a page, waits for the network to go idle, then focuses the header box and records what that fetched. */
export async function checkLazyLoading(browser: Browser, origin: string, pagePath: string, indexPath: string): Promise<LazyCheck> {
  return withPage(browser, async (page) => {
    const requested: string[] = [];
    page.on('request', (request) => requested.push(localPath(origin, request.url())));
    await page.goto(`${origin}${pagePath}`, { waitUntil: 'networkidle' });
    await page.waitForTimeout(1000);
    const before = [...requested];
    await page.focus(HEADER_INPUT);
    await page.waitForResponse((response) => response.url().endsWith(`/${indexPath}`), { timeout: 30_000 });
    await page.waitForLoadState('networkidle');
    return { pagePath, before, afterFocus: requested.slice(before.length) };
  });
}

/** Maps a served URL path to the file on disk (so sizes do not depend on the inspector's body cache), or null. */
export type FileResolver = (path: string) => string | null;

async function transferOf(origin: string, response: Response, resolveFile: FileResolver): Promise<Transfer | null> {
  if (response.request().method() !== 'GET' || !response.ok()) return null;
  const path = localPath(origin, response.url());
  const file = resolveFile(new URL(response.url()).pathname);
  const body = file === null ? await response.body() : readFileSync(file);
  return { path, bytes: body.length, gzipBytes: gzipSync(body, { level: 9 }).length };
}

/** Counts a page's requests in flight from now on; `quiet()` resolves once none has been for `quietMs`. */
function trackRequests(page: Page): { quiet: (quietMs?: number) => Promise<void>; stop: () => void } {
  let inFlight = 0;
  let lastChange = Date.now();
  const started = () => {
    inFlight++;
    lastChange = Date.now();
  };
  const ended = () => {
    inFlight = Math.max(0, inFlight - 1);
    lastChange = Date.now();
  };
  page.on('request', started);
  page.on('requestfinished', ended);
  page.on('requestfailed', ended);
  return {
    quiet: async (quietMs = 500) => {
      while (inFlight > 0 || Date.now() - lastChange < quietMs) await page.waitForTimeout(50);
    },
    stop: () => {
      page.off('request', started);
      page.off('requestfinished', ended);
      page.off('requestfailed', ended);
    },
  };
}

/** Runs `action` on the page, waits until its requests (and any they trigger) settle, and sizes every response. */
export async function captureTransfers(page: Page, origin: string, resolveFile: FileResolver, action: () => Promise<void>): Promise<Transfer[]> {
  const responses: Response[] = [];
  const listener = (response: Response) => responses.push(response);
  const tracker = trackRequests(page);
  page.on('response', listener);
  try {
    await action();
    await tracker.quiet();
  } finally {
    tracker.stop();
    page.off('response', listener);
  }
  const transfers = await Promise.all(responses.map((response) => transferOf(origin, response, resolveFile)));
  return transfers.filter((transfer): transfer is Transfer => transfer !== null);
}

/** What a first Papershelf search fetched: on the first interaction (title index, JS chunk, then the full index) and on the results page (full index, snippets). */
export interface PapershelfFirstSearch {
  /** The header box on the home page: title index, MiniSearch chunk, then the full index behind them. */
  interaction: Transfer[];
  /** The results page opened directly: its search assets (the full index and the snippet chunks). */
  resultsPage: Transfer[];
  snippets: Transfer[];
  results: number;
}

/** The transfers of a first search with Papershelf: header box on the home page, then the results page's snippet chunks. */
export async function papershelfFirstSearch(browser: Browser, origin: string, resolveFile: FileResolver, query: string): Promise<PapershelfFirstSearch> {
  const interaction = await withPage(browser, async (page) => {
    await page.goto(`${origin}/`, { waitUntil: 'networkidle' });
    return captureTransfers(page, origin, resolveFile, async () => {
      await page.fill(HEADER_INPUT, query);
      await page.waitForSelector('.suggestions:not([hidden]) li');
    });
  });
  const page = await withPage(browser, async (tab) => {
    const transfers = await captureTransfers(tab, origin, resolveFile, async () => {
      await tab.goto(`${origin}/search/?q=${encodeURIComponent(query)}`);
      await tab.waitForFunction(() => document.querySelector('[data-search-status]')?.textContent?.includes(' for ') ?? false);
    });
    const results = await tab.locator('[data-search-results] > li').count();
    return { transfers, results };
  });
  const searchAssets = page.transfers.filter((transfer) => /^\/search\/.+\.json$/.test(transfer.path));
  return { interaction, resultsPage: searchAssets, snippets: searchAssets.filter((transfer) => transfer.path.startsWith('/search/text/')), results: page.results };
}

/** What a first Pagefind search fetched and found. */
export interface PagefindFirstSearch {
  transfers: Transfer[];
  results: number;
  ms: number;
  firstTitles: string[];
}

// Runs in the page: Pagefind's own API, as its docs show it, then the data of the first ten results.
async function runPagefind(args: { bundle: string; query: string; count: number }): Promise<{ results: number; ms: number; firstTitles: string[] }> {
  interface Result {
    data: () => Promise<{ meta: { title?: string } }>;
  }
  interface Pagefind {
    init: () => Promise<void>;
    search: (query: string) => Promise<{ results: Result[] }>;
  }
  const start = performance.now();
  const pagefind = (await import(`${args.bundle}pagefind.js`)) as Pagefind;
  await pagefind.init();
  const search = await pagefind.search(args.query);
  const data = await Promise.all(search.results.slice(0, args.count).map((result) => result.data()));
  return { results: search.results.length, ms: performance.now() - start, firstTitles: data.slice(0, 3).map((item) => item.meta.title ?? '') };
}

/** The transfers of a first Pagefind search on the home page: load pagefind.js, init, search, data() of `count` results. */
export async function pagefindFirstSearch(browser: Browser, origin: string, resolveFile: FileResolver, bundlePath: string, query: string, count = 10): Promise<PagefindFirstSearch> {
  return withPage(browser, async (page) => {
    await page.goto(`${origin}/`, { waitUntil: 'networkidle' });
    let outcome = { results: 0, ms: 0, firstTitles: [] as string[] };
    const transfers = await captureTransfers(page, origin, resolveFile, async () => {
      outcome = await page.evaluate(runPagefind, { bundle: bundlePath, query, count });
    });
    return { transfers, ...outcome };
  });
}
