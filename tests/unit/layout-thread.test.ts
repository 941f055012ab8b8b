import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildGraph, type GraphNoteSource } from '../../src/lib/graph/model';
import { layoutGraph } from '../../src/lib/graph/layout';
import { NOTE_COLLECTIONS } from '../../src/lib/collections';
import { laidOutInThread, laidOutOffThread } from '../../src/build/layout-thread';

const WORKER = resolve('scripts/layout-worker.mjs');

// A ring of 40 linked notes with a few chords, and three notes on their own: enough for d3-force to move every point.
const notes: GraphNoteSource[] = Array.from({ length: 43 }, (_, i) => ({ key: `bits/n${i}`, title: `Note ${i}`, url: `/bits/n${i}/`, collection: 'bits', tags: i % 3 ? ['x'] : [] }));
const outgoing = new Map(Array.from({ length: 40 }, (_, i) => [`bits/n${i}`, [`bits/n${(i + 1) % 40}`, `bits/n${(i * 7) % 40}`]]));
const graph = buildGraph(notes, outgoing, NOTE_COLLECTIONS);
const expected = JSON.stringify(layoutGraph(graph));

describe("the map's layout thread", () => {
  it('gives the same JSON, to the byte, as laying the map out in place', async () => {
    const warnings: string[] = [];
    expect(await laidOutOffThread(graph, WORKER, (message) => warnings.push(message))).toBe(expected);
    expect(warnings).toEqual([]);
    expect(laidOutInThread(graph)).toBe(expected);
    // Every point was placed: none left at the origin the simulation starts near.
    expect((JSON.parse(expected) as { nodes: { x: number; y: number }[] }).nodes.every(({ x, y }) => x !== 0 || y !== 0)).toBe(true);
  });

  it('lays the map out in place, and says so, when the thread cannot start', async () => {
    const warnings: string[] = [];
    expect(await laidOutOffThread(graph, join(tmpdir(), 'no-such-layout-worker.mjs'), (message) => warnings.push(message))).toBe(expected);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/layout thread .*; laying the map out in the main thread/);
  });

  it('lays the map out in place when the thread ends without an answer or throws', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'layout-thread-'));
    const quits = join(dir, 'quits.mjs');
    const throws = join(dir, 'throws.mjs');
    writeFileSync(quits, 'process.exit(3);\n');
    writeFileSync(throws, "throw new Error('out of luck');\n");
    const warnings: string[] = [];
    expect(await laidOutOffThread(graph, quits, (message) => warnings.push(message))).toBe(expected);
    expect(await laidOutOffThread(graph, throws, (message) => warnings.push(message))).toBe(expected);
    expect(warnings).toEqual([expect.stringContaining('ended with code 3'), expect.stringContaining('failed (out of luck)')]);
  });

  it('lays the map out in place when the thread runs out of its memory', async () => {
    const hungry = join(mkdtempSync(join(tmpdir(), 'layout-thread-')), 'hungry.mjs');
    writeFileSync(hungry, 'const kept = [];\nfor (;;) kept.push(new Array(100_000).fill(kept.length));\n');
    const warnings: string[] = [];
    expect(await laidOutOffThread(graph, hungry, (message) => warnings.push(message), { maxOldGenerationSizeMb: 16, maxYoungGenerationSizeMb: 4 })).toBe(expected);
    expect(warnings).toEqual([expect.stringMatching(/failed \(.*memory.*\)/i)]);
  });
});
