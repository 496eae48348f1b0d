import { describe, expect, it, vi } from 'vitest';
import { buildCorpus } from '../../src/lib/pipeline.ts';
import { PaperSchema, type Paper } from '../../src/lib/schema.ts';
import { seedDumps, seedSources } from '../helpers.ts';

const corpus = buildCorpus(seedDumps(), { sources: seedSources() });
const byTitle = (start: string): Paper => byTitleIn(corpus.papers, start);
const fileOf = (name: string) => `listings/${name}`;

describe('the seed corpus', () => {
  it('makes 45 papers with no error, no warning and no incomplete record', () => {
    expect(corpus.papers).toHaveLength(45);
    expect(corpus.report.summary).toEqual({ files: 4, entries: 56, papers: 45, incomplete: 0, reported: 0, errors: 0, warnings: 0 });
  });

  it('makes 23 papers from seed 000, 12 new ones from seed 002 and 10 from seed 003, and attaches all ten abstracts of seed 001', () => {
    const counts = corpus.report.files.map((file) => [file.file, file.read, file.made, file.merged, file.reported]);
    expect(counts).toEqual([
      [fileOf('000_80704c9de50da4f0.txt'), 23, 23, 0, 0],
      [fileOf('001_fd2f3fd673fe7401.txt'), 10, 0, 10, 0],
      [fileOf('002_1b722824cdb08c64.txt'), 13, 12, 1, 0],
      [fileOf('003_9486e5228bd94662.txt'), 10, 10, 0, 0],
    ]);
    const abstractOnly = corpus.papers.flatMap((paper) => paper.sources.filter((source) => source.format === 'abstract-listing').map(() => paper));
    expect(abstractOnly).toHaveLength(10);
    expect(abstractOnly.every((paper) => paper.sources.some((source) => source.file === fileOf('000_80704c9de50da4f0.txt')))).toBe(true);
  });

  it('validates every record against the schema', () => {
    for (const paper of corpus.papers) expect(PaperSchema.safeParse(paper).success, paper.id).toBe(true);
  });

  it('builds HuPER exactly', () => {
    const paper = byTitle('HuPER');
    expect(paper).toMatchObject({
      id: 'huper-a-human-inspired-framework-for-phonetic-perception',
      arxivId: null,
      title: 'HuPER: A Human-Inspired Framework for Phonetic Perception',
      authors: [
        { name: 'Chenxu Guo', slug: 'chenxu-guo' },
        { name: 'Jiachen Lian', slug: 'jiachen-lian' },
        { name: 'Yisi Liu', slug: 'yisi-liu' },
      ],
      authorsTruncated: true,
      categories: [{ id: 'eess.AS', name: 'Audio and Speech Processing' }],
      published: '2026-02-02',
      publishedYearInferred: true,
      hasCode: true,
      codeUrl: 'https://github.com/HuPER29/HuPER',
      sources: [
        { file: fileOf('000_80704c9de50da4f0.txt'), line: 10, format: 'card-listing' },
        expect.objectContaining({ file: fileOf('001_fd2f3fd673fe7401.txt'), line: 3, format: 'abstract-listing' }),
      ],
    });
  });

  it('builds Plan, Verify and Fill with the comma in its title', () => {
    expect(byTitle('Plan, Verify')).toMatchObject({
      title: 'Plan, Verify and Fill: A Structured Parallel Decoding Approach for Diffusion Language Models',
      authors: [{ name: 'Miao Li' }, { name: 'Hanyang Jiang' }, { name: 'Sikai Cheng' }],
      categories: [{ id: 'cs.CL', name: 'Computation and Language' }],
      published: '2026-06-01',
    });
  });

  it('builds OVERT with its affiliation', () => {
    expect(byTitle('OVERT')).toMatchObject({
      authors: [{ name: 'Ziheng Cheng' }, { name: 'Yixiao Huang' }, { name: 'Hui Xu' }],
      authorsTruncated: true,
      affiliations: ['berkeley'],
      published: '2025-05-27',
      publishedYearInferred: false,
    });
  });

  it('builds the reversal-curse paper from its dated Code card', () => {
    expect(byTitle('Towards a Theoretical Understanding')).toMatchObject({
      title: "Towards a Theoretical Understanding of the 'Reversal Curse' via Training Dynamics",
      authors: [{ name: 'Hanlin Zhu' }, { name: 'Baihe Huang' }, { name: 'Shaolun Zhang' }],
      categories: [{ id: 'cs.LG', name: 'Machine Learning' }],
      published: '2024-05-07',
      hasCode: true,
    });
  });

  it('merges the other version of the DAVED abstract and keeps it in provenance', () => {
    const paper = byTitle('DAVED');
    expect(paper.abstract).toMatch(/^The acquisition of training data is crucial/);
    expect(paper.sources).toEqual([
      { file: fileOf('000_80704c9de50da4f0.txt'), line: 37, format: 'card-listing' },
      {
        file: fileOf('001_fd2f3fd673fe7401.txt'),
        line: 16,
        format: 'abstract-listing',
        superseded: { abstract: expect.stringMatching(/^Acquiring high-quality training data is essential/) },
      },
    ]);
  });

  it('merges the paper that seeds 000 and 002 share and keeps the higher score', () => {
    const paper = byTitle("Agents' Last Exam");
    expect(paper.score).toBe(96.9);
    expect(paper.sources.map((source) => source.file)).toEqual([fileOf('000_80704c9de50da4f0.txt'), fileOf('002_1b722824cdb08c64.txt')]);
  });

  it('gives arXiv id entries their id, version-free, with created and updated dates and comments', () => {
    const paper = corpus.papers.find((candidate) => candidate.id === '2510.15464');
    expect(paper).toMatchObject({ arxivId: '2510.15464', title: null, published: '2025-10-17', updated: '2025-10-20', comments: 'Comments are welcome', incomplete: false });
  });

  it('orders papers newest first', () => {
    const dates = corpus.papers.map((paper) => paper.published ?? '');
    expect(dates).toEqual([...dates].sort().reverse());
  });
});

