import { describe, expect, it, test } from 'vitest';
import { dayNumber } from '../../shared/dates';
import { DEMO_LOCATIONS, generateDemo, DEMO_PATTERNS } from '../../shared/demo/generate';
import type { DemoDataset, DemoOptions } from '../../shared/demo/generate';
import { createRandom } from '../../shared/demo/random';
import { TYPE_CODE, TRANSFER_IN, TRANSFER_OUT } from '../../shared/ledger/columns';
import type { MovementColumns } from '../../shared/ledger/columns';
import { poolKey, valueMovements } from '../../shared/ledger/valuation';

const END = '2025-06-30';
const TRANSIT_ID = 5;

function generate(seed: number, skuCount: number, movementCount: number): DemoDataset {
  return generateDemo({ seed, skuCount, movementCount, endDate: END });
}

function bytes(array: ArrayBufferView): Uint8Array {
  return new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
}

function sameColumns(a: MovementColumns, b: MovementColumns): boolean {
  if (a.length !== b.length || a.refs.join('\n') !== b.refs.join('\n')) return false;
  const fields = ['day', 'skuId', 'locationId', 'qty', 'type', 'unitCostMinor', 'ref', 'seq'] as const;
  return fields.every((field) => Buffer.compare(bytes(a[field]), bytes(b[field])) === 0);
}

/** Index of the transfer_in paired with each transfer_out (same ref, SKU, day, |qty|), or -1. */
function pairTransfers(m: MovementColumns): Int32Array {
  const pairedIn = new Int32Array(m.length).fill(-1);
  const ins = new Map<string, number[]>();
  for (let i = 0; i < m.length; i++) {
    if (m.type[i] !== TRANSFER_IN) continue;
    const key = `${m.ref[i]}|${m.skuId[i]}|${m.day[i]}|${m.qty[i]}`;
    const list = ins.get(key);
    if (list) list.push(i);
    else ins.set(key, [i]);
  }
  for (let i = 0; i < m.length; i++) {
    if (m.type[i] !== TRANSFER_OUT) continue;
    const list = ins.get(`${m.ref[i]}|${m.skuId[i]}|${m.day[i]}|${-m.qty[i]!}`);
    const j = list?.shift();
    if (j !== undefined) pairedIn[i] = j;
  }
  return pairedIn;
}

interface Replay {
  /** Lowest balance seen in any pool at any point of the replay. */
  lowest: number;
  lowestAt: string;
  /** Final balance per pool key. */
  balances: Map<number, number>;
}

/**
 * Replays the ledger with the documented same-day rule (ledger/valuation.ts): day by day, incoming
 * movements with their own cost, then other incoming, then outgoing in posting order, a paired
 * transfer_in arriving together with its transfer_out. Transit balances are kept per ref.
 */
function replay(m: MovementColumns): Replay {
  const pairedIn = pairTransfers(m);
  const isPairedIn = new Uint8Array(m.length);
  for (const j of pairedIn) if (j >= 0) isPairedIn[j] = 1;
  const balances = new Map<number, number>();
  const keyOf = (i: number) => poolKey(m.skuId[i]!, m.locationId[i]!, m.ref[i]!, m.locationId[i] === TRANSIT_ID);
  const add = (i: number) => {
    const key = keyOf(i);
    const balance = (balances.get(key) ?? 0) + m.qty[i]!;
    balances.set(key, balance);
    return balance;
  };
  let lowest = 0;
  let lowestAt = '';
  let start = 0;
  while (start < m.length) {
    let end = start;
    while (end < m.length && m.day[end] === m.day[start]) end++;
    const order: number[] = [];
    for (let phase = 0; phase < 3; phase++) {
      for (let i = start; i < end; i++) {
        if (isPairedIn[i]) continue;
        const q = m.qty[i]!;
        const p = q > 0 ? (Number.isNaN(m.unitCostMinor[i]!) ? 1 : 0) : 2;
        if (p === phase) order.push(i);
      }
    }
    for (const i of order) {
      const balance = add(i);
      if (balance < lowest) {
        lowest = balance;
        lowestAt = `movement ${i}: sku ${m.skuId[i]} location ${m.locationId[i]} day ${m.day[i]}`;
      }
      if (pairedIn[i]! >= 0) add(pairedIn[i]!);
    }
    start = end;
  }
  return { lowest, lowestAt, balances };
}

