// The replenishment plan in the ledger worker: gathers the inputs (ledger history, stock, open
// shipments and POs, lead times, Amazon's restock advice and reserved units) from the database and
// runs the pure plan (shared/planning/plan.ts). The last plan stays in the worker so a chart or an
// explanation of one line needs no second run.
import { sellerSkuComponents } from '../../shared/ledger/amazonLedger';
import { isBundle } from '../../shared/catalog/catalog';
import { addDays, dayNumber, isoFromDay } from '../../shared/dates';
import type { IsoDate, Location, PurchaseOrder, Shipment } from '../../shared/model';
import { dailyDemand, isMerchantFulfilled, mergeDemandRows } from '../../shared/import/demand';
import { demandHistoryFromLedger, lastYearUnits, overlayOrderDemand, ownWarehouseDemandHistory, seriesDays, withLaunchSeries } from '../../shared/planning/demandHistory';
import { rateHasEnded, rateOverrideOf } from '../../shared/planning/forecastRates';
import type { RateOverride } from '../../shared/planning/forecastRates';
import type { DemandHistory } from '../../shared/planning/demandHistory';
import { eventFactorsIfAny } from '../../shared/planning/events';
import { FORECAST_METHODS } from '../../shared/domain';
import { arrivalStep, buildPlanColumns, DEFAULT_PLAN_SETTINGS, forecastSeries, weekdaySeasonsOfPlan } from '../../shared/planning/plan';
import type { NearOrigin, NearStock, Plan, PlanInput, PlanOwnSeriesInput, PlanSeriesInput, PlanSettings, PlanSkuInput } from '../../shared/planning/plan';
import { copyPlanColumns, shipNumberViews } from '../../shared/planning/planColumns';
import { latestReservedReports, reservedUnitsBySku } from '../../shared/planning/reservedUnits';
import type { PlanColumns } from '../../shared/planning/planColumns';
import type { CubicFeetByStorageType } from '../../shared/planning/planPreferences';
import { storageTypeOf, unitVolumeCubicFeet } from '../../shared/catalog/packageSize';
import { learnProductionDays, resolveLeadTime, totalLeadTime } from '../../shared/purchasing/leadTimes';
import { nearRoutes, routeLeadTimes } from '../../shared/purchasing/routeLeadTimes';
import { inTransitBySku } from '../../shared/purchasing/shipments';
import { openQty } from '../../shared/purchasing/purchaseOrders';
import { convertMinor, rateOnOrNull } from '../../shared/purchasing/exchangeRates';
import type { StockPilotDatabase } from './schema';
import { readLedgerQuantities, readLedgerVersion } from './ledgerStore';
import { catalogToken } from './catalogRevision';
import type { QuantityColumns } from '../../shared/ledger';
import { latestRows } from './reports';
import { codeLookupOf } from './imports';
import { readSettings } from './settings';
import { withStorageErrors } from './errors';
import { readPlanPreferences } from './planInputs';
import { analysisSettingsFrom } from '../../shared/analysis/settings';

/** Two years of daily history, as PRODUCT §4 plans from. */
export const HISTORY_DAYS = 730;

export interface PlanRequest {
  today: IsoDate;
  whatIf?: { delayDays?: number; uplift?: { from: IsoDate; to: IsoDate; percent: number } };
  /**
   * The analysis' key of the plan's other inputs (usePlanInputsKeys().analysis), from a screen that
   * asks for the analysis next (Today): the plan kept by runPlan also answers the analysis asked under
   * it (keptPlanForAnalysis, renderer/db/analysis.ts), so that needs no second plan run.
   */
  analysisKey?: string;
  /**
   * The key of the plan's other inputs (usePlanInputsKeys().plan), from a screen that shows the full
   * plan (Today, the plan screen): the worker keeps the plan it ran under it, with the ledger version,
   * the day and the catalog's revision, and answers the same request again from it while nothing it
   * reads has changed (`kept` in the result), so going back to a screen does not plan again.
   */
  planInputsKey?: string;
}

export interface PlanResult {
  plan: Plan;
  today: IsoDate;
  /** The ledger version the plan read (a what-if: that of the plan it changes). */
  ledgerVersion: number;
  /**
   * Timings of the run, in ms: waiting for the database, building the history (the catalog is read
   * meanwhile, and counted once), the plan's other inputs from what was read (stock at home, lead
   * times, shipments, orders), the plan itself.
   */
  timings: { readMs: number; historyMs: number; inputsMs: number; computeMs: number };
  /** True when the plan is the one kept from an earlier run under the same inputs (its timings are that run's). */
  kept?: boolean;
}

/** A PlanResult as the worker makes it and sends it to the page: the plan in columns (shared/planning/planColumns.ts). */
export type PlanColumnsResult = Omit<PlanResult, 'plan'> & { plan: PlanColumns };

export interface Gathered {
  input: PlanInput;
  history: DemandHistory;
  /** The ledger version the plan read. */
  ledgerVersion: number;
}

/** What a line's chart needs of the last plan's lines, copied out, so the plan's own columns can move to the page. */
interface LineKeys {
  count: number;
  skuId: Float64Array;
  locationId: Float64Array;
  method: Uint8Array;
  onHand: Float64Array;
  reservedUnits: Float64Array;
}

/** The last full plan run: what a what-if and a line's chart read. */
interface LastRun {
  today: IsoDate;
  gathered: Gathered;
  lines: LineKeys;
}
let last: LastRun | null = null;

function lineKeysOf(plan: PlanColumns): LineKeys {
  const columns = shipNumberViews(plan.ship);
  return { count: plan.ship.count, skuId: columns.skuId.slice(), locationId: columns.locationId.slice(), method: plan.ship.method.slice(), onHand: columns.onHand.slice(), reservedUnits: columns.reservedUnits.slice() };
}

