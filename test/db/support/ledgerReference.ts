// A naive, per-row reference for the ledger store tests: the live movements as plain objects (each
// with its posting order as `id`), valued by the reference valuation in test/unit/ledgerTestKit.ts,
// and balances / period reports / monthly sums computed with plain loops and string keys.
import { expect } from 'vitest';
import { dayNumber } from '../../../shared/dates';
import type { MonthlySummary, PeriodLine, StockBalance } from '../../../shared/ledger';
import type { MovementType } from '../../../shared/model';
import { referenceValuation } from '../../unit/ledgerTestKit';
import type { LedgerRow } from '../../unit/ledgerTestKit';
import type { BalanceTable } from '../../../shared/ledger';
import type { StockPilotDatabase } from '../../../renderer/db/schema';

/** A live movement: `id` is its posting order (a manual id, or BLOCK_SEQ_BASE + block seq). */
export interface RefRow extends LedgerRow {
  /** 'manual' or the batch id. */
  source: string;
  type: MovementType;
}

export interface RefContext {
  transit: ReadonlySet<number>;
  fallback: ReadonlyMap<number, number>;
}

/** -0 reads as 0 (an outgoing movement worth nothing), so plain deep equality can be used. */
export const z = (n: number): number => n + 0;

export function refValues(rows: readonly RefRow[], context: RefContext): Map<number, number> {
  const { values } = referenceValuation(rows, context.transit, context.fallback);
  const out = new Map<number, number>();
  for (const [id, v] of values) out.set(id, z(v));
  return out;
}

const dayOf = (row: RefRow): number => dayNumber(row.date);

export function monthOfIso(date: string): number {
  const [y, m] = date.split('-').map(Number) as [number, number];
  return (y - 1970) * 12 + (m - 1);
}

const byLine = <T extends { skuId: number; locationId: number }>(a: T, b: T): number => a.skuId - b.skuId || a.locationId - b.locationId;

/** Balances at the end of `asOfDay` per SKU × location; lines with no units and no value left out. */
export function refBalances(rows: readonly RefRow[], values: ReadonlyMap<number, number>, asOfDay = Infinity): StockBalance[] {
  const lines = new Map<string, StockBalance>();
  for (const row of rows) {
    if (dayOf(row) > asOfDay) continue;
    const key = `${row.skuId}|${row.locationId}`;
    const line = lines.get(key) ?? { skuId: row.skuId, locationId: row.locationId, qty: 0, valueMinor: 0 };
    line.qty += row.qty;
    line.valueMinor += values.get(row.id)!;
    lines.set(key, line);
  }
  return normBalances([...lines.values()].filter((l) => l.qty !== 0 || l.valueMinor !== 0));
}

export function refPeriodReport(rows: readonly RefRow[], values: ReadonlyMap<number, number>, fromDay: number, toDay: number): PeriodLine[] {
  const lines = new Map<string, PeriodLine>();
  for (const row of rows) {
    const d = dayOf(row);
    if (d > toDay) continue;
    const key = `${row.skuId}|${row.locationId}`;
    const line = lines.get(key) ?? {
      skuId: row.skuId,
      locationId: row.locationId,
      beginningQty: 0,
      incomingQty: 0,
      outgoingQty: 0,
      endingQty: 0,
      beginningValueMinor: 0,
      incomingValueMinor: 0,
      outgoingValueMinor: 0,
      endingValueMinor: 0,
    };
    lines.set(key, line);
    const v = values.get(row.id)!;
    if (d < fromDay) {
      line.beginningQty += row.qty;
      line.beginningValueMinor += v;
    } else if (row.qty > 0) {
      line.incomingQty += row.qty;
      line.incomingValueMinor += v;
    } else {
      line.outgoingQty -= row.qty;
      line.outgoingValueMinor -= v;
    }
    line.endingQty += row.qty;
    line.endingValueMinor += v;
  }
  const kept = [...lines.values()].filter((l) => l.incomingQty !== 0 || l.outgoingQty !== 0 || l.beginningQty !== 0 || l.beginningValueMinor !== 0);
  return normLines(kept);
}

export interface MonthRow {
  skuId: number;
  locationId: number;
  month: number;
  inQty: number;
  outQty: number;
  inValueMinor: number;
  outValueMinor: number;
}

