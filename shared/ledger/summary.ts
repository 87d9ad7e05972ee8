// The summaries screens read instead of the ledger: per SKU × location × month, units and value in
// and out, and the all-time balance per SKU × location. Rebuilt from the columns whenever the ledger
// changes, so no screen scans a million movements to show a number.
import type { MovementColumns } from './columns';
import type { PeriodLine, StockBalance } from './report';
import { denseSlots } from './slots';

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

/** Cells (SKU × location × month) accumulated per pass; bounds the working memory to ~130 MB. */
const CELLS_PER_PASS = 4_000_000;

/**
 * Sums movements per SKU × location × month. Rows come out ordered by SKU, location and month, so
 * readers aggregate in one pass. Accumulates into dense typed arrays indexed by slot (no Map in the
 * loop over movements); SKUs are taken in chunks so the arrays stay bounded for any catalog size.
 */
export function summarizeByMonth(columns: MovementColumns, values: Float64Array): MonthlySummary {
  const n = columns.length;
  if (n === 0) return emptySummary();
  const { day, skuId, locationId, qty } = columns;
  let firstDay = Infinity;
  let lastDay = -Infinity;
  for (let i = 0; i < n; i++) {
    if (day[i]! < firstDay) firstDay = day[i]!;
    if (day[i]! > lastDay) lastDay = day[i]!;
  }
  // Month of each day via a lookup over the ledger's date span (cheaper than Date per row).
  const monthLookup = new Int32Array(lastDay - firstDay + 1);
  for (let d = firstDay; d <= lastDay; d++) monthLookup[d - firstDay] = monthOfDay(d);
  const firstMonth = monthLookup[0]!;
  const monthSpan = monthLookup[monthLookup.length - 1]! - firstMonth + 1;
  const skus = denseSlots(skuId, n);
  const locations = denseSlots(locationId, n);
  const cellsPerSku = locations.count * monthSpan;
  const skusPerPass = Math.max(1, Math.floor(CELLS_PER_PASS / cellsPerSku));

  const parts: ReturnType<typeof allocate>[] = [];
  let totalRows = 0;
  for (let skuStart = 0; skuStart < skus.count; skuStart += skusPerPass) {
    const skuEnd = Math.min(skus.count, skuStart + skusPerPass);
    const cells = (skuEnd - skuStart) * cellsPerSku;
    const present = new Uint8Array(cells);
    const inQ = new Float64Array(cells);
    const outQ = new Float64Array(cells);
    const inV = new Float64Array(cells);
    const outV = new Float64Array(cells);
    for (let i = 0; i < n; i++) {
      const skuSlot = skus.slotOf[skuId[i]!]!;
      if (skuSlot < skuStart || skuSlot >= skuEnd) continue;
      const cell = ((skuSlot - skuStart) * locations.count + locations.slotOf[locationId[i]!]!) * monthSpan + (monthLookup[day[i]! - firstDay]! - firstMonth);
      present[cell] = 1;
      const q = qty[i]!;
      if (q > 0) {
        inQ[cell] = inQ[cell]! + q;
        inV[cell] = inV[cell]! + values[i]!;
      } else if (q < 0) {
        outQ[cell] = outQ[cell]! - q;
        outV[cell] = outV[cell]! - values[i]!;
      }
    }
    let rows = 0;
    for (let c = 0; c < cells; c++) rows += present[c]!;
    const part = allocate(rows);
    let r = 0;
    for (let c = 0; c < cells; c++) {
      if (!present[c]) continue;
      const monthOffset = c % monthSpan;
      const pair = (c - monthOffset) / monthSpan;
      const locationSlot = pair % locations.count;
      part.skuId[r] = skus.idOf[skuStart + (pair - locationSlot) / locations.count]!;
      part.locationId[r] = locations.idOf[locationSlot]!;
      part.month[r] = firstMonth + monthOffset;
      part.inQty[r] = inQ[c]!;
      part.outQty[r] = outQ[c]!;
      part.inValueMinor[r] = inV[c]!;
      part.outValueMinor[r] = outV[c]!;
      r++;
    }
    parts.push(part);
    totalRows += rows;
  }
  const out = parts.length === 1 ? parts[0]! : concatParts(parts, totalRows);
  return { ...out, rows: totalRows, firstDay, lastDay };
}

