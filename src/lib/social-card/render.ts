/**
 * Draws a card: satori lays out the element tree (layout.ts) as SVG with the
 * text as outlines, in Inter read from the installed @fontsource/inter files
 * (never fetched), and sharp rasterises it to PNG.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import satori, { type Font } from 'satori';
import sharp from 'sharp';
import { CARD_HEIGHT, CARD_WIDTH, cardLayout, type CardInputs } from './layout';

/** Latin first; Latin Extended and Greek for the names and symbols technical titles carry. */
const SUBSETS = ['latin', 'latin-ext', 'greek'] as const;
const WEIGHTS = [400, 700] as const;

let fonts: Font[] | undefined;

function loadFonts(): Font[] {
  const require = createRequire(import.meta.url);
  return SUBSETS.flatMap((subset) =>
    WEIGHTS.map((weight) => ({
      name: 'Inter',
      weight,
      style: 'normal' as const,
      data: readFileSync(require.resolve(`@fontsource/inter/files/inter-${subset}-${weight}-normal.woff`)),
    })),
  );
}

export async function renderCard(inputs: CardInputs): Promise<Buffer> {
  fonts ??= loadFonts();
  const svg = await satori(cardLayout(inputs) as Parameters<typeof satori>[0], { width: CARD_WIDTH, height: CARD_HEIGHT, fonts });
  // Plain zlib: quantising to a palette would halve the file but take ten times as long.
  return sharp(Buffer.from(svg)).png().toBuffer();
}
