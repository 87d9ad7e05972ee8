// Test helpers for the ledger: posting movements with ids, running the real valuation, and a
// deliberately naive reference valuation (plain objects, one row at a time) that follows the order
// rule documented at the top of shared/ledger/valuation.ts.
import { columnsFromMovements } from '../../shared/ledger/columns';
import { valueMovements } from '../../shared/ledger/valuation';
import type { ValuationContext } from '../../shared/ledger/valuation';
import type { MovementColumns } from '../../shared/ledger/columns';
import type { Movement, MovementInput } from '../../shared/model';

export type LedgerRow = Pick<Movement, 'id' | 'date' | 'skuId' | 'locationId' | 'qty' | 'type' | 'unitCostMinor' | 'ref'>;

/** Assigns ids in posting order, like the database does. */
export class Ledger {
  readonly rows: Movement[] = [];
  private nextId = 1;

  post(inputs: readonly MovementInput[]): Movement[] {
    const posted = inputs.map((input) => ({ ...input, id: this.nextId++ }));
    this.rows.push(...posted);
    return posted;
  }

  receipt(date: string, skuId: number, locationId: number, qty: number, unitCostMinor: number): Movement {
    return this.post([{ date, skuId, locationId, qty, type: 'receipt', unitCostMinor, source: 'manual' }])[0]!;
  }

  sale(date: string, skuId: number, locationId: number, qty: number): Movement {
    return this.post([{ date, skuId, locationId, qty: -qty, type: 'sale', source: 'manual' }])[0]!;
  }

  add(row: Omit<MovementInput, 'source'>): Movement {
    return this.post([{ ...row, source: 'manual' }])[0]!;
  }
}

export interface Valued {
  columns: MovementColumns;
  values: Float64Array;
  /** Value of a movement by id. */
  valueOf: (id: number) => number;
}

export function valueRows(rows: readonly LedgerRow[], context: ValuationContext): Valued {
  const columns = columnsFromMovements(rows);
  const values = valueMovements(columns, context);
  const byId = new Map<number, number>();
  rows.forEach((row, i) => byId.set(row.id, values[i]!));
  return {
    columns,
    values,
    valueOf: (id) => {
      const value = byId.get(id);
      if (value === undefined) throw new Error(`no movement ${id}`);
      return value + 0; // -0 (an outgoing movement worth nothing) reads as 0
    },
  };
}

export interface ReferenceResult {
  /** Signed value per movement id. */
  values: Map<number, number>;
  /** First movement (in replay order) that took a pool below zero units, or null. */
  firstNegativeId: number | null;
  /** Pools that were left at zero units with a non-zero value, as `pool@id`. */
  zeroUnitsWithValue: string[];
}

interface RefPool {
  qty: number;
  value: number;
  /** Average after the last incoming movement that left the pool with units; null before that. */
  lastAverage: number | null;
}

/**
 * Naive moving weighted-average valuation, written from the documented rule:
 * day by day; within a day own-cost incoming, then incoming at average, then outgoing in posting
 * (id) order; a paired transfer_in (same ref, SKU, day, |qty|) arrives with the value that left,
 * plus its own unit cost × qty when it has one (landed cost), at the moment its transfer_out is
 * applied. Transit pools are per SKU × shipment ref.
 */
export function referenceValuation(
  rows: readonly LedgerRow[],
  transitLocationIds: ReadonlySet<number>,
  fallbackUnitCostMinor?: ReadonlyMap<number, number>,
): ReferenceResult {
  const byId = (a: LedgerRow, b: LedgerRow) => a.id - b.id;
  const outs = rows.filter((m) => m.type === 'transfer_out' && m.qty < 0 && m.ref !== undefined).sort(byId);
  const ins = rows.filter((m) => m.type === 'transfer_in' && m.qty > 0 && m.ref !== undefined).sort(byId);
  const pairOf = new Map<number, LedgerRow>();
  const pairedIn = new Set<number>();
  for (const out of outs) {
    const match = ins.find(
      (m) => !pairedIn.has(m.id) && m.ref === out.ref && m.skuId === out.skuId && m.date === out.date && m.qty === -out.qty,
    );
    if (match) {
      pairedIn.add(match.id);
      pairOf.set(out.id, match);
    }
  }

  const phase = (m: LedgerRow) => (m.qty > 0 ? (m.unitCostMinor === undefined ? 1 : 0) : 2);
  const replay = rows
    .filter((m) => !pairedIn.has(m.id))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : phase(a) - phase(b) || a.id - b.id));

  const pools = new Map<string, RefPool>();
  const poolName = (m: LedgerRow) =>
    `${m.skuId}|${m.locationId}|${transitLocationIds.has(m.locationId) ? (m.ref ?? '<none>') : ''}`;
  const poolOf = (m: LedgerRow): RefPool => {
    const name = poolName(m);
    let pool = pools.get(name);
    if (!pool) pools.set(name, (pool = { qty: 0, value: 0, lastAverage: null }));
    return pool;
  };
  const costWhenEmpty = (pool: RefPool, skuId: number) => pool.lastAverage ?? fallbackUnitCostMinor?.get(skuId) ?? 0;

  const values = new Map<number, number>();
  for (const m of rows) values.set(m.id, 0);
  let firstNegativeId: number | null = null;
  const zeroUnitsWithValue: string[] = [];
  const check = (m: LedgerRow, pool: RefPool) => {
    if (pool.qty < 0 && firstNegativeId === null) firstNegativeId = m.id;
    if (pool.qty === 0 && pool.value !== 0) zeroUnitsWithValue.push(`${poolName(m)}@${m.id}`);
  };
  const addIncoming = (m: LedgerRow, pool: RefPool, value: number) => {
    values.set(m.id, value);
    pool.qty += m.qty;
    pool.value += value;
    if (pool.qty > 0) pool.lastAverage = pool.value / pool.qty;
    check(m, pool);
  };

  for (const m of replay) {
    if (m.qty === 0) continue;
    const pool = poolOf(m);
    if (m.qty > 0) {
      const unitCost = m.unitCostMinor ?? (pool.qty > 0 ? pool.value / pool.qty : costWhenEmpty(pool, m.skuId));
      // Units sold short come back at the value they left with; the rest at this movement's cost.
      const fill = pool.qty < 0 ? Math.min(m.qty, -pool.qty) : 0;
      const fillValue = fill === 0 ? 0 : fill === -pool.qty ? -pool.value : Math.round((pool.value * fill) / pool.qty);
      addIncoming(m, pool, fillValue + Math.round((m.qty - fill) * unitCost));
      continue;
    }
    const out = -m.qty;
    let valueOut: number;
    if (pool.qty <= 0) valueOut = Math.round(out * costWhenEmpty(pool, m.skuId));
    else if (out === pool.qty) valueOut = pool.value;
    else if (out < pool.qty) valueOut = Math.round((pool.value * out) / pool.qty);
    else valueOut = pool.value + Math.round((out - pool.qty) * (pool.value / pool.qty));
    values.set(m.id, 0 - valueOut);
    pool.qty -= out;
    pool.value -= valueOut;
    check(m, pool);
    const paired = pairOf.get(m.id);
    if (paired) addIncoming(paired, poolOf(paired), valueOut + (paired.unitCostMinor === undefined ? 0 : Math.round(paired.qty * paired.unitCostMinor)));
  }
  return { values, firstNegativeId, zeroUnitsWithValue };
}

/** Small deterministic PRNG for shuffles inside properties (seeded by fast-check). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffled<T>(items: readonly T[], seed: number): T[] {
  const random = prng(seed);
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}
