import { scholarlyArticle } from '../json-ld.ts';
import { safeJson } from '../safe-json.ts';
import type { Paper } from '../schema.ts';
import type { SiteLinks } from '../site-links.ts';
import { citationMetaHtml } from './citation-meta.ts';
import { authorLinksHtml, listItemParts, type ListItemParts } from './paper-html.ts';
import type { PaperFragments } from './paper-fragments.ts';

/** The markup of a paper that links into the site: the same on every page that shows the paper. */
export interface LinkedFragments {
  /** The paper page's JSON-LD block: safeJson of its ScholarlyArticle. */
  jsonLd: string;
  /** The paper page's `citation_*` meta tags (citationMetaHtml). */
  citationMeta: string;
  /** The authors linked to their pages (authorLinksHtml). */
  bylineHtml: string;
  /** The paper's list item, at any heading level. */
  listItem: ListItemParts;
}

/** Renders a paper's linked markup from its record and text fragments, with a site's links. */
export function renderLinkedFragments(paper: Paper, text: Pick<PaperFragments, 'titleHtml' | 'titlePlain' | 'excerptHtml' | 'description'>, links: SiteLinks): LinkedFragments {
  return {
    jsonLd: safeJson(scholarlyArticle(paper, text.titlePlain, text.description, links.absolute)),
    citationMeta: citationMetaHtml(paper, text.titlePlain),
    bylineHtml: authorLinksHtml(links.href, paper.authors, paper.authorsTruncated, paper.hiddenAuthors),
    listItem: listItemParts(links.href, paper, text),
  };
}
