import fc from 'fast-check';
import { parseFragment, type DefaultTreeAdapterMap } from 'parse5';
import { describe, expect, it } from 'vitest';
import { buildCorpus } from '../../src/lib/pipeline.ts';
import { loadCorpus } from '../../src/lib/read-data-dir.ts';
import { siteConfig } from '../../src/config.ts';
import { renderLinkedFragments } from '../../src/lib/render/linked-fragments.ts';
import { linkedFragmentsOf, paperListItemHtml } from '../../src/lib/render/linked-view.ts';
import { authorLinksHtml, categoryTagsHtml, paperDateHtml } from '../../src/lib/render/paper-html.ts';
import { siteLinks } from '../../src/lib/site-links.ts';
import { href } from '../../src/lib/url.ts';
import { buildSiteData } from '../../src/lib/site-data.ts';
import { fixturePath, seedDumps, seedSources } from '../helpers.ts';

type Node = DefaultTreeAdapterMap['childNode'] | DefaultTreeAdapterMap['documentFragment'];

const seed = buildSiteData(buildCorpus(seedDumps(), { sources: seedSources() }).papers);

function elements(html: string): Array<{ tag: string; attrs: Record<string, string>; text: string }> {
  const found: Array<{ tag: string; attrs: Record<string, string>; text: string }> = [];
  const textOf = (node: Node): string => ('value' in node ? node.value : 'childNodes' in node ? node.childNodes.map(textOf).join('') : '');
  const visit = (node: Node) => {
    if ('tagName' in node) found.push({ tag: node.tagName, attrs: Object.fromEntries(node.attrs.map((attr) => [attr.name, attr.value])), text: textOf(node) });
    if ('childNodes' in node) for (const child of node.childNodes) visit(child);
  };
  const fragment = parseFragment(html);
  visit(fragment);
  return found;
}

// Markup-looking text: tags, attribute breakers, entities, handlers.
const hostileText = fc
  .array(fc.constantFrom('<script>alert(1)</script>', '"', "'", '>', '<', '&amp;', '&', ' onclick=alert(1) ', '<img src=x onerror=alert(1)>', 'Ada', ' ', 'Lovelace', 'é'), { minLength: 1, maxLength: 12 })
  .map((parts) => parts.join(''));

