/**
 * The links a site writes, made from its settings rather than from Astro's build: the pages get theirs through
 * src/lib/url.ts and src/lib/absolute-url.ts, and the data-files worker, which runs outside Vite, builds the same
 * ones from the base and site URL the integration hands it.
 */

/** Makes a link from a site path (a path without base, e.g. `papers/2510.15464/`). */
export type SiteLink = (path?: string) => string;

/** A site's root-relative links and absolute URLs. */
export interface SiteLinks {
  /** A site path with the base in front: `papers/2510.15464/` → `/shelf/papers/2510.15464/`. */
  href: SiteLink;
  /** The absolute URL of a site path, base included: for feeds, canonical links, Open Graph and JSON-LD. */
  absolute: SiteLink;
}

/** Root-relative links under `base` (with or without its trailing slash). */
export function hrefBuilder(base: string): SiteLink {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  return (path = '') => (path.startsWith('/') ? `${prefix}${path.slice(1)}` : `${prefix}${path}`);
}

// A root-relative path of plain segments: nothing for URL parsing to encode, resolve or normalise. Every
// segment but the last ends in its "/", so the pattern cannot backtrack (linear on any path).
const PLAIN_PATH = /^\/(?:[\w~-][\w.~-]*\/)*(?:[\w~-][\w.~-]*)?$/;

/** Absolute URLs on `site` of the links `href` makes: a root-relative href resolves against the site's origin alone. */
export function absoluteUrlBuilder(site: string, href: SiteLink): SiteLink {
  const origin = new URL(site).origin;
  return (path = '') => {
    const local = href(path);
    // Thousands of links per page build: skip URL parsing where it could not change the result.
    return PLAIN_PATH.test(local) ? `${origin}${local}` : new URL(local, site).href;
  };
}

/** The links of a site at `site` under `base`. */
export function siteLinks(site: string, base: string): SiteLinks {
  const href = hrefBuilder(base);
  return { href, absolute: absoluteUrlBuilder(site, href) };
}
