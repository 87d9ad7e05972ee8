// PRODUCT §6 per SKU and for the whole catalog, from the ledger figures (ledgerFacts.ts), the plan's
// forecast and the seller's analysis settings. The definitions are §6's; where §6 is silent the
// choice is written beside the code and shown on screen.
import { abcClassIndexes, inventoryTurnover, sellThrough } from '../domain';
import type { AbcClass } from '../domain';
import type { AbcBasis, AnalysisSettings } from './settings';
import { AGE_BUCKET_COUNT } from './ledgerFacts';
import type { SkuLedgerFacts } from './ledgerFacts';

const CLASSES: readonly AbcClass[] = ['A', 'B', 'C'];

export interface TurnoverFigures {
  /** COGS ÷ ((beginning + ending) ÷ 2); 0 with no COGS; Infinity with COGS and no stock on average. */
  rate: number;
  /** Days in the period ÷ rate; Infinity with nothing sold. */
  days: number;
}

/**
 * §6 turnover on ledger values, which may be below zero where a ledger lacks its opening stock
 * (inventoryTurnover refuses them): COGS below zero (more returned than sold) turns nothing over,
 * and a value below zero counts as no stock.
 */
export function turnoverOf(cogsMinor: number, beginningValueMinor: number, endingValueMinor: number, days: number): TurnoverFigures {
  return inventoryTurnover({ cogs: Math.max(0, cogsMinor), beginningValue: Math.max(0, beginningValueMinor), endingValue: Math.max(0, endingValueMinor), days });
}

/**
 * §6 sell-through: units sold ÷ (beginning units + units received). Units sold are net of returns;
 * below zero (more returned than sold) it is 0. Nothing available and sales anyway (a ledger gap)
 * is Infinity, shown as "—".
 */
export function sellThroughOf(soldUnits: number, beginningUnits: number, receivedUnits: number): number {
  // Beginning units below zero count as none, as turnoverOf counts a value below zero (a ledger
  // without its opening stock); so do received units a reversal took below zero.
  const beginning = Math.max(0, beginningUnits);
  const received = Math.max(0, receivedUnits);
  if (beginning + received <= 0) return soldUnits > 0 ? Infinity : 0;
  return sellThrough({ beginningUnits: beginning, receivedUnits: received, soldUnits: Math.max(0, soldUnits) });
}

/** §6 days of cover: available units ÷ forecast daily demand; null with no demand (not a division by zero). Nothing on hand: 0. */
export function coverDaysOf(availableUnits: number, dailyDemand: number): number | null {
  if (!(dailyDemand > 0)) return null;
  return Math.max(0, availableUnits) / dailyDemand;
}

export type ActionKind = 'promotion' | 'discount' | 'removal';
export type StockStatus = 'understock' | 'overstock' | 'ok' | 'none';

export interface ActionInput {
  onHandUnits: number;
  /** The plan's forecast for the SKU's whole network, units a day (0: no demand). */
  dailyDemand: number;
  /** On-hand units by age bucket (AGE_BUCKET_COUNT). */
  ageUnits: ArrayLike<number>;
  targetCoverDays: number;
  /** Below this cover the SKU is understocked: its sea lead time + the plan's review period. NaN: no such line. */
  understockDays: number;
}

export interface SuggestedAction {
  status: StockStatus;
  /** For overstock: what to do with it, and the units to clear to be back at the target cover. */
  action: ActionKind | null;
  clearUnits: number;
  /** For overstock with demand: the units the target cover needs (⌈target × demand⌉). */
  targetUnits: number;
}

/**
 * The action rule (ARCHITECTURE.md, Analysis):
 * - understock: demand, and cover below the sea lead time + review period (a sea shipment ordered
 *   now lands after the stock runs out). Checked first: stock that is short is never cleared.
 * - overstock: stock with no demand, or cover above the target. Units to clear = on hand −
 *   ⌈target days × demand⌉ (all of them with no demand). The action by how old the SKU's oldest
 *   units are: over 365 days or no demand → removal; over 180 days → discount; else promotion.
 * - otherwise ok (none: no stock and no demand). Aged units within the target cover are left to sell.
 */
