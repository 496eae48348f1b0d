import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../src/lib/content-security-policy.ts';
import { buildCorpus } from '../../src/lib/pipeline.ts';
import { buildSiteData } from '../../src/lib/site-data.ts';
import { fixturePath, katexFolderPattern, seedDumps, seedSources } from '../helpers.ts';
import { buildSite, SEED_SITE } from './build-site.ts';
import { brokenPageLinks, elementsOf, linksWithin, listFiles, readPage, resolves } from './dist-files.ts';

const data = buildSiteData(buildCorpus(seedDumps(), { sources: seedSources() }).papers);
const xml = new XMLParser({ ignoreAttributes: false, isArray: (name) => ['item', 'category', 'url', 'sitemap', 'dc:creator'].includes(name) });
const SITE = 'http://localhost:4321/';

interface Feed {
  rss: { '@_version': string; channel: { title: string; link: string; 'atom:link'?: { '@_href': string; '@_rel': string }; item?: Array<{ title: string; link: string; pubDate?: string; category?: string[]; 'dc:creator'?: string[] }> } };
}

const readFeed = (root: string, path: string) => xml.parse(readFileSync(join(root, path), 'utf8')) as Feed;

describe('feeds', () => {
  it('the site feed is RSS 2.0 with the 50 newest papers, newest first, linking to their pages', () => {
    const feed = readFeed(SEED_SITE, 'feed.xml');
    expect(feed.rss['@_version']).toBe('2.0');
    const items = feed.rss.channel.item ?? [];
    expect(items.map((item) => item.link)).toEqual(data.papers.slice(0, 50).map((view) => `${SITE}${view.path}`));
    const dates = items.map((item) => Date.parse(item.pubDate ?? ''));
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
    expect(items[0]?.['dc:creator']).toEqual(data.papers[0]?.paper.authors.map((author) => author.name));
    for (const item of items) expect(resolves(SEED_SITE, '/', new URL(item.link).pathname), item.link).toBe(true);
  });

  it('each category and author has a feed of exactly its papers, linked from its page and linking back to it', () => {
    expect(readFeed(SEED_SITE, 'feed.xml').rss.channel.link).toBe(SITE);
    expect(readFeed(SEED_SITE, 'feed.xml').rss.channel['atom:link']?.['@_href']).toBe(`${SITE}feed.xml`);
    for (const category of data.categories) {
      const { channel } = readFeed(SEED_SITE, `categories/${category.id}/feed.xml`).rss;
      expect(channel.link).toBe(`${SITE}${category.path}`);
      expect(channel['atom:link']?.['@_rel'], 'a feed names its own address').toBe('self');
      expect(channel['atom:link']?.['@_href']).toBe(`${SITE}categories/${category.id}/feed.xml`);
      const items = channel.item ?? [];
      expect(items.map((item) => item.link)).toEqual(category.papers.slice(0, 50).map((view) => `${SITE}${view.path}`));
      expect(readPage(SEED_SITE, category.path)).toContain(`<link rel="alternate" type="application/rss+xml" title="${category.name} (${category.id}) · newest papers" href="/categories/${category.id}/feed.xml">`);
    }
    for (const author of data.authors) {
      const { channel } = readFeed(SEED_SITE, `authors/${author.slug}/feed.xml`).rss;
      expect(channel.link).toBe(`${SITE}${author.path}`);
      const items = channel.item ?? [];
      expect(items).toHaveLength(Math.min(50, author.papers.length));
      expect(readPage(SEED_SITE, author.path)).toContain(`href="/authors/${author.slug}/feed.xml"`);
    }
  });
});

