// Demand history (PRODUCT §4.1): units sold per day per SKU × FBA location, with the days that
// location had no available stock, read from the ledger and, where imported, from orders.
//
// Built for the replenishment plan's scale (10,000 SKUs × 730 days, a million movements) in a
// worker: typed arrays throughout, no per-day or per-movement objects. The movements are grouped by
// series with a counting sort, in day order, then each series is walked once: its balance changes
// only on days with a movement, so whole runs of stockout days are noted at a time. The days are
// kept sparse (sale days, stockout runs); no series × days matrix is allocated unless asked for.
import { dayNumber } from '../dates';
import { TYPE_CODE } from '../ledger/columns';
import type { MovementColumns } from '../ledger/columns';

export interface DemandHistory {
  /** Day number (shared/dates dayNumber) of the first day of the window, and its length in days. */
  firstDay: number;
  days: number;
  /** One series per SKU × FBA location that sold or held stock in the window (or before it, with stock carried in). */
  series: { skuId: number; locationId: number; marketplace: string }[];
  /**
   * series.length × days, row-major: units sold per day (sale movements, as positive units). A
   * history from demandHistoryFromLedger keeps its days sparse and makes this (and `stockout`) on
   * first read. The plan reads them only for a series with a known event in the past (its uplift
   * comes out of the days) or after imported orders replaced days; seriesDays gives one series' days.
   */
  units: Float32Array;
  /** series.length × days: 1 on a stockout day — nothing sold and the location ended the day with no stock (see demandHistoryFromLedger). */
  stockout: Uint8Array;
  /** Closing balance on the window's last day per series (units on hand now). */
  onHand: Float64Array;
  /**
   * The same days summed by week, made while the history is built (see WeekSums). Absent on a
   * history built by hand; whoever changes `units` or `stockout` must rebuild it or leave it out.
   */
  weekSums?: WeekSums;
}

/** Days of the window whose units make WeekSums.lastYearUnits (ABC by 12 months of sales, PRODUCT §6). */
export const LAST_YEAR_DAYS = 365;

/**
 * Per series, its days summed by week, so the plan reads ~105 weeks per series instead of 730 days.
 * Weeks are counted back from the window's last day, oldest first (as weeklyRates gives them); the
 * oldest holds only its days inside the window. Each sum adds the days' float32 units in day order,
 * exactly as a loop over the days does, so a rate made from it is the same to the last bit.
 */
export interface WeekSums {
  /** ⌈days ÷ 7⌉ weeks per series. */
  weeks: number;
  /** series × weeks: units sold on the week's in-stock days. */
  inStockUnits: Float64Array;
  /** series × weeks: the week's in-stock days (0–7). */
  inStockDays: Uint8Array;
  /** Per series: units sold over the window's last LAST_YEAR_DAYS days, stockout days included. */
  lastYearUnits: Float64Array;
}

export type DemandLedgerColumns = Pick<MovementColumns, 'length' | 'day' | 'skuId' | 'locationId' | 'qty' | 'type'>;

const SALE = TYPE_CODE.sale;

/** Ids up to this bound are looked up in a typed array; larger ones (never made by the database) in a Map. */
const DENSE_LOCATION_IDS = 1 << 16;

function requireWindow(window: { firstDay: number; days: number }): void {
  if (!Number.isInteger(window.firstDay)) throw new RangeError(`Window first day must be a day number, got ${window.firstDay}`);
  if (!Number.isInteger(window.days) || window.days < 0) throw new RangeError(`Window length must be a whole number of days ≥ 0, got ${window.days}`);
}

/** Location id → FBA slot (0…n−1 in ascending location id, so slot order is location order), −1 when not FBA. */
function fbaSlots(fbaMarketplaceOf: ReadonlyMap<number, string>): { ids: number[]; slotOf: (locationId: number) => number } {
  const ids = [...fbaMarketplaceOf.keys()].sort((a, b) => a - b);
  const dense = ids.every((id) => Number.isInteger(id) && id >= 0 && id < DENSE_LOCATION_IDS);
  if (dense) {
    const table = new Int32Array(ids.length === 0 ? 0 : ids[ids.length - 1]! + 1).fill(-1);
    ids.forEach((id, slot) => (table[id] = slot));
    return { ids, slotOf: (locationId) => (locationId >= 0 && locationId < table.length ? table[locationId]! : -1) };
  }
  const map = new Map(ids.map((id, slot) => [id, slot]));
  return { ids, slotOf: (locationId) => map.get(locationId) ?? -1 };
}

/**
 * SKU id → row rank in ascending SKU order. Database ids are dense, so a typed array indexed by
 * `skuId − min` is used (unused ids just leave empty pairs); widely spread ids fall back to a Map.
 */
function skuRanks(skuIds: Int32Array, take: Uint8Array, minSku: number, maxSku: number, taken: number): { rows: number; rankOf: (skuId: number) => number; skuAt: (rank: number) => number } {
  const range = maxSku - minSku + 1;
  if (range <= 4 * taken + 65_536) return { rows: range, rankOf: (skuId) => skuId - minSku, skuAt: (rank) => rank + minSku };
  const distinct = new Set<number>();
  for (let i = 0; i < skuIds.length; i++) if (take[i]) distinct.add(skuIds[i]!);
  const sorted = [...distinct].sort((a, b) => a - b);
  const rank = new Map(sorted.map((skuId, index) => [skuId, index]));
  return { rows: sorted.length, rankOf: (skuId) => rank.get(skuId)!, skuAt: (index) => sorted[index]! };
}

/** Indexes of the taken movements in day order (stable; every day before the window counts as one). */
function movementsByDay(day: Int32Array, take: Uint8Array, taken: number, firstDay: number, days: number): Int32Array {
  // Bucket 0 holds the days before the window, bucket d + 1 window day d.
  const bucketStart = new Int32Array(days + 2);
  for (let i = 0; i < take.length; i++) if (take[i]) bucketStart[Math.max(day[i]! - firstDay, -1) + 2]!++;
  for (let b = 1; b < bucketStart.length; b++) bucketStart[b]! += bucketStart[b - 1]!;
  const order = new Int32Array(taken);
  for (let i = 0; i < take.length; i++) if (take[i]) order[bucketStart[Math.max(day[i]! - firstDay, -1) + 1]!++] = i;
  return order;
}

/**
 * Daily sales and stockout days per SKU × FBA location over `window`, from the ledger.
 *
 * Only movements at FBA locations (the keys of `fbaMarketplaceOf`) count; movements after the
 * window are ignored, movements before it make the opening balance. Units sold are the sale
 * movements' quantities negated, so a reversed sale takes its units back on the day it is posted. Series come sorted by SKU id,
 * then location id; a series with no sale in the window and no stock in it or carried into it is
 * left out.
 *
 * Stockout rule (PRODUCT §4.1, "no available stock"): a day that sold nothing and closed with no
 * stock (a closing balance of 0) is a stockout day. A day that sold is in stock, even when it sold the
 * last unit: its demand may have been cut short, but leaving such days out would leave a SKU kept a
 * unit or two deep with no sales at all, and a forecast of nothing. A negative closing balance means
 * the ledger lacks stock it had (an opening balance never imported, say), so the stock is unknown and
 * the day counts as in stock.
 */
