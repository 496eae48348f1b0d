import { describe, expect, it } from 'vitest';
import { bibtexKey, toBibtex } from '../../src/lib/bibtex.ts';
import { buildCorpus } from '../../src/lib/pipeline.ts';
import type { Paper } from '../../src/lib/schema.ts';
import { seedDumps, seedSources } from '../helpers.ts';

const papers = buildCorpus(seedDumps(), { sources: seedSources() }).papers;

describe('BibTeX entries', () => {
  it('never gives a code repository as the url of the paper', () => {
    const withCode = papers.filter((paper) => paper.codeUrl !== null);
    expect(withCode.length).toBeGreaterThan(0);
    for (const paper of withCode) {
      const entry = toBibtex(paper);
      expect(entry).not.toContain(paper.codeUrl ?? '');
      if (paper.arxivId) expect(entry).toContain(`url = {https://arxiv.org/abs/${paper.arxivId}},`);
      else expect(entry).not.toMatch(/^\s*url = /m);
    }
  });

  it('makes the key from the title as read, never from its TeX', () => {
    const seed = papers.find((paper) => paper.authors.length > 0 && paper.published !== null) as Paper;
    const key = (title: string) => bibtexKey({ ...seed, title });
    const prefix = key('Zebra').replace(/zebra$/, '');
    expect(key('Gr\\"obner Bases for Rings')).toBe(`${prefix}grobner`);
    expect(key('$\\mathcal{O}(\\sqrt{T})$ Regret Bounds')).toBe(`${prefix}regret`);
    expect(key('\\textsc{Bert} Models')).toBe(`${prefix}bert`);
  });

  it('escapes the characters LaTeX reads specially in a title, once', () => {
    const seed = papers[0] as Paper;
    const entry = toBibtex({ ...seed, title: 'R&D at 95% Scale \\& #1' });
    expect(entry).toContain('title = {R\\&D at 95\\% Scale \\& \\#1},');
  });
});
