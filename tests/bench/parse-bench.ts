/**
 * The parse+merge benchmark (issue #2): `npm run bench -- --only=parse [--write] [--sizes=10000,100000]`, or
 * directly `npx node tests/bench/parse-bench.ts [--write] [--sizes=…]`.
 *
 * For each size, a fresh child process (this script with `--child <entries> <runs>`) generates a synthetic
 * corpus (not timed), times a read floor and `buildCorpus` (parse, split, normalise, merge, validate), checks
 * the result and prints one JSON line. The parent prints a markdown table and, with `--write` (or
 * BENCH_WRITE=1), replaces its section of BENCHMARKS.md. BENCH_DATE=YYYY-MM-DD overrides the date shown.
 */
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import type { Issue } from '../../src/lib/issues.ts';
import { buildCorpus, type Corpus } from '../../src/lib/pipeline.ts';
import { flagValue, formatCount, formatSeconds, machineLine, median, MIB, shouldWrite, writeSection } from './bench-report.ts';
import { benchSources, generateCorpusDetailed, type GeneratedDump } from './generate-corpus.ts';

/** Corpus sizes and how many timed runs each gets. */
export const SIZES: ReadonlyArray<{ entries: number; runs: number }> = [
  { entries: 10_000, runs: 3 },
  { entries: 100_000, runs: 1 },
];
/** The target of issue #2. */
export const GOAL = { entries: 100_000, seconds: 10 } as const;

const SEED = 1;
/** The heading of this benchmark's BENCHMARKS.md section. */
export const SECTION_TITLE = '## Parse and merge (issue #2)';
const SCRIPT = fileURLToPath(import.meta.url);
const RESULT_PREFIX = 'BENCH_RESULT ';
const INCOMPLETE_WARNING = 'kept as an incomplete record';
/** What one size's child process measured and checked. */
export interface SizeResult {
  entries: number;
  files: number;
  megabytes: number;
  plantedPapers: number;
  orphanAbstracts: number;
  papers: number;
  incomplete: number;
  errors: number;
  warnings: number;
  generateSeconds: number;
  floorSeconds: number[];
  buildSeconds: number[];
  heapBeforeMiB: number;
  heapAfterMiB: number;
  rssBeforeMiB: number;
  rssAfterMiB: number;
  peakRssMiB: number;
}

// ---------------------------------------------------------------------------------------------------------
// Child: one size

const FLOOR_PATTERN = /^arXiv:/;
/** The read floor takes milliseconds, so it gets more runs than buildCorpus to steady its median. */
const FLOOR_RUNS = 9;

/** The read floor: split every dump into lines and test one trivial regex per line. */
export function readFloor(dumps: readonly GeneratedDump[]): number {
  let hits = 0;
  for (const dump of dumps) for (const line of dump.text.split(/\r\n|\r|\n/)) if (FLOOR_PATTERN.test(line)) hits++;
  return hits;
}

function seconds(start: number): number {
  return (performance.now() - start) / 1000;
}

// Runs `task` `runs` times; the previous result is dropped before each run so runs do not hold two results.
function timeRuns<T>(runs: number, task: () => T): { seconds: number[]; last: T } {
  const times: number[] = [];
  let last: T | undefined;
  for (let run = 0; run < runs; run++) {
    last = undefined;
    const start = performance.now();
    last = task();
    times.push(seconds(start));
  }
  if (last === undefined) throw new Error('timeRuns needs at least one run');
  return { seconds: times, last };
}

function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

function allIssues(corpus: Corpus): Issue[] {
  return [...corpus.report.issues, ...corpus.report.files.flatMap((file) => file.issues)];
}

// Messages with quotes and numbers masked, so warnings of one kind count together.
function issueKind(issue: Issue): string {
  return `${issue.severity}: ${issue.message.replace(/"(?:[^"\\]|\\.)*"/g, '"…"').replace(/\d+/g, 'N').slice(0, 90)}`;
}

function describeIssue(issue: Issue): string {
  return `  ${issue.severity} ${issue.file}${issue.line === null ? '' : `:${issue.line}`}: ${issue.message}`;
}

