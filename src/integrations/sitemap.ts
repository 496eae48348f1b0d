import { writeFile } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { SitemapIndexStream, SitemapStream, streamToPromise } from 'sitemap';

// The sitemap protocol's limit of URLs per file.
const URLS_PER_FILE = 50_000;

async function xmlOf(toPromise: typeof streamToPromise, stream: SitemapStream | SitemapIndexStream, urls: readonly string[]): Promise<string> {
  return (await toPromise(Readable.from(urls.map((url) => ({ url }))).pipe(stream))).toString('utf8');
}

/** The sitemap files of a site: `sitemap-0.xml`… of the page URLs, and `sitemap-index.xml` listing them (none without pages). */
export async function sitemapFiles(root: URL, urls: readonly string[]): Promise<Array<{ name: string; xml: string }>> {
  // Loaded when the sitemap is written, not with astro.config.mjs: every module the config imports is loaded
  // before the build can start (BENCHMARKS.md, "Site build").
  const { SitemapIndexStream, SitemapStream, streamToPromise } = await import('sitemap');
  const files: Array<{ name: string; xml: string }> = [];
  for (let start = 0; start < urls.length; start += URLS_PER_FILE) {
    files.push({ name: `sitemap-${files.length}.xml`, xml: await xmlOf(streamToPromise, new SitemapStream({ hostname: root.href }), urls.slice(start, start + URLS_PER_FILE)) });
  }
  // The sitemap protocol has no empty file: no pages, no sitemap.
  if (files.length === 0) return [];
  const index = await xmlOf(streamToPromise, new SitemapIndexStream(), files.map((file) => new URL(file.name, root).href));
  return [{ name: 'sitemap-index.xml', xml: index }, ...files];
}

/**
 * Writes `sitemap-index.xml` and `sitemap-0.xml` (50,000 URLs a file) listing every page but the 404 page, with
 * the `sitemap` library, the same files @astrojs/sitemap writes. That integration sorts the URLs with a
 * locale-aware comparison that took 0.7 s at the end of a 15k-page build (BENCHMARKS.md); this one sorts by
 * code unit, which orders the same input the same way every time.
 */
export function sitemapIntegration(): AstroIntegration {
  let siteRoot: URL | null = null;
  return {
    name: 'papershelf-sitemap',
    hooks: {
      'astro:config:done': ({ config }) => {
        siteRoot = config.site ? new URL(config.base.endsWith('/') ? config.base : `${config.base}/`, config.site) : null;
      },
      'astro:build:done': async ({ dir, pages, logger }) => {
        if (!siteRoot) {
          logger.warn('no `site` is configured, so no sitemap is written');
          return;
        }
        const root = siteRoot;
        const urls = sitemapPaths(pages.map((page) => page.pathname)).map((path) => new URL(path, root).href);
        for (const file of await sitemapFiles(root, urls)) await writeFile(fileURLToPath(new URL(file.name, dir)), file.xml);
        logger.info(`the sitemap lists ${urls.length} pages`);
      },
    },
  };
}

/** The page paths (relative to base) a sitemap lists, sorted: every HTML page but the 404 page; no endpoint files. */
export function sitemapPaths(pathnames: readonly string[]): string[] {
  const paths = pathnames.map((pathname) => pathname.replace(/^\/+/, '')).filter((path) => (path === '' || path.endsWith('/')) && path !== '404/');
  return [...new Set(paths)].sort();
}
