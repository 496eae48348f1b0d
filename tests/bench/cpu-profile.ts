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
  children?: number[];
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

/** Times of a set of profiles: self time per function and per file, inclusive time per function; idle time excluded. */
export interface ProfileSummary {
  /** Sampled time, idle excluded. */
  totalMs: number;
  idleMs: number;
  functions: SelfTime[];
  files: SelfTime[];
  /** Time with the function on the stack (recursion counted once). */
  inclusive: SelfTime[];
}

const IDLE = '(idle)';
// Project files appear as file:// URLs (Node runs src/ directly in the data-files worker and the content loader).
const PROJECT_URL = new URL('../../', import.meta.url).href;

/** A readable file label: the bundled chunk for Astro's prerender build, the package for node_modules, project-relative paths. */
export function fileLabel(url: string): string {
  if (url === '') return '(native / VM)';
  const chunk = /\.prerender\/(?:chunks\/)?([^/]+\.mjs)$/.exec(url);
  if (chunk?.[1] !== undefined) return `${chunk[1]} (prerender bundle)`;
  const modules = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
  if (modules?.[1] !== undefined) return `node_modules/${modules[1]}`;
  return url.startsWith(PROJECT_URL) ? url.slice(PROJECT_URL.length) : url;
}

function add(totals: Map<string, number>, key: string, ms: number): void {
  totals.set(key, (totals.get(key) ?? 0) + ms);
}

function ranked(totals: ReadonlyMap<string, number>): SelfTime[] {
  return [...totals].map(([name, ms]) => ({ name, ms })).sort((a, b) => b.ms - a.ms);
}

function functionKey(frame: CallFrame): string {
  return `${frame.functionName || '(anonymous)'} — ${fileLabel(frame.url)}${frame.url ? `:${frame.lineNumber + 1}` : ''}`;
}

/** Self time per node id (sample deltas), in milliseconds. */
function selfTimes(profile: CpuProfile): Map<number, number> {
  const self = new Map<number, number>();
  const deltas = profile.timeDeltas ?? [];
  (profile.samples ?? []).forEach((id, index) => self.set(id, (self.get(id) ?? 0) + (deltas[index] ?? 0) / 1000));
  return self;
}

// Inclusive time per function key: each node's subtree time, added unless the same function is already on the stack.
function addInclusive(profile: CpuProfile, self: ReadonlyMap<number, number>, totals: Map<string, number>): void {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const subtree = new Map<number, number>();
  const sizeOf = (id: number): number => {
    const node = byId.get(id);
    const total = (self.get(id) ?? 0) + (node?.children ?? []).reduce((sum, child) => sum + sizeOf(child), 0);
    subtree.set(id, total);
    return total;
  };
  const root = profile.nodes[0];
  if (!root) return;
  sizeOf(root.id);
  const active = new Map<string, number>();
  const visit = (id: number): void => {
    const node = byId.get(id);
    if (!node) return;
    const key = functionKey(node.callFrame);
    if (!active.has(key) && node.callFrame.functionName !== IDLE) add(totals, key, subtree.get(id) ?? 0);
    active.set(key, (active.get(key) ?? 0) + 1);
    for (const child of node.children ?? []) visit(child);
    const depth = (active.get(key) ?? 1) - 1;
    if (depth === 0) active.delete(key);
    else active.set(key, depth);
  };
  visit(root.id);
}

/** Sums self time per function and per file, and inclusive time per function, over the given profiles. */
export function summariseProfiles(profiles: readonly CpuProfile[]): ProfileSummary {
  const functions = new Map<string, number>();
  const files = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let totalMs = 0;
  let idleMs = 0;
  for (const profile of profiles) {
    const self = selfTimes(profile);
    for (const node of profile.nodes) {
      const ms = self.get(node.id) ?? 0;
      if (ms === 0) continue;
      if (node.callFrame.functionName === IDLE) {
        idleMs += ms;
        continue;
      }
      totalMs += ms;
      add(functions, functionKey(node.callFrame), ms);
      add(files, fileLabel(node.callFrame.url), ms);
    }
    addInclusive(profile, self, inclusive);
  }
  return { totalMs, idleMs, functions: ranked(functions), files: ranked(files), inclusive: ranked(inclusive) };
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
  console.log(`busy: ${(summary.totalMs / 1000).toFixed(2)} s, idle: ${(summary.idleMs / 1000).toFixed(2)} s\n\n| function | self | share |\n| --- | ---: | ---: |`);
  console.log(topRows(summary.functions, summary.totalMs, 30).join('\n'));
  console.log('\n| file | self | share |\n| --- | ---: | ---: |');
  console.log(topRows(summary.files, summary.totalMs, 20).join('\n'));
  console.log('\n| function | inclusive | share |\n| --- | ---: | ---: |');
  console.log(topRows(summary.inclusive, summary.totalMs, 60).join('\n'));
}
