// The replenishment plan (PRODUCT §4.3–4.4): per SKU and FBA marketplace, what to ship from the
// domestic warehouse and by when, by sea or (for the bridging quantity) by air; per SKU, what to
// buy from its supplier and by when. Pure, and fast enough to recompute every number on each change
// and what-if: 10,000 SKUs over two years of daily history plan in a few hundred ms on a first run
// in a new worker (less once its code is compiled), a what-if on kept forecasts in ~100 ms.
//
// For each SKU × FBA location:
//   d, σd        forecast daily demand and its spread (stockout days excluded, events applied)
//   L, σL        lead time of the ship leg: handling + transport (sea) + receiving, in days
//   SS = z·sqrt(L·σd² + d²·σL²)       z from the service level of the SKU's ABC class
//   ROP = Σ forecast over L days + SS (d·L + SS at a flat forecast),   T = Σ forecast over L + R days + SS   (R = review period)
//   IP  = on hand + in transit to the location (− reserved, when known)
//   ship Q = max(0, T − IP, floor + Σ forecast over L − IP), rounded up to the case pack; the floor
//   keeps Amazon's low-inventory level (28 days of supply by default, the seller may change it) once
//   the shipment lands. Open shipments arrive on their ETA + the destination's receiving days.
//   Projected on hand (no new orders) gives the stockout day; sea arrives at today + L; if that
//   is after the stockout, air (today + L_air) bridges: the demand between the air and sea
//   arrivals not covered by the stock projected at the air arrival.
//   Ship by = the last day a sea shipment still lands before projected stock falls below SS or the
//   floor, whichever is higher; none for a line left with nothing to ship.
// For each SKU, the buy echelon on the whole network (every FBA, domestic, 3PL, transit anywhere, open POs)
// with L = production + the ship leg, rounded to the case pack and at least the MOQ. Its projected
// stockout (nothing new bought) is found as a ship line's: stock now (home + FBA − reserved), plus each
// open shipment and PO on the day it arrives, less the network's forecast (every marketplace) each day.
// Sales at the seller's own warehouses (domestic, 3PL: PlanInput.own) are forecast as FBA series are but
// make no ship line: their forecast adds to the buy line's (d, σd², the sums, the dates), their share of
// the demand takes no sea leg, and their forecast over the sea lead time stays at home (ship lines do
// not take it).
import { abcClassIndexes, backtestForecast, DEMAND_CLASS_CANDIDATES, demandPattern, FORECAST_METHODS, forecastPath, safetyStock, zForServiceLevel } from '../domain';
import type { AbcCutoffs } from '../domain';
import type { ForecastMethod } from '../domain';
import type { DemandHistory } from './demandHistory';
import type { DailySpread } from './demandHistory';
import { fillUnknownWeeks, lastYearUnits, weeklyRates, weeklyRatesAndSpread } from './demandHistory';
import { catalogSeasonOf, catalogSeasonOfRates, positionOf } from './catalogSeason';
import { fillSkuSeasonIndices, skuSeasonFactor, skuSeasonOf } from './skuSeason';
import { weekdayFactorsFrom, weekdaySeasonsOf } from './weekdaySeason';
import type { WeekdaySeasons } from './weekdaySeason';
import type { SkuSeason } from './skuSeason';
import type { CatalogSeason } from './catalogSeason';
import { ABC_CLASSES, buyNumberViews, emptyPlanColumns, marketplaceIndexer, shipNumberViews, unpackPlan } from './planColumns';
import type { BuyColumns, BuyNumber, PlanColumns, ShipColumns, ShipNumber } from './planColumns';
import type { CubicFeetByStorageType } from './planPreferences';
import { STORAGE_TYPES } from '../model';
import type { StorageType } from '../model';
import type { RateOverride } from './forecastRates';

export type AbcClass = 'A' | 'B' | 'C';

export interface PlanSettings {
  /** Day number of today (shared/dates dayNumber): the plan starts tomorrow's morning position. */
  todayDay: number;
  serviceLevel: Record<AbcClass, number>;
  /** Review period for shipments to FBA and for purchases, in days. */
  shipReviewDays: number;
  buyReviewDays: number;
  /** Amazon's low-inventory floor, in days of supply at FBA after a shipment lands. */
  fbaFloorDays: number;
  /** Days projected ahead (the chart and the stockout search). */
  horizonDays: number;
  /** Weeks of history the forecast looks at, and the backtest shape. */
  historyWeeks: number;
  backtestFolds: number;
  backtestHorizonWeeks: number;
  /**
   * The seller's ABC rule (PRODUCT §6, the Analysis screen's settings): the cumulative shares below
   * which a SKU is A and B, and whether the 12 months rank by COGS or by units. Absent: 80 % / 95 % by COGS.
   */
  abc?: { cutoffs: AbcCutoffs; basis: 'cogs' | 'units' };
}

export const DEFAULT_PLAN_SETTINGS: Omit<PlanSettings, 'todayDay'> = {
  serviceLevel: { A: 0.98, B: 0.95, C: 0.9 },
  shipReviewDays: 14,
  buyReviewDays: 30,
  fbaFloorDays: 28,
  horizonDays: 180,
  historyWeeks: 104,
  // Six folds of 4 weeks: half a year of backtest picks a steadier method than 12 weeks of noise
  // (weekly WAPE ÷ the 30-day moving average's, one origin on the demo: 0.984 with 3 folds, 0.964 with 6).
  backtestFolds: 6,
  backtestHorizonWeeks: 4,
};

export interface LeadTime {
  meanDays: number;
  sdDays: number;
}

/** A SKU's units at one 3PL the plan can ship to FBA from. */
export interface NearStock {
  locationId: number;
  units: number;
}

/**
 * A 3PL with a known route to an FBA location (a shipment on it, or the seller's transport default):
 * its whole leg (handling there, transport, receiving at FBA). A line ships from it first, at this
 * lead, where it holds the SKU and its leg is shorter than the sea leg from home.
 */
export interface NearOrigin {
  locationId: number;
  lead: LeadTime;
}

export interface PlanSkuInput {
  skuId: number;
  casePack: number;
  moq: number;
  supplierId: number | null;
  /** Unit cost in base minor units, for ABC by value. */
  unitCostMinor: number;
  /**
   * Units at home, free to ship by the home legs (PlanSeriesInput.sea and .air): the domestic
   * warehouse(s) and any 3PL with no known route to an FBA location.
   */
  domesticUnits: number;
  /**
   * Units at each 3PL that has a known route to one of the SKU's FBA locations (PlanSeriesInput.near):
   * its lines ship from there first. They count in the buy position as home stock does. Absent: none.
   */
  nearUnits?: readonly NearStock[];
  /** Units on open purchase orders, by expected day. */
  onOrder: readonly { day: number; units: number }[];
  /**
   * Units in transit that no ship line of the SKU counts: to the domestic warehouse or a 3PL, or to an
   * FBA location where the SKU has no series yet (a first shipment to a new marketplace). They are
   * the network's, so the buy position counts them. Absent = 0.
   */
  otherInboundUnits?: number;
  /** Lead time of buying: production (+ getting to the domestic warehouse). */
  buyLeadTime: LeadTime;
  /** A forced forecast method (the seller's override), else chosen by backtest. */
  method?: ForecastMethod;
  /** One unit's volume in cubic feet; absent or null without a package size (a volume limit cannot cut it). */
  unitVolumeCubicFeet?: number | null;
  /** Amazon storage type, whose cubic-feet limit applies; absent = standard. */
  storageType?: StorageType;
}

export interface PlanSeriesInput {
  /** Index into history.series. */
  seriesIndex: number;
  /** Ship-leg lead times by sea and by air to this location (handling + transport + receiving). */
  sea: LeadTime;
  air: LeadTime;
  /** 3PLs with a known route to this location, shortest leg first. Absent: none. */
  near?: readonly NearOrigin[];
  /** Open shipments to this location: units and arrival day (ETA + receiving). */
  inbound: readonly { day: number; units: number }[];
  /** Reserved units at FBA (not available to sell), when a snapshot says. */
  reservedUnits: number;
  /** Day number of the Reserved Inventory report they come from; absent (NaN on the line) without one. */
  reservedAsOfDay?: number;
  /** Per-day demand factors over history and horizon (events), history.days + horizonDays long; absent = 1. */
  eventFactors?: Float32Array;
  /** Amazon's Restock recommendation, when a Restock report was imported. */
  amazonRecommendedUnits: number | null;
  /**
   * The seller's own forecast for this SKU × marketplace (shared/planning/forecastRates.ts): units
   * per day from tomorrow to untilDay (a day number, inclusive; Infinity: no end), in place of the
   * computed forecast on those days. Absent: none.
   */
  rateOverride?: RateOverride;
}

/** One SKU's sales at one of the seller's own warehouses (domestic, 3PL): a series of PlanInput.own.history. */
export interface PlanOwnSeriesInput {
  /** Index into own.history.series. */
  seriesIndex: number;
  /** Per-day demand factors over history and horizon (events), own.history.days + horizonDays long; absent = 1. */
  eventFactors?: Float32Array;
}

/** Series of a history, by SKU id, as the forecast reads them (index and event factors). */
type SeriesBySku = ReadonlyMap<number, readonly Pick<PlanSeriesInput, 'seriesIndex' | 'eventFactors'>[]>;

export interface PlanInput {
  settings: PlanSettings;
  history: DemandHistory;
  skus: readonly PlanSkuInput[];
  /** Per SKU id: its FBA series. */
  series: ReadonlyMap<number, readonly PlanSeriesInput[]>;
  /**
   * Demand at the seller's own warehouses (PRODUCT §4.1: sales recorded at a domestic warehouse or a
   * 3PL), per SKU id its series of `history` (its own, built as the FBA one is). They make no ship
   * line (nothing goes to FBA for them); their forecast adds to the SKU's buy line and keeps home
   * stock back from its ship lines. Absent: none.
   */
  own?: { history: DemandHistory; series: ReadonlyMap<number, readonly PlanOwnSeriesInput[]> };
  /** FBA capacity per location in units (null = no limit); when short, A items first. */
  capacityUnits: ReadonlyMap<number, number | null>;
  /** FBA capacity per location in cubic feet per storage type (absent: none); applies beside the units limit. */
  capacityCubicFeet?: ReadonlyMap<number, CubicFeetByStorageType>;
  /**
   * Units at or on their way to FBA locations that no ship line counts: in transit where the SKU has
   * no series, or held by a SKU the plan leaves out (archived). They take FBA capacity room all the
   * same. A SKU not in `skus` gives its unit volume and storage type here (else its room in cubic
   * feet is not known). Absent = none.
   */
  unlinedFbaInbound?: readonly { skuId: number; locationId: number; units: number; unitVolumeCubicFeet?: number | null; storageType?: StorageType }[];
  /** What-if: arrivals of open shipments later by this many days; demand × (1 + uplift) on days in range. */
  whatIf?: { delayDays?: number; uplift?: { fromDay: number; toDay: number; fraction: number } };
}

