/**
 * The search benchmark (issue #4): `npm run bench -- --only=search [--write] [--papers=10k,50k]
 * [--index-only-50k] [--skip-pagefind] [--report-only]`, or directly `npx node tests/bench/search-bench.ts …`.
 * `--report-only` re-renders the section from the last run's tests/bench/out/search-bench/results.json.
 *
 * For the ~10,000 and ~50,000-paper sites (built by bench-sites.ts unless a fresh build is there; with
 * `--index-only-50k` the 50k site is not built and only its search assets are, with the site's own code), it
 * measures the search assets, `MiniSearch.loadJSON`/`loadJSONAsync` and 200 queries in headless Chromium with the site's
 * options, and the cold first interaction with the header box. On the 10k site it also checks that browse pages
 * do not fetch the index before an interaction, and compares the bytes of a first search with Pagefind's.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildCorpus } from '../../src/lib/pipeline.ts';
import type { Paper } from '../../src/lib/schema.ts';
import { buildSearchAssets } from '../../src/lib/search/build-index.ts';
import { FULL_INDEX_PATH, TEXT_CHUNK_SIZE, textChunkPath, TITLE_INDEX_PATH } from '../../src/lib/search/search-options.ts';
import { buildSiteData } from '../../src/lib/site-data.ts';
import { OUT, ROOT, listFiles } from './astro-build.ts';
import { flagValue, formatBytes, formatCount, formatMs, formatSeconds, machineLine, median, percentile, shouldWrite, writeSection } from './bench-report.ts';
import { ensureBuiltSite, SEED, siteDirs, SITE_10K, SITE_50K, type BenchSite } from './bench-sites.ts';
import { benchSources, generateCorpus } from './generate-corpus.ts';
import {
  BENCH_PREFIX,
  checkLazyLoading,
  launchBrowser,
  measureEngine,
  measureFirstInteraction,
  pagefindFirstSearch,
  papershelfFirstSearch,
  writeBenchPage,
  type EngineMeasure,
  type FirstInteraction,
  type LazyCheck,
  type PagefindFirstSearch,
  type PapershelfFirstSearch,
  type Transfer,
} from './search-browser.ts';
import { abstractOnlySize, searchAssetSizes, type AbstractOnlySize, type CompressedSize, type SearchAssetSizes } from './search-index-sizes.ts';
import { benchQueries, QUERY_MIX, type BenchQuery, type QueryKind } from './search-queries.ts';
import { resolveFile, serveStatic, type StaticServer } from './static-server.ts';

/** The heading of this benchmark's BENCHMARKS.md section. */
export const SECTION_TITLE = '## Search (issue #4)';
/** The target of issue #4: query p95 at 10k papers. */
export const GOAL_P95_MS = 10;
/** The typical query of the first-search and first-interaction measurements. */
export const TYPICAL_QUERY = 'diffusion';
/** Queries of the Papershelf vs Pagefind comparison. */
export const COMPARE_QUERIES = [TYPICAL_QUERY, 'reinforcement learning'] as const;

