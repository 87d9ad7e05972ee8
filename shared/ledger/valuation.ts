// Moving weighted-average valuation (PRODUCT §1.3), per SKU × location; in transit, per SKU × shipment.
//
// The documented order rule: movements are applied day by day. Within a day, incoming movements
// that bring their own cost come first, then other incoming (valued at the current average), then
// outgoing movements in posting order. A transfer moves its value with it: the transfer_in paired
// with a transfer_out (same ref, SKU, day and quantity) arrives with exactly the value that left,
// plus, when it carries its own unitCostMinor, that landed cost per unit (freight, duties, fees —
// PRODUCT §3) added on arrival: value in = value out + round(qty × unitCostMinor). An unpaired
// transfer_in is valued like any incoming movement (its own cost, else the pool's average).
// So quantities never depend on same-day order, and values only through whole-minor-unit rounding
// and same-day transfers into a location that also ships out that day.
//
// Values are whole minor units. An outgoing movement takes its proportional share of the pool's
// value, and the one that empties a pool takes all of it, so zero units always means zero value.
// Units sold short (imports may oversell) leave at the last average and an incoming movement that
// refills them brings them back at that value; only a transfer arriving into an oversold location
// keeps the value it left with, which may leave a residual there until the pool next empties.
import type { MovementColumns } from './columns';
import { TRANSFER_IN, TRANSFER_OUT } from './columns';
import { denseSlots } from './slots';

export interface ValuationContext {
  transitLocationIds: ReadonlySet<number>;
  /** Catalog cost per SKU in base minor units: values stock that leaves a pool with no history. */
  fallbackUnitCostMinor?: ReadonlyMap<number, number>;
}

const MAX_SKU_ID = 2 ** 20;
const MAX_LOCATION_ID = 4096;
const MAX_REFS = 2 ** 21 - 1;

/** Numeric key of a valuation pool: SKU × location, plus the shipment ref for transit. */
export function poolKey(skuId: number, locationId: number, refIndex: number, isTransit: boolean): number {
  if (skuId < 0 || skuId >= MAX_SKU_ID || locationId < 0 || locationId >= MAX_LOCATION_ID || refIndex >= MAX_REFS) {
    throw new RangeError(`ledger key out of range: sku ${skuId}, location ${locationId}, ref ${refIndex}`);
  }
  const refPart = isTransit ? refIndex + 1 : 0;
  return refPart * 2 ** 32 + skuId * MAX_LOCATION_ID + locationId;
}

const PHASE_OWN_COST_IN = 0;
const PHASE_AVERAGE_IN = 1;
const PHASE_OUT = 2;

