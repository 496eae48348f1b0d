import fc from 'fast-check';
import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { buildCorpus } from '../../src/lib/pipeline.ts';
import { buildSearchAssets, fullDocuments, titleDocuments } from '../../src/lib/search/build-index.ts';
import { emptyQueryHint, queryWords, searchableQuery, searchIndexes, type SearchIndexes } from '../../src/lib/search/query.ts';
import { toPlainText } from '../../src/lib/plain-text.ts';
import { FULL_INDEX_OPTIONS, processTerm, tokenize, SEARCH_OPTIONS, TEXT_CHUNK_SIZE, TITLE_INDEX_OPTIONS, type FullDocument, type TextPiece, type TitleDocument } from '../../src/lib/search/search-options.ts';
import { buildSiteData } from '../../src/lib/site-data.ts';
import { snippetOf } from '../../src/scripts/search-client.ts';
import { facetCounts, readState, stateQuery, visibleHits } from '../../src/scripts/search-state.ts';
import { seedDumps, seedSources } from '../helpers.ts';

// The index is built and loaded exactly as the site does: papers in site order, JSON round trip, shared options.
const papers = buildSiteData(buildCorpus(seedDumps(), { sources: seedSources() }).papers).papers.map((view) => view.paper);
const assets = buildSearchAssets(papers);
const titleIndex = MiniSearch.loadJSON<TitleDocument>(assets.titles, TITLE_INDEX_OPTIONS);
const index: SearchIndexes = { titles: null, full: MiniSearch.loadJSON<FullDocument>(assets.full, FULL_INDEX_OPTIONS) };
const titleIndexOnly: SearchIndexes = { titles: titleIndex, full: null };
const titles = (query: string, indexes = index) => searchIndexes(indexes, query).map((hit) => papers[hit.id]?.title ?? papers[hit.id]?.id);
const titlesMatching = (pattern: RegExp) => papers.filter((paper) => pattern.test(`${paper.title} ${paper.abstract}`)).map((paper) => paper.title ?? paper.id);