const BENCH_DIR = join(OUT, 'search-bench');
const INTERACTION_RUNS = 5;
const ISOLATION_HEADERS = { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' };
const PAGEFIND_BIN = join(ROOT, 'node_modules/pagefind/lib/runner/bin.cjs');

/** What one site size measured. */
export interface SiteSearchResult {
  label: string;
  papers: number;
  /** "site": a full astro build; "index-only": buildSearchAssets over the site's papers, no pages. */
  mode: 'site' | 'index-only';
  /** The MiniSearch loader the site's client (src/scripts/search-client.ts) calls. */
  loader: SiteLoader;
  sizes: SearchAssetSizes;
  /** An index of abstracts alone, the other way to split, for comparison. */
  abstractsOnly: AbstractOnlySize;
  queries: BenchQuery[];
  engine: EngineMeasure;
  interactions: FirstInteraction[];
}

/** One Pagefind bundle: how it was made and what first searches with it fetched. */
export interface PagefindVariant {
  label: string;
  glob: string;
  indexSeconds: number;
  pagesIndexed: number;
  bundleFiles: number;
  bundleBytes: number;
  searches: Array<{ query: string; result: PagefindFirstSearch }>;
}

/** The 10k-site comparison: lazy loading on browse pages, Papershelf first searches, Pagefind first searches. */
export interface Comparison {
  lazy: LazyCheck[];
  papershelf: Array<{ query: string; result: PapershelfFirstSearch }>;
  pagefind: PagefindVariant[] | { error: string };
}

/** A MiniSearch index loader. */
export type SiteLoader = 'loadJSON' | 'loadJSONAsync';

const SEARCH_CLIENT = join(ROOT, 'src/scripts/search-client.ts');

/** Which loader the site's search client calls (read from its source, comments ignored). */
export function siteLoader(source = readFileSync(SEARCH_CLIENT, 'utf8')): SiteLoader {
  const code = source.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
  return /\.loadJSONAsync\s*[<(]/.test(code) ? 'loadJSONAsync' : 'loadJSON';
}

function loaderMs(result: SiteSearchResult, loader: SiteLoader = result.loader, which: 'titles' | 'full' = 'full'): number {
  const pick = (load: SiteSearchResult['engine']['loads'][number]['titles']) => (loader === 'loadJSON' ? load.syncLoadMs : load.loadMs);
  return median(result.engine.loads.map((load) => pick(which === 'titles' ? load.titles : load.full)));
}

// ---------------------------------------------------------------------------------------------------------
// Sites

function readPapers(dist: string): Paper[] {
  return (JSON.parse(readFileSync(join(dist, 'papers.json'), 'utf8')) as { papers: Paper[] }).papers;
}

/** Builds only the search assets of a site (no pages) into a folder shaped like dist; returns it and the papers. */
export function buildIndexOnly(site: BenchSite): { dir: string; papers: Paper[] } {
  const dumps = generateCorpus(site.entries, SEED);
  const corpus = buildCorpus(dumps, { sources: JSON.parse(JSON.stringify(benchSources(dumps))) as unknown });
  const papers = buildSiteData(corpus.papers).papers.map((view) => view.paper);
  const assets = buildSearchAssets(papers);
  const dir = join(siteDirs(site).root, 'index-only');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'search/text'), { recursive: true });
  writeFileSync(join(dir, TITLE_INDEX_PATH), assets.titles);
  writeFileSync(join(dir, FULL_INDEX_PATH), assets.full);
  assets.chunks.forEach((chunk, index) => writeFileSync(join(dir, textChunkPath(index)), chunk));
  return { dir, papers };
}

async function measureSite(site: BenchSite, indexOnly: boolean, browserOrigin: (dir: string) => Promise<{ server: StaticServer; origin: string }>, browser: Awaited<ReturnType<typeof launchBrowser>>): Promise<SiteSearchResult> {
  const { dir, papers } = indexOnly ? buildIndexOnly(site) : await builtSite(site);
  console.error(`${site.label}: ${papers.length} papers (${indexOnly ? 'index only' : 'site'}); measuring assets…`);
  const sizes = searchAssetSizes(dir);
  const abstractsOnly = abstractOnlySize(papers);
  const queries = benchQueries(papers);
  const { server, origin } = await browserOrigin(dir);
  try {
    console.error(`${site.label}: loading the indexes and running ${queries.length} queries in Chromium…`);
    const engine = await measureEngine(browser, origin, { titles: TITLE_INDEX_PATH, full: FULL_INDEX_PATH }, queries.map((query) => query.text));
    const interactions: FirstInteraction[] = [];
    for (let run = 0; run < (indexOnly ? 0 : INTERACTION_RUNS); run++) {
      interactions.push(await measureFirstInteraction(browser, origin, '/', TYPICAL_QUERY, TITLE_INDEX_PATH));
    }
    return { label: site.label, papers: papers.length, mode: indexOnly ? 'index-only' : 'site', loader: siteLoader(), sizes, abstractsOnly, queries, engine, interactions };
  } finally {
    await server.close();
  }
}

