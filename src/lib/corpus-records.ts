import type { Corpus } from './pipeline.ts';
import type { Paper } from './schema.ts';

/** The records of a corpus, exactly as the content loader stores them; throws when the data has errors. */
export function recordsOf(corpus: Corpus, dataDir: string): Paper[] {
  if (corpus.report.summary.errors > 0) {
    throw new Error(`${dataDir} has ${corpus.report.summary.errors} data error(s); run "npm run check-data" for the full report and fix them`);
  }
  // Validated by buildCorpus with PaperSchema.
  return corpus.papers;
}