/** One SKU at one FBA location: every number of the plan with the inputs that produced it. */
export interface ShipLine {
  skuId: number;
  locationId: number;
  marketplace: string;
  abc: AbcClass;
  method: ForecastMethod;
  /** True when the method is the seller's override rather than the backtest's choice. */
  methodForced: boolean;
  /** Backtest errors of the chosen method (NaN when the history was too short or the method was forced). */
  wape: number;
  mase: number;
  /**
   * The demand pattern the backtest's candidates came from (shared/domain/demandClass.ts): weeks
   * per week with demand (ADI) and the CV² of the weeks with demand; NaN when no backtest ran (the
   * method was forced, or the series never sold).
   */
  demandInterval: number;
  demandCv2: number;
  /**
   * The catalog's season over the lead time and review period against the last 4 weeks of history
   * (shared/planning/catalogSeason.ts): 1.4 means the catalog sells 40% more then; 1 with no season.
   */
  seasonFactor: number;
  /**
   * The SKU's own yearly wave over the same days against its last 4 weeks (shared/planning/skuSeason.ts),
   * on top of the catalog's: 1.5 means this SKU sells 50% more then; 1 with no season of its own.
   */
  skuSeasonFactor: number;
  /**
   * The seller's own forecast in units per day and the last day number it applies (Infinity: no
   * end); NaN both when there is none or it has ended. While it applies, it replaces the computed
   * forecast (method, errors and seasons above are the computed one's) and sdDaily is scaled to it.
   */
  rateOverride: number;
  rateOverrideUntilDay: number;
  /**
   * Forecast units per day over the lead time and review period (their sum ÷ their days' weekly-season
   * factors, so the weekdays they hold do not move it) and its spread: the spread of the daily sales of
   * the last half-year; under the seller's rate, the rate's spread (sdUnderRate) on the days it
   * covers and that one on the rest.
   */
  dailyDemand: number;
  sdDaily: number;
  z: number;
  serviceLevel: number;
  seaLeadDays: number;
  seaLeadSdDays: number;
  airLeadDays: number;
  onHand: number;
  inboundUnits: number;
  reservedUnits: number;
  /** Day number of the Reserved Inventory report reservedUnits come from (NaN: none imported). */
  reservedAsOfDay: number;
  position: number;
  /**
   * Forecast units over the sea lead time (round(L) days ahead) and over it and the review period:
   * the sums the reorder point and order-up-to level add safety stock to.
   */
  leadDemand: number;
  coverDemand: number;
  safetyStock: number;
  reorderPoint: number;
  orderUpTo: number;
  floorUnits: number;
  /** The floor in days of supply that made floorUnits (the seller's plan setting). */
  floorDays: number;
  /**
   * Inbound units that land after a sea shipment sent today would (or past the horizon): they count
   * from the day they arrive, so the sea quantity takes the position at landing without them and
   * coverNeedUnits, the most the stock falls short of safety stock until the end of the review
   * period. Without late inbound, 0 and T − position.
   */
  lateInboundUnits: number;
  coverNeedUnits: number;
  /** Units to ship by sea and by air (air only for the bridge), after case pack and capacity. */
  shipSea: number;
  shipAir: number;
  /** Cut by the FBA capacity limits (units that wait at home): the units limit and the cubic-feet limit together. */
  cutByCapacity: number;
  /** Of cutByCapacity, the units the cubic-feet limit of the line's storage type cut. */
  cutByCubicFeet: number;
  /** The SKU's storage type and one unit's volume in cubic feet (NaN: no package size). */
  storageType: StorageType;
  unitVolumeCubicFeet: number;
  /**
   * Room left at the FBA location when the capacity step reached this line: in units, and in cubic
   * feet of its storage type. NaN where there is no such limit or the line wanted nothing.
   */
  capacityRoomUnits: number;
  capacityRoomCubicFeet: number;
  /** Wanted but not at home to ship (the buy line brings them). */
  shortAtHome: number;
  /**
   * Shipping from a 3PL near the FBA location (PlanSeriesInput.near): the 3PL (NaN: none holds the
   * SKU on a leg shorter than sea), its leg in days, the units the line needs from it (order-up-to
   * over that leg, d·(Lₙ + R) + SSₙ, or the floor, less the position then, in case packs), the units
   * it ships (at most what the 3PL holds; capacity cuts them after sea), the 3PL's units left there
   * but counted against the sea need (they go to FBA later, so home does not send them again), and
   * the ship-by day for the 3PL (below safety stock or the floor less its leg). Home's shipSea and
   * shipAir are what is still needed after the 3PL: its units replace air where its leg is no longer
   * than air's, else sea.
   */
  nearLocationId: number;
  nearLeadDays: number;
  nearNeedUnits: number;
  shipNear: number;
  nearCountedUnits: number;
  nearShipByDay: number;
  /**
   * Stock kept back from the SKU's ship lines for its sales at the seller's own warehouses: their
   * forecast until the next purchase can reach home, in whole units, out of the near 3PL's stock where
   * those sales happen there and home's for the rest, at most what each holds. 0 without such sales.
   */
  heldForOwnSales: number;
  /** Day numbers; NaN when none within the horizon. */
  stockoutDay: number;
  shipByDay: number;
  amazonRecommendedUnits: number | null;
}

export interface BuyLine {
  skuId: number;
  supplierId: number | null;
  abc: AbcClass;
  /** Every marketplace's d (its ship line's) plus ownDailyDemand; σd is √ of the sum of their variances. */
  dailyDemand: number;
  sdDaily: number;
  /**
   * Of dailyDemand, the sales forecast at the seller's own warehouses (domestic, 3PL), per day over
   * production and the review period (they need no sea leg); 0 without such sales.
   */
  ownDailyDemand: number;
  leadDays: number;
  leadSdDays: number;
  /** Of leadDays, production (the supplier's days to the domestic warehouse): when a new order reaches the network. */
  productionDays: number;
  z: number;
  networkPosition: number;
  /** Of networkPosition, units in transit that no ship line counts (to a 3PL, home, or a marketplace the SKU has not sold in yet). */
  otherInboundUnits: number;
  /** Network forecast over the buy lead time, and over it and the review period (beyond the horizon, its last week's mean a day carries on). */
  leadDemand: number;
  coverDemand: number;
  safetyStock: number;
  reorderPoint: number;
  orderUpTo: number;
  /** Before rounding, then after case pack and MOQ. */
  rawQty: number;
  buyQty: number;
  casePack: number;
  moq: number;
  orderByDay: number;
  /**
   * The projected stockout if nothing new is bought (PRODUCT §4.4), a day number: the first day the
   * network's stock, from networkOnHand with each open PO added on the day it is expected (an overdue
   * one tomorrow), no longer covers the forecast of every marketplace (at or below 0, with demand that
   * day, as a ship line's stockoutDay). NaN when it lasts the horizon, or nothing is forecast. A
   * shipment moves units between the network's places, so it neither adds nor takes any, and a
   * what-if delay leaves this as it leaves the buy line's other figures.
   */
  stockoutDay: number;
  /** Of networkPosition, what the network holds now: home (domestic and 3PL), FBA less reserved, and in transit between them. */
  networkOnHand: number;
  /** Units arriving from open POs, and the network's forecast, from tomorrow through stockoutDay (through the horizon's last day when none). */
  stockoutArrivals: number;
  stockoutDemand: number;
  /** Forecast units over the next FORECAST_SUMMARY_DAYS days, every FBA marketplace of the SKU and its own warehouses' sales summed (the supplier sheet shows it). */
  forecast30Units: number;
}

/** Days the buy line's forecast summary (forecast30Units) covers, from tomorrow. */
export const FORECAST_SUMMARY_DAYS = 30;

export interface Plan {
  ship: ShipLine[];
  buy: BuyLine[];
}

const roundUpTo = (units: number, pack: number) => (units <= 0 ? 0 : pack > 1 ? Math.ceil(units / pack - 1e-9) * pack : Math.ceil(units - 1e-9));

/** Scratch buffers reused across series: allocating typed arrays per series costs more than the math. */
export interface ForecastScratch {
  /** historyWeeks long. */
  weekly: Float64Array;
  /** One value per week of the horizon (⌈horizonDays ÷ 7⌉). */
  path: Float64Array;
  /** Filled with the daily spread over the last SPREAD_DAYS of history, read in the same pass. */
  spread: DailySpread;
  /** Weeks of `path` the last forecast filled (0: the series never sold, nothing ahead). */
  pathLength: number;
  /** The SKU's own season's index over the history's weeks and the weeks ahead. */
  seasonPast: Float64Array;
  seasonAhead: Float64Array;
}

/** Days of history the daily spread (σd of the safety stock) is measured over: the last half-year. */
export const SPREAD_DAYS = 182;

export function forecastScratch(settings: Pick<PlanSettings, 'historyWeeks' | 'horizonDays'>): ForecastScratch {
  const weeksAhead = Math.ceil(settings.horizonDays / 7);
  return {
    weekly: new Float64Array(settings.historyWeeks),
    path: new Float64Array(weeksAhead),
    spread: { mean: 0, sd: 0, inStockDays: 0 },
    pathLength: 0,
    seasonPast: new Float64Array(settings.historyWeeks),
    seasonAhead: new Float64Array(weeksAhead),
  };
}

/** The method a series' forecast used, its backtest errors, and (when the backtest chose it) the demand pattern it chose among. */
export interface SeriesSelection {
  method: ForecastMethod;
  wape: number;
  mase: number;
  interval?: number;
  cv2?: number;
  /** The SKU's own yearly wave, taken out of its weeks and put back into its forecast. */
  season: SkuSeason;
}

/**
 * The forecast of one series per day over the horizon, into `daily`: weekly rates (stockout days
 * left out, known event uplift removed from history), the method chosen by backtest (or forced),
 * its weekly path spread over each week's days by its marketplace's weekly season (evenly without
 * one), then events and the what-if uplift on the
 * days they cover. Returns the method and its backtest errors. With `scratch`, its buffers are used
 * and scratch.spread gets the daily spread of the same series.
 */
export function forecastSeries(
  input: ForecastInput,
  series: Pick<PlanSeriesInput, 'seriesIndex' | 'eventFactors' | 'rateOverride'>,
  forcedMethod: ForecastMethod | undefined,
  daily: Float32Array,
  scratch?: ForecastScratch,
): SeriesSelection {
  const { settings, history } = input;
  const horizon = daily.length;
  const weeksAhead = Math.ceil(horizon / 7);
  const factors = series.eventFactors;
  // Factors that are all 1 over the history (an event ahead only) divide nothing: the week sums serve.
  const historyFactor = factors && !allEqualTo(factors, history.days, 1) ? factors.subarray(0, history.days) : undefined;
  const rates = scratch
    ? weeklyRatesAndSpread(history, series.seriesIndex, settings.historyWeeks, Math.min(history.days, SPREAD_DAYS), historyFactor, scratch.weekly, scratch.spread)
    : weeklyRates(history, series.seriesIndex, settings.historyWeeks, historyFactor);
  // The catalog's season comes out of the weeks before the method reads them, and goes back into the
  // weeks it forecasts (shared/planning/catalogSeason.ts); unknown weeks are filled after, in step.
  const season = catalogSeasonOfPlan(input);
  const seasonal = season.weight > 0;
  const aligned = seasonal ? alignedSeason(season, rates.length, weeksAhead) : null;
  if (aligned) for (let w = 0; w < rates.length; w++) rates[w] = rates[w]! / aligned.past[w]!;
  // The SKU's own yearly wave (shared/planning/skuSeason.ts), read from its known weeks with the
  // catalog's season out, comes out too, and goes back into the weeks it forecasts.
  const own = skuSeasonOf(rates);
  let ownAhead: Float64Array | null = null;
  if (own.weight > 0) {
    const ownPast = scratch && scratch.seasonPast.length === rates.length ? scratch.seasonPast : new Float64Array(rates.length);
    ownAhead = scratch && scratch.seasonAhead.length === weeksAhead ? scratch.seasonAhead : new Float64Array(weeksAhead);
    fillSkuSeasonIndices(own, ownPast, ownAhead);
    for (let w = 0; w < rates.length; w++) rates[w] = rates[w]! / ownPast[w]!;
  }
  const weekly = fillUnknownWeeks(rates);
  // A series that never sold needs no backtest: it forecasts nothing.
  let sold = false;
  for (let w = 0; w < weekly.length && !sold; w++) sold = weekly[w]! > 0;
  let selection: SeriesSelection;
  let path: Float64Array | number[];
  if (forcedMethod) {
    selection = { method: forcedMethod, wape: Number.NaN, mase: Number.NaN, interval: Number.NaN, cv2: Number.NaN, season: own };
    path = forecastPath(forcedMethod, weekly, weeksAhead, 52);
  } else if (!sold) {
    selection = { method: 'ma', wape: Number.NaN, mase: Number.NaN, interval: Number.NaN, cv2: Number.NaN, season: own };
    path = [];
  } else {
    // The backtest's final states give the chosen method's path without refitting it.
    const out = scratch && scratch.path.length === weeksAhead ? scratch.path : new Float64Array(weeksAhead);
    const pattern = demandPattern(weekly);
    const score = backtestForecast(weekly, { horizon: settings.backtestHorizonWeeks, folds: settings.backtestFolds, seasonLength: 52, candidates: DEMAND_CLASS_CANDIDATES[pattern.demandClass] }, out);
    // Built field by field, every branch with the same fields: one object shape for 10,000+ series
    // (the spread and the branches' two shapes made the lines' reads of it polymorphic).
    selection = { method: score.method, wape: score.wape, mase: score.mase, interval: pattern.interval, cv2: pattern.cv2, season: own };
    path = out;
  }
  if (aligned) for (let h = 0; h < path.length && h < aligned.ahead.length; h++) path[h] = path[h]! * aligned.ahead[h]!;
  if (ownAhead) for (let h = 0; h < path.length && h < ownAhead.length; h++) path[h] = path[h]! * ownAhead[h]!;
  if (scratch) {
    // The scratch path holds what was forecast, for a caller that keeps it (buildPlan's what-if reuse).
    if (path !== scratch.path && path.length > 0 && path.length <= scratch.path.length) scratch.path.set(path);
    scratch.pathLength = path.length <= scratch.path.length ? path.length : 0;
  }
  dailyFromPath(input, series, path, path.length, daily);
  return selection;
}

/** The catalog's season of each plan input's series, kept per series map (a what-if and a line's chart reuse the plan's). */
const seasonBySeriesInput = new WeakMap<SeriesBySku, { history: DemandHistory; season: CatalogSeason }>();

/**
 * The catalog's season a plan reads: from every series' weeks with the known past events taken out
 * of the series they fall on (as each series' own forecast reads them), so a promotion entered for
 * past years and the next one is not counted twice, once learnt as a season and once as the event.
 * Without series (or with no event in the past), the history's own (catalogSeasonOf).
 */
