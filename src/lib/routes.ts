import { getCollection } from 'astro:content';
import { buildSiteData, type SiteData } from './site-data.ts';

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
