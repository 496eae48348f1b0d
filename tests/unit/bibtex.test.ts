import { describe, expect, it } from 'vitest';
import { toBibtex } from '../../src/lib/bibtex.ts';
import { buildCorpus } from '../../src/lib/pipeline.ts';
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
});
