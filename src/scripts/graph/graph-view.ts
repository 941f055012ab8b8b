/**
 * The map itself, loaded by garden-graph.ts once the element comes into view:
 * fetches the laid-out garden (/graph/garden.json, once per page), keeps the
 * note's two-hop neighbourhood (or every note, on /graph/), builds the filter
 * and zoom controls and draws with graph-canvas.ts.
 */
import { adjacency, isShown, neighbourhood, tagsOf, type GardenGraph, type GraphFilter } from '../../lib/graph/model';
import { centreOn, fitView, pointAt, toScreen, zoomAt, type View } from '../../lib/graph/view';
import { GraphCanvas, nodeRadius, type Palette } from './graph-canvas';
import { bindInput, type MapControl } from './graph-input';

/** A hub's map would show most of the garden at two hops: the nearest notes up to this many are kept. */
const LOCAL_LIMIT = 150;

const loads = new Map<string, Promise<GardenGraph>>();
/** Maps on this page so far, for ids of their own. */
let mounted = 0;
function loadGraph(src: string): Promise<GardenGraph> {
  let load = loads.get(src);
  if (!load) {
    load = fetch(src).then((response) => {
      if (!response.ok) throw new Error(`${src}: ${response.status}`);
      return response.json() as Promise<GardenGraph>;
    });
    loads.set(src, load);
  }
  return load;
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

/** Colours from the page's CSS variables (graph.css), resolved for the current theme. */
function readPalette(host: HTMLElement, collections: string[]): Palette {
  const probe = element('span', { hidden: true });
  host.append(probe);
  const colour = (variable: string) => {
    probe.style.color = `var(${variable})`;
    return getComputedStyle(probe).color;
  };
  const palette: Palette = {
    byCollection: Object.fromEntries(collections.map((id) => [id, colour(`--graph-${id}`)])),
    edge: colour('--graph-edge'),
    highlight: colour('--graph-highlight'),
    text: colour('--text'),
    halo: colour('--surface'),
    background: colour('--surface'),
  };
  probe.remove();
  return palette;
}

export async function mountGraph(host: HTMLElement) {
  const graph = await loadGraph(host.dataset.src!);
  const neighbours = adjacency(graph);
  const centre = host.dataset.focus ? graph.nodes.findIndex((node) => node.key === host.dataset.focus) : -1;
  const inMap = new Uint8Array(graph.nodes.length);
  for (const index of centre === -1 ? graph.nodes.keys() : neighbourhood(neighbours, centre, 2, LOCAL_LIMIT)) inMap[index] = 1;
  const mapped = graph.nodes.filter((_, index) => inMap[index]);
  const filter: GraphFilter = { collections: new Set(graph.collections.map((c) => c.id)), tag: '' };
  const shownMask = new Uint8Array(graph.nodes.length);
  const updateShown = () => graph.nodes.forEach((node, index) => (shownMask[index] = inMap[index] && isShown(node, filter, index === centre) ? 1 : 0));
  updateShown();
  const shown = (index: number) => shownMask[index] === 1;

  const id = `graph-${++mounted}`;
  const boxes = graph.collections.map(({ id: collection, label }) =>
    element('label', { className: 'graph-check' }, element('input', { type: 'checkbox', value: collection, checked: true }), element('span', { className: `graph-swatch graph-swatch--${collection}` }), label),
  );
  const tagSelect = element('select', { id: `${id}-tag` }, element('option', { value: '' }, 'All tags'), ...tagsOf(mapped).map((tag) => element('option', { value: tag }, tag)));
  const controls = element(
    'div',
    { className: 'graph-controls' },
    element('fieldset', { className: 'graph-filter' }, element('legend', {}, 'Show'), ...boxes),
    element('span', { className: 'graph-tag' }, element('label', { htmlFor: tagSelect.id }, 'Tag'), tagSelect),
  );
  // The hint's words are in the page already (GraphMap.astro), holding its place until the map arrives.
  const hint = element('p', { className: 'graph-hint', id: `${id}-hint` }, host.querySelector('.graph-hint')?.textContent ?? '');
  const canvas = element('canvas', { tabIndex: 0, className: 'graph-canvas' });
  // Hidden until sized: a canvas shown at its default 300 × 150 and then grown counts as a layout shift.
  canvas.style.visibility = 'hidden';
  canvas.setAttribute('role', 'application');
  canvas.setAttribute('aria-roledescription', 'map of notes');
  canvas.setAttribute('aria-label', centre === -1 ? 'Map of the garden' : `Map of the notes around ${graph.nodes[centre]!.title}`);
  canvas.setAttribute('aria-describedby', hint.id);
  const button = (label: string, text: string) => element('button', { type: 'button', className: 'graph-button', ariaLabel: label }, text);
  const zoomIn = button('Zoom in', '+');
  const zoomOut = button('Zoom out', '−');
  const fitButton = button('Fit the map', '⤢');
  const frame = element('div', { className: 'graph-frame' }, canvas, element('div', { className: 'graph-zoom' }, zoomIn, zoomOut, fitButton));
  const status = element('p', { className: 'graph-status' });
  status.setAttribute('role', 'status');
  host.replaceChildren(controls, frame, status, hint);

  const degree = neighbours.map((list) => list.length);
  const painter = new GraphCanvas(canvas, graph, degree, readPalette(host, graph.collections.map((c) => c.id)));
  // One note of a collection is named by its label in the singular: "Bits" → "Bit".
  const labelOf = new Map(graph.collections.map((c) => [c.id, c.label.replace(/s$/, '')]));
  let active = -1;
  let pending = 0;
  let shownVersion = 0;
  const draw = () => {
    pending = 0;
    painter.draw({ view: control.view, shown, shownVersion, centre, active, focused: document.activeElement === canvas });
    host.dataset.view = `${control.view.scale},${control.view.dx},${control.view.dy}`;
  };
  const control: MapControl = {
    view: { scale: 1, dx: 0, dy: 0 } as View,
    noteAt(x, y) {
      const { scale, dx, dy } = control.view;
      return pointAt(graph.nodes, (x - dx) / scale, (y - dy) / scale, (nodeRadius(16, scale) + 4) / scale, shown);
    },
    activate(index, byKeyboard) {
      active = index;
      const node = graph.nodes[index];
      status.textContent = node ? `${node.title} (${labelOf.get(node.collection)}, ${degree[index]} ${degree[index] === 1 ? 'link' : 'links'})${byKeyboard ? '. Enter opens it.' : ''}` : '';
      if (node && byKeyboard) {
        const at = toScreen(control.view, node);
        if (at.x < 24 || at.y < 24 || at.x > painter.width - 24 || at.y > painter.height - 24) control.view = centreOn(control.view, node, painter.width, painter.height);
      }
      control.redraw();
    },
    active: () => active,
    startNote() {
      if (centre !== -1) return centre;
      const { scale, dx, dy } = control.view;
      return pointAt(graph.nodes, (painter.width / 2 - dx) / scale, (painter.height / 2 - dy) / scale, Infinity, shown);
    },
    positions: () => graph.nodes,
    shown,
    open(index) {
      const node = graph.nodes[index];
      if (node) window.location.assign(node.url);
    },
    fit() {
      // A local map shows titles under its notes: keep room for them at the sides.
      control.view = fitView(graph.nodes.filter((_, index) => shown(index)), painter.width, painter.height, 28, 2, centre === -1 ? 28 : 72);
      control.redraw();
    },
    redraw() {
      pending ||= requestAnimationFrame(draw);
    },
  };
  bindInput(canvas, control, { wheel: centre === -1 });

  const middle = () => ({ x: painter.width / 2, y: painter.height / 2 });
  const zoom = (factor: number) => () => {
    const { x, y } = middle();
    control.view = zoomAt(control.view, factor, x, y);
    control.redraw();
  };
  zoomIn.addEventListener('click', zoom(1.4));
  zoomOut.addEventListener('click', zoom(1 / 1.4));
  fitButton.addEventListener('click', () => control.fit());
  const onFilter = () => {
    filter.collections = new Set(boxes.map((box) => box.querySelector('input')!).filter((input) => input.checked).map((input) => input.value));
    filter.tag = tagSelect.value;
    updateShown();
    shownVersion++;
    if (active !== -1 && !shown(active)) control.activate(-1, false);
    host.dataset.shown = String(shownMask.reduce((sum, value) => sum + value, 0));
    control.redraw();
  };
  controls.addEventListener('change', onFilter);

  const repaint = () => {
    painter.palette = readPalette(host, graph.collections.map((c) => c.id));
    control.redraw();
  };
  new MutationObserver(repaint).observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  matchMedia('(prefers-color-scheme: dark)').addEventListener('change', repaint);

  let sized = false;
  new ResizeObserver(() => {
    painter.resize(frame.clientWidth, frame.clientHeight);
    if (!sized) control.fit();
    sized = true;
    canvas.style.visibility = '';
    control.redraw();
  }).observe(frame);
  onFilter();
  host.dataset.state = 'ready';
}
