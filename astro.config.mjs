// @ts-check
import { defineConfig } from 'astro/config';
import { dataFilesIntegration } from './src/integrations/data-files.ts';
import { sitemapIntegration } from './src/integrations/sitemap.ts';
import { loadSiteConfig } from './src/config.ts';
import { DEFAULT_SITE } from './src/lib/schema.ts';

const config = loadSiteConfig();
if (config.site === DEFAULT_SITE) {
  console.warn(`[papershelf] SITE_URL is not set: feeds, the sitemap and canonical links point at ${DEFAULT_SITE} (npm run preview). Set SITE_URL to the address you deploy to.`);
}

export default defineConfig({
  site: config.site,
  base: config.base,
  trailingSlash: 'always',
  integrations: [sitemapIntegration(), dataFilesIntegration(config)],
  // Several pages in flight at once: while one page's file is written, the next renders (BENCHMARKS.md, "Site build").
  build: { format: 'directory', concurrency: 4 },
  // Scripts stay files, never inlined: the browser caches them across pages, and no page carries an inline
  // script that the CSP must list by hash (and Astro hash again for every paper page of the build).
  vite: {
    build: { assetsInlineLimit: 0 },
    // Test and benchmark output (tens of thousands of files) is no source: crawling it made `astro dev` start in 17 s, not 3 s.
    server: { watch: { ignored: ['**/tests/output/**', '**/tests/bench/out/**'] } },
  },
  // No Markdown is rendered, and Shiki's inline styles would not pass the CSP.
  markdown: { syntaxHighlight: false },
  security: {
    // A strict Content-Security-Policy <meta> on every page: scripts and stylesheets only from the site (Astro
    // adds the hashes of what it inlines), nothing else from anywhere else. KaTeX positions glyphs with style
    // attributes, which style-src-attr allows; style attributes cannot run code.
    csp: {
      algorithm: 'SHA-256',
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
      scriptDirective: { resources: ["'self'"] },
      styleDirective: { resources: ["'self'", { resource: "'unsafe-inline'", kind: 'attribute' }] },
    },
  },
});
