/**
 * Draws the map on a <canvas>: every shown link as one path, the notes in one
 * path per collection, labels only when they can be read. A frame is drawn at
 * most once per animation frame, and only when something changed, so panning
 * a thousand notes stays well inside a frame's budget.
 */
import type { GardenGraph } from '../../lib/graph/model';
import { toScreen, type View } from '../../lib/graph/view';

export interface Palette {
  byCollection: Record<string, string>;
  edge: string;
  highlight: string;
  text: string;
  halo: string;
}

export interface DrawState {
  view: View;
  /** Which nodes the filter and the neighbourhood let through. */
  shown: (index: number) => boolean;
  /** The note whose map this is, drawn ringed; -1 on /graph/. */
  centre: number;
  /** The note under the pointer or chosen by the keyboard; -1 for none. */
  active: number;
  /** Whether the keyboard is on the map, so the active note gets a focus ring. */
  focused: boolean;
}

/** On-screen radius of a note: a little bigger for notes with more links, and with the zoom, within bounds. */
export function nodeRadius(degree: number, scale: number): number {
  return (3 + Math.min(Math.sqrt(degree), 4)) * Math.min(1.6, Math.max(0.7, Math.sqrt(scale)));
}

const LABEL_LIMIT = 120;

export class GraphCanvas {
  readonly #canvas: HTMLCanvasElement;
  readonly #context: CanvasRenderingContext2D;
  readonly #graph: GardenGraph;
  readonly #degree: number[];
  #width = 0;
  #height = 0;
  #pixelRatio = 1;
  palette: Palette;

  constructor(canvas: HTMLCanvasElement, graph: GardenGraph, degree: number[], palette: Palette) {
    this.#canvas = canvas;
    this.#context = canvas.getContext('2d')!;
    this.#graph = graph;
    this.#degree = degree;
    this.palette = palette;
  }

  get width() {
    return this.#width;
  }

  get height() {
    return this.#height;
  }

  /** Matches the canvas's pixels to its box on screen (and the screen's density). */
  resize(width: number, height: number) {
    this.#pixelRatio = Math.min(window.devicePixelRatio || 1, 2);
    this.#width = width;
    this.#height = height;
    this.#canvas.width = Math.round(width * this.#pixelRatio);
    this.#canvas.height = Math.round(height * this.#pixelRatio);
  }

  radius(index: number, scale: number): number {
    return nodeRadius(this.#degree[index] ?? 0, scale);
  }

  draw(state: DrawState) {
    const context = this.#context;
    const { nodes, edges } = this.#graph;
    const { view, shown } = state;
    context.setTransform(this.#pixelRatio, 0, 0, this.#pixelRatio, 0, 0);
    context.clearRect(0, 0, this.#width, this.#height);
    const screen = nodes.map((node) => toScreen(view, node));
    const onScreen = (index: number, margin: number) => {
      const point = screen[index]!;
      return point.x > -margin && point.y > -margin && point.x < this.#width + margin && point.y < this.#height + margin;
    };

    context.lineWidth = 1;
    context.strokeStyle = this.palette.edge;
    context.beginPath();
    const activeEdges: [number, number][] = [];
    for (const edge of edges) {
      const [from, to] = edge;
      if (!shown(from) || !shown(to)) continue;
      if (from === state.active || to === state.active) activeEdges.push(edge);
      context.moveTo(screen[from]!.x, screen[from]!.y);
      context.lineTo(screen[to]!.x, screen[to]!.y);
    }
    context.stroke();
    if (activeEdges.length > 0) {
      context.lineWidth = 2;
      context.strokeStyle = this.palette.highlight;
      context.beginPath();
      for (const [from, to] of activeEdges) {
        context.moveTo(screen[from]!.x, screen[from]!.y);
        context.lineTo(screen[to]!.x, screen[to]!.y);
      }
      context.stroke();
    }

    const visible: number[] = [];
    for (let index = 0; index < nodes.length; index++) if (shown(index) && onScreen(index, 16)) visible.push(index);
    for (const [collection, colour] of Object.entries(this.palette.byCollection)) {
      context.fillStyle = colour;
      context.beginPath();
      for (const index of visible) {
        if (nodes[index]!.collection !== collection) continue;
        const { x, y } = screen[index]!;
        const radius = this.radius(index, view.scale);
        context.moveTo(x + radius, y);
        context.arc(x, y, radius, 0, Math.PI * 2);
      }
      context.fill();
    }
    this.#ring(state.centre, screen, view.scale, this.palette.text, 2);
    if (state.active !== -1 && state.active !== state.centre) this.#ring(state.active, screen, view.scale, this.palette.highlight, 2);
    if (state.focused && state.active !== -1) this.#ring(state.active, screen, view.scale, this.palette.text, 3, 5);
    this.#labels(state, visible, screen);
  }

  #ring(index: number, screen: { x: number; y: number }[], scale: number, colour: string, width: number, gap = 3) {
    const point = screen[index];
    if (!point) return;
    this.#context.strokeStyle = colour;
    this.#context.lineWidth = width;
    this.#context.beginPath();
    this.#context.arc(point.x, point.y, this.radius(index, scale) + gap, 0, Math.PI * 2);
    this.#context.stroke();
  }

  /** Titles where they can be read: all of them on a small or zoomed-in map, else only the centre and the active note. */
  #labels(state: DrawState, visible: number[], screen: { x: number; y: number }[]) {
    const context = this.#context;
    const all = visible.length <= 40 || (state.view.scale >= 1.5 && visible.length <= LABEL_LIMIT);
    const labelled = all ? visible : visible.filter((index) => index === state.centre || index === state.active);
    context.font = '12px system-ui, sans-serif';
    context.textAlign = 'center';
    context.textBaseline = 'top';
    context.lineJoin = 'round';
    for (const index of labelled) {
      const { x, y } = screen[index]!;
      const title = this.#graph.nodes[index]!.title;
      const text = title.length > 32 ? `${title.slice(0, 31)}…` : title;
      const top = y + this.radius(index, state.view.scale) + 3;
      context.lineWidth = 3;
      context.strokeStyle = this.palette.halo;
      context.strokeText(text, x, top);
      context.fillStyle = this.palette.text;
      context.fillText(text, x, top);
    }
  }
}
