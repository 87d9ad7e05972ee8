// The ledger store (renderer/db/ledgerStore.ts, ledgerQueries.ts, ledger.ts) against a naive per-row
// reference: random manual postings, imported batches (oversells, reversals, transfers through
// transit) and removals of whole batches, on a fresh fake-IndexedDB database per run. After every
// step the per-movement values, the stored summaries, day-exact balances and reports and the ledger
// browser's query must equal what the reference computes from the plain list of live movements.
import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays, dayNumber, isoFromDay } from '../../shared/dates';
import {
  BLOCK_SEQ_BASE,
  BLOCK_SIZE,
  TYPE_CODE,
  columnsFromMovements,
  monthBounds,
  periodReportFromMonths,
  periodReportFromSummary,
} from '../../shared/ledger';
import { MOVEMENT_TYPES } from '../../shared/model';
import type { MovementType } from '../../shared/model';
import { createLocation } from '../../renderer/db/catalog';
import { loadLedger, postAdjustment, postReceipt, receiveTransfer, shipTransfer } from '../../renderer/db/ledger';
import { appendMovementBatch, blockCacheFor, readLedgerQuantities, readLedgerSnapshot, readLedgerVersion, readMonthParts, refreshSummaries, removeMovementBatch } from '../../renderer/db/ledgerStore';
import type { BatchInput } from '../../renderer/db/ledgerStore';
import { exactBalancesAt, exactPeriodReport, queryLedger } from '../../renderer/db/ledgerQueries';
import type { LedgerFilter } from '../../renderer/db/ledgerQueries';
import { monthPartKey } from '../../renderer/db/schema';
import type { StockPilotDatabase } from '../../renderer/db/schema';
import { prng } from '../unit/ledgerTestKit';
import { addSku, disposeDatabases, expectDomainError, expectRefusedUnchanged, freshDb, locationIds } from './helpers';
import {
  ALL_TABLES,
  balancesOfColumns,
  expectLedgerEquation,
  monthOfIso,
  monthRowsOf,
  normBalances,
  normLines,
  readAll,
  refBalances,
  sameElements,
  refMonthly,
  refPeriodReport,
  refValues,
} from './support/ledgerReference';
import type { RefContext, RefRow } from './support/ledgerReference';
import { storedSummaries, summaryContent } from './support/storedSummaries';

afterEach(disposeDatabases);

const START = '2024-11-20';
const SPAN = 100; // to the end of February 2025: across a year end and February
const START_DAY = dayNumber(START);
const CREATED = '2025-03-01T08:00:00.000Z';
const iso = (offset: number): string => isoFromDay(START_DAY + offset);

// ---------------------------------------------------------------------------------------------
// The world: three SKUs (two costed in the base currency, so their catalog cost is the fallback),
// domestic, FBA US, a 3PL and the transit location.

interface World {
  db: StockPilotDatabase;
  skus: number[];
  /** domestic, FBA US, 3PL */
  stock: number[];
  transit: number;
  context: RefContext;
}

async function world(): Promise<World> {
  const db = await freshDb();
  const a = await addSku(db, 'A-USD', { unitCost: '2.50', costCurrency: 'USD' });
  const b = await addSku(db, 'B-USD', { unitCost: '0.37', costCurrency: 'USD' });
  const c = await addSku(db, 'C-EUR', { unitCost: '3.00', costCurrency: 'EUR' });
  const { domestic, transit } = await locationIds(db);
  const fba = await createLocation(db, { name: 'FBA US', kind: 'fba', marketplace: 'US' });
  const tpl = await createLocation(db, { name: '3PL LA', kind: '3pl', marketplace: '' });
  return {
    db,
    skus: [a, b, c],
    stock: [domestic, fba, tpl],
    transit,
    context: { transit: new Set([transit]), fallback: new Map([[a, 250], [b, 37]]) },
  };
}

/** What the test knows the ledger holds: the live movements and how they were posted. */
interface Model {
  rows: RefRow[];
  /** Live batches: their movements, and a serial that is unique per append. */
  batches: Map<string, { rows: RefRow[]; serial: number }>;
  serial: number;
  nextBlockSeq: number;
  /** Whether the stored summaries must be fresh (true after an append, a removal or a refresh). */
  fresh: boolean;
  maxManualId: number;
  pending: { id: number; date: string; to: number; lines: { skuId: number; qty: number }[] }[];
  /** Summaries seen while fresh, by the content they reflect (manual rows + live batch serials). */
  seen: Map<string, unknown>;
}

function newModel(): Model {
  return { rows: [], batches: new Map(), serial: 0, nextBlockSeq: 0, fresh: false, maxManualId: 0, pending: [], seen: new Map() };
}

type NewRow = Omit<RefRow, 'id' | 'source'>;

function signature(m: Model): string {
  const serials = [...m.batches.values()].map((b) => b.serial).sort((x, y) => x - y);
  return `${m.maxManualId}:${m.rows.filter((r) => r.source === 'manual').length}|${serials.join(',')}`;
}

// ---------------------------------------------------------------------------------------------
// The no-negative rule for manual postings, written naively: every end-of-day balance of the pool
// from the posting date on must stay ≥ 0 (transit pools are per shipment ref).

function refusedBelowZero(rows: readonly NewRow[], additions: readonly NewRow[], transit: ReadonlySet<number>): boolean {
  for (const add of additions) {
    if (add.qty >= 0) continue;
    const samePool = (r: NewRow) =>
      r.skuId === add.skuId && r.locationId === add.locationId && (!transit.has(add.locationId) || (r.ref ?? '') === (add.ref ?? ''));
    const entries = [...rows, ...additions].filter(samePool);
    const from = Math.min(...additions.filter((a) => a.qty < 0 && samePool(a)).map((a) => dayNumber(a.date)));
    const days = new Set([from, ...entries.map((e) => dayNumber(e.date)).filter((d) => d > from)]);
    for (const d of days) {
      const balance = entries.filter((e) => dayNumber(e.date) <= d).reduce((s, e) => s + e.qty, 0);
      if (balance < 0) return true;
    }
  }
  return false;
}

