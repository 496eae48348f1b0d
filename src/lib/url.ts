/** A site path with Astro's `base` in front: `href('papers/2510.15464/')` → `/shelf/papers/2510.15464/` under BASE_PATH=/shelf/. */
export function href(path = ''): string {
  const base = import.meta.env.BASE_URL.endsWith('/') ? import.meta.env.BASE_URL : `${import.meta.env.BASE_URL}/`;
  return `${base}${path.replace(/^\//, '')}`;
}
