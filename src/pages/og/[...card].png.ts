/**
 * The social card (Open Graph image) of every indexable page, /og/<page>.png,
 * drawn at build time when `socialCards` is on in src/site.config.ts. Each
 * carries a cache key of its inputs, so Astro's incremental build copies the
 * cards whose text did not change. See src/lib/social-card/.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { loadGarden } from '../../lib/load';
import { siteConfig } from '../../site.config';
import { cardPages } from '../../lib/social-card/cards';
import type { CardInputs } from '../../lib/social-card/layout';

export const getStaticPaths = (async () => {
  if (!siteConfig.socialCards) return [];
  return cardPages(await loadGarden(), siteConfig, import.meta.env.GARDEN_CODE_DIGEST);
}) satisfies GetStaticPaths;

export const GET: APIRoute<CardInputs> = async ({ props }) => {
  // Loaded on the first card drawn: a build with cards off, or with every card cached, never loads satori and sharp.
  const { renderCard } = await import('../../lib/social-card/render');
  return new Response(new Uint8Array(await renderCard(props)), { headers: { 'Content-Type': 'image/png' } });
};
