import type { APIRoute, GetStaticPaths } from 'astro';
import { papersJsonResponse } from '../../../lib/papers-json.ts';
import { getSiteData } from '../../../lib/routes.ts';
import type { CategoryView } from '../../../lib/site-data.ts';

export const getStaticPaths = (async () => (await getSiteData()).categories.map((category) => ({ params: { id: category.id }, props: { category } }))) satisfies GetStaticPaths;

/** A category's records, newest first, in the papers.json shape. */
export const GET: APIRoute = ({ props }) => papersJsonResponse((props as { category: CategoryView }).category.papers.map((view) => view.paper));
