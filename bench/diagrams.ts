/**
 * `npm run bench:diagrams`: what Mermaid diagrams cost a build
 * (src/build/diagram-renderer.ts) and the check (src/lib/check/diagrams.ts):
 * starting Debian's chromium with Mermaid loaded, drawing a diagram (both
 * themes) once it runs, reading one back from the cache, loading Mermaid's
 * parser in Node and parsing one. Figures go to bench/RESULTS.md under
 * "Diagrams".
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { MermaidRenderer } from '../src/build/diagram-renderer';
import { startMermaidParser } from '../src/build/mermaid-thread';

const DIAGRAMS = 20;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const ms = (value: number) => `${value.toFixed(value < 10 ? 1 : 0)} ms`;

/** A flowchart of 6 nodes and a sequence diagram of 4 messages, alternately, each one different. */
const diagram = (index: number) =>
  index % 2 === 0
    ? `flowchart LR\n  a${index}[Load] --> b{Valid?}\n  b -->|yes| c[Parse] --> d[Render]\n  b -->|no| e[Report]\n  d --> f([Done])`
    : `sequenceDiagram\n  Reader->>Site: GET /notes/${index}\n  Site-->>Reader: 200\n  Reader->>Site: hover\n  Site-->>Reader: preview`;

const cacheDir = mkdtempSync(join(tmpdir(), 'bench-diagrams-'));
try {
  const renderer = new MermaidRenderer({ cacheDir });
  if (!renderer.available) throw new Error(`no chromium at ${renderer.chromium}`);
  let started = performance.now();
  await renderer.render(diagram(0));
  const first = performance.now() - started;
  const draws: number[] = [];
  for (let index = 1; index < DIAGRAMS; index++) {
    started = performance.now();
    await renderer.render(diagram(index));
    draws.push(performance.now() - started);
  }
  await renderer.close();
  const reads: number[] = [];
  const cached = new MermaidRenderer({ cacheDir });
  for (let index = 0; index < DIAGRAMS; index++) {
    started = performance.now();
    await cached.render(diagram(index));
    reads.push(performance.now() - started);
  }
  started = performance.now();
  const mermaid = startMermaidParser(process.cwd());
  // The first parse waits for the thread to load Mermaid.
  await mermaid.parser.parse(diagram(0));
  const load = performance.now() - started;
  const parses: number[] = [];
  for (let index = 1; index < DIAGRAMS; index++) {
    started = performance.now();
    await mermaid.parser.parse(diagram(index));
    parses.push(performance.now() - started);
  }
  await mermaid.stop();
  console.log(`${cpus().length} cores, load average ${loadavg()[0]!.toFixed(2)}, ${DIAGRAMS} diagrams`);
  console.log(`browser start with Mermaid loaded: ${ms(renderer.startMs)} (first diagram in all: ${ms(first)})`);
  console.log(`draw one diagram, both themes, browser running: median ${ms(median(draws))}, max ${ms(Math.max(...draws))}`);
  console.log(`read one back from the cache: median ${ms(median(reads))}`);
  console.log(`check: start Mermaid's parser thread and parse a first diagram ${ms(load)}, parse one diagram median ${ms(median(parses))}`);
} finally {
  rmSync(cacheDir, { recursive: true, force: true });
}