describe('the search index', () => {
  it('finds papers by title words, title matches first', () => {
    const found = titles('watermarking');
    expect(found.slice(0, 2).sort()).toEqual(['Towards Anytime-Valid Statistical Watermarking', 'Towards Optimal Statistical Watermarking']);
  });

  it('finds papers by author, accents folded', () => {
    expect(titles('Emrullah Ildiz').sort()).toEqual(
      papers.filter((paper) => paper.authors.some((author) => author.name === 'M. Emrullah Ildiz')).map((paper) => paper.title).sort(),
    );
  });

  it('searches abstracts and categories', () => {
    expect(titles('supermartingale')).toEqual(['Towards Anytime-Valid Statistical Watermarking']);
    expect(titles('Audio Speech Processing')).toEqual(['HuPER: A Human-Inspired Framework for Phonetic Perception']);
  });

  it('finds papers by affiliation, in the full index only', () => {
    const affiliated = papers.filter((paper) => paper.affiliations.includes('berkeley')).map((paper) => paper.title);
    expect(affiliated.length).toBeGreaterThan(0);
    expect(titles('berkeley')).toEqual(expect.arrayContaining(affiliated));
    // No title, author or category says it: the small index, which has no affiliations, finds nothing.
    expect(titles('berkeley', titleIndexOnly)).toEqual([]);
  });

  it('finds a paper by its arXiv id as pasted: bare, versioned, with arXiv:, or as an abs or pdf address', () => {
    const withId = papers.find((paper) => paper.arxivId === '2510.15464');
    expect(withId).toBeDefined();
    for (const query of ['2510.15464', '2510.15464v2', 'arXiv:2510.15464v1', 'https://arxiv.org/abs/2510.15464v2', 'arxiv.org/pdf/2510.15464v1.pdf', 'https://arxiv.org/abs/2510.15464?context=cs']) {
      expect(searchIndexes(index, query).map((hit) => papers[hit.id]?.id)[0], query).toBe(withId?.id);
    }
    expect(searchableQuery('see hep-th/9711200v3 and math.GT/0309136v1')).toBe('see hep-th/9711200 and math.GT/0309136');
    // Only that paper: an id's numbers are never matched fuzzily (15464 is not 15463).
    expect(searchIndexes(index, '2510.15464').map((hit) => papers[hit.id]?.id)).toEqual([withId?.id]);
  });

  it('finds an author written with initials, as arXiv’s author search allows: "S. Kakade", "Kakade S"', () => {
    const expected = titles('Sham Kakade').sort();
    expect(expected.length).toBeGreaterThan(0);
    expect(titles('S. Kakade').sort()).toEqual(expected);
    expect(titles('Kakade S').sort()).toEqual(expected);
  });

  it('explains a query that cannot find anything: a word still being typed, or only stop words and initials', () => {
    expect(emptyQueryHint('po', true)).toBe('Keep typing: the last word matches the start of words once it has 3 letters');
    expect(emptyQueryHint('S. the', false)).toContain('“S. the” has only words');
    expect(emptyQueryHint('the of', false)).toBe('“the of” has only words too short or too common to search for; add a more specific word');
    expect(emptyQueryHint('zzzqqq', false)).toBeNull();
    expect(emptyQueryHint('zzzqqq', true)).toBeNull();
    // A pasted address is read as its id: its version is no word being typed.
    expect(emptyQueryHint('https://arxiv.org/abs/2510.99999v2', true)).toBeNull();
  });

  it('finds a paper by the profile owner "et al." hides, and shows them among its authors', () => {
    const paper = papers.find((candidate) => candidate.authorsTruncated) as (typeof papers)[number];
    const owner = { name: 'Ada Lovelace', slug: 'ada-lovelace' };
    const [document] = titleDocuments([{ ...paper, hiddenAuthors: [owner] }]);
    expect(document?.authors).toContain('Ada Lovelace');
    expect(document?.a).toBe(`${paper.authors.map((author) => author.name).join(', ')} et al. (among them Ada Lovelace)`);
    const [alone] = titleDocuments([{ ...paper, authors: [], authorsTruncated: false, hiddenAuthors: [owner] }]);
    expect(alone?.a).toBe('Ada Lovelace and others');
  });

  it('carries each paper’s affiliations with its result, so a match on them can be shown, and stores none for papers without', () => {
    const hits = searchIndexes(index, 'berkeley');
    expect(hits.length).toBeGreaterThan(0);
    for (const hit of hits) expect(hit.fields.f).toBe(papers[hit.id]?.affiliations.join(', '));
    const without = searchIndexes(index, 'watermarking').filter((hit) => papers[hit.id]?.affiliations.length === 0);
    expect(without.length).toBeGreaterThan(0);
    for (const hit of without) expect(hit.fields).not.toHaveProperty('f');
  });

    it('matches prefixes as you type', () => {
    expect(titles('watermar').length).toBeGreaterThanOrEqual(2);
    expect(titles('hupe')).toContain('HuPER: A Human-Inspired Framework for Phonetic Perception');
  });

  it('forgives typos: "difusion" finds diffusion', () => {
    const diffusion = titlesMatching(/diffusion/i);
    expect(diffusion.length).toBeGreaterThan(2);
    expect(titles('difusion').sort()).toEqual(diffusion.sort());
  });

  it('reads math: Theta, \\Theta and Θ find the paper with $\\Theta(1/\\Delta^2)$', () => {
    const expected = titlesMatching(/\\Theta|Θ/);
    expect(expected).toContain('Sample Complexity and Representation Ability of Test-time Scaling Paradigms');
    for (const query of ['Theta', '\\Theta', 'Θ']) expect(titles(query).sort(), query).toEqual(expected.sort());
    expect(titles('Θ Δ')).toEqual(['Sample Complexity and Representation Ability of Test-time Scaling Paradigms']);
  });

  it('drops English stop words', () => {
    expect(titles('the of and')).toEqual([]);
    expect(titles('the watermarking')).toEqual(titles('watermarking'));
  });

  it('ranks by score, and equal scores in site order (newest first)', () => {
    // "learning" is in many seed papers; a category query gives every paper of the category the same score.
    // MiniSearch leaves ties in the order it stored them: the papers added last to first here.
    const reversed = new MiniSearch<FullDocument>(FULL_INDEX_OPTIONS);
    reversed.addAll(fullDocuments(papers).reverse());
    const queries = ['learning', 'cs.LG', 'model', 'lear'];
    let ties = 0;
    for (const query of queries) {
      const hits = searchIndexes({ titles: null, full: reversed }, query);
      expect(hits.length, query).toBeGreaterThan(1);
      hits.slice(1).forEach((hit, at) => {
        const before = hits[at] as (typeof hits)[number];
        expect(before.score, query).toBeGreaterThanOrEqual(hit.score);
        if (before.score === hit.score) {
          ties++;
          expect(before.id, query).toBeLessThan(hit.id);
        }
      });
    }
    expect(ties).toBeGreaterThan(0);
  });

  it('stores what a result shows, and chunks the snippet text by id', () => {
    const [hit] = searchIndexes(index, 'HuPER');
    expect(hit?.fields).toMatchObject({ a: 'Chenxu Guo, Jiachen Lian, Yisi Liu et al.', d: '2026-02-02', c: ['eess.AS'], h: 1, p: 'papers/huper-a-human-inspired-framework-for-phonetic-perception/' });
    const chunk = JSON.parse(assets.chunks[hit?.fields.k ?? -1] ?? '[]') as TextPiece[][];
    const pieces = chunk[(hit?.id ?? 0) - (hit?.fields.k ?? 0) * TEXT_CHUNK_SIZE];
    expect(pieces?.map(([text]) => text).join('')).toMatch(/^We propose HuPER/);
    expect(titleDocuments(papers)).toHaveLength(45);
    expect(fullDocuments(papers).filter((document) => document.abstract !== '')).toHaveLength(papers.filter((paper) => paper.abstract !== null).length);
  });
});

