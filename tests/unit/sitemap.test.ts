import { describe, expect, it } from 'vitest';
import { XMLParser } from 'fast-xml-parser';
import { sitemapFiles, sitemapPaths } from '../../src/integrations/sitemap.ts';

const xml = new XMLParser({ isArray: (name) => ['url', 'sitemap'].includes(name) });

describe('the sitemap', () => {
  it('lists every page once, sorted, but not the 404 page or endpoint files', () => {
    const pathnames = ['papers/hep-th/9711200/', '/', 'authors/', '404/', 'robots.txt', 'katex/0.19.1-0123abcd/katex.min.css', 'categories/cs.LG/2/', 'authors/', ''];
    expect(sitemapPaths(pathnames)).toEqual(['', 'authors/', 'categories/cs.LG/2/', 'papers/hep-th/9711200/']);
  });

  it('orders the same pages the same way whatever order the build finished them in', () => {
    const pathnames = ['papers/2510.1/', 'papers/2510.10/', 'papers/2510.2/', 'authors/zoe/', 'authors/émile/', 'dates/2024/03/'];
    expect(sitemapPaths([...pathnames].reverse())).toEqual(sitemapPaths(pathnames));
  });

  it('writes the URLs under the site and base, 50,000 a file, with an index of the files', async () => {
    const root = new URL('https://example.org/shelf/');
    const urls = Array.from({ length: 50_001 }, (_, n) => new URL(`papers/${n}/`, root).href);
    const files = await sitemapFiles(root, urls);
    expect(files.map((file) => file.name)).toEqual(['sitemap-index.xml', 'sitemap-0.xml', 'sitemap-1.xml']);
    const index = xml.parse(files[0]?.xml ?? '') as { sitemapindex: { sitemap: Array<{ loc: string }> } };
    expect(index.sitemapindex.sitemap.map((entry) => entry.loc)).toEqual(['https://example.org/shelf/sitemap-0.xml', 'https://example.org/shelf/sitemap-1.xml']);
    const listed = files.slice(1).flatMap((file) => (xml.parse(file.xml) as { urlset: { url: Array<{ loc: string }> } }).urlset.url.map((url) => url.loc));
    expect(listed).toEqual(urls);
  });

  it('writes no file for no pages (the protocol has no empty sitemap)', async () => {
    expect(await sitemapFiles(new URL('https://example.org/'), [])).toEqual([]);
  });
});
