import fc from 'fast-check';
import { parseFragment, type DefaultTreeAdapterMap } from 'parse5';
import { describe, expect, it } from 'vitest';
import { buildCorpus } from '../../src/lib/pipeline.ts';
import { authorCategoryItemsHtml, authorPageHtml, coauthorItemsHtml, yearChartHtml } from '../../src/lib/render/author-html.ts';
import { paperListItemHtml } from '../../src/lib/render/linked-view.ts';
import { buildSiteData } from '../../src/lib/site-data.ts';
import { href } from '../../src/lib/url.ts';
import { seedDumps, seedSources } from '../helpers.ts';

type Node = DefaultTreeAdapterMap['childNode'] | DefaultTreeAdapterMap['documentFragment'];
type Element = { tag: string; attrs: Record<string, string>; text: string };

const seed = buildSiteData(buildCorpus(seedDumps(), { sources: seedSources() }).papers);

function elements(html: string): Element[] {
  const found: Element[] = [];
  const textOf = (node: Node): string => ('value' in node ? node.value : 'childNodes' in node ? node.childNodes.map(textOf).join('') : '');
  const visit = (node: Node) => {
    if ('tagName' in node) found.push({ tag: node.tagName, attrs: Object.fromEntries(node.attrs.map((attr) => [attr.name, attr.value])), text: textOf(node) });
    if ('childNodes' in node) for (const child of node.childNodes) visit(child);
  };
  visit(parseFragment(html));
  return found;
}

const hostileText = fc
  .array(fc.constantFrom('<script>alert(1)</script>', '"', "'", '>', '<', '&amp;', '&', ' onclick=alert(1) ', 'Ada', ' ', 'Lovelace', 'é'), { minLength: 1, maxLength: 10 })
  .map((parts) => parts.join(''));

describe('author page markup built as strings', () => {
  it('lists each co-author as a link to their page with the papers shared, any name kept as text', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(hostileText, fc.integer({ min: 1, max: 40 })), { maxLength: 6 }), (entries) => {
        const coauthors = entries.map(([name, count], index) => ({ slug: `a-${index}`, name, path: `authors/a-${index}/`, count }));
        const found = elements(coauthorItemsHtml(href, coauthors));
        expect(found.filter((element) => element.tag === 'li').map((item) => item.text)).toEqual(coauthors.map((coauthor) => `${coauthor.name} (${coauthor.count} shared paper${coauthor.count === 1 ? '' : 's'})`));
        expect(found.filter((element) => element.tag === 'a').map((link) => link.attrs)).toEqual(coauthors.map((coauthor) => ({ href: `/${coauthor.path}` })));
        expect(new Set(found.map((element) => element.tag))).toEqual(new Set(coauthors.length > 0 ? ['li', 'a', 'span'] : []));
      }),
      { numRuns: 200 },
    );
  });

  it('lists the categories named where the name is known, with their counts', () => {
    const html = authorCategoryItemsHtml(href, [
      { id: 'cs.LG', name: 'Machine Learning', path: 'categories/cs.LG/', count: 3 },
      { id: 'x.<b>', name: null, path: 'categories/x.<b>/', count: 1 },
    ]);
    expect(elements(html).filter((element) => element.tag === 'li').map((item) => item.text)).toEqual(['Machine Learning (cs.LG) (3 papers)', 'x.<b> (1 paper)']);
    expect(elements(html).map((element) => element.tag)).not.toContain('b');
  });

  it('charts every year from the first to the last, empty years as empty bars, named by a summary', () => {
    const found = elements(yearChartHtml([{ year: 2016, count: 1 }, { year: 2019, count: 4 }], `O'Brien <b>`));
    const svg = found.find((element) => element.tag === 'svg');
    const title = found.find((element) => element.tag === 'title');
    expect(svg?.attrs['aria-labelledby']).toBe(title?.attrs.id);
    expect(title?.text).toBe(`Papers per year by O'Brien <b>: 2016: 1, 2017: 0, 2018: 0, 2019: 4`);
    const heights = found.filter((element) => element.tag === 'rect').map((bar) => Number(bar.attrs.height));
    expect(heights).toEqual([16.5, 0, 0, 66]);
    expect(found.filter((element) => element.tag === 'text').map((label) => label.text)).toEqual(['1', "'16", "'17", "'18", '4', "'19"]);
    expect(found.map((element) => element.tag)).not.toContain('b');
    expect(yearChartHtml([], 'Nobody')).toBe('');
  });

  it('charts each seed author with one bar per year of their span and their paper count in total', () => {
    for (const author of seed.authors) {
      const found = elements(yearChartHtml(author.years, author.name));
      const dated = author.papers.filter((view) => view.paper.published !== null).length;
      if (author.years.length === 0) {
        expect(found).toEqual([]);
        continue;
      }
      const span = (author.years.at(-1)?.year ?? 0) - (author.years[0]?.year ?? 0) + 1;
      expect(found.filter((element) => element.tag === 'rect')).toHaveLength(span);
      const counts = found.filter((element) => element.tag === 'text' && !element.text.startsWith("'")).map((label) => Number(label.text));
      expect(counts.reduce((sum, count) => sum + count, 0)).toBe(dated);
    }
  });

  it('lays out an author page: the name, the count, the chart, co-authors and categories when there are any, then the papers', () => {
    const author = [...seed.authors].sort((a, b) => b.papers.length - a.papers.length)[0];
    if (!author) throw new Error('the seed has authors');
    const found = elements(authorPageHtml(href, author, (view) => paperListItemHtml(view, 3)));
    const headings = found.filter((element) => /^h[1-6]$/.test(element.tag));
    expect(headings.slice(0, 4).map((heading) => `${heading.tag} ${heading.text}`)).toEqual([`h1 ${author.name}`, 'h2 Co-authors', 'h2 Categories', 'h2 Papers']);
    expect(headings.slice(4).every((heading) => heading.tag === 'h3')).toBe(true);
    expect(found.find((element) => element.tag === 'p')?.text).toBe(`${author.papers.length} papers`);
    expect(found.filter((element) => element.tag === 'rect')).toHaveLength(author.years.at(-1)!.year - author.years[0]!.year + 1);
    const list = found.find((element) => element.tag === 'ol');
    expect(list?.attrs.class).toBe('paper-list');
    expect(found.filter((element) => element.tag === 'h3').map((heading) => heading.text)).toEqual(author.papers.map((view) => view.titlePlain));
  });

  it('keeps a hostile author name as text and leaves out empty co-author and category lists', () => {
    fc.assert(
      fc.property(hostileText, (name) => {
        const author = { ...seed.authors[0]!, name, coauthors: [], categories: [] };
        const found = elements(authorPageHtml(href, author, () => '<li>item</li>'));
        expect(found.find((element) => element.tag === 'h1')?.text).toBe(name);
        expect(found.filter((element) => element.tag === 'section')).toHaveLength(0);
        // The one link is the author's feed, named with the name as text.
        expect(found.filter((element) => element.tag === 'a').map((element) => element.text)).toEqual([`RSS feed of ${name}'s newest papers`]);
        expect(new Set(found.map((element) => element.tag))).toEqual(new Set(['h1', 'p', 'a', 'div', 'h2', 'ol', 'li', ...(author.years.length > 0 ? ['figure', 'svg', 'title', 'g', 'rect', 'text'] : [])]));
      }),
      { numRuns: 100 },
    );
  });
});
