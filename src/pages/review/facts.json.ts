/** Every quiz fact of the garden (and follow-up) with its HTML, for /review/, /exam/ and the due counts (src/lib/study/deck.ts). */
import type { APIRoute } from 'astro';
import { loadGarden } from '../../lib/load';
import { factsByChapter } from '../../lib/garden';
import { studyGroups } from '../../lib/study/facts';
import { buildDeck } from '../../lib/study/deck';
import { urls } from '../../lib/site-urls';
import { renderFactText } from '../../lib/site-markdown';
import { siteConfig } from '../../site.config';

export const GET: APIRoute = async () => {
  const garden = await loadGarden();
  const parts = garden.parts.map((part) => ({ ...part, groups: studyGroups(factsByChapter(part.chapters, garden.quizzes), renderFactText) }));
  return new Response(JSON.stringify(buildDeck(parts, urls, siteConfig.levels)), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