function catalogSeasonOfPlan(input: PlanHistoryInput): CatalogSeason {
  const { history, series } = input;
  if (series === undefined) return catalogSeasonOf(history);
  const kept = seasonBySeriesInput.get(series);
  if (kept?.history === history) return kept.season;
  const factors = pastEventFactors(history, series);
  const weeks = Math.ceil(history.days / 7);
  const season = factors.size === 0 ? catalogSeasonOf(history) : catalogSeasonOfRates(history.series.length, weeks, (s, out) => weeklyRates(history, s, weeks, factors.get(s), out));
  seasonBySeriesInput.set(series, { history, season });
  return season;
}

/** What the seasons of a plan read: its history, and its series (with their event factors) when there are any. */
type PlanHistoryInput = { history: DemandHistory; series?: SeriesBySku };

/** What a series' forecast reads: a plan's settings, history and what-if, and the history's series (with their event factors) when there are any. */
type ForecastInput = Pick<PlanInput, 'settings' | 'history' | 'whatIf'> & { series?: SeriesBySku };

const pastFactorsBySeriesInput = new WeakMap<SeriesBySku, { history: DemandHistory; factors: ReadonlyMap<number, Float32Array> }>();

/** Per series index, the event factors over the history's days of the series a past event falls on (kept per series map). */
function pastEventFactors(history: DemandHistory, series: SeriesBySku): ReadonlyMap<number, Float32Array> {
  const kept = pastFactorsBySeriesInput.get(series);
  if (kept?.history === history) return kept.factors;
  const factors = new Map<number, Float32Array>();
  for (const list of series.values()) {
    for (const entry of list) {
      const f = entry.eventFactors;
      if (f && !allEqualTo(f, history.days, 1)) factors.set(entry.seriesIndex, f.subarray(0, history.days));
    }
  }
  pastFactorsBySeriesInput.set(series, { history, factors });
  return factors;
}

/**
 * The catalog season's index of each week of a weekly window (oldest first) and of the weeks ahead,
 * made once per season and shape; the last two kept (a plan's FBA history and its own warehouses').
 */
type AlignedSeason = { season: CatalogSeason; weeks: number; weeksAhead: number; past: Float64Array; ahead: Float64Array };
let lastAligned: AlignedSeason | null = null;
let otherAligned: AlignedSeason | null = null;
function alignedSeason(season: CatalogSeason, weeks: number, weeksAhead: number): { past: Float64Array; ahead: Float64Array } {
  if (lastAligned?.season === season && lastAligned.weeks === weeks && lastAligned.weeksAhead === weeksAhead) return lastAligned;
  let aligned: AlignedSeason;
  if (otherAligned?.season === season && otherAligned.weeks === weeks && otherAligned.weeksAhead === weeksAhead) aligned = otherAligned;
  else {
    const past = new Float64Array(weeks);
    for (let w = 0; w < weeks; w++) past[w] = season.index[positionOf(weeks - 1 - w)]!;
    const ahead = new Float64Array(weeksAhead);
    for (let h = 0; h < weeksAhead; h++) ahead[h] = season.index[positionOf(-1 - h)]!;
    aligned = { season, weeks, weeksAhead, past, ahead };
  }
  otherAligned = lastAligned;
  lastAligned = aligned;
  return aligned;
}

/**
 * A weekly path (its first `pathLength` weeks from `pathOffset`; none: nothing) spread over each
 * week's days, the seller's rate in its place on the days it covers, then events and the what-if uplift.
 */
function dailyFromPath(
  input: ForecastInput,
  series: Pick<PlanSeriesInput, 'seriesIndex' | 'eventFactors' | 'rateOverride'>,
  path: ArrayLike<number>,
  pathLength: number,
  daily: Float32Array,
  pathOffset = 0,
): void {
  const { settings, history, whatIf } = input;
  const horizon = daily.length;
  const factors = series.eventFactors;
  // The seller's rate, where there is one, replaces the forecast on its days (to untilDay).
  const rateDays = series.rateOverride ? Math.max(0, Math.min(horizon, series.rateOverride.untilDay - settings.todayDay)) : 0;
  const rate = series.rateOverride?.unitsPerDay ?? 0;
  // One value per week (the last week of the path carries on; none: nothing), over that week's days:
  // as its marketplace sells over the days of the week where it shows a weekly season, else evenly.
  // Each week of the horizon starts on the same day of the week as the first, so one set of 7
  // factors serves them all.
  const weekday = pathLength > 0 || rateDays > 0 ? weekdayFactorsOfSeries(input, settings.todayDay + 1, series.seriesIndex) : null;
  for (let from = 0, week = 0; from < horizon; from += 7, week++) {
    const perDay = pathLength === 0 ? 0 : Math.max(0, path[pathOffset + Math.min(pathLength - 1, week)] ?? 0) / 7;
    const to = Math.min(horizon, from + 7);
    for (let d = from; d < to; d++) {
      const base = d < rateDays ? rate : perDay;
      daily[d] = weekday === null ? base : base * weekday[d - from]!;
    }
  }
  if (factors || whatIf?.uplift) {
    const historyEnd = history.firstDay + history.days - 1;
    for (let d = 0; d < horizon; d++) {
      const day = settings.todayDay + 1 + d;
      let f = factors ? (factors[history.days + (day - historyEnd - 1)] ?? 1) : 1;
      if (whatIf?.uplift && day >= whatIf.uplift.fromDay && day <= whatIf.uplift.toDay) f *= 1 + whatIf.uplift.fraction;
      daily[d] = daily[d]! * f;
    }
  }
}

interface WeekdayFactorsKept {
  history: DemandHistory;
  series: SeriesBySku | undefined;
  firstDay: number;
  seasons: WeekdaySeasons;
  factors: (Float64Array | null)[];
}
/**
 * Per marketplace of the last history asked about, its weekly season's 7 factors from the first day
 * ahead (null: none); and of the one before (a plan asks of its FBA history and its own warehouses'
 * in turn, SKU by SKU).
 */
let lastWeekdayFactors: WeekdayFactorsKept | null = null;
let otherWeekdayFactors: WeekdayFactorsKept | null = null;

const keptFor = (kept: WeekdayFactorsKept | null, input: PlanHistoryInput, firstDay: number) => kept !== null && kept.history === input.history && kept.series === input.series && kept.firstDay === firstDay;

/** The 7 factors (day firstDay + j, j = 0…6) of series s's marketplace's weekly season; null when it has none. */
function weekdayFactorsOfSeries(input: PlanHistoryInput, firstDay: number, s: number): Float64Array | null {
  // Asked twice per line of a plan on the same input: the seasons are looked up again only for another.
  let last = lastWeekdayFactors;
  if (!keptFor(last, input, firstDay)) {
    if (keptFor(otherWeekdayFactors, input, firstDay)) last = otherWeekdayFactors!;
    else {
      const seasons = weekdaySeasonsOfPlan(input);
      last = { history: input.history, series: input.series, firstDay, seasons, factors: seasons.seasons.map((season) => (season.weight > 0 ? weekdayFactorsFrom(season, firstDay) : null)) };
    }
    otherWeekdayFactors = lastWeekdayFactors;
    lastWeekdayFactors = last;
  }
  return last!.factors[last!.seasons.marketplaceOf[s]!] ?? null;
}

/** The weekly season a plan reads: with the series' past events left out of it (weekdaySeasonsOf). */
export function weekdaySeasonsOfPlan(input: PlanHistoryInput): WeekdaySeasons {
  return weekdaySeasonsOf(input.history, input.series === undefined ? undefined : pastEventFactors(input.history, input.series));
}

/**
 * Every series' forecast of one plan input, before events ahead and the what-if: its weekly path,
 * method, backtest errors and daily spread. A what-if reruns the plan on the same input objects with
 * arrivals delayed or demand raised, which changes none of these, so buildPlan keeps them per
 * history and reuses them when history, SKUs (with their overrides), series and settings are the
 * very same objects; a new replan builds new ones, so it always recomputes.
 */
interface SeriesForecasts {
  skus: readonly PlanSkuInput[];
  series: SeriesBySku;
  settings: PlanSettings;
  weeksAhead: number;
  /**
   * Each series' path from pathStart[s], pathLength[s] weeks (a flat path as its one week, which
   * dailyFromPath carries on), one after the other: the pages of a fresh buffer cost a fault each
   * on first write, and most paths are flat.
   */
  path: Float64Array;
  pathStart: Int32Array;
  pathLength: Int32Array;
  /** Values of `path` written so far. */
  pathUsed: number;
  /** Index into FORECAST_METHODS (the column's own code, so no line looks a name up). */
  method: Uint8Array;
  wape: Float64Array;
  mase: Float64Array;
  /** Demand pattern (ADI, CV²) of the weeks the method was chosen on; NaN where none was chosen. */
  interval: Float64Array;
  cv2: Float64Array;
  /** Mean and standard deviation of the daily sales on in-stock days of the last SPREAD_DAYS. */
  meanDaily: Float64Array;
  sdDaily: Float64Array;
  /** The SKU's own yearly wave (SkuSeason's cos and sin; both 0: none). */
  seasonCos: Float64Array;
  seasonSin: Float64Array;
}

const forecastsByHistory = new WeakMap<DemandHistory, SeriesForecasts>();

/** The plan as line objects (see buildPlanColumns, which it unpacks). */
export function buildPlan(input: PlanInput): Plan {
  return unpackPlan(buildPlanColumns(input));
}

/** Where a run's series forecasts come from and go: the input they read, the forecasts kept for them, whether those are reused. */
interface ForecastSource {
  input: ForecastInput;
  forecasts: SeriesForecasts;
  reuse: boolean;
}

/** The seller's own warehouses' demand in a run (PlanInput.own): its forecasts, and per SKU (input order) its series. */
interface OwnRun extends ForecastSource {
  seriesOfSku: (readonly PlanOwnSeriesInput[])[];
  /**
   * Per SKU (input order): home stock its ship lines leave for these sales, at the domestic
   * warehouse(s) and 3PLs with no route (`held`) and at each near 3PL (`heldNear`, null: none there).
   * ShipLine.heldForOwnSales shows the two together.
   */
  held: Float64Array;
  heldNear: (NearStock[] | null)[];
}

/** What one run of the plan shares between its series and SKUs (its FBA series' ForecastSource). */
interface PlanRun extends ForecastSource {
  input: PlanInput;
  settings: PlanSettings;
  horizon: number;
  /** What-if delay of open shipments, days. */
  delay: number;
  /** Own-warehouse demand; null without any. */
  own: OwnRun | null;
  /** The SKU being planned: its own warehouses' d (the sum of its series') and σd² (the sum of theirs). */
  ownDaily: number;
  ownVariance: number;
  scratch: ForecastScratch;
  /** Per series index: the marketplace's index in the ship columns. */
  marketplaceOf: Uint16Array;
  /** Forecast per day of the series being planned, and of the SKU's network so far. */
  daily: Float32Array;
  networkForecast: Float32Array;
  /** Arrivals per step of the series being planned (zeros between series). */
  arrivals: Float64Array;
  /** Catalog season index summed over the first k days ahead (k = 0..horizon), and its mean over the last 28 days. */
  seasonAhead: Float64Array;
  seasonRecent: number;
  /** What projectStock and leadAndCover hand back, reused so no call allocates. */
  steps: Int32Array;
  sums: Float64Array;
  /** The SKU being planned, as its ship lines write it: class index, z and service level, 1 when its method is forced, storage type index, unit volume (NaN: unknown). */
  skuAbc: number;
  skuZ: number;
  skuServiceLevel: number;
  skuForced: number;
  skuStorageType: number;
  skuUnitVolume: number;
  ship: Record<ShipNumber, Float64Array>;
  shipColumns: ShipColumns;
  buy: Record<BuyNumber, Float64Array>;
  buyColumns: BuyColumns;
}

/**
 * The plan, written straight into typed-array columns (shared/planning/planColumns.ts): no line
 * objects are made, so at 10,000 SKUs the compute allocates almost nothing, and the columns move to
 * the page without a copy. Ship lines come per SKU (in input order), then per series of that SKU.
 */
