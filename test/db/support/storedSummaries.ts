// Reads the summaries the ledger store keeps in `ledgerState`: the all-time balances record and one
// record per month ('summary.month.NNNNN'), and puts the months back together as one MonthlySummary
// (rows ordered by SKU, location and month, as periodReportFromSummary expects).
import { expect } from 'vitest';
import type { MonthlySummary } from '../../../shared/ledger';
import { readLedgerVersion } from '../../../renderer/db/ledgerStore';
import type { BalancesSummaryRecord, MonthPartRecord, StockPilotDatabase } from '../../../renderer/db/schema';
import { sameElements } from './ledgerReference';

export interface StoredSummaries {
  version: number;
  balances: BalancesSummaryRecord | undefined;
  /** Every stored month record, in key (month) order. */
  parts: MonthPartRecord[];
  /** The month records joined into one summary (firstDay/lastDay from the balances record). */
  monthly: MonthlySummary;
  /** The balances record and every month record were built for the current ledger version. */
  fresh: boolean;
  /** Nothing stored is for the current version (what "stale" must look like). */
  stale: boolean;
}

export async function storedSummaries(db: StockPilotDatabase): Promise<StoredSummaries> {
  const [version, balances, parts] = await db.transaction('r', db.ledgerState, () =>
    Promise.all([
      readLedgerVersion(db),
      db.ledgerState.get('summary.balances') as Promise<BalancesSummaryRecord | undefined>,
      db.ledgerState.where('key').startsWith('summary.month.').toArray() as Promise<MonthPartRecord[]>,
    ]),
  );
  const v = version.version;
  const fresh = balances?.sourceVersion === v && parts.every((p) => p.sourceVersion === v);
  const stale = (balances === undefined || balances.sourceVersion !== v) && parts.every((p) => p.sourceVersion !== v);
  return { version: v, balances, parts, monthly: joinParts(parts, balances), fresh, stale };
}

function joinParts(parts: readonly MonthPartRecord[], balances: BalancesSummaryRecord | undefined): MonthlySummary {
  const rows: { skuId: number; locationId: number; month: number; inQty: number; outQty: number; inValueMinor: number; outValueMinor: number }[] = [];
  for (const { part } of parts) {
    for (let r = 0; r < part.rows; r++) {
      rows.push({
        skuId: part.skuId[r]!,
        locationId: part.locationId[r]!,
        month: part.month,
        inQty: part.inQty[r]!,
        outQty: part.outQty[r]!,
        inValueMinor: part.inValueMinor[r]!,
        outValueMinor: part.outValueMinor[r]!,
      });
    }
  }
  rows.sort((a, b) => a.skuId - b.skuId || a.locationId - b.locationId || a.month - b.month);
  return {
    rows: rows.length,
    skuId: Int32Array.from(rows, (r) => r.skuId),
    locationId: Int32Array.from(rows, (r) => r.locationId),
    month: Int32Array.from(rows, (r) => r.month),
    inQty: Float64Array.from(rows, (r) => r.inQty),
    outQty: Float64Array.from(rows, (r) => r.outQty),
    inValueMinor: Float64Array.from(rows, (r) => r.inValueMinor),
    outValueMinor: Float64Array.from(rows, (r) => r.outValueMinor),
    firstDay: balances?.firstDay ?? Number.NaN,
    lastDay: balances?.lastDay ?? Number.NaN,
  };
}

/** The stored summaries without their sourceVersion: what two ledgers with the same content share. */
export function summaryContent(s: StoredSummaries): unknown {
  return {
    balances: s.balances ? { ...s.balances, sourceVersion: 0 } : undefined,
    parts: s.parts.map((p) => ({ ...p, sourceVersion: 0 })),
  };
}

const PART_ARRAYS = ['skuId', 'locationId', 'inQty', 'outQty', 'inValueMinor', 'outValueMinor'] as const;
const BALANCE_ARRAYS = ['skuId', 'locationId', 'qty', 'valueMinor'] as const;

/** Balances and every month record equal, array by array and element by element. */
export function expectSameStoredSummaries(actual: StoredSummaries, expected: StoredSummaries): void {
  const a = actual.balances!;
  const e = expected.balances!;
  expect(a).toBeDefined();
  expect(e).toBeDefined();
  expect({ rows: a.balances.rows, firstDay: a.firstDay, lastDay: a.lastDay, movementCount: a.movementCount }).toEqual({
    rows: e.balances.rows,
    firstDay: e.firstDay,
    lastDay: e.lastDay,
    movementCount: e.movementCount,
  });
  for (const name of BALANCE_ARRAYS) expect(sameElements(a.balances[name], e.balances[name]), `balances.${name}`).toBe(true);
  expect(actual.parts.map((p) => [p.key, p.part.month, p.part.rows])).toEqual(expected.parts.map((p) => [p.key, p.part.month, p.part.rows]));
  for (let k = 0; k < expected.parts.length; k++) {
    for (const name of PART_ARRAYS) {
      expect(sameElements(actual.parts[k]!.part[name], expected.parts[k]!.part[name]), `${expected.parts[k]!.key}.${name}`).toBe(true);
    }
  }
}