/** The plan's inputs as runPlan reads them (exported for the Node profile harness, test/bench/plan-profile.ts). */
export async function gatherPlanInput(db: StockPilotDatabase, today: IsoDate, timings: PlanResult['timings']): Promise<Gathered> {
  const t0 = performance.now();
  // Per marketplace and import, the first and last FBA order day it holds: the days that import
  // covers (an import of the seller's own MFN orders covers no FBA demand).
  const importedDays = new Map<string, Map<string, { firstDay: number; lastDay: number }>>();
  const observeOrders = (batchId: string, rows: readonly { marketplace: string; date: string; channel: string }[]) => {
    for (const row of rows) {
      if (isMerchantFulfilled(row.channel)) continue;
      let byBatch = importedDays.get(row.marketplace);
      if (byBatch === undefined) importedDays.set(row.marketplace, (byBatch = new Map()));
      const day = dayNumber(row.date);
      const range = byBatch.get(batchId);
      if (range === undefined) byBatch.set(batchId, { firstDay: day, lastDay: day });
      else {
        if (day < range.firstDay) range.firstDay = day;
        if (day > range.lastDay) range.lastDay = day;
      }
    }
  };
  // The ledger (and the locations) are read first and alone; the rest (10,000 SKUs take the
  // database as long as the ledger's blocks) is read while the history is built from them.
  const [ledger, locations] = await Promise.all([readLedgerQuantities(db), db.locations.toArray()]);
  const t1 = performance.now();
  const restRead = Promise.all([
    db.skus.toArray(),
    db.shipments.toArray(),
    db.purchaseOrders.toArray(),
    db.suppliers.toArray(),
    db.skuSourcing.toArray(),
    db.leadTimes.toArray(),
    db.exchangeRates.toArray(),
    readSettings(db),
    db.demandEvents.toArray(),
    latestRows(db, 'demand', observeOrders),
    latestRows(db, 'restock'),
    latestRows(db, 'reserved'),
    db.forecastOverrides.toArray(),
    readPlanPreferences(db),
    db.forecastRates.toArray(),
    db.settings.get('analysisSettings'),
  ]);
  // Awaited below; this only keeps a failure from counting as unhandled meanwhile.
  restRead.catch(() => undefined);
  // One turn of the event loop, so the reads are on their way before the history takes the thread.
  await new Promise((resolve) => setTimeout(resolve, 0));

  const todayDay = dayNumber(today);
  const fba = new Map(locations.filter((l) => l.kind === 'fba' && l.marketplace).map((l) => [l.id, l.marketplace!]));
  const window = { firstDay: todayDay - HISTORY_DAYS + 1, days: HISTORY_DAYS };
  let history = demandHistoryFromLedger(ledger.columns, fba, window);
  // Sales the seller records at its own warehouses (a Shopify or merchant-fulfilled order shipped from
  // home, a 3PL's to a customer) draw on its own stock: their own series, each warehouse its own group
  // for the weekly season. Imported MFN order lines are not added to them: the seller records such a
  // sale in the ledger, and counting the order line as well would count it twice.
  // An archived warehouse sells no more: its past sales are no demand to buy for.
  const ownWarehouses = new Map(locations.filter((l) => (l.kind === 'domestic' || l.kind === '3pl') && !l.archived).map((l) => [l.id, `${l.kind}:${l.id}`]));
  const ownHistory = ownWarehouseDemandHistory(ledger.columns, ownWarehouses, window);
  const t2 = performance.now();
  const [skus, shipments, purchaseOrders, suppliers, sourcing, leadTimeRecords, rates, settings, events, demandScopes, restockScopes, reservedScopes, overrides, preferences, forecastRates, analysisRow] = await restRead;
  // Listings only match Amazon's restock advice and reserved units to SKUs: 20,000 of them are not read without either.
  // Bundles hold no stock, so Amazon reports neither restock advice nor reserved units for them.
  const listings = restockScopes.size > 0 || reservedScopes.size > 0 ? (await db.listings.toArray()).filter((l) => !isBundle(l)) : [];
  const t3 = performance.now();
  // Time spent waiting for the database; the reads that ran while the history was built are not counted again.
  timings.readMs = t1 - t0 + (t3 - t2);

  // Imported orders, where there are any, date demand when the customer bought.
  const demandRows = [...demandScopes.values()].flatMap((scope) => [...scope.rows.values()]);
  if (demandRows.length > 0) {
    const lookup = await codeLookupOf(db);
    const merge = mergeDemandRows(demandRows);
    // A bundle's orders are its components' demand (PRODUCT §1.2).
    // Orders the seller fulfilled (MFN) left from their own stock, not FBA's: not FBA demand.
    const fbaOrders = { lines: merge.lines.filter((line) => !isMerchantFulfilled(line.channel)) };
    const { days } = dailyDemand(fbaOrders, (marketplace, sellerSku) => sellerSkuComponents(lookup, marketplace, sellerSku));
    // Each import covers its own days: a gap between two imports keeps the ledger's sales.
    const coverage = new Map([...importedDays].map(([marketplace, byBatch]) => [marketplace, [...byBatch.values()]]));
    history = overlayOrderDemand(history, days, coverage);
  }
  // The seller's own forecast for a marketplace where the SKU has no series (a launch) makes one, at
  // the marketplace's FBA location (the first by id), so the launch gets a ship line and a buy line.
  const rateOf = new Map<string, RateOverride>();
  const liveRates = forecastRates.filter((rate) => !rateHasEnded(rate, today));
  if (liveRates.length > 0) {
    const fbaOfMarketplace = new Map<string, number>();
    for (const l of [...locations].sort((a, b) => a.id - b.id)) if (l.kind === 'fba' && l.marketplace && !l.archived && !fbaOfMarketplace.has(l.marketplace)) fbaOfMarketplace.set(l.marketplace, l.id);
    const sold = new Set(history.series.map((s) => `${s.skuId}|${s.marketplace}`));
    const launches: { skuId: number; locationId: number; marketplace: string }[] = [];
    for (const rate of liveRates) {
      rateOf.set(`${rate.skuId}|${rate.marketplace}`, rateOverrideOf(rate));
      const locationId = fbaOfMarketplace.get(rate.marketplace);
      if (locationId !== undefined && !sold.has(`${rate.skuId}|${rate.marketplace}`)) launches.push({ skuId: rate.skuId, locationId, marketplace: rate.marketplace });
    }
    history = withLaunchSeries(history, launches);
  }
  const rateShares = rateOf.size > 0 ? rateSharesOf(history, rateOf) : null;
  timings.historyMs = t2 - t1 + (performance.now() - t3);
  const t4 = performance.now();

  const saved = new Map(leadTimeRecords.map((r) => [r.key, { meanDays: r.meanDays, sdDays: r.sdDays }]));
  const domestic = locations.find((l) => l.kind === 'domestic' && !l.archived);
  // A 3PL with a known route to FBA (a shipment on it, or a transport default) ships there itself, at
  // its own leg: its stock is its own pool (PlanSkuInput.nearUnits). Any other 3PL's stock is home's.
  const routes = nearRoutes(locations, shipments, saved.keys());
  const nearIds = [...new Set(routes.map((r) => r.fromLocationId))];
  // Stock at home (domestic and the other 3PLs) and at each routed 3PL, from the ledger itself, in one pass.
  const homeStockIds = locations.filter((l) => (l.kind === 'domestic' || l.kind === '3pl') && !nearIds.includes(l.id)).map((l) => l.id);
  const stockAt = unitsAtBySku(ledger.columns, [homeStockIds, ...nearIds.map((id) => [id])], todayDay);
  const homeUnits = stockAt[0]!;
  const nearUnitsAt = new Map(nearIds.map((id, k) => [id, stockAt[k + 1]!]));
  // A shipment dated after today has not left: its units are still in the ledger at home, and they
  // are already counted on their way (inTransitByDestination). They are committed to it, so they come
  // out of home stock, once, rather than being free for another marketplace too.
  // The same holds for one leaving an FBA location: its units come out of that line's on hand.
  const homeIds = new Set(locations.filter((l) => l.kind === 'domestic' || l.kind === '3pl').map((l) => l.id));
  let seriesAt: Map<string, number> | null = null;
  for (const s of shipments) {
    if (s.status === 'received' || dayNumber(s.shipDate) <= todayDay) continue;
    if (homeIds.has(s.fromLocationId)) {
      const pool = nearUnitsAt.get(s.fromLocationId) ?? homeUnits;
      for (const [skuId, units] of inTransitBySku(s)) pool.set(skuId, (pool.get(skuId) ?? 0) - units);
    } else if (fba.has(s.fromLocationId)) {
      seriesAt ??= new Map(history.series.map((series, index) => [`${series.skuId}|${series.locationId}`, index]));
      for (const [skuId, units] of inTransitBySku(s)) {
        const index = seriesAt.get(`${skuId}|${s.fromLocationId}`);
        // history.onHand is this gather's own array (built above), so it is changed in place.
        if (index !== undefined) history.onHand[index] = Math.max(0, history.onHand[index]! - units);
      }
    }
  }
  const supplierById = new Map(suppliers.map((x) => [x.id, x]));
  const supplierOf = new Map(sourcing.map((s) => [s.skuId, supplierById.get(s.supplierId)]));
  const overrideOf = new Map(overrides.map((o) => [o.skuId, o.method]));
  const { toFba: inbound, toHome: otherInbound } = inTransitByDestination(shipments, locations);
  const onOrder = onOrderBySku(purchaseOrders);
  const restock = new Map<string, number>();
  for (const scope of restockScopes.values()) {
    for (const row of scope.rows.values()) {
      if (row.recommendedReplenishmentQty === null) continue;
      const key = `${scope.marketplace ?? ''}|${row.sku.trim().toUpperCase()}`;
      restock.set(key, (restock.get(key) ?? 0) + row.recommendedReplenishmentQty);
    }
  }
  const reservedReports = [...reservedScopes.values()].map((scope) => ({ marketplace: scope.marketplace, date: scope.date, rows: scope.rows.values() }));
  const reserved = reservedUnitsBySku(reservedReports, listings);
  // The date of the report each marketplace's reserved units come from, shown with them: an old one may no longer hold.
  const reservedAsOf = new Map<string, number>();
  for (const [marketplace, report] of latestReservedReports(reservedReports)) if (report.date) reservedAsOf.set(marketplace, dayNumber(report.date));
  const sellerSkusOf = new Map<number, { marketplace: string; sellerSku: string }[]>();
  for (const l of listings) {
    const list = sellerSkusOf.get(l.skuId);
    const entry = { marketplace: l.marketplace, sellerSku: l.sellerSku.trim().toUpperCase() };
    if (list) list.push(entry);
    else sellerSkusOf.set(l.skuId, [entry]);
  }

  // The ship leg (handling, transport, receiving) depends on the SKU only through the seller's
  // per-SKU overrides; learning it scans every shipment. So it is worked out once per route and mode,
  // and again only for a SKU with an override of its own.
  const skusWithOwnLegs = new Set<number>();
  for (const key of saved.keys()) {
    const own = /^sku:(\d+):/.exec(key);
    if (own) skusWithOwnLegs.add(Number(own[1]));
  }
  // Keyed by number (location × 2 + mode): a key string made per series cost more than the lookup.
  // Each keeps the route's whole leg and its receiving days (open shipments are sellable once checked in).
  const legsByRoute = new Map<number, { total: { meanDays: number; sdDays: number }; receivingDays: number }>();
  const routeLeg = (skuId: number, toLocationId: number, mode: 'sea' | 'air') => {
    const routeKey = toLocationId * 2 + (mode === 'air' ? 1 : 0);
    const shared = skusWithOwnLegs.has(skuId) ? undefined : legsByRoute.get(routeKey);
    if (shared) return shared;
    const l = routeLeadTimes({
      skuId,
      supplier: supplierOf.get(skuId),
      route: { fromLocationId: domestic?.id ?? 0, toLocationId, mode, destinationKind: 'fba' },
      saved,
      shipments,
      purchaseOrders,
    });
    const leg = { total: totalLeadTime([l.handling, l.transport, l.receiving]), receivingDays: Math.round(l.receiving.meanDays) };
    if (!skusWithOwnLegs.has(skuId)) legsByRoute.set(routeKey, leg);
    return leg;
  };
  const shipLeg = (skuId: number, toLocationId: number, mode: 'sea' | 'air') => routeLeg(skuId, toLocationId, mode).total;
  // Per FBA location, the 3PLs with a route to it, shortest leg first: worked out once per location,
  // again only for a SKU with legs of its own.
  const nearByLocation = new Map<number, NearOrigin[]>();
  const nearOriginsOf = (skuId: number, toLocationId: number): NearOrigin[] | undefined => {
    if (routes.length === 0) return undefined;
    const own = skusWithOwnLegs.has(skuId);
    const shared = own ? undefined : nearByLocation.get(toLocationId);
    if (shared) return shared;
    const origins = routes
      .filter((r) => r.toLocationId === toLocationId)
      .map((r) => {
        const l = routeLeadTimes({ skuId, supplier: supplierOf.get(skuId), route: { ...r, destinationKind: 'fba' }, saved, shipments, purchaseOrders });
        return { locationId: r.fromLocationId, lead: totalLeadTime([l.handling, l.transport, l.receiving]) };
      })
      .sort((a, b) => a.lead.meanDays - b.lead.meanDays || a.locationId - b.locationId);
    if (!own) nearByLocation.set(toLocationId, origins);
    return origins;
  };

  // Open shipments are sellable once checked in: the ETA plus the destination's receiving days (the
  // receiving leg of the route's lead time, as the sea and air legs count it).
  const arrivalsOf = (skuId: number, locationId: number) => {
    const list = inbound.get(skuId)?.get(locationId);
    if (!list) return noArrivals;
    usedInbound.add(list);
    const receiving = routeLeg(skuId, locationId, 'sea').receivingDays;
    return receiving === 0 ? list : list.map((arriving) => ({ day: arriving.day + receiving, units: arriving.units }));
  };
  const usedInbound = new Set<readonly { day: number; units: number }[]>();
  const seriesBySku = new Map<number, PlanSeriesInput[]>();
  const noArrivals: readonly { day: number; units: number }[] = [];
  history.series.forEach((s, seriesIndex) => {
    let amazonRecommendedUnits: number | null = null;
    if (restock.size > 0) {
      for (const x of sellerSkusOf.get(s.skuId) ?? []) {
        const units = x.marketplace === s.marketplace ? restock.get(`${s.marketplace}|${x.sellerSku}`) : undefined;
        if (units !== undefined) amazonRecommendedUnits = (amazonRecommendedUnits ?? 0) + units;
      }
    }
    const reservedReport = reserved.size > 0 ? (reserved.get(`${s.marketplace}|${s.skuId}`) ?? 0) : 0;
    let list = seriesBySku.get(s.skuId);
    if (!list) seriesBySku.set(s.skuId, (list = []));
    // Every field written, in one order, for every series: one object shape for the plan's reads of 16,000 of them.
    list.push({
      seriesIndex,
      sea: shipLeg(s.skuId, s.locationId, 'sea'),
      air: shipLeg(s.skuId, s.locationId, 'air'),
      near: nearOriginsOf(s.skuId, s.locationId),
      inbound: arrivalsOf(s.skuId, s.locationId),
      // Reserved units are part of the units on hand: a report newer than the ledger cannot take more than are there.
      reservedUnits: Math.min(reservedReport, Math.max(0, history.onHand[seriesIndex]!)),
      reservedAsOfDay: reservedAsOf.get(s.marketplace),
      // Only series an event falls on carry factors: the others' forecasts read the week sums, not the days.
      eventFactors: events.length > 0 ? eventFactorsIfAny(events, s.skuId, s.marketplace, history.firstDay, history.days + DEFAULT_PLAN_SETTINGS.horizonDays) : undefined,
      amazonRecommendedUnits,
      rateOverride: rateShares?.get(seriesIndex),
    });
  });

  // Own-warehouse series: no marketplace, so only events for every marketplace fall on them.
  const ownSeriesBySku = new Map<number, PlanOwnSeriesInput[]>();
  ownHistory.series.forEach((s, seriesIndex) => {
    let list = ownSeriesBySku.get(s.skuId);
    if (!list) ownSeriesBySku.set(s.skuId, (list = []));
    list.push({ seriesIndex, eventFactors: events.length > 0 ? eventFactorsIfAny(events, s.skuId, s.marketplace, ownHistory.firstDay, ownHistory.days + DEFAULT_PLAN_SETTINGS.horizonDays) : undefined });
  });

  // A marketplace with several FBA locations: Amazon's reserved units and Restock figure are the
  // marketplace's, so each of its lines takes a part, not the whole on every line.
  const severalFba = marketplacesWithSeveralFba(fba);
  if (severalFba.size > 0 && (reserved.size > 0 || restock.size > 0)) {
    shareMarketplaceFigures(history, seriesBySku, severalFba, (skuId, marketplace) => reserved.get(`${marketplace}|${skuId}`) ?? 0);
  }

  // Units in transit that no ship line counts are still the network's (the buy position counts them):
  // to an FBA location where the SKU has no series yet (they take FBA room too), or home.
  const archived = new Map(skus.filter((sku) => sku.archived).map((sku) => [sku.id, sku]));
  const unlinedFbaInbound: NonNullable<PlanInput['unlinedFbaInbound']>[number][] = [];
  for (const [skuId, byLocation] of inbound) {
    for (const [locationId, list] of byLocation) {
      if (usedInbound.has(list)) continue;
      const units = list.reduce((sum, arriving) => sum + arriving.units, 0);
      const sku = archived.get(skuId);
      unlinedFbaInbound.push(sku ? { skuId, locationId, units, unitVolumeCubicFeet: unitVolumeCubicFeet(sku), storageType: storageTypeOf(sku) } : { skuId, locationId, units });
      otherInbound.set(skuId, (otherInbound.get(skuId) ?? 0) + units);
    }
  }

  // An archived SKU has no line, but its units at FBA (and on their way there) still fill the shelves.
  if (archived.size > 0) {
    for (const [skuId, list] of seriesBySku) {
      const sku = archived.get(skuId);
      if (!sku) continue;
      for (const entry of list) {
        const units = Math.max(0, history.onHand[entry.seriesIndex]!) + entry.inbound.reduce((sum, arriving) => sum + arriving.units, 0);
        if (units > 0) unlinedFbaInbound.push({ skuId, locationId: history.series[entry.seriesIndex]!.locationId, units, unitVolumeCubicFeet: unitVolumeCubicFeet(sku), storageType: storageTypeOf(sku) });
      }
    }
  }

  // Production days learned per supplier (a scan of every PO), once per supplier rather than per SKU.
  const learnedProduction = new Map<number, ReturnType<typeof learnProductionDays>>();
  const learnedFor = (supplierId: number) => {
    if (!learnedProduction.has(supplierId)) learnedProduction.set(supplierId, learnProductionDays(purchaseOrders, supplierId));
    return learnedProduction.get(supplierId)!;
  };
  const nearStockOf = (skuId: number): NearStock[] | undefined => {
    let stock: NearStock[] | undefined;
    for (const [locationId, units] of nearUnitsAt) {
      const there = units.get(skuId) ?? 0;
      if (there > 0) (stock ??= []).push({ locationId, units: there });
    }
    return stock;
  };
  const planSkus: PlanSkuInput[] = skus
    .filter((sku) => !sku.archived)
    .map((sku) => {
      const supplier = supplierOf.get(sku.id);
      const production = resolveLeadTime({
        learned: supplier ? learnedFor(supplier.id) : null,
        defaults: supplier ? { meanDays: supplier.productionDaysMean, sdDays: supplier.productionDaysSd } : { meanDays: 30, sdDays: 7 },
      });
      // No rate for the catalog currency: NaN, valued below at the catalog's typical unit cost.
      const rate = rateOnOrNull(rates, sku.costCurrency, today, settings.baseCurrency);
      const unitCostMinor = rate === null ? Number.NaN : sku.costCurrency === settings.baseCurrency ? sku.unitCostMinor : convertMinor(sku.unitCostMinor, sku.costCurrency, rate, settings.baseCurrency);
      return {
        skuId: sku.id,
        casePack: Math.max(1, sku.casePack),
        moq: Math.max(sku.moq, supplier?.moq ?? 0),
        supplierId: supplier?.id ?? null,
        unitCostMinor,
        domesticUnits: Math.max(0, homeUnits.get(sku.id) ?? 0),
        nearUnits: nearStockOf(sku.id),
        onOrder: onOrder.get(sku.id) ?? [],
        otherInboundUnits: otherInbound.get(sku.id) ?? 0,
        buyLeadTime: { meanDays: production.meanDays, sdDays: production.sdDays },
        // Always written (undefined: chosen by backtest), so every SKU input has one shape.
        method: overrideOf.get(sku.id),
        // Worked out once per SKU here, so the capacity step only reads a number per line.
        unitVolumeCubicFeet: unitVolumeCubicFeet(sku),
        storageType: storageTypeOf(sku),
      };
    });
  // A SKU whose cost cannot be converted (no exchange rate) is valued at the median unit cost of those
  // that can, so ABC ranks it by its units against a typical SKU rather than at the bottom of class C.
  const unpriced = planSkus.filter((sku) => Number.isNaN(sku.unitCostMinor));
  if (unpriced.length > 0) {
    const priced = planSkus.map((sku) => sku.unitCostMinor).filter((cost) => !Number.isNaN(cost)).sort((a, b) => a - b);
    const typical = priced.length > 0 ? priced[Math.floor(priced.length / 2)]! : 1;
    for (const sku of unpriced) sku.unitCostMinor = typical;
  }
  // The ABC classes the service levels go by are the ones the seller sees under Analysis: same thresholds, same basis.
  const analysis = analysisSettingsFrom(analysisRow?.value);
  const planSettings: PlanSettings = {
    ...DEFAULT_PLAN_SETTINGS,
    serviceLevel: { ...preferences.serviceLevel },
    fbaFloorDays: preferences.fbaFloorDays,
    todayDay,
    abc: { cutoffs: { a: analysis.abcCutoffA, b: analysis.abcCutoffB }, basis: analysis.abcBasis },
  };
  const capacityUnits = new Map<number, number | null>();
  for (const [locationId, units] of Object.entries(preferences.fbaCapacityUnits)) if (fba.has(Number(locationId))) capacityUnits.set(Number(locationId), units);
  const capacityCubicFeet = new Map<number, CubicFeetByStorageType>();
  for (const [locationId, limits] of Object.entries(preferences.fbaCapacityCubicFeet)) if (fba.has(Number(locationId))) capacityCubicFeet.set(Number(locationId), limits);
  timings.inputsMs = performance.now() - t4;
  const own = ownSeriesBySku.size > 0 ? { own: { history: ownHistory, series: ownSeriesBySku } } : {};
  return { history, ledgerVersion: ledger.version, input: { settings: planSettings, history, skus: planSkus, series: seriesBySku, capacityUnits, capacityCubicFeet, unlinedFbaInbound, ...own } };
}

