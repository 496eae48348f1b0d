import { absoluteUrl } from './absolute-url.ts';
import { richTextToPlain } from './render/rich-text.ts';
import { paths, type PaperView } from './site-data.ts';

/** schema.org ScholarlyArticle data of a paper, from its record (rendered with safeJson into a JSON-LD block). */
export function scholarlyArticle(view: PaperView): Record<string, unknown> {
  const { paper } = view;
  const data: Record<string, unknown> = {
    '@context': 'https://schema.org',
    '@type': 'ScholarlyArticle',
    headline: view.titlePlain,
    name: view.titlePlain,
    url: absoluteUrl(view.path),
    author: paper.authors.map((author) => ({ '@type': 'Person', name: author.name, url: absoluteUrl(paths.author(author.slug)) })),
    about: paper.categories.map((category) => ({ '@type': 'Thing', name: category.name ?? category.id, identifier: category.id })),
  };
  if (paper.published) data.datePublished = paper.published;
  if (paper.updated) data.dateModified = paper.updated;
  if (paper.abstract) data.abstract = richTextToPlain(paper.abstract);
  if (paper.comments) data.comment = richTextToPlain(paper.comments);
  if (paper.affiliations.length > 0) data.sourceOrganization = paper.affiliations.map((name) => ({ '@type': 'Organization', name }));
  if (paper.arxivId) {
    data.identifier = { '@type': 'PropertyValue', propertyID: 'arXiv', value: paper.arxivId };
    data.sameAs = `https://arxiv.org/abs/${paper.arxivId}`;
  }
  if (paper.codeUrl) data.isBasedOn = paper.codeUrl;
  return data;
}
