import type { APIRoute, GetStaticPaths } from 'astro';
import { papersJsonResponse } from '../../../lib/papers-json.ts';
import { getSiteData } from '../../../lib/routes.ts';
import type { AuthorView } from '../../../lib/site-data.ts';

export const getStaticPaths = (async () => (await getSiteData()).authors.map((author) => ({ params: { slug: author.slug }, props: { author } }))) satisfies GetStaticPaths;

/** An author's records, newest first, in the papers.json shape. */
export const GET: APIRoute = ({ props }) => papersJsonResponse((props as { author: AuthorView }).author.papers.map((view) => view.paper));
