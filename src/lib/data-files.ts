import { feedPaths, paperFeedXml, type FeedSite } from './feeds.ts';
import { papersJson } from './papers-json.ts';
import { recordsOf } from './corpus-records.ts';
import { loadCorpus } from './read-data-dir.ts';
import type { Paper, SiteConfig } from './schema.ts';
import { buildSearchAssets } from './search/build-index.ts';
import { FULL_INDEX_PATH, TITLE_INDEX_PATH, textChunkPath } from './search/search-options.ts';
import { movedPaperIds } from './moved-papers.ts';
import { movedPaperHtml } from './render/moved-html.ts';
import { buildSiteData, paths, type SiteData } from './site-data.ts';
import { siteLinks } from './site-links.ts';

/**
 * The site's data files — feeds, papers.json and the search assets — as opposed to its pages. They need no
 * page rendering, so the papershelf integration writes them from a worker thread while Astro renders the
 * pages (and serves them from memory in `astro dev`).
 */

/** One data file: its site path (no base, no leading slash) and its text. */
export interface DataFile {
  path: string;
  content: string;
}

/** The settings data files depend on. */
export type DataFilesConfig = Pick<SiteConfig, 'title' | 'description' | 'site' | 'base' | 'dataDir' | 'categories'>;

/** Content types of the data files, by extension. */
export function dataFileType(path: string): string {
  if (path.endsWith('.xml')) return 'application/rss+xml; charset=utf-8';
  if (path.endsWith('.html')) return 'text/html; charset=utf-8';
  return 'application/json; charset=utf-8';
}

// Not the moved papers' redirect documents: matching every paper page's address would make `astro dev` make all
// the data files (feeds, the search index) before showing a paper; an old address only matters once deployed.
const DATA_FILE_PATH = /^(?:feed\.xml|papers\.json|search\/[^?#]+\.json|(?:categories|authors)\/[^/]+\/(?:feed\.xml|papers\.json))$/;

/** True for a path the dev server serves as a data file (cheap test before computing them). */
export function isDataFilePath(path: string): boolean {
  return DATA_FILE_PATH.test(path);
}

/** Every data file of a site, generated one after another so a writer can write as they come. */
export async function* dataFiles(data: SiteData, config: Pick<DataFilesConfig, 'title' | 'description' | 'site' | 'base'>): AsyncGenerator<DataFile> {
  const links = siteLinks(config.site, config.base);
  const site: FeedSite = { title: config.title, url: links.absolute };
  // The addresses papers had before their arXiv id was known: documents that lead to the papers' pages.
  for (const { from, to } of movedPaperIds(data.papers.map((view) => view.paper))) {
    const view = data.paperById.get(to.id);
    if (view) yield { path: `${paths.paper(from)}index.html`, content: movedPaperHtml(view, links) };
  }
  yield { path: feedPaths.site(), content: await paperFeedXml(site, 'Newest papers', config.description, data.papers, feedPaths.site()) };
  yield { path: 'papers.json', content: papersJson(data.papers.map((view) => view.paper)) };
  for (const category of data.categories) {
    const name = category.name ? `${category.name} (${category.id})` : category.id;
    yield { path: feedPaths.category(category.id), content: await paperFeedXml(site, name, `Newest papers in ${name}.`, category.papers, feedPaths.category(category.id), category.path) };
    yield { path: `${category.path}papers.json`, content: papersJson(category.papers.map((view) => view.paper)) };
  }
  for (const author of data.authors) {
    yield { path: feedPaths.author(author.slug), content: await paperFeedXml(site, author.name, `Newest papers by ${author.name}.`, author.papers, feedPaths.author(author.slug), author.path) };
  }
  const search = buildSearchAssets(data.papers.map((view) => view.paper));
  yield { path: TITLE_INDEX_PATH, content: search.titles };
  yield { path: FULL_INDEX_PATH, content: search.full };
  for (const [chunk, content] of search.chunks.entries()) yield { path: textChunkPath(chunk), content };
}

// The validated records of a data folder, exactly as the content loader stores them; throws when the data has errors.
async function loadRecords(config: Pick<DataFilesConfig, 'dataDir' | 'categories'>): Promise<Paper[]> {
  return recordsOf(await loadCorpus(config.dataDir, { categories: config.categories }), config.dataDir);
}

/** Every data file of a data folder, its dumps parsed here (as in astro dev; the build's worker has its route data already). */
export async function* dataFilesOfFolder(config: DataFilesConfig): AsyncGenerator<DataFile> {
  yield* dataFiles(buildSiteData(await loadRecords(config)), config);
}
