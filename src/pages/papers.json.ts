import type { APIRoute } from 'astro';
import { papersJsonResponse } from '../lib/papers-json.ts';
import { getSiteData } from '../lib/routes.ts';

/** `papers.json`: every record, newest first (see README "papers.json"). */
export const GET: APIRoute = async () => papersJsonResponse((await getSiteData()).papers.map((view) => view.paper));
