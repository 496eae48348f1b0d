import { siteConfig } from '../config.ts';
import { absoluteUrlBuilder, type SiteLink } from './site-links.ts';
import { href } from './url.ts';

/** The absolute URL of a site path, base included: for feeds, canonical links, Open Graph and JSON-LD. */
export const absoluteUrl: SiteLink = absoluteUrlBuilder(siteConfig.site, href);
