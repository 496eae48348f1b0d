/**
 * Worker thread of the papershelf integration: takes the records the content loader offers (or loads the data
 * folder itself), generates every data file and, once the main thread says the output folder is ready (Astro
 * empties it first), writes them there, at low priority while Astro renders the pages.
 */
import { mkdirSync, readlinkSync, writeFileSync } from 'node:fs';
import { setPriority } from 'node:os';
import { dirname, join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import type { DataFile, DataFilesConfig } from '../lib/data-files.ts';
import { offeredRecords } from '../lib/records-channel.ts';

/** What the integration passes to the worker. */
export interface DataFilesJob {
  config: DataFilesConfig;
  outDir: string;
}

/** What the worker reports when done. */
export type DataFilesOutcome = { ok: true; files: number; bytes: number; seconds: number; recordsFrom: 'loader' | 'data folder' } | { ok: false; error: string };

// The pages Astro renders on the main thread are the build's critical path; the data files are done long before
// them. On a machine with few cores this thread therefore asks for the lowest CPU priority, so it takes what
// the page rendering leaves. Linux gives a thread its own priority (/proc/thread-self names its id); elsewhere,
// or where it is not allowed, the worker simply runs at normal priority.
function yieldToMainThread(): void {
  try {
    const threadId = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (Number.isInteger(threadId) && threadId !== process.pid) setPriority(threadId, 19);
  } catch {
    // Not Linux, or not permitted: nothing to do.
  }
}

yieldToMainThread();

const job = workerData as DataFilesJob;
const port = parentPort;
const outDirReady = new Promise<void>((resolve) => port?.once('message', () => resolve()));
const started = performance.now();
// The content loader offers the records it built during Astro's content sync, which ends before the output
// folder is ready; a worker that has heard nothing by then builds them itself. It listens from its first line,
// before the pipeline's modules load, so an offer made meanwhile is not missed.
const offer = offeredRecords(job.config, outDirReady);

async function run(): Promise<DataFilesOutcome> {
  const { dataFilesOfFolder } = await import('../lib/data-files.ts');
  const offered = await offer;
  const files: DataFile[] = [];
  for await (const file of dataFilesOfFolder(job.config, offered ?? undefined)) files.push(file);
  await outDirReady;
  const made = new Set<string>();
  let bytes = 0;
  for (const file of files) {
    const target = join(job.outDir, file.path);
    const dir = dirname(target);
    if (!made.has(dir)) {
      mkdirSync(dir, { recursive: true });
      made.add(dir);
    }
    writeFileSync(target, file.content);
    bytes += Buffer.byteLength(file.content);
  }
  return { ok: true, files: files.length, bytes, seconds: (performance.now() - started) / 1000, recordsFrom: offered ? 'loader' : 'data folder' };
}

run().then(
  (outcome) => port?.postMessage(outcome),
  (error: unknown) => port?.postMessage({ ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies DataFilesOutcome),
);
