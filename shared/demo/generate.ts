// Demo data: a realistic, deterministic history for a cross-border seller (PRODUCT §1, §4.1), used
// by the demo loader and by the benchmarks (which need an exact movement count, e.g. 1,000,000).
//
// Each SKU is simulated on its own, day by day, over about two years: purchases land at the
// domestic warehouse, sea and air shipments go through the transit location to FBA US, FBA DE and
// a 3PL, the 3PL tops up FBA US by truck, and customers buy at FBA (and some at the 3PL) only while
// there is stock there: demand during a stockout is lost. Returns, damages and found stock add
// noise. Each SKU gets an exact movement budget (they add up to `movementCount`); the simulation
// keeps its fixed rows (receipts, transfers, returns, found stock) within that budget, then drops
// surplus sales or negative adjustments at random (which only raises later balances) or pads with
// `+1 found` rows at the domestic warehouse on the last day. So no balance, nor any transit balance
// per shipment, ever goes below zero under the documented same-day order (ledger/valuation.ts):
// rows are emitted per day as receipts, returns and found stock, then receipts of shipments, then
// dispatches, then sales and losses, and the output keeps that order within a day.
//
// Demand is shaped like a real catalog's. Each SKU has a popularity (units a day, heavy-tailed: a
// few bestsellers sell tens a day at every marketplace, the long tail a few a month), and a day's
// units at a location are a Poisson count around it (a sale row is that day's sales, as Amazon's
// daily ledger summary), with day-to-day swings of about ±20% beyond it; intermittent SKUs sell
// lumpy quantities on few days. Movement budgets follow the rows that demand makes, so bestsellers
// sell every day rather than on random days. On top of each SKU's own pattern the retail calendar
// lifts every SKU: the Q4 run-up (Black Friday to Christmas), Prime Day in July, a quiet January.
import { dayNumber, weekdayOfDay } from '../dates';
import { emptyColumns, TYPE_CODE } from '../ledger/columns';
import type { MovementColumns } from '../ledger/columns';
import type { LocationKind, Marketplace } from '../model';
import { createRandom, pick, randomInt, randomNormal, seedOf } from './random';
import type { Random } from './random';

export interface DemoOptions {
  seed: number;
  skuCount: number;
  movementCount: number;
  /** last day of history, ISO YYYY-MM-DD */
  endDate: string;
}

export const DEMO_PATTERNS = ['stable', 'seasonal', 'trending', 'intermittent', 'new_launch'] as const;
export type DemoPattern = (typeof DEMO_PATTERNS)[number];

export interface DemoSku {
  code: string;
  name: string;
  unitCostMinor: number;
  costCurrency: string;
  casePack: number;
  moq: number;
  barcode: string;
  pattern: DemoPattern;
}

export interface DemoLocation {
  name: string;
  kind: LocationKind;
  marketplace?: Marketplace;
}

export interface DemoListing {
  skuIndex: number;
  marketplace: Marketplace;
  sellerSku: string;
  asin: string;
  fnsku: string;
  unitsPerListing: number;
}

export interface DemoDataset {
  skus: DemoSku[];
  locations: DemoLocation[];
  listings: DemoListing[];
  /** Provisional ids: skuId = SKU index + 1, locationId = location index + 1. Sorted by day; seq = index. */
  movements: MovementColumns;
  /**
   * The shipments still at sea or in the air on the last day (their units are the transit balance),
   * by ship day: the loader makes them open shipment records, so the plan counts them as inbound.
   */
  openShipments: DemoOpenShipment[];
}

export interface DemoOpenShipment {
  /** Index into movements.refs of the shipment's dispatch rows. */
  refIndex: number;
  /** Indexes into `locations`. */
  fromIndex: number;
  toIndex: number;
  /** Day numbers (shared/dates). */
  shipDay: number;
  arrivalDay: number;
  mode: 'sea' | 'air' | 'truck';
  lines: { skuIndex: number; qty: number }[];
}

/** The five demo locations; a movement's locationId is its index here + 1. */
export const DEMO_LOCATIONS: readonly DemoLocation[] = [
  { name: 'Shenzhen warehouse', kind: 'domestic' },
  { name: 'FBA US', kind: 'fba', marketplace: 'US' },
  { name: 'FBA DE', kind: 'fba', marketplace: 'DE' },
  { name: '3PL Los Angeles', kind: '3pl' },
  { name: 'In transit', kind: 'transit' },
];

export const DEMO_BASE_CURRENCY = 'USD';

const DOM = 0;
const US = 1;
const DE = 2;
const TPL = 3;
const TRANSIT = 4;

const T_RECEIPT = TYPE_CODE.receipt;
const T_OUT = TYPE_CODE.transfer_out;
const T_IN = TYPE_CODE.transfer_in;
const T_SALE = TYPE_CODE.sale;
const T_RETURN = TYPE_CODE.customer_return;
const T_ADJUST = TYPE_CODE.adjustment;

// Shipping routes × modes; a shipment ref is one route-mode departure on one day, shared by every
// SKU on it (a sailing, a flight, a truck).
const RM_US_SEA = 0;
const RM_US_AIR = 1;
const RM_DE_SEA = 2;
const RM_DE_AIR = 3;
const RM_TPL_SEA = 4;
const RM_TPL_US_TRUCK = 5;
const ROUTE_MODES = 6;

const SEA_LEAD = 43;
/** Weekly planning (purchasing, sea sailings) happens on Tuesdays (0 = Sunday). */
const PLANNING_WEEKDAY = 2;
const AIR_LEAD = 9;
const TRUCK_LEAD = 5;

/** Day-of-week demand factors, Sunday first. */
const WEEKLY = [1.12, 0.96, 0.94, 0.94, 0.96, 1.0, 1.08];
const WEEKLY_MAX = 1.12;

interface Family {
  name: string;
  variants: readonly string[];
  cost: readonly [number, number];
  packs: readonly number[];
  moqCases: readonly [number, number];
}

