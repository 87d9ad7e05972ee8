// The ledger figures PRODUCT §6's metrics are made of, per SKU over the whole network (every location,
// stock in transit between them included), in one pass over the movement columns: the period's
// beginning and ending units and value, its COGS, units sold and units received, the 12 months of
// COGS and units that rank ABC, and the stock on hand today with its FIFO age.
//
// Network-wide, a transfer takes units out of one location and puts them into another (through
// transit) on the same day: its two legs cancel, so transfers leave the units' age as it was. A
// transfer with no other leg (Amazon's receipt of a shipment the seller did not record) brings units
// into the network and counts as their arrival.
import { TYPE_CODE, TRANSFER_IN, TRANSFER_OUT } from '../ledger/columns';
import type { QuantityColumns } from '../ledger/columns';

/** Age buckets of PRODUCT §6 by their last day of age: 0–90, 91–180, 181–270, 271–365, over 365. */
export const AGE_BUCKET_LAST_DAYS = [90, 180, 270, 365] as const;
export const AGE_BUCKET_COUNT = AGE_BUCKET_LAST_DAYS.length + 1;

export interface AnalysisWindow {
  /** The period, both ends inclusive (day numbers). */
  fromDay: number;
  toDay: number;
  /** First day of the ABC ranking's window, which ends with the period (default: 12 months, toDay − 364). */
  abcFromDay: number;
  /** The day stock on hand and its age are measured at the end of (today). */
  asOfDay: number;
}

/** Per SKU, in the order of `skuIds`; money in base minor units. */
export interface SkuLedgerFacts {
  skuIds: Int32Array;
  beginningQty: Float64Array;
  beginningValueMinor: Float64Array;
  endingQty: Float64Array;
  endingValueMinor: Float64Array;
  /** Value of `sale` movements out net of `customer_return` movements in, over the period. */
  cogsMinor: Float64Array;
  /** Units of `sale` out net of `customer_return` in, over the period. */
  soldUnits: Float64Array;
  /** Units of `receipt` movements, over the period (a reversed receipt takes its units back). */
  receivedUnits: Float64Array;
  /** COGS and units sold as above, over the ABC window. */
  abcCogsMinor: Float64Array;
  abcSoldUnits: Float64Array;
  /**
   * Revenue over the ABC window, base minor units, from imported orders (shared/analysis/revenue.ts):
   * not a ledger figure, so skuLedgerFacts leaves it out and the worker adds it. Absent: none known.
   */
  abcRevenueMinor?: Float64Array;
  /** On hand at the end of asOfDay, and its value. */
  onHandQty: Float64Array;
  onHandValueMinor: Float64Array;
  /** On-hand units by age bucket: AGE_BUCKET_COUNT per SKU, SKU after SKU. They add up to max(0, onHandQty). */
  ageUnits: Float64Array;
}

/** The bucket of units `ageDays` old (0 = arrived today). */
export function ageBucketOf(ageDays: number): number {
  for (let k = 0; k < AGE_BUCKET_LAST_DAYS.length; k++) if (ageDays <= AGE_BUCKET_LAST_DAYS[k]!) return k;
  return AGE_BUCKET_LAST_DAYS.length;
}

/**
 * One pass over the columns and their values (valueMovements). Movements of SKUs not in `skuIds`
 * are left out.
 *
 * Age is FIFO: units leave oldest first, so whatever the order of sales, the units on hand are always
 * the ones that came in last. Counting back from the newest arrival until the units on hand are
 * covered gives each unit its arrival day, with no replay in day order: per SKU only the arrivals per
 * age bucket are summed in the pass. An arrival is any movement into the network: a receipt, and also
 * a customer return, found stock or a count that found more (the ledger does not say when such units
 * first came in, so their age starts again). A reversal is no arrival: a sale taken back never left
 * (its units keep their age), and a receipt taken back removes arrivals no newer than itself. Units on hand beyond every arrival the ledger shows
 * (a ledger imported without its opening stock) are in the oldest bucket; with fewer on hand than
 * zero there are no units to age.
 */
