// Astro's base, with a trailing slash; import.meta.env.BASE_URL is fixed for the whole build.
const BASE = import.meta.env.BASE_URL.endsWith('/') ? import.meta.env.BASE_URL : `${import.meta.env.BASE_URL}/`;

/** A site path with Astro's `base` in front: `href('papers/2510.15464/')` → `/shelf/papers/2510.15464/` under BASE_PATH=/shelf/. */
export function href(path = ''): string {
  return path.startsWith('/') ? `${BASE}${path.slice(1)}` : `${BASE}${path}`;
}
