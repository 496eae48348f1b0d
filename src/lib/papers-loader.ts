import { resolve } from 'node:path';
import type { Loader } from 'astro/loaders';
import type { CategoryPreference } from './categories.ts';
import { formatIssue } from './issues.ts';
import { loadCorpus } from './read-data-dir.ts';
import { formatSummary } from './report.ts';
import { PaperSchema } from './schema.ts';

/** Options of the papers loader. */
export interface PapersLoaderOptions {
  /** The folder of dumps, absolute or relative to the project root. */
  dataDir: string;
  categories?: CategoryPreference;
}

/** A Content Layer loader that turns the dumps of a data folder into validated paper entries; fails the build on data errors. */
export function papersLoader(options: PapersLoaderOptions): Loader {
  const dataDir = resolve(options.dataDir);
  return {
    name: 'papershelf-papers',
    schema: PaperSchema,
    load: async ({ store, parseData, generateDigest, logger, watcher }) => {
      const corpus = await loadCorpus(dataDir, options.categories ? { categories: options.categories } : {});
      const { report } = corpus;
      for (const issue of [...report.issues, ...report.files.flatMap((file) => file.issues)]) {
        if (issue.severity === 'error') logger.error(formatIssue(issue));
        else logger.warn(formatIssue(issue));
      }
      logger.info(formatSummary(report));
      if (report.summary.errors > 0) {
        throw new Error(`${options.dataDir} has ${report.summary.errors} data error(s); run "npm run check-data" for the full report and fix them`);
      }
      store.clear();
      for (const paper of corpus.papers) {
        const data = await parseData({ id: paper.id, data: paper });
        store.set({ id: paper.id, data, digest: generateDigest(data) });
      }
      // In `astro dev`, editing a dump reloads the collection.
      watcher?.add(dataDir);
    },
  };
}