export function demandHistoryFromLedger(
  columns: DemandLedgerColumns,
  fbaMarketplaceOf: ReadonlyMap<number, string>,
  window: { firstDay: number; days: number },
): DemandHistory {
  requireWindow(window);
  const { firstDay, days } = window;
  const { length, day, skuId, locationId, qty, type } = columns;
  const fba = fbaSlots(fbaMarketplaceOf);
  const fbaCount = fba.ids.length;

  // Pass 1: which movements count (FBA, not after the window), the SKU id range, and whether they
  // already come in day order (packed blocks do); days before the window count as one day.
  const take = new Uint8Array(length);
  const slot = new Int32Array(length);
  let taken = 0;
  let minSku = Infinity;
  let maxSku = -Infinity;
  let inDayOrder = true;
  let previousDay = -1;
  for (let i = 0; i < length; i++) {
    const d = day[i]! - firstDay;
    if (d >= days) continue;
    const s = fba.slotOf(locationId[i]!);
    if (s < 0) continue;
    take[i] = 1;
    slot[i] = s;
    taken++;
    const sku = skuId[i]!;
    if (sku < minSku) minSku = sku;
    if (sku > maxSku) maxSku = sku;
    const windowDay = d < 0 ? -1 : d;
    if (windowDay < previousDay) inDayOrder = false;
    previousDay = windowDay;
  }
  if (taken === 0) {
    const none = new Int32Array(1);
    const sparse = { saleStart: none, saleDay: new Int32Array(0), saleUnits: new Float32Array(0), runStart: none, runFrom: new Int32Array(0), runTo: new Int32Array(0) };
    return historyFromSparseDays({ firstDay, days, series: [], onHand: new Float64Array(0), weekSums: emptyWeekSums(days, 0) }, sparse);
  }

  // Pass 2: each movement's pair (SKU rank × FBA slot, already in output order), counted per pair.
  const skus = skuRanks(skuId, take, minSku, maxSku, taken);
  const pairs = skus.rows * fbaCount;
  const start = new Int32Array(pairs + 1);
  const pairOf = slot; // reused: slot → pair
  for (let i = 0; i < length; i++) {
    if (!take[i]) continue;
    const pair = skus.rankOf(skuId[i]!) * fbaCount + slot[i]!;
    pairOf[i] = pair;
    start[pair + 1]!++;
  }
  let present = 0;
  for (let p = 0; p < pairs; p++) {
    if (start[p + 1]! > 0) present++;
    start[p + 1]! += start[p]!;
  }

  // Pass 3: a stable counting sort by pair of what the replay needs — day in the window (−1 before
  // it: only the quantity counts), signed quantity, sale or not — so each pair's movements lie
  // together in day order. Movements not in day order are first put in it (a counting sort by day).
  const dayOrder = inDayOrder ? null : movementsByDay(day, take, taken, firstDay, days);
  const groupedDay = new Int32Array(taken);
  const groupedQty = new Float64Array(taken);
  const groupedSale = new Uint8Array(taken);
  const next = start.slice(0, pairs);
  const visits = dayOrder === null ? length : taken;
  for (let v = 0; v < visits; v++) {
    const i = dayOrder === null ? v : dayOrder[v]!;
    if (!take[i]) continue;
    const k = next[pairOf[i]!]!++;
    const d = day[i]! - firstDay;
    groupedDay[k] = d < 0 ? -1 : d;
    groupedQty[k] = qty[i]!;
    groupedSale[k] = type[i] === SALE ? 1 : 0;
  }

  // Per pair: walk its movements in day order. The balance only changes on days with a movement, so
  // each run of days between two such days is out of stock or not as a whole, by its closing balance.
  // The days are kept sparse (sale days and stockout runs, see SparseDays): a series × days matrix
  // costs a page fault per 4 KB on first write, which was most of the build at 16,000 series × 730
  // days. A kept series' week sums are then made from its sale days and runs.
  const onHand = new Float64Array(present);
  const weekSums = emptyWeekSums(days, present);
  const weekDays = daysPerWeek(days, weekSums.weeks);
  const saleStart = new Int32Array(present + 1);
  const saleDay = new Int32Array(taken);
  const saleUnits = new Float32Array(taken);
  let saleCount = 0;
  const runStart = new Int32Array(present + 1);
  // Runs end at a movement day or at the window's end: at most one per movement, and one per series.
  const runFrom = new Int32Array(taken + present);
  const runTo = new Int32Array(taken + present);
  let runCount = 0;
  const series: DemandHistory['series'] = [];
  for (let p = 0; p < pairs; p++) {
    const from = start[p]!;
    const to = start[p + 1]!;
    if (from === to) continue;
    const row = series.length;
    const rowSales = saleCount;
    const rowRuns = runCount;
    let balance = 0;
    let openingUnits = 0;
    let sold = false;
    let held = false;
    // Days before `closedUpTo` have their closing balance marked.
    let closedUpTo = 0;
    for (let k = from; k < to; k++) {
      const d = groupedDay[k]!;
      const q = groupedQty[k]!;
      if (d < 0) {
        openingUnits += q;
        balance += q;
        continue;
      }
      if (d > closedUpTo) {
        if (balance === 0) runCount = addStockoutRun(runFrom, runTo, rowRuns, runCount, soldOn(saleDay, saleUnits, rowSales, saleCount, closedUpTo) ? closedUpTo + 1 : closedUpTo, d);
        else if (balance > 0) held = true;
        closedUpTo = d;
      }
      balance += q;
      if (groupedSale[k]) {
        if (saleCount === rowSales || saleDay[saleCount - 1] !== d) {
          saleDay[saleCount] = d;
          saleUnits[saleCount++] = 0;
        }
        // A float32 cell, as a day of a float32 matrix: the same rounding after every movement.
        saleUnits[saleCount - 1]! -= q;
        sold = true;
      }
    }
    if (balance === 0) runCount = addStockoutRun(runFrom, runTo, rowRuns, runCount, soldOn(saleDay, saleUnits, rowSales, saleCount, closedUpTo) ? closedUpTo + 1 : closedUpTo, days);
    else if (balance > 0) held = true;
    if (!sold && !held && openingUnits <= 0) {
      // Nothing sold and never any stock: the row is left out, its stockout runs dropped for the next pair.
      saleCount = rowSales;
      runCount = rowRuns;
      continue;
    }
    rowWeekSums(weekSums, row, days, weekDays, saleDay, saleUnits, rowSales, saleCount, runFrom, runTo, rowRuns, runCount);
    onHand[row] = balance;
    saleStart[row + 1] = saleCount;
    runStart[row + 1] = runCount;
    const location = fba.ids[p % fbaCount]!;
    series.push({ skuId: skus.skuAt(Math.floor(p / fbaCount)), locationId: location, marketplace: fbaMarketplaceOf.get(location)! });
  }

  const kept = series.length;
  const weeks = weekSums.weeks;
  const sparse: SparseDays = {
    saleStart: saleStart.slice(0, kept + 1),
    saleDay: saleDay.slice(0, saleCount),
    saleUnits: saleUnits.slice(0, saleCount),
    runStart: runStart.slice(0, kept + 1),
    runFrom: runFrom.slice(0, runCount),
    runTo: runTo.slice(0, runCount),
  };
  const sums = kept === present ? weekSums : { weeks, inStockUnits: weekSums.inStockUnits.slice(0, kept * weeks), inStockDays: weekSums.inStockDays.slice(0, kept * weeks), lastYearUnits: weekSums.lastYearUnits.slice(0, kept) };
  return historyFromSparseDays({ firstDay, days, series, onHand: kept === present ? onHand : onHand.slice(0, kept), weekSums: sums }, sparse);
}

