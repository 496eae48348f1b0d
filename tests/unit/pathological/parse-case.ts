import { buildCorpus } from '../../../src/lib/pipeline.ts';
import { toDumpInput } from '../../../src/lib/read-data-dir.ts';
import { buildSiteData } from '../../../src/lib/site-data.ts';
import { buildSearchAssets } from '../../../src/lib/search/build-index.ts';

// Runs one pathological dump, sent by the suite, through the whole build-time pipeline (decode, parse, merge,
// render, index) in a process of its own, and reports how long each part took, so the suite can stop a runaway
// case from outside.
process.once('message', ({ bytes }: { bytes: Uint8Array }) => process.send?.(report(bytes), () => process.disconnect()));

function report(bytes: Uint8Array) {
  const started = performance.now();
  const corpus = buildCorpus([toDumpInput('case.txt', bytes)]);
  const parsed = performance.now();
  const site = buildSiteData(corpus.papers);
  buildSearchAssets(site.papers.map((view) => view.paper));
  const rendered = performance.now();
  const [file] = corpus.report.files;
  return {
    parseMs: parsed - started,
    renderMs: rendered - parsed,
    papers: corpus.papers.length,
    summary: corpus.report.summary,
    file: file ? { read: file.read, made: file.made, merged: file.merged, reported: file.reported } : null,
    messages: [...corpus.report.issues, ...(file?.issues ?? [])].map((issue) => `${issue.severity}: ${issue.message}`),
  };
}