const FAMILIES: readonly Family[] = [
  { name: 'Phone case', variants: ['black', 'clear', 'navy', 'pink', 'sage green'], cost: [80, 320], packs: [50, 100], moqCases: [3, 10] },
  { name: 'USB-C cable', variants: ['1m', '2m', '3m', 'braided 1m', 'braided 2m'], cost: [60, 260], packs: [50, 100], moqCases: [4, 10] },
  { name: 'Screen protector', variants: ['iPhone 15', 'iPhone 15 Pro', 'Galaxy S24', 'Pixel 8'], cost: [25, 120], packs: [100], moqCases: [5, 10] },
  { name: 'Yoga mat', variants: ['purple 6mm', 'grey 6mm', 'blue 8mm', 'black 8mm'], cost: [500, 1500], packs: [10, 12, 20], moqCases: [5, 20] },
  { name: 'Water bottle', variants: ['500ml', '750ml', '1l', '750ml matte'], cost: [250, 900], packs: [24, 30, 48], moqCases: [4, 12] },
  { name: 'Kitchen knife', variants: ['chef 8in', 'santoku 7in', 'paring 4in', 'bread 9in'], cost: [400, 2000], packs: [10, 20, 24], moqCases: [5, 15] },
  { name: 'LED strip', variants: ['5m warm', '10m warm', 'RGB 5m', 'RGB 10m'], cost: [300, 1200], packs: [20, 40, 50], moqCases: [3, 10] },
  { name: 'Dog leash', variants: ['S red', 'M red', 'L black', 'M black', 'retractable'], cost: [150, 600], packs: [30, 50], moqCases: [4, 12] },
  { name: 'Garlic press', variants: ['steel', 'black', 'rocker'], cost: [150, 500], packs: [40, 50, 60], moqCases: [3, 8] },
  { name: 'Backpack', variants: ['black', 'navy', 'grey', 'olive'], cost: [800, 2500], packs: [10, 12, 20], moqCases: [10, 30] },
  { name: 'Sunglasses', variants: ['black', 'tortoise', 'gold', 'polarized black'], cost: [100, 500], packs: [50, 60, 100], moqCases: [3, 10] },
  { name: 'Desk lamp', variants: ['white', 'black', 'clamp white'], cost: [600, 1800], packs: [10, 12, 16], moqCases: [10, 30] },
];

// Pattern mix (cumulative) and each pattern's typical popularity.
const PATTERN_CUMULATIVE = [0.3, 0.55, 0.75, 0.9, 1];
const PATTERN_VOLUME_FACTOR: Readonly<Record<DemoPattern, number>> = { stable: 1, seasonal: 1, trending: 1, intermittent: 0.45, new_launch: 0.6 };
/** Spread of popularity across SKUs (log-normal σ): about a fifth of the SKUs sell four fifths of the units. */
const POPULARITY_SIGMA = 1.7;
/** Share of the movement budget that is sales (the rest: receipts, transfers, returns, adjustments). */
const SALE_ROW_SHARE = 0.8;
/** Highest chance of a sale day (so a candidate-day gap stays finite). */
const P_SALE_MAX = 0.999;

interface SkuPlan {
  index: number;
  family: number;
  pattern: DemoPattern;
  unitCostMinor: number;
  casePack: number;
  moq: number;
  /** Relative demand weight per location (DOM and TRANSIT stay 0). */
  weight: Float64Array;
  /** Intermittent SKUs: mean extra units on a day with a sale (units per sale day = 1 + ~geometric). */
  extraUnits: number;
  /** Relative popularity (log-normal); unitsPerDay is set from it once the catalog is calibrated. */
  popularity: number;
  /** Mean units a day at a location of weight 1, season 1, an average weekday. */
  unitsPerDay: number;
  returnRate: number;
  /** First day (relative) the SKU exists. */
  firstDay: number;
  seasonAmp: number;
  seasonPeak: number;
  growth: number;
  budgetWeight: number;
  /** How far the seller's own demand estimate is off (planning only): < 1 under-stocks. */
  planBias: number;
  /** Whether the seller flies stock in when FBA runs low (otherwise waits for the boat). */
  usesAir: boolean;
}

interface Calendar {
  days: number;
  startDay: number;
  dow: Uint8Array;
  doy: Uint16Array;
  /** Transit days per departure (day × route-mode). */
  transit: Uint8Array;
  /** Production lead days per order (day × family). */
  poLead: Uint8Array;
  /** Purchase price factor per receipt (day × family). */
  poCost: Float64Array;
}

/** Per-SKU scratch rows, in emission order (chronological; within a day in the documented order). */
class Scratch {
  length = 0;
  day = new Int32Array(1024);
  loc = new Uint8Array(1024);
  qty = new Float64Array(1024);
  type = new Uint8Array(1024);
  cost = new Float64Array(1024);
  key = new Int32Array(1024);
  trimmable = new Uint8Array(1024);

  push(day: number, loc: number, qty: number, type: number, cost: number, key: number, trimmable: number): void {
    if (this.length === this.day.length) this.grow();
    const i = this.length++;
    this.day[i] = day;
    this.loc[i] = loc;
    this.qty[i] = qty;
    this.type[i] = type;
    this.cost[i] = cost;
    this.key[i] = key;
    this.trimmable[i] = trimmable;
  }

  private grow(): void {
    const size = this.day.length * 2;
    const day = new Int32Array(size);
    day.set(this.day);
    this.day = day;
    const loc = new Uint8Array(size);
    loc.set(this.loc);
    this.loc = loc;
    const qty = new Float64Array(size);
    qty.set(this.qty);
    this.qty = qty;
    const type = new Uint8Array(size);
    type.set(this.type);
    this.type = type;
    const cost = new Float64Array(size);
    cost.set(this.cost);
    this.cost = cost;
    const key = new Int32Array(size);
    key.set(this.key);
    this.key = key;
    const trimmable = new Uint8Array(size);
    trimmable.set(this.trimmable);
    this.trimmable = trimmable;
  }
}

const MAX_OPEN = 64;