async function postManual(w: World, m: Model, expected: NewRow[], operation: () => Promise<unknown>): Promise<unknown> {
  if (refusedBelowZero(m.rows, expected, w.context.transit)) {
    await expectRefusedUnchanged(w.db, ['movements', 'shipments', 'ledgerState', 'movementBlocks', 'batches'], operation, 'movement.belowZero');
    return undefined;
  }
  const result = await operation();
  const added = await w.db.movements.where('id').above(m.maxManualId).toArray();
  expect(added.map(({ id: _id, ...rest }) => rest)).toEqual(expected.map((r) => ({ ...r, source: 'manual' })));
  for (const row of added) {
    m.rows.push({ ...row, source: 'manual' } as RefRow);
    m.maxManualId = Math.max(m.maxManualId, row.id);
  }
  m.fresh = false;
  return result;
}

// ---------------------------------------------------------------------------------------------
// Imports

type ImportKind = 'receipt' | 'sale' | 'return' | 'adjust' | 'variance' | 'transfer' | 'strayIn' | 'reversal';

interface ImportRowSpec {
  kind: ImportKind;
  day: number;
  sku: number;
  loc: number;
  loc2: number;
  qty: number;
  positive: boolean;
  cost: number;
  ref: number;
  pick: number;
  lag: number;
  arrive: boolean;
}

/** Turns row specs into movements; reversals negate an earlier live (or same-batch) movement. */
function importRows(w: World, m: Model, specs: readonly ImportRowSpec[]): NewRow[] {
  const out: NewRow[] = [];
  const anyLoc = [...w.stock, w.transit];
  for (const s of specs) {
    const skuId = w.skus[s.sku]!;
    const locationId = anyLoc[s.loc]!;
    const date = iso(s.day);
    const ref = `R${s.ref}`;
    switch (s.kind) {
      case 'receipt':
        out.push({ date, skuId, locationId, qty: s.qty, type: 'receipt', unitCostMinor: s.cost });
        break;
      case 'sale':
        out.push({ date, skuId, locationId, qty: -s.qty, type: 'sale' });
        break;
      case 'return':
        out.push({ date, skuId, locationId, qty: s.qty, type: 'customer_return' });
        break;
      case 'adjust':
        out.push({ date, skuId, locationId, qty: s.positive ? s.qty : -s.qty, type: 'adjustment' });
        break;
      case 'variance':
        out.push({ date, skuId, locationId, qty: s.positive ? s.qty : -s.qty, type: 'count_variance', unitCostMinor: s.cost });
        break;
      case 'transfer': {
        const from = w.stock[s.loc % 3]!;
        out.push({ date, skuId, locationId: from, qty: -s.qty, type: 'transfer_out', ref });
        out.push({ date, skuId, locationId: w.transit, qty: s.qty, type: 'transfer_in', ref });
        if (s.arrive) {
          const arrival = iso(Math.min(SPAN, s.day + s.lag));
          out.push({ date: arrival, skuId, locationId: w.transit, qty: -s.qty, type: 'transfer_out', ref });
          out.push({ date: arrival, skuId, locationId: w.stock[s.loc2 % 3]!, qty: s.qty, type: 'transfer_in', ref });
        }
        break;
      }
      case 'strayIn':
        out.push({ date, skuId, locationId, qty: s.qty, type: 'transfer_in', ref });
        break;
      case 'reversal': {
        const candidates: NewRow[] = [...m.rows, ...out];
        if (candidates.length === 0) break;
        const target = candidates[s.pick % candidates.length]!;
        const reversal: NewRow = {
          date: iso(Math.min(SPAN, dayNumber(target.date) - START_DAY + s.lag)),
          skuId: target.skuId,
          locationId: target.locationId,
          qty: -target.qty,
          type: target.type,
        };
        if (target.unitCostMinor !== undefined) reversal.unitCostMinor = target.unitCostMinor;
        if (target.ref !== undefined) reversal.ref = target.ref;
        out.push(reversal);
        break;
      }
    }
  }
  return out;
}

function batchColumns(rows: readonly NewRow[]) {
  return columnsFromMovements(rows.map((r, i) => ({ ...r, id: i + 1 })));
}

/** The posting order the store gives a batch: stable by day, seq from BLOCK_SEQ_BASE + nextBlockSeq. */
function postedBatchRows(m: Model, batchId: string, rows: readonly NewRow[]): RefRow[] {
  const order = rows.map((r, i) => ({ r, i })).sort((a, b) => dayNumber(a.r.date) - dayNumber(b.r.date) || a.i - b.i);
  return order.map(({ r }, k) => ({ ...r, id: BLOCK_SEQ_BASE + m.nextBlockSeq + k, source: batchId }));
}

function batchInput(id: string): BatchInput {
  return { id, kind: 'import', label: `Import ${id}`, createdAt: CREATED };
}

async function appendImport(w: World, m: Model, batchId: string, rows: NewRow[]): Promise<void> {
  if (rows.length === 0) {
    await expectRefusedUnchanged(w.db, [...ALL_TABLES], () => appendMovementBatch(w.db, batchInput(batchId), batchColumns(rows)), 'field.required', { field: 'lines' });
    return;
  }
  if (m.batches.has(batchId)) {
    // The same batch id twice is refused, and nothing is written.
    const before = await readAll(w.db);
    await expectDomainError(appendMovementBatch(w.db, batchInput(batchId), batchColumns(rows)), 'field.badFormat', { field: 'batch', value: batchId });
    expect(await readAll(w.db)).toEqual(before);
    return;
  }
  const posted = postedBatchRows(m, batchId, rows);
  const record = await appendMovementBatch(w.db, batchInput(batchId), batchColumns(rows));
  const days = posted.map((r) => dayNumber(r.date));
  const expectedRecord = {
    ...batchInput(batchId),
    movementCount: rows.length,
    blockCount: Math.ceil(rows.length / BLOCK_SIZE),
    firstDate: isoFromDay(Math.min(...days)),
    lastDate: isoFromDay(Math.max(...days)),
  };
  expect(record).toEqual(expectedRecord);
  expect(await w.db.batches.get(batchId)).toEqual(expectedRecord);
  m.serial += 1;
  m.batches.set(batchId, { rows: posted, serial: m.serial });
  m.rows.push(...posted);
  m.nextBlockSeq += rows.length;
  m.fresh = true;
}