export function refMonthly(rows: readonly RefRow[], values: ReadonlyMap<number, number>): MonthRow[] {
  const out = new Map<string, MonthRow>();
  for (const row of rows) {
    const month = monthOfIso(row.date);
    const key = `${row.skuId}|${row.locationId}|${month}`;
    const r = out.get(key) ?? { skuId: row.skuId, locationId: row.locationId, month, inQty: 0, outQty: 0, inValueMinor: 0, outValueMinor: 0 };
    out.set(key, r);
    const v = values.get(row.id)!;
    if (row.qty > 0) {
      r.inQty += row.qty;
      r.inValueMinor += v;
    } else if (row.qty < 0) {
      r.outQty -= row.qty;
      r.outValueMinor -= v;
    }
  }
  return normMonthRows([...out.values()]);
}

export function monthRowsOf(summary: MonthlySummary): MonthRow[] {
  const rows: MonthRow[] = [];
  for (let r = 0; r < summary.rows; r++) {
    rows.push({
      skuId: summary.skuId[r]!,
      locationId: summary.locationId[r]!,
      month: summary.month[r]!,
      inQty: summary.inQty[r]!,
      outQty: summary.outQty[r]!,
      inValueMinor: summary.inValueMinor[r]!,
      outValueMinor: summary.outValueMinor[r]!,
    });
  }
  return normMonthRows(rows);
}

export function balancesOfColumns(columns: BalanceTable): StockBalance[] {
  const lines: StockBalance[] = [];
  for (let r = 0; r < columns.rows; r++) {
    lines.push({ skuId: columns.skuId[r]!, locationId: columns.locationId[r]!, qty: columns.qty[r]!, valueMinor: columns.valueMinor[r]! });
  }
  return normBalances(lines);
}

export function normBalances(lines: readonly StockBalance[]): StockBalance[] {
  return lines.map((l) => ({ skuId: l.skuId, locationId: l.locationId, qty: z(l.qty), valueMinor: z(l.valueMinor) })).sort(byLine);
}

export function normLines(lines: readonly PeriodLine[]): PeriodLine[] {
  return lines
    .map((l) => ({
      skuId: l.skuId,
      locationId: l.locationId,
      beginningQty: z(l.beginningQty),
      incomingQty: z(l.incomingQty),
      outgoingQty: z(l.outgoingQty),
      endingQty: z(l.endingQty),
      beginningValueMinor: z(l.beginningValueMinor),
      incomingValueMinor: z(l.incomingValueMinor),
      outgoingValueMinor: z(l.outgoingValueMinor),
      endingValueMinor: z(l.endingValueMinor),
    }))
    .sort(byLine);
}

function normMonthRows(rows: readonly MonthRow[]): MonthRow[] {
  return rows
    .map((r) => ({ ...r, inQty: z(r.inQty), outQty: z(r.outQty), inValueMinor: z(r.inValueMinor), outValueMinor: z(r.outValueMinor) }))
    .sort((a, b) => a.skuId - b.skuId || a.locationId - b.locationId || a.month - b.month);
}

/** ending = beginning + incoming − outgoing, in units and in value, on every line. */
export function expectLedgerEquation(lines: readonly PeriodLine[]): void {
  for (const l of lines) {
    expect(l.endingQty, `qty equation ${l.skuId}@${l.locationId}`).toBe(l.beginningQty + l.incomingQty - l.outgoingQty);
    expect(l.endingValueMinor, `value equation ${l.skuId}@${l.locationId}`).toBe(l.beginningValueMinor + l.incomingValueMinor - l.outgoingValueMinor);
  }
}

/** Every table of the schema, in primary-key order (typed arrays of blocks included). */
export const ALL_TABLES = ['skus', 'listings', 'locations', 'movements', 'shipments', 'settings', 'movementBlocks', 'batches', 'ledgerState'] as const;

export async function readAll(db: StockPilotDatabase): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  await db.transaction('r', ALL_TABLES.map((t) => db.table(t)), async () => {
    for (const name of ALL_TABLES) out[name] = await db.table(name).toArray();
  });
  return out;
}

/** Element-wise equality of two typed arrays with Object.is (NaN equals NaN, -0 differs from 0). */
export function sameElements(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
}