/** SKU ids up to this bound are summed in a typed array; larger (or negative) ones, never made by the database, in a Map. */
const DENSE_SKU_IDS = 1 << 22;

/**
 * Units on hand at the end of `todayDay` per SKU, for each group of locations (a SKU with no movement
 * in a group is absent from its map), in one pass over the ledger whatever the number of groups:
 * home's stock and each routed 3PL's each take a group.
 */
function unitsAtBySku(columns: QuantityColumns, groups: readonly (readonly number[])[], todayDay: number): Map<number, number>[] {
  // Location ids are few and small: a table by id (a Map lookup per movement costs more).
  const all = groups.flat();
  const dense = all.every((id) => Number.isInteger(id) && id >= 0 && id < 65_536);
  const groupById = new Map<number, number>();
  groups.forEach((ids, g) => ids.forEach((id) => groupById.set(id, g)));
  const table = new Int16Array(dense ? Math.max(-1, ...all) + 1 : 0).fill(-1);
  for (const [id, g] of dense ? groupById : []) table[id] = g;
  const groupAt = dense ? (locationId: number) => (locationId >= 0 && locationId < table.length ? table[locationId]! : -1) : (locationId: number) => groupById.get(locationId) ?? -1;
  const results = groups.map(() => new Map<number, number>());
  if (groups.length === 0) return results;
  // Per movement its group (−1: not counted), and the SKU id range of those counted.
  const groupOf = new Int16Array(columns.length);
  let minSku = 0;
  let maxSku = -1;
  for (let i = 0; i < columns.length; i++) {
    const g = columns.day[i]! <= todayDay ? groupAt(columns.locationId[i]!) : -1;
    groupOf[i] = g;
    if (g < 0) continue;
    const sku = columns.skuId[i]!;
    if (sku < minSku) minSku = sku;
    if (sku > maxSku) maxSku = sku;
  }
  if (minSku < 0 || maxSku >= DENSE_SKU_IDS) {
    for (let i = 0; i < columns.length; i++) {
      const g = groupOf[i]!;
      if (g >= 0) results[g]!.set(columns.skuId[i]!, (results[g]!.get(columns.skuId[i]!) ?? 0) + columns.qty[i]!);
    }
    return results;
  }
  const width = maxSku + 1;
  const units = new Float64Array(groups.length * width);
  const seen = new Uint8Array(groups.length * width);
  for (let i = 0; i < columns.length; i++) {
    const g = groupOf[i]!;
    if (g < 0) continue;
    const cell = g * width + columns.skuId[i]!;
    units[cell]! += columns.qty[i]!;
    seen[cell] = 1;
  }
  for (let g = 0; g < groups.length; g++) {
    const result = results[g]!;
    for (let sku = 0, cell = g * width; sku < width; sku++, cell++) if (seen[cell]) result.set(sku, units[cell]!);
  }
  return results;
}

