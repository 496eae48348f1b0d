import { parentPort, workerData } from 'node:worker_threads';
import { buildCorpus } from '../../../src/lib/pipeline.ts';
import { toDumpInput } from '../../../src/lib/read-data-dir.ts';
import { buildSiteData } from '../../../src/lib/site-data.ts';
import { buildSearchAssets } from '../../../src/lib/search/build-index.ts';

// Runs one pathological dump through the whole build-time pipeline (decode, parse, merge, render, index) and
// reports how long each part took, so the suite can stop a runaway case from outside.
const { bytes } = workerData as { bytes: Uint8Array };
const started = performance.now();
const corpus = buildCorpus([toDumpInput('case.txt', bytes)]);
const parsed = performance.now();
const site = buildSiteData(corpus.papers);
buildSearchAssets(site.papers.map((view) => view.paper));
const rendered = performance.now();
const [file] = corpus.report.files;
parentPort?.postMessage({
  parseMs: parsed - started,
  renderMs: rendered - parsed,
  papers: corpus.papers.length,
  summary: corpus.report.summary,
  file: file ? { read: file.read, made: file.made, merged: file.merged, reported: file.reported } : null,
  messages: [...corpus.report.issues, ...(file?.issues ?? [])].map((issue) => `${issue.severity}: ${issue.message}`),
});
