import type { Options } from 'minisearch';
import { safeJson } from '../safe-json.ts';

/** What building an index needs of MiniSearch's options: the searched and stored fields and the term pipeline. */
export type IndexSettings<T> = Required<Pick<Options<T>, 'fields' | 'storeFields' | 'tokenize' | 'processTerm'>>;

// A term's postings: per field id, [short id, frequency, short id, frequency, …] in short-id order.
type Postings = number[][];

/** Everything a MiniSearch index holds, gathered once; `indexJson` writes it out for any leading run of its fields. */
export interface GatheredIndex {
  fields: readonly string[];
  documentCount: number;
  /** documentIds and storedFields, already as JSON: the same in every index written from this one. */
  documentIdsJson: string;
  storedFieldsJson: string;
  /** Per document, the distinct-token count of each field. */
  fieldLengths: number[][];
  averageFieldLength: number[];
  /** Terms in code-unit order, with their postings. */
  terms: [string, Postings][];
}

/**
 * Tokenizes and processes every document's fields as MiniSearch's `add` does, keeping only what its
 * serialised form needs. The build only ever needs that form, and `add` keeps a radix tree and two levels of
 * Maps up to date for every token: it took 4.3 s of the 5 s the search assets of 10,000 papers took
 * (BENCHMARKS.md, "Site build").
 */
export function gatherIndex<T extends { id: unknown }>(documents: readonly T[], settings: IndexSettings<T>): GatheredIndex {
  const { fields, storeFields, tokenize, processTerm } = settings;
  const postingsOf = new Map<string, Postings>();
  const seenIds = new Set<unknown>();
  const documentIds: Record<number, unknown> = {};
  const storedFields: Record<number, Record<string, unknown>> = {};
  const fieldLengths: number[][] = [];
  const averageFieldLength: number[] = [];

  const post = (term: string, fieldId: number, shortId: number) => {
    let postings = postingsOf.get(term);
    if (postings === undefined) postingsOf.set(term, (postings = []));
    const list = (postings[fieldId] ??= []);
    if (list[list.length - 2] === shortId) list[list.length - 1] = (list[list.length - 1] ?? 0) + 1;
    else list.push(shortId, 1);
  };

  documents.forEach((document, shortId) => {
    if (document.id == null) throw new Error('MiniSearch: document does not have ID field "id"');
    if (seenIds.has(document.id)) throw new Error(`MiniSearch: duplicate ID ${String(document.id)}`);
    seenIds.add(document.id);
    documentIds[shortId] = document.id;
    const record = document as Record<string, unknown>;
    if (storeFields.length > 0) {
      const stored: Record<string, unknown> = {};
      for (const name of storeFields) if (record[name] !== undefined) stored[name] = record[name];
      storedFields[shortId] = stored;
    }
    const lengths: number[] = [];
    fields.forEach((field, fieldId) => {
      const value = record[field];
      if (value == null) return;
      const tokens = tokenize(String(value), field);
      // As MiniSearch counts them: distinct tokens before term processing, averaged over the documents so far.
      const length = new Set(tokens).size;
      lengths[fieldId] = length;
      averageFieldLength[fieldId] = ((averageFieldLength[fieldId] || 0) * shortId + length) / (shortId + 1);
      for (const token of tokens) {
        const processed = processTerm(token, field);
        if (Array.isArray(processed)) for (const term of processed) post(term, fieldId, shortId);
        else if (processed) post(processed, fieldId, shortId);
      }
    });
    fieldLengths.push(lengths);
  });

  const terms = [...postingsOf.keys()].sort().map((term): [string, Postings] => [term, postingsOf.get(term) ?? []]);
  return { fields, documentCount: documents.length, documentIdsJson: safeJson(documentIds), storedFieldsJson: safeJson(storedFields), fieldLengths, averageFieldLength, terms };
}

/**
 * MiniSearch's serialised index (what `MiniSearch.loadJSON` reads) of the first `fieldCount` fields: exactly
 * the JSON of `toJSON()` after `addAll` with those fields alone, terms in code-unit order, escaped as safeJson
 * escapes. A term none of those fields has is left out, as a smaller index would never have seen it.
 */
export function indexJson(index: GatheredIndex, fieldCount = index.fields.length): string {
  const fieldIds = Object.fromEntries(index.fields.slice(0, fieldCount).map((field, id) => [field, id]));
  const fieldLength = Object.fromEntries(index.fieldLengths.map((lengths, shortId) => [shortId, lengths.slice(0, fieldCount)]));
  const entries: string[] = [];
  for (const [term, postings] of index.terms) {
    const fields: string[] = [];
    for (let fieldId = 0; fieldId < fieldCount; fieldId++) {
      const list = postings[fieldId];
      if (list === undefined) continue;
      const frequencies: string[] = [];
      for (let at = 0; at < list.length; at += 2) frequencies.push(`"${list[at]}":${list[at + 1]}`);
      fields.push(`"${fieldId}":{${frequencies.join(',')}}`);
    }
    if (fields.length > 0) entries.push(`[${safeJson(term)},{${fields.join(',')}}]`);
  }
  return [
    `{"documentCount":${index.documentCount},"nextId":${index.documentCount},"documentIds":${index.documentIdsJson}`,
    `"fieldIds":${safeJson(fieldIds)},"fieldLength":${JSON.stringify(fieldLength)},"averageFieldLength":${JSON.stringify(index.averageFieldLength.slice(0, fieldCount))}`,
    `"storedFields":${index.storedFieldsJson},"dirtCount":0,"index":[${entries.join(',')}],"serializationVersion":2}`,
  ].join(',');
}
