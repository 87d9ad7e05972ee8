// The summaries screens read instead of the ledger: per SKU × location × month, units and value in
// and out, and the all-time balance per SKU × location. Rebuilt from the columns whenever the ledger
// changes, so no screen scans a million movements to show a number.
import type { MovementColumns } from './columns';
import type { PeriodLine, StockBalance } from './report';
import { emptyPeriodLine } from './report';

export interface MonthlySummary {
  rows: number;
  skuId: Int32Array;
  locationId: Int32Array;
  /** Months since January 1970 (year × 12 + month − 1). */
  month: Int32Array;
  inQty: Float64Array;
  outQty: Float64Array;
  inValueMinor: Float64Array;
  outValueMinor: Float64Array;
  /** Day numbers of the earliest and latest movement (NaN when empty). */
  firstDay: number;
  lastDay: number;
}

const MS_PER_DAY = 86_400_000;

export function monthOfDay(day: number): number {
  const date = new Date(day * MS_PER_DAY);
  return (date.getUTCFullYear() - 1970) * 12 + date.getUTCMonth();
}

/** First and last day numbers of a month index. */
export function monthBounds(month: number): { firstDay: number; lastDay: number } {
  const year = 1970 + Math.floor(month / 12);
  const m = month % 12;
  return { firstDay: Date.UTC(year, m, 1) / MS_PER_DAY, lastDay: Date.UTC(year, m + 1, 0) / MS_PER_DAY };
}

const LOCATION_FACTOR = 4096;

export function summarizeByMonth(columns: MovementColumns, values: Float64Array): MonthlySummary {
  const n = columns.length;
  const { day, skuId, locationId, qty } = columns;
  // Month of each day via a small lookup over the ledger's date span (cheaper than Date per row).
  let firstDay = Infinity;
  let lastDay = -Infinity;
  for (let i = 0; i < n; i++) {
    if (day[i]! < firstDay) firstDay = day[i]!;
    if (day[i]! > lastDay) lastDay = day[i]!;
  }
  if (n === 0) return emptySummary();
  const monthLookup = new Int32Array(lastDay - firstDay + 1);
  for (let d = firstDay; d <= lastDay; d++) monthLookup[d - firstDay] = monthOfDay(d);
  const firstMonth = monthLookup[0]!;
  const monthSpan = monthLookup[monthLookup.length - 1]! - firstMonth + 1;

  const rowOf = new Map<number, number>();
  let capacity = 1024;
  let cols = allocate(capacity);
  let rows = 0;
  for (let i = 0; i < n; i++) {
    const month = monthLookup[day[i]! - firstDay]!;
    const key = (skuId[i]! * LOCATION_FACTOR + locationId[i]!) * monthSpan + (month - firstMonth);
    let r = rowOf.get(key);
    if (r === undefined) {
      if (rows === capacity) {
        capacity *= 2;
        cols = grow(cols, capacity);
      }
      r = rows++;
      rowOf.set(key, r);
      cols.skuId[r] = skuId[i]!;
      cols.locationId[r] = locationId[i]!;
      cols.month[r] = month;
    }
    const q = qty[i]!;
    if (q > 0) {
      cols.inQty[r] = cols.inQty[r]! + q;
      cols.inValueMinor[r] = cols.inValueMinor[r]! + values[i]!;
    } else if (q < 0) {
      cols.outQty[r] = cols.outQty[r]! - q;
      cols.outValueMinor[r] = cols.outValueMinor[r]! - values[i]!;
    }
  }
  return {
    rows,
    skuId: cols.skuId.slice(0, rows),
    locationId: cols.locationId.slice(0, rows),
    month: cols.month.slice(0, rows),
    inQty: cols.inQty.slice(0, rows),
    outQty: cols.outQty.slice(0, rows),
    inValueMinor: cols.inValueMinor.slice(0, rows),
    outValueMinor: cols.outValueMinor.slice(0, rows),
    firstDay,
    lastDay,
  };
}

export function emptySummary(): MonthlySummary {
  return { ...allocate(0), rows: 0, firstDay: Number.NaN, lastDay: Number.NaN };
}

/** Balances after every movement in the summary (all time). */
export function balancesFromSummary(summary: MonthlySummary): StockBalance[] {
  return balancesThroughMonth(summary, Infinity);
}

/** Balances at the end of `month` (inclusive). */
export function balancesThroughMonth(summary: MonthlySummary, month: number): StockBalance[] {
  const lines = new Map<number, StockBalance>();
  for (let r = 0; r < summary.rows; r++) {
    if (summary.month[r]! > month) continue;
    const key = summary.skuId[r]! * LOCATION_FACTOR + summary.locationId[r]!;
    let line = lines.get(key);
    if (!line) lines.set(key, (line = { skuId: summary.skuId[r]!, locationId: summary.locationId[r]!, qty: 0, valueMinor: 0 }));
    line.qty += summary.inQty[r]! - summary.outQty[r]!;
    line.valueMinor += summary.inValueMinor[r]! - summary.outValueMinor[r]!;
  }
  return [...lines.values()].filter((line) => line.qty !== 0 || line.valueMinor !== 0);
}

/** The period report for whole months `fromMonth`..`toMonth`, from the summary alone. */
export function periodReportFromSummary(summary: MonthlySummary, fromMonth: number, toMonth: number): PeriodLine[] {
  const lines = new Map<number, PeriodLine>();
  for (let r = 0; r < summary.rows; r++) {
    const month = summary.month[r]!;
    if (month > toMonth) continue;
    const key = summary.skuId[r]! * LOCATION_FACTOR + summary.locationId[r]!;
    let line = lines.get(key);
    if (!line) lines.set(key, (line = emptyPeriodLine(summary.skuId[r]!, summary.locationId[r]!)));
    if (month < fromMonth) {
      line.beginningQty += summary.inQty[r]! - summary.outQty[r]!;
      line.beginningValueMinor += summary.inValueMinor[r]! - summary.outValueMinor[r]!;
    } else {
      line.incomingQty += summary.inQty[r]!;
      line.outgoingQty += summary.outQty[r]!;
      line.incomingValueMinor += summary.inValueMinor[r]!;
      line.outgoingValueMinor += summary.outValueMinor[r]!;
    }
  }
  const result: PeriodLine[] = [];
  for (const line of lines.values()) {
    line.endingQty = line.beginningQty + line.incomingQty - line.outgoingQty;
    line.endingValueMinor = line.beginningValueMinor + line.incomingValueMinor - line.outgoingValueMinor;
    if (line.incomingQty !== 0 || line.outgoingQty !== 0 || line.beginningQty !== 0 || line.beginningValueMinor !== 0) result.push(line);
  }
  return result;
}

function allocate(capacity: number) {
  return {
    skuId: new Int32Array(capacity),
    locationId: new Int32Array(capacity),
    month: new Int32Array(capacity),
    inQty: new Float64Array(capacity),
    outQty: new Float64Array(capacity),
    inValueMinor: new Float64Array(capacity),
    outValueMinor: new Float64Array(capacity),
  };
}

function grow(cols: ReturnType<typeof allocate>, capacity: number): ReturnType<typeof allocate> {
  const next = allocate(capacity);
  next.skuId.set(cols.skuId);
  next.locationId.set(cols.locationId);
  next.month.set(cols.month);
  next.inQty.set(cols.inQty);
  next.outQty.set(cols.outQty);
  next.inValueMinor.set(cols.inValueMinor);
  next.outValueMinor.set(cols.outValueMinor);
  return next;
}
