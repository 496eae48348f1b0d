import type { AsPlainObject } from 'minisearch';
import { toPlainText } from '../plain-text.ts';
import { richTextPieces } from '../render/rich-text.ts';
import { safeJson } from '../safe-json.ts';
import type { Paper } from '../schema.ts';
import { paths } from '../site-data.ts';
import { serialisedIndex } from './serialised-index.ts';
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
    return {
      id: position,
      title: toPlainText(title),
      authors: names,
      categories: paper.categories.map((category) => `${category.id} ${category.name ?? ''}`).join(' '),
      t: paper.title === null ? [[title, 0]] : richTextPieces(paper.title),
      a: paper.authorsTruncated ? `${names} et al.` : names,
      d: paper.published ?? '',
      c: paper.categories.map((category) => category.id),
      h: paper.hasCode ? 1 : 0,
      p: paths.paper(paper.id),
      k: Math.floor(position / TEXT_CHUNK_SIZE),
    };
  });
}

/** One full-index document per paper: the title document plus the abstract as plain text. */
export function fullDocuments(papers: readonly Paper[]): FullDocument[] {
  return titleDocuments(papers).map((document, position) => ({ ...document, abstract: toPlainText(papers[position]?.abstract ?? '') }));
}

/**
 * The title index cut out of the full index: the same documents, stored fields and postings, minus the fields
 * after the title fields (the abstract). It is what a MiniSearch index of the title fields alone contains
 * (the same terms, frequencies and field lengths, so the same scores), without indexing every paper twice.
 */
export function titleIndexOf(full: AsPlainObject): AsPlainObject {
  const kept = TITLE_FIELDS.length;
  // The title fields must be the full index's first field ids for the cut to keep their ids.
  TITLE_FIELDS.forEach((field, id) => {
    if (full.fieldIds[field] !== id) throw new Error(`search: field "${field}" has id ${full.fieldIds[field]} in the full index, expected ${id}`);
  });
  const fieldIds = Object.fromEntries(TITLE_FIELDS.map((field, id) => [field, id]));
  const fieldLength = Object.fromEntries(Object.entries(full.fieldLength).map(([shortId, lengths]) => [shortId, lengths.slice(0, kept)]));
  const index: AsPlainObject['index'] = [];
  for (const [term, postings] of full.index) {
    const titlePostings = Object.fromEntries(Object.entries(postings).filter(([fieldId]) => Number(fieldId) < kept));
    if (Object.keys(titlePostings).length > 0) index.push([term, titlePostings]);
  }
  return { ...full, fieldIds, fieldLength, averageFieldLength: full.averageFieldLength.slice(0, kept), index };
}

/** Builds both MiniSearch indexes (once, at build time) and the snippet chunks: abstracts as pieces, math flagged. */
export function buildSearchAssets(papers: readonly Paper[]): SearchAssets {
  const fullJson = serialisedIndex(fullDocuments(papers), FULL_INDEX_OPTIONS);
  const chunks: string[] = [];
  for (let start = 0; start < papers.length; start += TEXT_CHUNK_SIZE) {
    const texts: TextPiece[][] = papers.slice(start, start + TEXT_CHUNK_SIZE).map((paper) => (paper.abstract ? richTextPieces(paper.abstract) : []));
    chunks.push(safeJson(texts));
  }
  return { titles: safeJson(titleIndexOf(fullJson)), full: safeJson(fullJson), chunks };
}