async function builtSite(site: BenchSite): Promise<{ dir: string; papers: Paper[] }> {
  const dir = await ensureBuiltSite(site);
  return { dir, papers: readPapers(dir) };
}

// ---------------------------------------------------------------------------------------------------------
// Pagefind

function runPagefind(dist: string, glob: string, subdir: string): { seconds: number; pages: number } {
  rmSync(join(dist, subdir), { recursive: true, force: true });
  const start = performance.now();
  const result = spawnSync(process.execPath, [PAGEFIND_BIN, '--site', dist, '--glob', glob, '--output-subdir', subdir], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const seconds = (performance.now() - start) / 1000;
  if (result.status !== 0) throw new Error(`pagefind failed (exit ${result.status ?? result.signal}): ${result.stderr || result.stdout}`);
  const pages = /Indexed (\d+) pages?/.exec(result.stdout)?.[1];
  return { seconds, pages: pages === undefined ? 0 : Number(pages) };
}

async function measurePagefind(browser: Awaited<ReturnType<typeof launchBrowser>>, origin: string, dist: string, label: string, glob: string, subdir: string): Promise<PagefindVariant> {
  const resolve = (path: string) => resolveFile({ prefix: '/', dir: dist }, path);
  console.error(`pagefind (${label}): indexing…`);
  const run = runPagefind(dist, glob, subdir);
  const files = listFiles(join(dist, subdir));
  const bundleBytes = files.reduce((sum, file) => sum + readFileSync(file).length, 0);
  const searches = [];
  for (const query of COMPARE_QUERIES) searches.push({ query, result: await pagefindFirstSearch(browser, origin, resolve, `/${subdir}/`, query) });
  return { label, glob, indexSeconds: run.seconds, pagesIndexed: run.pages, bundleFiles: files.length, bundleBytes, searches };
}

async function compare(browser: Awaited<ReturnType<typeof launchBrowser>>, dist: string, skipPagefind: boolean): Promise<Comparison> {
  const server = await serveStatic([{ prefix: '/', dir: dist }]);
  try {
    const firstPaper = readPapers(dist)[0]?.id ?? '';
    const lazy: LazyCheck[] = [];
    for (const path of ['/', `/papers/${firstPaper}/`, '/authors/']) lazy.push(await checkLazyLoading(browser, server.origin, path, TITLE_INDEX_PATH));
    const papershelf = [];
    for (const query of COMPARE_QUERIES) papershelf.push({ query, result: await papershelfFirstSearch(browser, server.origin, (path) => resolveFile({ prefix: '/', dir: dist }, path), query) });
    if (skipPagefind) return { lazy, papershelf, pagefind: { error: 'skipped (--skip-pagefind)' } };
    try {
      const pagefind = [
        await measurePagefind(browser, server.origin, dist, 'all pages (`pagefind --site dist`)', '**/*.{html}', 'pagefind'),
        await measurePagefind(browser, server.origin, dist, 'paper pages only (`--glob "papers/**/*.html"`)', 'papers/**/*.html', 'pagefind-papers'),
      ];
      return { lazy, papershelf, pagefind };
    } catch (error) {
      return { lazy, papershelf, pagefind: { error: error instanceof Error ? error.message : String(error) } };
    }
  } finally {
    await server.close();
  }
}

// ---------------------------------------------------------------------------------------------------------
// Report

function sizeCells(size: CompressedSize): string {
  return `${formatBytes(size.raw)} | ${formatBytes(size.gzip)} | ${formatBytes(size.brotli)}`;
}

function allMs(result: SiteSearchResult, pass: number): number[] {
  return (result.engine.passes[pass] ?? []).map((timing) => timing.ms);
}

function assetsTable(results: readonly SiteSearchResult[]): string {
  const rows = results.flatMap((r) => [
    `| ${formatCount(r.papers)} (${r.mode}) | \`${TITLE_INDEX_PATH}\`: titles, authors, categories + display fields (first interaction) | ${sizeCells(r.sizes.titles)} |`,
    `| | \`${FULL_INDEX_PATH}\`: every field, abstracts included, + display fields (right after; alone on the results page) | ${sizeCells(r.sizes.full)} |`,
    `| | for comparison: an index of abstracts alone, nothing stored (the other way to split) | ${sizeCells(r.abstractsOnly.abstractsOnly)} |`,
    `| | \`search/text/*.json\`: ${formatCount(r.sizes.chunks.count)} chunks, ${formatBytes(r.sizes.chunks.totalRaw)} in all | median ${formatBytes(r.sizes.chunks.medianRaw)} (max ${formatBytes(r.sizes.chunks.maxRaw)}) | median ${formatBytes(r.sizes.chunks.medianGzip)} (p95 ${formatBytes(r.sizes.chunks.p95Gzip)}) | |`,
  ]);
  return ['| Papers | Asset | Raw | gzip -9 | brotli -11 |', '| ---: | --- | ---: | ---: | ---: |', ...rows].join('\n');
}

function loadTable(results: readonly SiteSearchResult[]): string {
  const rows = results.map((r) => {
    const fetchTitles = median(r.engine.loads.map((load) => load.titles.fetchMs));
    const fetchFull = median(r.engine.loads.map((load) => load.full.fetchMs));
    const mark = (loader: SiteLoader) => (r.loader === loader ? ' (the site’s)' : '');
    const syncCell = `${formatMs(loaderMs(r, 'loadJSON', 'titles'))} / ${formatMs(loaderMs(r, 'loadJSON', 'full'))}${mark('loadJSON')}`;
    const asyncCell = `${formatMs(loaderMs(r, 'loadJSONAsync', 'titles'))} / ${formatMs(loaderMs(r, 'loadJSONAsync', 'full'))}${mark('loadJSONAsync')}`;
    const first = r.interactions.map((i) => i.totalMs);
    const firstCell = first.length === 0 ? 'not measured (no site)' : `${formatMs(median(first))} (min ${formatMs(Math.min(...first))}, ${first.length} cold runs)`;
    const terms = `${formatCount(r.engine.loads[0]?.titles.terms ?? 0)} / ${formatCount(r.engine.loads[0]?.full.terms ?? 0)}`;
    return `| ${formatCount(r.papers)} | ${formatMs(fetchTitles)} / ${formatMs(fetchFull)} | ${syncCell} | ${asyncCell} | ${r.engine.heapMiB.toFixed(0)} MiB | ${terms} | ${firstCell} |`;
  });
  return [
    '| Papers | Fetch (localhost), median: titles / full | `MiniSearch.loadJSON` (sync), median of 3: titles / full | `MiniSearch.loadJSONAsync`, median of 3: titles / full | JS heap of both loaded indexes | Index terms: titles / full | First interaction on / → suggestions shown, median |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows,
  ].join('\n');
}

function latencyTable(results: readonly SiteSearchResult[]): string {
  const kinds = Object.keys(QUERY_MIX) as QueryKind[];
  const row = (r: SiteSearchResult, label: string, pick: (kind: QueryKind) => boolean) => {
    const first = r.queries.flatMap((query, i) => (pick(query.kind) ? [allMs(r, 0)[i] ?? 0] : []));
    const second = r.queries.flatMap((query, i) => (pick(query.kind) ? [allMs(r, 1)[i] ?? 0] : []));
    const hits = r.queries.flatMap((query, i) => (pick(query.kind) ? [r.engine.passes[0]?.[i]?.hits ?? 0] : []));
    return `| ${formatCount(r.papers)} | ${label} | ${first.length} | ${formatMs(percentile(first, 50))} | ${formatMs(percentile(first, 95))} | ${formatMs(Math.max(...first))} | ${formatMs(percentile(second, 50))} / ${formatMs(percentile(second, 95))} | ${formatCount(median(hits))} | ${hits.filter((count) => count === 0).length} |`;
  };
  const titlesOnly = (r: SiteSearchResult) => {
    const times = r.engine.titlesOnly.map((timing) => timing.ms);
    const hits = r.engine.titlesOnly.map((timing) => timing.hits);
    return `| ${formatCount(r.papers)} | all, title index only (suggestions before the full index arrives) | ${times.length} | ${formatMs(percentile(times, 50))} | ${formatMs(percentile(times, 95))} | ${formatMs(Math.max(...times))} | | ${formatCount(median(hits))} | ${hits.filter((count) => count === 0).length} |`;
  };
  const rows = results.flatMap((r) => [row(r, '**all**', () => true), ...kinds.map((kind) => row(r, kind, (k) => k === kind)), titlesOnly(r)]);
  return [
    '| Papers | Queries | n | p50 | p95 | max | 2nd pass p50 / p95 | Median hits | No hits |',
    '| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows,
  ].join('\n');
}

function sumTransfers(transfers: readonly Transfer[]): { raw: number; gzip: number; count: number } {
  return { raw: transfers.reduce((sum, t) => sum + t.bytes, 0), gzip: transfers.reduce((sum, t) => sum + Math.min(t.bytes, t.gzipBytes), 0), count: transfers.length };
}

function transferCell(transfers: readonly Transfer[]): string {
  const sum = sumTransfers(transfers);
  return `${formatBytes(sum.raw)} | ${formatBytes(sum.gzip)} | ${sum.count}`;
}

/** Pagefind's transfers grouped by what they are. */
export function pagefindGroup(path: string): string {
  if (path.endsWith('.js')) return 'JS';
  if (path.includes('wasm')) return 'WebAssembly';
  if (path.includes('/fragment/')) return 'result fragments';
  if (path.endsWith('.json')) return 'entry';
  return 'index and metadata';
}

function papershelfGroup(path: string): string {
  if (path.endsWith(TITLE_INDEX_PATH)) return 'title index';
  if (path.endsWith(FULL_INDEX_PATH)) return 'full index';
  if (path.startsWith('/search/text/')) return 'snippet chunks';
  if (path.endsWith('.js')) return 'JS (MiniSearch chunk)';
  return 'other';
}

function breakdown(transfers: readonly Transfer[], group: (path: string) => string): string {
  const groups = new Map<string, Transfer[]>();
  for (const transfer of transfers) groups.set(group(transfer.path), [...(groups.get(group(transfer.path)) ?? []), transfer]);
  return [...groups].map(([name, items]) => `${name} ${formatBytes(sumTransfers(items).gzip)} (${items.length})`).join(', ');
}

const beforeFull = (transfers: readonly Transfer[]) => transfers.filter((transfer) => papershelfGroup(transfer.path) !== 'full index');

function comparisonTable(comparison: Comparison): string {
  const rows = comparison.papershelf.flatMap(({ query, result }) => {
    const pagefind = 'error' in comparison.pagefind ? [] : comparison.pagefind;
    const minisearch = result.interaction.filter((transfer) => transfer.path.endsWith('.js'));
    const resultsPage = [...minisearch, ...result.resultsPage];
    return [
      `| “${query}” | Papershelf, header box → suggestions: title index + MiniSearch chunk | ${transferCell(beforeFull(result.interaction))} | ${breakdown(beforeFull(result.interaction), papershelfGroup)} |`,
      `| “${query}” | Papershelf, header box, with the full index fetched behind the suggestions | ${transferCell(result.interaction)} | ${breakdown(result.interaction, papershelfGroup)} |`,
      `| “${query}” | Papershelf, results page opened directly: full index + MiniSearch chunk + snippet chunks of the first page (${result.results} results shown) | ${transferCell(resultsPage)} | ${breakdown(resultsPage, papershelfGroup)} |`,
      ...pagefind.flatMap((variant) =>
        variant.searches
          .filter((search) => search.query === query)
          .map(({ result: found }) => `| “${query}” | Pagefind, ${variant.label}: init + search + \`data()\` of the first 10 (${formatCount(found.results)} results, ${formatMs(found.ms)}) | ${transferCell(found.transfers)} | ${breakdown(found.transfers, pagefindGroup)} |`),
      ),
    ];
  });
  return ['| Query | What the first search fetched | Raw | gzip -9 | Requests | gzip by kind (requests) |', '| --- | --- | ---: | ---: | ---: | --- |', ...rows].join('\n');
}

function lazyLines(comparison: Comparison): string[] {
  return comparison.lazy.map((check) => {
    const early = check.before.filter((path) => path.startsWith('/search/'));
    const after = check.afterFocus.filter((path) => !path.startsWith('data:'));
    return `- \`${check.pagePath}\`: ${check.before.length} requests at load, ${early.length === 0 ? 'none of them search assets' : `**search assets fetched before any interaction: ${early.join(', ')}**`}; the first focus of the header box fetched ${after.map((path) => `\`${path}\``).join(', ')}.`;
  });
}

function pagefindLines(comparison: Comparison): string[] {
  if ('error' in comparison.pagefind) return [`Pagefind: not measured — ${comparison.pagefind.error}.`];
  return comparison.pagefind.map(
    (variant) => `- Pagefind ${variant.label}: indexed ${formatCount(variant.pagesIndexed)} pages in ${formatSeconds(variant.indexSeconds)}; bundle ${formatCount(variant.bundleFiles)} files, ${formatBytes(variant.bundleBytes)}.`,
  );
}

function goalLine(results: readonly SiteSearchResult[]): string {
  const tenK = results.find((r) => r.label === SITE_10K.label);
  if (!tenK) return `**Goal:** query p95 under ${GOAL_P95_MS} ms at 10,000 papers. **Status:** not measured in this run.`;
  const p95 = percentile(allMs(tenK, 0), 95);
  return `**Goal:** query p95 under ${GOAL_P95_MS} ms at 10,000 papers. **Status:** ${p95 < GOAL_P95_MS ? 'met' : 'not met'} (${formatMs(p95)} over ${tenK.queries.length} queries, first pass, ${formatCount(tenK.papers)} papers).`;
}

/** The BENCHMARKS.md section for the results. */
export function benchmarkSection(results: readonly SiteSearchResult[], comparison: Comparison | null): string {
  const timer = results.every((r) => r.engine.isolated) ? 'cross-origin isolated, so `performance.now()` has 5 µs resolution' : '`performance.now()` coarsened to 100 µs (page not cross-origin isolated)';
  return [
    SECTION_TITLE,
    '',
    '_Written by `npm run bench -- --only=search --write` (tests/bench/search-bench.ts); re-running replaces this section only._',
    '',
    `Sites built from the synthetic corpus (tests/bench/generate-corpus.ts, seed ${SEED}; ${formatCount(SITE_10K.entries)} and ${formatCount(SITE_50K.entries)} entries),`,
    'served from `dist` by a plain node:http server on 127.0.0.1 (no compression; gzip and brotli sizes are computed)',
    'and measured in headless Chromium (playwright-core, the system Chromium). Load and query times come from a bench page',
    'that bundles MiniSearch with the site’s own index options and query code (`searchIndexes` over the title and abstract',
    `indexes; tests/bench/search-bench-entry.ts) and times each query with \`performance.now()\` (${timer}). The 200 queries`,
    '(tests/bench/search-queries.ts) mix 1–3 title words, author surnames, 1–2 abstract words, 3–5 letter prefixes (what',
    'the header box searches while typing), one-edit typos and a title word with a surname; the second pass repeats them.',
    `The first interaction opens \`/search/\` in a fresh browser context, then focuses \`#site-search-input\` and types “${TYPICAL_QUERY}” at`,
    'once, and times until the suggestions are in the DOM and a frame has passed (module import, fetch, load, search, render).',
    '',
    goalLine(results),
    '',
    machineLine(),
    '',
    '### Indexes and snippet chunks',
    '',
    assetsTable(results),
    '',
    '### Loading',
    '',
    loadTable(results),
    '',
    '### Query latency (in the page, the site’s options)',
    '',
    latencyTable(results),
    ...(comparison ? comparisonLines(comparison, results.find((r) => r.label === SITE_10K.label)?.papers ?? 0) : []),
    ...recommendationLines(results, comparison),
  ].join('\n');
}

