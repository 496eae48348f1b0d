import { ARXIV_CATEGORIES } from './taxonomy.ts';

/** A validated arXiv identifier without its version, and the version when one was given. */
export interface ArxivId {
  id: string;
  version: number | null;
  /** Archive named by an old-style id ("hep-th" for hep-th/9711200, "math.GT" for math.GT/0309136). */
  archive: string | null;
}

// Versions start at v1: "v0" (or "v01") is not an arXiv version.
const NEW_STYLE = /^(\d{2})(\d{2})\.(\d{4,5})(?:v([1-9]\d*))?$/;
const OLD_STYLE = /^([a-z]+(?:-[a-z]+)?)(\.[A-Z]{2})?\/(\d{2})(\d{2})(\d{3})(?:v([1-9]\d*))?$/;

function knownArchive(archive: string): boolean {
  return Object.hasOwn(ARXIV_CATEGORIES, archive) || Object.keys(ARXIV_CATEGORIES).some((id) => id.startsWith(`${archive}.`));
}

/** Parses `2510.15464`, `2510.15464v2`, `hep-th/9711200` or `math.GT/0309136v1`; null when it is not a valid id (version 0 included). */
export function parseArxivId(raw: string): ArxivId | null {
  const text = raw.trim().replace(/^arxiv:\s*/i, '');
  const modern = NEW_STYLE.exec(text);
  if (modern) {
    const [, yy, mm, number, version] = modern;
    const yymm = Number(`${yy}${mm}`);
    const month = Number(mm);
    if (month < 1 || month > 12 || yymm < 704) return null;
    if ((yymm >= 1501) !== (number?.length === 5)) return null;
    return { id: `${yy}${mm}.${number}`, version: version ? Number(version) : null, archive: null };
  }
  const old = OLD_STYLE.exec(text);
  if (old) {
    const [, archive = '', subject = '', yy, mm, number, version] = old;
    const month = Number(mm);
    const year = Number(yy);
    // Old-style ids ran from 1991-08 to 2007-03.
    const inRange = year >= 91 ? year > 91 || month >= 8 : year < 7 || (year === 7 && month <= 3);
    if (month < 1 || month > 12 || !inRange || !knownArchive(archive)) return null;
    const id = `${archive}${subject}/${yy}${mm}${number}`;
    const archiveCategory = subject ? `${archive}${subject}` : archive;
    return { id, version: version ? Number(version) : null, archive: archiveCategory };
  }
  return null;
}
