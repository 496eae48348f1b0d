import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { comparePapers } from '../lib/pipeline.ts';
import { safeJson } from '../lib/safe-json.ts';
import type { PapersJson } from '../lib/schema.ts';

/** `papers.json`: every record, newest first, as a versioned static JSON API (see README). */
export const GET: APIRoute = async () => {
  const papers = (await getCollection('papers')).map((entry) => entry.data).sort(comparePapers);
  const body: PapersJson = { schemaVersion: 1, count: papers.length, papers };
  return new Response(safeJson(body, 2), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