function percentOf(part: number, whole: number): string {
  return `${Math.round((100 * part) / whole)}%`;
}

function pagefindGzip(comparison: Comparison | null, query: string): number | null {
  if (!comparison || 'error' in comparison.pagefind) return null;
  const variant = comparison.pagefind.find((entry) => entry.glob.startsWith('papers/'));
  const found = variant?.searches.find((entry) => entry.query === query)?.result;
  return found ? sumTransfers(found.transfers).gzip : null;
}

function snippetLine(comparison: Comparison | null): string {
  const found = comparison?.papershelf.find((entry) => entry.query === TYPICAL_QUERY)?.result;
  if (!found) return '';
  const gzip = sumTransfers(found.snippets).gzip;
  return ` Snippets of the first results page cost ${formatBytes(gzip)} gzip in ${found.snippets.length} requests for ${found.results} results (chunks of ${TEXT_CHUNK_SIZE} papers: results come in relevance order, so each lands in its own chunk).`;
}

function recommendationLines(results: readonly SiteSearchResult[], comparison: Comparison | null): string[] {
  const tenK = results.find((r) => r.label === SITE_10K.label);
  if (!tenK) return [];
  const fiftyK = results.find((r) => r.label === SITE_50K.label);
  const first = tenK.interactions.length > 0 ? median(tenK.interactions.map((i) => i.totalMs)) : null;
  const found = comparison?.papershelf.find((entry) => entry.query === TYPICAL_QUERY)?.result;
  const suggestions = found ? sumTransfers(beforeFull(found.interaction)).gzip : null;
  const pagefind = pagefindGzip(comparison, TYPICAL_QUERY);
  const titlesOnlyP95 = percentile(tenK.engine.titlesOnly.map((timing) => timing.ms), 95);
  const pagefindLine =
    suggestions !== null && pagefind !== null
      ? ` For “${TYPICAL_QUERY}”, the suggestions need ${formatBytes(suggestions)} gzip; Pagefind’s first search over the same paper pages transfers ${formatBytes(pagefind)} (${(suggestions / pagefind).toFixed(1)}× less), because it fetches only the index shards of the query’s words and one fragment per shown result.`
      : '';
  const fiftyKLine = fiftyK
    ? ` At ${formatCount(fiftyK.papers)} papers the title index is ${formatBytes(fiftyK.sizes.titles.gzip)} gzip and the full index ${formatBytes(fiftyK.sizes.full.gzip)}; the full index takes ${formatMs(loaderMs(fiftyK))} to load and queries reach p95 ${formatMs(percentile(allMs(fiftyK, 0), 95))}: at that size a sharded index like Pagefind’s, whose first search stays at a few hundred KiB, is the better design.`
    : '';
  return [
    '',
    '### The design these figures led to',
    '',
    `A small index first, the full one behind it. At ${formatCount(tenK.papers)} papers the title index (titles, authors, categories and the display fields) is ${formatBytes(tenK.sizes.titles.gzip)} gzip,` +
      ` ${percentOf(tenK.sizes.titles.gzip, tenK.sizes.full.gzip)} of the full index’s ${formatBytes(tenK.sizes.full.gzip)}, and it is all the header box needs to suggest papers: it is fetched on the first focus or keystroke` +
      `${first === null ? '' : ` (suggestions ${formatMs(first)} after focus on localhost, cold)`} and loads in ${formatMs(loaderMs(tenK, tenK.loader, 'titles'))} with \`${tenK.loader}\`; queries over it take p95 ${formatMs(titlesOnlyP95)}.` +
      ` The full index (every field, ${formatMs(loaderMs(tenK, tenK.loader, 'full'))} to load) is fetched once the title index is in; suggestions are searched again with it, and the results page loads only it.` +
      ` Queries over the full index take p95 ${formatMs(percentile(allMs(tenK, 0), 95))}: one MiniSearch AND query. The other split — titles first, then an index of abstracts alone (${formatBytes(tenK.abstractsOnly.abstractsOnly.gzip)} gzip) — downloads less in all,` +
      ' but a query must then run in both indexes and require every word in one or the other; tried on this corpus, that gave the same results at about twice the p95 of one full-index query (issue #4 notes), so the full index won.' +
      `${pagefindLine}${snippetLine(comparison)}${fiftyKLine}`,
  ];
}