/**
 * Units still in transit, in one pass over the shipments: to FBA per SKU, then per destination, with
 * their arrival day (ETA, else ship date + 35); to anywhere else (the domestic warehouse, a 3PL) per SKU.
 */
function inTransitByDestination(shipments: readonly Shipment[], locations: readonly Location[]): { toFba: Map<number, Map<number, { day: number; units: number }[]>>; toHome: Map<number, number> } {
  const fbaIds = new Set(locations.filter((l) => l.kind === 'fba').map((l) => l.id));
  const toFba = new Map<number, Map<number, { day: number; units: number }[]>>();
  const toHome = new Map<number, number>();
  for (const s of shipments) {
    if (s.status === 'received') continue;
    const fba = fbaIds.has(s.toLocationId);
    const day = dayNumber(s.eta ?? addDays(s.shipDate, 35));
    for (const [skuId, units] of inTransitBySku(s)) {
      if (units <= 0) continue;
      if (!fba) {
        toHome.set(skuId, (toHome.get(skuId) ?? 0) + units);
        continue;
      }
      let byLocation = toFba.get(skuId);
      if (!byLocation) toFba.set(skuId, (byLocation = new Map()));
      const list = byLocation.get(s.toLocationId);
      if (list) list.push({ day, units });
      else byLocation.set(s.toLocationId, [{ day, units }]);
    }
  }
  return { toFba, toHome };
}

