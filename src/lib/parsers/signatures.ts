/** Line shapes that identify each dump format; shared by the parsers and format detection. */

/** The `Abstract:` marker that starts every entry of an abstract-only listing. */
export const ABSTRACT_PREFIX = /^Abstract\s?:\s*/i;
/**
 * The start of an arXiv id line: `arXiv:` (any case, a space allowed before the colon) or an arxiv.org `abs`/`pdf`
 * URL. A line that starts so is an id line: it is read as one, or it is an error; it never becomes abstract text.
 */
export const ARXIV_START = /^(?:arXiv\s?:|(?:https?:\/\/)?(?:www\.|export\.)?arxiv\.org\/(?:abs|pdf)\/)/i;
/** The start of a `Created:` line; like an id line, it is read as one or it is an error. */
export const CREATED_START = /^Created\s?:/i;
/** The shape of a category id: `cs.LG`, `quant-ph`, `cond-mat.stat-mech`, `math.GT`. */
export const CATEGORY_ID = /^[A-Za-z]+(?:-[A-Za-z]+)?(?:\.[A-Za-z]+(?:-[A-Za-z]+)?)?$/;
/** `Created: 2025-10-17 Updated: 2025-10-20` (Updated optional). */
export const CREATED_LINE = /^Created\s?:\s?(\S+)(?:\s+Updated\s?:\s?(\S+))?$/i;

/** True for lines that start an entry of the abstract-only or arXiv id formats, or belong to one. */
export function isForeignEntryLine(line: string): boolean {
  return ABSTRACT_PREFIX.test(line) || ARXIV_START.test(line) || CREATED_START.test(line);
}

/** Labelled lines of an arXiv search-results page (`Authors: …`, `Journal ref: …`): page text in every format read here. */
export const SEARCH_PAGE_LABEL = /^(?:Authors|Journal ref|MSC Class|ACM Class|Report number|DOI)\s?:/i;

/** The `Comments:` label arXiv pages print before a paper's comments: page text, not part of them. */
export const COMMENTS_LABEL = /^Comments\s?:\s*/i;