export function suggestAction(input: ActionInput): SuggestedAction {
  const { onHandUnits, dailyDemand, ageUnits, targetCoverDays, understockDays } = input;
  const cover = coverDaysOf(onHandUnits, dailyDemand);
  if (cover === null) {
    if (onHandUnits <= 0) return { status: 'none', action: null, clearUnits: 0, targetUnits: 0 };
    return { status: 'overstock', action: 'removal', clearUnits: onHandUnits, targetUnits: 0 };
  }
  if (cover < understockDays) return { status: 'understock', action: null, clearUnits: 0, targetUnits: 0 };
  // A hair of tolerance so a whole-unit target met exactly (0.1 × 30 = 3.0000000000000004) is not overstock.
  const targetUnits = Math.ceil(targetCoverDays * dailyDemand - 1e-9);
  const clearUnits = Math.floor(onHandUnits - targetUnits);
  if (clearUnits <= 0) return { status: 'ok', action: null, clearUnits: 0, targetUnits };
  const over365 = ageUnits[AGE_BUCKET_COUNT - 1]! > 0;
  const over180 = over365 || ageUnits[2]! > 0 || ageUnits[3]! > 0;
  return { status: 'overstock', action: over365 ? 'removal' : over180 ? 'discount' : 'promotion', clearUnits, targetUnits };
}

/** What the plan says per SKU: its network forecast and the sea lead time of its marketplaces. */
export interface PlanDemand {
  /** Per SKU of the facts: the buy line's dailyDemand (every FBA marketplace), 0 without a line. */
  dailyDemand: Float64Array;
  /** Per SKU: the sea lead days of its ship lines, weighted by their demand (a plain mean when none sells); NaN without one. */
  seaLeadDays: Float64Array;
}

/** Reads the plan's lines for the SKUs of the facts (plan.ts BuyLine.dailyDemand, ShipLine.seaLeadDays). */
export function planDemandOf(
  plan: { ship: readonly { skuId: number; dailyDemand: number; seaLeadDays: number }[]; buy: readonly { skuId: number; dailyDemand: number }[] },
  skuIds: ArrayLike<number>,
): PlanDemand {
  const n = skuIds.length;
  const slot = new Map<number, number>();
  for (let s = 0; s < n; s++) slot.set(skuIds[s]!, s);
  const dailyDemand = new Float64Array(n);
  const weighted = new Float64Array(n);
  const weights = new Float64Array(n);
  const plainSum = new Float64Array(n);
  const lines = new Float64Array(n);
  for (const line of plan.buy) {
    const s = slot.get(line.skuId);
    if (s !== undefined && Number.isFinite(line.dailyDemand)) dailyDemand[s] = Math.max(0, line.dailyDemand);
  }
  for (const line of plan.ship) {
    const s = slot.get(line.skuId);
    if (s === undefined || !Number.isFinite(line.seaLeadDays)) continue;
    const weight = Number.isFinite(line.dailyDemand) ? Math.max(0, line.dailyDemand) : 0;
    weighted[s] = weighted[s]! + weight * line.seaLeadDays;
    weights[s] = weights[s]! + weight;
    plainSum[s] = plainSum[s]! + line.seaLeadDays;
    lines[s] = lines[s]! + 1;
  }
  const seaLeadDays = new Float64Array(n);
  for (let s = 0; s < n; s++) seaLeadDays[s] = weights[s]! > 0 ? weighted[s]! / weights[s]! : lines[s]! > 0 ? plainSum[s]! / lines[s]! : Number.NaN;
  return { dailyDemand, seaLeadDays };
}

export interface AnalysisRow {
  skuId: number;
  abc: AbcClass;
  /** The ABC ranking value (12-month COGS or revenue in base minor units, or units), its rank (1 = largest) and the cumulative share of the SKUs ranked before it. */
  abcValue: number;
  abcRank: number;
  abcShareBefore: number;
  beginningQty: number;
  endingQty: number;
  beginningValueMinor: number;
  endingValueMinor: number;
  cogsMinor: number;
  soldUnits: number;
  receivedUnits: number;
  turnoverRate: number;
  turnoverDays: number;
  sellThrough: number;
  onHandQty: number;
  onHandValueMinor: number;
  /** On-hand units per age bucket, and their value at the SKU's average cost today. */
  ageUnits: number[];
  ageValueMinor: number[];
  dailyDemand: number;
  /** null: no demand. */
  coverDays: number | null;
  seaLeadDays: number;
  understockDays: number;
  status: StockStatus;
  action: ActionKind | null;
  clearUnits: number;
  targetUnits: number;
}

