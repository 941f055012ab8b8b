/**
 * Where each note sits on the map, worked out once at build time with
 * d3-force, so a reader's browser only draws. d3-force starts from fixed
 * positions (a phyllotaxis spiral in node order) and its own seeded random
 * source, and the graph's nodes and edges come sorted (model.ts): the same
 * garden always gives the same positions, to the byte once rounded.
 */
import { forceLink, forceManyBody, forceSimulation, forceX, forceY, type SimulationNodeDatum } from 'd3-force';
import type { GardenGraph } from './model';

export interface LayoutOptions {
  /** Simulation steps; d3-force's default cooling reaches its end (alpha < 0.001) after 300. */
  ticks?: number;
}

/** The graph with every node's x and y set, rounded to a tenth of a unit; the input is left as it was. */
export function layoutGraph(graph: GardenGraph, { ticks = 300 }: LayoutOptions = {}): GardenGraph {
  const points: SimulationNodeDatum[] = graph.nodes.map(() => ({}));
  const links = graph.edges.map(([source, target]) => ({ source, target }));
  const simulation = forceSimulation(points)
    // Never let d3 run its own timer: the build steps the simulation itself.
    .stop()
    .force('link', forceLink(links).distance(40))
    // Repulsion keeps notes apart; the cap stops far clusters pushing each other off the map.
    .force('charge', forceManyBody().strength(-80).distanceMax(600))
    // A weak pull to the centre keeps notes without links from drifting away.
    .force('x', forceX(0).strength(0.04))
    .force('y', forceY(0).strength(0.04));
  simulation.tick(ticks);
  const round = (value: number | undefined) => Math.round((value ?? 0) * 10) / 10 || 0;
  return { ...graph, nodes: graph.nodes.map((node, at) => ({ ...node, x: round(points[at]!.x), y: round(points[at]!.y) })) };
}
