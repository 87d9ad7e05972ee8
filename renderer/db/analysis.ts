// PRODUCT §6 Analysis in the ledger worker: the valued ledger's figures per SKU (shared/analysis
// ledgerFacts), the plan's forecast per SKU (runPlan, exactly as the Plan screen runs it) and the
// mis-delivery rate of the shipments closed in the period. The page turns them into classes, rates
// and actions with the seller's settings (shared/analysis metrics), so editing a threshold reruns
// nothing here. Also the settings row itself.
import { DomainError } from '../../shared/errors';
import { dayNumber, isIsoDate, isoFromDay } from '../../shared/dates';
import type { IsoDate } from '../../shared/model';
import { valueMovements } from '../../shared/ledger';
import type { QuantityColumns } from '../../shared/ledger';
import { skuLedgerFacts, planDemandOf, skuRevenue } from '../../shared/analysis';
import type { PlanDemand, RevenueGaps, SkuLedgerFacts, SkuRevenue } from '../../shared/analysis';
import { parseAnalysisSettingsDraft, storedAnalysisSettings } from '../../shared/analysis/settings';
import { mergeDemandRows } from '../../shared/import/demand';
import { sellerSkuComponents } from '../../shared/ledger/amazonLedger';
import { convertMinor, rateOnOrNull } from '../../shared/purchasing/exchangeRates';
import type { AnalysisSettings, AnalysisSettingsDraft } from '../../shared/analysis/settings';
import { DEFAULT_PLAN_SETTINGS } from '../../shared/planning/plan';
import { planViews } from '../../shared/planning/planColumns';
import { discrepancyErrorRate } from '../../shared/purchasing/shipments';
import type { DiscrepancyErrorRate } from '../../shared/purchasing/shipments';
import type { StockPilotDatabase } from './schema';
import { readLedgerSnapshot, readLedgerVersion } from './ledgerStore';
import { keptPlanForAnalysis, runPlan } from './planning';
import { readSettings } from './settings';
import { withStorageErrors } from './errors';
import { catalogToken } from './catalogRevision';
import { latestRows } from './reports';
import { codeLookupOf } from './imports';

export interface AnalysisRequest {
  /** The period, both ends inclusive. */
  from: IsoDate;
  to: IsoDate;
  /** Stock on hand, its age and the plan's forecast are as of this day. */
  today: IsoDate;
  /**
   * What the plan reads besides the ledger (usePlanInputsKey): while it and the ledger version are
   * unchanged, the plan's figures of the last run are reused (another period needs no replan).
   */
  planInputsKey?: string;
}

export interface AnalysisFactsResult {
  from: IsoDate;
  to: IsoDate;
  today: IsoDate;
  periodDays: number;
  /** The plan's review period for shipments to FBA: with the sea lead time, the understock line. */
  reviewDays: number;
  /** Every catalog SKU, in id order; `abcRevenueMinor` from the imported orders (revenueOfOrders). */
  facts: SkuLedgerFacts;
  /** The order lines of the ABC window the revenue basis could not count (no SKU, price or rate), and whether any order has a price. */
  revenueGaps: RevenueGaps;
  demand: PlanDemand;
  errorRate: DiscrepancyErrorRate;
  /**
   * The plan's figures came from an earlier run, not a new one: the analysis' own last run (same
   * ledger, day and plan inputs), or the last full plan the `plan` operation ran on the same inputs.
   */
  planReused: boolean;
  /** Valuation 0 when the valued ledger was kept from before. */
  timings: { valuationMs: number; factsMs: number; planMs: number; revenueMs: number };
}

interface ValuedLedger {
  key: string;
  /** Only what the pass reads: costs, references and posting order are let go once valued. */
  columns: QuantityColumns;
  values: Float64Array;
}