export interface AnalysisTotals {
  skuCount: number;
  classCounts: Record<AbcClass, number>;
  beginningValueMinor: number;
  endingValueMinor: number;
  cogsMinor: number;
  beginningQty: number;
  receivedUnits: number;
  soldUnits: number;
  turnoverRate: number;
  turnoverDays: number;
  sellThrough: number;
  onHandQty: number;
  onHandValueMinor: number;
  ageUnits: number[];
  ageValueMinor: number[];
  overstockCount: number;
  overstockClearUnits: number;
  understockCount: number;
}

export interface AnalysisInput {
  facts: SkuLedgerFacts;
  demand: PlanDemand;
  settings: AnalysisSettings;
  /** Days in the period. */
  periodDays: number;
  /** The plan's review period for shipments, added to the sea lead time for understock. */
  reviewDays: number;
}

/** What ABC ranks by, per SKU of the facts: revenue without any known (no orders imported) is 0 for every SKU. */
export function abcValuesOf(facts: SkuLedgerFacts, basis: AbcBasis): Float64Array {
  if (basis === 'units') return facts.abcSoldUnits;
  if (basis === 'revenue') return facts.abcRevenueMinor ?? new Float64Array(facts.skuIds.length);
  return facts.abcCogsMinor;
}

/**
 * Every SKU's row and the catalog's totals. The catalog's turnover and sell-through are the §6
 * formulas on the catalog's sums (not an average of the SKUs' rates).
 */
