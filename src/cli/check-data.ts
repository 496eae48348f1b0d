import { resolve } from 'node:path';
import { loadSiteConfig } from '../config.ts';
import { loadCorpus } from '../lib/read-data-dir.ts';
import { formatReport } from '../lib/report.ts';

// `npm run check-data`: reads the data folder (or PAPERS_DATA_DIR), prints the report, exits 1 on errors.
const config = loadSiteConfig();
const dataDir = resolve(config.dataDir);
const corpus = await loadCorpus(dataDir, { categories: config.categories });
console.log(formatReport(corpus.report, config.dataDir));
if (corpus.report.summary.errors > 0 || corpus.report.files.length === 0) process.exitCode = 1;
