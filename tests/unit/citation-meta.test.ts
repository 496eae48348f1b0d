import { parse } from 'parse5';
import { describe, expect, it } from 'vitest';
import { buildCorpus } from '../../src/lib/pipeline.ts';
import { citationMetaHtml } from '../../src/lib/render/citation-meta.ts';
import { richTextToPlain } from '../../src/lib/render/rich-text.ts';
import type { Paper } from '../../src/lib/schema.ts';
import { seedDumps, seedSources } from '../helpers.ts';

const papers = buildCorpus(seedDumps(), { sources: seedSources() }).papers;

interface Node {
  nodeName: string;
  attrs?: Array<{ name: string; value: string }>;
  childNodes?: Node[];
}

// The (name, content) pairs of the meta tags in some markup, as a browser parses them.
function metaTags(html: string): Array<[string, string]> {
  const found: Array<[string, string]> = [];
  const walk = (node: Node) => {
    if (node.nodeName === 'meta') {
      const attr = (name: string) => node.attrs?.find((a) => a.name === name)?.value ?? '';
      found.push([attr('name'), attr('content')]);
    }
    node.childNodes?.forEach(walk);
  };
  walk(parse(`<!doctype html><html><head>${html}</head></html>`) as unknown as Node);
  return found;
}

describe('citation meta tags', () => {
  it('give a titled seed paper its title, every author and its date', () => {
    const paper = papers.find((candidate) => candidate.title !== null && candidate.authors.length > 1 && candidate.published !== null);
    expect(paper).toBeDefined();
    if (!paper) return;
    expect(metaTags(citationMetaHtml(paper, paper.title ?? ''))).toEqual([
      ['citation_title', paper.title],
      ...paper.authors.map((author) => ['citation_author', author.name]),
      ['citation_publication_date', paper.published?.replaceAll('-', '/')],
    ]);
  });

  it('give a seed paper known by its arXiv id the id and the PDF, and no title its listings lack', () => {
    const paper = papers.find((candidate) => candidate.arxivId !== null && candidate.title === null);
    expect(paper).toBeDefined();
    if (!paper) return;
    expect(metaTags(citationMetaHtml(paper, `arXiv:${paper.arxivId}`))).toEqual([
      ['citation_publication_date', paper.published?.replaceAll('-', '/')],
      ['citation_arxiv_id', paper.arxivId],
      ['citation_pdf_url', `https://arxiv.org/pdf/${paper.arxivId}`],
    ]);
  });

  it('give the title as plain text, math and LaTeX read, never as its source', () => {
    const seed = papers[0] as Paper;
    const paper: Paper = { ...seed, title: 'Tight Bounds of $\\Theta(n)$ for \\emph{Fast} Gr\\"obner Bases' };
    const [title] = metaTags(citationMetaHtml(paper, richTextToPlain(paper.title ?? '')));
    expect(title).toEqual(['citation_title', 'Tight Bounds of Θ(n) for Fast Gröbner Bases']);
  });

  it('keep hostile text as text', () => {
    const seed = papers[0] as Paper;
    const hostile: Paper = { ...seed, title: null, arxivId: null, authors: [{ name: '"><script>alert(1)</script>', slug: 'x' }] };
    const html = citationMetaHtml(hostile, 'arXiv:none');
    expect(html).not.toContain('<script');
    expect(metaTags(html)).toEqual([
      ['citation_author', '"><script>alert(1)</script>'],
      ['citation_publication_date', seed.published?.replaceAll('-', '/')],
    ]);
  });
});
