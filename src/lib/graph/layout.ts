/**
 * Where each note sits on the map, worked out once at build time with
 * d3-force, so a reader's browser only draws. d3-force starts from fixed
 * positions (a phyllotaxis spiral in node order) and its own seeded random
 * source, and the graph's nodes and edges come sorted (model.ts): the same
 * garden always gives the same positions, to the byte once rounded.
 *
 * Only notes with links are simulated; notes on their own are set around
 * them in a ring, in key order. Repulsion is what costs (Barnes–Hut, every
 * step), so leaving the lone notes out of it and capping its reach keeps a
 * garden of 1,000 notes well under a second (bench/RESULTS.md, "Map of the garden").
 */
import { forceLink, forceManyBody, forceSimulation, forceX, forceY, type SimulationNodeDatum } from 'd3-force';
import type { GardenGraph } from './model';

export interface LayoutOptions {
  /** Simulation steps; the cooling is set so the simulation comes to rest (alpha < 0.001) in that many. */
  ticks?: number;
}

/** Room per lone note in its ring, in layout units squared. */
const LONE_AREA = 900;

/** The graph with every node's x and y set, rounded to a tenth of a unit; the input is left as it was. */
export function layoutGraph(graph: GardenGraph, { ticks = 200 }: LayoutOptions = {}): GardenGraph {
  const linked = new Set(graph.edges.flat());
  const simulated = graph.nodes.map((_, index) => index).filter((index) => linked.has(index));
  const slot = new Map(simulated.map((index, at) => [index, at]));
  const points: SimulationNodeDatum[] = simulated.map(() => ({}));
  const links = graph.edges.map(([source, target]) => ({ source: slot.get(source)!, target: slot.get(target)! }));
  const simulation = forceSimulation(points)
    // Never let d3 run its own timer: the build steps the simulation itself.
    .stop()
    .alphaDecay(1 - Math.pow(0.001, 1 / ticks))
    .force('link', forceLink(links).distance(40))
    // Repulsion keeps notes apart; past 250 units it is left out, which is most of its cost on a large garden.
    .force('charge', forceManyBody().strength(-60).distanceMax(250).theta(1.2))
    // A weak pull to the centre keeps clusters that do not link to each other together.
    .force('x', forceX(0).strength(0.05))
    .force('y', forceY(0).strength(0.05));
  simulation.tick(ticks);

  const position = new Map(simulated.map((index, at) => [index, { x: points[at]!.x ?? 0, y: points[at]!.y ?? 0 }]));
  const reach = Math.max(0, ...[...position.values()].map(({ x, y }) => Math.hypot(x, y)));
  const inner = simulated.length > 0 ? reach + 60 : 0;
  let lone = 0;
  const round = (value: number) => Math.round(value * 10) / 10 || 0;
  const nodes = graph.nodes.map((node, index) => {
    let at = position.get(index);
    if (!at) {
      // An even ring of lone notes around the rest: a sunflower spiral with its middle left out.
      const radius = Math.sqrt(inner * inner + (LONE_AREA * (lone + 0.5)) / Math.PI);
      const angle = lone * Math.PI * (3 - Math.sqrt(5));
      at = { x: radius * Math.cos(angle), y: radius * Math.sin(angle) };
      lone++;
    }
    return { ...node, x: round(at.x), y: round(at.y) };
  });
  return { ...graph, nodes };
}