/** Reusable per-SKU simulation state. */
class SimState {
  onHand = new Float64Array(5);
  inTransitTo = new Float64Array(5);
  airInFlight = new Int32Array(5);
  shipCount = 0;
  shipArrival = new Int32Array(MAX_OPEN);
  shipDest = new Uint8Array(MAX_OPEN);
  shipQty = new Float64Array(MAX_OPEN);
  shipKey = new Int32Array(MAX_OPEN);
  shipAir = new Uint8Array(MAX_OPEN);
  shipFrom = new Uint8Array(MAX_OPEN);
  poCount = 0;
  poArrival = new Int32Array(MAX_OPEN);
  poQty = new Float64Array(MAX_OPEN);
  poKey = new Int32Array(MAX_OPEN);
  poCostMinor = new Float64Array(MAX_OPEN);
  onOrder = 0;
  /** First day a shipment was refused for lack of movement budget (`days` if never). */
  budgetFullDay = 0;
  /** Pending customer returns: (US, DE) × day. */
  returns: Int32Array;
  season: Float64Array;
  pMax = new Float64Array(4);
  logMiss = new Float64Array(4);
  nextCandidate = new Int32Array(4);

  constructor(days: number) {
    this.returns = new Int32Array(2 * days);
    this.season = new Float64Array(days);
  }

  reset(): void {
    this.onHand.fill(0);
    this.inTransitTo.fill(0);
    this.airInFlight.fill(0);
    this.shipCount = 0;
    this.poCount = 0;
    this.onOrder = 0;
    this.returns.fill(0);
  }
}

export function generateDemo(options: DemoOptions): DemoDataset {
  const { seed, skuCount, movementCount, endDate } = options;
  if (!Number.isInteger(skuCount) || skuCount < 0) throw new RangeError(`skuCount must be a whole number ≥ 0: ${skuCount}`);
  if (!Number.isInteger(movementCount) || movementCount < 0) throw new RangeError(`movementCount must be a whole number ≥ 0: ${movementCount}`);
  if (skuCount === 0 && movementCount > 0) throw new RangeError('movements need at least one SKU');
  if (!Number.isFinite(seed)) throw new RangeError(`seed must be a number: ${seed}`);
  const endDay = dayNumber(endDate);

  const perSku = skuCount > 0 ? movementCount / skuCount : 0;
  const days = Math.min(730, Math.max(45, Math.ceil(12 * perSku)));
  const calendar = buildCalendar(seed, endDay - days + 1, days);

  const catalog = buildCatalog(seed, skuCount, days);
  calibrateDemand(catalog.plans, days, movementCount);
  const budgets = splitBudget(catalog.plans, movementCount);

  // Unsorted output (per SKU, chronological), then a stable counting sort by day.
  const uDay = new Int32Array(movementCount);
  const uSku = new Int32Array(movementCount);
  const uLoc = new Uint8Array(movementCount);
  const uQty = new Float64Array(movementCount);
  const uType = new Uint8Array(movementCount);
  const uCost = new Float64Array(movementCount);
  const uKey = new Int32Array(movementCount);
  const shipmentKeys = days * ROUTE_MODES;
  const keyUsed = new Uint8Array(shipmentKeys + days * FAMILIES.length);

  const scratch = new Scratch();
  const state = new SimState(days);
  const openByKey = new Map<number, { from: number; dest: number; arrival: number; air: boolean; lines: { skuIndex: number; qty: number }[] }>();
  let pos = 0;
  for (let s = 0; s < skuCount; s++) {
    const plan = catalog.plans[s]!;
    const budget = budgets[s]!;
    if (budget === 0) continue;
    const { fixedRows } = simulateWithinBudget(plan, budget, calendar, seed, scratch, state);
    // Shipments still under way on the last day (their dispatch rows are fixed, so they stay).
    for (let i = 0; i < state.shipCount; i++) {
      const key = state.shipKey[i]!;
      let open = openByKey.get(key);
      if (!open) {
        open = { from: state.shipFrom[i]!, dest: state.shipDest[i]!, arrival: state.shipArrival[i]!, air: state.shipAir[i] === 1, lines: [] };
        openByKey.set(key, open);
      }
      open.lines.push({ skuIndex: s, qty: state.shipQty[i]! });
    }
    // Drop surplus trimmable rows uniformly at random (selection sampling), keep everything else.
    const trimmableRows = scratch.length - fixedRows;
    let toDrop = Math.max(0, scratch.length - budget);
    let remaining = trimmableRows;
    const trimRandom = createRandom(seedOf(seed, 3, s));
    const skuId = s + 1;
    for (let i = 0; i < scratch.length; i++) {
      if (scratch.trimmable[i]) {
        if (toDrop > 0 && trimRandom() * remaining < toDrop) {
          toDrop--;
          remaining--;
          continue;
        }
        remaining--;
      }
      uDay[pos] = scratch.day[i]!;
      uSku[pos] = skuId;
      uLoc[pos] = scratch.loc[i]!;
      uQty[pos] = scratch.qty[i]!;
      uType[pos] = scratch.type[i]!;
      uCost[pos] = scratch.cost[i]!;
      const key = scratch.key[i]!;
      uKey[pos] = key;
      if (key >= 0) keyUsed[key] = 1;
      pos++;
    }
    // Pad: stock found at the domestic warehouse on the last day (only ever raises a balance).
    const padded = Math.min(budget, scratch.length);
    for (let i = padded; i < budget; i++) {
      uDay[pos] = days - 1;
      uSku[pos] = skuId;
      uLoc[pos] = DOM;
      uQty[pos] = 1;
      uType[pos] = T_ADJUST;
      uCost[pos] = Number.NaN;
      uKey[pos] = -1;
      pos++;
    }
  }
  if (pos !== movementCount) throw new Error(`demo generator produced ${pos} of ${movementCount} movements`);

  // Refs numbered in date order: shipments by departure, purchase orders by receipt.
  const refs: string[] = [];
  const refIndex = new Int32Array(keyUsed.length).fill(-1);
  let shipmentNumber = 0;
  for (let k = 0; k < shipmentKeys; k++) {
    if (!keyUsed[k]) continue;
    refIndex[k] = refs.length;
    refs.push(`DEMO-SHP-${String(++shipmentNumber).padStart(6, '0')}`);
  }
  let poNumber = 0;
  for (let k = shipmentKeys; k < keyUsed.length; k++) {
    if (!keyUsed[k]) continue;
    refIndex[k] = refs.length;
    refs.push(`DEMO-PO-${String(++poNumber).padStart(6, '0')}`);
  }

  const start = new Int32Array(days + 1);
  for (let i = 0; i < movementCount; i++) start[uDay[i]! + 1]!++;
  for (let d = 0; d < days; d++) start[d + 1]! += start[d]!;
  const movements = emptyColumns(movementCount);
  movements.refs = refs;
  const { startDay } = calendar;
  for (let i = 0; i < movementCount; i++) {
    const d = uDay[i]!;
    const k = start[d]!++;
    movements.day[k] = startDay + d;
    movements.skuId[k] = uSku[i]!;
    movements.locationId[k] = uLoc[i]! + 1;
    movements.qty[k] = uQty[i]!;
    movements.type[k] = uType[i]!;
    movements.unitCostMinor[k] = uCost[i]!;
    const key = uKey[i]!;
    movements.ref[k] = key < 0 ? -1 : refIndex[key]!;
    movements.seq[k] = k;
  }

  const openShipments: DemoOpenShipment[] = [...openByKey]
    .sort(([a], [b]) => a - b)
    .map(([key, open]) => ({
      refIndex: refIndex[key]!,
      fromIndex: open.from,
      toIndex: open.dest,
      shipDay: startDay + Math.floor(key / ROUTE_MODES),
      arrivalDay: startDay + open.arrival,
      mode: open.air ? 'air' : key % ROUTE_MODES === RM_TPL_US_TRUCK ? 'truck' : 'sea',
      lines: open.lines,
    }));

  return {
    openShipments,
    skus: catalog.skus,
    locations: DEMO_LOCATIONS.map((location) => ({ ...location })),
    listings: catalog.listings,
    movements,
  };
}