describe('two indexes', () => {
  it('keeps abstracts out of the small title index, which still finds titles, authors and categories', () => {
    expect(assets.titles.length * 2).toBeLessThan(assets.full.length);
    expect(titles('supermartingale', titleIndexOnly)).toEqual([]);
    expect(titles('watermarking', titleIndexOnly).length).toBeGreaterThanOrEqual(2);
    expect(titles('Emrullah Ildiz', titleIndexOnly)).toEqual(titles('Emrullah Ildiz'));
    expect(titles('Audio Speech Processing', titleIndexOnly)).toEqual(['HuPER: A Human-Inspired Framework for Phonetic Perception']);
  });

  it('is cut from the full index and scores exactly like an index built from the title fields alone', () => {
    const built = new MiniSearch<TitleDocument>(TITLE_INDEX_OPTIONS);
    built.addAll(titleDocuments(papers));
    const cut = MiniSearch.loadJSON<TitleDocument>(assets.titles, TITLE_INDEX_OPTIONS);
    expect(cut.termCount).toBe(built.termCount);
    // Every term of every title field, plus prefixes, typos and multi-word queries.
    const words = [...new Set(titleDocuments(papers).flatMap((document) => [document.title, document.authors, document.categories]).flatMap((text) => text.split(/\s+/)))];
    const queries = [...words, ...words.map((word) => word.slice(0, 4)), 'difusion', 'statistical watermarking', 'Guo Lian', 'cs.LG learning'];
    expect(queries.length).toBeGreaterThan(300);
    for (const query of queries) {
      const scores = (index: MiniSearch<TitleDocument>) => index.search(query, SEARCH_OPTIONS).map((result) => [result.id, result.score.toFixed(9), [...result.terms].sort().join(' ')]);
      expect(scores(cut), query).toEqual(scores(built));
    }
  });

  it('uses the full index once it is there, and stores the same display fields in both', () => {
    expect(titles('supermartingale', { titles: titleIndex, full: index.full })).toEqual(['Towards Anytime-Valid Statistical Watermarking']);
    const [fromTitles] = searchIndexes(titleIndexOnly, 'HuPER');
    const [fromFull] = searchIndexes(index, 'HuPER');
    expect(fromTitles?.fields).toMatchObject({ t: fromFull?.fields.t, a: fromFull?.fields.a, d: fromFull?.fields.d, p: fromFull?.fields.p, k: fromFull?.fields.k });
    expect(searchIndexes({ titles: null, full: null }, 'HuPER')).toEqual([]);
  });

  it('needs every word somewhere: a title word and an abstract word together', () => {
    const both = papers.filter((paper) => /watermark/i.test(paper.title ?? '') && /supermartingale/i.test(paper.abstract ?? ''));
    expect(both.length).toBeGreaterThan(0);
    expect(titles('watermarking supermartingale')).toEqual(both.map((paper) => paper.title));
    expect(titles('watermarking zzzzqqq')).toEqual([]);
  });

  it('tokenizes text with LaTeX exactly as its plain-text reading, so documents keep the record text as is', () => {
    const piece = fc.constantFrom('\\', '$', '{', '}', '^', '_', '~', ' ', ',', ';', '%', '&', '#', '(', ')', '[', ']', '!', ':', '\n', 'a', 'alpha', 'Theta', 'le', 'mathrm', 'α', 'Θ', '∞', '≤', 'é', '1');
    const latexText = fc.array(piece, { maxLength: 30 }).map((pieces) => pieces.join(''));
    fc.assert(fc.property(latexText, (text) => {
      expect(tokenize(text)).toEqual(tokenize(toPlainText(text)));
    }), { numRuns: 2000 });
    for (const paper of papers) for (const text of [paper.title ?? '', paper.abstract ?? '']) expect(tokenize(text)).toEqual(tokenize(toPlainText(text)));
  });

  it('tokenizes in one pass exactly as splitting the plain text on everything but letters and digits does', () => {
    const reference = (text: string) => toPlainText(text).split(/[^\p{L}\p{N}]+/u).filter((token) => token !== '');
    const piece = fc.oneof(
      fc.constantFrom('\\', '$', '{', '}', '^', '_', '~', ' ', '-', '\n', '\t', '\u00a0', 'a', 'Z', '9', 'alpha', 'le', 'mathrm', 'α', 'Θ', 'ϵ', '∞', '≤', '·', 'é', 'ß', 'ª', '٣', '汉', '𝑥', '😀', '\ud835', '\u0301'),
      fc.string({ unit: 'binary', maxLength: 3 }),
    );
    const text = fc.array(piece, { maxLength: 30 }).map((pieces) => pieces.join(''));
    fc.assert(fc.property(text, (sample) => {
      expect(tokenize(sample)).toEqual(reference(sample));
    }), { numRuns: 5000 });
    for (const paper of papers) {
      for (const sample of [paper.title ?? '', paper.abstract ?? '', paper.comments ?? '', ...paper.authors.map((author) => author.name)]) expect(tokenize(sample)).toEqual(reference(sample));
    }
  });

  it('folds ASCII terms (the fast path) exactly as the full Unicode folding does', () => {
    // A combining accent sends the same term down the Unicode path, which strips the accent again.
    const asciiTerm = fc.string({ unit: fc.integer({ min: 0, max: 127 }).map((code) => String.fromCharCode(code)) });
    fc.assert(fc.property(asciiTerm, (term) => processTerm(term) === processTerm(`${term}\u0301`)));
    expect(['HuPER', 'Ildız', 'Søgaard', 'naïve', 'THE'].map(processTerm)).toEqual(['huper', 'ildiz', 'sogaard', 'naive', null]);
  });

  it('turns a query into the index terms: stop words out, accents folded, math read as words', () => {
    expect(queryWords('The Ildız of \\Theta')).toEqual(['ildiz', 'theta']);
    expect(queryWords('Łukasz Søgaard Straße')).toEqual(['lukasz', 'sogaard', 'strasse']);
  });
});