function comparisonLines(comparison: Comparison, papers: number): string[] {
  return [
    '',
    `### Lazy loading (${formatCount(papers)}-paper site)`,
    '',
    ...lazyLines(comparison),
    '',
    '### First search: Papershelf vs Pagefind (10k site)',
    '',
    'Bytes fetched after the page itself, captured from playwright response events; gzip is each file gzipped at level 9 (or',
    'as served when smaller: Pagefind’s index, fragment and WebAssembly files are already gzip-compressed). Papershelf:',
    'the first interaction on the home page (title index + MiniSearch chunk, then the full index behind it), and the results page',
    '`/search/?q=…` opened directly in a fresh context (full index + snippet chunks of its first 20 results). Pagefind: its documented API on the home page —',
    '`import("/pagefind/pagefind.js")`, `init()`, `search(q)`, then `data()` of the first 10 results.',
    '',
    comparisonTable(comparison),
    '',
    ...pagefindLines(comparison),
  ];
}

// ---------------------------------------------------------------------------------------------------------
// Main

function requestedSites(args: readonly string[]): BenchSite[] {
  const labels = (flagValue(args, 'papers') ?? '10k,50k').split(',');
  return [SITE_10K, SITE_50K].filter((site) => labels.includes(site.label));
}

function report(args: readonly string[], results: readonly SiteSearchResult[], comparison: Comparison | null): void {
  const section = benchmarkSection(results, comparison);
  console.log(`\n${section}\n`);
  if (shouldWrite(args)) writeSection(SECTION_TITLE, section);
}