async function removeBatch(w: World, m: Model, batchId: string): Promise<void> {
  await removeMovementBatch(w.db, batchId);
  expect(await w.db.batches.get(batchId)).toBeUndefined();
  expect(await w.db.movementBlocks.where('batchId').equals(batchId).count()).toBe(0);
  m.batches.delete(batchId);
  m.rows = m.rows.filter((r) => r.source !== batchId);
  m.fresh = true;
}

// ---------------------------------------------------------------------------------------------
// Verification after every step

function tuple(r: { id: number; date: string; skuId: number; locationId: number; qty: number; type: MovementType; unitCostMinor?: number; ref?: string }, value: number) {
  return [r.id, r.date, r.skuId, r.locationId, r.qty, r.type, r.unitCostMinor ?? null, r.ref ?? null, value + 0];
}

async function verify(w: World, m: Model, probe: number): Promise<void> {
  const { db } = w;
  const random = prng(probe);
  const pickDay = () => START_DAY - 5 + Math.floor(random() * (SPAN + 11));
  const values = refValues(m.rows, w.context);

  // Every live movement, with its value, exactly as the reference has it.
  const ledger = await loadLedger(db);
  expect(ledger.transitLocationIds).toEqual(new Set([w.transit]));
  const actual = [];
  for (let i = 0; i < ledger.columns.length; i++) {
    const c = ledger.columns;
    const r = c.ref[i]!;
    const cost = c.unitCostMinor[i]!;
    actual.push(
      tuple(
        {
          id: c.seq[i]!,
          date: isoFromDay(c.day[i]!),
          skuId: c.skuId[i]!,
          locationId: c.locationId[i]!,
          qty: c.qty[i]!,
          type: MOVEMENT_TYPES[c.type[i]!]!,
          ...(Number.isNaN(cost) ? {} : { unitCostMinor: cost }),
          ...(r >= 0 ? { ref: c.refs[r]! } : {}),
        },
        ledger.values[i]!,
      ),
    );
  }
  const expected = [...m.rows].sort((a, b) => a.id - b.id).map((r) => tuple(r, values.get(r.id)!));
  expect(actual).toEqual(expected);

  const version = await readLedgerVersion(db);
  expect(version.nextBlockSeq).toBe(m.nextBlockSeq);

  // The plan's read: the snapshot's quantities in the snapshot's order, with its version; on odd
  // probes from an empty block cache (a new worker reads every block at once).
  const snapshot = await readLedgerSnapshot(db);
  if (probe % 2 === 1) blockCacheFor(db).clear();
  const quantities = await readLedgerQuantities(db);
  expect(quantities.version).toBe(snapshot.version);
  expect(quantities.columns.length).toBe(snapshot.columns.length);
  for (const key of ['day', 'skuId', 'locationId', 'qty', 'type'] as const) expect(sameElements(quantities.columns[key], snapshot.columns[key].subarray(0, snapshot.columns.length)), key).toBe(true);
  const allTime = refBalances(m.rows, values);

  // The stored summaries: fresh and equal to the reference, or visibly stale.
  const stored = await storedSummaries(db);
  if (m.fresh) {
    expect(stored.fresh).toBe(true);
    expect(stored.balances?.sourceVersion).toBe(version.version);
    expect(balancesOfColumns(stored.balances!.balances)).toEqual(allTime);
    expect(monthRowsOf(stored.monthly)).toEqual(refMonthly(m.rows, values));
    // One record per month with activity, keyed by its month, rows ordered by SKU then location.
    for (const { key, part } of stored.parts) {
      expect(key).toBe(monthPartKey(part.month));
      expect(part.rows).toBeGreaterThan(0);
      for (let r = 1; r < part.rows; r++) {
        expect(part.skuId[r - 1]! * 4096 + part.locationId[r - 1]!).toBeLessThan(part.skuId[r]! * 4096 + part.locationId[r]!);
      }
    }
    const days = m.rows.map((r) => dayNumber(r.date));
    const firstDay = days.length ? Math.min(...days) : Number.NaN;
    const lastDay = days.length ? Math.max(...days) : Number.NaN;
    const b = stored.balances!;
    expect({ firstDay: b.firstDay, lastDay: b.lastDay, movementCount: b.movementCount }).toEqual({ firstDay, lastDay, movementCount: m.rows.length });

    // Whole-month period reports from the summaries alone: from the joined months, and the way the
    // report screen reads them (balances minus the months since the period began).
    const firstMonth = monthOfIso(START) - 1;
    const lastMonth = monthOfIso(iso(SPAN)) + 1;
    const a = firstMonth + Math.floor(random() * (lastMonth - firstMonth + 1));
    const c = firstMonth + Math.floor(random() * (lastMonth - firstMonth + 1));
    const [fromMonth, toMonth] = a <= c ? [a, c] : [c, a];
    const want = refPeriodReport(m.rows, values, monthBounds(fromMonth).firstDay, monthBounds(toMonth).lastDay);
    const fromSummary = normLines(periodReportFromSummary(stored.monthly, fromMonth, toMonth));
    expect(fromSummary).toEqual(want);
    expectLedgerEquation(fromSummary);
    const screen = await readMonthParts(db, fromMonth);
    expect(screen).not.toBeNull();
    const fromMonths = normLines(periodReportFromMonths(screen!.balances.balances, screen!.parts, fromMonth, toMonth));
    expect(fromMonths).toEqual(want);
    expectLedgerEquation(fromMonths);

    // The same content always gives the same summaries (so removing a batch restores exactly the
    // summaries of before it was added).
    const key = signature(m);
    const content = summaryContent(stored);
    const earlier = m.seen.get(key);
    if (earlier) expect(content).toEqual(earlier);
    else m.seen.set(key, content);
  } else {
    expect(stored.stale).toBe(true);
  }

  // Day-exact balances at a random date.
  const asOf = pickDay();
  expect(normBalances(await exactBalancesAt(db, isoFromDay(asOf)))).toEqual(refBalances(m.rows, values, asOf));

  // Day-exact period report over a random range; ending equals the balance at its last day.
  const d1 = pickDay();
  const d2 = pickDay();
  const [fromDay, toDay] = d1 <= d2 ? [d1, d2] : [d2, d1];
  const report = normLines(await exactPeriodReport(db, isoFromDay(fromDay), isoFromDay(toDay)));
  expect(report).toEqual(refPeriodReport(m.rows, values, fromDay, toDay));
  expectLedgerEquation(report);
  const endings = refBalances(m.rows, values, toDay);
  expect(normBalances(report.map((l) => ({ skuId: l.skuId, locationId: l.locationId, qty: l.endingQty, valueMinor: l.endingValueMinor }))).filter((l) => l.qty !== 0 || l.valueMinor !== 0)).toEqual(endings);

  // The ledger browser's query.
  const filter = randomFilter(w, m, random);
  await expectQueryMatches(db, m, filter);
}