function buildCalendar(seed: number, startDay: number, days: number): Calendar {
  const random = createRandom(seedOf(seed, 0));
  const dow = new Uint8Array(days);
  const doy = new Uint16Array(days);
  for (let t = 0; t < days; t++) {
    const day = startDay + t;
    dow[t] = weekdayOfDay(day); // 0 = Sunday
    const date = new Date(day * 86_400_000);
    doy[t] = Math.round((Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()) - Date.UTC(date.getUTCFullYear(), 0, 1)) / 86_400_000);
  }
  const transit = new Uint8Array(days * ROUTE_MODES);
  for (let t = 0; t < days; t++) {
    for (let rm = 0; rm < ROUTE_MODES; rm++) {
      const sea = rm === RM_US_SEA || rm === RM_DE_SEA || rm === RM_TPL_SEA;
      const air = rm === RM_US_AIR || rm === RM_DE_AIR;
      transit[t * ROUTE_MODES + rm] = sea ? randomInt(random, 35, 50) : air ? randomInt(random, 6, 12) : randomInt(random, 3, 7);
    }
  }
  const families = FAMILIES.length;
  const poLead = new Uint8Array(days * families);
  const poCost = new Float64Array(days * families);
  for (let f = 0; f < families; f++) {
    // A slow price drift per family (inflation or a cheaper supplier), plus a little noise per PO.
    const drift = 0.02 + 0.06 * random() - 0.03;
    for (let t = 0; t < days; t++) {
      poLead[t * families + f] = randomInt(random, 15, 35);
      poCost[t * families + f] = 1 + (drift * (t - days)) / 365 + 0.05 * (random() - 0.5);
    }
  }
  return { days, startDay, dow, doy, transit, poLead, poCost };
}

interface Catalog {
  plans: SkuPlan[];
  skus: DemoSku[];
  listings: DemoListing[];
}

const CODE_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

function randomCode(random: Random, prefix: string, length: number, taken: Set<string>): string {
  for (;;) {
    let code = prefix;
    for (let i = 0; i < length; i++) code += CODE_CHARS[Math.floor(random() * CODE_CHARS.length)];
    if (!taken.has(code)) {
      taken.add(code);
      return code;
    }
  }
}

function ean13(index: number, seed: number): string {
  // 690–699 is the GS1 China prefix; the item part is a permutation of the index, unique below 9e8.
  const item = (((index * 7919 + (seedOf(seed, 9) % 1000)) % 900_000_000) + 100_000_000).toString();
  const body = `69${(index % 10).toString()}${item}`;
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(body[i]) * (i % 2 === 0 ? 1 : 3);
  return body + ((10 - (sum % 10)) % 10).toString();
}

function buildCatalog(seed: number, skuCount: number, days: number): Catalog {
  const plans: SkuPlan[] = [];
  const skus: DemoSku[] = [];
  const listings: DemoListing[] = [];
  const asins = new Set<string>();
  const fnskus = new Set<string>();
  for (let i = 0; i < skuCount; i++) {
    const random = createRandom(seedOf(seed, 1, i));
    const family = Math.floor(random() * FAMILIES.length);
    const fam = FAMILIES[family]!;
    const u = random();
    const pattern = DEMO_PATTERNS[PATTERN_CUMULATIVE.findIndex((c) => u < c)] ?? 'stable';
    const unitCostMinor = Math.round(fam.cost[0] * Math.exp(random() * Math.log(fam.cost[1] / fam.cost[0])));
    const casePack = pick(random, fam.packs);
    const moq = casePack * randomInt(random, fam.moqCases[0], fam.moqCases[1]);
    const weight = new Float64Array(5);
    weight[US] = 1;
    const intermittent = pattern === 'intermittent';
    if (random() < (intermittent ? 0.35 : 0.65)) weight[DE] = 0.2 + 0.5 * random();
    if (!intermittent && random() < 0.35) weight[TPL] = 0.1 + 0.3 * random();
    const extraUnits = intermittent ? 1.5 + 4.5 * random() : (0.2 + 1.3 * random()) * (unitCostMinor < 300 ? 1.5 : 1);
    const returnRate = 0.02 + 0.02 * random();
    const firstDay = pattern === 'new_launch' ? Math.floor(days * (0.3 + 0.55 * random())) : Math.floor(random() * Math.min(15, days / 4));
    const seasonAmp = 0.5 + 0.4 * random();
    const seasonPeak = random() < 0.75 ? 335 + randomInt(random, -20, 10) : 172 + randomInt(random, -30, 30);
    const growth = random() < 0.6 ? 0.4 + random() : -(0.4 + 0.6 * random());
    const popularity = PATTERN_VOLUME_FACTOR[pattern] * Math.exp(POPULARITY_SIGMA * randomNormal(random));
    const planBias = Math.min(1.6, Math.max(0.55, Math.exp(0.3 * randomNormal(random) - 0.05)));
    const usesAir = random() < 0.5;
    plans.push({ index: i, family, pattern, unitCostMinor, casePack, moq, weight, extraUnits, popularity, unitsPerDay: 0, returnRate, firstDay, seasonAmp, seasonPeak, growth, budgetWeight: 0, planBias, usesAir });

    const number = String(i + 1).padStart(5, '0');
    const code = `SP-${number}`;
    skus.push({
      code,
      name: `${fam.name} ${number} ${pick(random, fam.variants)}`,
      unitCostMinor,
      costCurrency: DEMO_BASE_CURRENCY,
      casePack,
      moq,
      barcode: ean13(i, seed),
      pattern,
    });
    const asin = randomCode(random, 'B0', 8, asins);
    for (const marketplace of ['US', 'DE'] as const) {
      listings.push({ skuIndex: i, marketplace, sellerSku: `${code}-${marketplace}`, asin, fnsku: randomCode(random, 'X00', 7, fnskus), unitsPerListing: 1 });
    }
  }
  return { plans, skus, listings };
}