/** Runs the search benchmark (or, with --report-only, re-renders the last results.json) and prints (and with --write, stores) its section. */
export async function main(args: readonly string[]): Promise<void> {
  if (args.includes('--report-only')) {
    const saved = JSON.parse(readFileSync(join(BENCH_DIR, 'results.json'), 'utf8')) as { results: SiteSearchResult[]; comparison: Comparison | null };
    report(args, saved.results, saved.comparison);
    return;
  }
  await writeBenchPage(join(BENCH_DIR, 'page'));
  const browser = await launchBrowser();
  try {
    const serveWithBench = async (dir: string) => {
      const server = await serveStatic([{ prefix: '/', dir }, { prefix: BENCH_PREFIX, dir: join(BENCH_DIR, 'page'), headers: ISOLATION_HEADERS }]);
      return { server, origin: server.origin };
    };
    const results: SiteSearchResult[] = [];
    for (const site of requestedSites(args)) {
      results.push(await measureSite(site, site === SITE_50K && args.includes('--index-only-50k'), serveWithBench, browser));
    }
    const comparison = results.some((r) => r.label === SITE_10K.label && r.mode === 'site') ? await compare(browser, siteDirs(SITE_10K).dist, args.includes('--skip-pagefind')) : null;
    writeFileSync(join(BENCH_DIR, 'results.json'), `${JSON.stringify({ results, comparison }, null, 2)}\n`);
    report(args, results, comparison);
  } finally {
    await browser.close();
  }
}

if (import.meta.main) await main(process.argv.slice(2));
