import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PATHOLOGICAL_CASES } from './cases.ts';

interface CaseReport {
  parseMs: number;
  renderMs: number;
  papers: number;
  summary: { errors: number };
  file: { read: number; made: number; merged: number; reported: number } | null;
  messages: string[];
}

/**
 * Runs a case in a process of its own; a case still running after `limitMs` is killed and fails. A process, not a
 * worker thread: worker threads that load TypeScript share V8's WebAssembly engine (Node's type stripper) with
 * this test process, and one exiting while another thread ran WebAssembly crashed the whole test process now and
 * then (SIGSEGV in v8::internal::wasm::NativeModule::FreeCode, Node 24.21, about one run of this file in ten).
 */
function runCase(bytes: Uint8Array, limitMs: number): Promise<CaseReport> {
  return new Promise((resolve, reject) => {
    // No execArgv: not the test runner's loader flags.
    const child = fork(fileURLToPath(new URL('./parse-case.ts', import.meta.url)), [], { execArgv: [], serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let report: CaseReport | undefined;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`still running after ${limitMs} ms`));
    }, limitMs);
    child.once('message', (message: CaseReport) => {
      report = message;
    });
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      if (report) resolve(report);
      else reject(new Error(`the case's process ended (${signal ?? `code ${code}`}) without a report`));
    });
    child.send({ bytes });
  });
}

describe('pathological input finishes quickly and is reported', () => {
  it.each(PATHOLOGICAL_CASES)('$name', async ({ bytes, expectIssues, papers, error }) => {
    const report = await runCase(bytes(), 15_000);
    // Process start-up is not counted: each case gets under a second of parsing; rendering and indexing stay bounded too.
    expect(report.parseMs).toBeLessThan(1000);
    expect(report.renderMs).toBeLessThan(3000);
    for (const expected of expectIssues) expect(report.messages.some((message) => message.includes(expected)), `${expected} in ${JSON.stringify(report.messages)}`).toBe(true);
    if (papers !== undefined) expect(report.papers).toBe(papers);
    expect(report.summary.errors > 0).toBe(error === true);
    // Nothing lost: every entry read is in a paper or reported.
    if (report.file) expect(report.file.made + report.file.merged + report.file.reported).toBe(report.file.read);
  });
});
