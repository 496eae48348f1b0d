import type { Paper } from './schema.ts';
import { paths } from './site-data.ts';

/**
 * schema.org ScholarlyArticle data of a paper, from its record (rendered with safeJson into a JSON-LD block);
 * `absolute` makes the absolute URL of a site path. `description` is the page's short description, not the
 * whole abstract: the abstract is on the page and in papers.json, and repeating it here made every paper page
 * about a kilobyte larger.
 */
export function scholarlyArticle(paper: Paper, titlePlain: string, description: string, absolute: (path: string) => string): Record<string, unknown> {
  const data: Record<string, unknown> = {
    '@context': 'https://schema.org',
    '@type': 'ScholarlyArticle',
    headline: titlePlain,
    name: titlePlain,
    url: absolute(paths.paper(paper.id)),
    author: paper.authors.map((author) => ({ '@type': 'Person', name: author.name, url: absolute(paths.author(author.slug)) })),
    about: paper.categories.map((category) => ({ '@type': 'Thing', name: category.name ?? category.id, identifier: category.id })),
  };
  if (paper.published) data.datePublished = paper.published;
  if (paper.updated) data.dateModified = paper.updated;
  if (paper.abstract) data.description = description;
  if (paper.affiliations.length > 0) data.sourceOrganization = paper.affiliations.map((name) => ({ '@type': 'Organization', name }));
  if (paper.arxivId) {
    data.identifier = { '@type': 'PropertyValue', propertyID: 'arXiv', value: paper.arxivId };
    data.sameAs = `https://arxiv.org/abs/${paper.arxivId}`;
  }
  // The code link is on the page, not here: schema.org has no property for a paper's code, and `isBasedOn` would say
  // the paper derives from the repository.
  return data;
}
