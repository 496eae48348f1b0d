import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { decodeDump } from './decode.ts';
import { buildCorpus, type Corpus, type CorpusOptions, type DumpInput } from './pipeline.ts';

/**
 * Every `*.txt` file under the data folder, at any depth (dot-files and dot-folders skipped), as sorted POSIX
 * paths relative to it. Symbolic links are followed, so a dump linked in from elsewhere is read; a folder is
 * read once, however many links lead to it (a link back up the tree is no loop).
 */
export async function listDumps(dataDir: string): Promise<string[]> {
  const found: string[] = [];
  const walkedFolders = new Set<string>();
  const walk = async (dir: string): Promise<void> => {
    const folder = await realpath(dir);
    if (walkedFolders.has(folder)) return;
    walkedFolders.add(folder);
    const entries = await readdir(dir, { withFileTypes: true });
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const path = join(dir, entry.name);
      // A broken link stays a "file": reading it then fails with an error that names it, instead of vanishing.
      const target = entry.isSymbolicLink() ? await stat(path).catch(() => null) : entry;
      if (target?.isDirectory()) await walk(path);
      else if ((target === null || target.isFile()) && entry.name.toLowerCase().endsWith('.txt')) found.push(relative(dataDir, path).split(sep).join('/'));
    }
  };
  try {
    await walk(dataDir);
  } catch (error) {
    const { code, path } = error as NodeJS.ErrnoException;
    if (code === 'ENOENT' && path === dataDir) {
      throw new Error(`the data folder ${dataDir} does not exist; create it and put your dumps in it, or set PAPERS_DATA_DIR (or dataDir in src/config.ts) to the folder that holds them`, { cause: error });
    }
    throw error;
  }
  return found.sort();
}

/** A dump's bytes, or why they cannot be read (a broken link, no permission) as a message for the report. */
async function readDump(dataDir: string, file: string): Promise<DumpInput> {
  try {
    return toDumpInput(file, await readFile(join(dataDir, file)));
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    const reason = code === 'ENOENT' ? 'is a symbolic link to a file that does not exist' : `cannot be read (${message})`;
    return { file, error: `${reason}; fix or remove it` };
  }
}

/** A dump's bytes decoded for the pipeline: its text (with a note on an unusual encoding), or why it cannot be read. */
export function toDumpInput(file: string, bytes: Uint8Array): DumpInput {
  const decoded = decodeDump(bytes);
  if (!decoded.ok) return { file, error: decoded.reason };
  return decoded.note ? { file, text: decoded.text, encodingNote: decoded.note } : { file, text: decoded.text };
}

/** Reads and decodes every dump of the data folder, plus its optional sources.json. */
export async function readDataDir(dataDir: string): Promise<{ dumps: DumpInput[]; sources: unknown; sourcesError?: string }> {
  const files = await listDumps(dataDir);
  const dumps = await Promise.all(files.map((file) => readDump(dataDir, file)));
  let raw: string;
  try {
    raw = await readFile(join(dataDir, 'sources.json'), 'utf8');
  } catch {
    return { dumps, sources: null };
  }
  try {
    return { dumps, sources: JSON.parse(raw) };
  } catch (error) {
    return { dumps, sources: null, sourcesError: `is not valid JSON (${(error as Error).message})` };
  }
}

/** Reads the data folder and builds the corpus: records plus the report. */
export async function loadCorpus(dataDir: string, options: Omit<CorpusOptions, 'sources'> = {}): Promise<Corpus> {
  const { dumps, sources, sourcesError } = await readDataDir(dataDir);
  return buildCorpus(dumps, sourcesError === undefined ? { ...options, sources } : { ...options, sources, sourcesError });
}
