import { describe, expect, it } from 'vitest';
import { movedPaperIds } from '../../src/lib/moved-papers.ts';
import { buildCorpus } from '../../src/lib/pipeline.ts';
import { movedPaperHtml } from '../../src/lib/render/moved-html.ts';
import type { Paper } from '../../src/lib/schema.ts';
import { buildSiteData, type PaperView } from '../../src/lib/site-data.ts';
import { siteLinks } from '../../src/lib/site-links.ts';
import { readFixture } from '../helpers.ts';

// The first card of seed 000 (header, title line, abstract), and the same paper as an arXiv id listing gives it.
const [header = '', titleLine = '', abstract = ''] = readFixture('seed-data/listings/000_80704c9de50da4f0.txt').replace(/^\uFEFF/, '').split(/\r?\n/).filter((line) => line.trim() !== '');
const card = { file: 'a-cards.txt', text: `${header}\n${titleLine}\n${abstract}\n` };
const idListing = { file: 'b-ids.txt', text: `${abstract}\n\narXiv:2606.01234 [cs.AI]\nCreated: 2026-06-03\n` };

describe('addresses of papers that gained an arXiv id', () => {
  it('keeps the title address a card gave a paper once an id listing names it', () => {
    const before = buildCorpus([card]).papers;
    const after = buildCorpus([card, idListing]).papers;
    expect(before).toHaveLength(1);
    expect(after.map((paper) => paper.id)).toEqual(['2606.01234']);
    expect(movedPaperIds(after).map(({ from, to }) => [from, to.id])).toEqual([[before[0]?.id, '2606.01234']]);
    expect(movedPaperIds(before)).toEqual([]);
  });

  it('keeps no address another paper holds now, and none for a paper only an id listing knows', () => {
    const after = buildCorpus([card, idListing]).papers;
    const holder = { ...(after[0] as (typeof after)[number]), id: movedPaperIds(after)[0]?.from ?? '', arxivId: null };
    expect(movedPaperIds([...after, holder])).toEqual([]);
    expect(movedPaperIds(buildCorpus([idListing]).papers)).toEqual([]);
  });

  it('writes the old address as a document that leads on at once, its title escaped, under the base', () => {
    const paper = buildCorpus([card, idListing]).papers[0] as Paper;
    const hostile = { ...paper, title: 'A <script>alert(1)</script> & "Study"' };
    const view = buildSiteData([hostile]).papers[0] as PaperView;
    const html = movedPaperHtml(view, siteLinks('https://example.org', '/shelf/'));
    expect(html).toContain('<meta http-equiv="refresh" content="0; url=/shelf/papers/2606.01234/">');
    expect(html).toContain('<link rel="canonical" href="https://example.org/shelf/papers/2606.01234/">');
    expect(html).toContain('<meta name="robots" content="noindex">');
    expect(html).not.toContain('<script');
    expect(html).toContain('<title>Moved: A &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Study&quot;</title>');
  });
});
