import type { Page } from 'astro';
import { getCollection } from 'astro:content';
import { siteConfig } from '../config.ts';
import type { PaperFragments } from './render/paper-fragments.ts';
import type { Paper } from './schema.ts';
import { STORED_RECORDS_MESSAGE, takeAuthorPages, takeFragments, takeStoredRecords } from './shared-corpus.ts';
import { allPapersPath, LIST_PAGE_SIZE, listPages } from './list-pages.ts';
import { buildSiteData, type PaperView, type SiteData } from './site-data.ts';
import { href } from './url.ts';

let cached: Promise<SiteData> | undefined;

const warn = (message: string) => console.warn(`[papershelf] ${message}`);

const corpusKey = { dataDir: siteConfig.dataDir, categories: siteConfig.categories };

// The fragments the data-files worker rendered (`astro build`), or none: then the pages render them as they go.
async function renderedFragments(): Promise<ReadonlyMap<string, PaperFragments> | undefined> {
  const rendered = await takeFragments(corpusKey)?.catch(() => null);
  if (!rendered) return undefined;
  for (const message of rendered.warnings) warn(message);
  return new Map(rendered.fragments);
}

// The papers collection: in `astro build` the records the content loader has just stored (see shared-corpus.ts),
// otherwise (astro dev, or a loader that parsed the dumps itself) read from the content layer's data store.
async function collectionRecords(): Promise<readonly Paper[]> {
  const stored = await takeStoredRecords(corpusKey)?.catch(() => null);
  if (!stored) return (await getCollection('papers')).map((entry) => entry.data);
  console.info(`${STORED_RECORDS_MESSAGE} (${stored.length})`);
  return stored;
}

/** The site's route data, built once per build from the papers collection and shared by every page. */
export function getSiteData(): Promise<SiteData> {
  cached ??= Promise.all([collectionRecords(), renderedFragments()]).then(([records, fragments]) => buildSiteData(records, warn, fragments));
  return cached;
}

let allPapers: Promise<Array<Page<PaperView>>> | undefined;

/** The list of every paper, newest first (undated last), in pages: `papers/`, then `papers/page/2/`, …. */
export function allPapersPages(): Promise<Array<Page<PaperView>>> {
  allPapers ??= getSiteData().then((data) => listPages(data.papers, LIST_PAGE_SIZE, allPapersPath, href));
  return allPapers;
}

let authorPages: Promise<ReadonlyMap<string, string> | undefined> | undefined;

/**
 * An author page's content as the data-files worker made it (`astro build`), or undefined: then the page makes
 * it. Not part of the route data, so that the route data is built while the worker is still making these.
 */
export async function workerAuthorPage(slug: string): Promise<string | undefined> {
  authorPages ??= (takeAuthorPages(corpusKey)?.catch(() => null) ?? Promise.resolve(null)).then((pages) => (pages ? new Map(pages) : undefined));
  return (await authorPages)?.get(slug);
}
