import fc from 'fast-check';
import MiniSearch, { type AsPlainObject, type Options } from 'minisearch';
import { describe, expect, it } from 'vitest';
import { buildCorpus } from '../../src/lib/pipeline.ts';
import { safeJson } from '../../src/lib/safe-json.ts';
import { fullDocuments, titleDocuments } from '../../src/lib/search/build-index.ts';
import { FULL_INDEX_OPTIONS, SEARCH_OPTIONS, TITLE_FIELDS, TITLE_INDEX_OPTIONS, type FullDocument, type TitleDocument } from '../../src/lib/search/search-options.ts';
import { gatherIndex, indexJson, type IndexSettings } from '../../src/lib/search/serialised-index.ts';
import { buildSiteData } from '../../src/lib/site-data.ts';
import { realPapers, seedDumps, seedSources } from '../helpers.ts';

// What MiniSearch itself serialises after adding the documents one by one, terms put in code-unit order.
function miniSearchJson<T extends { id: unknown }>(documents: readonly T[], settings: Options<T>): string {
  const index = new MiniSearch<T>(settings);
  index.addAll(documents);
  const json: AsPlainObject = index.toJSON();
  return safeJson({ ...json, index: [...json.index].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)) });
}

const written = <T extends { id: unknown }>(documents: readonly T[], settings: IndexSettings<T>, fieldCount?: number) => indexJson(gatherIndex(documents, settings), fieldCount);

const seedPapers = buildSiteData(buildCorpus(seedDumps(), { sources: seedSources() }).papers).papers.map((view) => view.paper);
const seedDocuments = fullDocuments(seedPapers);
// The real metadata samples as index documents: their titles, author lists, categories and LaTeX-bearing abstracts.
const realDocuments: FullDocument[] = realPapers().map((paper, id) => ({
  ...seedDocuments[id % seedDocuments.length]!,
  id,
  title: paper.title,
  authors: paper.authors.join(', '),
  categories: paper.categories.join(' '),
  abstract: paper.abstract,
}));

describe('the serialised search index', () => {
  it('is what MiniSearch serialises for the seed papers and the real arXiv samples', () => {
    expect(seedDocuments.length).toBeGreaterThan(40);
    expect(realDocuments.length).toBeGreaterThan(40);
    expect(written(seedDocuments, FULL_INDEX_OPTIONS)).toBe(miniSearchJson(seedDocuments, FULL_INDEX_OPTIONS));
    expect(written(realDocuments, FULL_INDEX_OPTIONS)).toBe(miniSearchJson(realDocuments, FULL_INDEX_OPTIONS));
  });

  it('cut to the title fields, is what MiniSearch serialises for an index of the title fields alone', () => {
    const titleOnly = (documents: readonly FullDocument[]) => documents.map(({ abstract: _abstract, affiliations: _affiliations, ...title }): TitleDocument => title);
    expect(written(seedDocuments, FULL_INDEX_OPTIONS, TITLE_FIELDS.length)).toBe(miniSearchJson(titleOnly(seedDocuments), TITLE_INDEX_OPTIONS));
    expect(written(realDocuments, FULL_INDEX_OPTIONS, TITLE_FIELDS.length)).toBe(miniSearchJson(titleOnly(realDocuments), TITLE_INDEX_OPTIONS));
    expect(titleOnly(seedDocuments)).toEqual(titleDocuments(seedPapers));
  });

  it('is what MiniSearch serialises for any documents: repeated and stop words, empty and missing fields, several terms per token', () => {
    const words = fc.constantFrom('the', 'of', 'Graph', 'graph', 'naïve', 'Ildız', 'Θ', '$\\Delta$', 'x', '', 'cs.LG', '2021');
    const text = fc.array(words, { maxLength: 12 }).map((parts) => parts.join(' '));
    const document = fc.record({ title: text, abstract: fc.option(text, { nil: undefined }), t: fc.option(text, { nil: undefined }) });
    // processTerm may give several terms for one token (MiniSearch allows it), or none.
    const settings: IndexSettings<{ id: number; title: string; abstract?: string; t?: string }> = {
      fields: ['title', 'abstract'],
      storeFields: ['t'],
      tokenize: FULL_INDEX_OPTIONS.tokenize,
      processTerm: (term) => (term === 'x' ? ['x', 'ex'] : FULL_INDEX_OPTIONS.processTerm(term)),
    };
    fc.assert(
      fc.property(fc.array(document, { maxLength: 8 }), (records) => {
        const documents = records.map((record, id) => ({ id, ...record }));
        expect(written(documents, settings)).toBe(miniSearchJson(documents, settings));
        expect(written(documents, settings, 1)).toBe(miniSearchJson(documents, { ...settings, fields: ['title'] }));
      }),
    );
  });

  it('loads into an index that answers queries exactly as one built by MiniSearch', () => {
    const built = new MiniSearch<FullDocument>(FULL_INDEX_OPTIONS);
    built.addAll(realDocuments);
    const loaded = MiniSearch.loadJSON<FullDocument>(written(realDocuments, FULL_INDEX_OPTIONS), FULL_INDEX_OPTIONS);
    const words = [...new Set(realDocuments.flatMap((document) => `${document.title} ${document.authors}`.split(/\s+/)))];
    const queries = [...words.slice(0, 300), ...words.slice(0, 100).map((word) => word.slice(0, 4)), 'neural netwrk', 'graph learning'];
    // Best first; MiniSearch leaves equal scores in the order it meets the terms, which the term order changes.
    const results = (index: MiniSearch<FullDocument>, query: string) =>
      index
        .search(query, SEARCH_OPTIONS)
        .sort((a, b) => b.score - a.score || Number(a.id) - Number(b.id))
        .map((result) => [result.id, result.score.toFixed(9), [...result.terms].sort().join(' ')]);
    let hits = 0;
    for (const query of queries) {
      const expected = results(built, query);
      hits += expected.length;
      expect(results(loaded, query), query).toEqual(expected);
    }
    expect(hits).toBeGreaterThan(queries.length);
  });

  it('refuses a document without an id or with a duplicate id, as MiniSearch does', () => {
    const settings: IndexSettings<{ id: number | null; title: string }> = { fields: ['title'], storeFields: [], tokenize: (text) => text.split(' '), processTerm: (term) => term };
    expect(() => gatherIndex([{ id: null, title: 'a' }], settings)).toThrow(/does not have ID field/);
    expect(() => gatherIndex([{ id: 1, title: 'a' }, { id: 1, title: 'b' }], settings)).toThrow(/duplicate ID 1/);
  });
});