/** Pairs (SKU id × warehouse) past which the sold flags are a Set rather than a table: 16 MB. */
const MAX_DENSE_PAIRS = 1 << 24;
const EMPTY_DEMAND_COLUMNS: DemandLedgerColumns = { length: 0, day: new Int32Array(0), skuId: new Int32Array(0), locationId: new Int32Array(0), qty: new Float64Array(0), type: new Uint8Array(0) };

/**
 * Daily sales and stockout days per SKU × one of the seller's own warehouses (domestic, 3PL), from
 * the ledger's `sale` movements there: sales the seller records by hand (a Shopify or merchant-
 * fulfilled order, a 3PL's shipment to a customer). `warehouses` maps each such location id to the
 * group its series are in (their `marketplace`: the weekly season is read per group). Only a SKU ×
 * warehouse that sold in the window is a series (the stock a warehouse holds to send to FBA is no
 * demand of its own), built by demandHistoryFromLedger from that pair's movements alone, so its
 * stockout days are that warehouse's: a day that sold nothing and closed with no stock there.
 * Without such a sale (the usual seller), one pass over the sales and an empty history.
 */
export function ownWarehouseDemandHistory(columns: DemandLedgerColumns, warehouses: ReadonlyMap<number, string>, window: { firstDay: number; days: number }): DemandHistory {
  requireWindow(window);
  const { firstDay, days } = window;
  const { length, day, skuId, locationId, type } = columns;
  const slots = fbaSlots(warehouses);
  const count = Math.max(1, slots.ids.length);
  // Pass 1: the SKU × warehouse pairs that sold in the window, flagged in a table by SKU id × warehouse
  // (ids are dense; a Set when they are not), so pass 2's check per movement is an array read.
  let maxSku = -1;
  for (let i = 0; i < length; i++) if (type[i] === SALE && skuId[i]! > maxSku && slots.slotOf(locationId[i]!) >= 0) maxSku = skuId[i]!;
  if (maxSku < 0) return demandHistoryFromLedger(EMPTY_DEMAND_COLUMNS, warehouses, window);
  const dense = (maxSku + 1) * count <= MAX_DENSE_PAIRS;
  const soldTable = dense ? new Uint8Array((maxSku + 1) * count) : null;
  const soldSet = dense ? null : new Set<number>();
  let anySold = false;
  for (let i = 0; i < length; i++) {
    if (type[i] !== SALE) continue;
    const d = day[i]! - firstDay;
    if (d < 0 || d >= days) continue;
    const slot = slots.slotOf(locationId[i]!);
    if (slot < 0) continue;
    const key = skuId[i]! * count + slot;
    if (soldTable) soldTable[key] = 1;
    else soldSet!.add(key);
    anySold = true;
  }
  // Pass 2: every movement of those pairs up to the window's end (the ones before it make the opening balance).
  const end = firstDay + days;
  const keep = new Uint8Array(anySold ? length : 0);
  let kept = 0;
  for (let i = 0; anySold && i < length; i++) {
    if (day[i]! >= end) continue;
    const slot = slots.slotOf(locationId[i]!);
    if (slot < 0) continue;
    const sku = skuId[i]!;
    const key = sku * count + slot;
    if (soldTable ? sku > maxSku || soldTable[key] === 0 : !soldSet!.has(key)) continue;
    keep[i] = 1;
    kept++;
  }
  const subset: DemandLedgerColumns = { length: kept, day: new Int32Array(kept), skuId: new Int32Array(kept), locationId: new Int32Array(kept), qty: new Float64Array(kept), type: new Uint8Array(kept) };
  for (let i = 0, k = 0; k < kept; i++) {
    if (!keep[i]) continue;
    subset.day[k] = day[i]!;
    subset.skuId[k] = skuId[i]!;
    subset.locationId[k] = locationId[i]!;
    subset.qty[k] = columns.qty[i]!;
    subset.type[k] = type[i]!;
    k++;
  }
  return demandHistoryFromLedger(subset, warehouses, window);
}

/**
 * A history's days kept sparse, per series (CSR: series s owns entries start[s]…start[s + 1] − 1):
 * its sale days in day order with their units (a day sold and reversed keeps its 0), and its
 * stockout runs [from, to) in day order, never touching. Day numbers are window offsets.
 */
export interface SparseDays {
  saleStart: Int32Array;
  saleDay: Int32Array;
  saleUnits: Float32Array;
  runStart: Int32Array;
  runFrom: Int32Array;
  runTo: Int32Array;
}

/** The sparse days of histories made by demandHistoryFromLedger, until someone reads their dense days. */
const sparseByHistory = new WeakMap<DemandHistory, SparseDays>();

/**
 * A history whose `units` and `stockout` are made from its sparse days when first read. Reading
 * them forgets the sparse days, so a caller who then changes the dense days in place (which the
 * history's contract asks them not to) still sees its changes everywhere.
 */
function historyFromSparseDays(rest: Omit<DemandHistory, 'units' | 'stockout'>, sparse: SparseDays): DemandHistory {
  let dense: { units: Float32Array; stockout: Uint8Array } | null = null;
  const denseDays = () => {
    if (dense === null) {
      dense = denseFromSparse(sparse, rest.series.length, rest.days);
      sparseByHistory.delete(history);
    }
    return dense;
  };
  const history: DemandHistory = {
    ...rest,
    get units() {
      return denseDays().units;
    },
    get stockout() {
      return denseDays().stockout;
    },
  };
  sparseByHistory.set(history, sparse);
  return history;
}

function denseFromSparse(sparse: SparseDays, seriesCount: number, days: number): { units: Float32Array; stockout: Uint8Array } {
  const units = new Float32Array(seriesCount * days);
  const stockout = new Uint8Array(seriesCount * days);
  for (let s = 0; s < seriesCount; s++) writeSeriesDays(sparse, s, units, stockout, s * days);
  return { units, stockout };
}

/** Series s's sparse days into dense days from `base` (zeros on entry): its sales' units and its runs' stockout marks. */
function writeSeriesDays(sparse: SparseDays, s: number, units: Float32Array, stockout: Uint8Array, base: number): void {
  for (let k = sparse.saleStart[s]!; k < sparse.saleStart[s + 1]!; k++) units[base + sparse.saleDay[k]!] = sparse.saleUnits[k]!;
  for (let r = sparse.runStart[s]!; r < sparse.runStart[s + 1]!; r++) stockout.fill(1, base + sparse.runFrom[r]!, base + sparse.runTo[r]!);
}

