// Live reads shared by several screens. Each re-runs when the tables it reads change.
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo } from 'react';
import { DEFAULT_SETTINGS } from '../../shared/model';
import type { AppSettings, ExchangeRate, Location, PurchaseOrder, Shipment, Supplier } from '../../shared/model';
import { db, readLedgerVersion, readSettings } from '../db';
import type { BalancesSummaryRecord, SkuRecord } from '../db';
import { callLedger } from '../db/ledgerClient';
import { CATALOG_REVISION_KEY, revisionToken } from '../db/catalogRevision';

export function useSettings(): AppSettings {
  return useLiveQuery(() => readSettings(db), [], DEFAULT_SETTINGS);
}

export function useSkus(): SkuRecord[] | undefined {
  return useLiveQuery(() => db.skus.orderBy('codeKey').toArray(), []);
}

export function useLocations(): Location[] | undefined {
  return useLiveQuery(() => db.locations.toArray(), []);
}

export function useById<T extends { id: number }>(rows: readonly T[] | undefined): Map<number, T> {
  return useMemo(() => new Map((rows ?? []).map((row) => [row.id, row])), [rows]);
}

/** Each SKU's position in code order (useSkus reads them sorted): a cheap numeric sort key. */
export function useSkuRank(skus: readonly SkuRecord[] | undefined): Map<number, number> {
  return useMemo(() => new Map((skus ?? []).map((sku, index) => [sku.id, index])), [skus]);
}

/**
 * Keys that change when anything the plan reads besides the ledger changes (with the ledger
 * version they say when to rerun the plan, and when the analysis may reuse the plan's figures):
 * the catalog (its revision token: SKUs and platform codes, archiving and costs included), who
 * supplies what, suppliers, locations, lead times, exchange rates, events, overrides, the seller's
 * own forecasts, the plan's settings, the imported reports it reads and the import batches.
 * Contents go in hashed, so a changed value shows even when no row was added or removed. `plan`
 * also holds the analysis' settings (ABC, which the plan's classes follow); `analysis` leaves them
 * out, for a reader of the plan's demand and lead times only, which the classes do not change.
 */
export function usePlanInputsKeys(): { plan: string; analysis: string } | undefined {
  return useLiveQuery(async () => {
    const [revision, sourcing, suppliers, locations, leadTimes, rates, events, overrides, forecastRates, settingRows, shipments, purchaseOrders, reportRows, batchIds] = await Promise.all([
      db.ledgerState.get(CATALOG_REVISION_KEY),
      db.skuSourcing.toArray(),
      db.suppliers.toArray(),
      db.locations.toArray(),
      db.leadTimes.toArray(),
      db.exchangeRates.toArray(),
      db.demandEvents.toArray(),
      db.forecastOverrides.toArray(),
      db.forecastRates.toArray(),
      db.settings.bulkGet(['planPreferences', 'baseCurrency', 'analysisSettings']),
      db.shipments.toArray(),
      db.purchaseOrders.toArray(),
      db.reportRows.count(),
      // The batches by id: undoing an import and importing a corrected file may leave as many report
      // records as before, but never the same batch ids.
      db.batches.toCollection().primaryKeys(),
    ]);
    const token = revisionToken(revision);
    const [planPreferences, baseCurrency, analysisSettings] = settingRows;
    const common = JSON.stringify([sourcing, suppliers, locations, leadTimes, rates, events, overrides, forecastRates, [planPreferences, baseCurrency], shipments, purchaseOrders, batchIds]);
    const analysis = `${token}|${reportRows}|${contentHash(common)}`;
    return { plan: `${analysis}|${contentHash(JSON.stringify(analysisSettings ?? null))}`, analysis };
  }, []);
}

/** One of usePlanInputsKeys' keys: `withAbc: false` gives the analysis' (see there). */
export function usePlanInputsKey({ withAbc = true }: { withAbc?: boolean } = {}): string | undefined {
  const keys = usePlanInputsKeys();
  return keys === undefined ? undefined : withAbc ? keys.plan : keys.analysis;
}

/** FNV-1a over a string's UTF-16 units, as 8 hex digits: a short fingerprint, not a security hash. */
function contentHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

export interface LedgerState {
  version: number;
  balances: BalancesSummaryRecord | undefined;
  /** The summaries describe an older ledger; a refresh is under way. */
  stale: boolean;
}

/** The ledger version and the balance summary (small: one row per SKU × location). */
export function useLedgerState(): LedgerState | undefined {
  return useLiveQuery(async () => {
    const [version, record] = await Promise.all([readLedgerVersion(db), db.ledgerState.get('summary.balances')]);
    const balances = record?.key === 'summary.balances' ? record : undefined;
    return { version: version.version, balances, stale: balances === undefined ? version.version > 0 : balances.sourceVersion !== version.version };
  }, []);
}

/** Keeps the summaries in step with the ledger: when a write made them stale, the worker rebuilds them. */
export function useLedgerUpkeep(): void {
  const state = useLedgerState();
  const stale = state?.stale ?? false;
  const version = state?.version ?? 0;
  useEffect(() => {
    // Start the worker and let it read the ledger in the background: the ledger browser and
    // day-exact reports are then quick the first time.
    const timer = setTimeout(() => void callLedger('warm', {}).catch(() => undefined), 300);
    return () => clearTimeout(timer);
  }, []);
  useEffect(() => {
    if (!stale) return;
    callLedger('refresh', {}).catch((error: unknown) => console.error('Rebuilding the ledger summaries failed', error));
  }, [stale, version]);
}

export function useSuppliers(): Supplier[] | undefined {
  return useLiveQuery(() => db.suppliers.orderBy('name').toArray(), []);
}

export function usePurchaseOrders(): PurchaseOrder[] | undefined {
  return useLiveQuery(async () => (await db.purchaseOrders.toArray()).sort((a, b) => b.orderDate.localeCompare(a.orderDate) || b.id - a.id), []);
}

export function useShipments(): Shipment[] | undefined {
  return useLiveQuery(async () => (await db.shipments.toArray()).sort((a, b) => b.shipDate.localeCompare(a.shipDate) || b.id - a.id), []);
}

export function useExchangeRates(): ExchangeRate[] | undefined {
  return useLiveQuery(async () => (await db.exchangeRates.toArray()).sort((a, b) => a.currency.localeCompare(b.currency) || b.date.localeCompare(a.date)), []);
}
