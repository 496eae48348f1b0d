import { titleSlug } from './pipeline.ts';
import type { Paper } from './schema.ts';

// A paper's first source as a sortable text: the file, then the line, zero-padded.
function sourceOrder(paper: Paper): string {
  const first = paper.sources[0];
  return `${first?.file ?? ''}\u0000${String(first?.line ?? 0).padStart(9, '0')}`;
}

/**
 * The ids papers had before a listing gave them their arXiv id. A paper known only from a card listing has its
 * title's slug as id (and URL); once an arXiv id listing names it too, its id is the arXiv id. Its old address
 * stays a page that leads to the new one, so links, bookmarks and search engines that knew it still work.
 * Only an address no paper holds now: the slug of a paper's title while another paper with that title has it
 * keeps pointing at that one.
 */
export function movedPaperIds(papers: readonly Paper[]): Array<{ from: string; to: Paper }> {
  const taken = new Set(papers.map((paper) => paper.id));
  const moved: Array<{ from: string; to: Paper }> = [];
  // In the order the ids were given in (the dumps' file and line order): of two papers with one title, the first
  // had the plain address.
  const inFileOrder = papers.map((paper) => ({ paper, order: sourceOrder(paper) })).sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : 0));
  for (const { paper } of inFileOrder) {
    if (paper.arxivId === null || paper.title === null || !paper.sources.some((source) => source.format === 'card-listing')) continue;
    const from = titleSlug(paper.title);
    if (from === '' || taken.has(from)) continue;
    taken.add(from);
    moved.push({ from, to: paper });
  }
  return moved;
}