/** Whether a history still keeps its days sparse: made by demandHistoryFromLedger and its dense days never read (for tests). */
export function keepsSparseDays(history: DemandHistory): boolean {
  return sparseByHistory.has(history);
}

/** One series' days (a copy): units sold and stockout marks per day of the window, without making the whole history's dense days. */
export function seriesDays(history: DemandHistory, seriesIndex: number): { units: Float32Array; stockout: Uint8Array } {
  requireSeries(history, seriesIndex);
  const sparse = sparseByHistory.get(history);
  const { days } = history;
  if (sparse === undefined) {
    const base = seriesIndex * days;
    return { units: history.units.slice(base, base + days), stockout: history.stockout.slice(base, base + days) };
  }
  const units = new Float32Array(days);
  const stockout = new Uint8Array(days);
  writeSeriesDays(sparse, seriesIndex, units, stockout, 0);
  return { units, stockout };
}

function emptyWeekSums(days: number, series: number): WeekSums {
  const weeks = Math.ceil(days / 7);
  return { weeks, inStockUnits: new Float64Array(series * weeks), inStockDays: new Uint8Array(series * weeks), lastYearUnits: new Float64Array(series) };
}

function clearWeekSums(sums: WeekSums, row: number): void {
  sums.inStockUnits.fill(0, row * sums.weeks, (row + 1) * sums.weeks);
  sums.inStockDays.fill(0, row * sums.weeks, (row + 1) * sums.weeks);
  sums.lastYearUnits[row] = 0;
}

/** Whether the row's sales (rowSales…saleCount − 1, in day order) sold units on day d, its last day with a movement so far. */
function soldOn(saleDay: Int32Array, saleUnits: Float32Array, rowSales: number, saleCount: number, d: number): boolean {
  return saleCount > rowSales && saleDay[saleCount - 1] === d && saleUnits[saleCount - 1]! > 0;
}

/**
 * Notes days from…to − 1 of the series whose runs start at `rowRuns` as out of stock; returns the
 * new run count. A run that starts where the series' last one ends extends it, so runs never touch;
 * an empty one adds nothing.
 */

function addStockoutRun(runFrom: Int32Array, runTo: Int32Array, rowRuns: number, runCount: number, from: number, to: number): number {
  if (from >= to) return runCount;
  if (runCount > rowRuns && runTo[runCount - 1] === from) {
    runTo[runCount - 1] = to;
    return runCount;
  }
  runFrom[runCount] = from;
  runTo[runCount] = to;
  return runCount + 1;
}

/** Days of the window in each week, oldest week first (the oldest may be short). */
function daysPerWeek(days: number, weeks: number): Uint8Array {
  const result = new Uint8Array(weeks);
  for (let j = 0; j < weeks; j++) result[weeks - 1 - j] = Math.min(days, days - j * 7) - Math.max(0, days - (j + 1) * 7);
  return result;
}

/**
 * One kept series' week sums (row) from its sale days (saleFrom…saleTo − 1) and stockout runs
 * (runFrom…runTo − 1): in-stock days are each week's days less its stockout days; units are added
 * sale day by sale day in day order, so each sum adds the same values in the same order as a loop
 * over the days does (a day with no sales adds 0, which changes no sum).
 */
function rowWeekSums(
  sums: WeekSums,
  row: number,
  days: number,
  weekDays: Uint8Array,
  saleDay: Int32Array,
  saleUnits: Float32Array,
  saleFrom: number,
  saleTo: number,
  runFrom: Int32Array,
  runTo: Int32Array,
  runsFrom: number,
  runsTo: number,
): void {
  const weeks = sums.weeks;
  const rowEnd = (row + 1) * weeks;
  const inStockDays = sums.inStockDays;
  inStockDays.set(weekDays, row * weeks);
  for (let r = runsFrom; r < runsTo; r++) {
    const to = runTo[r]!;
    for (let d = runFrom[r]!; d < to; ) {
      const weekFromEnd = ((days - 1 - d) / 7) | 0;
      const weekEnd = Math.min(to, days - weekFromEnd * 7);
      inStockDays[rowEnd - 1 - weekFromEnd]! -= weekEnd - d;
      d = weekEnd;
    }
  }
  const lastYearFrom = days - LAST_YEAR_DAYS;
  let lastYear = 0;
  let r = runsFrom;
  for (let k = saleFrom; k < saleTo; k++) {
    const units = saleUnits[k]!;
    if (units === 0) continue;
    const d = saleDay[k]!;
    while (r < runsTo && runTo[r]! <= d) r++;
    if (r === runsTo || runFrom[r]! > d) sums.inStockUnits[rowEnd - 1 - (((days - 1 - d) / 7) | 0)]! += units;
    if (d >= lastYearFrom) lastYear += units;
  }
  sums.lastYearUnits[row] = lastYear;
}

/**
 * The week sums of a history from its days (one pass over every day): for a history built by hand,
 * and for the series whose days overlayOrderDemand changed (`rows`; all when absent).
 */
export function weekSumsFromDays(history: Pick<DemandHistory, 'days' | 'series' | 'units' | 'stockout'>, into?: WeekSums, rows?: Iterable<number>): WeekSums {
  const { days, units, stockout } = history;
  const sums = into ?? emptyWeekSums(days, history.series.length);
  const weeks = sums.weeks;
  const yearFrom = Math.max(0, days - LAST_YEAR_DAYS);
  for (const row of rows ?? history.series.keys()) {
    clearWeekSums(sums, row);
    const base = row * days;
    let lastYear = 0;
    for (let d = yearFrom; d < days; d++) lastYear += units[base + d]!;
    sums.lastYearUnits[row] = lastYear;
    for (let j = 0; j < weeks; j++) {
      const weekEnd = days - j * 7;
      let sold = 0;
      let inStockDays = 0;
      for (let d = Math.max(0, weekEnd - 7); d < weekEnd; d++) {
        if (stockout[base + d] !== 0) continue;
        sold += units[base + d]!;
        inStockDays++;
      }
      sums.inStockUnits[(row + 1) * weeks - 1 - j] = sold;
      sums.inStockDays[(row + 1) * weeks - 1 - j] = inStockDays;
    }
  }
  return sums;
}

/** Per series, units sold over the window's last LAST_YEAR_DAYS days (from the week sums when the history has them). */
export function lastYearUnits(history: DemandHistory): Float64Array {
  return (weekSumsOf(history) ?? weekSumsFromDays(history)).lastYearUnits;
}

/** The history's week sums when it carries them and they fit its shape. */
function weekSumsOf(history: DemandHistory): WeekSums | undefined {
  const sums = history.weekSums;
  if (sums === undefined || sums.weeks !== Math.ceil(history.days / 7) || sums.lastYearUnits.length !== history.series.length) return undefined;
  return sums;
}