function randomFilter(w: World, m: Model, random: () => number): LedgerFilter {
  const filter: LedgerFilter = {};
  const chance = () => random() < 0.35;
  const choose = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  if (chance()) filter.skuId = choose([...w.skus, 999]);
  if (chance()) filter.locationId = choose([...w.stock, w.transit]);
  if (chance()) filter.type = choose(MOVEMENT_TYPES);
  if (chance()) filter.from = iso(Math.floor(random() * SPAN));
  if (chance()) filter.to = iso(Math.floor(random() * SPAN));
  if (chance()) filter.batchId = choose(['manual', 'no-such-batch', ...m.batches.keys()]);
  return filter;
}

async function expectQueryMatches(db: StockPilotDatabase, m: Model, filter: LedgerFilter): Promise<void> {
  const page = await queryLedger(db, filter);
  const got = [];
  for (let k = 0; k < page.length; k++) {
    const r = page.ref[k]!;
    got.push([isoFromDay(page.day[k]!), page.skuId[k], page.locationId[k], page.qty[k], MOVEMENT_TYPES[page.type[k]!], r >= 0 ? page.refs[r] : null, page.sources[page.source[k]!]]);
  }
  const want = m.rows
    .filter(
      (r) =>
        (filter.skuId === undefined || r.skuId === filter.skuId) &&
        (filter.locationId === undefined || r.locationId === filter.locationId) &&
        (filter.type === undefined || r.type === filter.type) &&
        (filter.from === undefined || r.date >= filter.from) &&
        (filter.to === undefined || r.date <= filter.to) &&
        (filter.batchId === undefined || r.source === filter.batchId),
    )
    .sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : b.id - a.id))
    .map((r) => [r.date, r.skuId, r.locationId, r.qty, r.type, r.ref ?? null, r.source]);
  expect({ filter, rows: got }).toEqual({ filter, rows: want });
  expect(page.totalCount).toBe(m.rows.length);
}

// ---------------------------------------------------------------------------------------------
// Random steps

type Step =
  | { kind: 'receipt'; day: number; sku: number; loc: number; qty: number; cost: number; probe: number }
  | { kind: 'adjust'; day: number; sku: number; loc: number; qty: number; probe: number }
  | { kind: 'ship'; day: number; from: number; to: number; lines: { sku: number; qty: number }[]; probe: number }
  | { kind: 'receive'; pick: number; lag: number; probe: number }
  | { kind: 'import'; id: number; rows: ImportRowSpec[]; probe: number }
  | { kind: 'remove'; pick: number; probe: number }
  | { kind: 'refresh'; probe: number }
  | { kind: 'removeUnknown'; probe: number }
  | { kind: 'badImport'; which: 'sku' | 'location'; at: number; rows: ImportRowSpec[]; probe: number };

const dayArb = fc.integer({ min: 0, max: SPAN });
const skuArb = fc.integer({ min: 0, max: 2 });
const stockArb = fc.integer({ min: 0, max: 2 });
const probeArb = fc.integer({ min: 0, max: 2 ** 31 - 1 });
const importCostArb = fc.oneof(fc.integer({ min: 0, max: 2000 }), fc.integer({ min: 0, max: 20_000_000 }).map((x) => x / 10_000));

const importRowArb: fc.Arbitrary<ImportRowSpec> = fc.record({
  kind: fc.constantFrom<ImportKind>('receipt', 'receipt', 'sale', 'sale', 'sale', 'return', 'adjust', 'variance', 'transfer', 'transfer', 'strayIn', 'reversal', 'reversal'),
  day: dayArb,
  sku: skuArb,
  loc: fc.integer({ min: 0, max: 3 }),
  loc2: stockArb,
  qty: fc.integer({ min: 1, max: 30 }),
  positive: fc.boolean(),
  cost: importCostArb,
  ref: fc.integer({ min: 0, max: 3 }),
  pick: fc.nat(),
  lag: fc.integer({ min: 0, max: 12 }),
  arrive: fc.boolean(),
});

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('receipt' as const), day: dayArb, sku: skuArb, loc: stockArb, qty: fc.integer({ min: 1, max: 40 }), cost: fc.integer({ min: 0, max: 1500 }), probe: probeArb }) },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('adjust' as const), day: dayArb, sku: skuArb, loc: stockArb, qty: fc.integer({ min: -15, max: 15 }).filter((q) => q !== 0), probe: probeArb }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('ship' as const),
      day: dayArb,
      from: stockArb,
      to: fc.integer({ min: 1, max: 2 }),
      lines: fc.uniqueArray(fc.record({ sku: skuArb, qty: fc.integer({ min: 1, max: 20 }) }), { minLength: 1, maxLength: 2, selector: (l) => l.sku }),
      probe: probeArb,
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('receive' as const), pick: fc.nat(), lag: fc.integer({ min: 0, max: 30 }), probe: probeArb }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('import' as const), id: fc.integer({ min: 0, max: 3 }), rows: fc.array(importRowArb, { minLength: 1, maxLength: 18 }), probe: probeArb }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('remove' as const), pick: fc.nat(), probe: probeArb }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('refresh' as const), probe: probeArb }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('removeUnknown' as const), probe: probeArb }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('badImport' as const),
      which: fc.constantFrom('sku' as const, 'location' as const),
      at: fc.nat(),
      rows: fc.array(importRowArb, { minLength: 1, maxLength: 6 }),
      probe: probeArb,
    }),
  },
);

