/**
 * The map's pointer, touch and keyboard handling. Dragging pans, a wheel or
 * a pinch zooms, a tap or click on a note opens it; on the keyboard the
 * arrows move from note to note, Enter opens the note, + and − zoom and 0
 * fits the map again.
 */
import { nextInDirection, panBy, zoomAt, type Direction, type View } from '../../lib/graph/view';

export interface MapControl {
  view: View;
  /** The note at a point of the canvas, or -1. */
  noteAt(x: number, y: number): number;
  /** Marks a note as the active one (hover or keyboard); -1 for none. */
  activate(index: number, byKeyboard: boolean): void;
  active(): number;
  /** The note the keyboard starts from: the map's own note, else the one nearest the middle. */
  startNote(): number;
  positions(): { x: number; y: number }[];
  shown(index: number): boolean;
  open(index: number): void;
  fit(): void;
  redraw(): void;
}

const KEYS: Record<string, Direction> = { ArrowLeft: 'left', ArrowRight: 'right', ArrowUp: 'up', ArrowDown: 'down' };
const TAP_SLOP = 6;

/** Zoom with the wheel always (`wheel`), or only with Ctrl or a trackpad pinch, so a page scrolls past an embedded map. */
export function bindInput(canvas: HTMLCanvasElement, control: MapControl, { wheel }: { wheel: boolean }) {
  const pointers = new Map<number, { x: number; y: number }>();
  let travelled = 0;
  // The canvas overhangs its frame and moves while panning: positions are taken in the frame.
  const frame = canvas.parentElement!;
  // Measured when a drag starts, not on every move: reading it then would make the browser restyle the moved canvas first.
  let box = frame.getBoundingClientRect();
  const local = (event: PointerEvent | WheelEvent, measure = false) => {
    if (measure) box = frame.getBoundingClientRect();
    return { x: event.clientX - box.left, y: event.clientY - box.top };
  };

  canvas.addEventListener('pointerdown', (event) => {
    // A drag that leaves the canvas keeps panning; a pointer the browser does not track (a synthetic one) just is not captured.
    try {
      canvas.setPointerCapture(event.pointerId);
    } catch {
      // nothing to capture
    }
    pointers.set(event.pointerId, local(event, pointers.size === 0));
    if (pointers.size === 1) travelled = 0;
  });
  canvas.addEventListener('pointermove', (event) => {
    const previous = pointers.get(event.pointerId);
    const point = local(event, !previous);
    if (!previous) {
      const under = control.noteAt(point.x, point.y);
      canvas.style.cursor = under === -1 ? 'grab' : 'pointer';
      if (under !== control.active()) control.activate(under, false);
      return;
    }
    if (pointers.size === 1) {
      travelled += Math.abs(point.x - previous.x) + Math.abs(point.y - previous.y);
      control.view = panBy(control.view, point.x - previous.x, point.y - previous.y);
    } else if (pointers.size === 2) {
      // Pinch: the scale follows the fingers' distance, the view follows their midpoint.
      const other = [...pointers].find(([id]) => id !== event.pointerId)![1];
      const before = Math.hypot(previous.x - other.x, previous.y - other.y) || 1;
      const after = Math.hypot(point.x - other.x, point.y - other.y) || 1;
      const middle = { x: (point.x + other.x) / 2, y: (point.y + other.y) / 2 };
      control.view = panBy(zoomAt(control.view, after / before, middle.x, middle.y), (point.x - previous.x) / 2, (point.y - previous.y) / 2);
      travelled += TAP_SLOP;
    }
    pointers.set(event.pointerId, point);
    control.redraw();
  });
  const release = (event: PointerEvent) => {
    const wasTap = pointers.size === 1 && travelled < TAP_SLOP && event.type === 'pointerup';
    pointers.delete(event.pointerId);
    if (!wasTap) return;
    const point = local(event);
    const under = control.noteAt(point.x, point.y);
    if (under !== -1) control.open(under);
  };
  canvas.addEventListener('pointerup', release);
  canvas.addEventListener('pointercancel', release);
  canvas.addEventListener('pointerleave', (event) => {
    if (!pointers.has(event.pointerId) && control.active() !== -1 && document.activeElement !== canvas) control.activate(-1, false);
  });

  canvas.addEventListener(
    'wheel',
    (event) => {
      if (!wheel && !event.ctrlKey) return;
      event.preventDefault();
      const point = local(event, true);
      control.view = zoomAt(control.view, Math.exp(-event.deltaY * 0.0015), point.x, point.y);
      control.redraw();
    },
    { passive: false },
  );

  canvas.addEventListener('focus', () => {
    if (control.active() === -1) control.activate(control.startNote(), true);
    else control.redraw();
  });
  canvas.addEventListener('blur', () => control.redraw());
  canvas.addEventListener('keydown', (event) => {
    const direction = KEYS[event.key];
    const middle = { x: frame.clientWidth / 2, y: frame.clientHeight / 2 };
    if (direction) {
      event.preventDefault();
      const from = control.active() === -1 ? control.startNote() : control.active();
      const next = nextInDirection(control.positions(), from, direction, (index) => control.shown(index));
      control.activate(next === -1 ? from : next, true);
    } else if (event.key === 'Enter' && control.active() !== -1) {
      event.preventDefault();
      control.open(control.active());
    } else if (event.key === '+' || event.key === '=') {
      control.view = zoomAt(control.view, 1.25, middle.x, middle.y);
      control.redraw();
    } else if (event.key === '-' || event.key === '_') {
      control.view = zoomAt(control.view, 0.8, middle.x, middle.y);
      control.redraw();
    } else if (event.key === '0') {
      control.fit();
    }
  });
}
