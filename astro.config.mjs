// @ts-check
import { defineConfig } from 'astro/config';
import { dataFilesIntegration } from './src/integrations/data-files.ts';
import { dataStoreFromDiskIntegration } from './src/integrations/data-store-from-disk.ts';
import { sitemapIntegration } from './src/integrations/sitemap.ts';
import { loadSiteConfig } from './src/config.ts';
import { DEFAULT_SITE } from './src/lib/schema.ts';

const config = loadSiteConfig();
// Only a build writes the address into pages; `astro dev` and `astro preview` serve at the default one.
if (config.site === DEFAULT_SITE && process.argv.includes('build')) {
  console.warn(`[papershelf] SITE_URL is not set: feeds, the sitemap and canonical links point at ${DEFAULT_SITE} (npm run preview). Set SITE_URL to the address you deploy to.`);
}

export default defineConfig({
  site: config.site,
  base: config.base,
  trailingSlash: 'always',
  integrations: [sitemapIntegration(), dataFilesIntegration(config), dataStoreFromDiskIntegration()],
  // Several pages in flight at once: while one page's file is written, the next renders (BENCHMARKS.md, "Site build").
  // Stylesheets stay files too, never inlined as <style>: the fixed CSP allows styles only from the site.
  build: { format: 'directory', concurrency: 4, inlineStylesheets: 'never' },
  // Scripts stay files, never inlined: the browser caches them across pages, and the fixed CSP allows scripts
  // only from the site.
  vite: {
    build: { assetsInlineLimit: 0 },
    // Test and benchmark output (tens of thousands of files) is no source: crawling it made `astro dev` start in 17 s, not 3 s.
    server: { watch: { ignored: ['**/tests/output/**', '**/tests/bench/out/**'] } },
  },
  // No Markdown is rendered, and Shiki's inline styles would not pass the CSP.
  markdown: { syntaxHighlight: false },
  // The Content-Security-Policy is one fixed <meta> written by the layout (src/lib/content-security-policy.ts), not
  // Astro's security.csp: with nothing inlined it needs no hashes, and Astro's per-page hashing cost about 0.9 s
  // of a 10,000-paper build while listing hashes of island scripts this site never loads.
});