async function runStep(w: World, m: Model, step: Step): Promise<void> {
  const { db } = w;
  switch (step.kind) {
    case 'receipt': {
      const row: NewRow = { date: iso(step.day), skuId: w.skus[step.sku]!, locationId: w.stock[step.loc]!, qty: step.qty, type: 'receipt', unitCostMinor: step.cost };
      await postManual(w, m, [row], () =>
        postReceipt(db, { date: row.date, skuId: row.skuId, locationId: row.locationId, qty: String(step.qty), unitCost: (step.cost / 100).toFixed(2) }, 'USD'),
      );
      break;
    }
    case 'adjust': {
      const reason = step.qty > 0 ? 'found' : 'damaged';
      const row = { date: iso(step.day), skuId: w.skus[step.sku]!, locationId: w.stock[step.loc]!, qty: step.qty, type: 'adjustment' as const, reason };
      await postManual(w, m, [row], () => postAdjustment(db, { date: row.date, skuId: row.skuId, locationId: row.locationId, qty: String(step.qty), reason }));
      break;
    }
    case 'ship': {
      const from = w.stock[step.from]!;
      const to = w.stock[(step.from + step.to) % 3]!;
      const date = iso(step.day);
      const lines = step.lines.map((l) => ({ skuId: w.skus[l.sku]!, qty: l.qty }));
      // The shipment id is the next key of the shipments table; the ref names it.
      const nextId = ((await db.shipments.toCollection().primaryKeys()).at(-1) ?? 0) + 1;
      const ref = `SHP-${nextId}`;
      const expected: NewRow[] = lines.flatMap((l) => [
        { date, skuId: l.skuId, locationId: from, qty: -l.qty, type: 'transfer_out' as const, ref },
        { date, skuId: l.skuId, locationId: w.transit, qty: l.qty, type: 'transfer_in' as const, ref },
      ]);
      const id = await postManual(w, m, expected, () => shipTransfer(db, { shipDate: date, fromLocationId: from, toLocationId: to, lines: lines.map((l) => ({ skuId: l.skuId, qty: String(l.qty) })) }));
      if (id !== undefined) {
        expect(id).toBe(nextId);
        m.pending.push({ id: nextId, date, to, lines });
      }
      break;
    }
    case 'receive': {
      if (m.pending.length === 0) break;
      const [shipment] = m.pending.splice(step.pick % m.pending.length, 1);
      const date = iso(Math.min(SPAN + 20, dayNumber(shipment!.date) - START_DAY + step.lag));
      const ref = `SHP-${shipment!.id}`;
      const expected: NewRow[] = shipment!.lines.flatMap((l) => [
        { date, skuId: l.skuId, locationId: w.transit, qty: -l.qty, type: 'transfer_out' as const, ref },
        { date, skuId: l.skuId, locationId: shipment!.to, qty: l.qty, type: 'transfer_in' as const, ref },
      ]);
      await postManual(w, m, expected, () => receiveTransfer(db, shipment!.id, date));
      expect(await db.shipments.get(shipment!.id)).toMatchObject({ status: 'received', receivedDate: date });
      break;
    }
    case 'import':
      await appendImport(w, m, `B${step.id}`, importRows(w, m, step.rows));
      break;
    case 'remove': {
      const ids = [...m.batches.keys()];
      if (ids.length === 0) break;
      await removeBatch(w, m, ids[step.pick % ids.length]!);
      break;
    }
    case 'refresh': {
      const wrote = await refreshSummaries(db);
      expect(wrote).toBe(!m.fresh);
      m.fresh = true;
      expect(await refreshSummaries(db)).toBe(false);
      break;
    }
    case 'removeUnknown':
      await expectRefusedUnchanged(db, [...ALL_TABLES], () => removeMovementBatch(db, 'B-unknown'), 'batch.notFound', { id: 'B-unknown' });
      break;
    case 'badImport': {
      const rows = importRows(w, m, step.rows);
      if (rows.length === 0) break;
      const at = step.at % rows.length;
      const bad = step.which === 'sku' ? { ...rows[at]!, skuId: 999 } : { ...rows[at]!, locationId: 77 };
      rows[at] = bad;
      await expectRefusedUnchanged(
        db,
        [...ALL_TABLES],
        () => appendMovementBatch(db, batchInput('B-bad'), batchColumns(rows)),
        step.which === 'sku' ? 'sku.notFound' : 'location.notFound',
        { id: step.which === 'sku' ? 999 : 77 },
      );
      break;
    }
  }
}

describe('ledger store against a naive per-row reference', () => {
  it('random manual postings, imports (oversells, reversals, transfers) and batch removals', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(stepArb, { minLength: 1, maxLength: 20 }), async (steps) => {
        try {
          const w = await world();
          const m = newModel();
          await verify(w, m, 1);
          for (const step of steps) {
            await runStep(w, m, step);
            await verify(w, m, step.probe);
          }
          // Finally: refresh makes everything fresh and correct.
          await runStep(w, m, { kind: 'refresh', probe: 0 });
          await verify(w, m, 2);
        } finally {
          await disposeDatabases();
        }
      }),
      { numRuns: 60 },
    );
  }, 120_000);
});

// ---------------------------------------------------------------------------------------------
// Specific cases

const mv = (date: string, skuId: number, locationId: number, qty: number, type: MovementType, extra: Partial<NewRow> = {}): NewRow => ({ date, skuId, locationId, qty, type, ...extra });