describe('yearless dates without sources.json', () => {
  it('infers the year after the newest dated entry, and warns with the fix', () => {
    const { papers, report } = buildCorpus(seedDumps());
    expect(byTitleIn(papers, 'HuPER').published).toBe('2026-02-02');
    const warning = report.files[0]?.issues.find((issue) => issue.message.includes('no capture date'));
    expect(warning?.message).toContain('were put in 2026');
    expect(warning?.message).toContain('"listings/000_80704c9de50da4f0.txt": {"captured": "YYYY-MM-DD"}');
  });

  it('never uses the clock: the same input gives the same records on different days', () => {
    vi.useFakeTimers();
    try {
      vi.setSystemTime(new Date('2027-03-01T12:00:00Z'));
      const first = JSON.stringify(buildCorpus(seedDumps()));
      vi.setSystemTime(new Date('2031-12-31T23:59:00Z'));
      expect(JSON.stringify(buildCorpus(seedDumps()))).toBe(first);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('reporting', () => {
  it('keeps an abstract that matches nothing as an incomplete record and reports it', () => {
    const { papers, report } = buildCorpus([{ file: 'a.txt', text: 'Abstract:We study an orphan abstract that belongs to no paper of any other dump here.\n' }]);
    expect(papers).toEqual([expect.objectContaining({ incomplete: true, title: null, id: expect.stringMatching(/^abstract-[0-9a-f]{8}$/) })]);
    expect(report.issues).toEqual([expect.objectContaining({ file: 'a.txt', line: 1, message: expect.stringContaining('incomplete record') })]);
  });

  it('warns about unknown subject codes and keeps them', () => {
    const { papers, report } = buildCorpus([{ file: 'a.txt', text: 'QQJun 3, 2020\nA PaperAda Lovelace\n' }]);
    expect(papers[0]?.categories).toEqual([{ id: 'QQ', name: null }]);
    expect(report.files[0]?.issues[0]?.message).toContain('"QQ" is not in the arXiv taxonomy');
  });

  it('gives an old-style id its archive as category', () => {
    const { papers } = buildCorpus([{ file: 'a.txt', text: 'String theory abstract, long enough to be prose for sure.\n\narXiv:hep-th/9711200\nCreated: 1997-11-27\n' }]);
    expect(papers[0]).toMatchObject({ id: 'hep-th/9711200', categories: [{ id: 'hep-th', name: 'High Energy Physics - Theory' }] });
  });

  it('reports an invalid sources.json and an unreadable dump as errors', () => {
    const { report } = buildCorpus([{ file: 'bin.txt', error: 'looks like a binary file' }], { sources: { 'x.txt': { captured: 'June' } } });
    expect(report.summary.errors).toBe(2);
  });

  it('files the papers of a profile listing under its owner, named or hidden by "et al.", and says when a whole list does not name them', () => {
    const abstract = (n: number) => `We study the problem number ${n} of learning in a sentence long enough to be an abstract.`;
    const text = [
      `LGJun 3, 2024\nA First StudyAda Lovelace, Grace Hopper, Alan Turing et al.\n${abstract(1)}`,
      `LGJun 4, 2024\nA Second StudyBaihe Huang, Grace Hopper\n${abstract(2)}`,
      `LGJun 5, 2024\nA Third StudyAda Lovelace, Grace Hopper\n${abstract(3)}`,
    ].join('\n\n');
    const ids = { file: 'b-ids.txt', text: `${abstract(4)}\n\narXiv:2406.00004\n` };
    const { papers, report } = buildCorpus([{ file: 'a-profile.txt', text: `${text}\n` }, ids], {
      sources: { 'a-profile.txt': { captured: '2024-07-01', profileOf: 'Baihe Huang' }, 'b-ids.txt': { profileOf: 'Baihe Huang' } },
    });
    const hidden = (title: string) => papers.find((paper) => paper.title === title || paper.id === title)?.hiddenAuthors;
    expect(hidden('A First Study')).toEqual([{ name: 'Baihe Huang', slug: 'baihe-huang' }]);
    expect(hidden('A Second Study')).toEqual([]);
    expect(hidden('A Third Study')).toEqual([]);
    // An id listing names no authors: the owner is the one known.
    expect(hidden('2406.00004')).toEqual([{ name: 'Baihe Huang', slug: 'baihe-huang' }]);
    expect(report.files[0]?.issues.map((issue) => [issue.line, issue.message])).toEqual([
      [10, "this dump is Baihe Huang's profile (profileOf in sources.json), but this entry's whole author list does not name them; check the entry, or the profileOf entry"],
    ]);
    // Merged with a listing that names the owner, the paper has them in its authors, not hidden.
    const named = { file: 'c-named.txt', text: `LGJun 3, 2024\nA First StudyAda Lovelace, Baihe Huang\n${abstract(1)}\n` };
    const merged = buildCorpus([{ file: 'a-profile.txt', text: `${text}\n` }, named], { sources: { 'a-profile.txt': { profileOf: 'Baihe Huang' } } }).papers;
    const first = merged.find((paper) => paper.title === 'A First Study');
    expect([first?.authors.map((author) => author.name), first?.hiddenAuthors]).toEqual([['Ada Lovelace', 'Baihe Huang'], []]);
    // A whole list from another dump that does not name the owner: no "among them" after a complete list.
    const whole = { file: 'c-whole.txt', text: `LGJun 3, 2024\nA First StudyAda Lovelace, B. Huang\n${abstract(1)}\n` };
    const complete = buildCorpus([{ file: 'a-profile.txt', text: `${text}\n` }, whole], { sources: { 'a-profile.txt': { profileOf: 'Baihe Huang' } } }).papers;
    expect(complete.find((paper) => paper.title === 'A First Study')?.hiddenAuthors).toEqual([]);
  });

  it('makes a listed category named "uncategorised" an error at its line when some paper has no category', () => {
    const abstract = 'We study things in a sentence that is long enough to be an abstract of a paper.';
    const card = { file: 'cards.txt', text: `uncategorisedJun 3, 2024\nA Study of ThingsAda Lovelace\n${abstract}\n` };
    const ids = { file: 'ids.txt', text: 'A second paper proves other results about graphs, with a proof that is new.\n\narXiv:2510.15464\nCreated: 2025-10-17\n' };
    const { report } = buildCorpus([card, ids]);
    expect(report.issues.filter((issue) => issue.severity === 'error').map((issue) => [issue.file, issue.line, issue.message.slice(0, 40)])).toEqual([['cards.txt', 1, 'names the category "uncategorised", whos']]);
    // Without a paper that lacks a category there is no such page, and no error.
    expect(buildCorpus([card]).report.summary.errors).toBe(0);
  });

  it('names a misspelt sources.json key at its line, takes any note, and does not advise adding an entry that is there', () => {
    const sourcesText = '{\n  "cards.txt": {\n    "Captured": "2024-01-01",\n    "note": 5\n  }\n}\n';
    const text = 'LGJun 3\nA Study of ThingsAda Lovelace\nWe study things in a sentence that is long enough to be an abstract.\n';
    const { report } = buildCorpus([{ file: 'cards.txt', text }], { sources: JSON.parse(sourcesText), sourcesText });
    expect(report.issues.map((issue) => [issue.file, issue.line, issue.message])).toEqual([
      [
        'sources.json',
        3,
        'the entry for "cards.txt" has "Captured", which is not read; an entry has only "captured", "note" and "profileOf". Check the spelling; no capture date of this file is used until it is fixed',
      ],
    ]);
    expect(report.files[0]?.issues.map((issue) => issue.message)).toEqual([
      'has no capture date and no dated entry, so its 1 date without a year cannot be resolved and that paper has no date; fix sources.json (its error is reported), whose capture dates are not used until then',
    ]);
    // An entry with a note and no capture date: the advice is to add the date to it.
    const dateless = buildCorpus([{ file: 'cards.txt', text }], { sources: { 'cards.txt': { note: 'a profile' } } });
    expect(dateless.report.files[0]?.issues.map((issue) => issue.message)).toEqual([
      'has no capture date and no dated entry, so its 1 date without a year cannot be resolved and that paper has no date; add "captured": "YYYY-MM-DD" to the entry for "cards.txt" in sources.json',
    ]);
    // A note is free text, or anything: it is never read.
    const noted = buildCorpus([{ file: 'cards.txt', text }], { sources: { 'cards.txt': { captured: '2024-07-01', note: 5 } } });
    expect(noted.report.summary).toMatchObject({ errors: 0, warnings: 0 });
    expect(noted.papers[0]?.published).toBe('2024-06-03');
  });
});

function byTitleIn(papers: Paper[], start: string): Paper {
  const paper = papers.find((candidate) => candidate.title?.startsWith(start));
  if (!paper) throw new Error(`no paper titled ${start}`);
  return paper;
}