describe('facets and state', () => {
  const hits = searchIndexes(index, 'learning');

  it('counts each facet over the hits that pass the other facets', () => {
    const state = readState('?q=learning&year=2025');
    const counts = facetCounts(hits, state);
    const yearCounts = Object.fromEntries(counts.year);
    expect(yearCounts['2025']).toBe(hits.filter((hit) => hit.fields.d.startsWith('2025')).length);
    const lg = Object.fromEntries(counts.category)['cs.LG'];
    expect(lg).toBe(hits.filter((hit) => hit.fields.d.startsWith('2025') && hit.fields.c.includes('cs.LG')).length);
    expect(visibleHits(hits, state).every((hit) => hit.fields.d.startsWith('2025'))).toBe(true);
  });

  it('sorts newest first on request', () => {
    const dates = visibleHits(hits, readState('?q=learning&sort=newest')).map((hit) => hit.fields.d);
    expect(dates).toEqual([...dates].sort().reverse());
  });

  it('round-trips through the URL', () => {
    const state = readState('?q=diffusion+models&category=cs.LG&category=cs.CL&year=2024&code=1&sort=newest');
    expect(state).toEqual({ q: 'diffusion models', categories: ['cs.LG', 'cs.CL'], years: ['2024'], code: true, sort: 'newest' });
    expect(readState(stateQuery(state))).toEqual(state);
  });
});

describe('snippets', () => {
  const pieces: TextPiece[] = [['We first define the setting of many words here and there before', 0], [' ', 0], ['Θ(1/Δ^2)', 1], [' samples are needed to find the best arm in a bandit with diffusion of rewards over many rounds of play.', 0]];

  it('centre on the first match and keep formulas whole', () => {
    const snippet = snippetOf(pieces, new Set(['diffusion']), 12);
    const text = snippet.map(([value]) => value).join('');
    expect(text).toContain('diffusion');
    expect(text.startsWith('… ')).toBe(true);
    expect(snippet.filter(([, math]) => math === 1).every(([value]) => value === 'Θ(1/Δ^2)')).toBe(true);
  });

  it('centre on a formula whose words match', () => {
    const text = snippetOf(pieces, new Set(['theta']), 6).map(([value]) => value).join('');
    expect(text).toContain('Θ(1/Δ^2)');
  });
});