describe('sitemap, robots.txt and metadata', () => {
  it('the sitemap lists every page but the 404 page', () => {
    const index = xml.parse(readFileSync(join(SEED_SITE, 'sitemap-index.xml'), 'utf8')) as { sitemapindex: { sitemap: Array<{ loc: string }> } };
    const locations = index.sitemapindex.sitemap.flatMap((entry) => {
      const file = new URL(entry.loc).pathname.slice(1);
      return (xml.parse(readFileSync(join(SEED_SITE, file), 'utf8')) as { urlset: { url: Array<{ loc: string }> } }).urlset.url.map((url) => url.loc);
    });
    const pages = listFiles(SEED_SITE)
      .filter((file) => file.endsWith('index.html'))
      .map((file) => `${SITE}${file.replace(/index\.html$/, '')}`);
    expect(locations.sort()).toEqual(pages.sort());
    expect(readFileSync(join(SEED_SITE, 'robots.txt'), 'utf8')).toContain(`Sitemap: ${SITE}sitemap-index.xml`);
  });

  it('every page has a canonical URL and Open Graph and Twitter card tags', () => {
    for (const page of ['', 'authors/baihe-huang/', 'papers/2510.15464/', 'categories/cs.LG/']) {
      const meta = elementsOf(readPage(SEED_SITE, page));
      const canonical = meta.find((element) => element.tag === 'link' && element.attrs.rel === 'canonical')?.attrs.href;
      expect(canonical).toBe(`${SITE}${page}`);
      expect(meta.find((element) => element.attrs.property === 'og:url')?.attrs.content).toBe(canonical);
      expect(meta.find((element) => element.attrs.name === 'twitter:card')?.attrs.content).toBe('summary');
    }
  });

  it('every page carries the Content-Security-Policy first in its head, and inlines no script or style it would block', () => {
    const pages = listFiles(SEED_SITE).filter((file) => file.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(50);
    for (const page of pages) {
      const elements = elementsOf(readFileSync(join(SEED_SITE, page), 'utf8'));
      const head = elements.slice(0, elements.findIndex((element) => element.tag === 'body')).filter((element) => element.ancestorClasses.length === 2);
      const policies = elements.filter((element) => element.tag === 'meta' && element.attrs['http-equiv']?.toLowerCase() === 'content-security-policy');
      expect(policies.map((policy) => policy.attrs.content), page).toEqual([CONTENT_SECURITY_POLICY]);
      // Right after <meta charset>: a policy applies only to what follows it.
      expect(head.slice(0, 2).map((element) => element.attrs.charset ?? element.attrs['http-equiv']), page).toEqual(['utf-8', 'content-security-policy']);
      expect(elements.filter((element) => element.tag === 'style'), page).toEqual([]);
      const inlineScripts = elements.filter((element) => element.tag === 'script' && element.attrs.src === undefined && element.attrs.type !== 'application/ld+json');
      expect(inlineScripts, page).toEqual([]);
    }
    expect(CONTENT_SECURITY_POLICY).toMatch(/(?:^|; )script-src 'self'(?:;|$)/);
    expect(CONTENT_SECURITY_POLICY).toMatch(/(?:^|; )style-src 'self'(?:;|$)/);
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
  });

  it('a paper page carries ScholarlyArticle JSON-LD that matches its record', () => {
    for (const view of data.papers) {
      const script = elementsOf(readPage(SEED_SITE, view.path)).find((element) => element.tag === 'script' && element.attrs.type === 'application/ld+json');
      const article = JSON.parse(script?.text ?? '{}') as Record<string, unknown>;
      expect(article['@type']).toBe('ScholarlyArticle');
      expect(article.headline).toBe(view.titlePlain);
      expect((article.author as Array<{ name: string }>).map((author) => author.name)).toEqual(view.paper.authors.map((author) => author.name));
      expect(article.datePublished).toBe(view.paper.published ?? undefined);
      expect(article.url).toBe(`${SITE}${view.path}`);
      if (view.paper.arxivId) expect(article.identifier).toEqual({ '@type': 'PropertyValue', propertyID: 'arXiv', value: view.paper.arxivId });
      // The short description, not the whole abstract (that is on the page itself and in papers.json).
      const description = elementsOf(readPage(SEED_SITE, view.path)).find((element) => element.attrs.name === 'description')?.attrs.content;
      expect(article.description).toBe(view.paper.abstract ? description : undefined);
      expect(article.abstract).toBeUndefined();
    }
  });
});

describe('a build under a sub-path (BASE_PATH=/shelf/, SITE_URL=https://example.org)', () => {
  let site: string;
  beforeAll(() => {
    site = join(mkdtempSync(join(tmpdir(), 'papershelf-shelf-')), 'dist');
    const result = buildSite(site, { PAPERS_DATA_DIR: fixturePath('seed-data'), BASE_PATH: '/shelf/', SITE_URL: 'https://example.org' });
    if (result.status !== 0) throw new Error(result.output);
  });

  it('has no broken link, and every internal link and asset stays under /shelf/', () => {
    expect(brokenPageLinks(site, '/shelf/')).toEqual([]);
  });

  it('puts feeds, canonical links and the sitemap at https://example.org/shelf/', () => {
    expect(readFeed(site, 'feed.xml').rss.channel.item?.[0]?.link).toMatch(/^https:\/\/example\.org\/shelf\/papers\//);
    expect(readPage(site, '')).toContain('<link rel="canonical" href="https://example.org/shelf/">');
    expect(readFileSync(join(site, 'robots.txt'), 'utf8')).toContain('Sitemap: https://example.org/shelf/sitemap-index.xml');
    const mathPage = readPage(site, 'papers/overt-a-benchmark-for-over-refusal-evaluation-on-text-to-image-models/');
    const stylesheet = elementsOf(mathPage).find((element) => element.tag === 'link' && element.attrs.href?.includes('/katex/'))?.attrs.href ?? '';
    expect(stylesheet).toMatch(katexFolderPattern('/shelf/'));
    expect(readFileSync(join(site, stylesheet.slice('/shelf/'.length)), 'utf8')).toContain('url(fonts/KaTeX_Main-Regular.woff2)');
  });

  it("marks the section in the navigation: the current page on a section's index, the section within it", () => {
    const current = (path: string) =>
      linksWithin(readPage(site, path), 'site-nav')
        .filter((link) => link.attrs['aria-current'] !== undefined)
        .map((link) => [link.attrs.href, link.attrs['aria-current']]);
    expect(current('papers/')).toEqual([['/shelf/papers/', 'page']]);
    expect(current('papers/2503.01253/')).toEqual([['/shelf/papers/', 'true']]);
    expect(current('authors/')).toEqual([['/shelf/authors/', 'page']]);
    expect(current('authors/baihe-huang/')).toEqual([['/shelf/authors/', 'true']]);
    expect(current('')).toEqual([]);
  });
});
