import { resolve } from 'node:path';
import type { Loader, LoaderContext } from 'astro/loaders';
import type { CategoryPreference } from './categories.ts';
import { recordsOf } from './corpus-records.ts';
import { formatIssue } from './issues.ts';
import { formatSummary } from './report.ts';
import { PaperSchema } from './schema.ts';
import { publishStoredRecords, takeCorpus } from './shared-corpus.ts';

/** Options of the papers loader. */
export interface PapersLoaderOptions {
  /** The folder of dumps, absolute or relative to the project root. */
  dataDir: string;
  categories?: CategoryPreference;
}

/** A Content Layer loader that turns the dumps of a data folder into validated paper entries; fails the build on data errors. */
export function papersLoader(options: PapersLoaderOptions): Loader {
  const dataDir = resolve(options.dataDir);
  const watched = new WeakSet<object>();

  const load = async (context: LoaderContext): Promise<void> => {
    const { store, logger, watcher } = context;
    // In `astro build` the data-files worker (src/integrations/data-files.ts) has been parsing the dumps since
    // the build started; without it (`astro dev`, `astro sync`, or if it failed) the loader parses them here.
    // The parsing pipeline is imported only then: Vite evaluates this module's static imports for every build.
    const shared = await takeCorpus({ dataDir, categories: options.categories })?.catch(() => null);
    const parseHere = async () => (await import('./read-data-dir.ts')).loadCorpus(dataDir, options.categories ? { categories: options.categories } : {});
    const corpus = shared ?? (await parseHere());
    const { report } = corpus;
    for (const issue of [...report.issues, ...report.files.flatMap((file) => file.issues)]) {
      if (issue.severity === 'error') logger.error(formatIssue(issue));
      else logger.warn(formatIssue(issue));
    }
    logger.info(`${formatSummary(report)}${shared ? ' (parsed on the data-files worker thread)' : ''}`);
    const papers = recordsOf(corpus, options.dataDir);
    store.clear();
    // buildCorpus has already validated every record with PaperSchema (a record that fails is an error above),
    // so parseData would only validate it a second time.
    // No digest: the store is cleared on every load, so there is no earlier entry to compare one with.
    for (const paper of papers) store.set({ id: paper.id, data: paper });
    // In `astro build` the pages are rendered by this process right after the sync: they take these very records
    // rather than read back the data store Astro is writing (18 MB for 10,000 papers, and a second copy of each).
    if (shared) publishStoredRecords({ dataDir, categories: options.categories }, papers);
    // In `astro dev`, adding, editing or removing a dump reloads the collection.
    if (watcher && !watched.has(watcher)) {
      watched.add(watcher);
      watcher.add(dataDir);
      const reload = (path: string) => {
        if (!resolve(path).startsWith(dataDir)) return;
        logger.info(`${path} changed; reloading the papers`);
        load(context).catch((error: unknown) => logger.error(error instanceof Error ? error.message : String(error)));
      };
      for (const event of ['add', 'change', 'unlink'] as const) watcher.on(event, reload);
    }
  };

  return { name: 'papershelf-papers', schema: PaperSchema, load };
}