/** Chance that a location sells on a day with mean demand `units` (Poisson; intermittent: lumpy days of `meanUnits`). */
function saleDayChance(units: number, intermittent: boolean, meanUnits: number): number {
  return intermittent ? Math.min(0.95, units / meanUnits) : Math.min(P_SALE_MAX, 1 - Math.exp(-units));
}

/** Day-to-day swing of a SKU's demand (log-normal σ) on top of Poisson noise. */
const DAY_SWING = 0.2;

/** A Poisson count with mean `mean`, given that it is at least 1 (a day with a sale); normal beyond 50. */
function positivePoisson(mean: number, random: Random): number {
  if (mean > 50) return Math.max(1, Math.round(mean + Math.sqrt(mean) * randomNormal(random)));
  const p0 = Math.exp(-mean);
  const target = p0 + random() * (1 - p0);
  let k = 0;
  let pk = p0;
  let cdf = p0;
  while (cdf < target && k < 200) {
    k++;
    pk *= mean / k;
    cdf += pk;
  }
  return Math.max(1, k);
}

function geometricMeanUnits(extraUnits: number): number {
  return 1 + 1 / (Math.exp(1 / extraUnits) - 1);
}

/** Expected sale rows of a SKU selling `unitsPerDay` (at weight 1) over its active days, at an average season. */
function expectedSaleRows(plan: SkuPlan, days: number, unitsPerDay: number): number {
  const activeDays = Math.max(0, days - plan.firstDay);
  const intermittent = plan.pattern === 'intermittent';
  const meanUnits = geometricMeanUnits(plan.extraUnits);
  let rows = 0;
  for (let loc = US; loc <= TPL; loc++) if (plan.weight[loc]! > 0) rows += activeDays * saleDayChance(unitsPerDay * plan.weight[loc]!, intermittent, meanUnits);
  return rows;
}

/**
 * Sets each SKU's units a day from its popularity, with one scale for the whole catalog chosen so the
 * sales it makes fill about SALE_ROW_SHARE of the movements; each SKU's budget weight is the rows its
 * demand makes (so a bestseller's budget lets it sell every day).
 */
function calibrateDemand(plans: SkuPlan[], days: number, movementCount: number): void {
  const target = SALE_ROW_SHARE * movementCount;
  const rowsAt = (scale: number) => {
    let rows = 0;
    for (const plan of plans) rows += expectedSaleRows(plan, days, scale * plan.popularity);
    return rows;
  };
  // Bisection on the log of the scale: rows grow with it until every SKU sells every day.
  let low = 1e-9;
  let high = 1e6;
  // 48 halvings of a 10^15 range leave the scale within a part in 10^9.
  for (let i = 0; i < 48; i++) {
    const mid = Math.sqrt(low * high);
    if (rowsAt(mid) < target) low = mid;
    else high = mid;
  }
  for (const plan of plans) {
    plan.unitsPerDay = high * plan.popularity;
    // Rows beyond the sales (shipments, receipts, returns) grow with the sales; a floor keeps every SKU some.
    plan.budgetWeight = Math.max(8, expectedSaleRows(plan, days, plan.unitsPerDay) / SALE_ROW_SHARE);
  }
}

/** Splits the movement budget over SKUs in proportion to their weights; the parts add up exactly. */
function splitBudget(plans: readonly SkuPlan[], movementCount: number): Int32Array {
  const n = plans.length;
  const budgets = new Int32Array(n);
  if (n === 0) return budgets;
  const minimum = Math.min(8, Math.floor(movementCount / n));
  const rest = movementCount - minimum * n;
  let totalWeight = 0;
  for (const plan of plans) totalWeight += plan.budgetWeight;
  let cumulative = 0;
  let given = 0;
  for (let i = 0; i < n; i++) {
    cumulative += plans[i]!.budgetWeight;
    const upTo = i === n - 1 ? rest : Math.min(rest, Math.floor((cumulative / totalWeight) * rest));
    budgets[i] = minimum + upTo - given;
    given = upTo;
  }
  return budgets;
}

/** Runs the simulation, re-scaling demand up to twice when the row count lands far from the budget. */
function simulateWithinBudget(plan: SkuPlan, budget: number, calendar: Calendar, seed: number, scratch: Scratch, state: SimState): { fixedRows: number } {
  let scale = 1;
  let coverScale = 1;
  let fixedRows = 0;
  for (let attempt = 0; attempt < 3; attempt++) {
    fixedRows = simulate(plan, budget, scale, coverScale, calendar, createRandom(seedOf(seed, 2, plan.index, attempt)), scratch, state);
    const total = scratch.length;
    const trimmable = total - fixedRows;
    if (state.budgetFullDay < 0.9 * calendar.days) {
      // Shipments used up the budget early (stock would starve afterwards): ship larger, rarer lots.
      coverScale *= 1.7;
    } else if (total < budget - Math.max(1, 0.07 * budget)) {
      scale *= Math.min(3, Math.max(1.2, (budget - fixedRows + 1) / Math.max(1, trimmable)));
    } else if (total > 1.5 * budget) {
      scale *= 0.75;
    } else {
      break;
    }
  }
  return { fixedRows };
}