async function summariesOf(db: StockPilotDatabase) {
  const stored = await storedSummaries(db);
  return {
    fresh: stored.fresh,
    stale: stored.stale,
    version: stored.version,
    content: summaryContent(stored),
    balances: stored.balances ? balancesOfColumns(stored.balances.balances) : [],
  };
}

describe('summaries stay fresh or visibly stale', () => {
  it('fresh after appendMovementBatch; stale after a manual posting until refreshSummaries, then fresh and correct', async () => {
    const w = await world();
    const [a, b] = w.skus as [number, number, number];
    const [domestic, fba] = w.stock as [number, number, number];
    await appendMovementBatch(w.db, batchInput('I1'), batchColumns([mv('2024-12-02', a, domestic, 10, 'receipt', { unitCostMinor: 300 }), mv('2024-12-05', a, domestic, -4, 'sale')]));
    let s = await summariesOf(w.db);
    expect(s.fresh).toBe(true);
    expect(s.balances).toEqual(normBalances([{ skuId: a, locationId: domestic, qty: 6, valueMinor: 1800 }]));

    await postReceipt(w.db, { date: '2024-12-03', skuId: b, locationId: fba, qty: '5', unitCost: '1.10' }, 'USD');
    s = await summariesOf(w.db);
    expect({ fresh: s.fresh, stale: s.stale }).toEqual({ fresh: false, stale: true });
    // The stale summaries still show the ledger as it was, not a half-updated one.
    expect(s.balances).toEqual(normBalances([{ skuId: a, locationId: domestic, qty: 6, valueMinor: 1800 }]));
    await postAdjustment(w.db, { date: '2024-12-06', skuId: a, locationId: domestic, qty: '-1', reason: 'damaged' });
    expect((await summariesOf(w.db)).stale).toBe(true);

    expect(await refreshSummaries(w.db)).toBe(true);
    s = await summariesOf(w.db);
    expect(s.fresh).toBe(true);
    expect(s.balances).toEqual(
      normBalances([
        { skuId: a, locationId: domestic, qty: 5, valueMinor: 1500 },
        { skuId: b, locationId: fba, qty: 5, valueMinor: 550 },
      ]),
    );
    expect(await refreshSummaries(w.db)).toBe(false);
  });

  it('an append after unrefreshed manual postings writes summaries that include them', async () => {
    const w = await world();
    const [a] = w.skus as [number, number, number];
    const [domestic] = w.stock as [number, number, number];
    await postReceipt(w.db, { date: '2024-12-01', skuId: a, locationId: domestic, qty: '10', unitCost: '2.00' }, 'USD');
    expect((await summariesOf(w.db)).stale).toBe(true);
    await appendMovementBatch(w.db, batchInput('I1'), batchColumns([mv('2024-12-02', a, domestic, -3, 'sale')]));
    const s = await summariesOf(w.db);
    expect(s.fresh).toBe(true);
    expect(s.balances).toEqual(normBalances([{ skuId: a, locationId: domestic, qty: 7, valueMinor: 1400 }]));
  });
});

describe('removing a batch', () => {
  it('restores exactly the summaries of before it was added (and fresh)', async () => {
    const w = await world();
    const [a, b, c] = w.skus as [number, number, number];
    const [domestic, fba] = w.stock as [number, number, number];
    await postReceipt(w.db, { date: '2024-11-25', skuId: a, locationId: domestic, qty: '30', unitCost: '2.00' }, 'USD');
    await shipTransfer(w.db, { shipDate: '2024-12-01', fromLocationId: domestic, toLocationId: fba, lines: [{ skuId: a, qty: '12' }] });
    await appendMovementBatch(
      w.db,
      batchInput('X'),
      batchColumns([mv('2024-12-03', b, fba, 8, 'receipt', { unitCostMinor: 125.5 }), mv('2024-12-20', b, fba, -3, 'sale'), mv('2025-01-04', c, domestic, -2, 'sale')]),
    );
    await refreshSummaries(w.db);
    const before = await summariesOf(w.db);
    expect(before.fresh).toBe(true);

    // Y oversells, reverses, and moves stock of A and B through transit.
    await appendMovementBatch(
      w.db,
      batchInput('Y'),
      batchColumns([
        mv('2024-12-02', a, domestic, -25, 'sale'),
        mv('2024-12-10', a, domestic, 25, 'sale'),
        mv('2024-12-21', b, fba, -5, 'transfer_out', { ref: 'SHP-1' }),
        mv('2024-12-21', b, w.transit, 5, 'transfer_in', { ref: 'SHP-1' }),
        mv('2025-02-01', b, w.transit, -5, 'transfer_out', { ref: 'SHP-1' }),
        mv('2025-02-01', b, domestic, 5, 'transfer_in', { ref: 'SHP-1' }),
      ]),
    );
    const withY = await summariesOf(w.db);
    expect(withY.fresh).toBe(true);
    expect(withY.content).not.toEqual(before.content);

    await removeMovementBatch(w.db, 'Y');
    const after = await summariesOf(w.db);
    expect(after.fresh).toBe(true);
    expect(after.version).toBeGreaterThan(withY.version);
    expect(after.content).toEqual(before.content);
    expect(await w.db.batches.toArray()).toEqual([expect.objectContaining({ id: 'X' })]);
    expect((await w.db.movementBlocks.toArray()).map((block) => block.batchId)).toEqual(['X']);
  });

  it('a batch in the middle: the later batch keeps its posting order and values match the reference', async () => {
    const w = await world();
    const m = newModel();
    const [a, b] = w.skus as [number, number, number];
    const [domestic, fba, tpl] = w.stock as [number, number, number];
    await appendImport(w, m, 'P', [mv('2024-12-01', a, domestic, 20, 'receipt', { unitCostMinor: 100 }), mv('2024-12-01', b, fba, 7, 'receipt', { unitCostMinor: 333.3333 })]);
    await appendImport(w, m, 'Q', [mv('2024-12-01', a, domestic, 10, 'receipt', { unitCostMinor: 400 }), mv('2024-12-01', a, domestic, -7, 'sale'), mv('2024-12-02', b, fba, -2, 'sale')]);
    await appendImport(w, m, 'R', [
      mv('2024-12-01', a, domestic, -9, 'sale'),
      mv('2024-12-03', a, domestic, -30, 'transfer_out', { ref: 'R1' }),
      mv('2024-12-03', a, w.transit, 30, 'transfer_in', { ref: 'R1' }),
      mv('2024-12-09', a, w.transit, -30, 'transfer_out', { ref: 'R1' }),
      mv('2024-12-09', a, tpl, 30, 'transfer_in', { ref: 'R1' }),
      mv('2024-12-10', b, fba, -6, 'sale'),
    ]);
    await verify(w, m, 11);
    const rSeqs = (await w.db.movementBlocks.where('batchId').equals('R').toArray()).map((block) => block.seqStart);
    expect(rSeqs).toEqual([BLOCK_SEQ_BASE + 5]);
    await removeBatch(w, m, 'Q');
    await verify(w, m, 12);
    // R still posts after P: its block keeps seqStart BLOCK_SEQ_BASE + 5, and a new batch follows it.
    expect((await w.db.movementBlocks.where('batchId').equals('R').toArray()).map((block) => block.seqStart)).toEqual([BLOCK_SEQ_BASE + 5]);
    await appendImport(w, m, 'Q', [mv('2024-12-01', a, domestic, 1, 'customer_return')]);
    expect((await w.db.movementBlocks.where('batchId').equals('Q').toArray()).map((block) => block.seqStart)).toEqual([BLOCK_SEQ_BASE + 11]);
    await verify(w, m, 13);
    // Concretely: P's 20 @ 1.00 and nothing else at domestic before R's oversell of 9 and transfer of 30.
    const tplBalance = (await exactBalancesAt(w.db, '2024-12-31')).find((l) => l.skuId === a && l.locationId === tpl);
    expect(tplBalance).toEqual({ skuId: a, locationId: tpl, qty: 30, valueMinor: 3000 });
  });
});