export function buildPlanColumns(input: PlanInput, phases?: PlanPhaseTimings): PlanColumns {
  const { settings, history } = input;
  const horizon = settings.horizonDays;
  const started = phases?.now() ?? 0;

  // ABC by the value sold over the last 365 days of history, at FBA and at the seller's own warehouses
  // (PRODUCT §6: 12-month COGS, or units where the seller chose them), per SKU in input order, at the
  // seller's thresholds.
  const classes = abcClassIndexes(lastYearValues(input, settings.abc?.basis ?? 'cogs'), settings.abc?.cutoffs);
  const abcDone = phases?.now() ?? 0;
  const zOf: Record<AbcClass, number> = { A: zForServiceLevel(settings.serviceLevel.A), B: zForServiceLevel(settings.serviceLevel.B), C: zForServiceLevel(settings.serviceLevel.C) };

  const scratch = forecastScratch(settings);
  const weeksAhead = scratch.path.length;
  // Each SKU's series looked up once (a Map lookup per SKU is a cost at 10,000 SKUs).
  const seriesOfSku = input.skus.map((sku) => input.series.get(sku.skuId) ?? NO_SERIES);
  let shipCount = 0;
  for (const list of seriesOfSku) shipCount += list.length;
  const { forecasts, reuse } = seriesForecastsOf(history, input.series, input.skus, settings, weeksAhead, shipCount);

  const columns = emptyPlanColumns(shipCount, input.skus.length);
  const marketplaceIndex = marketplaceIndexer(columns.ship.marketplaces);
  const run: PlanRun = {
    input,
    settings,
    horizon,
    delay: input.whatIf?.delayDays ?? 0,
    forecasts,
    reuse,
    own: ownRunOf(input, weeksAhead),
    ownDaily: 0,
    ownVariance: 0,
    scratch,
    marketplaceOf: marketplaceIndexes(history, marketplaceIndex),
    daily: new Float32Array(horizon),
    networkForecast: new Float32Array(horizon),
    arrivals: new Float64Array(horizon + 1),
    ...seasonSums(history, input.series, horizon),
    steps: new Int32Array(2),
    sums: new Float64Array(2),
    skuAbc: 0,
    skuZ: 0,
    skuServiceLevel: 0,
    skuForced: 0,
    skuStorageType: 0,
    skuUnitVolume: Number.NaN,
    ship: shipNumberViews(columns.ship),
    shipColumns: columns.ship,
    buy: buyNumberViews(columns.buy),
    buyColumns: columns.buy,
  };

  // The capacity step writes the room it finds; a line it never reaches keeps NaN (no limit).
  run.ship.capacityRoomUnits.fill(Number.NaN);
  run.ship.capacityRoomCubicFeet.fill(Number.NaN);
  const zByClass = ABC_CLASSES.map((cls) => zOf[cls]);
  const serviceLevelByClass = ABC_CLASSES.map((cls) => settings.serviceLevel[cls]);
  let line = 0;
  const skuOfLine = new Int32Array(shipCount);
  for (let b = 0; b < input.skus.length; b++) {
    const sku = input.skus[b]!;
    const abc = classes[b]!;
    run.skuAbc = abc;
    run.skuZ = zByClass[abc]!;
    run.skuServiceLevel = serviceLevelByClass[abc]!;
    run.skuForced = sku.method !== undefined ? 1 : 0;
    run.skuStorageType = STORAGE_TYPE_INDEX[sku.storageType ?? 'standard'];
    run.skuUnitVolume = positiveOrNaN(sku.unitVolumeCubicFeet);
    const skuSeries = seriesOfSku[b]!;
    // The network's daily forecast is the sum of its series' (the first one is copied, 0 + x = x).
    if (skuSeries.length === 0) run.networkForecast.fill(0);
    const firstLine = line;
    for (let k = 0; k < skuSeries.length; k++) {
      writeShipLine(run, sku, skuSeries[k]!, line);
      skuOfLine[line] = b;
      if (k === 0) run.networkForecast.set(run.daily);
      else addInto(run.networkForecast, run.daily, horizon);
      line++;
    }
    run.ownDaily = 0;
    run.ownVariance = 0;
    const ownSeries = run.own === null ? NO_OWN_SERIES : run.own.seriesOfSku[b]!;
    if (ownSeries.length > 0) addOwnDemand(run, run.own!, sku, ownSeries, firstLine, line, b);
    writeBuyLine(run, sku, skuSeries, firstLine, line, b);
  }

  const linesDone = phases?.now() ?? 0;
  applyDomesticAndCapacity(input, run.ship, columns.ship, skuOfLine, run.own);
  // A line that ships nothing from its 3PL has no date to ship from it by.
  for (let i = 0; i < shipCount; i++) if (!(run.ship.shipNear[i]! > 0)) run.ship.nearShipByDay[i] = Number.NaN;
  if (phases) {
    phases.abcMs = abcDone - started;
    phases.linesMs = linesDone - abcDone;
    phases.capacityMs = phases.now() - linesDone;
  }
  return columns;
}

/**
 * The forecasts kept for a history's series when this run may reuse them (a what-if on the very
 * inputs of the last plan), else new ones to fill (with room for `pathSeries` paths in full), kept.
 */
function seriesForecastsOf(history: DemandHistory, series: SeriesBySku, skus: readonly PlanSkuInput[], settings: PlanSettings, weeksAhead: number, pathSeries: number): { forecasts: SeriesForecasts; reuse: boolean } {
  const kept = forecastsByHistory.get(history);
  if (kept !== undefined && kept.skus === skus && kept.series === series && kept.settings === settings && kept.weeksAhead === weeksAhead) return { forecasts: kept, reuse: true };
  const count = history.series.length;
  const forecasts: SeriesForecasts = {
    skus,
    series,
    settings,
    weeksAhead,
    // Room for every series' path in full; only what is written is ever touched.
    path: new Float64Array(pathSeries * weeksAhead),
    pathStart: new Int32Array(count),
    pathLength: new Int32Array(count),
    pathUsed: 0,
    method: new Uint8Array(count),
    wape: new Float64Array(count),
    mase: new Float64Array(count),
    interval: new Float64Array(count),
    cv2: new Float64Array(count),
    meanDaily: new Float64Array(count),
    sdDaily: new Float64Array(count),
    seasonCos: new Float64Array(count),
    seasonSin: new Float64Array(count),
  };
  forecastsByHistory.set(history, forecasts);
  return { forecasts, reuse: false };
}

const NO_NEAR_STOCK: readonly NearStock[] = [];

/** The run's own-warehouse demand: null without any series of it (the usual seller: nothing to do per SKU). */
function ownRunOf(input: PlanInput, weeksAhead: number): OwnRun | null {
  const own = input.own;
  if (own === undefined || own.history.series.length === 0 || own.series.size === 0) return null;
  const seriesOfSku = input.skus.map((sku) => own.series.get(sku.skuId) ?? NO_OWN_SERIES);
  let count = 0;
  for (const list of seriesOfSku) count += list.length;
  if (count === 0) return null;
  const { forecasts, reuse } = seriesForecastsOf(own.history, own.series, input.skus, input.settings, weeksAhead, count);
  const ownInput: ForecastInput = { settings: input.settings, history: own.history, series: own.series, ...(input.whatIf ? { whatIf: input.whatIf } : {}) };
  return { input: ownInput, forecasts, reuse, seriesOfSku, held: new Float64Array(input.skus.length), heldNear: new Array<NearStock[] | null>(input.skus.length).fill(null) };
}

/**
 * SKU `b`'s sales at the seller's own warehouses: each series forecast as an FBA one is (the SKU's
 * forced method too, events and the what-if uplift on its days), added into run.networkForecast; its d
 * over production + the buy review period (the days the stock it needs is bought for; it takes no sea
 * leg) into run.ownDaily and its σd² into run.ownVariance. Home stock its ship lines (firstLine…endLine − 1)
 * leave for them: their forecast until the next purchase can reach home (the first open PO, else
 * production), in whole units, at most what is at home; each line shows it.
 */
function addOwnDemand(run: PlanRun, own: OwnRun, sku: PlanSkuInput, ownSeries: readonly PlanOwnSeriesInput[], firstLine: number, endLine: number, b: number): void {
  const { settings, horizon, daily, networkForecast } = run;
  const cover = Math.min(horizon, Math.max(0, Math.round(sku.buyLeadTime.meanDays)) + settings.buyReviewDays);
  // Home stock stays for these sales until the next purchase can reach home: the first open PO's day
  // (an overdue one tomorrow), else a PO placed today, after production.
  let heldDays = Math.max(0, Math.round(sku.buyLeadTime.meanDays));
  for (let j = 0; j < sku.onOrder.length; j++) heldDays = Math.min(heldDays, arrivalStep(sku.onOrder[j]!.day, settings.todayDay, 0));
  heldDays = Math.min(horizon, heldDays);
  let ownDaily = 0;
  let ownVariance = 0;
  // Held where the sales happen: at a near 3PL out of its own stock, anywhere else out of home's.
  let held = 0;
  const nearStock = sku.nearUnits ?? NO_NEAR_STOCK;
  let heldNear: NearStock[] | null = null;
  for (let k = 0; k < ownSeries.length; k++) {
    const series = ownSeries[k]!;
    const s = series.seriesIndex;
    seriesForecast(own, run.scratch, sku, series, daily);
    addInto(networkForecast, daily, horizon);
    if (cover > 0) ownDaily += sumFrom(daily, 0, cover) / weekdayMass(own.input, settings.todayDay + 1, s, cover);
    const sd = own.forecasts.sdDaily[s]!;
    ownVariance += sd * sd;
    const units = sumFrom(daily, 0, heldDays);
    const locationId = nearStock.length > 0 ? own.input.history.series[s]!.locationId : Number.NaN;
    if (nearStock.some((x) => x.locationId === locationId)) {
      heldNear ??= [];
      const entry = heldNear.find((x) => x.locationId === locationId);
      if (entry) entry.units += units;
      else heldNear.push({ locationId, units });
    } else held += units;
  }
  run.ownDaily = ownDaily;
  run.ownVariance = ownVariance;
  // What a near 3PL lacks for its own sales, home keeps back (the next purchase reaches home first).
  let keptNear = 0;
  if (heldNear !== null) {
    for (const entry of heldNear) {
      const there = Math.max(0, nearStock.find((x) => x.locationId === entry.locationId)!.units);
      const wanted = Math.ceil(entry.units - 1e-9);
      entry.units = Math.max(0, Math.min(wanted, there));
      held += wanted - entry.units;
      keptNear += entry.units;
    }
    own.heldNear[b] = heldNear;
  }
  const kept = Math.min(Math.ceil(held - 1e-9), Math.max(0, sku.domesticUnits));
  own.held[b] = kept > 0 ? kept : 0;
  const keptTotal = own.held[b]! + keptNear;
  for (let i = firstLine; i < endLine; i++) run.ship.heldForOwnSales[i] = keptTotal;
}

/**
 * Where one buildPlanColumns run spent its time (a profiling aid: test/bench/plan-profile.ts), read
 * from the caller's clock at the phase boundaries only. shared/ has no clock of its own.
 */
export interface PlanPhaseTimings {
  now: () => number;
  /** ABC classes (12 months of sales by value). */
  abcMs: number;
  /** Every ship line (forecasts included) and buy line. */
  linesMs: number;
  /** The home-stock and FBA-capacity step. */
  capacityMs: number;
}

/** Days of history the season factor compares the days ahead with. */
const SEASON_RECENT_DAYS = 28;

/** The catalog season's running sum over the days ahead and its mean over the last 28 days (each day takes its week's index). */
function seasonSums(history: DemandHistory, series: SeriesBySku, horizon: number): { seasonAhead: Float64Array; seasonRecent: number } {
  const { index } = catalogSeasonOfPlan({ history, series });
  const seasonAhead = new Float64Array(horizon + 1);
  for (let d = 0; d < horizon; d++) seasonAhead[d + 1] = seasonAhead[d]! + index[positionOf(-1 - Math.floor(d / 7))]!;
  let recent = 0;
  for (let d = 0; d < SEASON_RECENT_DAYS; d++) recent += index[positionOf(Math.floor(d / 7))]!;
  return { seasonAhead, seasonRecent: recent / SEASON_RECENT_DAYS };
}

/** Per series, its marketplace's index in the ship columns (series of one SKU alternate between a few marketplaces: the last two are remembered). */
function marketplaceIndexes(history: DemandHistory, indexOf: (marketplace: string) => number): Uint16Array {
  const result = new Uint16Array(history.series.length);
  let lastMarketplace = '';
  let lastIndex = -1;
  let otherMarketplace = '';
  let otherIndex = -1;
  for (let s = 0; s < result.length; s++) {
    const marketplace = history.series[s]!.marketplace;
    if (marketplace !== lastMarketplace || lastIndex < 0) {
      const index = marketplace === otherMarketplace && otherIndex >= 0 ? otherIndex : indexOf(marketplace);
      otherMarketplace = lastMarketplace;
      otherIndex = lastIndex;
      lastMarketplace = marketplace;
      lastIndex = index;
    }
    result[s] = lastIndex;
  }
  return result;
}

/**
 * Per SKU (input order), its units sold over the history's last year, every series summed in series
 * order (the FBA history's, then its own warehouses'), times its unit cost. A SKU listed twice is
 * refused, as abcClassify refuses an id twice.
 */
function lastYearValues(input: PlanInput, basis: 'cogs' | 'units'): Float64Array {
  const { skus, history } = input;
  const indexOf = skuIndexer(skus);
  const soldUnits = new Float64Array(skus.length);
  const lastYear = lastYearUnits(history);
  for (let index = 0; index < history.series.length; index++) {
    const b = indexOf(history.series[index]!.skuId);
    if (b >= 0) soldUnits[b] = soldUnits[b]! + lastYear[index]!;
  }
  // What the seller's own warehouses sold counts too (after FBA's, so a plan without any adds the same sums).
  const own = input.own?.history;
  if (own !== undefined && own.series.length > 0) {
    const ownLastYear = lastYearUnits(own);
    for (let index = 0; index < own.series.length; index++) {
      const b = indexOf(own.series[index]!.skuId);
      if (b >= 0) soldUnits[b] = soldUnits[b]! + ownLastYear[index]!;
    }
  }
  if (basis === 'cogs') for (let b = 0; b < skus.length; b++) soldUnits[b] = soldUnits[b]! * skus[b]!.unitCostMinor;
  return soldUnits;
}

