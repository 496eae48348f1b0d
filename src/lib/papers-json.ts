import { safeJson } from './safe-json.ts';
import type { Paper, PapersJson } from './schema.ts';

/** A papers.json document (the static JSON API, schemaVersion 1) for a list of records, as a response. */
export function papersJsonResponse(papers: readonly Paper[]): Response {
  const body: PapersJson = { schemaVersion: 1, count: papers.length, papers: [...papers] };
  return new Response(safeJson(body, 2), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
}