/**
 * Per series index, its part of the seller's rate for its SKU × marketplace: a marketplace with two
 * FBA locations splits the rate between them by their units sold over the last year (equally when
 * neither sold), as imported orders are split, so the rate is the marketplace's, not each location's.
 */
function rateSharesOf(history: DemandHistory, rateOf: ReadonlyMap<string, RateOverride>): Map<number, RateOverride> {
  const lastYear = lastYearUnits(history);
  const groups = new Map<string, number[]>();
  history.series.forEach((s, index) => {
    const key = `${s.skuId}|${s.marketplace}`;
    if (!rateOf.has(key)) return;
    const group = groups.get(key);
    if (group) group.push(index);
    else groups.set(key, [index]);
  });
  const shares = new Map<number, RateOverride>();
  for (const [key, indexes] of groups) {
    const rate = rateOf.get(key)!;
    const total = indexes.reduce((sum, index) => sum + lastYear[index]!, 0);
    for (const index of indexes) {
      const share = total > 0 ? lastYear[index]! / total : 1 / indexes.length;
      shares.set(index, { unitsPerDay: rate.unitsPerDay * share, untilDay: rate.untilDay });
    }
  }
  return shares;
}

/** Marketplaces with more than one FBA location (by id → marketplace). */
function marketplacesWithSeveralFba(fba: ReadonlyMap<number, string>): Set<string> {
  const seen = new Set<string>();
  const several = new Set<string>();
  for (const marketplace of fba.values()) (seen.has(marketplace) ? several : seen).add(marketplace);
  return several;
}

