// What the seller tells the plan beyond the data: demand events (Prime Day, a promotion: +N% over
// dates), a forecast method forced for a SKU, their own forecast (units per day) for a SKU in a
// marketplace, and the service levels and FBA capacity. The plan in the worker reads them on each run.
import { FORECAST_METHODS } from '../../shared/domain';
import type { ForecastMethod } from '../../shared/domain';
import { purchasingError } from '../../shared/errors';
import { parseDemandEventDraft } from '../../shared/planning/events';
import type { DemandEventDraft } from '../../shared/planning/events';
import { parseForecastRateDraft } from '../../shared/planning/forecastRates';
import { readForecastRatesFile } from '../../shared/planning/forecastRatesFile';
import { skuCodeKey } from '../../shared/catalog/catalog';
import type { ForecastRate, ForecastRateDraft } from '../../shared/planning/forecastRates';
import { parsePlanPreferencesDraft, planPreferencesFrom } from '../../shared/planning/planPreferences';
import type { PlanPreferences, PlanPreferencesDraft } from '../../shared/planning/planPreferences';
import type { StockPilotDatabase } from './schema';
import { withStorageErrors } from './errors';

/** Checks the draft (shared/planning/events.ts) and stores the event; returns its id. */
export async function addDemandEvent(db: StockPilotDatabase, draft: DemandEventDraft): Promise<number> {
  const event = parseDemandEventDraft(draft);
  return withStorageErrors(() => db.demandEvents.add(event));
}

export async function deleteDemandEvent(db: StockPilotDatabase, id: number): Promise<void> {
  await withStorageErrors(() => db.demandEvents.delete(id));
}

/** Forces a forecast method for a SKU in every marketplace; null goes back to the backtest's choice. */
export async function setForecastOverride(db: StockPilotDatabase, skuId: number, method: ForecastMethod | null): Promise<void> {
  if (method !== null && !FORECAST_METHODS.includes(method)) throw purchasingError('field.unknownChoice', { field: 'method', value: String(method) });
  await withStorageErrors(async () => {
    if (method === null) {
      await db.forecastOverrides.delete(skuId);
      return;
    }
    if ((await db.skus.get(skuId)) === undefined) throw purchasingError('field.unknownChoice', { field: 'sku', value: String(skuId) });
    await db.forecastOverrides.put({ skuId, method });
  });
}

/**
 * Checks the draft (shared/planning/forecastRates.ts) and stores it as the SKU's forecast in that
 * marketplace, replacing the one there was; the SKU must exist.
 */
export async function setForecastRate(db: StockPilotDatabase, draft: ForecastRateDraft, today: string): Promise<ForecastRate> {
  const rate = parseForecastRateDraft(draft, today);
  await withStorageErrors(() =>
    db.transaction('rw', db.skus, db.forecastRates, async () => {
      if ((await db.skus.get(rate.skuId)) === undefined) throw purchasingError('field.unknownChoice', { field: 'sku', value: String(rate.skuId) });
      await db.forecastRates.put(rate);
    }),
  );
  return rate;
}

/** Back to the computed forecast for the SKU in that marketplace. */
export async function deleteForecastRate(db: StockPilotDatabase, skuId: number, marketplace: string): Promise<void> {
  await withStorageErrors(() => db.forecastRates.delete([skuId, marketplace]));
}

/**
 * Reads a forecasts file (shared/planning/forecastRatesFile.ts) and stores its rows, each replacing
 * the forecast of its SKU and marketplace; forecasts the file does not name stay. The whole file is
 * checked first: one bad row stores nothing. Returns how many rows were stored.
 */
export async function importForecastRates(db: StockPilotDatabase, bytes: Uint8Array, fileName: string, today: string): Promise<number> {
  // Read and checked outside the write (no transaction held open while a file is parsed); the write
  // then checks again that every SKU is still there.
  const skus = await withStorageErrors(() => db.skus.toArray());
  const idByCode = new Map(skus.map((sku) => [sku.codeKey, sku.id]));
  const rates = readForecastRatesFile(bytes, fileName, (code) => idByCode.get(skuCodeKey(code)), today);
  await withStorageErrors(() =>
    db.transaction('rw', db.skus, db.forecastRates, async () => {
      const ids = [...new Set(rates.map((rate) => rate.skuId))];
      const gone = (await db.skus.bulkGet(ids)).findIndex((sku) => sku === undefined);
      // Deleted since the file was read: named by the code the file gave.
      if (gone >= 0) throw purchasingError('field.unknownChoice', { field: 'sku', value: skus.find((sku) => sku.id === ids[gone])?.code ?? String(ids[gone]) });
      await db.forecastRates.bulkPut(rates);
    }),
  );
  return rates.length;
}

/** The plan's service levels, FBA floor and FBA capacity: the stored row, defaults for anything missing or out of range. */
export async function readPlanPreferences(db: StockPilotDatabase): Promise<PlanPreferences> {
  const row = await withStorageErrors(() => db.settings.get('planPreferences'));
  return planPreferencesFrom(row?.value);
}

/** Checks the draft (shared/planning/planPreferences.ts) and stores it. */
export async function savePlanPreferences(db: StockPilotDatabase, draft: PlanPreferencesDraft): Promise<PlanPreferences> {
  const preferences = parsePlanPreferencesDraft(draft);
  await withStorageErrors(() => db.settings.put({ key: 'planPreferences', value: preferences }));
  return preferences;
}