/**
 * Imported order demand replaces ledger sales for the SKU × marketplace over the days the orders
 * cover (per marketplace, the date ranges of the imported reports: a gap between two imports keeps
 * its ledger sales): orders are dated when the customer bought, ledger sales when Amazon shipped.
 *
 * Within a marketplace's coverage every series of that marketplace takes its units from the orders;
 * what the ledger shipped there beyond them (another marketplace's orders filled from this location,
 * multi-channel orders) stays, as the ledger spread it: each covered day keeps its ledger units ×
 * (1 − the series' order units ÷ its ledger units, both over that day's stretch of covered days:
 * imports that overlap or follow one another, up to a gap),
 * none when the orders explain it all. Outside the
 * coverage the ledger stays. When a SKU has two FBA locations in one marketplace, each day's orders
 * are split between them in proportion to their ledger sales over the covered days (equally when
 * neither sold). Orders for a SKU × marketplace with no series, outside the coverage or outside the
 * window are not added: there is no FBA location to put them on. Stockout days and balances are
 * unchanged. `history` is not modified; the result shares all but `units` and `weekSums` (made again
 * for the series it changed) with it.
 */
export function overlayOrderDemand(
  history: DemandHistory,
  daily: readonly { skuId: number; marketplace: string; day: string /* YYYY-MM-DD */; units: number }[],
  coverage: ReadonlyMap<string /* marketplace */, readonly { firstDay: number; lastDay: number }[]>,
): DemandHistory {
  const { firstDay, days } = history;
  const units = history.units.slice();
  // Per marketplace and day of the window: which stretch of covered days it is in (1, 2, …; 0: no
  // imported report covers it). Imports that overlap or follow one another make one stretch: Amazon
  // ships a day or two after the order, so the first days of an import hold the shipments of the
  // last orders of the one before, which a stretch per import would count twice. A gap starts a new one.
  const covered = new Map<string, { stretchOf: Int32Array; stretches: number }>();
  for (const [marketplace, ranges] of coverage) {
    const clipped = ranges
      .map((range) => ({ from: Math.max(range.firstDay, firstDay) - firstDay, to: Math.min(range.lastDay, firstDay + days - 1) - firstDay }))
      .filter((range) => range.from <= range.to)
      .sort((a, b) => a.from - b.from);
    if (clipped.length === 0) continue;
    const stretchOf = new Int32Array(days);
    let stretches = 0;
    let end = -1;
    for (const range of clipped) {
      if (stretches === 0 || range.from > end + 1) stretches++;
      stretchOf.fill(stretches, range.from, range.to + 1);
      end = Math.max(end, range.to);
    }
    covered.set(marketplace.trim().toUpperCase(), { stretchOf, stretches });
  }

  // Series of each SKU × covered marketplace, with its ledger sales over the covered days (in all,
  // and per stretch).
  interface Group {
    /** The marketplace's covered stretches (every series of the group is in that marketplace). */
    cover: { stretchOf: Int32Array; stretches: number };
    series: number[];
    ledgerUnits: number[];
    ledgerTotal: number;
    /** Per series: its ledger units and the order units it is given, per stretch (index 0 unused). */
    ledgerByStretch: Float64Array[];
    placedByStretch: Float64Array[];
  }
  const groups = new Map<string, Group>();
  history.series.forEach((entry, s) => {
    const marketplace = entry.marketplace.trim().toUpperCase();
    const cover = covered.get(marketplace);
    if (cover === undefined) return;
    const base = s * days;
    const byStretch = new Float64Array(cover.stretches + 1);
    let ledgerUnits = 0;
    for (let d = 0; d < days; d++) {
      const stretch = cover.stretchOf[d]!;
      if (stretch === 0) continue;
      ledgerUnits += units[base + d]!;
      byStretch[stretch] = byStretch[stretch]! + units[base + d]!;
    }
    const key = `${entry.skuId}|${marketplace}`;
    const group = groups.get(key);
    const placed = new Float64Array(cover.stretches + 1);
    if (group === undefined) groups.set(key, { cover, series: [s], ledgerUnits: [ledgerUnits], ledgerTotal: ledgerUnits, ledgerByStretch: [byStretch], placedByStretch: [placed] });
    else {
      group.series.push(s);
      group.ledgerUnits.push(ledgerUnits);
      group.ledgerTotal += ledgerUnits;
      group.ledgerByStretch.push(byStretch);
      group.placedByStretch.push(placed);
    }
  });

  // Each order's units go to the group's series on its day (split by their ledger sales); `add`
  // false only counts what each series is given in each stretch.
  const placeOrders = (add: boolean) => {
    // Daily demand arrives sorted by SKU and marketplace, so the group lookup is cached per run; day strings repeat.
    const dayOffsets = new Map<string, number>();
    let lastKeySku = Number.NaN;
    let lastKeyMarketplace = '';
    let group: Group | undefined;
    for (const entry of daily) {
      if (entry.skuId !== lastKeySku || entry.marketplace !== lastKeyMarketplace) {
        lastKeySku = entry.skuId;
        lastKeyMarketplace = entry.marketplace;
        group = groups.get(`${entry.skuId}|${entry.marketplace.trim().toUpperCase()}`);
      }
      if (group === undefined) continue;
      let d = dayOffsets.get(entry.day);
      if (d === undefined) {
        d = dayNumber(entry.day) - firstDay;
        dayOffsets.set(entry.day, d);
      }
      if (!(d >= 0 && d < days)) continue;
      const stretch = group.cover.stretchOf[d]!;
      if (stretch === 0) continue;
      const count = group.series.length;
      for (let g = 0; g < count; g++) {
        const share = group.ledgerTotal > 0 ? group.ledgerUnits[g]! / group.ledgerTotal : 1 / count;
        if (add) units[group.series[g]! * days + d]! += entry.units * share;
        else group.placedByStretch[g]![stretch] = group.placedByStretch[g]![stretch]! + entry.units * share;
      }
    }
  };
  placeOrders(false);
  // Shipments the orders do not explain stay, spread as the ledger has them: an FBA location also
  // ships another marketplace's orders (Amazon's European network fills amazon.fr from Germany) and
  // other channels' (multi-channel fulfilment), which no order of its own marketplace names. Each
  // stretch of covered days is weighed on its own: imports a gap apart say nothing of each other's days.
  for (const group of groups.values()) {
    const { stretchOf } = group.cover;
    for (let g = 0; g < group.series.length; g++) {
      const s = group.series[g]!;
      const ledger = group.ledgerByStretch[g]!;
      const placed = group.placedByStretch[g]!;
      const keep = ledger.map((ledgerUnits, stretch) => (stretch > 0 && ledgerUnits > 0 ? Math.max(0, 1 - placed[stretch]! / ledgerUnits) : 0));
      const base = s * days;
      for (let d = 0; d < days; d++) if (stretchOf[d]) units[base + d] = units[base + d]! * keep[stretchOf[d]!]!;
    }
  }
  placeOrders(true);
  // The week sums of the series whose days changed are made again from their days (in a copy).
  const sums = weekSumsOf(history);
  if (sums === undefined) {
    const { weekSums: _stale, ...rest } = history;
    return { ...rest, units };
  }
  const changed = [...groups.values()].flatMap((g) => g.series);
  const weekSums = weekSumsFromDays(
    { days, series: history.series, units, stockout: history.stockout },
    { weeks: sums.weeks, inStockUnits: sums.inStockUnits.slice(), inStockDays: sums.inStockDays.slice(), lastYearUnits: sums.lastYearUnits.slice() },
    changed,
  );
  return { ...history, units, weekSums };
}

