// The arithmetic of a fixed-row-height virtual list (no DOM, so it is tested in Node).

export const ROW_HEIGHT_PX = 34;

/** Scroll heights above this are scaled: Chromium caps an element at about 33.5 million pixels. */
const MAX_SCROLL_PX = 15_000_000;
const OVERSCAN_ROWS = 8;

interface RowWindow {
  totalPx: number;
  indexes: number[];
  /** Top of a row inside the scrolled content, in pixels. */
  topOf: (index: number) => number;
}

/** Which rows to render for a scroll position, and where. */
export function windowFor(count: number, scrollTop: number, viewportPx: number): RowWindow {
  const naturalPx = count * ROW_HEIGHT_PX;
  const totalPx = Math.min(naturalPx, MAX_SCROLL_PX);
  const maxScroll = Math.max(0, totalPx - viewportPx);
  const naturalMaxScroll = Math.max(0, naturalPx - viewportPx);
  const clampedTop = Math.min(Math.max(0, scrollTop), maxScroll);
  // The row offset the scrollbar position stands for (equal to scrollTop when not scaled).
  const naturalTop = maxScroll > 0 ? (clampedTop / maxScroll) * naturalMaxScroll : 0;
  const first = Math.max(0, Math.floor(naturalTop / ROW_HEIGHT_PX) - OVERSCAN_ROWS);
  const last = Math.min(count - 1, Math.ceil((naturalTop + viewportPx) / ROW_HEIGHT_PX) + OVERSCAN_ROWS);
  const indexes: number[] = [];
  for (let i = first; i <= last; i++) indexes.push(i);
  return { totalPx, indexes, topOf: (index) => clampedTop + index * ROW_HEIGHT_PX - naturalTop };
}

/** The scrollTop that brings row `index` into view with the least movement. */
export function scrollTopShowing(index: number, count: number, scrollTop: number, viewportPx: number): number {
  const naturalPx = count * ROW_HEIGHT_PX;
  const totalPx = Math.min(naturalPx, MAX_SCROLL_PX);
  const maxScroll = Math.max(0, totalPx - viewportPx);
  const naturalMaxScroll = Math.max(0, naturalPx - viewportPx);
  if (maxScroll === 0 || naturalMaxScroll === 0) return 0;
  const scale = naturalMaxScroll / maxScroll;
  const naturalTop = scrollTop * scale;
  const rowTop = index * ROW_HEIGHT_PX;
  let targetNatural = naturalTop;
  if (rowTop < naturalTop) targetNatural = rowTop;
  else if (rowTop + ROW_HEIGHT_PX > naturalTop + viewportPx) targetNatural = rowTop + ROW_HEIGHT_PX - viewportPx;
  return Math.min(maxScroll, Math.max(0, targetNatural / scale));
}
