import { describe, expect, it } from 'vitest';
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
    const rendered = new Map(records.map((paper) => {
      const text = renderPaperFragments(paper);
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
});