describe('appendMovementBatch and removeMovementBatch refusals write nothing', () => {
  async function seeded() {
    const w = await world();
    const [a] = w.skus as [number, number, number];
    const [domestic] = w.stock as [number, number, number];
    await postReceipt(w.db, { date: '2024-12-01', skuId: a, locationId: domestic, qty: '5', unitCost: '1.00' }, 'USD');
    await appendMovementBatch(w.db, batchInput('I1'), batchColumns([mv('2024-12-02', a, domestic, -2, 'sale')]));
    return w;
  }

  it('an unknown SKU id → sku.notFound naming it; all tables deep-equal before and after', async () => {
    const w = await seeded();
    const [a] = w.skus as [number, number, number];
    const [domestic] = w.stock as [number, number, number];
    const rows = [mv('2024-12-03', a, domestic, 1, 'customer_return'), mv('2024-12-04', 424242, domestic, 3, 'receipt', { unitCostMinor: 10 })];
    await expectRefusedUnchanged(w.db, [...ALL_TABLES], () => appendMovementBatch(w.db, batchInput('I2'), batchColumns(rows)), 'sku.notFound', { id: 424242 });
  });

  it('an unknown location id → location.notFound naming it; all tables deep-equal before and after', async () => {
    const w = await seeded();
    const [a] = w.skus as [number, number, number];
    const [domestic] = w.stock as [number, number, number];
    const rows = [mv('2024-12-03', a, domestic, 1, 'customer_return'), mv('2024-12-04', a, 4095, -3, 'sale')];
    await expectRefusedUnchanged(w.db, [...ALL_TABLES], () => appendMovementBatch(w.db, batchInput('I2'), batchColumns(rows)), 'location.notFound', { id: 4095 });
  });

  it('removing an unknown batch → batch.notFound; "manual" is not a batch either', async () => {
    const w = await seeded();
    await expectRefusedUnchanged(w.db, [...ALL_TABLES], () => removeMovementBatch(w.db, 'I9'), 'batch.notFound', { id: 'I9' });
    await expectRefusedUnchanged(w.db, [...ALL_TABLES], () => removeMovementBatch(w.db, 'manual'), 'batch.notFound', { id: 'manual' });
  });

  it('the same batch id twice is refused and writes nothing; after its removal the id may be used again', async () => {
    const w = await seeded();
    const [a] = w.skus as [number, number, number];
    const [domestic] = w.stock as [number, number, number];
    const rows = [mv('2024-12-05', a, domestic, 4, 'receipt', { unitCostMinor: 90 })];
    await expectRefusedUnchanged(w.db, [...ALL_TABLES], () => appendMovementBatch(w.db, batchInput('I1'), batchColumns(rows)), 'field.badFormat', { field: 'batch', value: 'I1' });
    await removeMovementBatch(w.db, 'I1');
    const record = await appendMovementBatch(w.db, batchInput('I1'), batchColumns(rows));
    expect(record).toEqual({ ...batchInput('I1'), movementCount: 1, blockCount: 1, firstDate: '2024-12-05', lastDate: '2024-12-05' });
  });

  it('an empty batch is refused with field.required and writes nothing', async () => {
    const w = await seeded();
    await expectRefusedUnchanged(w.db, [...ALL_TABLES], () => appendMovementBatch(w.db, batchInput('I2'), batchColumns([])), 'field.required', { field: 'lines' });
  });
});