describe('demo data generator', () => {
  const options: DemoOptions = { seed: 42, skuCount: 1500, movementCount: 150_000, endDate: END };
  const data = generateDemo(options);
  const m = data.movements;

  it('is deterministic and depends on the seed', () => {
    const again = generateDemo({ ...options });
    expect(sameColumns(again.movements, m)).toBe(true);
    expect(again.skus).toEqual(data.skus);
    expect(again.listings).toEqual(data.listings);
    const other = generateDemo({ ...options, seed: 43 });
    expect(other.movements.length).toBe(m.length);
    expect(sameColumns(other.movements, m)).toBe(false);
    expect(other.listings.map((l) => l.fnsku)).not.toEqual(data.listings.map((l) => l.fnsku));
  });

  it.each([
    [1, 7],
    [1, 1],
    [1, 0],
    [3, 2],
    [10, 500],
    [7, 123],
    [50, 1_001],
    [200, 20_000],
    [20, 40_000],
  ])('produces exactly the requested count (%i SKUs × %i movements), sorted, with ids in range', (skuCount, movementCount) => {
    const small = generate(7, skuCount, movementCount);
    const c = small.movements;
    expect(c.length).toBe(movementCount);
    expect(c.day.length).toBe(movementCount);
    expect(small.skus).toHaveLength(skuCount);
    expect(small.listings).toHaveLength(2 * skuCount);
    for (let i = 0; i < c.length; i++) {
      if (c.seq[i] !== i) throw new Error(`seq out of order at ${i}`);
      if (i > 0 && c.day[i]! < c.day[i - 1]!) throw new Error(`not sorted at ${i}`);
      if (c.skuId[i]! < 1 || c.skuId[i]! > skuCount) throw new Error(`sku id out of range at ${i}`);
      if (c.locationId[i]! < 1 || c.locationId[i]! > 5) throw new Error(`location id out of range at ${i}`);
    }
    expect(replay(c).lowest).toBe(0);
  });

  it('covers about two years ending at endDate, sorted by day with seq in order', () => {
    const endDay = dayNumber(END);
    expect(m.day[m.length - 1]).toBe(endDay);
    expect(m.day[0]!).toBeGreaterThanOrEqual(endDay - 729);
    expect(m.day[0]!).toBeLessThanOrEqual(endDay - 700);
    for (let i = 1; i < m.length; i++) if (m.day[i]! < m.day[i - 1]!) throw new Error(`not sorted at ${i}`);
    expect(Array.from(m.seq.subarray(0, 5))).toEqual([0, 1, 2, 3, 4]);
    expect(m.seq[m.length - 1]).toBe(m.length - 1);
  });

  it('has the five demo locations and well-formed catalog codes', () => {
    expect(data.locations).toEqual([
      { name: 'Shenzhen warehouse', kind: 'domestic' },
      { name: 'FBA US', kind: 'fba', marketplace: 'US' },
      { name: 'FBA DE', kind: 'fba', marketplace: 'DE' },
      { name: '3PL Los Angeles', kind: '3pl' },
      { name: 'In transit', kind: 'transit' },
    ]);
    const codes = new Set(data.skus.map((s) => s.code));
    expect(codes.size).toBe(data.skus.length);
    expect(data.skus[0]!.code).toBe('SP-00001');
    for (const sku of data.skus) {
      expect(sku.code).toMatch(/^SP-\d{5}$/);
      expect(sku.name).toContain(sku.code.slice(3));
      expect(sku.unitCostMinor).toBeGreaterThan(0);
      expect(sku.casePack).toBeGreaterThanOrEqual(10);
      expect(sku.casePack).toBeLessThanOrEqual(100);
      expect(sku.moq % sku.casePack).toBe(0);
      expect(sku.barcode).toMatch(/^\d{13}$/);
    }
    expect(new Set(data.skus.map((s) => s.barcode)).size).toBe(data.skus.length);
    const fnskus = new Set(data.listings.map((l) => l.fnsku));
    expect(fnskus.size).toBe(data.listings.length);
    for (const listing of data.listings) {
      const sku = data.skus[listing.skuIndex]!;
      expect(listing.sellerSku).toBe(`${sku.code}-${listing.marketplace}`);
      expect(listing.asin).toMatch(/^B0[A-Z0-9]{8}$/);
      expect(listing.fnsku).toMatch(/^X00[A-Z0-9]{7}$/);
      expect(listing.unitsPerListing).toBe(1);
    }
    expect(data.listings.filter((l) => l.marketplace === 'US')).toHaveLength(data.skus.length);
    expect(data.listings.filter((l) => l.marketplace === 'DE')).toHaveLength(data.skus.length);
  });

  it('never drives a balance below zero, per SKU × location and per transit ref', () => {
    const { lowest, lowestAt, balances } = replay(m);
    expect(lowestAt).toBe('');
    expect(lowest).toBe(0);
    // Some shipments are still on the water at the end.
    let inTransit = 0;
    for (const [key, balance] of balances) if (key % 4096 === TRANSIT_ID && balance > 0) inTransit++;
    expect(inTransit).toBeGreaterThan(10);
  });

  it('pairs every transfer_out with a transfer_in of the same ref, SKU, day and quantity', () => {
    const pairedIn = pairTransfers(m);
    let outs = 0;
    let ins = 0;
    const problems: string[] = [];
    for (let i = 0; i < m.length; i++) {
      if (m.type[i] === TRANSFER_IN) ins++;
      if (m.type[i] !== TRANSFER_OUT) continue;
      outs++;
      const j = pairedIn[i]!;
      // Paired (same ref, SKU, day, |qty|); one side is the transit location, the other is not.
      const ok = j >= 0 && m.qty[i]! < 0 && (m.locationId[i] === TRANSIT_ID) !== (m.locationId[j] === TRANSIT_ID);
      if (!ok && problems.length < 5) problems.push(`transfer_out ${i}`);
    }
    expect(problems).toEqual([]);
    expect(outs).toBe(ins);
    expect(outs).toBeGreaterThan(1000);
  });

  it('uses refs and unit costs as documented', () => {
    const costsBySku = new Map<number, Set<number>>();
    const skusByRef = new Map<number, Set<number>>();
    const problems: string[] = [];
    const check = (ok: boolean, i: number, what: string) => {
      if (!ok && problems.length < 5) problems.push(`movement ${i}: ${what}`);
    };
    for (let i = 0; i < m.length; i++) {
      const type = m.type[i]!;
      const cost = m.unitCostMinor[i]!;
      const q = m.qty[i]!;
      const loc = m.locationId[i]!;
      check(Number.isInteger(q) && q !== 0, i, 'whole non-zero quantity');
      if (type === TYPE_CODE.receipt) {
        check(loc === 1 && q > 0, i, 'receipt into the domestic warehouse');
        check(Number.isInteger(cost) && cost > 0, i, 'receipt has a unit cost');
        check(/^DEMO-PO-\d{6}$/.test(m.refs[m.ref[i]!] ?? ''), i, 'receipt has a PO ref');
        const costs = costsBySku.get(m.skuId[i]!) ?? new Set<number>();
        costs.add(cost);
        costsBySku.set(m.skuId[i]!, costs);
        continue;
      }
      check(Number.isNaN(cost), i, 'no unit cost except on receipts');
      if (type === TRANSFER_IN || type === TRANSFER_OUT) {
        check(/^DEMO-SHP-\d{6}$/.test(m.refs[m.ref[i]!] ?? ''), i, 'transfer has a shipment ref');
        const skus = skusByRef.get(m.ref[i]!) ?? new Set<number>();
        skus.add(m.skuId[i]!);
        skusByRef.set(m.ref[i]!, skus);
      } else check(m.ref[i] === -1, i, 'no ref');
      if (type === TYPE_CODE.sale) check(q < 0 && (loc === 2 || loc === 3 || loc === 4), i, 'sale out of FBA or the 3PL');
      if (type === TYPE_CODE.customer_return) check(q > 0 && (loc === 2 || loc === 3), i, 'return into FBA');
      check(type !== TYPE_CODE.vendor_return && type !== TYPE_CODE.removal && type !== TYPE_CODE.count_variance, i, 'expected type');
    }
    expect(problems).toEqual([]);
    // Purchase prices vary a little between POs; a sailing carries many SKUs.
    expect([...costsBySku.values()].filter((costs) => costs.size > 1).length).toBeGreaterThan(50);
    expect([...skusByRef.values()].some((skus) => skus.size > 20)).toBe(true);
    // Every stored ref is used, and once.
    const used = new Set(Array.from(m.ref).filter((r) => r >= 0));
    expect(used.size).toBe(m.refs.length);
    expect(new Set(m.refs).size).toBe(m.refs.length);
  });

  it('has realistic returns, losses and stockouts', () => {
    let sold = 0;
    let returned = 0;
    let losses = 0;
    let finds = 0;
    for (let i = 0; i < m.length; i++) {
      const type = m.type[i]!;
      if (type === TYPE_CODE.sale && m.locationId[i] !== 4) sold -= m.qty[i]!;
      if (type === TYPE_CODE.customer_return) returned += m.qty[i]!;
      if (type === TYPE_CODE.adjustment) {
        if (m.qty[i]! < 0) losses++;
        else finds++;
      }
    }
    expect(returned / sold).toBeGreaterThan(0.015);
    expect(returned / sold).toBeLessThan(0.05);
    expect(losses).toBeGreaterThan(100);
    expect(finds).toBeGreaterThan(50);
    // Stockouts: some FBA balances return to zero after the first arrival and later recover.
    const balance = new Map<number, number>();
    const emptied = new Set<number>();
    let recovered = 0;
    for (let i = 0; i < m.length; i++) {
      const loc = m.locationId[i]!;
      if (loc !== 2 && loc !== 3) continue;
      const key = m.skuId[i]! * 8 + loc;
      const next = (balance.get(key) ?? 0) + m.qty[i]!;
      balance.set(key, next);
      if (next === 0 && m.qty[i]! < 0) emptied.add(key);
      else if (next > 0 && emptied.delete(key)) recovered++;
    }
    expect(recovered).toBeGreaterThan(50);
  });

  it('values with the ledger valuation: no pool at zero units keeps a value', () => {
    const fallback = new Map(data.skus.map((sku, i) => [i + 1, sku.unitCostMinor]));
    const values = valueMovements(m, { transitLocationIds: new Set([TRANSIT_ID]), fallbackUnitCostMinor: fallback });
    expect(values).toHaveLength(m.length);
    const pools = new Map<number, { qty: number; value: number }>();
    expect(values.every((v) => Number.isFinite(v))).toBe(true);
    for (let i = 0; i < m.length; i++) {
      const key = poolKey(m.skuId[i]!, m.locationId[i]!, m.ref[i]!, m.locationId[i] === TRANSIT_ID);
      const pool = pools.get(key) ?? { qty: 0, value: 0 };
      pool.qty += m.qty[i]!;
      pool.value += values[i]!;
      pools.set(key, pool);
    }
    let empty = 0;
    const bad: string[] = [];
    for (const [key, pool] of pools) {
      if (pool.qty < 0 || (pool.qty === 0 && pool.value !== 0) || (pool.qty > 0 && !(pool.value > 0))) bad.push(`pool ${key}: ${pool.qty} units, value ${pool.value}`);
      if (pool.qty === 0) empty++;
    }
    expect(bad.slice(0, 5)).toEqual([]);
    expect(empty).toBeGreaterThan(100);
  });

  it('starts new launches part-way through the history', () => {
    const firstDay = new Map<number, number>();
    for (let i = 0; i < m.length; i++) if (!firstDay.has(m.skuId[i]!)) firstDay.set(m.skuId[i]!, m.day[i]!);
    const start = m.day[0]!;
    data.skus.forEach((sku, i) => {
      const first = firstDay.get(i + 1)!;
      if (sku.pattern === 'new_launch') expect(first - start).toBeGreaterThan(150);
      else expect(first - start).toBeLessThan(20);
    });
  });

  it('generates the benchmark size: 10,000 SKUs × 1,000,000 movements, every pattern well represented', { timeout: 30_000 }, () => {
    const big = generateDemo({ seed: 1, skuCount: 10_000, movementCount: 1_000_000, endDate: END });
    expect(big.movements.length).toBe(1_000_000);
    expect(big.skus).toHaveLength(10_000);
    expect(big.listings).toHaveLength(20_000);
    expect(big.skus[9_999]!.code).toBe('SP-10000');
    for (const pattern of DEMO_PATTERNS) {
      expect(big.skus.filter((s) => s.pattern === pattern).length, pattern).toBeGreaterThan(300);
    }
    const { day, skuId, locationId } = big.movements;
    let sorted = true;
    let inRange = true;
    for (let i = 0; i < big.movements.length; i++) {
      if (i > 0 && day[i]! < day[i - 1]!) sorted = false;
      if (skuId[i]! < 1 || skuId[i]! > 10_000 || locationId[i]! < 1 || locationId[i]! > 5) inRange = false;
    }
    expect(sorted).toBe(true);
    expect(inRange).toBe(true);
    // Padding (+1 found at the domestic warehouse on the last day) stays a small share.
    const last = day[big.movements.length - 1]!;
    let pads = 0;
    for (let i = big.movements.length - 1; i >= 0 && day[i] === last; i--) {
      if (big.movements.type[i] === TYPE_CODE.adjustment && big.movements.qty[i] === 1 && locationId[i] === 1) pads++;
    }
    expect(pads).toBeLessThan(20_000);
  });
});

