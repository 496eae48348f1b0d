/**
 * Worker thread of the papershelf integration: parses and merges the data folder and hands the corpus to the
 * main thread (whose content loader then need not parse the dumps itself, see src/lib/shared-corpus.ts). Once it
 * has its job (the site settings and output folder) it renders the papers' fragments and the author pages'
 * content for the route data, then, at low priority while Astro renders the pages, generates every data file and,
 * once the main thread says the output folder is ready (Astro empties it first), writes them there. Started by
 * the integration, or before Astro by src/cli/parse-early.ts.
 */
import { mkdirSync, readlinkSync, writeFileSync } from 'node:fs';
import { enableCompileCache } from 'node:module';
import { setPriority } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parentPort, workerData } from 'node:worker_threads';
import type { DataFile, DataFilesConfig } from '../lib/data-files.ts';
import type { PaperView } from '../lib/site-data.ts';
import type { Corpus } from '../lib/pipeline.ts';
import type { AuthorPages, CorpusKey, RenderedFragments } from '../lib/shared-corpus.ts';

/** What the integration gives the worker once Astro's config is known. */
export interface DataFilesJob {
  config: DataFilesConfig;
  outDir: string;
}

/** What the worker reports when done. */
export type DataFilesOutcome = { ok: true; files: number; bytes: number; seconds: number; cpuSeconds: number | null } | { ok: false; error: string };

/** The worker's messages: the corpus as soon as it is parsed, the papers' rendered fragments, the author pages' content, then the outcome. */
export type DataFilesMessage =
  | { type: 'corpus'; corpus: Corpus }
  | { type: 'fragments'; rendered: RenderedFragments }
  | { type: 'author-pages'; pages: AuthorPages }
  | { type: 'done'; outcome: DataFilesOutcome };

/** The main thread's messages: the job, then the signal that the output folder is ready. */
export type DataFilesCommand = { type: 'job'; job: DataFilesJob } | { type: 'write' };

// The parse is what the content loader waits for, and this thread first loads the parsing pipeline: with
// Node's compile cache (kept next to Vite's and Astro's caches) the modules it imports load in about half the
// time (BENCHMARKS.md, "Site build"). Only this thread's own imports: Astro's loading stays as it is.
enableCompileCache(fileURLToPath(new URL('../../node_modules/.cache/papershelf-compile/', import.meta.url)));

// The pages Astro renders on the main thread are the build's critical path; once what they need is handed over,
// the data files are done long before them. On a machine with few cores this thread therefore then asks for
// the lowest CPU priority, so it takes what the page rendering leaves. Linux gives a thread its own priority
// (/proc/thread-self names its id); elsewhere, or where it is not allowed, the worker stays at normal priority.
function yieldToMainThread(): void {
  try {
    const threadId = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (Number.isInteger(threadId) && threadId !== process.pid) setPriority(threadId, 19);
  } catch {
    // Not Linux, or not permitted: nothing to do.
  }
}

// What the worker parses, from the moment it starts: the data folder it was given, or the site config's, read
// from the environment this thread was given a copy of when it started (so the same as the main thread's).
async function corpusKey(): Promise<CorpusKey> {
  if (workerData) return workerData as CorpusKey;
  const { siteConfig } = await import('../config.ts');
  return { dataDir: siteConfig.dataDir, categories: siteConfig.categories };
}
const port = parentPort;
const job = Promise.withResolvers<DataFilesJob>();
const outDirReady = Promise.withResolvers<void>();
port?.on('message', (command: DataFilesCommand) => (command.type === 'job' ? job.resolve(command.job) : outDirReady.resolve()));
const started = performance.now();

async function run(): Promise<DataFilesOutcome> {
  const [{ loadCorpus }, parse] = await Promise.all([import('../lib/read-data-dir.ts'), corpusKey()]);
  // At normal priority: the content loader on the main thread is waiting for this.
  const corpus = await loadCorpus(parse.dataDir, parse.categories ? { categories: parse.categories } : {});
  port?.postMessage({ type: 'corpus', corpus } satisfies DataFilesMessage);
  // Still at normal priority: the main thread renders the pages with these. Rendering them here, on the core the
  // page rendering does not use, took about a second of the main thread's work for 10,000 papers (BENCHMARKS.md).
  // The linked markup needs the site's base and URL: the job has come long before the parse is done.
  const { config, outDir } = await job.promise;
  const { renderPaperFragments } = await import('../lib/render/paper-fragments.ts');
  const { uniqueBibtexKeys } = await import('../lib/bibtex.ts');
  const { renderLinkedFragments } = await import('../lib/render/linked-fragments.ts');
  const { siteLinks } = await import('../lib/site-links.ts');
  const links = siteLinks(config.site, config.base);
  const warnings: string[] = [];
  // In site order, as the route data numbers them when it renders the fragments itself (src/lib/site-data.ts).
  const keys = uniqueBibtexKeys(corpus.papers);
  const fragments = corpus.papers.map((paper) => {
    const text = renderPaperFragments(paper, (message) => warnings.push(message), keys.get(paper.id));
    return [paper.id, { ...text, linked: renderLinkedFragments(paper, text, links) }] as const;
  });
  port?.postMessage({ type: 'fragments', rendered: { fragments, warnings } } satisfies DataFilesMessage);
  // The route data, as the pages will have it, for the author pages (rendered first, and the largest share of the
  // main thread's own work per page; BENCHMARKS.md) and then the data files.
  const [{ recordsOf }, { buildSiteData }, { authorPageHtml }, { listItemHtml }] = await Promise.all([
    import('../lib/corpus-records.ts'),
    import('../lib/site-data.ts'),
    import('../lib/render/author-html.ts'),
    import('../lib/render/paper-html.ts'),
  ]);
  const data = buildSiteData(recordsOf(corpus, config.dataDir), undefined, new Map(fragments));
  const listItem = (view: PaperView) => {
    // Every view has this thread's linked markup: the route data was built from the fragments above.
    if (!view.linked) throw new Error(`paper ${view.paper.id} has no linked markup`);
    return listItemHtml(view.linked.listItem, 3);
  };
  const pages = data.authors.map((author) => [author.slug, authorPageHtml(links.href, author, listItem)] as const);
  port?.postMessage({ type: 'author-pages', pages } satisfies DataFilesMessage);
  yieldToMainThread();
  // Loaded only now (feeds, papers.json, the search index): the pages are waiting for what comes before.
  const { dataFiles } = await import('../lib/data-files.ts');
  const files: DataFile[] = [];
  for await (const file of dataFiles(data, config)) files.push(file);
  await outDirReady.promise;
  const made = new Set<string>();
  let bytes = 0;
  for (const file of files) {
    const target = join(outDir, file.path);
    const dir = dirname(target);
    if (!made.has(dir)) {
      mkdirSync(dir, { recursive: true });
      made.add(dir);
    }
    writeFileSync(target, file.content);
    bytes += Buffer.byteLength(file.content);
  }
  // This thread's CPU time, for the build log and the benchmark (process.threadCpuUsage is Node 23.9+).
  const cpu = typeof process.threadCpuUsage === 'function' ? process.threadCpuUsage() : null;
  return { ok: true, files: files.length, bytes, seconds: (performance.now() - started) / 1000, cpuSeconds: cpu && (cpu.user + cpu.system) / 1e6 };
}

run().then(
  (outcome) => port?.postMessage({ type: 'done', outcome } satisfies DataFilesMessage),
  (error: unknown) => port?.postMessage({ type: 'done', outcome: { ok: false, error: error instanceof Error ? (error.stack || error.message) : String(error) } } satisfies DataFilesMessage),
);