function concatParts(parts: readonly ReturnType<typeof allocate>[], rows: number): ReturnType<typeof allocate> {
  const out = allocate(rows);
  let offset = 0;
  for (const part of parts) {
    out.skuId.set(part.skuId, offset);
    out.locationId.set(part.locationId, offset);
    out.month.set(part.month, offset);
    out.inQty.set(part.inQty, offset);
    out.outQty.set(part.outQty, offset);
    out.inValueMinor.set(part.inValueMinor, offset);
    out.outValueMinor.set(part.outValueMinor, offset);
    offset += part.skuId.length;
  }
  return out;
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

/**
 * The period report for whole months `fromMonth`..`toMonth`, from the summary alone. Rows come
 * ordered by SKU, location and month, so each line is one run of rows.
 */
export function periodReportFromSummary(summary: MonthlySummary, fromMonth: number, toMonth: number): PeriodLine[] {
  const result: PeriodLine[] = [];
  const { skuId, locationId, month, inQty, outQty, inValueMinor, outValueMinor } = summary;
  let r = 0;
  while (r < summary.rows) {
    const sku = skuId[r]!;
    const location = locationId[r]!;
    let beginningQty = 0;
    let beginningValue = 0;
    let incomingQty = 0;
    let outgoingQty = 0;
    let incomingValue = 0;
    let outgoingValue = 0;
    for (; r < summary.rows && skuId[r] === sku && locationId[r] === location; r++) {
      const m = month[r]!;
      if (m > toMonth) continue;
      if (m < fromMonth) {
        beginningQty += inQty[r]! - outQty[r]!;
        beginningValue += inValueMinor[r]! - outValueMinor[r]!;
      } else {
        incomingQty += inQty[r]!;
        outgoingQty += outQty[r]!;
        incomingValue += inValueMinor[r]!;
        outgoingValue += outValueMinor[r]!;
      }
    }
    if (incomingQty === 0 && outgoingQty === 0 && beginningQty === 0 && beginningValue === 0) continue;
    result.push({
      skuId: sku,
      locationId: location,
      beginningQty,
      incomingQty,
      outgoingQty,
      endingQty: beginningQty + incomingQty - outgoingQty,
      beginningValueMinor: beginningValue,
      incomingValueMinor: incomingValue,
      outgoingValueMinor: outgoingValue,
      endingValueMinor: beginningValue + incomingValue - outgoingValue,
    });
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

/** One month of the summary: activity per SKU × location, ordered by SKU then location. */
export interface MonthActivity {
  /** Months since January 1970. */
  month: number;
  rows: number;
  skuId: Int32Array;
  locationId: Int32Array;
  inQty: Float64Array;
  outQty: Float64Array;
  inValueMinor: Float64Array;
  outValueMinor: Float64Array;
}

/** Balances per SKU × location (all time). */
export interface BalanceTable {
  rows: number;
  skuId: Int32Array;
  locationId: Int32Array;
  qty: Float64Array;
  valueMinor: Float64Array;
}

/** Splits the summary into one part per month, stored apart so a report reads only the months it needs. */
export function splitByMonth(summary: MonthlySummary): MonthActivity[] {
  const counts = new Map<number, number>();
  for (let r = 0; r < summary.rows; r++) counts.set(summary.month[r]!, (counts.get(summary.month[r]!) ?? 0) + 1);
  const parts = new Map<number, MonthActivity & { filled: number }>();
  for (const [month, rows] of [...counts.entries()].sort((a, b) => a[0] - b[0])) {
    parts.set(month, { month, rows, filled: 0, ...allocateActivity(rows) });
  }
  for (let r = 0; r < summary.rows; r++) {
    const part = parts.get(summary.month[r]!)!;
    const k = part.filled++;
    part.skuId[k] = summary.skuId[r]!;
    part.locationId[k] = summary.locationId[r]!;
    part.inQty[k] = summary.inQty[r]!;
    part.outQty[k] = summary.outQty[r]!;
    part.inValueMinor[k] = summary.inValueMinor[r]!;
    part.outValueMinor[k] = summary.outValueMinor[r]!;
  }
  return [...parts.values()].map(({ filled: _filled, ...part }) => part);
}

function allocateActivity(rows: number) {
  return {
    skuId: new Int32Array(rows),
    locationId: new Int32Array(rows),
    inQty: new Float64Array(rows),
    outQty: new Float64Array(rows),
    inValueMinor: new Float64Array(rows),
    outValueMinor: new Float64Array(rows),
  };
}

export function balanceTableFromSummary(summary: MonthlySummary): BalanceTable {
  const lines = balancesFromSummary(summary);
  return {
    rows: lines.length,
    skuId: Int32Array.from(lines, (l) => l.skuId),
    locationId: Int32Array.from(lines, (l) => l.locationId),
    qty: Float64Array.from(lines, (l) => l.qty),
    valueMinor: Float64Array.from(lines, (l) => l.valueMinor),
  };
}

/**
 * The period report for whole months `fromMonth`..`toMonth` from the all-time balances and the
 * month parts from `fromMonth` to the ledger's last month: beginning = balance − everything since.
 * `months` must hold every stored month from `fromMonth` on (later reports need fewer months).
 */
export function periodReportFromMonths(balances: BalanceTable, months: readonly MonthActivity[], fromMonth: number, toMonth: number): PeriodLine[] {
  const used = months.filter((part) => part.month >= fromMonth);
  // Dense SKU × location cells (no Map in the loops); slots follow ascending ids.
  const skuIds = [balances.skuId.subarray(0, balances.rows), ...used.map((p) => p.skuId.subarray(0, p.rows))];
  const locationIds = [balances.locationId.subarray(0, balances.rows), ...used.map((p) => p.locationId.subarray(0, p.rows))];
  const skus = denseSlots(concatInt32(skuIds));
  const locations = denseSlots(concatInt32(locationIds));
  const cells = skus.count * locations.count;
  const present = new Uint8Array(cells);
  const beginningQty = new Float64Array(cells);
  const beginningValue = new Float64Array(cells);
  const incomingQty = new Float64Array(cells);
  const outgoingQty = new Float64Array(cells);
  const incomingValue = new Float64Array(cells);
  const outgoingValue = new Float64Array(cells);
  const cellOf = (skuId: number, locationId: number) => skus.slotOf[skuId]! * locations.count + locations.slotOf[locationId]!;
  for (let r = 0; r < balances.rows; r++) {
    const c = cellOf(balances.skuId[r]!, balances.locationId[r]!);
    present[c] = 1;
    beginningQty[c] = beginningQty[c]! + balances.qty[r]!;
    beginningValue[c] = beginningValue[c]! + balances.valueMinor[r]!;
  }
  for (const part of used) {
    const inPeriod = part.month <= toMonth;
    for (let r = 0; r < part.rows; r++) {
      const c = cellOf(part.skuId[r]!, part.locationId[r]!);
      present[c] = 1;
      // Take every movement since the period began back out of the balance…
      beginningQty[c] = beginningQty[c]! - (part.inQty[r]! - part.outQty[r]!);
      beginningValue[c] = beginningValue[c]! - (part.inValueMinor[r]! - part.outValueMinor[r]!);
      // …and count the period's own.
      if (inPeriod) {
        incomingQty[c] = incomingQty[c]! + part.inQty[r]!;
        outgoingQty[c] = outgoingQty[c]! + part.outQty[r]!;
        incomingValue[c] = incomingValue[c]! + part.inValueMinor[r]!;
        outgoingValue[c] = outgoingValue[c]! + part.outValueMinor[r]!;
      }
    }
  }
  const result: PeriodLine[] = [];
  for (let c = 0; c < cells; c++) {
    if (!present[c]) continue;
    if (incomingQty[c] === 0 && outgoingQty[c] === 0 && beginningQty[c] === 0 && beginningValue[c] === 0) continue;
    const locationSlot = c % locations.count;
    result.push({
      skuId: skus.idOf[(c - locationSlot) / locations.count]!,
      locationId: locations.idOf[locationSlot]!,
      beginningQty: beginningQty[c]!,
      incomingQty: incomingQty[c]!,
      outgoingQty: outgoingQty[c]!,
      endingQty: beginningQty[c]! + incomingQty[c]! - outgoingQty[c]!,
      beginningValueMinor: beginningValue[c]!,
      incomingValueMinor: incomingValue[c]!,
      outgoingValueMinor: outgoingValue[c]!,
      endingValueMinor: beginningValue[c]! + incomingValue[c]! - outgoingValue[c]!,
    });
  }
  return result;
}

function concatInt32(parts: readonly Int32Array[]): Int32Array {
  const out = new Int32Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
