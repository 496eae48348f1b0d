/**
 * Shared by the benchmark scripts: the machine and date line, number formatting, simple statistics and
 * replacing one `## ` section of BENCHMARKS.md without touching the others.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';

/** The benchmarks document at the repository root. */
export const BENCHMARKS_FILE = new URL('../../BENCHMARKS.md', import.meta.url);
/** Bytes in a mebibyte. */
export const MIB = 1024 * 1024;

const DOCUMENT_HEADER = `# Benchmarks

Performance figures for Papershelf. Each section is written by a benchmark script and names the machine and the
date it was measured on; re-running a script replaces only its own section. Seconds from different machines do
not compare; the baseline each section measures alongside its figures does.
`;

/** The date shown in a section: BENCH_DATE (YYYY-MM-DD) or today. Benchmarks may read the clock; builds may not. */
export function benchDate(): string {
  return process.env.BENCH_DATE ?? new Date().toISOString().slice(0, 10);
}

/** "Measured <date> on <CPU> (<cores>, <RAM>), Node <version>, <os> <arch>." */
export function machineLine(): string {
  const cpus = os.cpus();
  const memory = (os.totalmem() / 1024 ** 3).toFixed(1);
  return `Measured ${benchDate()} on ${cpus[0]?.model.trim() ?? 'unknown CPU'} (${cpus.length} cores, ${memory} GiB RAM), Node ${process.version}, ${os.platform()} ${os.arch()}.`;
}

/** The median of a non-empty list (0 for an empty one). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/** The p-th percentile (0–100) by the nearest-rank method (0 for an empty list). */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(sorted.length, rank) - 1] ?? 0;
}

/** An integer with thousands separators: 12,345. */
export function formatCount(value: number): string {
  return Math.round(value).toLocaleString('en-US');
}

/** Seconds with three decimals under 1 s, two above. */
export function formatSeconds(value: number): string {
  return value < 1 ? `${value.toFixed(3)} s` : `${value.toFixed(2)} s`;
}

/** Milliseconds with a precision that suits the size. */
export function formatMs(value: number): string {
  return value < 1 ? `${value.toFixed(2)} ms` : value < 100 ? `${value.toFixed(1)} ms` : `${Math.round(value)} ms`;
}

/** Bytes as B, KiB or MiB. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${Math.round(bytes)} B`;
  if (bytes < MIB) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / MIB).toFixed(bytes < 100 * MIB ? 2 : 1)} MiB`;
}

/** Replaces (or appends) the section that starts with `title`, up to the next `## ` heading. */
export function replaceSection(document: string, title: string, section: string): string {
  const lines = document.split('\n');
  const start = lines.findIndex((line) => line.trim() === title);
  if (start === -1) return `${document.trimEnd()}\n\n${section}\n`;
  const next = lines.findIndex((line, index) => index > start && line.startsWith('## '));
  const rest = next === -1 ? [] : ['', ...lines.slice(next)];
  return `${[...lines.slice(0, start), ...section.split('\n'), ...rest].join('\n').trimEnd()}\n`;
}

/** Writes `section` (which starts with `title`) into BENCHMARKS.md, replacing only that section. */
export function writeSection(title: string, section: string): void {
  const current = existsSync(BENCHMARKS_FILE) ? readFileSync(BENCHMARKS_FILE, 'utf8') : DOCUMENT_HEADER;
  writeFileSync(BENCHMARKS_FILE, replaceSection(current, title, section));
  console.log(`updated ${fileURLToPath(BENCHMARKS_FILE)} (${title})`);
}

/** True when the arguments (or BENCH_WRITE=1) ask for BENCHMARKS.md to be updated. */
export function shouldWrite(args: readonly string[]): boolean {
  return args.includes('--write') || process.env.BENCH_WRITE === '1';
}

/** The value of a `--name=value` argument, or undefined. */
export function flagValue(args: readonly string[], name: string): string | undefined {
  const prefix = `--${name}=`;
  return args.find((arg) => arg.startsWith(prefix))?.slice(prefix.length);
}