export function skuLedgerFacts(columns: QuantityColumns, values: Float64Array, skuIds: ArrayLike<number>, window: AnalysisWindow): SkuLedgerFacts {
  const n = skuIds.length;
  let maxId = -1;
  for (let s = 0; s < n; s++) if (skuIds[s]! > maxId) maxId = skuIds[s]!;
  const slotOf = new Int32Array(maxId + 1).fill(-1);
  for (let s = 0; s < n; s++) slotOf[skuIds[s]!] = s;

  const facts: SkuLedgerFacts = {
    skuIds: Int32Array.from(skuIds),
    beginningQty: new Float64Array(n),
    beginningValueMinor: new Float64Array(n),
    endingQty: new Float64Array(n),
    endingValueMinor: new Float64Array(n),
    cogsMinor: new Float64Array(n),
    soldUnits: new Float64Array(n),
    receivedUnits: new Float64Array(n),
    abcCogsMinor: new Float64Array(n),
    abcSoldUnits: new Float64Array(n),
    onHandQty: new Float64Array(n),
    onHandValueMinor: new Float64Array(n),
    ageUnits: new Float64Array(n * AGE_BUCKET_COUNT),
  };
  const { beginningQty, beginningValueMinor, endingQty, endingValueMinor, cogsMinor, soldUnits, receivedUnits, abcCogsMinor, abcSoldUnits, onHandQty, onHandValueMinor } = facts;
  const arrivals = new Float64Array(n * AGE_BUCKET_COUNT);
  const transferNet = new Float64Array(n * AGE_BUCKET_COUNT);
  const { fromDay, toDay, abcFromDay, asOfDay } = window;
  const SALE = TYPE_CODE.sale;
  const RETURN = TYPE_CODE.customer_return;
  const RECEIPT = TYPE_CODE.receipt;
  // Kinds that only ever take units out: one with units in is a reversal (a sale taken back), and
  // the units never left, so it is no arrival. Kinds that only bring units in: one with units out
  // is a reversal of an arrival (a receipt entered by mistake), which takes back arrivals no newer than itself.
  const OUT_ONLY = new Uint8Array(Object.keys(TYPE_CODE).length);
  for (const kind of ['sale', 'removal', 'vendor_return'] as const) OUT_ONLY[TYPE_CODE[kind]] = 1;
  const IN_ONLY = new Uint8Array(Object.keys(TYPE_CODE).length);
  for (const kind of ['receipt', 'customer_return'] as const) IN_ONLY[TYPE_CODE[kind]] = 1;

  const { day, skuId, qty, type } = columns;
  const lastBucket = AGE_BUCKET_LAST_DAYS;

  for (let i = 0; i < columns.length; i++) {
    const id = skuId[i]!;
    if (id > maxId) continue;
    const s = slotOf[id]!;
    if (s < 0) continue;
    const t = type[i]!;
    const d = day[i]!;
    const q = qty[i]!;
    const v = values[i]!;
    if (d <= asOfDay) {
      onHandQty[s] = onHandQty[s]! + q;
      onHandValueMinor[s] = onHandValueMinor[s]! + v;
      const isTransfer = t === TRANSFER_OUT || t === TRANSFER_IN;
      const reversesArrival = q < 0 && IN_ONLY[t] === 1;
      if (reversesArrival || (q > 0 && OUT_ONLY[t] !== 1) || isTransfer) {
        const age = asOfDay - d;
        const k = s * AGE_BUCKET_COUNT + (age <= lastBucket[0] ? 0 : age <= lastBucket[1] ? 1 : age <= lastBucket[2] ? 2 : age <= lastBucket[3] ? 3 : 4);
        // A transfer's legs fall on one day, so in one bucket, where they cancel.
        if (isTransfer) transferNet[k] = transferNet[k]! + q;
        else arrivals[k] = arrivals[k]! + q;
      }
    }
    if (d > toDay) continue;
    if (d < fromDay) {
      beginningQty[s] = beginningQty[s]! + q;
      beginningValueMinor[s] = beginningValueMinor[s]! + v;
    } else {
      endingQty[s] = endingQty[s]! + q;
      endingValueMinor[s] = endingValueMinor[s]! + v;
      if (t === SALE || t === RETURN) {
        cogsMinor[s] = cogsMinor[s]! - v;
        soldUnits[s] = soldUnits[s]! - q;
      } else if (t === RECEIPT) {
        receivedUnits[s] = receivedUnits[s]! + q;
      }
    }
    if (d >= abcFromDay && (t === SALE || t === RETURN)) {
      abcCogsMinor[s] = abcCogsMinor[s]! - v;
      abcSoldUnits[s] = abcSoldUnits[s]! - q;
    }
  }

  for (let s = 0; s < n; s++) {
    // Ending = beginning + what happened in the period (the loop summed only the period into it).
    endingQty[s] = endingQty[s]! + beginningQty[s]!;
    endingValueMinor[s] = endingValueMinor[s]! + beginningValueMinor[s]!;
    // A reversed arrival was taken out in its own day's bucket (it reverses an arrival no newer than
    // itself); what it took beyond that bucket's arrivals comes out of the next older one.
    for (let k = 0; k < AGE_BUCKET_COUNT; k++) {
      const at = s * AGE_BUCKET_COUNT + k;
      if (arrivals[at]! >= 0) continue;
      if (k + 1 < AGE_BUCKET_COUNT) arrivals[at + 1] = arrivals[at + 1]! + arrivals[at]!;
      arrivals[at] = 0;
    }
    // Newest arrivals first, until the units on hand are covered.
    let left = Math.max(0, onHandQty[s]!);
    for (let k = 0; k < AGE_BUCKET_COUNT && left > 0; k++) {
      const at = s * AGE_BUCKET_COUNT + k;
      // Transfers that came in with no leg out are arrivals; one going out with none in is just an outflow.
      const take = Math.min(left, arrivals[at]! + Math.max(0, transferNet[at]!));
      facts.ageUnits[at] = take;
      left -= take;
    }
    // Never more on hand than arrived (transfers counted at their net), but if so: of unknown age, the oldest.
    if (left > 0) {
      const oldest = s * AGE_BUCKET_COUNT + AGE_BUCKET_COUNT - 1;
      facts.ageUnits[oldest] = facts.ageUnits[oldest]! + left;
    }
  }
  return facts;
}
