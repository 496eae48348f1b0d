import MiniSearch from 'minisearch';
import { toPlainText } from '../plain-text.ts';
import { richTextPieces } from '../render/rich-text.ts';
import { safeJson } from '../safe-json.ts';
import type { Paper } from '../schema.ts';
import { paths } from '../site-data.ts';
import { INDEX_OPTIONS, TEXT_CHUNK_SIZE, type SearchDocument, type TextPiece } from './search-options.ts';

/** The search assets of a site: the serialised index and the snippet-text chunks. */
export interface SearchAssets {
  index: string;
  chunks: string[];
}

/** One search document per paper, in the given order (ids are positions). */
export function searchDocuments(papers: readonly Paper[]): SearchDocument[] {
  return papers.map((paper, position) => {
    const title = paper.title ?? (paper.arxivId ? `arXiv:${paper.arxivId}` : paper.id);
    const names = paper.authors.map((author) => author.name).join(', ');
    return {
      id: position,
      title: toPlainText(title),
      authors: names,
      abstract: toPlainText(paper.abstract ?? ''),
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

/** Builds the MiniSearch index (once, at build time) and the snippet chunks: abstracts as pieces, math flagged. */
export function buildSearchAssets(papers: readonly Paper[]): SearchAssets {
  const search = new MiniSearch<SearchDocument>(INDEX_OPTIONS);
  search.addAll(searchDocuments(papers));
  const chunks: string[] = [];
  for (let start = 0; start < papers.length; start += TEXT_CHUNK_SIZE) {
    const texts: TextPiece[][] = papers.slice(start, start + TEXT_CHUNK_SIZE).map((paper) => (paper.abstract ? richTextPieces(paper.abstract) : []));
    chunks.push(safeJson(texts));
  }
  return { index: safeJson(search), chunks };
}
