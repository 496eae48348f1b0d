import { describe, expect, it } from 'vitest';
import { formatIssue } from '../../src/lib/issues.ts';
import { buildCorpus, type DumpInput } from '../../src/lib/pipeline.ts';
import { readFixture } from '../helpers.ts';

// The reviewer's repros, run through the whole pipeline: a line the parser cannot read never loses an entry, never
// moves text to another entry, and is reported at its own line.

function run(dumps: DumpInput[]) {
  // Captured when the seeds were: yearless card dates resolve without a warning.
  const sources = Object.fromEntries(dumps.map((dump) => [dump.file, { captured: '2026-11-21' }]));
  const { papers, report } = buildCorpus(dumps, { sources });
  const messages = report.files.flatMap((file) => file.issues).concat(report.issues).map(formatIssue);
  // Every entry read ends in a paper or in the report.
  for (const file of report.files) expect(file.made + file.merged + file.reported, file.file).toBe(file.read);
  expect(messages.filter((message) => message.includes('does not fit the record schema'))).toEqual([]);
  return { papers, report, messages };
}

const seed003 = readFixture('seed-data/listings/003_9486e5228bd94662.txt').split('\n');
// Real abstracts of seed 003 and their ids.
const real = [
  { abstract: seed003[0] ?? '', id: '2510.15464' },
  { abstract: seed003[7] ?? '', id: '2509.23730' },
  { abstract: seed003[12] ?? '', id: '2509.21584' },
  { abstract: seed003[17] ?? '', id: '2509.04226' },
  { abstract: seed003[22] ?? '', id: '2508.15804' },
];
const seed000 = readFixture('seed-data/listings/000_80704c9de50da4f0.txt').split('\n');

describe('arXiv id listings', () => {
  it('keeps both papers of the repro with an "Abstract:" prefix and an unreadable Created line', () => {
    const text = [
      'Abstract: We study the problem of learning to generate an answer to a question in many settings.',
      '',
      'arXiv:2301.00001',
      'Created: 2023-01-02 (v1)',
      '',
      'Second abstract which belongs to the paper with the id below and nothing else at all.',
      '',
      'arXiv:2301.00002',
      'Created: 2023-01-03',
      '',
    ].join('\n');
    const { papers, report, messages } = run([{ file: 'listings/ids.txt', text }]);
    expect(report.summary).toMatchObject({ entries: 2, papers: 2, reported: 0, errors: 1, warnings: 0 });
    const byId = Object.fromEntries(papers.map((paper) => [paper.arxivId, paper]));
    expect(byId['2301.00001']?.abstract).toBe('We study the problem of learning to generate an answer to a question in many settings.');
    expect(byId['2301.00002']?.abstract).toBe('Second abstract which belongs to the paper with the id below and nothing else at all.');
    expect(papers.map((paper) => paper.comments)).toEqual(papers.map(() => null));
    expect(messages).toEqual([expect.stringMatching(/^listings\/ids\.txt:4: date line "Created: 2023-01-02 \(v1\)" cannot be read; expected "Created: YYYY-MM-DD"/)]);
  });

  it('reads cross-list, replaced, PDF-stamp and URL id lines with the abstract above each', () => {
    const ids = [
      `arXiv:${real[0]?.id} (cross-list from cs.AI) [pdf, html, other]`,
      `arXiv:${real[1]?.id} (replaced) [pdf, html, other]`,
      `arXiv:${real[2]?.id}v1 [cs.LG] 17 Oct 2025`,
      `https://arxiv.org/abs/${real[3]?.id}`,
      `arXiv:${real[4]?.id}`,
    ];
    const text = real.map((entry, index) => `${entry.abstract}\n\n${ids[index]}\n`).join('\n');
    const { papers, report } = run([{ file: 'ids.txt', text }]);
    expect(report.summary).toMatchObject({ entries: 5, papers: 5, reported: 0, errors: 0, warnings: 0 });
    for (const entry of real) expect(papers.find((paper) => paper.arxivId === entry.id)?.abstract, entry.id).toBe(entry.abstract);
    expect(papers.find((paper) => paper.arxivId === real[0]?.id)?.categories.map((category) => category.id)).toEqual(['cs.AI']);
    expect(papers.find((paper) => paper.arxivId === real[2]?.id)?.categories.map((category) => category.id)).toEqual(['cs.LG']);
    expect(papers.map((paper) => paper.comments)).toEqual(papers.map(() => null));
  });

  it('makes version 0 a parse error at the id line, not a schema error elsewhere', () => {
    const text = `${real[0]?.abstract}\n\narXiv:${real[0]?.id}\n\n${real[1]?.abstract}\n\narXiv:${real[1]?.id}v0\nCreated: 2025-09-28\n`;
    const { report, messages } = run([{ file: 'ids.txt', text }]);
    expect(report.summary).toMatchObject({ entries: 2, errors: 1 });
    expect(messages.filter((message) => message.includes('versions start at v1'))).toEqual([expect.stringMatching(/^ids\.txt:7: id line "arXiv:2509\.23730v0"/)]);
  });

  it('makes any other line starting with "arXiv:" an error that still ends its entry', () => {
    const text = `${real[0]?.abstract}\n\narXiv:${real[0]?.id} see the journal version\n\n${real[1]?.abstract}\n\narXiv:${real[1]?.id}\n`;
    const { papers, report, messages } = run([{ file: 'ids.txt', text }]);
    expect(report.summary).toMatchObject({ entries: 2, papers: 2, errors: 1 });
    expect(papers.find((paper) => paper.arxivId === real[1]?.id)?.abstract).toBe(real[1]?.abstract);
    expect(papers.map((paper) => paper.comments)).toEqual(papers.map(() => null));
    expect(messages).toEqual([expect.stringMatching(/^ids\.txt:3: id line .*"see the journal version" after the id/)]);
  });
});

