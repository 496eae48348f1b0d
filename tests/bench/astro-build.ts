/**
 * Runs and measures one `astro build` for the benchmarks: wall seconds, peak RSS (GNU time's maximum resident set
 * size, or /proc sampling when /usr/bin/time is missing), the log, and helpers to size the output.
 */
import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { THREAD_CPU_PREFIX } from './thread-cpu-report.ts';
export { withProjectBuildLock } from '../build/build-site.ts';

/** The project root. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** Everything the benchmarks write goes under here (gitignored). */
export const OUT = join(ROOT, 'tests/bench/out');
/** Astro's CLI, always the project's copy. */
export const ASTRO_BIN = join(ROOT, 'node_modules/astro/bin/astro.mjs');
/** The content layer's data store of builds in the project (cacheDir is node_modules/.astro by default). */
export const DATA_STORE = join(ROOT, 'node_modules/.astro/data-store.json');

const GNU_TIME = '/usr/bin/time';

/** How to run one build. */
export interface BuildOptions {
  /** Project folder (the command's cwd). */
  cwd: string;
  /** Output folder; removed before the build. */
  outDir: string;
  /** Extra environment (PAPERS_DATA_DIR, …). */
  env?: Record<string, string>;
  /** Where the build's stdout and stderr are written. */
  logFile: string;
  /** With a folder, runs node with --cpu-prof writing there. */
  cpuProfDir?: string;
  /** A module node preloads (`--import`), as `npm run build` preloads src/cli/parse-early.ts. */
  preload?: string;
  /** Files removed before the build so it starts cold (the content layer's data store). */
  coldFiles?: readonly string[];
}

/** What one build measured. */
export interface BuildMeasure {
  /** Wall seconds, process start to exit. */
  seconds: number;
  /** User + system CPU seconds of the build (from GNU time; null without it). */
  cpuSeconds: number | null;
  peakRssMiB: number;
  /** One-minute load average when the build started (other work on the machine skews wall time). */
  loadAverage: number;
  /** Stage times Astro logged. */
  stages: BuildStages;
  /** CPU seconds by thread (tests/bench/thread-cpu-report.ts); null when not reported. */
  threads: ThreadCpu | null;
  exitCode: number;
}

/** CPU seconds of a build's threads. */
export interface ThreadCpu {
  /** The main thread: Astro, the content sync and the page rendering. */
  main: number;
  /** V8's helper threads (the garbage collector's concurrent work, the optimising compiler), alive at exit. */
  v8Helpers: number;
  /** The papershelf data-files worker thread (it reports itself in the build log); null for other builds. */
  dataFilesWorker: number | null;
}

const THREAD_CPU_REPORT = fileURLToPath(new URL('./thread-cpu-report.ts', import.meta.url));

