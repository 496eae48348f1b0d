/**
 * In-memory builds for the site benchmark (`--in-memory`): the project's build inputs copied to a tmpfs
 * (Linux's /dev/shm), so that a build and its floor write their output to memory, not to the disk. On this
 * project's VMs, writing 15,000 small files to disk took from 1.1 s to 10.5 s of mostly kernel time depending
 * on what the disk had just done (a large delete before it was the slow case); in memory the comparison
 * measures Astro and the project's own work. The whole project is copied, not just the output folder: Astro
 * moves files from `<root>/.astro/` into the output folder with rename(), which cannot cross filesystems.
 */
import { cpSync, existsSync, lstatSync, mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './astro-build.ts';

/** Where in-memory builds happen. */
export const MEMORY_ROOT = '/dev/shm/papershelf-bench';
/** The copy of the project inside MEMORY_ROOT. */
export const MEMORY_SITE_DIR = join(MEMORY_ROOT, 'site');
/** The trivial floor (same build settings) inside MEMORY_ROOT. */
export const MEMORY_TRIVIAL_DIR = join(MEMORY_ROOT, 'trivial-same-settings');
/** The same-bytes floor (the real site's page sizes, same build settings) inside MEMORY_ROOT. */
export const MEMORY_SIZED_DIR = join(MEMORY_ROOT, 'same-bytes');

// What `astro build` reads from the project besides node_modules and the data folder (given by PAPERS_DATA_DIR).
const BUILD_INPUTS = ['astro.config.mjs', 'package.json', 'tsconfig.json', 'src', 'public'];

/** True when this machine has a tmpfs at /dev/shm to build in. */
export function memoryDiskAvailable(): boolean {
  return process.platform === 'linux' && existsSync('/dev/shm');
}

/** Copies the project's build inputs into MEMORY_SITE_DIR (replacing an earlier copy) and links node_modules. */
export function copyProjectToMemory(): string {
  rmSync(MEMORY_SITE_DIR, { recursive: true, force: true });
  mkdirSync(MEMORY_SITE_DIR, { recursive: true });
  for (const input of BUILD_INPUTS) cpSync(join(ROOT, input), join(MEMORY_SITE_DIR, input), { recursive: true });
  const link = join(MEMORY_SITE_DIR, 'node_modules');
  if (!lstatSync(link, { throwIfNoEntry: false })) symlinkSync(join(ROOT, 'node_modules'), link, 'dir');
  return MEMORY_SITE_DIR;
}

/** Deletes everything the in-memory builds wrote (it is RAM). */
export function clearMemoryDisk(): void {
  rmSync(MEMORY_ROOT, { recursive: true, force: true });
}