/**
 * Splits a SKU's marketplace-wide figures between its lines at that marketplace's FBA locations, in
 * whole units that add up to the figure: reserved units by each location's units on hand (they are
 * part of them; each line's part at most its own on hand), Amazon's Restock figure by last year's
 * sales, as the seller's rate is split (rateSharesOf), equally where nothing sold.
 */
function shareMarketplaceFigures(history: DemandHistory, seriesBySku: ReadonlyMap<number, PlanSeriesInput[]>, marketplaces: ReadonlySet<string>, reservedOf: (skuId: number, marketplace: string) => number): void {
  let lastYear: Float64Array | null = null;
  for (const [skuId, list] of seriesBySku) {
    if (list.length < 2) continue;
    const groups = new Map<string, PlanSeriesInput[]>();
    for (const entry of list) {
      const marketplace = history.series[entry.seriesIndex]!.marketplace;
      if (!marketplaces.has(marketplace)) continue;
      const group = groups.get(marketplace);
      if (group) group.push(entry);
      else groups.set(marketplace, [entry]);
    }
    for (const [marketplace, group] of groups) {
      if (group.length < 2) continue;
      const onHand = group.map((entry) => Math.max(0, history.onHand[entry.seriesIndex]!));
      const reservedParts = wholeParts(reservedOf(skuId, marketplace), onHand);
      group.forEach((entry, k) => (entry.reservedUnits = Math.min(reservedParts[k]!, onHand[k]!)));
      const restock = group[0]!.amazonRecommendedUnits;
      if (restock === null) continue;
      lastYear ??= lastYearUnits(history);
      const sold = group.map((entry) => lastYear![entry.seriesIndex]!);
      const restockParts = wholeParts(restock, sold);
      group.forEach((entry, k) => (entry.amazonRecommendedUnits = restockParts[k]!));
    }
  }
}

