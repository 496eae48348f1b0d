import type { APIRoute } from 'astro';
import { siteConfig } from '../config.ts';
import { paperFeed } from '../lib/feeds.ts';
import { getSiteData } from '../lib/routes.ts';

/** RSS feed of the newest papers of the whole site. */
export const GET: APIRoute = async () => paperFeed('Newest papers', siteConfig.description, (await getSiteData()).papers);
