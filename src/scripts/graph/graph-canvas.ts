/**
 * Draws the map on a <canvas> bigger than its frame by half the frame's size
 * on every side. Panning only moves the canvas (a CSS transform, which the
 * browser's compositor does without drawing anything); the map is drawn again
 * when the zoom, the filter, the active note, the colours or the size change,
 * or the reader has dragged past the canvas's edge. A frame is drawn at most
 * once per animation frame, so panning a thousand notes stays smooth.
 */
import type { GardenGraph } from '../../lib/graph/model';
import type { View } from '../../lib/graph/view';

export interface Palette {
  byCollection: Record<string, string>;
  edge: string;
  highlight: string;
  text: string;
  halo: string;
  background: string;
}

export interface DrawState {
  view: View;
  /** Which nodes the filter and the neighbourhood let through. */
  shown: (index: number) => boolean;
  /** Changes whenever `shown` does, so the map is drawn again. */
  shownVersion: number;
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
const FONT = '12px system-ui, sans-serif';

export class GraphCanvas {
  readonly #canvas: HTMLCanvasElement;
  readonly #context: CanvasRenderingContext2D;
  readonly #graph: GardenGraph;
  readonly #degree: number[];
  readonly #x: Float64Array;
  readonly #y: Float64Array;
  #width = 0;
  #height = 0;
  #pixelRatio = 1;
  #palette: Palette;
  #paletteVersion = 0;
  /** What the canvas shows: what it was drawn from, and the view it was drawn at. */
  #layerKey = '';
  #layerView: View = { scale: 1, dx: 0, dy: 0 };

  constructor(canvas: HTMLCanvasElement, graph: GardenGraph, degree: number[], palette: Palette) {
    this.#canvas = canvas;
    // Opaque: the page behind need not be blended with the map on every frame.
    this.#context = canvas.getContext('2d', { alpha: false })!;
    this.#graph = graph;
    this.#degree = degree;
    this.#palette = palette;
    this.#x = new Float64Array(graph.nodes.length);
    this.#y = new Float64Array(graph.nodes.length);
  }

  set palette(palette: Palette) {
    this.#palette = palette;
    this.#paletteVersion++;
  }

  get width() {
    return this.#width;
  }

  get height() {
    return this.#height;
  }