export function analysisRows(input: AnalysisInput): { rows: AnalysisRow[]; totals: AnalysisTotals } {
  const { facts, demand, settings, periodDays, reviewDays } = input;
  const n = facts.skuIds.length;
  const abcValues = abcValuesOf(facts, settings.abcBasis);
  const classes = abcClassIndexes(abcValues, { a: settings.abcCutoffA, b: settings.abcCutoffB });
  // Rank and share before, for the "how" line (the classes come from abcClassIndexes, ties and all).
  const order = Array.from({ length: n }, (_, s) => s).sort((x, y) => Math.max(0, abcValues[y]!) - Math.max(0, abcValues[x]!) || facts.skuIds[x]! - facts.skuIds[y]!);
  let abcTotal = 0;
  for (let s = 0; s < n; s++) abcTotal += Math.max(0, abcValues[s]!);
  const rank = new Int32Array(n);
  const shareBefore = new Float64Array(n);
  // "Before it" is of the SKUs with a strictly greater value (abcClassify's reading of ties).
  let before = 0;
  let groupBefore = 0;
  let groupValue = Number.NaN;
  order.forEach((s, k) => {
    const value = Math.max(0, abcValues[s]!);
    if (value !== groupValue) {
      groupBefore = before;
      groupValue = value;
    }
    rank[s] = k + 1;
    shareBefore[s] = abcTotal > 0 ? groupBefore / abcTotal : 1;
    before += value;
  });

  const totals: AnalysisTotals = {
    skuCount: n,
    classCounts: { A: 0, B: 0, C: 0 },
    beginningValueMinor: 0,
    endingValueMinor: 0,
    cogsMinor: 0,
    beginningQty: 0,
    receivedUnits: 0,
    soldUnits: 0,
    turnoverRate: 0,
    turnoverDays: Infinity,
    sellThrough: 0,
    onHandQty: 0,
    onHandValueMinor: 0,
    ageUnits: new Array<number>(AGE_BUCKET_COUNT).fill(0),
    ageValueMinor: new Array<number>(AGE_BUCKET_COUNT).fill(0),
    overstockCount: 0,
    overstockClearUnits: 0,
    understockCount: 0,
  };
  const rows: AnalysisRow[] = [];
  for (let s = 0; s < n; s++) {
    const abc = CLASSES[classes[s]!]!;
    const turnover = turnoverOf(facts.cogsMinor[s]!, facts.beginningValueMinor[s]!, facts.endingValueMinor[s]!, periodDays);
    const onHandQty = facts.onHandQty[s]!;
    const onHandValueMinor = facts.onHandValueMinor[s]!;
    // Plain loops, not Array.from or map over a subarray: several times faster at 10,000 SKUs.
    const ageUnits = new Array<number>(AGE_BUCKET_COUNT);
    const ageValueMinor = new Array<number>(AGE_BUCKET_COUNT);
    // The ledger values stock at the moving average, so each bucket takes the average of today.
    const unitValue = onHandQty > 0 ? onHandValueMinor / onHandQty : 0;
    let lastFilled = -1;
    let valued = 0;
    for (let k = 0; k < AGE_BUCKET_COUNT; k++) {
      const units = facts.ageUnits[s * AGE_BUCKET_COUNT + k]!;
      ageUnits[k] = units;
      ageValueMinor[k] = Math.round(units * unitValue);
      valued += ageValueMinor[k]!;
      if (units > 0) lastFilled = k;
    }
    // The last bucket with units takes what rounding left, so the buckets add up to the stock's value.
    if (lastFilled >= 0) ageValueMinor[lastFilled] = onHandValueMinor - (valued - ageValueMinor[lastFilled]!);
    const dailyDemand = demand.dailyDemand[s]!;
    const seaLeadDays = demand.seaLeadDays[s]!;
    const understockDays = seaLeadDays + reviewDays;
    const suggestion = suggestAction({ onHandUnits: onHandQty, dailyDemand, ageUnits, targetCoverDays: settings.targetCoverDays, understockDays });
    const row: AnalysisRow = {
      skuId: facts.skuIds[s]!,
      abc,
      abcValue: abcValues[s]!,
      abcRank: rank[s]!,
      abcShareBefore: shareBefore[s]!,
      beginningQty: facts.beginningQty[s]!,
      endingQty: facts.endingQty[s]!,
      beginningValueMinor: facts.beginningValueMinor[s]!,
      endingValueMinor: facts.endingValueMinor[s]!,
      cogsMinor: facts.cogsMinor[s]!,
      soldUnits: facts.soldUnits[s]!,
      receivedUnits: facts.receivedUnits[s]!,
      turnoverRate: turnover.rate,
      turnoverDays: turnover.days,
      sellThrough: sellThroughOf(facts.soldUnits[s]!, facts.beginningQty[s]!, facts.receivedUnits[s]!),
      onHandQty,
      onHandValueMinor,
      ageUnits,
      ageValueMinor,
      dailyDemand,
      coverDays: coverDaysOf(onHandQty, dailyDemand),
      seaLeadDays,
      understockDays,
      // Named one by one (a spread makes a slower object shape, 10,000 times).
      status: suggestion.status,
      action: suggestion.action,
      clearUnits: suggestion.clearUnits,
      targetUnits: suggestion.targetUnits,
    };
    rows.push(row);
    totals.classCounts[abc] += 1;
    // The catalog's figures add each SKU's as that SKU counts them: stock below zero (a ledger without
    // its opening stock) as none, so one oversold SKU cannot cancel another's stock.
    totals.beginningValueMinor += Math.max(0, row.beginningValueMinor);
    totals.endingValueMinor += Math.max(0, row.endingValueMinor);
    totals.cogsMinor += row.cogsMinor;
    totals.beginningQty += Math.max(0, row.beginningQty);
    totals.receivedUnits += Math.max(0, row.receivedUnits);
    totals.soldUnits += row.soldUnits;
    totals.onHandQty += onHandQty;
    totals.onHandValueMinor += onHandValueMinor;
    for (let k = 0; k < AGE_BUCKET_COUNT; k++) {
      totals.ageUnits[k]! += ageUnits[k]!;
      totals.ageValueMinor[k]! += ageValueMinor[k]!;
    }
    if (row.status === 'overstock') {
      totals.overstockCount += 1;
      totals.overstockClearUnits += row.clearUnits;
    } else if (row.status === 'understock') {
      totals.understockCount += 1;
    }
  }
  const turnover = turnoverOf(totals.cogsMinor, totals.beginningValueMinor, totals.endingValueMinor, periodDays);
  totals.turnoverRate = turnover.rate;
  totals.turnoverDays = turnover.days;
  totals.sellThrough = sellThroughOf(totals.soldUnits, totals.beginningQty, totals.receivedUnits);
  return { rows, totals };
}
