import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import { basename, join, relative, sep } from 'node:path';
import { decodeDump } from './decode.ts';
import { buildCorpus, type Corpus, type CorpusOptions, type DumpInput } from './pipeline.ts';
import { userError } from './user-error.ts';

const isDumpName = (name: string) => name.toLowerCase().endsWith('.txt');
const byName = (a: { name: string }, b: { name: string }) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

// The data folder's real path, or an error that says how to point the build at one.
async function realDataDir(dataDir: string): Promise<string> {
  const pointAt = 'set PAPERS_DATA_DIR (or dataDir in src/config.ts) to the folder that holds your dumps';
  let real: string;
  try {
    real = await realpath(dataDir);
  } catch (error) {
    const { code } = error as NodeJS.ErrnoException;
    if (code !== 'ENOENT') throw userError(`the data folder ${dataDir} cannot be read (${(error as Error).message}); ${pointAt}`);
    throw userError(`the data folder ${dataDir} does not exist; create it and put your dumps in it, or ${pointAt}`);
  }
  if (!(await stat(real)).isDirectory()) throw userError(`the data folder ${dataDir} is a file, not a folder; ${pointAt}`);
  return real;
}

/**
 * Every `*.txt` file under the data folder, at any depth (dot-files and dot-folders skipped), as sorted POSIX
 * paths relative to it. Symbolic links are followed, after every real folder, so a folder reached both ways is
 * listed under its real path, and under one path however many links lead to it. A broken link, and a link to a
 * folder that holds the data folder itself (which would read it again from the top), are listed too: reading
 * them fails with an error that names them, instead of their vanishing.
 */
export async function listDumps(dataDir: string, seen: { misplacedSources?: string[] } = {}): Promise<string[]> {
  const root = await realDataDir(dataDir);
  const found: string[] = [];
  const walked = new Set<string>();
  // Real paths of the dumps listed: a link to one of them (or a second link to one outside) lists nothing more.
  const realFiles = new Set<string>();
  const links: string[] = [];
  const siteRelative = (path: string) => relative(dataDir, path).split(sep).join('/');
  const list = (path: string) => found.push(siteRelative(path));
  // A dump once, however many paths lead to it.
  const listFile = (path: string, real: string) => {
    if (realFiles.has(real)) return;
    realFiles.add(real);
    list(path);
  };
  const walk = async (dir: string, real: string): Promise<void> => {
    if (walked.has(real)) return;
    walked.add(real);
    // Sorted: readdir's order differs between file systems, and the first path to a folder names its dumps.
    for (const entry of (await readdir(dir, { withFileTypes: true })).sort(byName)) {
      if (entry.name.startsWith('.')) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await walk(path, join(real, entry.name));
      else if (entry.isSymbolicLink()) links.push(path);
      // A linked folder can hold a dump a file link has already listed.
      else if (entry.isFile() && isDumpName(entry.name)) listFile(path, join(real, entry.name));
      // Only the data folder's own sources.json is read.
      else if (entry.isFile() && entry.name === 'sources.json' && real !== root) seen.misplacedSources?.push(siteRelative(path));
    }
  };
  await walk(dataDir, root);
  // A linked folder's own links join the queue.
  for (let i = 0; i < links.length; i++) {
    const path = links[i] ?? '';
    const target = await stat(path).catch(() => null);
    if (target === null) {
      if (isDumpName(basename(path))) list(path);
    } else if (target.isFile()) {
      if (isDumpName(basename(path))) listFile(path, await realpath(path));
    } else if (target.isDirectory()) {
      const real = await realpath(path);
      if (real === root || root.startsWith(`${real}${sep}`)) list(path);
      else await walk(path, real);
    }
  }
  return found.sort();
}

// Why a listed dump cannot be read, and what to do about it.
function unreadableReason(error: NodeJS.ErrnoException): string {
  if (error.code === 'ENOENT') return 'is a symbolic link to nothing (its target does not exist), or was deleted while the build read it; fix or remove it';
  if (error.code === 'EISDIR') return 'is a symbolic link to a folder that holds the data folder itself, which would read every dump again; remove the link';
  return `cannot be read (${error.message}); fix or remove it`;
}

/** A dump's bytes, or why they cannot be read (a broken link, no permission) as a message for the report. */
async function readDump(dataDir: string, file: string): Promise<DumpInput> {
  try {
    return toDumpInput(file, await readFile(join(dataDir, file)));
  } catch (error) {
    return { file, error: unreadableReason(error as NodeJS.ErrnoException) };
  }
}

/** A dump's bytes decoded for the pipeline: its text (with a note on an unusual encoding), or why it cannot be read. */
export function toDumpInput(file: string, bytes: Uint8Array): DumpInput {
  const decoded = decodeDump(bytes);
  if (!decoded.ok) return { file, error: decoded.reason };
  return decoded.note ? { file, text: decoded.text, encodingNote: decoded.note } : { file, text: decoded.text };
}

/** Reads and decodes every dump of the data folder, plus its optional sources.json. */
export async function readDataDir(
  dataDir: string,
): Promise<{ dumps: DumpInput[]; sources: unknown; sourcesText?: string; sourcesError?: string; misplacedSources: string[] }> {
  const misplacedSources: string[] = [];
  const files = await listDumps(dataDir, { misplacedSources });
  const dumps = await Promise.all(files.map((file) => readDump(dataDir, file)));
  let raw: string;
  try {
    raw = await readFile(join(dataDir, 'sources.json'), 'utf8');
  } catch {
    return { dumps, sources: null, misplacedSources };
  }
  try {
    return { dumps, sources: JSON.parse(raw), sourcesText: raw, misplacedSources };
  } catch (error) {
    return { dumps, sources: null, sourcesError: `is not valid JSON (${(error as Error).message})`, misplacedSources };
  }
}

/** Reads the data folder and builds the corpus: records plus the report. */
export async function loadCorpus(dataDir: string, options: Omit<CorpusOptions, 'sources'> = {}): Promise<Corpus> {
  const { dumps, sources, sourcesText, sourcesError, misplacedSources } = await readDataDir(dataDir);
  const withSources = { dataDir, ...options, sources, misplacedSources, ...(sourcesText === undefined ? {} : { sourcesText }) };
  return buildCorpus(dumps, sourcesError === undefined ? withSources : { ...withSources, sourcesError });
}
