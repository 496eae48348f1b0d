import type { DumpFormat } from '../schema.ts';
import type { Issue } from '../issues.ts';

/** A date as a listing prints it; the year is null when the listing left it out ("Jun 3"). */
export interface ListingDate {
  year: number | null;
  month: number;
  day: number;
}

/** One entry of a dump as a parser reads it: syntax only, nothing resolved or merged yet. */
export interface DumpEntry {
  format: DumpFormat;
  /** First line of the entry (1-based). */
  line: number;
  /** Every non-blank line this entry consumed, so accounting can prove nothing was skipped. */
  lines: number[];
  /** Card header: relevance score, e.g. 96.9. */
  score?: number;
  /** Card header: subject code as written, e.g. "LG" or "quant-ph". */
  subject?: string;
  /** Card header date. */
  date?: ListingDate;
  /** Card header "Code" flag. */
  hasCode?: boolean;
  /** Card title glued to its author list, split later with corpus knowledge; the title alone when `authorsLine` is set. */
  titleAuthors?: string;
  /** Card author list on a line of its own below the title (as arXiv prints it), read by readAuthorList. */
  authorsLine?: string;
  abstract?: string;
  comments?: string[];
  arxivId?: string;
  version?: number;
  /** Archive an old-style id names ("hep-th" for hep-th/9711200). */
  idArchive?: string;
  /** Category given next to the arXiv id, e.g. "arXiv:2510.15464 [cs.LG]". */
  idCategory?: string;
  created?: string;
  updated?: string;
}

/** What a parser returns for one file. */
export interface ParseResult {
  format: DumpFormat;
  entries: DumpEntry[];
  /** Entries the parser read but could not use; each has a reported issue saying why. */
  dropped: number;
  issues: Issue[];
}

/** A pure parser: text of one dump in, entries and issues out. It never throws. */
export type DumpParser = (text: string, file: string) => ParseResult;
