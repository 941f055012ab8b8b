/**
 * Highlighting every code block of a garden with both themes: Shiki's own
 * `codeToHast` (one tokenization per theme) against the one-pass highlighting
 * (src/lib/markdown/shiki-one-pass.ts), in one thread, with the JavaScript
 * regex engine the render workers use and the options rehype-note-shiki
 * passes. The warm-up round loads the grammars and asserts that both give the
 * same HTML for every block (it exits 1 on the first difference); then
 * alternating rounds (ABBA…) time each side's CPU. Not part of `npm run bench`;
 * figures go to bench/RESULTS.md ("Highlighting each code block once").
 *
 *   node --import ./scripts/ts-hooks.mjs bench/shiki-one-pass.ts <garden folder> [rounds=6]
 */
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { createHighlighter } from 'shiki';
import { createJavaScriptRegexEngine } from 'shiki/engine/javascript';
import { toHtml } from 'hast-util-to-html';
import type { Root } from 'hast';
import { highlightOptions } from '../src/lib/markdown/rehype-note-shiki';
import { shikiConfig } from '../src/lib/markdown/plugins';
import { countingOnePass, gardenCodeBlocks } from '../tests/helpers/code-blocks';

const folder = resolve(process.argv[2] ?? 'content');
const rounds = Number(process.argv[3] ?? 6);
const blocks = gardenCodeBlocks(folder);
const themes = shikiConfig.themes!;

const highlighter = await createHighlighter({ langs: ['plaintext'], themes: Object.values(themes), engine: createJavaScriptRegexEngine() });
const { onePass, fallbacks } = countingOnePass(highlighter);

const known: typeof blocks = [];
for (const block of blocks) {
  try {
    if (!highlighter.getLoadedLanguages().includes(block.lang)) await highlighter.loadLanguage(block.lang as never);
    known.push(block);
  } catch {
    // A language Shiki does not have: rehype-note-shiki hands it to Astro, neither side here.
  }
}

type Highlight = (code: string, options: ReturnType<typeof highlightOptions>) => Root;
const sides: Record<'shiki' | 'onePass', Highlight> = { shiki: (code, options) => highlighter.codeToHast(code, options), onePass };

// Warm-up and parity: every grammar's patterns translated, every block the same HTML on both sides.
for (const block of known) {
  const [shiki, ours] = (['shiki', 'onePass'] as const).map((side) => toHtml(sides[side](block.code, highlightOptions(shikiConfig, block.lang, block.meta))));
  if (shiki !== ours) {
    console.error(`Different HTML for ${block.where} (${block.lang})`);
    process.exit(1);
  }
}
const warmFallbacks = fallbacks();

function timeSide(side: keyof typeof sides): number {
  const highlight = sides[side];
  const started = process.cpuUsage();
  for (const block of known) highlight(block.code, highlightOptions(shikiConfig, block.lang, block.meta));
  const used = process.cpuUsage(started);
  return (used.user + used.system) / 1e6;
}

const times: Record<keyof typeof sides, number[]> = { shiki: [], onePass: [] };
const loadBefore = loadavg()[0]!;
for (let round = 0; round < rounds; round++) {
  const order: (keyof typeof sides)[] = round % 2 === 0 ? ['shiki', 'onePass'] : ['onePass', 'shiki'];
  for (const side of order) times[side].push(timeSide(side));
}
const loadAfter = loadavg()[0]!;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const seconds = (xs: number[]) => xs.map((x) => x.toFixed(2)).join(', ');
console.log(`${known.length} of ${blocks.length} code blocks (${folder}), identical HTML on both sides; ${warmFallbacks} left to Shiki by the one-pass side (plain text)`);
console.log(`Shiki codeToHast, CPU s per round: ${seconds(times.shiki)} (median ${median(times.shiki).toFixed(2)})`);
console.log(`one pass,         CPU s per round: ${seconds(times.onePass)} (median ${median(times.onePass).toFixed(2)})`);
console.log(`one pass / Shiki, medians: ${(median(times.onePass) / median(times.shiki)).toFixed(3)}; load average (1 min) ${loadBefore.toFixed(1)} → ${loadAfter.toFixed(1)}`);