describe('demo random generator', () => {
  it('is seeded and uniform enough', () => {
    const a = createRandom(5);
    const b = createRandom(5);
    const c = createRandom(6);
    const xs = Array.from({ length: 10_000 }, () => a());
    expect(Array.from({ length: 10_000 }, () => b())).toEqual(xs);
    expect(c()).not.toBe(xs[0]);
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    expect(mean).toBeGreaterThan(0.48);
    expect(mean).toBeLessThan(0.52);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
  });
});

describe('the demo’s shipments still under way on its last day', () => {
  test('each on its route (sea and air from the domestic warehouse, trucks from the 3PL to FBA US), over many seeds', () => {
    const kinds = DEMO_LOCATIONS.map((l) => l.kind);
    let shipments = 0;
    for (let seed = 1; seed <= 30; seed++) {
      const data = generateDemo({ seed, skuCount: 60, movementCount: 12_000, endDate: END });
      for (const open of data.openShipments) {
        shipments++;
        const route = `${open.mode}: ${kinds[open.fromIndex]} → ${kinds[open.toIndex]}`;
        expect(['sea: domestic → fba', 'sea: domestic → 3pl', 'air: domestic → fba', 'truck: 3pl → fba'], `seed ${seed}`).toContain(route);
        expect(open.arrivalDay).toBeGreaterThan(dayNumber(END));
        expect(open.shipDay).toBeLessThanOrEqual(dayNumber(END));
      }
    }
    expect(shipments).toBeGreaterThan(100);
  });
});
