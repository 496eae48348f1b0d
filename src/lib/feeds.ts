import { getRssString, type RSSFeedItem } from '@astrojs/rss';
import { richTextToPlain, excerpt } from './render/rich-text.ts';
import type { PaperView } from './site-data.ts';
import type { SiteLink } from './site-links.ts';

/** Items in each feed: the newest papers. */
export const FEED_SIZE = 50;

/** Feed paths next to the pages they follow. */
export const feedPaths = {
  site: () => 'feed.xml',
  category: (id: string) => `categories/${id}/feed.xml`,
  author: (slug: string) => `authors/${slug}/feed.xml`,
};

/** What a feed needs to know about the site. */
export interface FeedSite {
  title: string;
  /** The absolute URL of a site path (base included). */
  url: SiteLink;
}

const XML_UNSAFE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const XML_ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => XML_ENTITIES[char] ?? char);
}

// A paper's item is the same in every feed it is in (the site's, its categories', its authors'): made once per site.
const itemsBySite = new WeakMap<FeedSite, WeakMap<PaperView, RSSFeedItem>>();

function feedItem(site: FeedSite, view: PaperView): RSSFeedItem {
  let items = itemsBySite.get(site);
  if (!items) itemsBySite.set(site, (items = new WeakMap()));
  let item = items.get(view);
  if (!item) {
    item = {
      // @astrojs/rss escapes text; characters XML cannot hold at all are dropped.
      title: view.titlePlain.replace(XML_UNSAFE, ''),
      link: site.url(view.path),
      ...(view.paper.published ? { pubDate: new Date(`${view.paper.published}T00:00:00Z`) } : {}),
      description: richTextToPlain(excerpt(view.paper.abstract ?? '', 600)).replace(XML_UNSAFE, ''),
      categories: view.paper.categories.map((category) => category.id),
      // RSS's own <author> wants an e-mail address; Dublin Core's creator takes names.
      // The shown authors, then a profile owner their "et al." hid: each a creator, in no claimed order.
      customData: [...view.paper.authors, ...view.paper.hiddenAuthors].map((author) => `<dc:creator>${escapeXml(author.name.replace(XML_UNSAFE, ''))}</dc:creator>`).join(''),
    };
    items.set(view, item);
  }
  return item;
}

/**
 * The RSS 2.0 feed (XML text) at `feedPath` of the newest papers of a list (already newest first), linked to the
 * list's page at `pagePath`.
 */
export function paperFeedXml(site: FeedSite, title: string, description: string, papers: readonly PaperView[], feedPath: string, pagePath = ''): Promise<string> {
  return getRssString({
    title: `${title} · ${site.title}`,
    description,
    // The channel's <link> is the page the feed follows.
    site: site.url(pagePath),
    trailingSlash: true,
    items: papers.slice(0, FEED_SIZE).map((view) => feedItem(site, view)),
    xmlns: { dc: 'http://purl.org/dc/elements/1.1/', atom: 'http://www.w3.org/2005/Atom' },
    // The feed's own address, as the RSS Advisory Board recommends: readers and validators find it from the feed.
    customData: `<atom:link href="${escapeXml(site.url(feedPath))}" rel="self" type="application/rss+xml"/>`,
  });
}
