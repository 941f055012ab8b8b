import { describe, expect, it } from 'vitest';
import { centreOn, fitView, MAX_SCALE, nextInDirection, panBy, pointAt, toScreen, zoomAt } from '../../src/lib/graph/view';

describe("the map's camera", () => {
  it('fits every point inside the box, centred', () => {
    const points = [{ x: -100, y: -50 }, { x: 100, y: 50 }];
    const view = fitView(points, 440, 240, 20);
    expect(toScreen(view, points[0]!)).toEqual({ x: 20, y: 20 });
    expect(toScreen(view, points[1]!)).toEqual({ x: 420, y: 220 });
    expect(fitView([{ x: 5, y: 5 }], 100, 100).scale).toBe(2);
  });

  it('zooms around a point that stays where it is, within bounds', () => {
    const view = { scale: 1, dx: 10, dy: 20 };
    const zoomed = zoomAt(view, 2, 110, 70);
    const world = { x: (110 - view.dx) / view.scale, y: (70 - view.dy) / view.scale };
    expect(toScreen(zoomed, world)).toEqual({ x: 110, y: 70 });
    expect(zoomAt(view, 1000, 0, 0).scale).toBe(MAX_SCALE);
    expect(panBy(view, 5, -5)).toEqual({ scale: 1, dx: 15, dy: 15 });
    expect(toScreen(centreOn(zoomed, { x: 3, y: 4 }, 200, 100), { x: 3, y: 4 })).toEqual({ x: 100, y: 50 });
  });

  it('finds the point under the pointer, only among those shown', () => {
    const points = [{ x: 0, y: 0 }, { x: 10, y: 0 }];
    expect(pointAt(points, 8, 1, 5)).toBe(1);
    expect(pointAt(points, 8, 1, 5, (index) => index !== 1)).toBe(-1);
    expect(pointAt(points, 50, 50, 5)).toBe(-1);
  });

  it('moves the keyboard to the nearest point in the arrow’s direction', () => {
    const points = [{ x: 0, y: 0 }, { x: 10, y: 1 }, { x: 30, y: 0 }, { x: 2, y: -20 }, { x: -5, y: 40 }];
    expect(nextInDirection(points, 0, 'right')).toBe(1);
    expect(nextInDirection(points, 0, 'right', (index) => index !== 1)).toBe(2);
    expect(nextInDirection(points, 0, 'up')).toBe(3);
    expect(nextInDirection(points, 0, 'down')).toBe(4);
    expect(nextInDirection(points, 0, 'left')).toBe(-1);
  });
});