/** The thread CPU times a build log reports, or null. */
export function parseThreadCpu(log: string): ThreadCpu | null {
  const line = log.split('\n').find((text) => text.startsWith(THREAD_CPU_PREFIX));
  if (!line) return null;
  const seconds = new Map(line.slice(THREAD_CPU_PREFIX.length).trim().split(' ').map((pair) => pair.split('=') as [string, string]).map(([name, value]) => [name, Number(value)]));
  const worker = /on a worker thread \(([\d.]+) s of its CPU/.exec(log)?.[1];
  return { main: seconds.get('main') ?? 0, v8Helpers: seconds.get('V8Worker') ?? 0, dataFilesWorker: worker === undefined ? null : Number(worker) };
}

/** Stage times from Astro's build log (null when the line is missing). */
export interface BuildStages {
  /** `[types] Generated Xs`: content layer sync (loaders run) and type generation. */
  syncSeconds: number | null;
  /** `generating static routes` … `✓ Completed in Xs.`: rendering and writing every page and endpoint. */
  routesSeconds: number | null;
}

/** Reads the stage times Astro logs during a build. */
export function parseStages(log: string): BuildStages {
  const sync = /\[types\] Generated ([\d.]+)(m?s)/.exec(log);
  const routes = /generating static routes[\s\S]*?Completed in ([\d.]+)(m?s)/.exec(log);
  const seconds = (match: RegExpExecArray | null) => (match?.[1] === undefined ? null : Number(match[1]) / (match[2] === 'ms' ? 1000 : 1));
  return { syncSeconds: seconds(sync), routesSeconds: seconds(routes) };
}

function nodeArgs(options: BuildOptions): string[] {
  const profile = options.cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${options.cpuProfDir}`] : [];
  const preload = options.preload ? ['--import', options.preload] : [];
  return [...profile, '--import', THREAD_CPU_REPORT, ...preload, ASTRO_BIN, 'build', '--outDir', options.outDir];
}

/** Peak RSS in KiB and user + system CPU seconds from GNU `time -v` output (null when absent). */
export function parseGnuTime(stderr: string): { rssKiB: number | null; cpuSeconds: number | null } {
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr)?.[1];
  const user = /User time \(seconds\): ([\d.]+)/.exec(stderr)?.[1];
  const system = /System time \(seconds\): ([\d.]+)/.exec(stderr)?.[1];
  return {
    rssKiB: rss === undefined ? null : Number(rss),
    cpuSeconds: user === undefined || system === undefined ? null : Number(user) + Number(system),
  };
}

function vmRssKiB(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match?.[1] === undefined ? 0 : Number(match[1]);
  } catch {
    return 0;
  }
}

/** Runs one `astro build` on the pinned Node and measures it; the output folder and `coldFiles` are removed first. */
export async function astroBuild(options: BuildOptions): Promise<BuildMeasure> {
  rmSync(options.outDir, { recursive: true, force: true });
  for (const file of options.coldFiles ?? []) rmSync(file, { force: true });
  if (options.cpuProfDir) mkdirSync(options.cpuProfDir, { recursive: true });
  mkdirSync(dirname(options.logFile), { recursive: true });
  const useTime = existsSync(GNU_TIME);
  const [command, args] = useTime ? [GNU_TIME, ['-v', process.execPath, ...nodeArgs(options)]] : [process.execPath, nodeArgs(options)];
  const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...options.env };
  const loadAverage = os.loadavg()[0] ?? 0;
  const start = performance.now();
  // The build writes its log straight to the file: through a pipe, each of Astro's 15,000 page lines could wait
  // for this process to read it, and this process competes for the same two cores (0.76 s of a profiled build's
  // main thread was spent writing to the pipe, against 0.21 s for the floor's identical number of lines).
  const logFd = openSync(options.logFile, 'w');
  const child = spawn(command, args, { cwd: options.cwd, env, stdio: ['ignore', logFd, logFd] });
  closeSync(logFd);
  let sampledKiB = 0;
  const sampler = useTime ? null : setInterval(() => (sampledKiB = Math.max(sampledKiB, vmRssKiB(child.pid ?? 0))), 100);
  const exitCode = await new Promise<number>((resolve) => child.on('close', (code) => resolve(code ?? 1)));
  const seconds = (performance.now() - start) / 1000;
  if (sampler) clearInterval(sampler);
  const log = readFileSync(options.logFile, 'utf8');
  const time = parseGnuTime(log);
  const peakKiB = useTime ? (time.rssKiB ?? 0) : sampledKiB;
  return { seconds, cpuSeconds: time.cpuSeconds, peakRssMiB: peakKiB / 1024, loadAverage, stages: parseStages(log), threads: parseThreadCpu(log), exitCode };
}

/** Every file under a folder, as absolute paths. */
export function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

/** Number of .html files and total bytes of every file under a folder. */
export function measureOutput(dir: string): { pages: number; bytes: number; files: number } {
  const files = listFiles(dir);
  const pages = files.filter((file) => file.endsWith('.html')).length;
  const bytes = files.reduce((sum, file) => sum + statSync(file).size, 0);
  return { pages, bytes, files: files.length };
}

/** The last lines of a build log, for error messages. */
export function logTail(logFile: string, lines = 30): string {
  return readFileSync(logFile, 'utf8').split('\n').slice(-lines).join('\n');
}
