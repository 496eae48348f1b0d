import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataFiles, dataFilesOfFolder, isDataFilePath, type DataFile } from '../../src/lib/data-files.ts';
import { siteLinks } from '../../src/lib/site-links.ts';
import { buildCorpus } from '../../src/lib/pipeline.ts';
import { PaperSchema } from '../../src/lib/schema.ts';
import { buildSiteData } from '../../src/lib/site-data.ts';
import { fixturePath, seedDumps, seedSources } from '../helpers.ts';

const CONFIG = { title: 'Shelf', description: 'Papers.', site: 'https://example.org', base: '/shelf/' };

async function collect(files: AsyncIterable<DataFile>): Promise<DataFile[]> {
  const out: DataFile[] = [];
  for await (const file of files) out.push(file);
  return out;
}

describe('data files', () => {
  it('builds absolute URLs under the base path', () => {
    expect(siteLinks('https://example.org', '/shelf/').absolute('papers/2510.15464/')).toBe('https://example.org/shelf/papers/2510.15464/');
    expect(siteLinks('https://example.org/', '/').absolute()).toBe('https://example.org/');
  });

  it('recognises the data-file paths the dev server answers, and nothing else', () => {
    for (const path of ['feed.xml', 'papers.json', 'search/index.json', 'search/text/3.json', 'categories/cs.LG/feed.xml', 'categories/cs.LG/papers.json', 'authors/ada-lovelace/feed.xml']) {
      expect(isDataFilePath(path), path).toBe(true);
    }
    // A moved paper's redirect document is written by the build only: the dev server leaves paper addresses to Astro.
    for (const path of ['', 'papers/2510.15464/', 'papers/agents-last-exam/index.html', 'authors/ada-lovelace/', 'categories/cs.LG/2/', 'search/', 'katex/0.19.1-0123abcd/katex.min.css', 'authors/a/b/feed.xml']) {
      expect(isDataFilePath(path), path).toBe(false);
    }
  });

  it('has one feed per category and author, papers.json per category, and the search assets, every path once', async () => {
    const data = buildSiteData(buildCorpus(seedDumps(), { sources: seedSources() }).papers);
    const files = await collect(dataFiles(data, CONFIG));
    const paths = files.map((file) => file.path);
    expect(new Set(paths).size).toBe(paths.length);
    expect(paths).toEqual(expect.arrayContaining(['feed.xml', 'papers.json', 'search/titles.json', 'search/index.json', 'search/text/0.json']));
    for (const category of data.categories) expect(paths).toEqual(expect.arrayContaining([`categories/${category.id}/feed.xml`, `categories/${category.id}/papers.json`]));
    for (const author of data.authors) expect(paths).toContain(`authors/${author.slug}/feed.xml`);
    expect(paths.every(isDataFilePath)).toBe(true);
    const feed = files.find((file) => file.path === 'feed.xml')?.content ?? '';
    expect(feed).toContain(`<link>https://example.org/shelf/papers/${data.papers[0]?.paper.id}/</link>`);
  });

  it('reads a data folder into the records the content loader stores', async () => {
    const files = await collect(dataFilesOfFolder({ ...CONFIG, dataDir: fixturePath('seed-data'), categories: {} }));
    const json = JSON.parse(files.find((file) => file.path === 'papers.json')?.content ?? '{}') as { papers: unknown[] };
    const expected = buildCorpus(seedDumps(), { sources: seedSources() }).papers.map((paper) => PaperSchema.parse(paper));
    expect(json.papers).toEqual(JSON.parse(JSON.stringify(expected)));
  });

  it('refuses a data folder with errors, saying how to see them', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'papershelf-data-files-'));
    writeFileSync(join(dataDir, 'bad.txt'), 'LGJun 3, 2024\nA PaperAda Lovelace\nLGJun 31\nB PaperAlan Turing\n');
    await expect(collect(dataFilesOfFolder({ ...CONFIG, dataDir, categories: {} }))).rejects.toThrow(/has 1 data error, printed above with file and line; fix it and build again \("npm run check-data" prints the full report/);
  });
});