describe('a batch larger than one block', () => {
  it('25,000 movements in 3 blocks: posting order, values, balances and removal match the reference', async () => {
    const w = await world();
    const m = newModel();
    const random = prng(2024);
    const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
    await appendImport(w, m, 'small', [mv('2024-11-20', w.skus[0]!, w.stock[0]!, 50, 'receipt', { unitCostMinor: 200 })]);
    const rows: NewRow[] = [];
    while (rows.length < 25_000) {
      const date = iso(int(0, SPAN));
      const skuId = w.skus[int(0, 2)]!;
      const loc = w.stock[int(0, 2)]!;
      const r = random();
      if (r < 0.3) rows.push(mv(date, skuId, loc, int(1, 50), 'receipt', { unitCostMinor: int(50, 900) }));
      else if (r < 0.85) rows.push(mv(date, skuId, loc, -int(1, 20), 'sale'));
      else if (r < 0.95) rows.push(mv(date, skuId, loc, int(1, 5), 'customer_return'));
      else {
        const ref = `BIG-${int(1, 40)}`;
        const qty = int(1, 30);
        rows.push(mv(date, skuId, loc, -qty, 'transfer_out', { ref }), mv(date, skuId, w.transit, qty, 'transfer_in', { ref }));
      }
    }
    await appendImport(w, m, 'big', rows);
    const blocks = await w.db.movementBlocks.where('batchId').equals('big').toArray();
    expect(blocks.map((b) => [b.seqStart, b.count])).toEqual([
      [BLOCK_SEQ_BASE + 1, 10_000],
      [BLOCK_SEQ_BASE + 10_001, 10_000],
      [BLOCK_SEQ_BASE + 20_001, rows.length - 20_000],
    ]);
    // Blocks are sorted by day: each covers a date range that starts where the previous ended.
    for (let k = 1; k < blocks.length; k++) expect(blocks[k]!.firstDay).toBeGreaterThanOrEqual(blocks[k - 1]!.lastDay);
    await verify(w, m, 21);
    await removeBatch(w, m, 'big');
    await verify(w, m, 22);
    expect(await w.db.movementBlocks.count()).toBe(1);
  }, 60_000);
});

describe('queryLedger', () => {
  it('filters by SKU, location, type, dates and batch (or manual), newest first, with the total count', async () => {
    const w = await world();
    const m = newModel();
    const [a, b] = w.skus as [number, number, number];
    const [domestic, fba] = w.stock as [number, number, number];
    await postManual(w, m, [mv('2024-12-01', a, domestic, 10, 'receipt', { unitCostMinor: 100 })], () =>
      postReceipt(w.db, { date: '2024-12-01', skuId: a, locationId: domestic, qty: '10', unitCost: '1.00' }, 'USD'),
    );
    await appendImport(w, m, 'I1', [mv('2024-12-03', a, domestic, -2, 'sale'), mv('2024-12-01', b, fba, 4, 'receipt', { unitCostMinor: 50 }), mv('2024-12-03', a, fba, -1, 'sale')]);
    await postManual(w, m, [mv('2024-12-03', a, domestic, -1, 'adjustment', { reason: 'lost' } as Partial<NewRow>)], () =>
      postAdjustment(w.db, { date: '2024-12-03', skuId: a, locationId: domestic, qty: '-1', reason: 'lost' }),
    );
    await appendImport(w, m, 'I2', [mv('2024-12-02', b, fba, -1, 'sale', { ref: 'ORDER-9' })]);

    const all = await queryLedger(w.db, {});
    expect(all.totalCount).toBe(6);
    const show = (page: Awaited<ReturnType<typeof queryLedger>>) =>
      Array.from({ length: page.length }, (_, k) => `${isoFromDay(page.day[k]!)} ${page.skuId[k]}@${page.locationId[k]} ${page.qty[k]} ${MOVEMENT_TYPES[page.type[k]!]} ${page.ref[k]! >= 0 ? page.refs[page.ref[k]!] : '-'} ${page.sources[page.source[k]!]}`);
    // Newest day first; within a day, the later posting first (block movements post after manual ones).
    expect(show(all)).toEqual([
      `2024-12-03 ${a}@${fba} -1 sale - I1`,
      `2024-12-03 ${a}@${domestic} -2 sale - I1`,
      `2024-12-03 ${a}@${domestic} -1 adjustment - manual`,
      `2024-12-02 ${b}@${fba} -1 sale ORDER-9 I2`,
      `2024-12-01 ${b}@${fba} 4 receipt - I1`,
      `2024-12-01 ${a}@${domestic} 10 receipt - manual`,
    ]);
    expect(show(await queryLedger(w.db, { batchId: 'manual' }))).toEqual([`2024-12-03 ${a}@${domestic} -1 adjustment - manual`, `2024-12-01 ${a}@${domestic} 10 receipt - manual`]);
    expect(show(await queryLedger(w.db, { batchId: 'I2' }))).toEqual([`2024-12-02 ${b}@${fba} -1 sale ORDER-9 I2`]);
    expect(show(await queryLedger(w.db, { skuId: a, locationId: domestic, type: 'sale' }))).toEqual([`2024-12-03 ${a}@${domestic} -2 sale - I1`]);
    expect(show(await queryLedger(w.db, { from: '2024-12-02', to: '2024-12-02' }))).toEqual([`2024-12-02 ${b}@${fba} -1 sale ORDER-9 I2`]);
    const none = await queryLedger(w.db, { batchId: 'nope' });
    expect({ length: none.length, totalCount: none.totalCount }).toEqual({ length: 0, totalCount: 6 });
    // And exhaustively: every combination of these filters matches the naive filter.
    for (const skuId of [undefined, a, b])
      for (const locationId of [undefined, domestic, fba])
        for (const type of [undefined, 'sale', 'receipt'] as const)
          for (const batchId of [undefined, 'manual', 'I1', 'I2'])
            for (const [from, to] of [[undefined, undefined], ['2024-12-02', undefined], [undefined, '2024-12-02'], ['2024-12-01', '2024-12-03']] as const) {
              const filter: LedgerFilter = {};
              if (skuId !== undefined) filter.skuId = skuId;
              if (locationId !== undefined) filter.locationId = locationId;
              if (type !== undefined) filter.type = type;
              if (batchId !== undefined) filter.batchId = batchId;
              if (from !== undefined) filter.from = from;
              if (to !== undefined) filter.to = to;
              await expectQueryMatches(w.db, m, filter);
            }
  });
});

describe('types and day numbers', () => {
  it('TYPE_CODE indexes MOVEMENT_TYPES (the tests decode pages with it)', () => {
    for (const type of MOVEMENT_TYPES) expect(MOVEMENT_TYPES[TYPE_CODE[type]]).toBe(type);
    expect(addDays(START, SPAN)).toBe('2025-02-28');
  });
});