/**
 * SKU id → its index in `skus` (−1: none); a SKU id listed twice is refused. Database ids are dense,
 * so a table by id is used (a Map lookup per series cost ~3 ms a run); spread-out ids use a Map.
 */
function skuIndexer(skus: readonly PlanSkuInput[]): (skuId: number) => number {
  let minId = Infinity;
  let maxId = -Infinity;
  let whole = true;
  for (let b = 0; b < skus.length; b++) {
    const skuId = skus[b]!.skuId;
    if (!Number.isInteger(skuId)) whole = false;
    if (skuId < minId) minId = skuId;
    if (skuId > maxId) maxId = skuId;
  }
  const twice = (skuId: number) => new RangeError(`ABC input lists ${skuId} twice`);
  if (whole && skus.length > 0 && maxId - minId < 4 * skus.length + 65_536) {
    const table = new Int32Array(maxId - minId + 1).fill(-1);
    for (let b = 0; b < skus.length; b++) {
      const at = skus[b]!.skuId - minId;
      if (table[at] !== -1) throw twice(skus[b]!.skuId);
      table[at] = b;
    }
    return (skuId) => (skuId >= minId && skuId <= maxId && Number.isInteger(skuId) ? table[skuId - minId]! : -1);
  }
  const map = new Map<number, number>();
  for (let b = 0; b < skus.length; b++) {
    if (map.has(skus[b]!.skuId)) throw twice(skus[b]!.skuId);
    map.set(skus[b]!.skuId, b);
  }
  return (skuId) => map.get(skuId) ?? -1;
}

/** The forecast of one series of `source` into `daily` (computed, or the kept one in a what-if); its method, errors and daily spread go to source.forecasts. */
function seriesForecast(source: ForecastSource, scratch: ForecastScratch, sku: PlanSkuInput, series: Pick<PlanSeriesInput, 'seriesIndex' | 'eventFactors' | 'rateOverride'>, daily: Float32Array): void {
  const { forecasts } = source;
  const s = series.seriesIndex;
  if (source.reuse) {
    dailyFromPath(source.input, series, forecasts.path, forecasts.pathLength[s]!, daily, forecasts.pathStart[s]!);
  } else {
    const selection = forecastSeries(source.input, series, sku.method, daily, scratch);
    const length = isFlat(scratch.path, scratch.pathLength) ? Math.min(1, scratch.pathLength) : scratch.pathLength;
    // Copied by hand: a subarray per series (a new typed-array object) cost more than the copy.
    copyInto(forecasts.path, forecasts.pathUsed, scratch.path, length);
    forecasts.pathStart[s] = forecasts.pathUsed;
    forecasts.pathUsed += length;
    forecasts.pathLength[s] = length;
    forecasts.method[s] = FORECAST_METHODS.indexOf(selection.method);
    forecasts.wape[s] = selection.wape;
    forecasts.mase[s] = selection.mase;
    forecasts.interval[s] = selection.interval ?? Number.NaN;
    forecasts.cv2[s] = selection.cv2 ?? Number.NaN;
    forecasts.meanDaily[s] = scratch.spread.mean;
    forecasts.sdDaily[s] = scratch.spread.sd;
    forecasts.seasonCos[s] = selection.season.cos;
    forecasts.seasonSin[s] = selection.season.sin;
  }
}

/** Ship line `i`: one SKU at one FBA location (its forecast is left in run.daily for the buy echelon). */
function writeShipLine(run: PlanRun, sku: PlanSkuInput, series: PlanSeriesInput, i: number): void {
  const { settings, horizon, daily, arrivals, delay, forecasts } = run;
  const todayDay = settings.todayDay;
  const s = series.seriesIndex;
  seriesForecast(run, run.scratch, sku, series, daily);
  const rate = series.rateOverride;
  const rateApplies = rate !== undefined && rate.untilDay > todayDay;
  // No demand on any day ahead (a series that never sold, or forecast at 0): every sum over the days
  // is 0 and stock never runs out, so the walks over the days are skipped.
  const noDemand = allEqualTo(daily, horizon, 0);

  const sea = series.sea;
  const L = sea.meanDays;
  const leadDays = Math.max(0, Math.round(L));
  const reviewEnd = Math.min(horizon, leadDays + settings.shipReviewDays);
  // Under the seller's rate, σd is the rate's on the days it covers and the history's on the rest,
  // their variances weighed by the days of the lead time and review period each covers.
  let sdDaily = forecasts.sdDaily[s]!;
  if (rateApplies) {
    const covered = reviewEnd > 0 ? Math.min(reviewEnd, rate.untilDay - todayDay) / reviewEnd : 1;
    const sdRate = sdUnderRate(sdDaily, forecasts.meanDaily[s]!, rate.unitsPerDay);
    sdDaily = Math.sqrt(covered * sdRate * sdRate + (1 - covered) * sdDaily * sdDaily);
  }
  let demandLead = 0;
  let demandCover = 0;
  if (!noDemand) {
    const sums = run.sums;
    leadAndCover(daily, leadDays, reviewEnd, sums);
    demandLead = sums[0]!;
    demandCover = sums[1]!;
  }
  // The rate per day of those days, taken out of the weekdays they happen to hold (a cover of 7 weeks
  // and 5 days holds 5 extra days of one kind or another): d, and with it SS and the floor, must not
  // change with the day of the week the plan runs.
  const d = reviewEnd > 0 ? demandCover / weekdayMass(run.input, settings.todayDay + 1, s, reviewEnd) : 0;
  const ss = safetyStock({ z: run.skuZ, meanDemand: d, sdDemand: sdDaily, leadTime: L, sdLeadTime: sea.sdDays });
  const onHand = Math.max(0, run.input.history.onHand[s]!);
  const inbound = series.inbound;
  let inboundUnits = 0;
  for (let k = 0; k < inbound.length; k++) inboundUnits += inbound[k]!.units;
  const reservedUnits = series.reservedUnits;
  const position = onHand + inboundUnits - reservedUnits;
  const orderUpTo = demandCover + ss;
  const reorderPoint = demandLead + ss;

  // Projected on hand with no new shipment: today's stock, arrivals (delayed in a what-if), demand.
  // `arrivals` is all zeros between series (cleared below).
  const opening = onHand - reservedUnits;
  for (let k = 0; k < inbound.length; k++) {
    const index = arrivalStep(inbound[k]!.day, todayDay, delay);
    if (index <= horizon) arrivals[index] = arrivals[index]! + inbound[k]!.units;
  }
  const floorUnits = settings.fbaFloorDays * d;
  // A shipment must land before the level falls below safety stock or the FBA floor, whichever is higher.
  const keepAbove = Math.max(ss, floorUnits);
  let stockoutStep = -1;
  let belowSafetyStep = -1;
  if (!noDemand || inbound.length > 0) {
    const steps = run.steps;
    projectStock(opening, arrivals, daily, horizon, keepAbove, steps);
    stockoutStep = steps[0]!;
    belowSafetyStep = steps[1]!;
  } else if (horizon >= 1 && opening < keepAbove) belowSafetyStep = 1; // the level stays at the opening stock
  const stockoutDay = stockoutStep < 0 ? Number.NaN : todayDay + stockoutStep;
  const belowSafetyDay = belowSafetyStep < 0 ? Number.NaN : todayDay + belowSafetyStep;
  // Sea arrives at today + L: if stock runs out before, air (today + L_air) carries the bridge.
  const airDays = Math.max(1, Math.round(series.air.meanDays));
  let bridge = 0;
  if (!Number.isNaN(stockoutDay) && stockoutDay - todayDay < leadDays && airDays < leadDays) {
    // The deepest shortfall from the air arrival until sea lands, counting open shipments that
    // arrive in between; stock at the air arrival cannot be below nothing.
    const start = Math.min(airDays, horizon);
    let level = Math.max(0, projectedLevel(opening, arrivals, daily, start));
    let deepest = 0;
    for (let t = start + 1; t <= Math.min(leadDays, horizon); t++) {
      level += arrivals[t]! - daily[t - 1]!;
      if (level < deepest) deepest = level;
    }
    bridge = Math.max(0, -deepest);
  }
  const casePack = sku.casePack;
  const shipAir = roundUpTo(bridge, casePack);
  // Open shipments count from the day they arrive: one landing after this shipment would cannot
  // stand in for it. Without such late ones (the usual case) these are T − position and position.
  let lateInboundUnits = 0;
  let coverNeed = orderUpTo - position;
  let positionAtLanding = position;
  if (inbound.length > 0) {
    const landing = Math.min(leadDays, horizon);
    let arrived = 0;
    let demand = 0;
    for (let t = 1; t <= landing; t++) {
      arrived += arrivals[t]!;
      demand += daily[t - 1]!;
    }
    lateInboundUnits = inboundUnits - arrived;
    if (lateInboundUnits > 0) {
      positionAtLanding = position - lateInboundUnits;
      // The most the stock falls short of safety stock between landing and the end of the review
      // period, with each late shipment counted from its day (at the period's end with all of them
      // in, this is T − position).
      coverNeed = ss + demand - (opening + arrived);
      for (let t = landing + 1; t <= reviewEnd; t++) {
        arrived += arrivals[t]!;
        demand += daily[t - 1]!;
        coverNeed = Math.max(coverNeed, ss + demand - (opening + arrived));
      }
    }
  }
  // The floor applies to what is left when the shipment lands: the position then less the demand until then.
  const seaNeed = Math.max(0, coverNeed - shipAir, floorUnits + demandLead - positionAtLanding - shipAir);
  const shipSea = roundUpTo(seaNeed, casePack);
  const shipByDay = Number.isNaN(belowSafetyDay) ? Number.NaN : Math.max(todayDay, belowSafetyDay - leadDays);
  // A 3PL near the FBA location that holds the SKU, on a leg shorter than sea: what the line needs from
  // it is the order-up-to over its own leg (its units land sooner, so less is needed), or the floor,
  // less the position when they land. How much it ships is the post-pass's (takeFromNear): the 3PL's
  // stock is shared by the SKU's lines.
  const near = nearOriginOf(series, sku, L);
  let nearLeadDays = Number.NaN;
  let nearNeedUnits = 0;
  let nearShipByDay = Number.NaN;
  if (near !== null) {
    nearLeadDays = near.lead.meanDays;
    const nearDays = Math.min(horizon, Math.max(1, Math.round(nearLeadDays)));
    const nearReviewEnd = Math.min(horizon, nearDays + settings.shipReviewDays);
    let nearLeadDemand = 0;
    let nearCoverDemand = 0;
    if (!noDemand) {
      const sums = run.sums;
      leadAndCover(daily, nearDays, nearReviewEnd, sums);
      nearLeadDemand = sums[0]!;
      nearCoverDemand = sums[1]!;
    }
    const nearSs = safetyStock({ z: run.skuZ, meanDemand: d, sdDemand: sdDaily, leadTime: nearLeadDays, sdLeadTime: near.lead.sdDays });
    // Open shipments landing after the 3PL's would cannot stand in for it.
    let nearPosition = position;
    if (inbound.length > 0) {
      let arrived = 0;
      for (let t = 1; t <= nearDays; t++) arrived += arrivals[t]!;
      nearPosition = position - (inboundUnits - arrived);
    }
    nearNeedUnits = roundUpTo(Math.max(0, nearCoverDemand + nearSs - nearPosition, floorUnits + nearLeadDemand - nearPosition), casePack);
    // Written whenever it is known: units offered again after a capacity cut ship by it too (a line that ships none has it cleared).
    if (!Number.isNaN(belowSafetyDay)) nearShipByDay = Math.max(todayDay, belowSafetyDay - nearDays);
  }
  for (let k = 0; k < inbound.length; k++) {
    const index = arrivalStep(inbound[k]!.day, todayDay, delay);
    if (index <= horizon) arrivals[index] = 0;
  }

  // Columns are zero when made, and the capacity room columns NaN (buildPlanColumns): cutByCapacity,
  // cutByCubicFeet, shortAtHome and the room are the capacity step's to write.
  const c = run.ship;
  const columns = run.shipColumns;
  c.skuId[i] = sku.skuId;
  c.locationId[i] = run.input.history.series[s]!.locationId;
  columns.marketplace[i] = run.marketplaceOf[s]!;
  columns.abc[i] = run.skuAbc;
  columns.method[i] = forecasts.method[s]!;
  columns.methodForced[i] = run.skuForced;
  c.wape[i] = forecasts.wape[s]!;
  c.mase[i] = forecasts.mase[s]!;
  c.demandInterval[i] = forecasts.interval[s]!;
  c.demandCv2[i] = forecasts.cv2[s]!;
  c.seasonFactor[i] = reviewEnd > 0 ? run.seasonAhead[reviewEnd]! / reviewEnd / run.seasonRecent : 1;
  c.skuSeasonFactor[i] = skuSeasonFactor(forecasts.seasonCos[s]!, forecasts.seasonSin[s]!, reviewEnd);
  c.rateOverride[i] = rateApplies ? rate.unitsPerDay : Number.NaN;
  c.rateOverrideUntilDay[i] = rateApplies ? rate.untilDay : Number.NaN;
  c.dailyDemand[i] = d;
  c.sdDaily[i] = sdDaily;
  c.z[i] = run.skuZ;
  c.serviceLevel[i] = run.skuServiceLevel;
  c.seaLeadDays[i] = L;
  c.seaLeadSdDays[i] = sea.sdDays;
  c.airLeadDays[i] = series.air.meanDays;
  c.onHand[i] = onHand;
  c.inboundUnits[i] = inboundUnits;
  c.reservedUnits[i] = reservedUnits;
  c.reservedAsOfDay[i] = series.reservedAsOfDay ?? Number.NaN;
  c.position[i] = position;
  c.leadDemand[i] = demandLead;
  c.coverDemand[i] = demandCover;
  c.safetyStock[i] = ss;
  c.reorderPoint[i] = reorderPoint;
  c.orderUpTo[i] = orderUpTo;
  c.floorUnits[i] = floorUnits;
  c.lateInboundUnits[i] = lateInboundUnits;
  c.coverNeedUnits[i] = coverNeed;
  c.floorDays[i] = settings.fbaFloorDays;
  c.shipSea[i] = shipSea;
  c.shipAir[i] = shipAir;
  c.nearLocationId[i] = near === null ? Number.NaN : near.locationId;
  c.nearLeadDays[i] = nearLeadDays;
  c.nearNeedUnits[i] = nearNeedUnits;
  c.nearShipByDay[i] = nearShipByDay;
  columns.storageType[i] = run.skuStorageType;
  c.unitVolumeCubicFeet[i] = run.skuUnitVolume;
  c.stockoutDay[i] = stockoutDay;
  c.shipByDay[i] = shipSea + shipAir > 0 ? shipByDay : Number.NaN;
  const recommended = series.amazonRecommendedUnits;
  if (recommended === null) {
    c.amazonRecommendedUnits[i] = Number.NaN;
    columns.nulls[i] = 1;
  } else c.amazonRecommendedUnits[i] = recommended;
}