/** Prints the sanity report of one size to stderr: errors, warnings by kind, the first few unexpected ones. */
function reportSanity(label: string, corpus: Corpus, planted: { papers: number; orphans: number }): void {
  const { summary } = corpus.report;
  const issues = allIssues(corpus);
  const kinds = new Map<string, number>();
  for (const issue of issues) kinds.set(issueKind(issue), (kinds.get(issueKind(issue)) ?? 0) + 1);
  console.error(`${label}: ${summary.papers} papers (planted ${planted.papers}), ${summary.incomplete} incomplete (planted orphan abstracts ${planted.orphans}), ${summary.errors} errors, ${summary.warnings} warnings`);
  for (const [kind, count] of [...kinds].sort((a, b) => b[1] - a[1])) console.error(`  ${String(count).padStart(6)} × ${kind}`);
  const errors = issues.filter((issue) => issue.severity === 'error');
  const unexpected = issues.filter((issue) => issue.severity === 'warning' && !issue.message.includes(INCOMPLETE_WARNING));
  const shown = errors.length > 0 ? errors : unexpected.length > 0 ? unexpected : issues;
  if (shown.length > 0) console.error(`  first ${Math.min(5, shown.length)} ${errors.length > 0 ? 'errors' : 'warnings'}:`);
  for (const issue of shown.slice(0, 5)) console.error(describeIssue(issue));
}

/** Generates one corpus, times the read floor and buildCorpus `runs` times each, and returns the figures. */
export function measureSize(entries: number, runs: number): SizeResult {
  const label = `${entries / 1000}k`;
  const generateStart = performance.now();
  const generated = generateCorpusDetailed(entries, SEED);
  const sources = JSON.parse(JSON.stringify(benchSources(generated.dumps))) as unknown;
  const generateSeconds = seconds(generateStart);
  const bytes = generated.dumps.reduce((sum, dump) => sum + Buffer.byteLength(dump.text), 0);
  console.error(`${label}: generated ${generated.dumps.length} dumps (${(bytes / MIB).toFixed(1)} MiB) in ${generateSeconds.toFixed(1)} s`);

  collectGarbage();
  const before = process.memoryUsage();
  const floor = timeRuns(FLOOR_RUNS, () => readFloor(generated.dumps));
  const build = timeRuns(runs, () => buildCorpus(generated.dumps, { sources }));
  collectGarbage();
  const after = process.memoryUsage();
  const peakRssMiB = process.resourceUsage().maxRSS / 1024;
  const [floorSeconds, buildSeconds, result] = [floor.seconds, build.seconds, build.last];
  console.error(`${label}: buildCorpus ${buildSeconds.map((s) => s.toFixed(2)).join(', ')} s; read floor median ${median(floorSeconds).toFixed(3)} s`);
  reportSanity(label, result, { papers: generated.plantedPapers, orphans: generated.orphanAbstracts });

  const { summary } = result.report;
  return {
    entries: summary.entries,
    files: generated.dumps.length,
    megabytes: bytes / MIB,
    plantedPapers: generated.plantedPapers,
    orphanAbstracts: generated.orphanAbstracts,
    papers: summary.papers,
    incomplete: summary.incomplete,
    errors: summary.errors,
    warnings: summary.warnings,
    generateSeconds,
    floorSeconds,
    buildSeconds,
    heapBeforeMiB: before.heapUsed / MIB,
    heapAfterMiB: after.heapUsed / MIB,
    rssBeforeMiB: before.rss / MIB,
    rssAfterMiB: after.rss / MIB,
    peakRssMiB,
  };
}

// ---------------------------------------------------------------------------------------------------------
// Parent: every size in its own process, then the table

function spawnSize(entries: number, runs: number): SizeResult {
  const child = spawnSync(process.execPath, ['--expose-gc', SCRIPT, '--child', String(entries), String(runs)], {
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
    maxBuffer: 16 * MIB,
  });
  const line = child.stdout.split('\n').find((text) => text.startsWith(RESULT_PREFIX));
  if (child.status !== 0 || line === undefined) throw new Error(`the ${entries}-entry run failed (exit ${child.status ?? child.signal})`);
  return JSON.parse(line.slice(RESULT_PREFIX.length)) as SizeResult;
}

function formatTimes(values: readonly number[]): string {
  if (values.length === 1) return `${formatSeconds(values[0] ?? 0)} (1 run)`;
  return `${formatSeconds(Math.min(...values))} / ${formatSeconds(median(values))} (${values.length} runs)`;
}

