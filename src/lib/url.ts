import { hrefBuilder } from './site-links.ts';

/** A site path with Astro's `base` in front: `href('papers/2510.15464/')` → `/shelf/papers/2510.15464/` under BASE_PATH=/shelf/. */
export const href: (path?: string) => string = hrefBuilder(import.meta.env.BASE_URL);
