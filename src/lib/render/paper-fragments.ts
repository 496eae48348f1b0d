import { toBibtex } from '../bibtex.ts';
import type { Paper } from '../schema.ts';
import { escapeHtml } from './escape-html.ts';
import type { LinkedFragments } from './linked-fragments.ts';
import { excerpt, hasMath, renderRichText, richTextToPlain } from './rich-text.ts';

/** A paper's text as the pages show it: what renderPaperFragments makes of the record, once per build. */
export interface PaperFragments {
  titleHtml: string;
  titlePlain: string;
  abstractHtml: string | null;
  /** The start of the abstract, for paper lists. */
  excerptHtml: string | null;
  commentsHtml: string | null;
  /** The page's meta description: the start of the abstract as plain text. */
  description: string;
  bibtex: string;
  /** The paper's own page needs KaTeX's stylesheet. */
  hasMath: boolean;
  /** A list showing this paper's title and excerpt needs KaTeX's stylesheet. */
  listHasMath: boolean;
  /** The markup that links into the site, when the data-files worker made it with the site's links. */
  linked?: LinkedFragments;
}

/** The plain text of a paper's title, or its arXiv id (or id) when no dump gave one. */
export function plainTitle(paper: Paper): string {
  return paper.title === null ? untitledLabel(paper) : richTextToPlain(paper.title);
}

function untitledLabel(paper: Paper): string {
  return paper.arxivId ? `arXiv:${paper.arxivId}` : paper.id;
}

/**
 * Renders a record's title, abstract, excerpt and comments (KaTeX included), its plain title and description, and
 * its BibTeX under `bibtexKey` (uniqueBibtexKeys gives each paper of a site its own).
 */
export function renderPaperFragments(paper: Paper, onMathError: (message: string) => void = () => {}, bibtexKey?: string): PaperFragments {
  const report = (field: string) => (error: string, source: string) =>
    onMathError(`paper ${paper.id}: the formula ${source.slice(0, 80)} in its ${field} could not be rendered (${error}); it is shown as source`);
  const titlePlain = plainTitle(paper);
  const shortAbstract = paper.abstract === null ? null : excerpt(paper.abstract);
  const titleMath = paper.title !== null && hasMath(paper.title);
  return {
    titleHtml: paper.title === null ? escapeHtml(untitledLabel(paper)) : renderRichText(paper.title, report('title')),
    titlePlain,
    // URLs become links in the abstract and comments only: a title or an excerpt sits inside the paper's own link.
    abstractHtml: paper.abstract === null ? null : renderRichText(paper.abstract, report('abstract'), { links: true }),
    excerptHtml: shortAbstract === null ? null : renderRichText(shortAbstract),
    commentsHtml: paper.comments === null ? null : renderRichText(paper.comments, report('comments'), { links: true }),
    description: paper.abstract ? richTextToPlain(excerpt(paper.abstract, 200)) : `${titlePlain} — a paper record`,
    bibtex: toBibtex(paper, bibtexKey),
    hasMath: titleMath || [paper.abstract, paper.comments].some((text) => text !== null && hasMath(text)),
    listHasMath: titleMath || (shortAbstract !== null && hasMath(shortAbstract)),
  };
}
