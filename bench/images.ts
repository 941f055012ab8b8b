/**
 * What images cost the 1,000-note build: the generated garden
 * (bench/garden-generator.ts) built cold as it is, and with a figure beside
 * one bit in ten (a distinct PNG of 1,200 × 800, shown as `![…](./img/x.png)`)
 * and an SVG embedded by name (`![[x.svg]]`) in one in fifty: cold, then after
 * editing the text of a bit with a figure (no image should be encoded again).
 * Builds alternate between the two gardens so a loaded host slows both alike.
 * Prints the figures; bench/RESULTS.md records them by hand.
 *
 *   BENCH_RUNS=2 node --import ./scripts/ts-hooks.mjs bench/images.ts
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { writeGarden } from './garden-generator';
import { seededRandom } from '../src/lib/study/shuffle';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const GARDENS = join(ROOT, 'bench/.gardens');
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 2));

interface Run {
  seconds: number;
  encoded: number;
  reused: number;
  /** Astro's "generating optimized images" step, as it logs it. */
  imageStep: string;
}

function build(content: string, dir: string): Promise<Run> {
  return new Promise((done, fail) => {
    const started = process.hrtime.bigint();
    const env = { ...process.env, GARDEN_CONTENT: content, GARDEN_OUT_DIR: join(dir, 'dist'), GARDEN_CACHE_DIR: join(dir, 'cache'), ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' };
    const child = spawn(process.execPath, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (code) => {
      if (code !== 0) return fail(new Error(`build of ${content} failed:\n${output.slice(-3000)}`));
      const count = (pattern: RegExp) => output.split('\n').filter((line) => pattern.test(line)).length;
      const step = output.slice(output.indexOf('generating optimized images'));
      const imageStep = output.includes('generating optimized images') ? (/✓ Completed in ([\d.]+m?s)/.exec(step)?.[1] ?? '?') : '-';
      done({ seconds: Number(process.hrtime.bigint() - started) / 1e9, encoded: count(/▶ \/_astro\/.*\(before: /), reused: count(/▶ \/_astro\/.*\(reused cache entry\)/), imageStep });
    });
  });
}

/** A figure of its own for each bit: a few coloured shapes on a light ground, so no two files are alike. */
async function figure(file: string, seed: number): Promise<void> {
  const random = seededRandom(seed);
  const shapes = Array.from({ length: 12 }, () => {
    const [x, y, r] = [random() * 1200, random() * 800, 30 + random() * 120];
    return `<circle cx="${x.toFixed(0)}" cy="${y.toFixed(0)}" r="${r.toFixed(0)}" fill="hsl(${(random() * 360).toFixed(0)} 60% 55%)" opacity="0.8"/>`;
  }).join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="800"><rect width="100%" height="100%" fill="#f8f8f4"/>${shapes}</svg>`;
  await sharp(Buffer.from(svg)).png().toFile(file);
}

async function addImages(content: string): Promise<{ png: number; svg: number; edited: string }> {
  const bits = readdirSync(join(content, 'bits')).filter((name) => name.endsWith('.md')).sort();
  mkdirSync(join(content, 'bits/img'), { recursive: true });
  mkdirSync(join(content, 'assets'), { recursive: true });
  writeFileSync(join(content, 'assets/arrow.svg'), '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40"><path d="M5 20h100m-15-12 15 12-15 12" fill="none" stroke="#246" stroke-width="4"/></svg>');
  let png = 0;
  let svg = 0;
  for (const [index, name] of bits.entries()) {
    const file = join(content, 'bits', name);
    const slug = name.replace(/\.md$/, '');
    if (index % 10 === 0) {
      await figure(join(content, 'bits/img', `${slug}.png`), index + 1);
      writeFileSync(file, `${readFileSync(file, 'utf8').trimEnd()}\n\n![A figure for ${slug}](./img/${slug}.png)\n`);
      png++;
    } else if (index % 50 === 5) {
      writeFileSync(file, `${readFileSync(file, 'utf8').trimEnd()}\n\n![[arrow.svg|An arrow]]\n`);
      svg++;
    }
  }
  return { png, svg, edited: join(content, 'bits', bits[0]!) };
}

const bytesUnder = (dir: string, pattern: RegExp) =>
  readdirSync(dir).filter((name) => pattern.test(name)).reduce((sum, name) => sum + statSync(join(dir, name)).size, 0);

const plainDir = join(GARDENS, 'images-plain-1000');
const imagesDir = join(GARDENS, 'images-1000');
writeGarden(join(plainDir, 'content'), 1000);
writeGarden(join(imagesDir, 'content'), 1000);
const added = await addImages(join(imagesDir, 'content'));
console.log(`1,000 notes; with images: ${added.png} bits with a PNG figure, ${added.svg} with an SVG (load ${loadavg()[0]!.toFixed(2)})`);
const fmt = (run: Run) => `${run.seconds.toFixed(1)} s, ${run.encoded} images encoded, ${run.reused} reused, image step ${run.imageStep}`;

for (let run = 1; run <= RUNS; run++) {
  for (const dir of [plainDir, imagesDir]) {
    rmSync(join(dir, 'cache'), { recursive: true, force: true });
    rmSync(join(dir, 'dist'), { recursive: true, force: true });
    console.log(`cold ${dir === plainDir ? 'without' : 'with'} images, run ${run}: ${fmt(await build(join(dir, 'content'), dir))} (load ${loadavg()[0]!.toFixed(2)})`);
  }
}
const astro = join(imagesDir, 'dist/_astro');
console.log(`images in dist/_astro: WebP ${(bytesUnder(astro, /\.webp$/) / 2 ** 20).toFixed(1)} MB, originals ${(bytesUnder(astro, /\.(png|svg)$/) / 2 ** 20).toFixed(1)} MB; encoder cache ${readdirSync(join(imagesDir, 'cache/assets')).length} entries`);
const original = readFileSync(added.edited, 'utf8');
try {
  for (let run = 1; run <= RUNS; run++) {
    for (const dir of [plainDir, imagesDir]) {
      const file = dir === plainDir ? join(dir, 'content/bits', readdirSync(join(dir, 'content/bits')).sort()[0]!) : added.edited;
      const before = readFileSync(file, 'utf8');
      writeFileSync(file, `${before}\nEdited for the benchmark, run ${run}.\n`);
      console.log(`edit one bit ${dir === plainDir ? 'without' : 'with'} images, run ${run}: ${fmt(await build(join(dir, 'content'), dir))} (load ${loadavg()[0]!.toFixed(2)})`);
      writeFileSync(file, before);
    }
  }
} finally {
  writeFileSync(added.edited, original);
}