/** One cosine period over a year, by day offset 0..365. */
const YEAR_COS = Float64Array.from({ length: 366 }, (_, d) => Math.cos((2 * Math.PI * d) / 365.25));

const isPrimeDay = (dayOfYear: number) => dayOfYear === 192 || dayOfYear === 193;

/**
 * The retail calendar every SKU shares, by day of the year (0 = 1 January): the Q4 run-up peaking
 * early December (+60%, Black Friday to Christmas), Prime Day (two days in mid-July, ×2) and a quiet
 * January (−15%).
 */
const RETAIL_CALENDAR = Float64Array.from({ length: 366 }, (_, d) => {
  const q4 = 0.6 * Math.exp(-(((d - 338) / 18) ** 2) / 2);
  const primeDay = isPrimeDay(d) ? 1 : 0;
  const january = d < 25 ? -0.15 : 0;
  return (1 + q4 + january) * (1 + primeDay);
});

/** Fills `season` (relative demand intensity) from the SKU's first day to the end: its own pattern times the retail calendar. */
function fillSeason(plan: SkuPlan, calendar: Calendar, season: Float64Array): void {
  fillPattern(plan, calendar, season);
  const { days, doy } = calendar;
  for (let t = plan.firstDay; t < days; t++) season[t] = season[t]! * RETAIL_CALENDAR[doy[t]!]!;
}

function fillPattern(plan: SkuPlan, calendar: Calendar, season: Float64Array): void {
  const { days, doy } = calendar;
  const from = plan.firstDay;
  switch (plan.pattern) {
    case 'seasonal': {
      const amp = plan.seasonAmp;
      const shift = 366 * 2 - plan.seasonPeak;
      for (let t = from; t < days; t++) season[t] = 1 + amp * YEAR_COS[(doy[t]! + shift) % 366]!;
      break;
    }
    case 'trending': {
      // exp(growth × years from the middle of the history), stepped by a constant daily factor.
      const step = Math.exp(plan.growth / 365);
      let value = Math.exp((plan.growth * (from - days / 2)) / 365);
      for (let t = from; t < days; t++, value *= step) season[t] = value;
      break;
    }
    case 'new_launch': {
      // Ramp-up after launch: 25% on day one, approaching 100% over a few months.
      const step = Math.exp(-1 / 40);
      let decay = 1;
      for (let t = from; t < days; t++, decay *= step) season[t] = 0.25 + 0.75 * (1 - decay);
      break;
    }
    default:
      season.fill(1, from, days);
  }
}

function roundToCase(units: number, casePack: number): number {
  if (units <= 0) return 0;
  return Math.ceil(units / casePack) * casePack;
}

/** Units to ship for a need: whole cases, or loose units (a mixed carton) below one case. */
function toShip(units: number, casePack: number): number {
  if (units <= 0) return 0;
  return units < casePack ? Math.ceil(units) : roundToCase(units, casePack);
}

/** The quantity that can actually go: all of it, else whole cases, else what is left. */
function limitTo(qty: number, available: number, casePack: number): number {
  if (qty <= available) return qty;
  if (available >= casePack) return Math.floor(available / casePack) * casePack;
  return available;
}

/**
 * Simulates one SKU into `scratch`; returns how many of its rows are fixed (not trimmable).
 * `scale` multiplies demand frequency (used to land near the budget).
 */
