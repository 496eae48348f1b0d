// @ts-check
import { defineConfig } from 'astro/config';
import { loadSiteConfig } from './src/config.ts';

const config = loadSiteConfig();

export default defineConfig({
  site: config.site,
  base: config.base,
  trailingSlash: 'always',
  build: { format: 'directory' },
});
