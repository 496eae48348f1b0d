import type { APIRoute, GetStaticPaths } from 'astro';
import { paperFeed } from '../../../lib/feeds.ts';
import { getSiteData } from '../../../lib/routes.ts';
import type { CategoryView } from '../../../lib/site-data.ts';

export const getStaticPaths = (async () => (await getSiteData()).categories.map((category) => ({ params: { id: category.id }, props: { category } }))) satisfies GetStaticPaths;

/** RSS feed of a category's newest papers. */
export const GET: APIRoute = ({ props }) => {
  const { category } = props as { category: CategoryView };
  const name = category.name ? `${category.name} (${category.id})` : category.id;
  return paperFeed(name, `Newest papers in ${name}.`, category.papers);
};