/**
 * The history with a series added for each SKU × FBA location in `launches` that has none: a SKU the
 * seller forecasts for a marketplace it has not sold in yet (shared/planning/forecastRates.ts). A
 * new series sold nothing and had no stock on any day (every day a stockout day, so every week is
 * unknown, not zero) and has nothing on hand. Pairs that already have a series, and repeats, add
 * nothing; with nothing to add `history` itself is returned. `history` is not modified; a history
 * that keeps its days sparse gives one that does too.
 */
export function withLaunchSeries(history: DemandHistory, launches: readonly { skuId: number; locationId: number; marketplace: string }[]): DemandHistory {
  const present = new Set(history.series.map((s) => `${s.skuId}|${s.locationId}`));
  const added: DemandHistory['series'] = [];
  for (const launch of launches) {
    const key = `${launch.skuId}|${launch.locationId}`;
    if (present.has(key)) continue;
    present.add(key);
    added.push({ skuId: launch.skuId, locationId: launch.locationId, marketplace: launch.marketplace });
  }
  if (added.length === 0) return history;
  const { firstDay, days } = history;
  const before = history.series.length;
  const count = before + added.length;
  const series = [...history.series, ...added];
  const onHand = new Float64Array(count);
  onHand.set(history.onHand);
  const sums = weekSumsOf(history);
  let weekSums: WeekSums | undefined;
  if (sums) {
    // Zeros: no in-stock day in any week, no units, nothing sold last year.
    weekSums = emptyWeekSums(days, count);
    weekSums.inStockUnits.set(sums.inStockUnits);
    weekSums.inStockDays.set(sums.inStockDays);
    weekSums.lastYearUnits.set(sums.lastYearUnits);
  }
  const rest = { firstDay, days, series, onHand, ...(weekSums ? { weekSums } : {}) };
  const sparse = sparseByHistory.get(history);
  if (sparse) {
    // Each new series owns no sale and one stockout run over the whole window.
    const runs = days > 0 ? added.length : 0;
    const saleStart = new Int32Array(count + 1);
    saleStart.set(sparse.saleStart);
    saleStart.fill(sparse.saleStart[before]!, before + 1);
    const runStart = new Int32Array(count + 1);
    runStart.set(sparse.runStart);
    const runFrom = new Int32Array(sparse.runFrom.length + runs);
    const runTo = new Int32Array(sparse.runTo.length + runs);
    runFrom.set(sparse.runFrom);
    runTo.set(sparse.runTo);
    for (let k = 0; k < added.length; k++) {
      const run = sparse.runFrom.length + (days > 0 ? k : 0);
      if (days > 0) runTo[run] = days; // runFrom[run] is 0 already
      runStart[before + k + 1] = run + (days > 0 ? 1 : 0);
    }
    return historyFromSparseDays(rest, { ...sparse, saleStart, runStart, runFrom, runTo });
  }
  const units = new Float32Array(count * days);
  units.set(history.units);
  const stockout = new Uint8Array(count * days);
  stockout.set(history.stockout);
  stockout.fill(1, before * days);
  return { ...rest, units, stockout };
}

function requireSeries(history: DemandHistory, seriesIndex: number): void {
  if (!Number.isInteger(seriesIndex) || seriesIndex < 0 || seriesIndex >= history.series.length) {
    throw new RangeError(`No series ${seriesIndex} (the history has ${history.series.length})`);
  }
}

/**
 * Weekly demand rates for one series over the last `weeks` whole weeks ending on the window's last
 * day, oldest week first: units sold on in-stock days × 7 / in-stock days; a week with no in-stock
 * day (or lying before the window) is NaN (unknown, not zero).
 * Optional `factor` (per day, length `days`) divides each day's units first (events: removes a known
 * promotion uplift from history).
 */
export function weeklyRates(history: DemandHistory, seriesIndex: number, weeks: number, factor?: Float32Array, out?: Float64Array): Float64Array {
  requireSeries(history, seriesIndex);
  if (!Number.isInteger(weeks) || weeks < 1) throw new RangeError(`Weeks must be a whole number ≥ 1, got ${weeks}`);
  const { days } = history;
  if (factor !== undefined && factor.length !== days) throw new RangeError(`Factors must give one value per day of the window (${days}), got ${factor.length}`);
  const base = seriesIndex * days;
  // A caller planning thousands of series passes one buffer to fill instead of allocating each time.
  const rates = out !== undefined && out.length === weeks ? out : new Float64Array(weeks);
  const sums = factor === undefined ? weekSumsOf(history) : undefined;
  if (sums !== undefined) {
    ratesFromWeekSums(sums, seriesIndex, weeks, rates);
    return rates;
  }
  // Read only here: a history kept sparse makes its dense days on first read.
  const { units, stockout } = history;
  for (let w = 0; w < weeks; w++) {
    const weekEnd = days - (weeks - 1 - w) * 7;
    const weekStart = Math.max(0, weekEnd - 7);
    let sold = 0;
    let inStockDays = 0;
    for (let d = weekStart; d < weekEnd; d++) {
      if (stockout[base + d]) continue;
      sold += factor === undefined ? units[base + d]! : units[base + d]! / factor[d]!;
      inStockDays++;
    }
    rates[w] = inStockDays === 0 ? Number.NaN : (sold * 7) / inStockDays;
  }
  return rates;
}

/**
 * Per group of series, over the window's last `weeks` whole weeks (ending on its last day, fewer when
 * the window is shorter): the units sold each day by the series that were in stock every day of that
 * week. A series counts in a week whole or not at all, so a series out of stock for part of a week
 * (restocked on a Monday, say) cannot make that week's days look busier or quieter than they sold.
 * Group g's week w (oldest first) is days (g × weeks + w) × 7 … + 6 of `units`. `groupOf[s]` is
 * series s's group (−1: in none). `leaveOut` (per series index, factors over the history's days)
 * leaves out a series' week where a factor is not 1 as well (a known event). Reads the sparse days
 * where the history keeps them (no dense days are made), else the dense days.
 */
