import { parseArxivId } from '../arxiv-id.ts';
import { parseIsoDate } from '../dates.ts';
import type { Issue } from '../issues.ts';
import { looksLikeProse, quote, splitLines, type DumpLine } from '../text.ts';
import { ARXIV_LINE, CATEGORY_ID, CREATED_LINE } from './signatures.ts';
import type { DumpEntry, ParseResult } from './types.ts';


interface Block {
  text: string;
  line: number;
  lines: number[];
}

// The abstract is the first block that reads as prose (page text such as "Load more" before it is stray);
// with no prose at all there is no abstract, only comments.
function abstractIndex(blocks: Block[]): number {
  return blocks.findIndex((block) => looksLikeProse(block.text));
}

/** Parses an arXiv id listing: abstract, optional comments, `arXiv:<id>`, `Created: … [Updated: …]`, blank-line separated. */
export function parseArxivIdListing(text: string, file: string): ParseResult {
  return parseArxivIdLines(splitLines(text), file);
}

/** The same, over lines already split and cleaned (so a dump is cleaned once). */
export function parseArxivIdLines(lines: readonly DumpLine[], file: string): ParseResult {
  const entries: DumpEntry[] = [];
  const issues: Issue[] = [];
  let pending: Block[] = [];
  let block: Block | null = null;
  let last: DumpEntry | null = null;

  const stray = (line: number, content: string, why: string) =>
    issues.push({ severity: 'warning', file, line, message: `stray line ${quote(content)} ${why}; delete it` });

  const entryFromPending = (line: number): DumpEntry => {
    const entry: DumpEntry = { format: 'arxiv-id-listing', line, lines: [] };
    if (pending.length > 0) {
      const index = abstractIndex(pending);
      pending.slice(0, Math.max(0, index)).forEach((b) => b.lines.forEach((n) => stray(n, b.text, 'comes before the abstract of an entry')));
      const abstract = index === -1 ? undefined : pending[index];
      const comments = index === -1 ? pending : pending.slice(index + 1);
      if (abstract) {
        entry.line = abstract.line;
        entry.abstract = abstract.text;
        entry.lines.push(...abstract.lines);
      }
      if (comments.length > 0) {
        entry.comments = comments.map((block) => block.text);
        comments.forEach((block) => entry.lines.push(...block.lines));
      }
    }
    pending = [];
    return entry;
  };

  for (const { number, text: line } of lines) {
    if (line === '') {
      block = null;
      continue;
    }
    const idMatch = ARXIV_LINE.exec(line);
    if (idMatch) {
      block = null;
      const entry = entryFromPending(number);
      entry.lines.push(number);
      const parsed = parseArxivId(idMatch[1] ?? '');
      if (parsed) {
        entry.arxivId = parsed.id;
        if (parsed.version !== null) entry.version = parsed.version;
        if (parsed.archive !== null) entry.idArchive = parsed.archive;
      } else {
        issues.push({
          severity: 'error',
          file,
          line: number,
          message: `${quote(line)} is not a valid arXiv id; expected "arXiv:2510.15464", "arXiv:2510.15464v2" or "arXiv:hep-th/9711200"`,
        });
      }
      if (idMatch[2] !== undefined && CATEGORY_ID.test(idMatch[2])) {
        entry.idCategory = idMatch[2];
      } else if (idMatch[2] !== undefined) {
        issues.push({ severity: 'warning', file, line: number, message: `${quote(`[${idMatch[2]}]`)} is not a category id such as [cs.LG]; it is ignored` });
      }
      if (entry.abstract === undefined) {
        issues.push({ severity: 'warning', file, line: number, message: `${quote(line)} has no abstract above it; the paper is kept without one` });
      }
      entries.push(entry);
      last = entry;
      continue;
    }
    const created = CREATED_LINE.exec(line);
    if (created) {
      block = null;
      if (!last || last.created !== undefined || pending.length > 0) {
        stray(number, line, 'does not follow an "arXiv:" line');
        continue;
      }
      last.lines.push(number);
      for (const [key, value] of [['created', created[1]], ['updated', created[2]]] as const) {
        if (value === undefined) continue;
        if (parseIsoDate(value)) {
          last[key] = value;
        } else {
          issues.push({
            severity: 'error',
            file,
            line: number,
            message: `${key === 'created' ? 'Created' : 'Updated'} date "${value}" is not a real date; expected YYYY-MM-DD`,
          });
        }
      }
      continue;
    }
    if (block) {
      block.text = `${block.text} ${line}`;
      block.lines.push(number);
    } else {
      block = { text: line, line: number, lines: [number] };
      pending.push(block);
    }
  }
  if (pending.length > 0 && !pending.some((b) => looksLikeProse(b.text))) {
    pending.forEach((b) => b.lines.forEach((n) => stray(n, b.text, 'follows the last entry')));
  } else if (pending.length > 0) {
    const entry = entryFromPending(pending[0]?.line ?? 1);
    if (entry.abstract !== undefined) {
      issues.push({
        severity: 'warning',
        file,
        line: entry.line,
        message: 'this last entry has no "arXiv:" line (was the dump cut off?); it is kept without an id, add "arXiv:<id>" and "Created: YYYY-MM-DD" below it',
      });
      entries.push(entry);
    }
  }
  return { format: 'arxiv-id-listing', entries, dropped: 0, issues };
}