/**
 * The 3PL a line ships from first: the shortest of its near origins whose leg is shorter than the sea
 * leg from home and that holds the SKU; null when none does.
 */
function nearOriginOf(series: PlanSeriesInput, sku: PlanSkuInput, seaLeadDays: number): NearOrigin | null {
  const origins = series.near;
  const stock = sku.nearUnits;
  if (origins === undefined || stock === undefined || origins.length === 0 || stock.length === 0) return null;
  for (const origin of origins) {
    if (!(origin.lead.meanDays < seaLeadDays)) continue;
    for (const held of stock) if (held.locationId === origin.locationId && held.units > 0) return origin;
  }
  return null;
}

/**
 * σd at the seller's rate r: daily demand with variance r + φ·r², the variance of Poisson demand at
 * that rate plus the history's dispersion beyond it, φ = (s² − m) ÷ m² from the daily sales' mean m
 * and standard deviation s (at least 0). So a launch or a SKU that sold a unit now and then has the
 * Poisson spread √r, not its own noise scaled up, and a lumpy seller keeps its lumpiness at the new
 * rate. A rate of 0 has none.
 */
export function sdUnderRate(sdDaily: number, meanDaily: number, unitsPerDay: number): number {
  const dispersion = meanDaily > 0 ? Math.max(0, (sdDaily * sdDaily - meanDaily) / (meanDaily * meanDaily)) : 0;
  return Math.sqrt(unitsPerDay + dispersion * unitsPerDay * unitsPerDay);
}

/** True when values[0…length−1] all equal `value` (stops at the first that does not, so a selling series costs a read or two). */
function allEqualTo(values: Float32Array, length: number, value: number): boolean {
  for (let t = 0; t < length; t++) if (values[t] !== value) return false;
  return true;
}

/**
 * The sea leg a bought unit takes on to FBA when the SKU sells in several marketplaces: the legs
 * mixed by each marketplace's share of the demand (equal shares when nothing sells), so a unit's leg
 * has the mixture's mean and spread (Σw·(σ² + m²) − mean²: a slow and a fast route widen it).
 * `ownDaily`, the SKU's sales per day at its own warehouses, takes no leg: the demand over the lead
 * time is d·P + d_FBA·S, so the leg is FBA's share of the demand × S, its mean and spread scaled by it.
 */
export function networkSeaLeg(skuSeries: readonly Pick<PlanSeriesInput, 'sea'>[], dailyDemand: ArrayLike<number>, firstLine: number, ownDaily = 0): { meanDays: number; sdDays: number } {
  const leg = fbaSeaLeg(skuSeries, dailyDemand, firstLine);
  if (!(ownDaily > 0) || skuSeries.length === 0) return leg;
  let fba = 0;
  for (let k = 0; k < skuSeries.length; k++) fba += Math.max(0, dailyDemand[firstLine + k]!);
  const share = fba / (fba + ownDaily);
  return { meanDays: leg.meanDays * share, sdDays: leg.sdDays * share };
}

function fbaSeaLeg(skuSeries: readonly Pick<PlanSeriesInput, 'sea'>[], dailyDemand: ArrayLike<number>, firstLine: number): { meanDays: number; sdDays: number } {
  const n = skuSeries.length;
  if (n === 0) return { meanDays: 0, sdDays: 0 };
  if (n === 1) return skuSeries[0]!.sea;
  let total = 0;
  for (let k = 0; k < n; k++) total += Math.max(0, dailyDemand[firstLine + k]!);
  let mean = 0;
  let second = 0;
  for (let k = 0; k < n; k++) {
    const w = total > 0 ? Math.max(0, dailyDemand[firstLine + k]!) / total : 1 / n;
    const { meanDays, sdDays } = skuSeries[k]!.sea;
    mean += w * meanDays;
    second += w * (sdDays * sdDays + meanDays * meanDays);
  }
  return { meanDays: mean, sdDays: Math.sqrt(Math.max(0, second - mean * mean)) };
}

/**
 * Buy line `b`: the SKU's whole network (its ship lines firstLine…endLine − 1, whose forecasts
 * run.networkForecast sums) against demand over production + shipping.
 */
function writeBuyLine(run: PlanRun, sku: PlanSkuInput, skuSeries: readonly PlanSeriesInput[], firstLine: number, endLine: number, b: number): void {
  const { settings, horizon, networkForecast } = run;
  const z = run.skuZ;
  const { dailyDemand, sdDaily: seriesSd, onHand, reservedUnits, inboundUnits } = run.ship;
  let networkDaily = 0;
  let networkVariance = 0;
  let networkFbaUnits = 0;
  let networkInbound = 0;
  for (let i = firstLine; i < endLine; i++) {
    networkDaily += dailyDemand[i]!;
    networkVariance += seriesSd[i]! * seriesSd[i]!;
    // PRODUCT §4.3: the position leaves out reserved units.
    networkFbaUnits += onHand[i]! - reservedUnits[i]!;
    networkInbound += inboundUnits[i]!;
  }
  // Sales at the seller's own warehouses (their forecast is in networkForecast already).
  const ownDaily = run.ownDaily;
  const fbaVariance = networkVariance;
  if (ownDaily !== 0 || run.ownVariance !== 0) {
    networkDaily += ownDaily;
    networkVariance += run.ownVariance;
  }
  const shipLeg = networkSeaLeg(skuSeries, dailyDemand, firstLine, ownDaily);
  const leadDays = sku.buyLeadTime.meanDays + shipLeg.meanDays;
  // Safety stock's L · σd² is Σ Lᵢ · σᵢ²: FBA's variance over production + the sea leg, the own
  // warehouses' over production alone (they take no leg). Without own sales it is leadDays · σd².
  const varianceLeadDays =
    run.ownVariance === 0 || networkVariance === 0
      ? leadDays
      : ((fbaVariance === 0 ? 0 : fbaVariance * (sku.buyLeadTime.meanDays + fbaSeaLeg(skuSeries, dailyDemand, firstLine).meanDays)) + run.ownVariance * sku.buyLeadTime.meanDays) / networkVariance;
  const leadSd = Math.sqrt(sku.buyLeadTime.sdDays ** 2 + shipLeg.sdDays ** 2);
  const sdDaily = Math.sqrt(networkVariance);
  const lead = Math.max(0, Math.round(leadDays));
  const coverEnd = Math.min(horizon, lead + settings.buyReviewDays);
  const sums = run.sums;
  leadAndCover(networkForecast, lead, coverEnd, sums);
  let demandLead = sums[0]!;
  let demandCover = sums[1]!;
  // The forecast over the whole horizon, for the projected stockout.
  const demandHorizon = demandCover + sumFrom(networkForecast, coverEnd, horizon);
  // Beyond the horizon the last projected week's mean a day carries on.
  // The last week's mean, not its last day: a day carries its weekday's factor, a week does not.
  const tail = horizon >= 7 ? sumFrom(networkForecast, horizon - 7, horizon) / 7 : (networkForecast[horizon - 1] ?? networkDaily);
  if (lead + settings.buyReviewDays > horizon) demandCover += tail * (lead + settings.buyReviewDays - horizon);
  if (lead > horizon) demandLead += tail * (lead - horizon);
  const ss = safetyStock({ z, meanDemand: networkDaily, sdDemand: sdDaily, leadTime: varianceLeadDays, sdLeadTime: leadSd });
  let onOrder = 0;
  for (let k = 0; k < sku.onOrder.length; k++) onOrder += sku.onOrder[k]!.units;
  const otherInbound = sku.otherInboundUnits ?? 0;
  // Stock at a 3PL the plan ships from is the network's as home stock is.
  let nearUnits = 0;
  for (const stock of sku.nearUnits ?? NO_NEAR_STOCK) nearUnits += Math.max(0, stock.units);
  const homeUnits = sku.domesticUnits + nearUnits;
  const networkPosition = homeUnits + networkFbaUnits + networkInbound + otherInbound + onOrder;
  const orderUpTo = demandCover + ss;
  const reorderPoint = demandLead + ss;
  const rawQty = Math.max(0, orderUpTo - networkPosition);
  const buyQty = rawQty <= 0 ? 0 : roundUpTo(Math.max(rawQty, sku.moq), sku.casePack);
  // Order by: the day the network position, drawn down by forecast demand, meets the reorder point.
  let orderByDay = Number.NaN;
  if (buyQty > 0) {
    let positionThen = networkPosition;
    orderByDay = settings.todayDay;
    for (let t = 0; t < horizon && positionThen > reorderPoint; t++) {
      positionThen -= networkForecast[t]!;
      if (positionThen > reorderPoint) orderByDay = settings.todayDay + t + 1;
    }
  }
  // The projected stockout if nothing new is bought, found as a ship line's (PRODUCT §4.4): what the
  // network holds now, wherever it is, plus the open POs on their days.
  const networkOnHand = homeUnits + networkFbaUnits + networkInbound + otherInbound;
  const stockoutStep = networkStockoutStep(run, sku, networkOnHand, demandHorizon);
  const stockoutArrivals = sums[0]!;
  const stockoutDemand = sums[1]!;
  const c = run.buy;
  c.skuId[b] = sku.skuId;
  if (sku.supplierId === null) {
    c.supplierId[b] = Number.NaN;
    run.buyColumns.nulls[b] = 1;
  } else c.supplierId[b] = sku.supplierId;
  run.buyColumns.abc[b] = run.skuAbc;
  c.dailyDemand[b] = networkDaily;
  c.sdDaily[b] = sdDaily;
  c.ownDailyDemand[b] = ownDaily;
  c.leadDays[b] = leadDays;
  c.leadSdDays[b] = leadSd;
  c.productionDays[b] = sku.buyLeadTime.meanDays;
  c.z[b] = z;
  c.networkPosition[b] = networkPosition;
  c.otherInboundUnits[b] = otherInbound;
  c.leadDemand[b] = demandLead;
  c.coverDemand[b] = demandCover;
  c.safetyStock[b] = ss;
  c.reorderPoint[b] = reorderPoint;
  c.orderUpTo[b] = orderUpTo;
  c.rawQty[b] = rawQty;
  c.buyQty[b] = buyQty;
  c.casePack[b] = sku.casePack;
  c.moq[b] = sku.moq;
  c.orderByDay[b] = orderByDay;
  c.stockoutDay[b] = stockoutStep < 0 ? Number.NaN : settings.todayDay + stockoutStep;
  c.networkOnHand[b] = networkOnHand;
  c.stockoutArrivals[b] = stockoutArrivals;
  c.stockoutDemand[b] = stockoutDemand;
  c.forecast30Units[b] = sumFrom(networkForecast, 0, Math.min(horizon, FORECAST_SUMMARY_DAYS));
}