  get #margin() {
    return { x: Math.round(this.#width / 2), y: Math.round(this.#height / 2) };
  }

  /** Sizes the canvas for a frame of width × height (and the screen's density, up to 2). */
  resize(width: number, height: number) {
    this.#pixelRatio = Math.min(window.devicePixelRatio || 1, 2);
    this.#width = width;
    this.#height = height;
    const margin = this.#margin;
    Object.assign(this.#canvas.style, { width: `${width + 2 * margin.x}px`, height: `${height + 2 * margin.y}px`, left: `${-margin.x}px`, top: `${-margin.y}px` });
    this.#canvas.width = Math.round((width + 2 * margin.x) * this.#pixelRatio);
    this.#canvas.height = Math.round((height + 2 * margin.y) * this.#pixelRatio);
    this.#layerKey = '';
  }

  radius(index: number, scale: number): number {
    return nodeRadius(this.#degree[index] ?? 0, scale);
  }

  draw(state: DrawState) {
    const { view } = state;
    const margin = this.#margin;
    const key = [view.scale, state.shownVersion, state.centre, state.active, state.focused, this.#paletteVersion, this.#width, this.#height].join();
    const shiftX = view.dx - this.#layerView.dx;
    const shiftY = view.dy - this.#layerView.dy;
    if (key === this.#layerKey && Math.abs(shiftX) <= margin.x && Math.abs(shiftY) <= margin.y) {
      this.#canvas.style.transform = `translate(${shiftX}px, ${shiftY}px)`;
      return;
    }
    this.#drawLayer(state);
    this.#drawActive(state);
    this.#layerKey = key;
    this.#layerView = view;
    this.#canvas.style.transform = '';
  }

  #place(view: View) {
    const { nodes } = this.#graph;
    for (let index = 0; index < nodes.length; index++) {
      this.#x[index] = nodes[index]!.x * view.scale + view.dx;
      this.#y[index] = nodes[index]!.y * view.scale + view.dy;
    }
  }

  #drawLayer(state: DrawState) {
    const context = this.#context;
    const { nodes, edges } = this.#graph;
    const { view, shown } = state;
    const margin = this.#margin;
    const ratio = this.#pixelRatio;
    context.setTransform(1, 0, 0, 1, 0, 0);
    context.fillStyle = this.#palette.background;
    context.fillRect(0, 0, this.#canvas.width, this.#canvas.height);
    // Layout units to the canvas's pixels: the frame's top left corner is `margin` into the canvas.
    context.setTransform(ratio, 0, 0, ratio, margin.x * ratio, margin.y * ratio);
    this.#place(view);
    const x = this.#x;
    const y = this.#y;

    context.lineWidth = 1;
    context.strokeStyle = this.#palette.edge;
    context.beginPath();
    for (const [from, to] of edges) {
      if (!shown(from) || !shown(to)) continue;
      context.moveTo(x[from]!, y[from]!);
      context.lineTo(x[to]!, y[to]!);
    }
    context.stroke();

    const visible: number[] = [];
    const left = -margin.x - 16, top = -margin.y - 16, right = this.#width + margin.x + 16, bottom = this.#height + margin.y + 16;
    for (let index = 0; index < nodes.length; index++) {
      if (shown(index) && x[index]! > left && x[index]! < right && y[index]! > top && y[index]! < bottom) visible.push(index);
    }
    for (const [collection, colour] of Object.entries(this.#palette.byCollection)) {
      context.fillStyle = colour;
      context.beginPath();
      for (const index of visible) {
        if (nodes[index]!.collection !== collection) continue;
        const radius = this.radius(index, view.scale);
        context.moveTo(x[index]! + radius, y[index]!);
        context.arc(x[index]!, y[index]!, radius, 0, Math.PI * 2);
      }
      context.fill();
    }
    if (state.centre !== -1) this.#ring(context, state.centre, view.scale, this.#palette.text, 2);
    this.#labels(context, state, visible);
  }

  /** The active note on top of the rest: its links highlighted, its ring, its title; and the keyboard's focus ring. */
  #drawActive(state: DrawState) {
    const { active, view, shown } = state;
    if (active === -1 || !shown(active)) return;
    const context = this.#context;
    context.lineWidth = 2;
    context.strokeStyle = this.#palette.highlight;
    context.beginPath();
    for (const [from, to] of this.#graph.edges) {
      if ((from !== active && to !== active) || !shown(from) || !shown(to)) continue;
      context.moveTo(this.#x[from]!, this.#y[from]!);
      context.lineTo(this.#x[to]!, this.#y[to]!);
    }
    context.stroke();
    if (active !== state.centre) this.#ring(context, active, view.scale, this.#palette.highlight, 2);
    if (state.focused) this.#ring(context, active, view.scale, this.#palette.text, 3, 5);
    context.font = FONT;
    this.#label(context, active, view.scale);
  }

  #ring(context: CanvasRenderingContext2D, index: number, scale: number, colour: string, width: number, gap = 3) {
    context.strokeStyle = colour;
    context.lineWidth = width;
    context.beginPath();
    context.arc(this.#x[index]!, this.#y[index]!, this.radius(index, scale) + gap, 0, Math.PI * 2);
    context.stroke();
  }

  /** A note's title under its dot, with a halo of the background; returns the box it takes. */
  #label(context: CanvasRenderingContext2D, index: number, scale: number, placed?: { left: number; top: number; right: number; bottom: number }[]) {
    const title = this.#graph.nodes[index]!.title;
    const text = title.length > 32 ? `${title.slice(0, 31)}…` : title;
    const x = this.#x[index]!;
    const top = this.#y[index]! + this.radius(index, scale) + 3;
    const half = context.measureText(text).width / 2 + 2;
    const box = { left: x - half, top, right: x + half, bottom: top + 15 };
    if (placed?.some((other) => box.left < other.right && box.right > other.left && box.top < other.bottom && box.bottom > other.top)) return;
    placed?.push(box);
    context.textAlign = 'center';
    context.textBaseline = 'top';
    context.lineJoin = 'round';
    context.lineWidth = 3;
    context.strokeStyle = this.#palette.halo;
    context.strokeText(text, x, top);
    context.fillStyle = this.#palette.text;
    context.fillText(text, x, top);
  }

  /**
   * Titles where they can be read: on a small or zoomed-in map every one that
   * does not overlap a title already drawn (the centre's, then the best
   * linked first); else only the centre's. The active note's goes on top.
   */
  #labels(context: CanvasRenderingContext2D, state: DrawState, visible: number[]) {
    const all = visible.length <= 40 || (state.view.scale >= 1.5 && visible.length <= LABEL_LIMIT * 2);
    const ordered = (all ? [...visible] : visible.filter((index) => index === state.centre))
      .sort((a, b) => Number(b === state.centre) - Number(a === state.centre) || (this.#degree[b] ?? 0) - (this.#degree[a] ?? 0) || a - b)
      .slice(0, LABEL_LIMIT);
    context.font = FONT;
    const placed: { left: number; top: number; right: number; bottom: number }[] = [];
    for (const index of ordered) this.#label(context, index, state.view.scale, placed);
  }
}
