import type { APIRoute } from 'astro';
import { getSearchAssets } from '../../lib/routes.ts';

/** The MiniSearch index, loaded by the browser on the first interaction with a search box. */
export const GET: APIRoute = async () => new Response((await getSearchAssets()).index, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