describe('card listings', () => {
  const cards = (secondHeader: string, thirdHeader: string, prefix = '') =>
    [seed000[0], seed000[1], `${prefix}${seed000[2]}`, secondHeader, seed000[4], `${prefix}${seed000[5]}`, thirdHeader, seed000[7], `${prefix}${seed000[8]}`].join('\n');

  it('keeps every card of the repro: a header without its comma is read, a two-digit year is an error', () => {
    const { papers, report, messages } = run([{ file: 'listings/000_x.txt', text: cards('CL Jun 4 2024', 'GTJun 5, 24') }]);
    expect(report.summary).toMatchObject({ entries: 3, papers: 3, reported: 0, errors: 1, warnings: 0 });
    expect(papers.map((paper) => paper.abstract).sort()).toEqual([seed000[2], seed000[5], seed000[8]].sort());
    expect(papers.find((paper) => paper.abstract === seed000[5])?.published).toBe('2024-06-04');
    expect(messages).toEqual([expect.stringMatching(/^listings\/000_x\.txt:7: header "GTJun 5, 24" cannot be read: its year has fewer than four digits; expected/)]);
  });

  it('keeps the titles and authors of a card file with "Abstract:" prefixes and one bad header', () => {
    const { papers, report } = run([{ file: 'cards.txt', text: cards('CLJun 1', 'GTJun 5, 24', 'Abstract: ') }]);
    expect(report.files[0]?.format).toBe('card-listing');
    expect(report.summary).toMatchObject({ entries: 3, papers: 3, incomplete: 0 });
    expect(papers.map((paper) => paper.title).sort()).toEqual([
      "Agents' Last Exam",
      'Evaluating and Incentivizing Diverse Data Contributions in Collaborative Learning',
      'Plan, Verify and Fill: A Structured Parallel Decoding Approach for Diffusion Language Models',
    ]);
  });
});

describe('abstract-only listings', () => {
  it('keeps search page lines out of the abstract and merges it with its paper', () => {
    const ids = readFixture('seed-data/listings/003_9486e5228bd94662.txt');
    const page = [
      `Abstract:${real[0]?.abstract} ▽ More`,
      'Submitted 20 October, 2025; v1 submitted 17 October, 2025; originally announced October 2025.',
      'Comments: 20 pages, 3 figures',
      '',
    ].join('\n');
    const { papers, report, messages } = run([
      { file: 'ids.txt', text: ids },
      { file: 'search.txt', text: page },
    ]);
    expect(report.files.find((file) => file.file === 'search.txt')).toMatchObject({ read: 1, merged: 1, reported: 0 });
    const paper = papers.find((candidate) => candidate.arxivId === real[0]?.id);
    expect(paper?.abstract).toBe(real[0]?.abstract);
    expect(paper?.comments).toContain('20 pages, 3 figures');
    expect(paper?.comments).toContain('Comments are welcome');
    expect(messages).toEqual([]);
  });

  it('warns at each page line joined to an abstract', () => {
    const page = `Abstract:${real[0]?.abstract}\nThis paper was presented at a workshop and the slides are online too.\n`;
    const { report, messages } = run([{ file: 'search.txt', text: page }]);
    expect(report.summary.entries).toBe(1);
    expect(messages.filter((message) => message.startsWith('search.txt:2: a second abstract line'))).toHaveLength(1);
  });
});
