// The defineCollection that `astro:content` wraps (adding only a check for live collections), from its own
// module: importing the virtual module here makes the build's content sync load Astro's whole content runtime
// through Vite first, about half a second before the loader could start (BENCHMARKS.md, "Site build").
import { defineCollection } from 'astro/content/config';
import { loadSiteConfig } from './config.ts';
import { papersLoader } from './lib/papers-loader.ts';
import { PaperSchema } from './lib/schema.ts';

const config = loadSiteConfig();

/** One collection: the merged paper records built from the dumps in the data folder. */
export const collections = {
  papers: defineCollection({
    loader: papersLoader({ dataDir: config.dataDir, categories: config.categories }),
    schema: PaperSchema,
  }),
};
