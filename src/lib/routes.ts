import { getCollection } from 'astro:content';
import { siteConfig } from '../config.ts';
import type { PaperFragments } from './render/paper-fragments.ts';
import { takeFragments } from './shared-corpus.ts';
import { buildSiteData, type SiteData } from './site-data.ts';

let cached: Promise<SiteData> | undefined;

const warn = (message: string) => console.warn(`[papershelf] ${message}`);

// The fragments the data-files worker rendered (`astro build`), or none: then the pages render them as they go.
async function renderedFragments(): Promise<ReadonlyMap<string, PaperFragments> | undefined> {
  const rendered = await takeFragments({ dataDir: siteConfig.dataDir, categories: siteConfig.categories })?.catch(() => null);
  if (!rendered) return undefined;
  for (const message of rendered.warnings) warn(message);
  return new Map(rendered.fragments);
}

/** The site's route data, built once per build from the papers collection and shared by every page. */
export function getSiteData(): Promise<SiteData> {
  cached ??= Promise.all([getCollection('papers'), renderedFragments()]).then(([entries, fragments]) =>
    buildSiteData(
      entries.map((entry) => entry.data),
      warn,
      fragments,
    ),
  );
  return cached;
}
