import { describe, expect, it } from 'vitest';
import { parseArxivIdListing } from '../../src/lib/parsers/arxiv-id-listing.ts';
import { buildCorpus } from '../../src/lib/pipeline.ts';
import { splitTitleAuthors } from '../../src/lib/split/split-title-authors.ts';

const CARD_ABSTRACT = 'We present a benchmark of large language models for quantum chemistry, with molecules, reactions and spectra as tasks.';

describe('merging edge cases', () => {
  it('does not attach a short abstract to a paper it shares one phrase with', () => {
    const { papers } = buildCorpus([
      { file: 'a.txt', text: `LGJan 4, 2024\nQuantum Chemistry BenchAda Lovelace\n${CARD_ABSTRACT}\n` },
      { file: 'b.txt', text: 'Abstract:Quantum chemistry: we present a benchmark of molecules.\n\nAbstract:Cats sleep on reasoning tasks with dogs, as observed.\n' },
    ]);
    expect(papers).toHaveLength(3);
    expect(papers.filter((paper) => paper.incomplete)).toHaveLength(2);
  });

  it('merges a listing captured many times into one paper', () => {
    const copies = Array.from({ length: 12 }, (_, index) => ({ file: `snap-${String(index).padStart(2, '0')}.txt`, text: `Abstract:${CARD_ABSTRACT}\n` }));
    const { papers } = buildCorpus([{ file: 'a.txt', text: `LGJan 4, 2024\nQuantum Chemistry BenchAda Lovelace\n${CARD_ABSTRACT}\n` }, ...copies]);
    expect(papers).toHaveLength(1);
    expect(papers[0]?.sources).toHaveLength(13);
  });
});

describe('codes and dates that could break the site', () => {
  it('refuses a category that is not shaped like one', () => {
    const { papers, report } = buildCorpus([{ file: 'a.txt', text: `${CARD_ABSTRACT}\n\narXiv:2401.01234 [..]\n` }]);
    expect(papers[0]?.categories).toEqual([]);
    expect(report.files[0]?.issues.some((issue) => issue.message.includes('[..]'))).toBe(true);
  });

  it('treats Object.prototype names as unknown codes, not as categories', () => {
    const { papers, report } = buildCorpus([{ file: 'a.txt', text: 'constructorJun 3, 2024\nA PaperAda Lovelace\n' }]);
    expect(report.summary.errors).toBe(0);
    expect(papers[0]?.categories).toEqual([{ id: 'constructor', name: null }]);
  });

  it('never makes Feb 29 of a common year', () => {
    const { papers } = buildCorpus([{ file: 'a.txt', text: 'LGFeb 29\nA PaperAda Lovelace\nLGJun 3, 2024\nB PaperAlan Turing\n' }]);
    // No capture date: the year after the newest dated entry (2025) has no Feb 29, so the latest leap year is used.
    expect(papers.find((paper) => paper.title === 'A Paper')?.published).toBe('2024-02-29');
  });
});

describe('parsing edge cases', () => {
  it('splits a list with a "Jr." suffix', () => {
    expect(splitTitleAuthors('Learning AgainJohn Smith, Jr., Ada Lovelace')).toMatchObject({ title: 'Learning Again', authors: ['John Smith, Jr.', 'Ada Lovelace'] });
  });

  it('takes the first prose block as the abstract, even a short one before a long comment', () => {
    const text = 'We study bandits.\n\n12 pages, 3 figures, accepted at a conference with a long name and many words in it, see the code at the repository.\n\narXiv:2401.01234\n';
    const [entry] = parseArxivIdListing(text, 'c.txt').entries;
    expect(entry?.abstract).toBe('We study bandits.');
    expect(entry?.comments?.[0]).toMatch(/^12 pages/);
  });

  it('keeps a lone comment as a comment, not as the abstract', () => {
    const [entry] = parseArxivIdListing('Comments are welcome\n\narXiv:2401.01234\n', 'c.txt').entries;
    expect(entry?.abstract).toBeUndefined();
    expect(entry?.comments).toEqual(['Comments are welcome']);
  });
});

describe('display edge cases', () => {
  it('never gives an empty excerpt', async () => {
    const { excerpt } = await import('../../src/lib/render/rich-text.ts');
    expect(excerpt(`$${'x+'.repeat(200)}x$ and then words`, 50)).not.toBe('…');
    expect(excerpt('a'.repeat(500), 50)).toBe(`${'a'.repeat(50)}…`);
  });

  it('writes organisations as one BibTeX name and keeps particles with the surname', async () => {
    const { bibtexName } = await import('../../src/lib/bibtex.ts');
    expect(['Google DeepMind', 'Gemini Team', 'Pedro dos Santos', 'John Smith, Jr.'].map(bibtexName)).toEqual(['{Google DeepMind}', '{Gemini Team}', 'dos Santos, Pedro', 'Smith, Jr., John']);
  });

  it('keeps a selected year among the facets even when no result has it', async () => {
    const { facetCounts, readState } = await import('../../src/scripts/search-state.ts');
    expect(facetCounts([], readState('?q=x&year=1999')).year).toEqual([['1999', 0]]);
  });
});
