import { describe, expect, it } from 'vitest';
import { buildCorpus } from '../../src/lib/pipeline.ts';

const ABSTRACT = 'We prove a $\\Theta(1/\\Delta^2)$ lower bound for best-arm identification in stochastic bandits with many arms and show it is tight.';
const ABSTRACT_UNICODE = 'We prove a $Θ(1/Δ^2)$ lower bound for best-arm identification in stochastic bandits with many arms and show it is tight.';

describe('merging and precedence', () => {
  it('prefers a full author list to a truncated one and keeps the other in provenance', () => {
    const { papers } = buildCorpus([
      { file: 'a.txt', text: 'LGJun 3, 2024\nBandits RevisitedAda Lovelace, Alan Turing, Grace Hopper et al.\n' },
      { file: 'b.txt', text: 'LGJun 3, 2024\nBandits RevisitedAda Lovelace, Alan Turing, Grace Hopper, Edsger Dijkstra\n' },
    ]);
    expect(papers).toHaveLength(1);
    expect(papers[0]?.authors.map((author) => author.name)).toEqual(['Ada Lovelace', 'Alan Turing', 'Grace Hopper', 'Edsger Dijkstra']);
    expect(papers[0]?.authorsTruncated).toBe(false);
    expect(papers[0]?.sources[0]?.superseded?.authors).toEqual(['Ada Lovelace', 'Alan Turing', 'Grace Hopper']);
  });

  it('prefers an exact date to a resolved one, unites categories and keeps the highest score', () => {
    const { papers } = buildCorpus(
      [
        { file: 'a.txt', text: '91.5LGJun 3\nBandits RevisitedAda Lovelace\n' },
        { file: 'b.txt', text: '97.2CVJun 1, 2026Code\nBandits RevisitedAda Lovelace\n' },
      ],
      { sources: { 'a.txt': { captured: '2026-11-21' } } },
    );
    expect(papers[0]).toMatchObject({
      published: '2026-06-01',
      publishedYearInferred: false,
      categories: [{ id: 'cs.LG' }, { id: 'cs.CV' }],
      score: 97.2,
      hasCode: true,
    });
    expect(papers[0]?.sources[0]?.superseded).toEqual({ published: '2026-06-03', score: 91.5 });
  });

  it('merges by arXiv id and takes title and authors from the card', () => {
    const { papers } = buildCorpus([
      { file: 'a.txt', text: `${ABSTRACT}\n\narXiv:2401.01234v3\nCreated: 2024-01-04\n` },
      { file: 'b.txt', text: `LGJan 4, 2024\nBandits RevisitedAda Lovelace, Alan Turing\n${ABSTRACT_UNICODE}\n` },
    ]);
    expect(papers).toHaveLength(1);
    expect(papers[0]).toMatchObject({ id: '2401.01234', version: 3, title: 'Bandits Revisited', abstract: ABSTRACT });
  });

  it('attaches an abstract-only entry whose math is encoded differently', () => {
    const { papers } = buildCorpus([
      { file: 'a.txt', text: `LGJan 4, 2024\nBandits RevisitedAda Lovelace, Alan Turing\n${ABSTRACT}\n` },
      { file: 'b.txt', text: `Abstract:${ABSTRACT_UNICODE}\n` },
    ]);
    expect(papers).toHaveLength(1);
    expect(papers[0]?.sources.map((source) => source.format)).toEqual(['card-listing', 'abstract-listing']);
  });

  it('never merges two different arXiv ids, even with the same title', () => {
    const { papers } = buildCorpus([
      { file: 'a.txt', text: `${ABSTRACT}\n\narXiv:2401.01234\n\n${ABSTRACT}\n\narXiv:2401.05678\n` },
    ]);
    expect(papers.map((paper) => paper.id).sort()).toEqual(['2401.01234', '2401.05678']);
  });

  it('does not merge two titled papers with merely related abstracts', () => {
    const { papers } = buildCorpus([
      { file: 'a.txt', text: `LGJan 4, 2024\nBandits RevisitedAda Lovelace\n${ABSTRACT}\nLGJan 5, 2024\nBandits AgainAda Lovelace\nWe prove a new upper bound for best-arm identification with few arms, in a setting unlike before.\n` },
    ]);
    expect(papers).toHaveLength(2);
  });

  it('gives two different papers whose long titles share a slug distinct ids', () => {
    const long = 'Proceedings of the Workshop on Very Long Titles for Machine Learning and Statistics, Part';
    const { papers } = buildCorpus([{ file: 'b.txt', text: `LGJan 4, 2024\n${long} IAda Lovelace\nLGJan 5, 2024\n${long} IIAlan Turing\n` }]);
    const base = 'proceedings-of-the-workshop-on-very-long-titles-for-machine-learning-and';
    expect(papers.map((paper) => paper.id).sort()).toEqual([base, `${base}-2`]);
  });
});
