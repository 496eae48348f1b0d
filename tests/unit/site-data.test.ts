import { describe, expect, it } from 'vitest';
import { uniqueBibtexKeys } from '../../src/lib/bibtex.ts';
import { buildCorpus } from '../../src/lib/pipeline.ts';
import { renderLinkedFragments } from '../../src/lib/render/linked-fragments.ts';
import { renderPaperFragments } from '../../src/lib/render/paper-fragments.ts';
import type { Paper } from '../../src/lib/schema.ts';
import { buildSiteData, type PaperView } from '../../src/lib/site-data.ts';
import { siteLinks } from '../../src/lib/site-links.ts';
import { seedDumps, seedSources } from '../helpers.ts';

const records = buildCorpus(seedDumps(), { sources: seedSources() }).papers;

// Every field of a view, read through its getters where it has them.
function fieldsOf(view: PaperView): Record<string, unknown> {
  return Object.fromEntries(Object.keys(view).map((key) => [key, view[key as keyof PaperView]]).concat([['titlePlain', view.titlePlain]]));
}

describe('the route data', () => {
  it('gives a paper the same view from the worker’s fragments as from rendering on first use', () => {
    const links = siteLinks('https://example.org', '/');
    // As the worker makes them: citation keys unique in site order (the records are in it already).
    const keys = uniqueBibtexKeys(records);
    const rendered = new Map(records.map((paper) => {
      const text = renderPaperFragments(paper, undefined, keys.get(paper.id));
      return [paper.id, { ...text, linked: renderLinkedFragments(paper, text, links) }];
    }));
    const fromWorker = buildSiteData(records, undefined, rendered);
    const renderedHere = buildSiteData(records);
    expect(fromWorker.papers.map((view) => view.paper.id)).toEqual(renderedHere.papers.map((view) => view.paper.id));
    fromWorker.papers.forEach((view, index) => {
      const here = renderedHere.papers[index] as PaperView;
      // The worker's linked markup comes through as it is; without the worker the pages make it (render/linked-view.ts).
      expect(view.linked).toBe(rendered.get(view.paper.id)?.linked);
      expect(fieldsOf(view)).toEqual({ ...fieldsOf(here), linked: view.linked });
    });
  });

  it('sorts co-authors with equal counts by surname, in the order of the A–Z index', () => {
    const paper = records.find((candidate) => candidate.authors.length > 0) as Paper;
    const names = ['Zoë Adams', 'émile Borel', 'Émile Borel', 'Ada Lovelace', 'ada lovelace', 'Øystein Ore'];
    const authors = names.map((name, index) => ({ name, slug: `author-${index}` }));
    const site = buildSiteData([{ ...paper, authors: [{ name: 'Center', slug: 'center' }, ...authors] }]);
    const center = site.authorBySlug.get('center');
    const indexOrder = site.authors.map((author) => author.name).filter((name) => names.includes(name));
    expect(center?.coauthors.map((coauthor) => coauthor.name)).toEqual(indexOrder);
    expect(indexOrder.map((name) => name.split(' ')[1])).toEqual(['Adams', 'Borel', 'Borel', 'Lovelace', 'lovelace', 'Ore']);
  });

  it('files an organisation under its whole name and a person under the surname', () => {
    const paper = records.find((candidate) => candidate.authors.length > 0) as Paper;
    const names = ['Google DeepMind', 'Gemini Team', 'Yann LeCun', 'Aäron van den Oord'];
    const site = buildSiteData([{ ...paper, authors: names.map((name, index) => ({ name, slug: `author-${index}` })) }]);
    expect(site.authors.map((author) => [author.name, author.letter])).toEqual([
      ['Gemini Team', 'G'],
      ['Google DeepMind', 'G'],
      ['Yann LeCun', 'L'],
      ['Aäron van den Oord', 'O'],
    ]);
  });

  it('ranks the ten most frequent authors of a category and counts those tied with the tenth', () => {
    const site = buildSiteData(records);
    const largest = [...site.categories].sort((a, b) => b.papers.length - a.papers.length)[0];
    const counts = new Map<string, number>();
    for (const view of largest?.papers ?? []) for (const author of new Set(view.paper.authors.map((a) => a.slug))) counts.set(author, (counts.get(author) ?? 0) + 1);
    const ranked = largest?.topAuthors;
    expect(ranked?.shown).toHaveLength(10);
    expect(ranked?.shown.map((author) => author.count)).toEqual(ranked?.shown.map((author) => counts.get(author.slug)));
    const tenth = ranked?.shown[9]?.count ?? 0;
    const tiedWithTenth = [...counts.values()].filter((count) => count === tenth).length;
    const shownWithTenth = ranked?.shown.filter((author) => author.count === tenth).length ?? 0;
    expect(ranked?.tiedBeyond).toBe(tiedWithTenth - shownWithTenth);
    const shown = new Set(ranked?.shown.map((author) => author.slug));
    expect([...counts].filter(([slug]) => !shown.has(slug)).every(([, count]) => count <= tenth)).toBe(true);
    // The seeds' largest category cuts its list in a tie, so the count above is not trivially zero.
    expect(ranked?.tiedBeyond).toBeGreaterThan(0);
  });

  it('refuses a listed category named "uncategorised" when some paper has no category, as its page would take that path', () => {
    const [withCategory, without] = [records.find((paper) => paper.categories.length > 0), records.find((paper) => paper.categories.length === 0)] as [Paper, Paper];
    const named = { ...withCategory, categories: [{ id: 'uncategorised', name: null }] };
    expect(() => buildSiteData([named, without])).toThrow(/names a category "uncategorised".*npm run check-data names its line/);
    expect(buildSiteData([named]).categoryById.has('uncategorised')).toBe(true);
  });

  it('puts a paper on the page of the profile owner "et al." hides, with the shown authors as co-authors, and says so in the byline', () => {
    const paper = records.find((candidate) => candidate.authorsTruncated && candidate.authors.length === 3) as Paper;
    const owner = { name: 'Ada Lovelace', slug: 'ada-lovelace' };
    const site = buildSiteData([{ ...paper, hiddenAuthors: [owner] }]);
    const page = site.authorBySlug.get('ada-lovelace');
    expect(page?.papers.map((view) => view.paper.id)).toEqual([paper.id]);
    expect(page?.coauthors.map((coauthor) => coauthor.slug).sort()).toEqual(paper.authors.map((author) => author.slug).sort());
    const byline = site.papers[0]?.linked?.bylineHtml ?? renderLinkedFragments({ ...paper, hiddenAuthors: [owner] }, renderPaperFragments(paper), siteLinks('https://example.org', '/')).bylineHtml;
    expect(byline).toContain('<span class="hidden-authors">(among them <a href="/authors/ada-lovelace/">Ada Lovelace</a>)</span>');
    // A listing with no authors at all: the owner, and others.
    const none = renderLinkedFragments({ ...paper, authors: [], authorsTruncated: false, hiddenAuthors: [owner] }, renderPaperFragments(paper), siteLinks('https://example.org', '/')).bylineHtml;
    expect(none).toMatch(/^<a href="\/authors\/ada-lovelace\/">Ada Lovelace<\/a><span class="et-al"> and others/);
  });
});
