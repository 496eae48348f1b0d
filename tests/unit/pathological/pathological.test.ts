import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { PATHOLOGICAL_CASES } from './cases.ts';

interface WorkerReport {
  parseMs: number;
  renderMs: number;
  papers: number;
  summary: { errors: number };
  file: { read: number; made: number; merged: number; reported: number } | null;
  messages: string[];
}

/** Runs a case in its own worker; a case still running after `limitMs` is stopped and fails. */
function runCase(bytes: Uint8Array, limitMs: number): Promise<WorkerReport> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./parse-worker.ts', import.meta.url), { workerData: { bytes } });
    const timer = setTimeout(() => {
      void worker.terminate();
      reject(new Error(`still running after ${limitMs} ms`));
    }, limitMs);
    worker.once('message', (report: WorkerReport) => {
      clearTimeout(timer);
      void worker.terminate();
      resolve(report);
    });
    worker.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}

describe('pathological input finishes quickly and is reported', () => {
  it.each(PATHOLOGICAL_CASES)('$name', async ({ bytes, expectIssues, papers, error }) => {
    const report = await runCase(bytes(), 15_000);
    // Worker start-up is not counted: each case gets under a second of parsing; rendering and indexing stay bounded too.
    expect(report.parseMs).toBeLessThan(1000);
    expect(report.renderMs).toBeLessThan(3000);
    for (const expected of expectIssues) expect(report.messages.some((message) => message.includes(expected)), `${expected} in ${JSON.stringify(report.messages)}`).toBe(true);
    if (papers !== undefined) expect(report.papers).toBe(papers);
    expect(report.summary.errors > 0).toBe(error === true);
    // Nothing lost: every entry read is in a paper or reported.
    if (report.file) expect(report.file.made + report.file.merged + report.file.reported).toBe(report.file.read);
  });
});
