import { hrefBuilder, type SiteLink } from './site-links.ts';

/** A site path with Astro's `base` in front: `href('papers/2510.15464/')` → `/shelf/papers/2510.15464/` under BASE_PATH=/shelf/. */
export const href: SiteLink = hrefBuilder(import.meta.env.BASE_URL);
