/**
 * The map's camera and keyboard moves, as plain arithmetic so it is unit
 * tested: a point of the layout (x, y) is drawn at (x * scale + dx, y * scale + dy).
 */
export interface View {
  scale: number;
  dx: number;
  dy: number;
}

export interface Point {
  x: number;
  y: number;
}

export const MIN_SCALE = 0.05;
export const MAX_SCALE = 8;

const clampScale = (scale: number) => Math.min(MAX_SCALE, Math.max(MIN_SCALE, scale));

/**
 * The view that shows every point inside a width × height box, `padding`
 * from its top and bottom and `sidePadding` from its sides (room for titles
 * drawn under the points); no closer than `maxScale`.
 */
export function fitView(points: readonly Point[], width: number, height: number, padding = 24, maxScale = 2, sidePadding = padding): View {
  if (points.length === 0) return { scale: 1, dx: width / 2, dy: height / 2 };
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (const { x, y } of points) {
    minX = Math.min(minX, x);
    maxX = Math.max(maxX, x);
    minY = Math.min(minY, y);
    maxY = Math.max(maxY, y);
  }
  const spanX = Math.max(maxX - minX, 1);
  const spanY = Math.max(maxY - minY, 1);
  const scale = clampScale(Math.min(maxScale, Math.max(width - 2 * sidePadding, width / 2) / spanX, (height - 2 * padding) / spanY));
  return { scale, dx: width / 2 - ((minX + maxX) / 2) * scale, dy: height / 2 - ((minY + maxY) / 2) * scale };
}

export function toScreen(view: View, point: Point): Point {
  return { x: point.x * view.scale + view.dx, y: point.y * view.scale + view.dy };
}

export function panBy(view: View, byX: number, byY: number): View {
  return { ...view, dx: view.dx + byX, dy: view.dy + byY };
}

/** Zoom by `factor` keeping the screen point (atX, atY) where it is. */
export function zoomAt(view: View, factor: number, atX: number, atY: number): View {
  const scale = clampScale(view.scale * factor);
  const applied = scale / view.scale;
  return { scale, dx: atX - (atX - view.dx) * applied, dy: atY - (atY - view.dy) * applied };
}

/** The view moved so that `point` is drawn at the centre of a width × height box. */
export function centreOn(view: View, point: Point, width: number, height: number): View {
  return { ...view, dx: width / 2 - point.x * view.scale, dy: height / 2 - point.y * view.scale };
}

/** Index of the point nearest (x, y) within `radius`, or -1; `shown(i)` says which points count. */
export function pointAt(points: readonly Point[], x: number, y: number, radius: number, shown: (index: number) => boolean = () => true): number {
  let best = -1;
  let bestDistance = radius * radius;
  points.forEach((point, index) => {
    if (!shown(index)) return;
    const distance = (point.x - x) ** 2 + (point.y - y) ** 2;
    if (distance <= bestDistance) {
      best = index;
      bestDistance = distance;
    }
  });
  return best;
}

export type Direction = 'left' | 'right' | 'up' | 'down';

const AXES: Record<Direction, Point> = { left: { x: -1, y: 0 }, right: { x: 1, y: 0 }, up: { x: 0, y: -1 }, down: { x: 0, y: 1 } };

/**
 * The point an arrow key moves to from `from`: the nearest one lying within
 * 60° of the arrow's direction, a point off to the side counting as farther
 * away; -1 when there is none.
 */
export function nextInDirection(points: readonly Point[], from: number, direction: Direction, shown: (index: number) => boolean = () => true): number {
  const origin = points[from];
  if (!origin) return -1;
  const axis = AXES[direction];
  let best = -1;
  let bestCost = Infinity;
  points.forEach((point, index) => {
    if (index === from || !shown(index)) return;
    const along = (point.x - origin.x) * axis.x + (point.y - origin.y) * axis.y;
    const across = Math.abs((point.x - origin.x) * axis.y - (point.y - origin.y) * axis.x);
    if (along <= 0 || across > along * Math.tan(Math.PI / 3)) return;
    const cost = along + 2 * across;
    if (cost < bestCost) {
      best = index;
      bestCost = cost;
    }
  });
  return best;
}