/** The results as a markdown table, one row per size. */
export function markdownTable(results: readonly SizeResult[]): string {
  const header = [
    '| Entries | Dumps | Papers (planted) | Warnings | Errors | Read floor (median) | buildCorpus min / median | Entries/s | × floor | Heap used before → after | Peak RSS |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  const rows = results.map((r) => {
    const build = median(r.buildSeconds);
    const floor = median(r.floorSeconds);
    return `| ${formatCount(r.entries)} | ${r.files} files, ${r.megabytes.toFixed(1)} MiB | ${formatCount(r.papers)} (${formatCount(r.plantedPapers)}) | ${formatCount(r.warnings)} | ${r.errors} | ${formatSeconds(floor)} | ${formatTimes(r.buildSeconds)} | ${formatCount(r.entries / build)} | ${Math.round(build / floor)}× | ${r.heapBeforeMiB.toFixed(0)} → ${r.heapAfterMiB.toFixed(0)} MiB | ${r.peakRssMiB.toFixed(0)} MiB |`;
  });
  return [...header, ...rows].join('\n');
}

/** Problems that make the figures untrustworthy: errors on generated data, or a merge that lost or invented papers. */
export function sanityProblems(results: readonly SizeResult[]): string[] {
  return results.flatMap((r) => [
    ...(r.errors > 0 ? [`${formatCount(r.entries)} entries gave ${r.errors} errors`] : []),
    ...(r.papers !== r.plantedPapers ? [`${formatCount(r.entries)} entries merged into ${r.papers} papers, ${r.plantedPapers} were planted`] : []),
  ]);
}

function goalLine(results: readonly SizeResult[]): string {
  const target = `${formatCount(GOAL.entries)} entries in under ${GOAL.seconds} s on this ${os.cpus().length}-core machine`;
  const result = results.find((r) => r.entries === GOAL.entries);
  if (!result) return `**Goal:** ${target}. **Status:** not measured in this run.`;
  const took = median(result.buildSeconds);
  return `**Goal:** ${target}. **Status:** ${took < GOAL.seconds ? 'met' : 'not met'} (${formatSeconds(took)}).`;
}

/** The BENCHMARKS.md section for these results. */
export function benchmarkSection(results: readonly SizeResult[]): string {
  return [
    SECTION_TITLE,
    '',
    '_Written by `npm run bench -- --only=parse --write` (tests/bench/parse-bench.ts); re-running replaces this section only._',
    '',
    'Times `buildCorpus` (src/lib/pipeline.ts: parse, title/author split, normalise, merge, validate) on a synthetic',
    `corpus from tests/bench/generate-corpus.ts (seed ${SEED}): ~60% card entries, ~15% abstract-only entries (95% copies of`,
    'card abstracts, a quarter of them edited), ~25% arXiv id entries (30% copies of card papers, a few repeated ids),',
    'some cards repeated in a later dump, files of ~2,000 entries. Each size runs in a fresh process; generation is not timed.',
    '',
    goalLine(results),
    '',
    machineLine(),
    '',
    markdownTable(results),
    '',
    '- Read floor: split every dump into lines and test one regex per line; "× floor" is the median buildCorpus time',
    '  over it, the figure to compare between machines.',
    '- Papers (planted): records built, and the distinct papers the generator planted; they match when merging is exact.',
    '  Warnings are the incomplete records of the planted orphan abstracts (5% of abstract-only entries) plus rare',
    '  uncertain title/author splits.',
    '- Heap used: `heapUsed` after a forced GC with the dumps loaded (before) and with the last result still referenced',
    '  (after). Peak RSS: `process.resourceUsage().maxRSS` of the size\'s process, generation included.',
  ].join('\n');
}

function requestedSizes(args: readonly string[]): ReadonlyArray<{ entries: number; runs: number }> {
  const option = flagValue(args, 'sizes');
  if (!option) return SIZES;
  return option
    .split(',')
    .map((entries) => ({ entries: Number(entries), runs: SIZES.find((size) => size.entries === Number(entries))?.runs ?? 1 }));
}

/** Runs the parse+merge benchmark (or, with `--child`, one size of it). */
export function main(args: readonly string[]): void {
  if (args[0] === '--child') {
    const result = measureSize(Number(args[1]), Number(args[2]));
    console.log(`${RESULT_PREFIX}${JSON.stringify(result)}`);
    return;
  }
  const results = requestedSizes(args).map(({ entries, runs }) => spawnSize(entries, runs));
  const section = benchmarkSection(results);
  console.log(`\n${section}`);
  const problems = sanityProblems(results);
  for (const problem of problems) console.error(`sanity check failed: ${problem}`);
  if (problems.some((problem) => problem.includes('errors'))) process.exitCode = 1;
  if (shouldWrite(args)) {
    if (process.exitCode === 1) console.error('BENCHMARKS.md not updated: the corpus gave errors');
    else writeSection(SECTION_TITLE, section);
  }
}

if (import.meta.main) main(process.argv.slice(2));
