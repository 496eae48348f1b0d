import type { Corpus } from './pipeline.ts';
import type { Paper } from './schema.ts';
import { userError } from './user-error.ts';

/** The records of a corpus, exactly as the content loader stores them; throws when the data has errors. */
export function recordsOf(corpus: Corpus, dataDir: string): Paper[] {
  if (corpus.report.summary.errors > 0) {
    const { errors } = corpus.report.summary;
    throw userError(`${dataDir} has ${errors === 1 ? '1 data error' : `${errors} data errors`}, printed above with file and line; fix ${errors === 1 ? 'it' : 'them'} and build again ("npm run check-data" prints the full report without building)`);
  }
  // Validated by buildCorpus with PaperSchema.
  return corpus.papers;
}
