import { resolve } from 'node:path';
import { loadCorpus } from '../lib/read-data-dir.ts';
import { formatReport } from '../lib/report.ts';
import { exitOnUserError } from '../lib/user-error.ts';

// `npm run check-data`: reads the data folder (or PAPERS_DATA_DIR), prints the report, exits 1 on errors.
try {
  const { siteConfig: config } = await import('../config.ts');
  const corpus = await loadCorpus(resolve(config.dataDir), { categories: config.categories });
  console.log(formatReport(corpus.report, config.dataDir));
  if (corpus.report.summary.errors > 0) process.exitCode = 1;
} catch (error) {
  // Settings or a data folder that cannot be used: the message says what to fix.
  exitOnUserError(error);
}
