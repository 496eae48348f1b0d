import { describe, expect, it } from 'vitest';
import { bibtexKey, toBibtex, uniqueBibtexKeys } from '../../src/lib/bibtex.ts';
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

describe('citation keys across a site', () => {
  const base = papers.find((paper) => paper.authors.length > 0 && paper.title !== null) as Paper;
  const twin = (id: string, title = base.title): Paper => ({ ...base, id, title });

  it('gives papers that share a key "b", "c", … from the oldest on (site order is newest first), and changes no unique key', () => {
    const others = papers.filter((paper) => paper.id !== base.id);
    const keys = uniqueBibtexKeys([twin('newest'), twin('newer'), twin('oldest'), ...others]);
    const key = bibtexKey(base);
    expect([keys.get('oldest'), keys.get('newer'), keys.get('newest')]).toEqual([key, `${key}b`, `${key}c`]);
    // A newer paper with the same key, added later, leaves the keys already given as they were.
    const added = uniqueBibtexKeys([twin('added'), twin('newest'), twin('newer'), twin('oldest'), ...others]);
    expect([added.get('oldest'), added.get('newer'), added.get('newest'), added.get('added')]).toEqual([key, `${key}b`, `${key}c`, `${key}d`]);
    expect(new Set(keys.values()).size).toBe(keys.size);
    for (const paper of others) {
      if (others.filter((other) => bibtexKey(other) === bibtexKey(paper)).length === 1 && bibtexKey(paper) !== key) expect(keys.get(paper.id)).toBe(bibtexKey(paper));
    }
    expect(toBibtex(twin('newer'), keys.get('newer'))).toContain(`@misc{${key}b,`);
  });

  it('never gives a suffixed key that another paper has as its own', () => {
    const engines = twin('one', 'Engines');
    const key = bibtexKey(engines);
    // A paper whose own key is what the second "Engines" would otherwise get.
    const owner = twin('owner', 'Enginesb');
    expect(bibtexKey(owner)).toBe(`${key}b`);
    const keys = uniqueBibtexKeys([twin('two', 'Engines'), engines, owner]);
    expect([keys.get('one'), keys.get('two'), keys.get('owner')]).toEqual([key, `${key}c`, `${key}b`]);
  });
});
