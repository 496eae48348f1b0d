import { richTextPieces } from '../render/rich-text.ts';
import { safeJson } from '../safe-json.ts';
import type { Paper } from '../schema.ts';
import { paths } from '../site-data.ts';
import { gatherIndex, indexJson } from './serialised-index.ts';
import { FULL_INDEX_OPTIONS, TEXT_CHUNK_SIZE, TITLE_FIELDS, type FullDocument, type TextPiece, type TitleDocument } from './search-options.ts';

/** The search assets of a site: the two serialised indexes and the snippet-text chunks. */
export interface SearchAssets {
  /** Titles, authors and categories with the display fields: small, loaded on the first interaction. */
  titles: string;
  /** Every field, abstracts included, with the display fields: loaded right after, or alone by the results page. */
  full: string;
  chunks: string[];
}

/** One title-index document per paper, in the given order (ids are positions). */
export function titleDocuments(papers: readonly Paper[]): TitleDocument[] {
  return papers.map((paper, position) => {
    const title = paper.title ?? (paper.arxivId ? `arXiv:${paper.arxivId}` : paper.id);
    const names = paper.authors.map((author) => author.name).join(', ');
    // Searched too: the profile owner "et al." hides is an author (see PaperSchema).
    const hidden = paper.hiddenAuthors.map((author) => author.name).join(', ');
    const shown = paper.authorsTruncated ? `${names} et al.` : names;
    return {
      id: position,
      // As the record has it: tokenize reads math as words itself.
      title,
      authors: [names, hidden].filter((text) => text !== '').join(', '),
      categories: paper.categories.map((category) => `${category.id} ${category.name ?? ''}`).join(' '),
      arxiv: paper.arxivId ?? '',
      t: paper.title === null ? [[title, 0]] : richTextPieces(paper.title),
      a: hidden === '' ? shown : names === '' ? `${hidden} and others` : `${shown} (among them ${hidden})`,
      d: paper.published ?? '',
      c: paper.categories.map((category) => category.id),
      h: paper.hasCode ? 1 : 0,
      p: paths.paper(paper.id),
      k: Math.floor(position / TEXT_CHUNK_SIZE),
      // Only where there are any: MiniSearch stores no field that is undefined.
      ...(paper.affiliations.length > 0 ? { f: paper.affiliations.join(', ') } : {}),
    };
  });
}

/** One full-index document per paper: the title document plus the abstract and the affiliations. */
export function fullDocuments(papers: readonly Paper[]): FullDocument[] {
  return titleDocuments(papers).map((document, position) => ({
    ...document,
    abstract: papers[position]?.abstract ?? '',
    affiliations: document.f ?? '',
  }));
}

/** Builds both MiniSearch indexes (once, at build time) and the snippet chunks: abstracts as pieces, math flagged. */
export function buildSearchAssets(papers: readonly Paper[]): SearchAssets {
  // The title index is the full one cut to its first fields: what an index of the title fields alone holds (the
  // same terms, frequencies and field lengths, so the same scores), without tokenizing every paper twice.
  const index = gatherIndex(fullDocuments(papers), FULL_INDEX_OPTIONS);
  const chunks: string[] = [];
  for (let start = 0; start < papers.length; start += TEXT_CHUNK_SIZE) {
    const texts: TextPiece[][] = papers.slice(start, start + TEXT_CHUNK_SIZE).map((paper) => (paper.abstract ? richTextPieces(paper.abstract) : []));
    chunks.push(safeJson(texts));
  }
  return { titles: indexJson(index, TITLE_FIELDS.length), full: indexJson(index), chunks };
}
