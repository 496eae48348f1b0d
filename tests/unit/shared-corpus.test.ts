import type { LoaderContext } from 'astro/loaders';
import { describe, expect, it } from 'vitest';
import { papersLoader } from '../../src/lib/papers-loader.ts';
import { buildCorpus, type Corpus } from '../../src/lib/pipeline.ts';
import { loadCorpus } from '../../src/lib/read-data-dir.ts';
import { publishCorpus, publishStoredRecords, takeCorpus, takeStoredRecords } from '../../src/lib/shared-corpus.ts';
import { fixturePath, seedDumps, seedSources } from '../helpers.ts';

const corpus = buildCorpus(seedDumps(), { sources: seedSources() });

// Just enough of Astro's loader context to run the loader: a store and a logger that remember what they got.
function fakeContext(): { context: LoaderContext; stored: string[]; info: string[] } {
  const stored: string[] = [];
  const info: string[] = [];
  const store = { clear: () => stored.splice(0), set: (entry: { id: string }) => stored.push(entry.id) > 0 };
  const logger = { info: (message: string) => info.push(message), warn: () => {}, error: () => {} };
  return { context: { store, logger, watcher: undefined } as unknown as LoaderContext, stored, info };
}

describe('the corpus shared by the data-files worker', () => {
  it('goes to a loader of the same data folder, once', async () => {
    publishCorpus({ dataDir: 'data' }, Promise.resolve(corpus));
    expect(await takeCorpus({ dataDir: `${process.cwd()}/data` })).toBe(corpus);
    expect(takeCorpus({ dataDir: 'data' })).toBeNull();
  });

  it('is not taken for another data folder or other category settings', () => {
    publishCorpus({ dataDir: 'data', categories: { archives: ['cs'] } }, Promise.resolve(corpus));
    expect(takeCorpus({ dataDir: 'other-data', categories: { archives: ['cs'] } })).toBeNull();
    expect(takeCorpus({ dataDir: 'data' })).toBeNull();
    expect(takeCorpus({ dataDir: 'data', categories: { archives: ['cs'] } })).not.toBeNull();
  });

  it('is what the loader stores when published, without parsing the dumps again', async () => {
    const dataDir = fixturePath('seed-data');
    const worker = await loadCorpus(dataDir);
    // A marked copy: if the loader parsed the folder itself, the marked record would not be in the store.
    const marked: Corpus = { ...worker, papers: worker.papers.map((paper, index) => (index === 0 ? { ...paper, id: 'from-the-worker' } : paper)) };
    publishCorpus({ dataDir }, Promise.resolve(marked));
    const { context, stored, info } = fakeContext();
    await papersLoader({ dataDir }).load(context);
    expect(stored).toEqual(marked.papers.map((paper) => paper.id));
    expect(info.at(-1)).toMatch(/\(parsed on the data-files worker thread\)$/);
    // The route data then takes the very records the loader stored, not a copy read back from Astro's data store.
    expect(await takeStoredRecords({ dataDir })).toBe(marked.papers);
    expect(takeStoredRecords({ dataDir })).toBeNull();
  });

  it('falls back to the loader parsing the dumps itself when the worker failed', async () => {
    const dataDir = fixturePath('seed-data');
    publishCorpus({ dataDir }, Promise.reject(new Error('the data-files worker exited with code 1')));
    const { context, stored, info } = fakeContext();
    await papersLoader({ dataDir }).load(context);
    expect(stored).toEqual((await loadCorpus(dataDir)).papers.map((paper) => paper.id));
    expect(info.at(-1)).not.toMatch(/worker/);
    // Without the worker (astro dev, or a failed worker) the pages read the collection from the data store.
    expect(takeStoredRecords({ dataDir })).toBeNull();
  });

  it('hands the stored records to the route data of the same data folder and category settings only, once', async () => {
    const records = corpus.papers;
    publishStoredRecords({ dataDir: 'data', categories: { archives: ['cs'] } }, records);
    expect(takeStoredRecords({ dataDir: 'data' })).toBeNull();
    expect(takeStoredRecords({ dataDir: 'other-data', categories: { archives: ['cs'] } })).toBeNull();
    expect(await takeStoredRecords({ dataDir: `${process.cwd()}/data`, categories: { archives: ['cs'] } })).toBe(records);
    expect(takeStoredRecords({ dataDir: 'data', categories: { archives: ['cs'] } })).toBeNull();
  });
});
