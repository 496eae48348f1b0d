import { parseFragment, type DefaultTreeAdapterMap } from 'parse5';
import { describe, expect, it } from 'vitest';
import { buildCorpus } from '../../src/lib/pipeline.ts';
import { renderPaperFragments } from '../../src/lib/render/paper-fragments.ts';
import { listItemParts } from '../../src/lib/render/paper-html.ts';
import { renderRichText, richTextToPlain } from '../../src/lib/render/rich-text.ts';
import { href } from '../../src/lib/url.ts';
import { readFixture, seedDumps, seedSources } from '../helpers.ts';

type Node = DefaultTreeAdapterMap['childNode'] | DefaultTreeAdapterMap['documentFragment'];

interface Link {
  href: string | undefined;
  text: string;
  attributes: string[];
  nested: boolean;
}

// Every <a> of the markup, as a browser parses it.
function linksOf(html: string): Link[] {
  const found: Link[] = [];
  const textOf = (node: Node): string => ('value' in node ? node.value : 'childNodes' in node ? node.childNodes.map(textOf).join('') : '');
  const visit = (node: Node, insideLink: boolean) => {
    const isLink = 'tagName' in node && node.tagName === 'a';
    if (isLink) found.push({ href: node.attrs.find((attr) => attr.name === 'href')?.value, text: textOf(node), attributes: node.attrs.map((attr) => attr.name), nested: insideLink });
    if ('childNodes' in node) for (const child of node.childNodes) visit(child, insideLink || isLink);
  };
  visit(parseFragment(html), false);
  return found;
}

const comments = new Map(
  readFixture('real-arxiv/oai-snapshot-sample.jsonl')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as { id: string; comments: string | null; abstract: string })
    .map((entry) => [entry.id, { comments: (entry.comments ?? '').replace(/\s+/g, ' ').trim(), abstract: entry.abstract.replace(/\s+/g, ' ').trim() }]),
);
const commentsOf = (id: string): string => comments.get(id)?.comments ?? '';
const linked = (text: string) => linksOf(renderRichText(text, undefined, { links: true }));

describe('URLs in record text', () => {
  it('stay verbatim: a tilde in a URL is not a no-break space, nor a double hyphen a dash', () => {
    const text = commentsOf('0704.0036');
    const url = 'http://www.math.rutgers.edu/~sontag/PUBDIR/index.html';
    expect(text).toContain(url);
    expect(renderRichText(text)).toContain(url);
    expect(richTextToPlain(text)).toContain(url);
    expect(linked(text).map((link) => link.text)).toEqual([url]);
    expect(renderRichText('see https://example.org/a--b~c and a--b~c')).toBe('see https://example.org/a--b~c and a–b\u00a0c');
  });

  it('become links in abstracts and comments, as on arXiv, with the punctuation after them left outside', () => {
    expect(linked(commentsOf('0704.0024')).map((link) => link.href)).toEqual(['http://www.physik.uni-kl.de/w_hilleb/ann05.html']);
    expect(linked(commentsOf('0704.0086')).map((link) => [link.href, link.text])).toEqual([
      ['http://dx.doi.org/10.1214/07-AAP481', 'http://dx.doi.org/10.1214/07-AAP481'],
      ['http://www.imstat.org/aap/', 'http://www.imstat.org/aap/'],
      ['http://www.imstat.org/', 'http://www.imstat.org'],
    ]);
    expect(linked(commentsOf('0704.0192')).map((link) => link.text)).toEqual(['http://www.gb.nrao.edu/~koneil']);
    expect(linked(comments.get('0704.0128')?.abstract ?? '').map((link) => link.text)).toEqual(['http://www.swift.ac.uk/xrt_curves']);
    const html = renderRichText('Code: https://github.com/HuPER29/HuPER. Slides (https://x.org/s), data at https://y.org/d; "https://z.org/q?a=1&b=2"!', undefined, { links: true });
    expect(linksOf(html).map((link) => link.href)).toEqual(['https://github.com/HuPER29/HuPER', 'https://x.org/s', 'https://y.org/d', 'https://z.org/q?a=1&b=2']);
    expect(html).toContain('HuPER</a>. Slides (');
    expect(html).toContain('/s</a>), data');
    expect(html).toContain('q?a=1&amp;b=2</a>&quot;!');
  });

  it('keep a closing bracket the URL itself opened', () => {
    const links = linked('See https://en.wikipedia.org/wiki/Set_(mathematics). Or (https://en.wikipedia.org/wiki/Bracket_(disambiguation)).');
    expect(links.map((link) => link.text)).toEqual(['https://en.wikipedia.org/wiki/Set_(mathematics)', 'https://en.wikipedia.org/wiki/Bracket_(disambiguation)']);
  });

  it('link www. addresses over http, and nothing that only contains "http" or "www."', () => {
    expect(linked('at www.cs.toronto.edu/~kriz/cifar.html.').map((link) => [link.href, link.text])).toEqual([
      ['http://www.cs.toronto.edu/~kriz/cifar.html', 'www.cs.toronto.edu/~kriz/cifar.html'],
    ]);
    expect(linked('xhttp://a.org, awww.b.org, http:// and www. alone, ftp://c.org, javascript:alert(1), mailto:d@e.org')).toEqual([]);
  });

  it('read \\url{} and \\href{}{} as links to http(s) addresses only, their labels never linking again', () => {
    expect(linked('\\url{https://a.org/~b} and \\href{https://c.org/x}{the site, see https://d.org}').map((link) => [link.href, link.text])).toEqual([
      ['https://a.org/~b', 'https://a.org/~b'],
      ['https://c.org/x', 'the site, see https://d.org'],
    ]);
    expect(renderRichText('\\href{javascript:alert(4)}{click} \\url{javascript:alert(8)}', undefined, { links: true })).toBe('click javascript:alert(8)');
    expect(renderRichText('\\href{https://c.org}{the site}')).toBe('the site');
  });

  it('take the LaTeX escapes authors leave in URLs as the characters they stand for', () => {
    const links = linked('https://github.com/open\\_mmlab/x\\%20y and \\url{http://e.org/\\~{}me}');
    expect(links.map((link) => link.text)).toEqual(['https://github.com/open_mmlab/x%20y', 'http://e.org/~me']);
    expect(richTextToPlain('https://github.com/open\\_mmlab/x')).toBe('https://github.com/open_mmlab/x');
  });

  it('escape the link target: a quote or markup in a URL stays inside the attribute', () => {
    const html = renderRichText("https://x.org/it's<b>bold</b>", undefined, { links: true });
    expect(linksOf(html)).toEqual([{ href: "https://x.org/it's", text: "https://x.org/it's", attributes: ['href', 'rel'], nested: false }]);
    expect(html).toContain('&lt;b&gt;bold&lt;/b&gt;');
  });

  it('never make a link inside a title: a paper list item has exactly one link, to the paper', () => {
    const paper = buildCorpus(seedDumps(), { sources: seedSources() }).papers.find((entry) => entry.title !== null);
    expect(paper).toBeDefined();
    if (!paper) return;
    const titled = { ...paper, title: 'Code at https://github.com/a/b and \\url{https://c.org} \\href{https://d.org}{here}' };
    const fragments = renderPaperFragments(titled);
    expect(linksOf(fragments.titleHtml)).toEqual([]);
    const heading = listItemParts(href, titled, fragments).heading;
    expect(linksOf(heading).map((link) => [link.href, link.nested])).toEqual([[href(`papers/${titled.id}/`), false]]);
    expect(fragments.titlePlain).toBe('Code at https://github.com/a/b and https://c.org here');
  });
});