function simulate(plan: SkuPlan, budget: number, scale: number, coverScale: number, calendar: Calendar, random: Random, scratch: Scratch, state: SimState): number {
  const { days, dow, transit, poLead, poCost } = calendar;
  const families = FAMILIES.length;
  const { weight, casePack, moq, firstDay, extraUnits, returnRate } = plan;
  scratch.length = 0;
  state.reset();
  state.budgetFullDay = days;
  const { onHand, inTransitTo, returns, season } = state;

  const activeDays = days - firstDay;
  if (activeDays <= 0) return 0;
  fillSeason(plan, calendar, season);
  // The bound of the sale-day thinning leaves Prime Day out (it would double the candidate days of
  // every SKU for two days a year): a slow mover's chance of a sale on Prime Day is capped at its
  // best other day, while a bestseller (which sells every day anyway) still sells twice the units.
  let maxSeason = 0;
  for (let t = firstDay; t < days; t++) if (season[t]! > maxSeason && !isPrimeDay(calendar.doy[t]!)) maxSeason = season[t]!;
  const sumWeight = weight[US]! + weight[DE]! + weight[TPL]!;
  const hasDe = weight[DE]! > 0;
  const hasTpl = weight[TPL]! > 0;
  const destinations = 1 + (hasDe ? 1 : 0) + (hasTpl ? 1 : 0);
  // Mean units a day at weight 1 on an average day of season 1.
  const units0 = plan.unitsPerDay * scale;
  const intermittent = plan.pattern === 'intermittent';
  const meanUnits = geometricMeanUnits(extraUnits);
  // Days of supply per shipment, so that transfers take about a fifth of the budget.
  const cover = Math.min(365, Math.max(45, (activeDays * destinations * 20 * coverScale) / budget));
  const pLoss = Math.min(0.5, (0.012 * budget) / activeDays);
  const pFound = Math.min(0.5, (0.004 * budget) / activeDays);
  const baseCost = plan.unitCostMinor;

  // Sale days are drawn by thinning: candidate days come at the highest daily probability
  // (geometric gaps, so quiet days cost nothing) and each is kept with probability p(t) / pMax.
  const pMax = state.pMax;
  const logMiss = state.logMiss;
  const nextCandidate = state.nextCandidate;
  const gapAfter = (t: number, logQ: number): number => t + 1 + Math.floor(Math.log(1 - random()) / logQ);
  for (let loc = US; loc <= TPL; loc++) {
    pMax[loc] = weight[loc]! > 0 ? saleDayChance(units0 * weight[loc]! * maxSeason * WEEKLY_MAX, intermittent, meanUnits) : 0;
    logMiss[loc] = Math.log(1 - pMax[loc]!);
    nextCandidate[loc] = pMax[loc]! > 0 ? gapAfter(firstDay - 1, logMiss[loc]!) : days;
  }
  const pNoise = pFound + pLoss;
  const logNoiseMiss = Math.log(1 - pNoise);
  let nextNoise = pNoise > 0 ? gapAfter(firstDay - 1, logNoiseMiss) : days;

  // Fixed rows (and rows reserved for later: receipts of shipments, PO receipts, returns) stay
  // within `cap`, leaving at least a quarter of the budget for sales.
  const cap = budget - Math.floor(budget / 4);
  let committed = 0;
  let fixed = 0;

  const emitFixed = (t: number, loc: number, qty: number, type: number, cost: number, key: number) => {
    scratch.push(t, loc, qty, type, cost, key, 0);
    fixed++;
  };

  const placePo = (arrival: number, qty: number): void => {
    const i = state.poCount++;
    const key = days * ROUTE_MODES + arrival * families + plan.family;
    state.poArrival[i] = arrival;
    state.poQty[i] = qty;
    state.poKey[i] = key;
    state.poCostMinor[i] = Math.max(1, Math.round(baseCost * poCost[arrival * families + plan.family]!));
    state.onOrder += qty;
    committed++;
  };

  const ship = (t: number, rm: number, from: number, dest: number, qty: number, air: boolean): boolean => {
    const arrival = t + transit[t * ROUTE_MODES + rm]!;
    const rows = arrival < days ? 4 : 2;
    if (committed + rows > cap) {
      if (state.budgetFullDay === days) state.budgetFullDay = t;
      return false;
    }
    if (state.shipCount >= MAX_OPEN) return false;
    const key = t * ROUTE_MODES + rm;
    emitFixed(t, from, -qty, T_OUT, Number.NaN, key);
    emitFixed(t, TRANSIT, qty, T_IN, Number.NaN, key);
    committed += rows;
    onHand[from] = onHand[from]! - qty;
    inTransitTo[dest] = inTransitTo[dest]! + qty;
    const i = state.shipCount++;
    state.shipArrival[i] = arrival;
    state.shipDest[i] = dest;
    state.shipQty[i] = qty;
    state.shipKey[i] = key;
    state.shipAir[i] = air ? 1 : 0;
    state.shipFrom[i] = from;
    if (air) state.airInFlight[dest]!++;
    return true;
  };

  const arrivingBy = (dest: number, by: number): number => {
    let sum = 0;
    for (let i = 0; i < state.shipCount; i++) if (state.shipDest[i] === dest && state.shipArrival[i]! <= by) sum += state.shipQty[i]!;
    return sum;
  };

  // Opening stock: the first purchase lands on the SKU's first day.
  {
    const sPlan = Math.max(season[firstDay]!, season[Math.min(days - 1, firstDay + 40)]!);
    const rateAll = units0 * sPlan * sumWeight;
    if (committed + 1 <= cap) placePo(firstDay, Math.max(moq, roundToCase(rateAll * (cover + 60), casePack)));
  }

  // Only days when something can happen are visited: the weekly planning day (Tuesday), sale
  // candidates, arrivals, returns and the occasional loss or find.
  let nextReturn = days;
  for (let t = firstDay; t < days; ) {
    const weekday = dow[t]!;
    const planningDay = weekday === PLANNING_WEEKDAY;
    // 1. Purchase receipts (own cost).
    for (let i = 0; i < state.poCount; ) {
      if (state.poArrival[i] !== t) {
        i++;
        continue;
      }
      const qty = state.poQty[i]!;
      emitFixed(t, DOM, qty, T_RECEIPT, state.poCostMinor[i]!, state.poKey[i]!);
      onHand[DOM] = onHand[DOM]! + qty;
      state.onOrder -= qty;
      const last = --state.poCount;
      state.poArrival[i] = state.poArrival[last]!;
      state.poQty[i] = state.poQty[last]!;
      state.poKey[i] = state.poKey[last]!;
      state.poCostMinor[i] = state.poCostMinor[last]!;
    }
    // 2. Customer returns, stock found.
    for (let r = 0; r < 2; r++) {
      const q = returns[r * days + t]!;
      if (q > 0) {
        const loc = r === 0 ? US : DE;
        emitFixed(t, loc, q, T_RETURN, Number.NaN, -1);
        onHand[loc] = onHand[loc]! + q;
      }
    }
    const noise = t === nextNoise ? random() * pNoise : 1;
    if (t === nextNoise) nextNoise = gapAfter(t, logNoiseMiss);
    if (noise < pFound && committed + 1 <= cap) {
      const loc = random() < 0.5 ? DOM : random() < 0.7 ? US : hasDe ? DE : US;
      emitFixed(t, loc, 1, T_ADJUST, Number.NaN, -1);
      onHand[loc] = onHand[loc]! + 1;
      committed++;
    }
    // 3. Shipments arriving: out of transit, into the destination.
    for (let i = 0; i < state.shipCount; ) {
      if (state.shipArrival[i] !== t) {
        i++;
        continue;
      }
      const qty = state.shipQty[i]!;
      const dest = state.shipDest[i]!;
      const key = state.shipKey[i]!;
      emitFixed(t, TRANSIT, -qty, T_OUT, Number.NaN, key);
      emitFixed(t, dest, qty, T_IN, Number.NaN, key);
      onHand[dest] = onHand[dest]! + qty;
      inTransitTo[dest] = inTransitTo[dest]! - qty;
      if (state.shipAir[i]) state.airInFlight[dest]!--;
      const last = --state.shipCount;
      state.shipArrival[i] = state.shipArrival[last]!;
      state.shipDest[i] = state.shipDest[last]!;
      state.shipQty[i] = state.shipQty[last]!;
      state.shipKey[i] = state.shipKey[last]!;
      state.shipAir[i] = state.shipAir[last]!;
      state.shipFrom[i] = state.shipFrom[last]!;
    }

    // 4. Replenishment decisions, on the planner's expected demand.
    const sPlan = Math.max(season[t]!, season[Math.min(days - 1, t + 40)]!);
    const unitRate = units0 * sPlan * plan.planBias;
    const rateUs = unitRate * weight[US]!;
    const rateDe = unitRate * weight[DE]!;
    const rateTpl = unitRate * (weight[TPL]! + 0.35 * weight[US]!);
    const workday = weekday >= 1 && weekday <= 5;
    // 3PL tops up FBA US by truck.
    if (hasTpl && workday && onHand[TPL]! > 0 && onHand[US]! + inTransitTo[US]! < rateUs * (TRUCK_LEAD + 14)) {
      const qty = Math.min(onHand[TPL]!, Math.max(1, toShip(rateUs * 45, casePack)));
      ship(t, RM_TPL_US_TRUCK, TPL, US, qty, false);
    }
    // Air bridging when FBA runs low (Monday–Saturday flights).
    if (plan.usesAir && weekday !== 0) {
      for (let d = 0; d < 2; d++) {
        const dest = d === 0 ? US : DE;
        const rate = d === 0 ? rateUs : rateDe;
        const low = rate * (AIR_LEAD + 5);
        // Flying only pays for at least half a carton a month.
        if (rate * 30 < casePack / 2 || onHand[dest]! >= low || state.airInFlight[dest]! > 0 || onHand[DOM]! <= 0) continue;
        if (onHand[dest]! + arrivingBy(dest, t + AIR_LEAD + 2) >= low) continue;
        const qty = limitTo(Math.max(1, toShip(rate * 30, casePack)), onHand[DOM]!, casePack);
        if (qty > 0) ship(t, d === 0 ? RM_US_AIR : RM_DE_AIR, DOM, dest, qty, true);
      }
    }
    // Sea: weekly sailings on the planning day.
    for (let d = 0; d < 3; d++) {
      const dest = d === 0 ? US : d === 1 ? DE : TPL;
      if (!planningDay || onHand[DOM]! <= 0) continue;
      const rate = d === 0 ? rateUs * (hasTpl ? 0.65 : 1) : d === 1 ? rateDe : hasTpl ? rateTpl : 0;
      if (rate <= 0) continue;
      const position = onHand[dest]! + inTransitTo[dest]!;
      // Thin safety stock: a late sailing or an optimistic estimate means a stockout.
      if (position >= rate * (SEA_LEAD + 10)) continue;
      let want = toShip(rate * (SEA_LEAD + cover) - position, casePack);
      // Amazon's restock limit: at most ~6 months of supply into FBA.
      if (dest !== TPL) want = Math.min(want, Math.max(Math.ceil(casePack / 2), toShip(rate * 180, casePack)));
      const qty = limitTo(Math.max(1, want), onHand[DOM]!, casePack);
      if (qty > 0) ship(t, d === 0 ? RM_US_SEA : d === 1 ? RM_DE_SEA : RM_TPL_SEA, DOM, dest, qty, false);
    }
    // Purchasing on the planning day, on the echelon position.
    if (planningDay && state.poCount < 4) {
      const lead = poLead[t * families + plan.family]!;
      const arrival = t + lead;
      const rateAll = unitRate * sumWeight;
      const position = onHand[DOM]! + onHand[US]! + onHand[DE]! + onHand[TPL]! + inTransitTo[US]! + inTransitTo[DE]! + inTransitTo[TPL]! + state.onOrder;
      if (arrival < days && committed + 1 <= cap && position < rateAll * (lead + SEA_LEAD + 35)) {
        placePo(arrival, Math.max(moq, roundToCase(rateAll * (lead + SEA_LEAD + cover) - position, casePack)));
      }
    }

    // 5. Sales while in stock (lost otherwise); returns scheduled from FBA sales.
    const dayFactor = WEEKLY[weekday]! * season[t]! * units0;
    for (let loc = US; loc <= TPL; loc++) {
      if (nextCandidate[loc] !== t) continue;
      nextCandidate[loc] = gapAfter(t, logMiss[loc]!);
      if (onHand[loc]! <= 0) continue;
      const mean = dayFactor * weight[loc]!;
      const p = Math.min(pMax[loc]!, saleDayChance(mean, intermittent, meanUnits));
      if (random() * pMax[loc]! >= p) continue;
      // The units of a day with a sale, around the day's mean with its swing (ranking, ads, competitors) of about ±20%.
      const demand = intermittent ? 1 + Math.floor(-Math.log(1 - random()) * extraUnits) : positivePoisson(mean * Math.exp(DAY_SWING * randomNormal(random) - DAY_SWING ** 2 / 2), random);
      const qty = Math.min(onHand[loc]!, demand);
      scratch.push(t, loc, -qty, T_SALE, Number.NaN, -1, 1);
      onHand[loc] = onHand[loc]! - qty;
      if (loc !== TPL) {
        const back = Math.floor(qty * returnRate + random());
        if (back > 0) {
          const when = t + 4 + Math.floor(random() * 25);
          if (when < days) {
            const slot = (loc === US ? 0 : days) + when;
            if (returns[slot]! > 0) returns[slot]! += back;
            else if (committed + 1 <= cap) {
              returns[slot] = back;
              committed++;
              if (when < nextReturn) nextReturn = when;
            }
          }
        }
      }
    }
    // 6. Damaged or lost.
    if (noise >= pFound && noise < pNoise) {
      const loc = Math.floor(((noise - pFound) / pLoss) * 4);
      if (onHand[loc]! > 0) {
        const qty = Math.min(onHand[loc]!, random() < 0.8 ? 1 : 2);
        scratch.push(t, loc, -qty, T_ADJUST, Number.NaN, -1, 1);
        onHand[loc] = onHand[loc]! - qty;
      }
    }

    // The next day worth visiting.
    if (nextReturn <= t) {
      nextReturn = t + 1;
      while (nextReturn < days && returns[nextReturn] === 0 && returns[days + nextReturn] === 0) nextReturn++;
    }
    let next = t + 1 + ((PLANNING_WEEKDAY - weekday + 6) % 7);
    if (nextReturn < next) next = nextReturn;
    if (nextNoise < next) next = nextNoise;
    for (let loc = US; loc <= TPL; loc++) if (nextCandidate[loc]! < next) next = nextCandidate[loc]!;
    for (let i = 0; i < state.poCount; i++) if (state.poArrival[i]! < next) next = state.poArrival[i]!;
    for (let i = 0; i < state.shipCount; i++) if (state.shipArrival[i]! < next) next = state.shipArrival[i]!;
    t = next;
  }
  if (fixed !== committed) throw new Error(`demo budget bookkeeping: ${fixed} fixed rows, ${committed} committed`);
  return fixed;
}
