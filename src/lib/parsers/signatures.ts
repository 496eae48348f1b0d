/** Line shapes that identify each dump format; shared by the parsers and format detection. */

/** The `Abstract:` marker that starts every entry of an abstract-only listing. */
export const ABSTRACT_PREFIX = /^Abstract\s?:\s*/i;
/** `arXiv:2510.15464`, `arXiv:2510.15464v2 [cs.LG]`, `arXiv:hep-th/9711200`. */
export const ARXIV_LINE = /^arXiv\s?:\s?(\S+)(?:\s+\[([^\]]*)\])?$/i;
/** The shape of a category id: `cs.LG`, `quant-ph`, `cond-mat.stat-mech`, `math.GT`. */
export const CATEGORY_ID = /^[A-Za-z]+(?:-[A-Za-z]+)?(?:\.[A-Za-z]+(?:-[A-Za-z]+)?)?$/;
/** `Created: 2025-10-17 Updated: 2025-10-20` (Updated optional). */
export const CREATED_LINE = /^Created\s?:\s?(\S+)(?:\s+Updated\s?:\s?(\S+))?$/i;

/** True for lines that start an entry of the abstract-only or arXiv id formats. */
export function isForeignEntryLine(line: string): boolean {
  return ABSTRACT_PREFIX.test(line) || ARXIV_LINE.test(line) || CREATED_LINE.test(line);
}
