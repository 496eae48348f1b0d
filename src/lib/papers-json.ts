import { safeJson } from './safe-json.ts';
import type { Paper, PapersJson } from './schema.ts';

/** A papers.json document (the static JSON API, schemaVersion 1) for a list of records. */
export function papersJson(papers: readonly Paper[]): string {
  const body: PapersJson = { schemaVersion: 1, count: papers.length, papers: [...papers] };
  return safeJson(body, 2);
}