// Valuing a million movements takes a few hundred ms: kept until the ledger, a catalog cost or the
// base currency changes (what the valuation reads), as the count review does.
const valuedCache = new WeakMap<StockPilotDatabase, ValuedLedger>();
const planCache = new WeakMap<StockPilotDatabase, { key: string; demand: PlanDemand }>();

async function valuedLedger(db: StockPilotDatabase, timings: AnalysisFactsResult['timings']): Promise<ValuedLedger & { version: number }> {
  const [version, skus, settings] = await withStorageErrors(() => Promise.all([readLedgerVersion(db), db.skus.toArray(), readSettings(db)]));
  const key = `${version.version}|${settings.baseCurrency}|${skus.map((s) => `${s.id}:${s.unitCostMinor}${s.costCurrency}`).join(',')}`;
  const cached = valuedCache.get(db);
  if (cached?.key === key) return { ...cached, version: version.version };
  const snapshot = await readLedgerSnapshot(db);
  const started = performance.now();
  const values = valueMovements(snapshot.columns, snapshot.context);
  timings.valuationMs = performance.now() - started;
  const { length, day, skuId, locationId, qty, type } = snapshot.columns;
  const valued = { key, columns: { length, day, skuId, locationId, qty, type }, values };
  // Keyed by the version the snapshot was read at, so a write in between is never hidden.
  if (snapshot.version === version.version) valuedCache.set(db, valued);
  return { ...valued, version: snapshot.version };
}

export async function analysisFacts(db: StockPilotDatabase, request: AnalysisRequest): Promise<AnalysisFactsResult> {
  const { from, to, today } = request;
  if (!isIsoDate(from)) throw new DomainError('field.badDate', { field: 'from', value: String(from) });
  if (!isIsoDate(to)) throw new DomainError('field.badDate', { field: 'to', value: String(to) });
  if (!isIsoDate(today)) throw new DomainError('field.badDate', { field: 'date', value: String(today) });
  if (to < from) throw new DomainError('field.dateTooEarly', { field: 'to', value: to, earliest: from });
  const timings = { valuationMs: 0, factsMs: 0, planMs: 0, revenueMs: 0 };
  const ledger = await valuedLedger(db, timings);
  const skuIds = Int32Array.from(await withStorageErrors(() => db.skus.toCollection().primaryKeys())).sort();
  const fromDay = dayNumber(from);
  // A period still running (this month) ends today: its days to come have sold nothing yet, and
  // counting them would stretch the turnover days.
  const toDay = Math.max(fromDay, Math.min(dayNumber(to), dayNumber(today)));
  const started = performance.now();
  // ABC ranks on the 12 months that end with the period (PRODUCT §6's default basis).
  const facts = skuLedgerFacts(ledger.columns, ledger.values, skuIds, { fromDay, toDay, abcFromDay: toDay - 364, asOfDay: dayNumber(today) });
  timings.factsMs = performance.now() - started;
  // Revenue is worked out whatever the basis: the page ranks by it when the seller picks it, without a new request.
  const revenueStarted = performance.now();
  const revenue = await revenueOfOrders(db, skuIds, { fromDay: toDay - 364, toDay }, today);
  facts.abcRevenueMinor = revenue.revenueMinor;
  timings.revenueMs = performance.now() - revenueStarted;

  // The catalog's revision too (a SKU archived, a case pack or cost changed), whatever key the page sent.
  const catalogTokenNow = await withStorageErrors(() => catalogToken(db));
  const planKey = request.planInputsKey === undefined ? null : `${ledger.version}|${today}|${catalogTokenNow}|${request.planInputsKey}`;
  let demand = planKey === null ? undefined : planCache.get(db)?.key === planKey ? planCache.get(db)!.demand : undefined;
  // Else the full plan the `plan` operation ran last (Today asks for it just before this) under the same key.
  const kept = demand === undefined && planKey !== null ? keptPlanForAnalysis(planKey) : null;
  if (kept !== null && planKey !== null) {
    demand = planDemandOf(planViews(kept), skuIds);
    planCache.set(db, { key: planKey, demand });
  }
  const planReused = demand !== undefined;
  if (demand === undefined) {
    const planStarted = performance.now();
    const { plan } = await runPlan(db, { today });
    demand = planDemandOf(planViews(plan), skuIds);
    timings.planMs = performance.now() - planStarted;
    if (planKey !== null) planCache.set(db, { key: planKey, demand });
  }
  const shipments = await withStorageErrors(() => db.shipments.toArray());
  return {
    from,
    // The period as counted: one still running ends today.
    to: isoFromDay(toDay),
    today,
    periodDays: toDay - fromDay + 1,
    reviewDays: DEFAULT_PLAN_SETTINGS.shipReviewDays,
    facts,
    revenueGaps: revenue.gaps,
    // Copies: the arrays move to the page, and the cached ones stay here.
    demand: { dailyDemand: demand.dailyDemand.slice(), seaLeadDays: demand.seaLeadDays.slice() },
    errorRate: discrepancyErrorRate(shipments, { from, to }),
    planReused,
    timings,
  };
}

