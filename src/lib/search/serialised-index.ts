import type { AsPlainObject, Options } from 'minisearch';

/** What building an index needs of MiniSearch's options: the searched and stored fields and the term pipeline. */
export type IndexSettings<T> = Required<Pick<Options<T>, 'fields' | 'storeFields' | 'tokenize' | 'processTerm'>>;

// A term's postings while building: per field id, [short id, frequency, short id, frequency, …] in short-id order.
type Postings = number[][];

/**
 * MiniSearch's serialised index of `documents` (what `MiniSearch.loadJS` and `loadJSON` read), built directly:
 * the same document ids, stored fields, field lengths, average field lengths and postings as `addAll` followed
 * by `toJSON`, with the terms in code-unit order rather than the order of MiniSearch's radix tree. The build
 * only ever needs the serialised form, and MiniSearch's `add` keeps a radix tree and two levels of Maps up to
 * date for every token: it took 4.3 s of the 5 s the search assets of 10,000 papers took (BENCHMARKS.md).
 */
export function serialisedIndex<T extends { id: unknown }>(documents: readonly T[], settings: IndexSettings<T>): AsPlainObject {
  const { fields, storeFields, tokenize, processTerm } = settings;
  const postingsOf = new Map<string, Postings>();
  const seenIds = new Set<unknown>();
  const documentIds: AsPlainObject['documentIds'] = {};
  const fieldLength: AsPlainObject['fieldLength'] = {};
  const averageFieldLength: number[] = [];
  const storedFields: AsPlainObject['storedFields'] = {};

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
    fieldLength[shortId] = lengths;
  });

  const index: AsPlainObject['index'] = [...postingsOf.keys()].sort().map((term) => {
    const data: Record<string, Record<string, number>> = {};
    (postingsOf.get(term) ?? []).forEach((list, fieldId) => {
      const frequencies: Record<string, number> = {};
      for (let at = 0; at < list.length; at += 2) frequencies[list[at] as number] = list[at + 1] as number;
      data[fieldId] = frequencies;
    });
    return [term, data];
  });
  return {
    documentCount: documents.length,
    nextId: documents.length,
    documentIds,
    fieldIds: Object.fromEntries(fields.map((field, id) => [field, id])),
    fieldLength,
    averageFieldLength,
    storedFields,
    dirtCount: 0,
    index,
    serializationVersion: 2,
  };
}
