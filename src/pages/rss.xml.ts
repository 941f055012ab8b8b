import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { loadGarden } from '../lib/load';
import { toUtcDate } from '../lib/dates';
import { urls } from '../lib/site-urls';
import { siteConfig } from '../site.config';

export async function GET(context: APIContext) {
  const garden = await loadGarden();
  return rss({
    title: `${siteConfig.title} — shorts`,
    description: siteConfig.description,
    // The channel links to the garden's home, under its base path (https://user.github.io/repo/).
    site: new URL(urls.home(), context.site ?? siteConfig.url).href,
    items: garden.shorts.map(({ item }) => ({
      title: item.title,
      description: item.summary,
      pubDate: toUtcDate(item.date),
      link: urls.short(item.id),
      categories: item.tags,
    })),
  });
}