export function inStockWeekTotals(history: DemandHistory, groupOf: ArrayLike<number>, groups: number, weeks: number, leaveOut?: ReadonlyMap<number, Float32Array>): { weeks: number; units: Float64Array } {
  if (groupOf.length !== history.series.length) throw new RangeError(`Groups must give one group per series (${history.series.length}), got ${groupOf.length}`);
  const span = Math.min(weeks, Math.floor(history.days / 7));
  const from = history.days - span * 7;
  const units = new Float64Array(groups * span * 7);
  const sparse = sparseByHistory.get(history);
  // Per week of the series at hand: 1 where a stockout day (or a day of a known event) falls in it.
  const out = new Uint8Array(span);
  for (let s = 0; s < groupOf.length; s++) {
    const g = groupOf[s]!;
    if (g < 0) continue;
    if (!(g < groups) || !Number.isInteger(g)) throw new RangeError(`Series ${s} is in group ${g}, but there are ${groups} groups`);
    out.fill(0);
    const factors = leaveOut?.get(s);
    if (factors) for (let x = 0; x < span * 7; x++) if (factors[from + x] !== 1) out[Math.floor(x / 7)] = 1;
    // The group's days of this series' weeks: unit x of the window's last span × 7 days is day x of them.
    const base = g * span * 7;
    if (sparse !== undefined) {
      // Runs and sale days are in day order: read back from the last until they leave the weeks read.
      for (let r = sparse.runStart[s + 1]! - 1; r >= sparse.runStart[s]!; r--) {
        const runTo = sparse.runTo[r]!;
        if (runTo <= from) break;
        const runFrom = Math.max(from, sparse.runFrom[r]!);
        out.fill(1, Math.floor((runFrom - from) / 7), Math.floor((runTo - 1 - from) / 7) + 1);
      }
      // Only the sale days are visited: a series sells on few of its days.
      for (let k = sparse.saleStart[s + 1]! - 1; k >= sparse.saleStart[s]!; k--) {
        const x = sparse.saleDay[k]! - from;
        if (x < 0) break;
        if (!out[Math.floor(x / 7)]) units[base + x] = units[base + x]! + sparse.saleUnits[k]!;
      }
    } else {
      const row = s * history.days + from;
      const { units: dayUnits, stockout } = history;
      for (let x = 0; x < span * 7; x++) if (stockout[row + x]) out[Math.floor(x / 7)] = 1;
      for (let x = 0; x < span * 7; x++) if (!out[Math.floor(x / 7)]) units[base + x] = units[base + x]! + dayUnits[row + x]!;
    }
  }
  return { weeks: span, units };
}

/** Demand rate per day over in-stock days and its sample standard deviation (see dailyRate). */
export interface DailySpread {
  mean: number;
  sd: number;
  inStockDays: number;
}

/**
 * weeklyRates(history, seriesIndex, weeks, factor, out) and dailyRate(history, seriesIndex,
 * spreadDays, factor) in one pass over the series (the plan reads 16,000 series a run; reading the
 * last half-year twice cost a third of its history work). The spread goes into `spread`; the
 * variance is summed around the first in-stock value of the spread window, so it keeps its
 * precision without a second pass.
 */
export function weeklyRatesAndSpread(history: DemandHistory, seriesIndex: number, weeks: number, spreadDays: number, factor: Float32Array | undefined, out: Float64Array, spread: DailySpread): Float64Array {
  requireSeries(history, seriesIndex);
  if (!Number.isInteger(weeks) || weeks < 1) throw new RangeError(`Weeks must be a whole number ≥ 1, got ${weeks}`);
  if (!Number.isInteger(spreadDays) || spreadDays < 1) throw new RangeError(`Days must be a whole number ≥ 1, got ${spreadDays}`);
  const { days } = history;
  if (factor !== undefined && factor.length !== days) throw new RangeError(`Factors must give one value per day of the window (${days}), got ${factor.length}`);
  if (out.length !== weeks) throw new RangeError(`The weekly buffer must hold ${weeks} weeks, got ${out.length}`);
  const base = seriesIndex * days;
  // The weeks from the history's week sums where it has them (no factor to divide the days by),
  // else from the days; the spread from the sparse days where the history keeps them, else from the
  // dense days. Each sum adds the same days in the same order as one loop over the dense days would,
  // so the results are the same to the last bit.
  const sums = factor === undefined ? weekSumsOf(history) : undefined;
  const sparse = factor === undefined ? sparseByHistory.get(history) : undefined;
  if (sums !== undefined) ratesFromWeekSums(sums, seriesIndex, weeks, out);
  else if (factor === undefined) weekSums(history.units, history.stockout, base, days, weeks, out);
  else weekSumsWithFactor(history.units, history.stockout, base, days, weeks, factor, out);
  if (sparse !== undefined) sparseDaySpread(sparse, seriesIndex, Math.max(0, days - spreadDays), days, spread);
  else daySpread(history.units, history.stockout, base, Math.max(0, days - spreadDays), days, factor, spread);
  return out;
}

/** weeklyRates from week sums: out[w] for the `weeks` latest weeks, NaN for a week with no in-stock day or before the window. */
function ratesFromWeekSums(sums: WeekSums, seriesIndex: number, weeks: number, out: Float64Array): void {
  const rowEnd = (seriesIndex + 1) * sums.weeks;
  for (let w = 0; w < weeks; w++) {
    const weekFromEnd = weeks - 1 - w;
    const inStockDays = weekFromEnd < sums.weeks ? sums.inStockDays[rowEnd - 1 - weekFromEnd]! : 0;
    out[w] = inStockDays === 0 ? Number.NaN : (sums.inStockUnits[rowEnd - 1 - weekFromEnd]! * 7) / inStockDays;
  }
}

/** out[w] = in-stock units × 7 ÷ in-stock days of week w (NaN with none), weeks ending on the window's last day. */
function weekSums(units: Float32Array, stockout: Uint8Array, base: number, days: number, weeks: number, out: Float64Array): void {
  for (let w = 0; w < weeks; w++) {
    const weekEnd = base + days - (weeks - 1 - w) * 7;
    const weekStart = Math.max(base, weekEnd - 7);
    let weekSold = 0;
    let inStockDays = 0;
    for (let i = weekStart; i < weekEnd; i++) {
      if (stockout[i] !== 0) continue;
      weekSold += units[i]!;
      inStockDays++;
    }
    out[w] = inStockDays === 0 ? Number.NaN : (weekSold * 7) / inStockDays;
  }
}

/** weekSums with each day's units divided by its factor first (a known event uplift taken out). */
function weekSumsWithFactor(units: Float32Array, stockout: Uint8Array, base: number, days: number, weeks: number, factor: Float32Array, out: Float64Array): void {
  for (let w = 0; w < weeks; w++) {
    const weekEnd = days - (weeks - 1 - w) * 7;
    const weekStart = Math.max(0, weekEnd - 7);
    let weekSold = 0;
    let inStockDays = 0;
    for (let d = weekStart; d < weekEnd; d++) {
      if (stockout[base + d] !== 0) continue;
      weekSold += units[base + d]! / factor[d]!;
      inStockDays++;
    }
    out[w] = inStockDays === 0 ? Number.NaN : (weekSold * 7) / inStockDays;
  }
}

/**
 * Mean and sample standard deviation of the in-stock days from..days−1 (window offsets), in day
 * order. The variance is summed around the first in-stock value, so it keeps its precision
 * without a second pass.
 */
