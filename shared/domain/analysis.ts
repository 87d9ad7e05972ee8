// Analysis metrics of PRODUCT §6: ABC class, inventory turnover, sell-through.

export type AbcClass = 'A' | 'B' | 'C';

export interface AbcItem {
  id: string;
  /** The ranking value (12-month COGS by default; revenue or units when the seller picks them). */
  value: number;
}

export interface AbcCutoffs {
  /** Cumulative share below which an SKU is A (default 0.8). */
  a: number;
  /** Cumulative share below which an SKU is B (default 0.95). */
  b: number;
}

export const DEFAULT_ABC_CUTOFFS: Readonly<AbcCutoffs> = Object.freeze({ a: 0.8, b: 0.95 });

/**
 * PRODUCT §6: "SKUs sorted by value …; an SKU is A while the cumulative share before it is below
 * 80%, B below 95%, else C (thresholds editable)".
 * - The share *before* an SKU excludes the SKU itself, so the boundary SKU that carries the total
 *   across 80% is still A; an SKU whose share before is exactly 80% is B (not below).
 * - §6 is silent on ties: "before it" is read as "of the SKUs with a strictly greater value", so
 *   equal values share one class whatever their order (and classes never depend on input order).
 * - §6 is silent on zero values: they follow the rule (share before = 100% → C). Negative values
 *   (net returns) count as 0. When the total is 0 there is no share to rank by and every SKU is C.
 */
export function abcClassify(items: readonly AbcItem[], cutoffs: AbcCutoffs = DEFAULT_ABC_CUTOFFS): Record<string, AbcClass> {
  if (!(cutoffs.a >= 0 && cutoffs.a <= cutoffs.b && cutoffs.b <= 1)) {
    throw new RangeError(`ABC cutoffs must satisfy 0 ≤ A ≤ B ≤ 1, got A ${cutoffs.a} and B ${cutoffs.b}`);
  }
  const values = new Float64Array(items.length);
  const seen = new Set<string>();
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    if (!Number.isFinite(item.value)) throw new RangeError(`ABC value of ${item.id} must be a finite number, got ${item.value}`);
    if (seen.has(item.id)) throw new RangeError(`ABC input lists ${item.id} twice`);
    seen.add(item.id);
    values[i] = item.value;
  }
  const classes = abcClassIndexes(values, cutoffs);
  const result: Record<string, AbcClass> = {};
  for (let i = 0; i < items.length; i++) result[items[i]!.id] = ABC_BY_INDEX[classes[i]!]!;
  return result;
}

const ABC_BY_INDEX: readonly AbcClass[] = ['A', 'B', 'C'];

/**
 * abcClassify's rule on bare values (finite; negative counts as 0): per value its class index,
 * 0 = A, 1 = B, 2 = C, in input order. Classes only fall as values fall, so sorting the values
 * alone (the native typed-array sort, no comparator) finds the lowest A and the lowest B value;
 * no index order is made and no id looked up (the plan classifies 10,000 SKUs a run).
 */
export function abcClassIndexes(values: ArrayLike<number>, cutoffs: AbcCutoffs = DEFAULT_ABC_CUTOFFS): Uint8Array {
  if (!(cutoffs.a >= 0 && cutoffs.a <= cutoffs.b && cutoffs.b <= 1)) {
    throw new RangeError(`ABC cutoffs must satisfy 0 ≤ A ≤ B ≤ 1, got A ${cutoffs.a} and B ${cutoffs.b}`);
  }
  const count = values.length;
  const clamped = new Float64Array(count);
  let total = 0;
  for (let i = 0; i < count; i++) {
    const value = values[i]!;
    if (!Number.isFinite(value)) throw new RangeError(`ABC value ${i + 1} must be a finite number, got ${value}`);
    clamped[i] = Math.max(0, value);
    total += clamped[i]!;
  }
  const classes = new Uint8Array(count).fill(2);
  if (total === 0) return classes;
  // Largest first, a run of equal values at a time: they share the class of the share before them.
  const sorted = clamped.slice().sort();
  let lowestA = Infinity;
  let lowestB = Infinity;
  let before = 0;
  for (let end = count; end > 0; ) {
    const value = sorted[end - 1]!;
    const share = before / total;
    let start = end - 1;
    while (start > 0 && sorted[start - 1] === value) start--;
    // Added one by one, as a walk over the SKUs in value order adds them.
    for (let k = start; k < end; k++) before += value;
    if (share < cutoffs.a) lowestA = value;
    else if (share < cutoffs.b) lowestB = value;
    else break;
    end = start;
  }
  for (let i = 0; i < count; i++) {
    const value = clamped[i]!;
    if (value >= lowestA) classes[i] = 0;
    else if (value >= lowestB) classes[i] = 1;
  }
  return classes;
}

function requireNonNegative(name: string, value: number): void {
  if (!(value >= 0) || !Number.isFinite(value)) throw new RangeError(`${name} must be a finite number ≥ 0, got ${value}`);
}

export interface InventoryTurnoverInput {
  /** Cost of goods sold in the period, base currency. */
  cogs: number;
  /** Inventory value at the period's first instant, base currency. */
  beginningValue: number;
  /** Inventory value at the period's last instant, base currency. */
  endingValue: number;
  /** Days in the period. */
  days: number;
}

/**
 * PRODUCT §6: rate = COGS ÷ ((beginning + ending) ÷ 2); days = days in the period ÷ rate.
 * §6 is silent on zeros, so: no COGS → rate 0 and days Infinity (nothing turned over), even with no
 * stock; COGS with an average of 0 → rate Infinity and days 0 (stock sold as fast as it arrived).
 */
export function inventoryTurnover(p: InventoryTurnoverInput): { rate: number; days: number } {
  requireNonNegative('COGS', p.cogs);
  requireNonNegative('Beginning inventory value', p.beginningValue);
  requireNonNegative('Ending inventory value', p.endingValue);
  if (!(p.days > 0) || !Number.isFinite(p.days)) throw new RangeError(`Days in the period must be greater than 0, got ${p.days}`);
  if (p.cogs === 0) return { rate: 0, days: Infinity };
  const averageValue = (p.beginningValue + p.endingValue) / 2;
  if (averageValue === 0) return { rate: Infinity, days: 0 };
  const rate = p.cogs / averageValue;
  return { rate, days: p.days / rate };
}

export interface SellThroughInput {
  beginningUnits: number;
  receivedUnits: number;
  soldUnits: number;
}

/**
 * PRODUCT §6: units sold ÷ (beginning units + units received), as a fraction (0.25 = 25%).
 * §6 is silent on an empty denominator: nothing available and nothing sold → 0; sales with nothing
 * recorded as available (a ledger gap) → Infinity, so the gap shows rather than hiding as 0 or 100%.
 */
export function sellThrough(p: SellThroughInput): number {
  const availableUnits = p.beginningUnits + p.receivedUnits;
  if (availableUnits === 0) return p.soldUnits === 0 ? 0 : Infinity;
  return p.soldUnits / availableUnits;
}