/**
 * The buy line's projected stockout: the first step (days after today) at which the network's stock
 * now (`onHand`) plus the open POs arrived so far no longer covers its forecast so far
 * (run.networkForecast; `demandHorizon` over the horizon), −1 when it covers the horizon or nothing is
 * forecast. Into run.sums: the units arrived and the forecast through that step (through the horizon
 * without one). Allocates nothing.
 */
function networkStockoutStep(run: PlanRun, sku: PlanSkuInput, onHand: number, demandHorizon: number): number {
  const { horizon, arrivals, networkForecast, sums } = run;
  // Nothing forecast, or the stock there now alone outlasts the horizon's forecast (arrivals only add
  // to it): no stockout, and no walk over the days (most SKUs).
  if (demandHorizon === 0 || onHand > demandHorizon) {
    sums[0] = poArrivals(run, sku, false);
    sums[1] = demandHorizon;
    return -1;
  }
  // `arrivals` is all zeros between lines: written here, cleared before returning.
  poArrivals(run, sku, true);
  const step = firstUncoveredStep(onHand, arrivals, networkForecast, horizon, sums);
  arrivals.fill(0);
  return step;
}

/** The SKU's open POs within the horizon, each on its expected day (an overdue one tomorrow; a what-if delays shipments, not POs), written into run.arrivals when `write`; their units. */
function poArrivals(run: PlanRun, sku: PlanSkuInput, write: boolean): number {
  const { horizon, arrivals } = run;
  const todayDay = run.settings.todayDay;
  let arrived = 0;
  const onOrder = sku.onOrder;
  for (let j = 0; j < onOrder.length; j++) {
    const step = arrivalStep(onOrder[j]!.day, todayDay, 0);
    if (step > horizon) continue;
    if (write) arrivals[step] = arrivals[step]! + onOrder[j]!.units;
    arrived += onOrder[j]!.units;
  }
  return arrived;
}

/**
 * The first step at or below 0 (with demand that day) of the stock projected from `opening`, as
 * projectStock finds a ship line's stockout (the same additions in the same order); −1 when none
 * within the horizon. The arrivals and the demand added up to it (to the horizon) into sums[0], sums[1].
 */
function firstUncoveredStep(opening: number, arrivals: Float64Array, daily: Float32Array, horizon: number, sums: Float64Array): number {
  let level = opening;
  let arrived = 0;
  let demanded = 0;
  for (let t = 1; t <= horizon; t++) {
    const demand = daily[t - 1]!;
    arrived += arrivals[t]!;
    demanded += demand;
    level += arrivals[t]! - demand;
    if (level <= 0 && demand > 0) {
      sums[0] = arrived;
      sums[1] = demanded;
      return t;
    }
  }
  sums[0] = arrived;
  sums[1] = demanded;
  return -1;
}

/**
 * The step (days after today, from 1) an open shipment due on `day` arrives on, `delayDays` later in
 * a what-if: one already overdue is taken to arrive tomorrow, and a delay moves it from there.
 */
export function arrivalStep(day: number, todayDay: number, delayDays: number): number {
  return Math.max(1, day - todayDay) + delayDays;
}

/** Σ values[from…to − 1]. */
function sumFrom(values: Float32Array, from: number, to: number): number {
  let sum = 0;
  for (let t = from; t < to; t++) sum += values[t]!;
  return sum;
}

/** Σ of series s's weekly-season factors over the `days` days from day number `firstDay` (just `days` without a weekly season). */
function weekdayMass(input: PlanHistoryInput, firstDay: number, s: number, days: number): number {
  const factors = weekdayFactorsOfSeries(input, firstDay, s);
  if (factors === null) return days;
  let mass = 0;
  for (let t = 0; t < days; t++) mass += factors[t % 7]!;
  return mass;
}

// Small loops kept out of buildPlan's body: the optimising compiler handles them far better alone.

/**
 * Projected on hand from `opening`: arrivals[t] in and daily[t − 1] out at step t. The first step at
 * or below 0 (with demand) and the first below `safetyStock` into steps[0] and steps[1], −1 when
 * none within the horizon; the projection stops once it has both.
 */
function projectStock(opening: number, arrivals: Float64Array, daily: Float32Array, horizon: number, safetyStock: number, steps: Int32Array): void {
  let stockoutStep = -1;
  let belowSafetyStep = -1;
  let level = opening;
  for (let t = 1; t <= horizon; t++) {
    const demand = daily[t - 1]!;
    level += arrivals[t]! - demand;
    if (stockoutStep < 0 && level <= 0 && demand > 0) {
      stockoutStep = t;
      if (belowSafetyStep >= 0) break;
    }
    if (belowSafetyStep < 0 && level < safetyStock) {
      belowSafetyStep = t;
      if (stockoutStep >= 0) break;
    }
  }
  steps[0] = stockoutStep;
  steps[1] = belowSafetyStep;
}

/** The level projectStock reaches at `step` (the same additions in the same order). */
function projectedLevel(opening: number, arrivals: Float64Array, daily: Float32Array, step: number): number {
  let level = opening;
  for (let t = 1; t <= step; t++) level += arrivals[t]! - daily[t - 1]!;
  return level;
}

/** Σ values[0…leadDays−1] into sums[0] and Σ values[0…coverDays−1] (coverDays ≤ values.length) into sums[1], each added in day order. */
function leadAndCover(values: Float32Array, leadDays: number, coverDays: number, sums: Float64Array): void {
  const both = Math.min(leadDays, coverDays);
  let lead = 0;
  let cover = 0;
  let d = 0;
  for (; d < both; d++) {
    lead += values[d]!;
    cover += values[d]!;
  }
  for (; d < coverDays; d++) cover += values[d]!;
  sums[0] = lead;
  sums[1] = cover;
}


const NO_SERIES: readonly PlanSeriesInput[] = [];
const NO_OWN_SERIES: readonly PlanOwnSeriesInput[] = [];

/** True when values[0…length−1] are all equal (=== : 0 and −0 are, and give the same day after Math.max(0, ·)). */
function isFlat(values: Float64Array, length: number): boolean {
  const first = values[0];
  for (let w = 1; w < length; w++) if (values[w] !== first) return false;
  return true;
}

function copyInto(target: Float64Array, at: number, source: Float64Array, length: number): void {
  for (let i = 0; i < length; i++) target[at + i] = source[i]!;
}

function addInto(total: Float32Array, add: Float32Array, length: number): void {
  for (let t = 0; t < length; t++) total[t] = total[t]! + add[t]!;
}

/** Storage types by their index in the ship columns. */
const STORAGE_TYPE_INDEX = Object.fromEntries(STORAGE_TYPES.map((type, i) => [type, i])) as Record<StorageType, number>;
const NO_VOLUME_LIMITS: ReadonlyMap<number, CubicFeetByStorageType> = new Map();
/** Slack for a room ÷ volume that lands a hair under a whole unit (0.3 ÷ 0.1 = 2.9999999999999996). */
const VOLUME_EPSILON = 1e-9;

/** A unit volume as the line keeps it: NaN when unknown (or not a positive number). */
function positiveOrNaN(value: number | null | undefined): number {
  return value !== undefined && value !== null && value > 0 ? value : Number.NaN;
}

/**
 * What leaves home is limited by what is at home, and what lands at FBA by the capacity limits (units,
 * and cubic feet per storage type; both apply when both are set): all go to A items first, then B,
 * then C (within a class, the earliest stockout first). Units cut by capacity wait at home (counted in
 * cutByCapacity; cutByCubicFeet says how many of them the volume limit cut). A SKU without a package
 * size can neither be measured nor cut by a volume limit, and its stock takes none of that room.
 */
function applyDomesticAndCapacity(input: PlanInput, c: Record<ShipNumber, Float64Array>, columns: ShipColumns, skuOfLine: Int32Array, own: OwnRun | null): void {
  const count = columns.count;
  // Per SKU (input order; buildPlanColumns refuses a SKU id twice): what is still at home, less what
  // stays there for the sales of the seller's own warehouses.
  const home = new Float64Array(input.skus.length);
  for (let b = 0; b < home.length; b++) home[b] = input.skus[b]!.domesticUnits;
  const heldForOwnSales = own?.held ?? null;
  if (heldForOwnSales !== null) for (let b = 0; b < home.length; b++) if (heldForOwnSales[b]! > 0) home[b] = Math.max(0, home[b]! - heldForOwnSales[b]!);
  const near = nearPoolsOf(input, own?.heldNear ?? null);
  // Room per location: units, and cubic feet per storage type (NaN: no limit for that type), less
  // what is on hand and inbound there, counted in one pass over the lines.
  const roomUnits = new Map<number, number>();
  for (const [locationId, capacity] of input.capacityUnits) if (capacity !== null) roomUnits.set(locationId, capacity);
  const roomCubicFeet = new Map<number, Float64Array>();
  for (const [locationId, limits] of input.capacityCubicFeet ?? NO_VOLUME_LIMITS) {
    const rooms = new Float64Array(STORAGE_TYPES.length).fill(Number.NaN);
    for (const type of STORAGE_TYPES) {
      const limit = limits[type];
      if (limit !== undefined) rooms[STORAGE_TYPE_INDEX[type]] = limit;
    }
    roomCubicFeet.set(locationId, rooms);
  }
  if (roomUnits.size === 0 && roomCubicFeet.size === 0) {
    shipFromHomeOnly(input, c, count, skuOfLine, home, near);
    return;
  }
  {
    for (let i = 0; i < count; i++) {
      const locationId = c.locationId[i]!;
      const held = c.onHand[i]! + c.inboundUnits[i]!;
      const units = roomUnits.get(locationId);
      if (units !== undefined) roomUnits.set(locationId, units - held);
      const rooms = roomCubicFeet.get(locationId);
      const volume = c.unitVolumeCubicFeet[i]!;
      // NaN (no limit, or no package size) leaves the room as it is.
      if (rooms !== undefined && volume > 0) rooms[columns.storageType[i]!] = rooms[columns.storageType[i]!]! - held * volume;
    }
    // Units on their way to a location where the SKU has no line yet take room there all the same.
    const unlined = input.unlinedFbaInbound ?? [];
    const skuIndexOf = unlined.length > 0 ? skuIndexer(input.skus) : () => -1;
    for (const arriving of unlined) {
      const units = roomUnits.get(arriving.locationId);
      if (units !== undefined) roomUnits.set(arriving.locationId, units - arriving.units);
      const rooms = roomCubicFeet.get(arriving.locationId);
      const b = skuIndexOf(arriving.skuId);
      const sku = b >= 0 ? input.skus[b] : arriving;
      const volume = positiveOrNaN(sku?.unitVolumeCubicFeet);
      if (rooms !== undefined && sku && volume > 0) {
        const type = STORAGE_TYPE_INDEX[sku.storageType ?? 'standard'];
        rooms[type] = rooms[type]! - arriving.units * volume;
      }
    }
    for (const [locationId, units] of roomUnits) roomUnits.set(locationId, Math.max(0, units));
    for (const rooms of roomCubicFeet.values()) for (let t = 0; t < rooms.length; t++) if (rooms[t]! < 0) rooms[t] = 0;
  }
  const order = capacityOrder(c, columns.abc, count);
  if (near !== null) takeFromNear(near, c, order, skuOfLine, (b) => Math.max(1, input.skus[b]!.casePack), input.settings.todayDay, home);
  for (let k = 0; k < order.length; k++) {
    const i = order[k]!;
    const b = skuOfLine[i]!;
    const locationId = c.locationId[i]!;
    const pack = Math.max(1, input.skus[b]!.casePack);
    const pool = near === null ? -1 : nearPoolOf(near, c, i, b);
    const wantedAir = c.shipAir[i]!;
    const wantedSea = c.shipSea[i]!;
    const fromNear = c.shipNear[i]!;
    const atHome = home[b]!;
    const air = wantedAir <= atHome ? wantedAir : Math.floor(atHome / pack) * pack;
    const sea = wantedSea <= atHome - air ? wantedSea : Math.floor((atHome - air) / pack) * pack;
    let total = air + sea + fromNear;
    const unitsRoom = roomUnits.get(locationId);
    let cutByUnits = 0;
    if (unitsRoom !== undefined) {
      c.capacityRoomUnits[i] = unitsRoom;
      if (total > unitsRoom) {
        const allowed = Math.floor(unitsRoom / pack) * pack;
        cutByUnits = total - allowed;
        total = allowed;
      }
    }
    const rooms = roomCubicFeet.get(locationId);
    const type = columns.storageType[i]!;
    const cubicRoom = rooms === undefined ? Number.NaN : rooms[type]!;
    const volume = c.unitVolumeCubicFeet[i]!;
    let cutByVolume = 0;
    if (rooms !== undefined && !Number.isNaN(cubicRoom)) {
      c.capacityRoomCubicFeet[i] = cubicRoom;
      // A SKU without a size (volume NaN) cannot be measured, so this limit does not cut it.
      if (volume > 0) {
        const fits = Math.floor(cubicRoom / volume + VOLUME_EPSILON);
        if (total > fits) {
          const allowed = Math.floor(fits / pack) * pack;
          cutByVolume = total - allowed;
          total = allowed;
        }
        rooms[type] = Math.max(0, cubicRoom - total * volume);
      }
    }
    const cut = cutByUnits + cutByVolume;
    // Air (the bridge) keeps its place; capacity cuts the sea quantity first, then the 3PL's.
    const shipAir = Math.min(air, total);
    const shipNear = Math.min(fromNear, total - shipAir);
    const shipSea = total - shipAir - shipNear;
    c.shipAir[i] = shipAir;
    c.shipSea[i] = shipSea;
    c.shipNear[i] = shipNear;
    c.cutByCapacity[i] = cut;
    c.cutByCubicFeet[i] = cutByVolume;
    // A line left with nothing to ship has no ship-by date (what it lacks waits for room or the buy line).
    if (shipAir + shipSea === 0) c.shipByDay[i] = Number.NaN;
    // Only what ships leaves home (or the 3PL); units cut by capacity stay there for another marketplace.
    home[b] = atHome - shipAir - shipSea;
    if (pool >= 0) near!.units[pool] = near!.units[pool]! + (fromNear - shipNear);
    c.shortAtHome[i] = air + sea < wantedAir + wantedSea ? wantedAir + wantedSea - (air + sea) : 0;
    if (unitsRoom !== undefined) roomUnits.set(locationId, unitsRoom - total);
  }
  if (near !== null) reofferNear(near, c, order, skuOfLine, (b) => Math.max(1, input.skus[b]!.casePack), home);
}

