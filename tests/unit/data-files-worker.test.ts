import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isAstroBuild } from '../../src/cli/parse-early.ts';
import { loadSiteConfig } from '../../src/config.ts';
import { publishEarlyWorker, startDataFilesWorker, takeEarlyWorker, type DataFilesWorkerHandle } from '../../src/integrations/data-files-worker-handle.ts';
import { loadCorpus } from '../../src/lib/read-data-dir.ts';
import { renderPaperFragments } from '../../src/lib/render/paper-fragments.ts';
import { renderLinkedFragments } from '../../src/lib/render/linked-fragments.ts';
import { siteLinks } from '../../src/lib/site-links.ts';
import { authorPageHtml } from '../../src/lib/render/author-html.ts';
import { paperListItemHtml } from '../../src/lib/render/linked-view.ts';
import { uniqueBibtexKeys } from '../../src/lib/bibtex.ts';
import { buildSiteData } from '../../src/lib/site-data.ts';
import { href } from '../../src/lib/url.ts';
import { fixturePath } from '../helpers.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

// A stand-in handle that records whether it was stopped.
function fakeHandle(): DataFilesWorkerHandle & { stopped: boolean } {
  const handle = {
    corpus: new Promise<never>(() => {}),
    fragments: new Promise<never>(() => {}),
    authorPages: new Promise<never>(() => {}),
    outcome: new Promise<never>(() => {}),
    start: () => {},
    write: () => {},
    stopped: false,
    terminate: async () => {
      handle.stopped = true;
      return 0;
    },
  };
  return handle;
}

describe('the data-files worker', () => {
  it('parses at once, then writes the data files of its job once the output folder is ready', async () => {
    const dataDir = fixturePath('seed-data');
    const outDir = mkdtempSync(join(tmpdir(), 'papershelf-worker-'));
    dirs.push(outDir);
    const handle = startDataFilesWorker({ dataDir });
    try {
      const corpus = await handle.corpus;
      expect(corpus.papers.map((paper) => paper.id)).toEqual((await loadCorpus(dataDir)).papers.map((paper) => paper.id));
      // Then, once it has its job (the site's base and URL), every paper's fragments, exactly as the pages would
      // render them themselves, with the markup that links into the site.
      const config = { ...loadSiteConfig({}), dataDir };
      handle.start({ config, outDir });
      const { fragments } = await handle.fragments;
      const links = siteLinks(config.site, config.base);
      const keys = uniqueBibtexKeys(corpus.papers);
      expect(fragments).toEqual(corpus.papers.map((paper) => {
        const text = renderPaperFragments(paper, undefined, keys.get(paper.id));
        return [paper.id, { ...text, linked: renderLinkedFragments(paper, text, links) }];
      }));
      // The same BibTeX as the route data renders itself, without the worker (astro dev).
      const renderedHere = new Map(buildSiteData(corpus.papers).papers.map((view) => [view.paper.id, view.bibtex]));
      expect(fragments.map(([, fragment]) => fragment.bibtex)).toEqual(fragments.map(([id]) => renderedHere.get(id)));
      // Then every author page's content, as the page makes it from the same route data (tests/build/dev-server.test.ts
      // compares a page the dev server makes without the worker with the built one).
      const site = buildSiteData(corpus.papers, undefined, new Map(fragments));
      expect(await handle.authorPages).toEqual(site.authors.map((author) => [author.slug, authorPageHtml(href, author, (view) => paperListItemHtml(view, 3))]));
      // Nothing is written before the output folder is declared ready (Astro empties it first).
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(existsSync(join(outDir, 'papers.json'))).toBe(false);
      handle.write();
      const outcome = await handle.outcome;
      expect(outcome).toMatchObject({ ok: true });
      expect(existsSync(join(outDir, 'papers.json'))).toBe(true);
      expect(existsSync(join(outDir, 'feed.xml'))).toBe(true);
    } finally {
      await handle.terminate();
    }
  }, 60_000);

  it('started without a data folder parses the one the site config names (as before Astro, in npm run build)', async () => {
    // Not the seeds, which are also the default data folder's content.
    const dataDir = fixturePath('hostile-data');
    const previous = process.env.PAPERS_DATA_DIR;
    process.env.PAPERS_DATA_DIR = dataDir;
    // The worker takes a copy of the environment when it starts.
    const handle = startDataFilesWorker();
    if (previous === undefined) delete process.env.PAPERS_DATA_DIR;
    else process.env.PAPERS_DATA_DIR = previous;
    try {
      const corpus = await handle.corpus;
      expect(corpus.papers.map((paper) => paper.id)).toEqual((await loadCorpus(dataDir)).papers.map((paper) => paper.id));
    } finally {
      await handle.terminate();
    }
  }, 60_000);

  it('started early is adopted once, by an integration parsing the same folder with the same settings', () => {
    const early = fakeHandle();
    publishEarlyWorker(early, { dataDir: 'data', categories: { archives: ['cs'] } });
    expect(takeEarlyWorker({ dataDir: `${process.cwd()}/data`, categories: { archives: ['cs'] } })).toBe(early);
    expect(takeEarlyWorker({ dataDir: 'data', categories: { archives: ['cs'] } })).toBeNull();
    expect(early.stopped).toBe(false);
  });

  it('started early for other settings is stopped, not adopted', () => {
    for (const wanted of [{ dataDir: 'other-data' }, { dataDir: 'data', categories: { archives: ['math'] } }]) {
      const early = fakeHandle();
      publishEarlyWorker(early, { dataDir: 'data' });
      expect(takeEarlyWorker(wanted)).toBeNull();
      expect(early.stopped).toBe(true);
    }
  });

  it('is started early only in the process of `astro build`', () => {
    expect(isAstroBuild(['/usr/bin/node', '/project/node_modules/astro/bin/astro.mjs', 'build'])).toBe(true);
    expect(isAstroBuild(['/usr/bin/node', '/project/node_modules/.bin/astro', 'build', '--outDir', 'out'])).toBe(true);
    expect(isAstroBuild(['/usr/bin/node', '/project/node_modules/astro/bin/astro.mjs', '--silent', 'build'])).toBe(true);
    expect(isAstroBuild(['/usr/bin/node', '/project/node_modules/astro/bin/astro.mjs', 'dev'])).toBe(false);
    expect(isAstroBuild(['/usr/bin/node', '/project/node_modules/astro/bin/astro.mjs', 'check'])).toBe(false);
    expect(isAstroBuild(['/usr/bin/node', '/project/scripts/build.mjs', 'build'])).toBe(false);
    expect(isAstroBuild(['/usr/bin/node'])).toBe(false);
  });
});