/**
 * Revenue per SKU over the ABC window from every import's order lines (the newest import's row per
 * order line, mergeDemandRows), in the base currency at the seller's rates on or before each order
 * date. A bundle's revenue splits over its components by their share of its cost, each cost at
 * today's rate (revenueShares: by units when a component's cost is unknown).
 */
export async function revenueOfOrders(db: StockPilotDatabase, skuIds: ArrayLike<number>, window: { fromDay: number; toDay: number }, today: IsoDate): Promise<SkuRevenue> {
  const [scopes, rates, settings, skus] = await withStorageErrors(() => Promise.all([latestRows(db, 'demand'), db.exchangeRates.toArray(), readSettings(db), db.skus.toArray()]));
  const rows = [...scopes.values()].flatMap((scope) => [...scope.rows.values()]);
  const base = settings.baseCurrency;
  const costs = new Map<number, number>();
  for (const sku of skus) {
    const rate = rateOnOrNull(rates, sku.costCurrency, today, base);
    costs.set(sku.id, rate === null ? Number.NaN : sku.costCurrency === base ? sku.unitCostMinor : convertMinor(sku.unitCostMinor, sku.costCurrency, rate, base));
  }
  const lookup = rows.length > 0 ? await codeLookupOf(db) : null;
  return skuRevenue(mergeDemandRows(rows).lines, skuIds, window, {
    resolve: (marketplace, sellerSku) => (lookup === null ? undefined : sellerSkuComponents(lookup, marketplace, sellerSku)),
    rates,
    baseCurrency: base,
    unitCostBaseMinor: (skuId) => costs.get(skuId) ?? Number.NaN,
  });
}

/** The typed arrays of a result, moved to the page rather than copied. */
export function analysisBuffers(result: AnalysisFactsResult): ArrayBuffer[] {
  const arrays = [...Object.values(result.facts), ...Object.values(result.demand)];
  return arrays.flatMap((array) => (ArrayBuffer.isView(array) && array.buffer instanceof ArrayBuffer ? [array.buffer] : []));
}

/**
 * The seller's analysis settings: the stored row, defaults for anything missing or out of range.
 * The basis as chosen, revenue too (count plans, which rank on the ledger alone, take COGS for it).
 */
export async function readAnalysisSettings(db: StockPilotDatabase): Promise<AnalysisSettings> {
  const row = await withStorageErrors(() => db.settings.get('analysisSettings'));
  return storedAnalysisSettings(row?.value);
}

/** Checks the draft (shared/analysis/settings.ts) and stores it; a refused draft stores nothing. */
export async function saveAnalysisSettings(db: StockPilotDatabase, draft: AnalysisSettingsDraft): Promise<AnalysisSettings> {
  const settings = parseAnalysisSettingsDraft(draft);
  await withStorageErrors(() => db.settings.put({ key: 'analysisSettings', value: settings }));
  return settings;
}