/** `total` in whole units split by `weights` (equally when they add to 0), largest remainders rounded up, so the parts add up to it. */
function wholeParts(total: number, weights: readonly number[]): number[] {
  const n = weights.length;
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (sum > 0 ? (total * w) / sum : total / n));
  const parts = exact.map(Math.floor);
  let left = Math.round(total - parts.reduce((a, b) => a + b, 0));
  const order = exact.map((x, k) => [x - parts[k]!, k] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let r = 0; left > 0 && r < order.length; r++, left--) {
    const k = order[r]![1];
    parts[k] = parts[k]! + 1;
  }
  return parts;
}

function onOrderBySku(purchaseOrders: readonly PurchaseOrder[]): Map<number, { day: number; units: number }[]> {
  const result = new Map<number, { day: number; units: number }[]>();
  for (const po of purchaseOrders) {
    if (po.status !== 'sent' && po.status !== 'partially_received') continue;
    for (const line of po.lines) {
      const open = openQty(po, line.lineId);
      if (open > 0) result.set(line.skuId, [...(result.get(line.skuId) ?? []), { day: dayNumber(po.expectedDate), units: open }]);
    }
  }
  return result;
}

/** Runs the plan (reading everything again), or a what-if on the inputs of the last run. */
export async function runPlan(db: StockPilotDatabase, request: PlanRequest): Promise<PlanColumnsResult> {
  return withStorageErrors(async () => {
    // A full plan asked for under a key: the one kept under the same key, while it is still the last
    // run (what a what-if and a line's chart read), the ledger and the catalog unchanged.
    const keyed = !request.whatIf && (request.planInputsKey !== undefined || request.analysisKey !== undefined);
    const before = keyed ? await keptPlanPrefix(db, request.today) : null;
    const planKey = before !== null && request.planInputsKey !== undefined ? `${before}|${request.planInputsKey}` : null;
    if (planKey !== null && keptPlan !== null && keptPlan.key === planKey && keptPlan.last === last) {
      return { plan: copyPlanColumns(keptPlan.plan), today: request.today, ledgerVersion: keptPlan.ledgerVersion, timings: { ...keptPlan.timings }, kept: true };
    }
    const timings = { readMs: 0, historyMs: 0, inputsMs: 0, computeMs: 0 };
    const gathered = request.whatIf && last?.today === request.today ? last.gathered : await gatherPlanInput(db, request.today, timings);
    const t = performance.now();
    const whatIf = request.whatIf ? whatIfOf(request.whatIf) : undefined;
    const plan = buildPlanColumns({ ...gathered.input, ...(whatIf ? { whatIf } : {}) });
    timings.computeMs = performance.now() - t;
    if (!request.whatIf) {
      last = { today: request.today, gathered, lines: lineKeysOf(plan) };
      keptPlan = null;
      // Kept only when the ledger and the catalog did not change while it ran (the prefix read after
      // the run is the one it was asked under, and names the version it read). The page's part of the
      // key is taken on trust: another input written while this ran (an order, a lead time) changes the
      // page's key too, and the page asks again under the new one, which this copy does not answer.
      if (before !== null && (await keptPlanPrefix(db, request.today)) === before && before.startsWith(`${gathered.ledgerVersion}|`)) {
        keptPlan = {
          key: planKey,
          analysisKey: request.analysisKey !== undefined ? `${before}|${request.analysisKey}` : null,
          last,
          plan: copyPlanColumns(plan),
          ledgerVersion: gathered.ledgerVersion,
          timings: { ...timings },
        };
      }
    }
    return { plan, today: request.today, ledgerVersion: gathered.ledgerVersion, timings };
  });
}