describe('paper markup built as strings', () => {
  it('keeps any author name as text: one link per author, no other element', () => {
    fc.assert(
      fc.property(fc.array(hostileText, { minLength: 1, maxLength: 5 }), fc.boolean(), (names, truncated) => {
        const authors = names.map((name, index) => ({ name, slug: `author-${index}` }));
        const found = elements(authorLinksHtml(href, authors, truncated));
        const links = found.filter((element) => element.tag === 'a');
        expect(links.map((link) => link.text)).toEqual(names);
        expect(links.map((link) => Object.keys(link.attrs))).toEqual(names.map(() => ['href']));
        expect(found.filter((element) => element.tag !== 'a').map((element) => element.tag)).toEqual(truncated ? ['span', 'span'] : []);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps any category name as text, in the title attribute and the hidden label', () => {
    fc.assert(
      fc.property(hostileText, fc.boolean(), (name, named) => {
        const found = elements(categoryTagsHtml(href, [{ id: 'cs.LG', name }], named));
        const link = found.find((element) => element.tag === 'a');
        expect(link?.attrs.href).toBe('/categories/cs.LG/');
        expect(link?.text).toBe(named ? `${name} (cs.LG)` : `cs.LG (${name})`);
        if (!named) expect(link?.attrs.title).toBe(name);
        expect(found.map((element) => element.tag)).toEqual(named ? ['ul', 'li', 'a'] : ['ul', 'li', 'a', 'span']);
      }),
      { numRuns: 300 },
    );
  });

  it('marks an incomplete author list with "et al." and says why to screen readers', () => {
    const truncated = seed.papers.find((view) => view.paper.authorsTruncated);
    expect(truncated).toBeDefined();
    const html = authorLinksHtml(href, truncated?.paper.authors ?? [], true);
    expect(elements(html).find((element) => element.attrs.class === 'et-al')?.text).toMatch(/^ et al\. \(the listing showed only the first authors/);
    expect(authorLinksHtml(href, [], false)).toBe('<span>Authors not given</span>');
  });

  it('writes dates as <time> with the ISO date and the listing style', () => {
    expect(paperDateHtml('2026-06-03')).toBe('<time datetime="2026-06-03">3 Jun 2026</time>');
  });

  it('gives each seed paper a list item with its title link, every author, its date and categories', () => {
    for (const view of seed.papers) {
      const found = elements(paperListItemHtml(view, 3));
      const heading = found.find((element) => element.tag === 'h3');
      expect(heading?.attrs.class).toBe('paper-title');
      expect(found.find((element) => element.tag === 'a')?.attrs.href).toBe(`/${view.path}`);
      const authorLinks = found.filter((element) => element.attrs.href?.startsWith('/authors/'));
      expect(authorLinks.map((link) => link.text)).toEqual(view.paper.authors.map((author) => author.name));
      expect(found.find((element) => element.tag === 'time')?.attrs.datetime).toBe(view.paper.published ?? undefined);
      expect(found.filter((element) => element.attrs.href?.startsWith('/categories/')).map((link) => link.attrs.href)).toEqual(view.paper.categories.map((category) => `/categories/${category.id}/`));
      expect(found.some((element) => element.attrs.class === 'badge')).toBe(view.paper.hasCode);
      expect(found.some((element) => element.attrs.class === 'excerpt')).toBe(view.paper.abstract !== null);
    }
  });

  it('builds the item of a paper once and reuses it at every heading level', () => {
    const view = seed.papers[0];
    if (!view) throw new Error('the seed has papers');
    let built = 0;
    const counted = { ...view, get titleHtml() {
      built++;
      return view.titleHtml;
    } };
    expect(paperListItemHtml(counted, 3)).toBe(paperListItemHtml(counted, 3));
    expect(built).toBe(1);
    paperListItemHtml(counted, 2);
    expect(built).toBe(1);
    expect(paperListItemHtml(view, 2)).toMatch(/^<li><h2 class="paper-title">/);
    expect(paperListItemHtml(view, 2).replace(/h2/g, 'h3')).toBe(paperListItemHtml(view, 3));
  });

  it('makes the same linked markup on the data-files worker, from the site settings, as the pages make', () => {
    const links = siteLinks(siteConfig.site, import.meta.env.BASE_URL);
    for (const view of seed.papers) {
      const fromWorker = renderLinkedFragments(view.paper, view, links);
      expect(fromWorker).toEqual(linkedFragmentsOf(view));
      // What a view from the worker's fragments gets: the worker's markup as it is.
      expect(linkedFragmentsOf({ ...view, linked: fromWorker })).toBe(fromWorker);
    }
  });

  it('links under the base and site it is given', () => {
    const view = seed.papers.find((candidate) => candidate.paper.authors.length > 0 && candidate.paper.categories.length > 0);
    if (!view) throw new Error('the seed has a paper with authors and categories');
    const linked = renderLinkedFragments(view.paper, view, siteLinks('https://example.org/lab/', '/shelf'));
    const hrefs = elements(`${linked.listItem.heading}${linked.listItem.rest}`).flatMap((element) => (element.attrs.href ? [element.attrs.href] : []));
    expect(hrefs.length).toBeGreaterThan(2);
    for (const link of hrefs) expect(link).toMatch(/^\/shelf\/(?:papers|authors|categories)\//);
    const data = JSON.parse(linked.jsonLd) as { url: string; author: Array<{ url: string }> };
    expect(data.url).toBe(`https://example.org/shelf/${view.path}`);
    for (const author of data.author) expect(author.url).toMatch(/^https:\/\/example\.org\/shelf\/authors\//);
  });

  it('lets no markup through from the hostile records', async () => {
    const { papers } = await loadCorpus(fixturePath('hostile-data'));
    const allowed = new Set(['li', 'h3', 'a', 'span', 'p', 'div', 'time', 'ul', 'em', 'strong', 'cite', 'math', 'semantics', 'mrow', 'mi', 'mn', 'mo', 'msup', 'msub', 'mtext', 'annotation', 'svg', 'path', 'mspace', 'mfrac', 'msqrt', 'mstyle', 'menclose', 'mpadded', 'munderover', 'munder', 'mover', 'msubsup', 'line']);
    for (const view of buildSiteData(papers).papers) {
      for (const element of elements(paperListItemHtml(view, 3))) {
        expect(allowed.has(element.tag), `<${element.tag}> in the item of ${view.paper.id}`).toBe(true);
        expect(Object.keys(element.attrs).filter((name) => /^on/i.test(name))).toEqual([]);
        if (element.tag === 'a') expect(element.attrs.href).toMatch(/^\/(?:papers|authors|categories)\//);
      }
    }
  });
});