function daySpread(units: Float32Array, stockout: Uint8Array, base: number, from: number, days: number, factor: Float32Array | undefined, spread: DailySpread): void {
  let d = from;
  while (d < days && stockout[base + d] !== 0) d++;
  if (d === days) {
    spread.inStockDays = 0;
    spread.mean = 0;
    spread.sd = 0;
    return;
  }
  const shift = factor === undefined ? units[base + d]! : units[base + d]! / factor[d]!;
  let sum = 0;
  let squares = 0;
  let count = 0;
  if (factor === undefined) {
    for (let i = base + d; i < base + days; i++) {
      if (stockout[i] !== 0) continue;
      const deviation = units[i]! - shift;
      sum += deviation;
      squares += deviation * deviation;
      count++;
    }
  } else {
    for (; d < days; d++) {
      if (stockout[base + d] !== 0) continue;
      const deviation = units[base + d]! / factor[d]! - shift;
      sum += deviation;
      squares += deviation * deviation;
      count++;
    }
  }
  spread.inStockDays = count;
  spread.mean = shift + sum / count;
  spread.sd = count < 2 ? 0 : Math.sqrt(Math.max(0, squares - (sum * sum) / count) / (count - 1));
}

/**
 * daySpread from a series' sparse days: the in-stock days between its stockout runs, each day's
 * units its sale's or 0, added in day order as daySpread adds them (a run of days with no sale adds
 * 0 − shift each: one at a time unless the shift is 0, when they only count).
 */
function sparseDaySpread(sparse: SparseDays, s: number, from: number, days: number, spread: DailySpread): void {
  const { saleDay, saleUnits, runFrom, runTo } = sparse;
  let r = sparse.runStart[s]!;
  const runEnd = sparse.runStart[s + 1]!;
  let k = sparse.saleStart[s]!;
  const saleEnd = sparse.saleStart[s + 1]!;
  let shift = 0;
  let started = false;
  let sum = 0;
  let squares = 0;
  let count = 0;
  let d = from;
  while (d < days) {
    while (r < runEnd && runTo[r]! <= d) r++;
    if (r < runEnd && runFrom[r]! <= d) {
      // Out of stock from d to the run's end.
      d = runTo[r]!;
      continue;
    }
    // In stock from d to the next run (or the window's end).
    const inStockTo = r < runEnd ? Math.min(days, runFrom[r]!) : days;
    while (k < saleEnd && saleDay[k]! < d) k++;
    while (d < inStockTo) {
      const nextSale = k < saleEnd && saleDay[k]! < inStockTo ? saleDay[k]! : inStockTo;
      if (!started) {
        started = true;
        shift = nextSale === d ? saleUnits[k]! : 0;
      }
      // Days d…nextSale − 1 sold nothing.
      if (shift === 0) count += nextSale - d;
      else {
        for (; d < nextSale; d++) {
          const deviation = 0 - shift;
          sum += deviation;
          squares += deviation * deviation;
          count++;
        }
      }
      d = nextSale;
      if (d < inStockTo) {
        const deviation = saleUnits[k]! - shift;
        sum += deviation;
        squares += deviation * deviation;
        count++;
        k++;
        d++;
      }
    }
  }
  if (count === 0) {
    spread.inStockDays = 0;
    spread.mean = 0;
    spread.sd = 0;
    return;
  }
  spread.inStockDays = count;
  spread.mean = shift + sum / count;
  spread.sd = count < 2 ? 0 : Math.sqrt(Math.max(0, squares - (sum * sum) / count) / (count - 1));
}

/** Known weeks the unknown weeks at the end (a SKU out of stock now) are filled from: its level of the last quarter. */
export const RECENT_FILL_WEEKS = 13;

/**
 * Replaces NaN weeks by the mean of the known weeks before them; leading NaN weeks (nothing known
 * before) take the mean of all known weeks, and trailing ones (out of stock now, nothing known after)
 * the mean of the last RECENT_FILL_WEEKS known weeks: the forecast starts from the level of the last
 * weeks, and a SKU that grew over two years and is out of stock now must not fall back to its
 * two-year mean. (Between known weeks the mean of all before serves better: the weeks just before a
 * stockout often sold out early and read low, and the weeks after correct the level anyway.) Only
 * weeks known on input count as known. All unknown → zeros. Returns the same array, filled.
 */
export function fillUnknownWeeks(rates: Float64Array): Float64Array {
  let knownSum = 0;
  let knownCount = 0;
  let lastKnown = -1;
  for (let w = 0; w < rates.length; w++) {
    const rate = rates[w]!;
    if (Number.isNaN(rate)) continue;
    knownSum += rate;
    knownCount++;
    lastKnown = w;
  }
  if (knownCount === 0) return rates.fill(0);
  if (knownCount === rates.length) return rates;
  const overallMean = knownSum / knownCount;
  // The last known weeks' mean, read before any week is filled (only weeks known on input count).
  let recentSum = 0;
  let recentCount = 0;
  for (let w = lastKnown; w >= 0 && recentCount < RECENT_FILL_WEEKS; w--) {
    if (Number.isNaN(rates[w]!)) continue;
    recentSum += rates[w]!;
    recentCount++;
  }
  let sumBefore = 0;
  let countBefore = 0;
  for (let w = 0; w < lastKnown; w++) {
    const rate = rates[w]!;
    if (Number.isNaN(rate)) rates[w] = countBefore === 0 ? overallMean : sumBefore / countBefore;
    else {
      sumBefore += rate;
      countBefore++;
    }
  }
  rates.fill(recentSum / recentCount, lastKnown + 1);
  return rates;
}
/**
 * Demand rate per day and its standard deviation per day over the in-stock days of the last `days`
 * days of the window (for safety stock). The standard deviation is the sample one (n − 1, as lead
 * times in purchasing/leadTimes.ts): the in-stock days are a sample of the demand process; with a
 * single in-stock day it is 0. No in-stock day → { mean: 0, sd: 0, inStockDays: 0 }.
 */
export function dailyRate(history: DemandHistory, seriesIndex: number, days: number, factor?: Float32Array): { mean: number; sd: number; inStockDays: number } {
  requireSeries(history, seriesIndex);
  if (!Number.isInteger(days) || days < 1) throw new RangeError(`Days must be a whole number ≥ 1, got ${days}`);
  const { units, stockout } = history;
  const base = seriesIndex * history.days;
  const from = base + Math.max(0, history.days - days);
  const to = base + history.days;
  let sum = 0;
  let inStockDays = 0;
  // Known event uplifts are taken out of history (factor per day of the window), as for the weekly rates.
  const sold = (i: number) => (factor === undefined ? units[i]! : units[i]! / (factor[i - base] ?? 1));
  for (let i = from; i < to; i++) {
    if (stockout[i]) continue;
    sum += sold(i);
    inStockDays++;
  }
  if (inStockDays === 0) return { mean: 0, sd: 0, inStockDays: 0 };
  const mean = sum / inStockDays;
  if (inStockDays === 1) return { mean, sd: 0, inStockDays };
  let squares = 0;
  for (let i = from; i < to; i++) {
    if (stockout[i]) continue;
    const deviation = sold(i) - mean;
    squares += deviation * deviation;
  }
  return { mean, sd: Math.sqrt(squares / (inStockDays - 1)), inStockDays };
}
