import { siteConfig } from '../config.ts';
import { href } from './url.ts';

// The site's origin: a root-relative href resolves against it alone (the site URL's own path is replaced).
const ORIGIN = new URL(siteConfig.site).origin;
// A root-relative path of plain segments: nothing for URL parsing to encode, resolve or normalise. Every
// segment but the last ends in its "/", so the pattern cannot backtrack (linear on any path).
const PLAIN_PATH = /^\/(?:[\w~-][\w.~-]*\/)*(?:[\w~-][\w.~-]*)?$/;

/** The absolute URL of a site path, base included: for feeds, canonical links, Open Graph and JSON-LD. */
export function absoluteUrl(path = ''): string {
  const local = href(path);
  // Thousands of links per page build: skip URL parsing where it could not change the result.
  return PLAIN_PATH.test(local) ? `${ORIGIN}${local}` : new URL(local, siteConfig.site).href;
}
