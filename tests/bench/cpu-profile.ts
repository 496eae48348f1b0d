/**
 * Reads V8 `.cpuprofile` files (from `node --cpu-prof`) and ranks functions and source files by self time.
 * `npx node tests/bench/cpu-profile.ts <dir-or-file>…` prints the top of each.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}

interface ProfileNode {
  id: number;
  callFrame: CallFrame;
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples?: number[];
  timeDeltas?: number[];
}

/** Self time of one function or file, in milliseconds. */
export interface SelfTime {
  name: string;
  ms: number;
}

/** Self times of a set of profiles: per function, per file, and the total sampled time. */
export interface ProfileSummary {
  totalMs: number;
  functions: SelfTime[];
  files: SelfTime[];
}

/** A readable file label: project-relative for the project, the package for node_modules, the URL otherwise. */
export function fileLabel(url: string): string {
  if (url === '') return '(native / VM)';
  const modules = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
  if (modules?.[1] !== undefined) return `node_modules/${modules[1]}`;
  const project = /\/work\/main\/(.*)$/.exec(url);
  return project?.[1] ?? url;
}

function add(totals: Map<string, number>, key: string, ms: number): void {
  totals.set(key, (totals.get(key) ?? 0) + ms);
}

function ranked(totals: ReadonlyMap<string, number>): SelfTime[] {
  return [...totals].map(([name, ms]) => ({ name, ms })).sort((a, b) => b.ms - a.ms);
}

/** Sums self time (sample deltas) per function and per file over the given profiles. */
export function summariseProfiles(profiles: readonly CpuProfile[]): ProfileSummary {
  const functions = new Map<string, number>();
  const files = new Map<string, number>();
  let totalMs = 0;
  for (const profile of profiles) {
    const byId = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
    const samples = profile.samples ?? [];
    const deltas = profile.timeDeltas ?? [];
    samples.forEach((id, index) => {
      const frame = byId.get(id);
      const ms = (deltas[index] ?? 0) / 1000;
      if (!frame) return;
      totalMs += ms;
      const file = fileLabel(frame.url);
      add(functions, `${frame.functionName || '(anonymous)'} — ${file}${frame.url ? `:${frame.lineNumber + 1}` : ''}`, ms);
      add(files, file, ms);
    });
  }
  return { totalMs, functions: ranked(functions), files: ranked(files) };
}

/** Every .cpuprofile file under the given paths. */
export function profileFiles(paths: readonly string[]): string[] {
  return paths.flatMap((path) =>
    statSync(path).isDirectory()
      ? readdirSync(path)
          .filter((name) => name.endsWith('.cpuprofile'))
          .map((name) => join(path, name))
      : [path],
  );
}

/** Reads and summarises the .cpuprofile files under the given paths. */
export function summariseProfileFiles(paths: readonly string[]): ProfileSummary {
  return summariseProfiles(profileFiles(paths).map((file) => JSON.parse(readFileSync(file, 'utf8')) as CpuProfile));
}

/** The top entries as markdown table rows with their share of the total. */
export function topRows(entries: readonly SelfTime[], totalMs: number, count: number): string[] {
  return entries.slice(0, count).map((entry) => `| ${entry.name.replaceAll('|', '\\|')} | ${(entry.ms / 1000).toFixed(2)} s | ${((100 * entry.ms) / totalMs).toFixed(1)}% |`);
}

if (import.meta.main) {
  const summary = summariseProfileFiles(process.argv.slice(2));
  console.log(`total sampled: ${(summary.totalMs / 1000).toFixed(2)} s\n\n| function | self | share |\n| --- | ---: | ---: |`);
  console.log(topRows(summary.functions, summary.totalMs, 30).join('\n'));
  console.log('\n| file | self | share |\n| --- | ---: | ---: |');
  console.log(topRows(summary.files, summary.totalMs, 20).join('\n'));
}
