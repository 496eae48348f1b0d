import { getCollection } from 'astro:content';
import { buildSiteData, type SiteData } from './site-data.ts';
import { buildSearchAssets, type SearchAssets } from './search/build-index.ts';

let cached: Promise<SiteData> | undefined;

/** The site's route data, built once per build from the papers collection and shared by every page. */
export function getSiteData(): Promise<SiteData> {
  cached ??= getCollection('papers').then((entries) =>
    buildSiteData(
      entries.map((entry) => entry.data),
      (message) => console.warn(`[papershelf] ${message}`),
    ),
  );
  return cached;
}

let searchAssets: Promise<SearchAssets> | undefined;

/** The search index and snippet chunks, built once per build in the order of the site's papers. */
export function getSearchAssets(): Promise<SearchAssets> {
  searchAssets ??= getSiteData().then((data) => buildSearchAssets(data.papers.map((view) => view.paper)));
  return searchAssets;
}