/**
 * The last full plan run under a key (PlanRequest.planInputsKey, analysisKey), a copy of its columns,
 * and the run it was (`last`). `key` and `analysisKey` are `${ledger version}|${day}|${catalog revision}|`
 * followed by the page's key; null where the request had none.
 */
let keptPlan: { key: string | null; analysisKey: string | null; last: LastRun | null; plan: PlanColumns; ledgerVersion: number; timings: PlanResult['timings'] } | null = null;

/** What every kept plan's key starts with: ledger version, day, catalog revision; null without a catalog revision (its content unknown). */
async function keptPlanPrefix(db: StockPilotDatabase, today: IsoDate): Promise<string | null> {
  const [version, token] = await Promise.all([readLedgerVersion(db), catalogToken(db)]);
  return token === '' ? null : `${version.version}|${today}|${token}`;
}

/**
 * The columns of the last full plan when it ran under this analysis key (`${ledger version}|${day}|
 * ${catalog revision}|${the page's analysis key}`, as analysisFacts builds it), else null. A what-if
 * since leaves it; any other full run replaces it. Callers only read it.
 */
export function keptPlanForAnalysis(analysisKey: string): PlanColumns | null {
  return keptPlan !== null && keptPlan.analysisKey === analysisKey ? keptPlan.plan : null;
}

export interface PlanDetail {
  /** The plan's as-of day: `days` start the day after, the history ends on it. */
  today: IsoDate;
  /** Days from today + 1: forecast, projected on hand with no new shipment, arrivals. */
  days: IsoDate[];
  forecast: number[];
  projected: number[];
  arrivals: number[];
  /** Weekly demand history ending today: units sold each week (as sold, not scaled) and its stockout days. */
  historyWeeks: { weekStart: IsoDate; units: number; stockoutDays: number }[];
  /** The weekly season of the line's marketplace (shared/planning/weekdaySeason.ts), Sunday first; null: none (each week spread evenly). */
  weekdayIndex: number[] | null;
}

/** A what-if as the page asks for it, in the plan's terms (day numbers, a fraction). */
function whatIfOf(request: NonNullable<PlanRequest['whatIf']>): NonNullable<PlanInput['whatIf']> {
  return {
    ...(request.delayDays ? { delayDays: request.delayDays } : {}),
    ...(request.uplift ? { uplift: { fromDay: dayNumber(request.uplift.from), toDay: dayNumber(request.uplift.to), fraction: request.uplift.percent / 100 } } : {}),
  };
}

/**
 * The chart of one ship line of the last plan, or of the same line under a what-if (lines keep their
 * order in a what-if: it reruns the plan on the same inputs), with its arrivals delayed and its
 * demand raised as the what-if's plan has them.
 */
export function planDetail(index: number, whatIfRequest?: PlanRequest['whatIf']): PlanDetail | null {
  if (!last) return null;
  const keys = last.lines;
  if (!Number.isInteger(index) || index < 0 || index >= keys.count) return null;
  const line = { skuId: keys.skuId[index]!, locationId: keys.locationId[index]!, method: FORECAST_METHODS[keys.method[index]!]!, onHand: keys.onHand[index]!, reservedUnits: keys.reservedUnits[index]! };
  const { history } = last.gathered;
  const whatIf = whatIfRequest ? whatIfOf(whatIfRequest) : undefined;
  const input = whatIf ? { ...last.gathered.input, whatIf } : last.gathered.input;
  const delayDays = whatIf?.delayDays ?? 0;
  const seriesIndex = history.series.findIndex((s) => s.skuId === line.skuId && s.locationId === line.locationId);
  const todayDay = input.settings.todayDay;
  const seriesInput = (input.series.get(line.skuId) ?? []).find((s) => s.seriesIndex === seriesIndex);
  const daily = new Float32Array(input.settings.horizonDays);
  if (seriesInput) forecastSeries(input, seriesInput, line.method, daily);
  const days: IsoDate[] = [];
  const forecast: number[] = [];
  const projected: number[] = [];
  const arrivals: number[] = [];
  const series = seriesInput;
  let stock = line.onHand - line.reservedUnits;
  for (let d = 0; d < daily.length; d++) {
    const day = todayDay + 1 + d;
    const arriving = (series?.inbound ?? []).filter((a) => todayDay + arrivalStep(a.day, todayDay, delayDays) === day).reduce((s, a) => s + a.units, 0);
    stock += arriving - daily[d]!;
    days.push(isoFromDay(day));
    forecast.push(daily[d]!);
    projected.push(stock);
    arrivals.push(arriving);
  }
  const historyWeeks: PlanDetail['historyWeeks'] = [];
  if (seriesIndex >= 0) {
    const sold = seriesDays(history, seriesIndex);
    for (let start = history.days % 7; start + 7 <= history.days; start += 7) {
      let units = 0;
      let out = 0;
      for (let d = start; d < start + 7; d++) {
        units += sold.units[d]!;
        out += sold.stockout[d]!;
      }
      historyWeeks.push({ weekStart: isoFromDay(history.firstDay + start), units, stockoutDays: out });
    }
  }
  const weekdays = seriesIndex >= 0 ? weekdaySeasonsOfPlan(input) : null;
  const weekdaySeason = weekdays ? weekdays.seasons[weekdays.marketplaceOf[seriesIndex]!] : undefined;
  const weekdayIndex = weekdaySeason && weekdaySeason.weight > 0 ? [...weekdaySeason.index] : null;
  return { today: isoFromDay(todayDay), days, forecast, projected, arrivals, historyWeeks, weekdayIndex };
}