/** Returns each movement's signed value in base minor units, aligned with the input columns. */
export function valueMovements(columns: MovementColumns, context: ValuationContext): Float64Array {
  const n = columns.length;
  const values = new Float64Array(n);
  if (n === 0) return values;
  const { day, skuId, locationId, qty, type, unitCostMinor, ref, refs, seq } = columns;
  // References are compared by their text, not their index: columns joined without merging their
  // refs lists (one entry per row) value exactly as deduplicated ones. Only transfers and transit
  // rows are looked up, so the map stays small.
  const refIds = new Map<string, number>();
  const refIdOf = (i: number): number => {
    const text = refs[ref[i]!];
    if (text === undefined) return -1;
    let id = refIds.get(text);
    if (id === undefined) refIds.set(text, (id = refIds.size));
    return id;
  };

  // 1. Pair each transfer_out with the transfer_in that mirrors it.
  const pairedInOf = new Int32Array(n).fill(-1);
  const isPairedIn = new Uint8Array(n);
  const transferGroups = new Map<string, { outs: number[]; ins: number[] }>();
  for (let i = 0; i < n; i++) {
    const t = type[i]!;
    if (ref[i]! < 0 || (t !== TRANSFER_OUT && t !== TRANSFER_IN)) continue;
    const q = qty[i]!;
    if ((t === TRANSFER_OUT && q >= 0) || (t === TRANSFER_IN && q <= 0)) continue;
    const key = `${refIdOf(i)}|${skuId[i]}|${day[i]}|${Math.abs(q)}`;
    let group = transferGroups.get(key);
    if (!group) transferGroups.set(key, (group = { outs: [], ins: [] }));
    (t === TRANSFER_OUT ? group.outs : group.ins).push(i);
  }
  const bySeq = (a: number, b: number) => seq[a]! - seq[b]!;
  for (const { outs, ins } of transferGroups.values()) {
    outs.sort(bySeq);
    ins.sort(bySeq);
    const pairs = Math.min(outs.length, ins.length);
    for (let k = 0; k < pairs; k++) {
      pairedInOf[outs[k]!] = ins[k]!;
      isPairedIn[ins[k]!] = 1;
    }
  }

  // 2. Order by (day, phase, posting order) with one native numeric sort of packed keys.
  const order = sortedOrder(columns, isPairedIn);

  // 3. Replay. Pools of stock locations are found through a dense SKU × location table; transit
  // pools (per shipment ref) through a Map, as there are few.
  const skus = denseSlots(skuId);
  const locations = denseSlots(locationId);
  const stockPoolOf = new Int32Array(skus.count * locations.count).fill(-1);
  const transitPoolOf = new Map<number, number>();
  const isTransitSlot = new Uint8Array(locations.count);
  for (let slot = 0; slot < locations.count; slot++) isTransitSlot[slot] = context.transitLocationIds.has(locations.idOf[slot]!) ? 1 : 0;
  let poolCount = 0;
  let poolQty = new Float64Array(1024);
  let poolValue = new Float64Array(1024);
  let poolLastAvg = new Float64Array(1024).fill(Number.NaN);
  const newPool = (): number => {
    const p = poolCount++;
    if (p >= poolQty.length) {
      poolQty = grow(poolQty, 0);
      poolValue = grow(poolValue, 0);
      poolLastAvg = grow(poolLastAvg, Number.NaN);
    }
    return p;
  };
  const poolOf = (i: number): number => {
    const skuSlot = skus.slotOf[skuId[i]!]!;
    const locationSlot = locations.slotOf[locationId[i]!]!;
    if (isTransitSlot[locationSlot]) {
      const key = (refIdOf(i) + 1) * skus.count * locations.count + skuSlot * locations.count + locationSlot;
      let p = transitPoolOf.get(key);
      if (p === undefined) transitPoolOf.set(key, (p = newPool()));
      return p;
    }
    const cell = skuSlot * locations.count + locationSlot;
    let p = stockPoolOf[cell]!;
    if (p < 0) stockPoolOf[cell] = p = newPool();
    return p;
  };
  const fallbackCost = (p: number, i: number): number => {
    const last = poolLastAvg[p]!;
    if (!Number.isNaN(last)) return last;
    return context.fallbackUnitCostMinor?.get(skuId[i]!) ?? 0;
  };
  const addIn = (p: number, q: number, value: number) => {
    poolQty[p] = poolQty[p]! + q;
    poolValue[p] = poolValue[p]! + value;
    if (poolQty[p]! > 0) poolLastAvg[p] = poolValue[p]! / poolQty[p]!;
  };

  for (let k = 0; k < order.length; k++) {
    const i = order[k]!;
    const q = qty[i]!;
    if (q === 0) continue;
    const p = poolOf(i);
    if (q > 0) {
      const own = unitCostMinor[i]!;
      const onHand = poolQty[p]!;
      const cost = Number.isNaN(own) ? (onHand > 0 ? poolValue[p]! / onHand : fallbackCost(p, i)) : own;
      let value: number;
      if (onHand < 0) {
        // Refilling units sold short (only imports oversell): they come back at the value they left
        // with, so zero units is zero value again; the rest at this movement's cost.
        const fill = Math.min(q, -onHand);
        const fillValue = fill === -onHand ? -poolValue[p]! : Math.round((poolValue[p]! * fill) / onHand);
        value = fillValue + Math.round((q - fill) * cost);
      } else {
        value = Math.round(q * cost);
      }
      values[i] = value;
      addIn(p, q, value);
      continue;
    }
    const out = -q;
    const onHand = poolQty[p]!;
    let valueOut: number;
    if (onHand <= 0) {
      valueOut = Math.round(out * fallbackCost(p, i));
    } else if (out === onHand) {
      valueOut = poolValue[p]!;
    } else if (out < onHand) {
      valueOut = Math.round((poolValue[p]! * out) / onHand);
    } else {
      // Going below zero (only imports may): the stock there goes at the average, the rest too.
      valueOut = poolValue[p]! + Math.round((out - onHand) * (poolValue[p]! / onHand));
    }
    values[i] = -valueOut;
    poolQty[p] = onHand - out;
    poolValue[p] = poolValue[p]! - valueOut;
    const j = pairedInOf[i]!;
    if (j >= 0) {
      const landedUnitCost = unitCostMinor[j]!;
      const valueIn = Number.isNaN(landedUnitCost) ? valueOut : valueOut + Math.round(qty[j]! * landedUnitCost);
      values[j] = valueIn;
      addIn(poolOf(j), qty[j]!, valueIn);
    }
  }
  return values;
}

function grow(array: Float64Array<ArrayBuffer>, fill: number): Float64Array<ArrayBuffer> {
  const next = new Float64Array(array.length * 2).fill(fill);
  next.set(array);
  return next;
}

/** Indices of the movements to replay, in (day, phase, seq) order; paired transfer_ins are left out. */
function sortedOrder(columns: MovementColumns, isPairedIn: Uint8Array): Uint32Array {
  const n = columns.length;
  const { day, qty, unitCostMinor, seq } = columns;
  // Rank by posting order once (usually already in order, so this is a cheap check).
  let rankToIndex: Uint32Array | null = null;
  for (let i = 1; i < n; i++) {
    if (seq[i]! < seq[i - 1]!) {
      rankToIndex = Uint32Array.from({ length: n }, (_, k) => k).sort((a, b) => seq[a]! - seq[b]! || a - b);
      break;
    }
  }
  let minDay = Infinity;
  let maxDay = -Infinity;
  for (let i = 0; i < n; i++) {
    if (day[i]! < minDay) minDay = day[i]!;
    if (day[i]! > maxDay) maxDay = day[i]!;
  }
  const rankFactor = 2 ** Math.ceil(Math.log2(n + 1));
  if ((maxDay - minDay + 1) * 3 * rankFactor >= 2 ** 53) throw new RangeError('ledger too large to order');
  const keys = new Float64Array(n);
  let count = 0;
  for (let rank = 0; rank < n; rank++) {
    const i = rankToIndex ? rankToIndex[rank]! : rank;
    if (isPairedIn[i]) continue;
    const q = qty[i]!;
    const phase = q > 0 ? (Number.isNaN(unitCostMinor[i]!) ? PHASE_AVERAGE_IN : PHASE_OWN_COST_IN) : PHASE_OUT;
    keys[count++] = ((day[i]! - minDay) * 3 + phase) * rankFactor + rank;
  }
  const sorted = keys.subarray(0, count).sort();
  const order = new Uint32Array(count);
  for (let k = 0; k < count; k++) {
    const rank = sorted[k]! % rankFactor;
    order[k] = rankToIndex ? rankToIndex[rank]! : rank;
  }
  return order;
}