/**
 * A 3PL's units capacity cut from one line go, in the same order, to lines that still ship from home
 * what the 3PL could send: first up to what a line needs from the 3PL now, then counted against its
 * sea. They replace home's sea units one for one (air keeps the bridge), so no line takes more FBA
 * room, and the home units they free go back home.
 */
function reofferNear(pools: NearPools, c: Record<ShipNumber, Float64Array>, lines: ArrayLike<number>, skuOfLine: Int32Array, packOf: (b: number) => number, home: Float64Array): void {
  for (let j = 0; j < lines.length; j++) {
    const i = lines[j]!;
    const b = skuOfLine[i]!;
    const k = nearPoolOf(pools, c, i, b);
    if (k < 0 || pools.units[k]! <= 0) continue;
    const pack = packOf(b);
    const wanted = Math.min(Math.max(0, c.nearNeedUnits[i]! - c.shipNear[i]!), c.shipSea[i]!);
    const extra = wanted <= pools.units[k]! ? wanted : Math.floor(pools.units[k]! / pack) * pack;
    c.shipSea[i] = c.shipSea[i]! - extra;
    c.shipNear[i] = c.shipNear[i]! + extra;
    pools.units[k] = pools.units[k]! - extra;
    // The rest at the 3PL counts against the sea left, in whole packs of sea.
    const counted = Math.min(pools.units[k]!, Math.floor(c.shipSea[i]! / pack) * pack);
    c.shipSea[i] = c.shipSea[i]! - counted;
    c.nearCountedUnits[i] = c.nearCountedUnits[i]! + counted;
    pools.units[k] = pools.units[k]! - counted;
    home[b] = home[b]! + extra + counted;
    if (c.shipSea[i]! + c.shipAir[i]! === 0) c.shipByDay[i] = Number.NaN;
  }
}

/** Per SKU (input order), its stock at each near 3PL less what stays there for own sales: what its lines ship from. */
interface NearPools {
  /** SKU b's pools are start[b] … start[b + 1] − 1. */
  start: Int32Array;
  locationId: Float64Array;
  units: Float64Array;
}

function nearPoolsOf(input: PlanInput, heldNear: readonly (NearStock[] | null)[] | null): NearPools | null {
  let count = 0;
  for (const sku of input.skus) count += sku.nearUnits?.length ?? 0;
  if (count === 0) return null;
  const pools: NearPools = { start: new Int32Array(input.skus.length + 1), locationId: new Float64Array(count), units: new Float64Array(count) };
  let at = 0;
  input.skus.forEach((sku, b) => {
    pools.start[b] = at;
    for (const stock of sku.nearUnits ?? NO_NEAR_STOCK) {
      const held = heldNear?.[b]?.find((x) => x.locationId === stock.locationId)?.units ?? 0;
      pools.locationId[at] = stock.locationId;
      pools.units[at] = Math.max(0, stock.units - held);
      at++;
    }
  });
  pools.start[input.skus.length] = at;
  return pools;
}

/** The index of line i's near 3PL in SKU b's pools; −1 when it has none. */
function nearPoolOf(pools: NearPools, c: Record<ShipNumber, Float64Array>, i: number, b: number): number {
  const origin = c.nearLocationId[i]!;
  if (Number.isNaN(origin)) return -1;
  for (let k = pools.start[b]!; k < pools.start[b + 1]!; k++) if (pools.locationId[k] === origin) return k;
  return -1;
}

/**
 * The lines (in the order they take stock) take from their near 3PLs in two rounds, so one line's
 * later needs never keep another's urgent one waiting. First each takes what it needs now, whole case
 * packs where the pool is short. Then the units left at a 3PL count, in whole packs, against its
 * lines' home shipments (`nearCountedUnits`: they reach FBA later, so home does not send them as
 * well), and home's air and sea become what is still needed: where the 3PL lands before the
 * projected stockout (or no later than air), its units take the place of air first, else of sea
 * only. What no line of the SKU takes or counts (its lines' routes are longer than sea, or it sells
 * where the 3PL has no route) stays home stock, as a 3PL with no route is: never stranded.
 */
function takeFromNear(pools: NearPools, c: Record<ShipNumber, Float64Array>, lines: ArrayLike<number>, skuOfLine: Int32Array, packOf: (b: number) => number, todayDay: number, home: Float64Array): void {
  for (let j = 0; j < lines.length; j++) {
    const i = lines[j]!;
    const b = skuOfLine[i]!;
    const k = nearPoolOf(pools, c, i, b);
    if (k < 0) continue;
    const available = pools.units[k]!;
    const need = c.nearNeedUnits[i]!;
    const fromNear = need <= available ? need : Math.floor(available / packOf(b)) * packOf(b);
    pools.units[k] = available - fromNear;
    c.shipNear[i] = fromNear;
  }
  for (let j = 0; j < lines.length; j++) {
    const i = lines[j]!;
    const b = skuOfLine[i]!;
    const k = nearPoolOf(pools, c, i, b);
    if (k < 0) continue;
    const pack = packOf(b);
    const stockoutDay = c.stockoutDay[i]!;
    const inTime = c.nearLeadDays[i]! <= c.airLeadDays[i]! || (!Number.isNaN(stockoutDay) && todayDay + Math.round(c.nearLeadDays[i]!) <= stockoutDay);
    let air = c.shipAir[i]!;
    let sea = c.shipSea[i]!;
    let near = c.shipNear[i]!;
    if (inTime) {
      const instead = Math.min(air, near);
      air -= instead;
      near -= instead;
    }
    sea = Math.max(0, sea - near);
    // Whole packs only: home's quantities stay in case packs.
    let counted = 0;
    if (inTime) {
      const instead = Math.min(air, Math.floor(pools.units[k]! / pack) * pack);
      air -= instead;
      counted += instead;
      pools.units[k] = pools.units[k]! - instead;
    }
    const instead = Math.min(sea, Math.floor(pools.units[k]! / pack) * pack);
    sea -= instead;
    counted += instead;
    pools.units[k] = pools.units[k]! - instead;
    c.nearCountedUnits[i] = counted;
    c.shipAir[i] = roundUpTo(air, pack);
    c.shipSea[i] = roundUpTo(sea, pack);
  }
  for (let j = 0; j < lines.length; j++) {
    const b = skuOfLine[lines[j]!]!;
    for (let k = pools.start[b]!; k < pools.start[b + 1]!; k++) {
      home[b] = home[b]! + pools.units[k]!;
      pools.units[k] = 0;
    }
  }
}

/**
 * applyDomesticAndCapacity with no FBA limit: only home stock is shared, and only between the lines of
 * one SKU (one class), so each SKU's lines that want to ship take it in the capacity order restricted
 * to them (earliest stockout, then line), with the same steps the general loop takes when no limit
 * applies. No sort over every line and no room lookups: at 16,000 lines in a cold worker the general
 * loop cost ~15–30 ms.
 */
function shipFromHomeOnly(input: PlanInput, c: Record<ShipNumber, Float64Array>, count: number, skuOfLine: Int32Array, home: Float64Array, near: NearPools | null): void {
  const lines: number[] = [];
  for (let first = 0; first < count; ) {
    const b = skuOfLine[first]!;
    let end = first + 1;
    while (end < count && skuOfLine[end] === b) end++;
    lines.length = 0;
    for (let i = first; i < end; i++) {
      if (c.shipAir[i] === 0 && c.shipSea[i] === 0 && !(c.nearNeedUnits[i]! > 0)) continue;
      // Insertion by stockout (none last, as day 0), after lines with the same one: they come in line order.
      const key = c.stockoutDay[i]! || Infinity;
      let at = lines.length;
      while (at > 0 && (c.stockoutDay[lines[at - 1]!]! || Infinity) > key) at--;
      lines.splice(at, 0, i);
    }
    const pack = Math.max(1, input.skus[b]!.casePack);
    if (near !== null && lines.length > 0) takeFromNear(near, c, lines, skuOfLine, () => pack, input.settings.todayDay, home);
    for (const i of lines) {
      const wantedAir = c.shipAir[i]!;
      const wantedSea = c.shipSea[i]!;
      const atHome = home[b]!;
      const air = wantedAir <= atHome ? wantedAir : Math.floor(atHome / pack) * pack;
      const sea = wantedSea <= atHome - air ? wantedSea : Math.floor((atHome - air) / pack) * pack;
      const total = air + sea;
      const shipAir = Math.min(air, total);
      const shipSea = total - shipAir;
      c.shipAir[i] = shipAir;
      c.shipSea[i] = shipSea;
      c.cutByCapacity[i] = 0;
      c.cutByCubicFeet[i] = 0;
      // A line left with nothing to ship has no ship-by date (the buy line brings what it lacks).
      if (total === 0) c.shipByDay[i] = Number.NaN;
      home[b] = atHome - total;
      c.shortAtHome[i] = shipAir + shipSea < wantedAir + wantedSea ? wantedAir + wantedSea - (shipAir + shipSea) : 0;
    }
    first = end;
  }
}

/**
 * The lines that want to ship, in the order they take home stock and FBA room: class (A first), then
 * earliest stockout (none last), then line. Only they are ordered: a line that wants nothing takes
 * nothing and comes out as it went in. Each line's order is packed into one whole number (class,
 * stockout day less the earliest, line) and sorted by the native typed-array sort; the comparator
 * sort is kept for stockout days that do not pack (not whole, or too far apart for 2^53).
 */
export function capacityOrder(c: Pick<Record<ShipNumber, Float64Array>, 'shipAir' | 'shipSea' | 'stockoutDay'> & Partial<Pick<Record<ShipNumber, Float64Array>, 'nearNeedUnits'>>, rank: Uint8Array, count: number): Int32Array {
  let wanting = 0;
  let firstDay = Infinity;
  let lastDay = -Infinity;
  let packs = true;
  // A line that wants only a near 3PL's units wants to ship too.
  const nearNeed = c.nearNeedUnits;
  const wants = (i: number) => c.shipAir[i] !== 0 || c.shipSea[i] !== 0 || (nearNeed !== undefined && nearNeed[i]! > 0);
  for (let i = 0; i < count; i++) {
    if (!wants(i)) continue;
    wanting++;
    if (rank[i]! > 2) packs = false;
    // NaN (no stockout within the horizon) sorts last, as does day 0 (the old `|| Infinity`).
    const day = c.stockoutDay[i]! || Infinity;
    if (day === Infinity) continue;
    if (!Number.isInteger(day)) packs = false;
    if (day < firstDay) firstDay = day;
    if (day > lastDay) lastDay = day;
  }
  const order = new Int32Array(wanting);
  let k = 0;
  for (let i = 0; i < count; i++) if (wants(i)) order[k++] = i;
  const noStockout = firstDay === Infinity ? 0 : lastDay - firstDay + 1;
  const stockoutKeys = noStockout + 1;
  if (packs && 3 * stockoutKeys * count <= Number.MAX_SAFE_INTEGER) {
    const keys = new Float64Array(wanting);
    for (let j = 0; j < wanting; j++) {
      const i = order[j]!;
      const day = c.stockoutDay[i]! || Infinity;
      const dayKey = day === Infinity ? noStockout : day - firstDay;
      keys[j] = (rank[i]! * stockoutKeys + dayKey) * count + i;
    }
    keys.sort();
    for (let j = 0; j < wanting; j++) order[j] = keys[j]! % count;
    return order;
  }
  const lineStockout = new Float64Array(count);
  for (const i of order) lineStockout[i] = c.stockoutDay[i]! || Infinity;
  return order.sort((a, b) => rank[a]! - rank[b]! || lineStockout[a]! - lineStockout[b]! || a - b);
}
