import { describe, expect, it } from 'vitest';
import { buildCorpus } from '../../src/lib/pipeline.ts';
import { cardTitleLine, realPapers } from '../helpers.ts';

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

  it('makes a paper id from its title as read, not from its TeX', () => {
    const { papers } = buildCorpus([{ file: 'a.txt', text: 'LGJun 3, 2024\nLearning with \\emph{few} Labels for \\textsc{Bert} and Gr\\"obner BasesAda Lovelace\n' }]);
    expect(papers.map((paper) => paper.id)).toEqual(['learning-with-few-labels-for-bert-and-grobner-bases']);
  });

  it('gives two different papers whose long titles share a slug distinct ids', () => {
    const long = 'Proceedings of the Workshop on Very Long Titles for Machine Learning and Statistics, Part';
    const { papers } = buildCorpus([{ file: 'b.txt', text: `LGJan 4, 2024\n${long} IAda Lovelace\nLGJan 5, 2024\n${long} IIAlan Turing\n` }]);
    const base = 'proceedings-of-the-workshop-on-very-long-titles-for-machine-learning-and';
    expect(papers.map((paper) => paper.id).sort()).toEqual([base, `${base}-2`]);
  });

  it('keeps distinct real papers apart even when one author gave them the same abstract (0704.0026, 0704.0112)', () => {
    const papers = realPapers();
    const series = papers.filter((paper) => paper.title.startsWith('Placeholder Substructures II'));
    expect(series).toHaveLength(2);
    const text = papers.map((paper) => `${paper.categories[0]}Jan 4, 2024\n${cardTitleLine(paper)}\n${paper.abstract}\n`).join('');
    const { papers: records, report } = buildCorpus([{ file: 'real.txt', text }]);
    expect(records).toHaveLength(papers.length);
    expect(report.summary.reported).toBe(0);
  });

  it('does not merge two titled papers that share an abstract word for word but not their titles, and says so', () => {
    const withdrawn = 'This paper has been withdrawn by the author due to a crucial error in the proof.';
    const { papers, report } = buildCorpus([
      { file: 'a.txt', text: `LGJun 3, 2003\nA Proof of the Collatz ConjectureJohn Smith\n${withdrawn}\nGTJun 4, 2003\nNash Equilibria in Huge GamesAlice Wong, Bob Lee\n${withdrawn}\n` },
    ]);
    expect(papers.map((paper) => [paper.title, paper.authors.map((author) => author.name)])).toEqual([
      ['Nash Equilibria in Huge Games', ['Alice Wong', 'Bob Lee']],
      ['A Proof of the Collatz Conjecture', ['John Smith']],
    ]);
    // Kept apart, and said so once, at the later card, in case they were one retitled paper.
    expect(report.files[0]?.issues).toEqual([
      expect.objectContaining({ severity: 'warning', line: 4, message: expect.stringContaining('near-identical to that of "A Proof of the Collatz Conjecture" (a.txt:1), but the titles are unrelated') }),
    ]);
  });

  it('attaches an untitled abstract that fits two different papers equally to neither, and says so at its line', () => {
    const withdrawn = 'This paper has been withdrawn by the author due to a crucial error in the proof.';
    const { papers, report } = buildCorpus([
      { file: 'a.txt', text: `Abstract: ${withdrawn}\n` },
      { file: 'b.txt', text: `LGJun 3, 2003\nA Proof of the Collatz ConjectureJohn Smith\n${withdrawn}\nGTJun 4, 2003\nNash Equilibria in Huge GamesAlice Wong, Bob Lee\n${withdrawn}\n` },
    ]);
    expect(papers).toHaveLength(3);
    expect(papers.every((paper) => paper.sources.length === 1)).toBe(true);
    expect(report.files[0]?.issues).toEqual([
      expect.objectContaining({ file: 'a.txt', line: 1, message: expect.stringMatching(/fits "A Proof of the Collatz Conjecture" \(b\.txt:1\) and "Nash Equilibria in Huge Games" \(b\.txt:4\) equally well/) }),
    ]);
    // The ambiguity is the one message about it: not also "matches no paper".
    expect(report.issues).toEqual([]);
  });

  it('counts only significant words in titles: "On the Hodge Conjecture" is not "On the Riemann Hypothesis"', () => {
    const withdrawn = 'This paper has been withdrawn by the author due to a crucial error in the proof.';
    const { papers } = buildCorpus([
      { file: 'a.txt', text: `LGJun 3, 2003\nOn the Hodge ConjectureJohn Smith\n${withdrawn}\nGTJun 4, 2003\nOn the Riemann HypothesisJohn Smith\n${withdrawn}\n` },
    ]);
    expect(papers.map((paper) => paper.title).sort()).toEqual(['On the Hodge Conjecture', 'On the Riemann Hypothesis']);
  });

  it('keeps a second arXiv id entry with the same abstract as a paper of its own, without a warning about a tie', () => {
    const withdrawn = 'This paper has been withdrawn by the author due to a crucial error in the proof.';
    const { papers, report } = buildCorpus([
      { file: 'a.txt', text: `LGJun 3, 2003\nA Proof of the Collatz ConjectureJohn Smith\n${withdrawn}\n` },
      { file: 'b.txt', text: `${withdrawn}\n\narXiv:math/0301001\n\n${withdrawn}\n\narXiv:math/0301002\n` },
    ]);
    // The first id entry joins the card; the second cannot join it (two ids never merge) and has no other paper.
    expect(papers.map((paper) => [paper.id, paper.title]).sort()).toEqual([
      ['math/0301001', 'A Proof of the Collatz Conjecture'],
      ['math/0301002', null],
    ]);
    expect(report.files.flatMap((file) => file.issues).filter((issue) => issue.message.includes('equally well'))).toEqual([]);
  });

  it('merges a retitled version on a near-identical abstract and warns, naming both entries', () => {
    const { papers, report } = buildCorpus([
      { file: 'a.txt', text: `LGJan 4, 2024\nBandits RevisitedAda Lovelace, Alan Turing\n${ABSTRACT}\n` },
      { file: 'b.txt', text: `LGJan 9, 2024\nBandits Revisited: Tight Lower BoundsAda Lovelace, Alan Turing\n${ABSTRACT_UNICODE}\n` },
    ]);
    expect(papers).toHaveLength(1);
    expect(report.files[1]?.issues).toEqual([
      expect.objectContaining({ severity: 'warning', file: 'b.txt', line: 1, message: expect.stringContaining('differs from "Bandits Revisited" (a.txt:1)') }),
    ]);
  });
});
