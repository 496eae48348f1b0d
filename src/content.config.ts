import { defineCollection } from 'astro:content';
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
