/**
 * `npm run bench [-- --write] [-- --only=parse,site,search] [-- <benchmark flags>]`: runs the benchmarks, each
 * in its own process, in the order parse, site, search (search reuses the 10k site the site benchmark built).
 * With `--write` (or BENCH_WRITE=1) each replaces only its own section of BENCHMARKS.md. BENCH_DATE=YYYY-MM-DD
 * overrides the date shown. Flags are passed to every benchmark; each reads its own:
 *
 * - parse (parse-bench.ts, issue #2): `--sizes=10000,100000`
 * - site (site-bench.ts, issue #3): `--runs=2`, `--in-memory`, `--profile`
 * - search (search-bench.ts, issue #4): `--papers=10k,50k`, `--skip-pagefind`, `--index-only-50k`, `--report-only`
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { flagValue } from './bench-report.ts';

/** The benchmarks by name, in the order they run. */
export const BENCHMARKS = {
  parse: 'parse-bench.ts',
  site: 'site-bench.ts',
  search: 'search-bench.ts',
} as const;

/** A benchmark's name. */
export type BenchmarkName = keyof typeof BENCHMARKS;

function isBenchmark(name: string): name is BenchmarkName {
  return Object.hasOwn(BENCHMARKS, name);
}

/** The benchmarks `--only=a,b` selects (all when absent); throws on an unknown name. */
export function selectedBenchmarks(args: readonly string[]): BenchmarkName[] {
  const only = flagValue(args, 'only');
  if (only === undefined) return Object.keys(BENCHMARKS) as BenchmarkName[];
  const names = only.split(',').map((name) => name.trim());
  const unknown = names.filter((name) => !isBenchmark(name));
  if (unknown.length > 0) throw new Error(`unknown benchmark(s) ${unknown.join(', ')}; choose from ${Object.keys(BENCHMARKS).join(', ')}`);
  return (Object.keys(BENCHMARKS) as BenchmarkName[]).filter((name) => names.includes(name));
}

function runBenchmark(name: BenchmarkName, args: readonly string[]): boolean {
  const script = fileURLToPath(new URL(BENCHMARKS[name], import.meta.url));
  console.error(`\n=== ${name} benchmark (${BENCHMARKS[name]}) ===`);
  const result = spawnSync(process.execPath, [script, ...args.filter((arg) => !arg.startsWith('--only='))], { stdio: 'inherit' });
  if (result.status !== 0) console.error(`the ${name} benchmark failed (exit ${result.status ?? result.signal})`);
  return result.status === 0;
}

/** Runs the selected benchmarks one after the other; exits 1 when any failed. */
export function main(args: readonly string[]): void {
  const failed = selectedBenchmarks(args).filter((name) => !runBenchmark(name, args));
  if (failed.length > 0) {
    console.error(`\nfailed: ${failed.join(', ')}`);
    process.exitCode = 1;
  }
}

if (import.meta.main) main(process.argv.slice(2));
