import type { Paper } from '../schema.ts';
import { escapeHtml } from './escape-html.ts';

/**
 * The Highwire Press `citation_*` meta tags of a paper page, which Google Scholar indexes and Zotero, Mendeley
 * and other reference managers import from (as on arXiv's abstract pages). Only what the record knows: no
 * title for an untitled paper, no date for an undated one.
 */
export function citationMetaHtml(paper: Paper, titlePlain: string): string {
  const tags: Array<[string, string]> = [];
  if (paper.title !== null) tags.push(['citation_title', titlePlain]);
  for (const author of paper.authors) tags.push(['citation_author', author.name]);
  // Scholar asks for slashes: 2025/10/17.
  if (paper.published) tags.push(['citation_publication_date', paper.published.replaceAll('-', '/')]);
  if (paper.arxivId) {
    tags.push(['citation_arxiv_id', paper.arxivId]);
    tags.push(['citation_pdf_url', `https://arxiv.org/pdf/${paper.arxivId}`]);
  }
  return tags.map(([name, content]) => `<meta name="${name}" content="${escapeHtml(content)}">`).join('');
}
