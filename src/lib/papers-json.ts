import { safeJson } from './safe-json.ts';
import type { Paper, PapersJson } from './schema.ts';

// A record's JSON at the depth it has in a papers.json document, written once: every paper is also in the
// papers.json of each of its categories.
const recordJson = new WeakMap<Paper, string>();

function indentedRecordJson(paper: Paper): string {
  let json = recordJson.get(paper);
  if (json === undefined) {
    json = safeJson(paper, 2).replaceAll('\n', '\n    ');
    recordJson.set(paper, json);
  }
  return json;
}

/** A papers.json document (the static JSON API, schemaVersion 1) for a list of records: `safeJson(document, 2)`, byte for byte. */
export function papersJson(papers: readonly Paper[]): string {
  if (papers.length === 0) return safeJson({ schemaVersion: 1, count: 0, papers: [] } satisfies PapersJson, 2);
  return `{\n  "schemaVersion": 1,\n  "count": ${papers.length},\n  "papers": [\n    ${papers.map(indentedRecordJson).join(',\n    ')}\n  ]\n}`;
}
