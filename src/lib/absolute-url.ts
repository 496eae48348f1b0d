import { siteConfig } from '../config.ts';
import { href } from './url.ts';

/** The absolute URL of a site path, base included: for feeds, canonical links, Open Graph and JSON-LD. */
export function absoluteUrl(path = ''): string {
  return new URL(href(path), siteConfig.site).href;
}
