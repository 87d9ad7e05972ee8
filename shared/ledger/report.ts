// Balances and the period report (PRODUCT §1.3): ending = beginning + incoming − outgoing per
// SKU × location, in units and in base minor units. Transit shipments roll up into their location.
import type { MovementColumns } from './columns';

export interface StockBalance {
  skuId: number;
  locationId: number;
  qty: number;
  valueMinor: number;
}

export interface PeriodLine {
  skuId: number;
  locationId: number;
  beginningQty: number;
  incomingQty: number;
  outgoingQty: number;
  endingQty: number;
  beginningValueMinor: number;
  incomingValueMinor: number;
  outgoingValueMinor: number;
  endingValueMinor: number;
}

const LOCATION_FACTOR = 4096;
const lineKey = (skuId: number, locationId: number) => skuId * LOCATION_FACTOR + locationId;

/** On-hand units and value per SKU × location at the end of `asOfDay` (inclusive). */
export function balancesAt(columns: MovementColumns, values: Float64Array, asOfDay: number): StockBalance[] {
  const lines = new Map<number, StockBalance>();
  const { day, skuId, locationId, qty } = columns;
  for (let i = 0; i < columns.length; i++) {
    if (day[i]! > asOfDay) continue;
    const key = lineKey(skuId[i]!, locationId[i]!);
    let line = lines.get(key);
    if (!line) lines.set(key, (line = { skuId: skuId[i]!, locationId: locationId[i]!, qty: 0, valueMinor: 0 }));
    line.qty += qty[i]!;
    line.valueMinor += values[i]!;
  }
  return [...lines.values()].filter((line) => line.qty !== 0 || line.valueMinor !== 0);
}

export function emptyPeriodLine(skuId: number, locationId: number): PeriodLine {
  return {
    skuId,
    locationId,
    beginningQty: 0,
    incomingQty: 0,
    outgoingQty: 0,
    endingQty: 0,
    beginningValueMinor: 0,
    incomingValueMinor: 0,
    outgoingValueMinor: 0,
    endingValueMinor: 0,
  };
}

/** Period report for the days `fromDay`..`toDay` inclusive; lines with no stock and no activity are left out. */
export function periodReport(columns: MovementColumns, values: Float64Array, fromDay: number, toDay: number): PeriodLine[] {
  const lines = new Map<number, PeriodLine>();
  const { day, skuId, locationId, qty } = columns;
  for (let i = 0; i < columns.length; i++) {
    const d = day[i]!;
    if (d > toDay) continue;
    const key = lineKey(skuId[i]!, locationId[i]!);
    let line = lines.get(key);
    if (!line) lines.set(key, (line = emptyPeriodLine(skuId[i]!, locationId[i]!)));
    const q = qty[i]!;
    const v = values[i]!;
    if (d < fromDay) {
      line.beginningQty += q;
      line.beginningValueMinor += v;
    } else if (q > 0) {
      line.incomingQty += q;
      line.incomingValueMinor += v;
    } else if (q < 0) {
      line.outgoingQty -= q;
      line.outgoingValueMinor -= v;
    }
  }
  const result: PeriodLine[] = [];
  for (const line of lines.values()) {
    line.endingQty = line.beginningQty + line.incomingQty - line.outgoingQty;
    line.endingValueMinor = line.beginningValueMinor + line.incomingValueMinor - line.outgoingValueMinor;
    const active = line.incomingQty !== 0 || line.outgoingQty !== 0;
    if (active || line.beginningQty !== 0 || line.beginningValueMinor !== 0) result.push(line);
  }
  return result;
}

/** Adds period lines together (a per-location roll-up or a grand total). */
export function sumPeriodLines(lines: readonly PeriodLine[], skuId = 0, locationId = 0): PeriodLine {
  const total = emptyPeriodLine(skuId, locationId);
  for (const line of lines) {
    total.beginningQty += line.beginningQty;
    total.incomingQty += line.incomingQty;
    total.outgoingQty += line.outgoingQty;
    total.endingQty += line.endingQty;
    total.beginningValueMinor += line.beginningValueMinor;
    total.incomingValueMinor += line.incomingValueMinor;
    total.outgoingValueMinor += line.outgoingValueMinor;
    total.endingValueMinor += line.endingValueMinor;
  }
  return total;
}

/** One line per location, summing its SKUs. */
export function rollUpByLocation(lines: readonly PeriodLine[]): PeriodLine[] {
  const byLocation = new Map<number, PeriodLine[]>();
  for (const line of lines) {
    const group = byLocation.get(line.locationId);
    if (group) group.push(line);
    else byLocation.set(line.locationId, [line]);
  }
  return [...byLocation.entries()].map(([locationId, group]) => sumPeriodLines(group, 0, locationId));
}

/**
 * The lowest end-of-day balance from `fromDay` on, for one pool's movements: a new outgoing
 * movement on `fromDay` is allowed only while it does not exceed this.
 */
export function lowestBalanceFrom(entries: readonly { day: number; qty: number }[], fromDay: number): number {
  const sorted = [...entries].sort((a, b) => a.day - b.day);
  let balance = 0;
  let index = 0;
  while (index < sorted.length && sorted[index]!.day <= fromDay) balance += sorted[index++]!.qty;
  let lowest = balance;
  while (index < sorted.length) {
    const current = sorted[index]!.day;
    while (index < sorted.length && sorted[index]!.day === current) balance += sorted[index++]!.qty;
    if (balance < lowest) lowest = balance;
  }
  return lowest;
}
