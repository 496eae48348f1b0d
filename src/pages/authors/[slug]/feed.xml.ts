import type { APIRoute, GetStaticPaths } from 'astro';
import { paperFeed } from '../../../lib/feeds.ts';
import { getSiteData } from '../../../lib/routes.ts';
import type { AuthorView } from '../../../lib/site-data.ts';

export const getStaticPaths = (async () => (await getSiteData()).authors.map((author) => ({ params: { slug: author.slug }, props: { author } }))) satisfies GetStaticPaths;

/** RSS feed of an author's newest papers. */
export const GET: APIRoute = ({ props }) => {
  const { author } = props as { author: AuthorView };
  return paperFeed(author.name, `Newest papers by ${author.name}.`, author.papers);
};
