import type { APIRoute, GetStaticPaths } from 'astro';
import { getSearchAssets } from '../../../lib/routes.ts';

export const getStaticPaths = (async () => {
  const { chunks } = await getSearchAssets();
  return chunks.map((text, chunk) => ({ params: { chunk: String(chunk) }, props: { text } }));
}) satisfies GetStaticPaths;

/** Abstracts of a few papers as text pieces, fetched only to show their snippets on the results page. */
export const GET: APIRoute = ({ props }) => new Response(props.text as string, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
