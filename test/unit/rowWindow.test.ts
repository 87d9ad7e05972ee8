import { describe, expect, it } from 'vitest';
import { ROW_HEIGHT_PX, scrollTopShowing, windowFor } from '../../renderer/components/rowWindow';

describe('windowFor', () => {
  it('renders the visible rows plus overscan, at their natural offsets, for a small table', () => {
    const view = windowFor(100, 10 * ROW_HEIGHT_PX, 5 * ROW_HEIGHT_PX);
    expect(view.totalPx).toBe(100 * ROW_HEIGHT_PX);
    expect(view.indexes[0]).toBe(2);
    expect(view.indexes.at(-1)).toBe(23);
    expect(view.topOf(10)).toBe(10 * ROW_HEIGHT_PX);
  });

  it('caps the scroll height for a million rows and still reaches the last row', () => {
    const viewport = 600;
    const count = 1_000_000;
    const top = windowFor(count, 0, viewport);
    expect(top.totalPx).toBeLessThan(count * ROW_HEIGHT_PX);
    expect(top.indexes[0]).toBe(0);
    const bottom = windowFor(count, top.totalPx - viewport, viewport);
    expect(bottom.indexes.at(-1)).toBe(count - 1);
    // The last row sits at the bottom of the viewport.
    expect(bottom.topOf(count - 1) + ROW_HEIGHT_PX).toBeCloseTo(top.totalPx, 6);
    expect(bottom.indexes.length).toBeLessThan(40);
  });

  it('renders nothing for an empty table', () => {
    expect(windowFor(0, 0, 600).indexes).toEqual([]);
  });
});

describe('scrollTopShowing', () => {
  it('does not move when the row is visible, and scrolls the least to show it otherwise', () => {
    const viewport = 10 * ROW_HEIGHT_PX;
    expect(scrollTopShowing(5, 100, 0, viewport)).toBe(0);
    expect(scrollTopShowing(12, 100, 0, viewport)).toBe(3 * ROW_HEIGHT_PX);
    expect(scrollTopShowing(2, 100, 20 * ROW_HEIGHT_PX, viewport)).toBe(2 * ROW_HEIGHT_PX);
  });

  it('brings any row of a million into the window the scroll position produces', () => {
    const viewport = 600;
    for (const index of [0, 1, 499_999, 999_998, 999_999]) {
      const top = scrollTopShowing(index, 1_000_000, 0, viewport);
      expect(windowFor(1_000_000, top, viewport).indexes).toContain(index);
    }
  });
});
