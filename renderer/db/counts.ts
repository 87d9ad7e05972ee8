// Stock counts in the database (PRODUCT §5): plans, bins, counts with their counters' entries, the
// variance review and posting. Reading the expected quantities values the whole ledger, so the page
// runs createCount, countReview and postCount in the ledger worker; entries and reasons are small
// writes the page makes itself. Every refusal happens before anything is written.
import { catalogCache } from './catalogRevision';
import { DomainError } from '../../shared/errors';
import { addDays, dayNumber } from '../../shared/dates';
import { abcClassify } from '../../shared/domain';
import type { AbcClass } from '../../shared/domain';
import { balancesAt, TYPE_CODE, valueMovements } from '../../shared/ledger';
import type { IsoDate, MovementInput } from '../../shared/model';
import { parseDate } from '../../shared/catalog/fields';
import { isBundle } from '../../shared/catalog/catalog';
import {
  buildCodeIndex,
  countAccuracy,
  countedBySku,
  COUNT_REASONS,
  DEFAULT_RECOUNT_THRESHOLD,
  lineVariance,
  overThreshold,
  parseCountCode,
  parseCountedQty,
  parseCounter,
  parseCountPlanDraft,
  parseRecountThreshold,
  planSkuIds,
  resolveCountCode,
  sortCountLines,
} from '../../shared/counts';
import type { CountAccuracy, CountEntry, CountLine, CountPlanDraft, CountReason, CountScope, RecountThreshold, ReviewLine, StockCount } from '../../shared/counts';
import { onHandUnits } from '../../shared/reconcile';
import type { StockPilotDatabase } from './schema';
import { withStorageErrors } from './errors';
import { postChecked, postingTables } from './ledger';
import { readLedgerSnapshot, readLedgerVersion } from './ledgerStore';
import type { LedgerSnapshot } from './ledgerStore';
import { latestRows } from './reports';
import { codeLookupOf, snapshotTarget } from './imports';
import { readSettings } from './settings';
import { readAnalysisSettings } from './analysis';

/** The ledger reference of a count's variance movements. */
export function countRef(count: Pick<StockCount, 'number'>): string {
  return count.number;
}

async function requireCount(db: StockPilotDatabase, id: number): Promise<StockCount> {
  const count = await db.counts.get(id);
  if (!count) throw new DomainError('count.notFound', { id });
  return count;
}

async function requireOpen(db: StockPilotDatabase, id: number): Promise<StockCount> {
  const count = await requireCount(db, id);
  if (count.status === 'posted') throw new DomainError('count.posted', { number: count.number });
  return count;
}

async function requireCountLocation(db: StockPilotDatabase, locationId: number): Promise<void> {
  const location = await db.locations.get(locationId);
  if (!location) throw new DomainError('field.required', { field: 'location' });
  if (location.kind === 'transit') throw new DomainError('movement.transitNotAllowed');
}

export async function saveCountPlan(db: StockPilotDatabase, draft: CountPlanDraft, createdOn: IsoDate, id?: number): Promise<number> {
  return withStorageErrors(() =>
    db.transaction('rw', [db.countPlans, db.skus, db.locations], async () => {
      const byCode = new Map((await db.skus.toArray()).map((s) => [s.codeKey, s.id]));
      const fields = parseCountPlanDraft(draft, (code) => byCode.get(code.toUpperCase()) ?? null);
      await requireCountLocation(db, fields.locationId);
      if (id === undefined) return db.countPlans.add({ ...fields, createdOn: parseDate('date', createdOn), archived: false });
      if (!(await db.countPlans.get(id))) throw new DomainError('count.planNotFound', { id });
      await db.countPlans.update(id, fields);
      return id;
    }),
  );
}

/** A SKU's bin at a location; a blank bin removes it. */
export async function setSkuBin(db: StockPilotDatabase, locationId: number, skuId: number, bin: string): Promise<void> {
  const text = bin.trim();
  if (text.length > 40) throw new DomainError('field.tooLong', { field: 'bin', max: 40 });
  await withStorageErrors(() =>
    db.transaction('rw', [db.skuBins, db.skus, db.locations], async () => {
      if (!(await db.skus.get(skuId))) throw new DomainError('field.required', { field: 'sku' });
      await requireCountLocation(db, locationId);
      const existing = await db.skuBins.where('[locationId+skuId]').equals([locationId, skuId]).first();
      if (text === '') {
        if (existing) await db.skuBins.delete(existing.id);
      } else if (existing) await db.skuBins.update(existing.id, { bin: text });
      else await db.skuBins.add({ locationId, skuId, bin: text });
    }),
  );
}

async function binsAt(db: StockPilotDatabase, locationId: number): Promise<Map<number, string>> {
  return new Map((await db.skuBins.where('locationId').equals(locationId).toArray()).map((b) => [b.skuId, b.bin]));
}

/** Units, value and unit cost per SKU at a location at the end of a day, valued like the stock overview. */
interface LedgerAtCutoff {
  version: number;
  qty: Map<number, number>;
  unitCostMinor: (skuId: number) => number;
  /** 12-month COGS and units sold per SKU up to the cut-off (PRODUCT §6: the ABC bases). */
  cogs: Map<number, number>;
  soldUnits: Map<number, number>;
}

function ledgerAtCutoff(snapshot: LedgerSnapshot, locationId: number, cutoffDate: IsoDate): LedgerAtCutoff {
  const values = valueMovements(snapshot.columns, snapshot.context);
  const cutoff = dayNumber(cutoffDate);
  const qty = new Map<number, number>();
  const value = new Map<number, number>();
  for (const b of balancesAt(snapshot.columns, values, cutoff)) {
    if (b.locationId !== locationId) continue;
    qty.set(b.skuId, b.qty);
    value.set(b.skuId, b.valueMinor);
  }
  const cogs = new Map<number, number>();
  const soldUnits = new Map<number, number>();
  const from = dayNumber(addDays(cutoffDate, -364));
  const { columns } = snapshot;
  for (let i = 0; i < columns.length; i++) {
    if (columns.type[i] !== TYPE_CODE.sale) continue;
    const d = columns.day[i]!;
    if (d < from || d > cutoff) continue;
    cogs.set(columns.skuId[i]!, (cogs.get(columns.skuId[i]!) ?? 0) - values[i]!);
    soldUnits.set(columns.skuId[i]!, (soldUnits.get(columns.skuId[i]!) ?? 0) - columns.qty[i]!);
  }
  return {
    version: snapshot.version,
    qty,
    soldUnits,
    // The average at the cut-off; with nothing on hand, the catalog cost the valuation falls back to.
    unitCostMinor: (skuId) => {
      const units = qty.get(skuId) ?? 0;
      return units > 0 ? (value.get(skuId) ?? 0) / units : (snapshot.context.fallbackUnitCostMinor?.get(skuId) ?? 0);
    },
    cogs,
  };
}

function nextCountNumber(numbers: readonly string[]): string {
  const max = numbers.reduce((m, n) => Math.max(m, Number(/^CNT-(\d+)$/.exec(n)?.[1] ?? 0)), 0);
  return `CNT-${String(max + 1).padStart(4, '0')}`;
}

export interface NewCount {
  /** A plan, or null for an ad hoc count of `skuIds` at `locationId`. */
  planId: number | null;
  locationId?: number;
  skuIds?: number[];
  cutoffDate: IsoDate;
  threshold?: RecountThreshold;
}

/** Makes a count from a plan (or ad hoc): the plan's SKUs at the cut-off, in sheet order (bin, then SKU). */
export async function createCount(db: StockPilotDatabase, input: NewCount, now: string): Promise<number> {
  const cutoffDate = parseDate('cutoffDate', input.cutoffDate);
  // ABC as the seller set it under Analysis (thresholds, COGS or units), so "class A" means one thing everywhere.
  const abc = await readAnalysisSettings(db);
  // The ledger at the cut-off where the count is (valued outside the transaction) is the one its
  // review reads right after (cachedLedgerAtCutoff): the count is valued once, not twice (~1 s each
  // at a million movements). A plan moved to another warehouse meanwhile makes it try again.
  for (let attempt = 0; attempt < 3; attempt++) {
    const planned = input.planId !== null ? await withStorageErrors(() => db.countPlans.get(input.planId!)) : undefined;
    // Refused before a second of valuing (and before the one-entry cut-off cache is replaced); checked again in the transaction.
    if (input.planId !== null && !planned) throw new DomainError('count.planNotFound', { id: input.planId });
    const valuedAt = planned?.locationId ?? input.locationId ?? 0;
    await withStorageErrors(() => requireCountLocation(db, valuedAt));
    const ledger = await withStorageErrors(() => cachedLedgerAtCutoff(db, valuedAt, cutoffDate));
    const created = await withStorageErrors(() =>
      db.transaction('rw', [db.counts, db.countPlans, db.skus, db.locations, db.skuBins], async () => {
        const plan = input.planId !== null ? await db.countPlans.get(input.planId) : undefined;
        if (input.planId !== null && !plan) throw new DomainError('count.planNotFound', { id: input.planId });
        const locationId = plan?.locationId ?? input.locationId ?? 0;
        if (locationId !== valuedAt) return null;
        await requireCountLocation(db, locationId);
        const scope = plan?.scope ?? ({ kind: 'skus', skuIds: input.skuIds ?? [] } satisfies CountScope);
        const skus = await db.skus.toArray();
        const bins = await binsAt(db, locationId);
        const basis = abc.abcBasis === 'units' ? ledger.soldUnits : ledger.cogs;
        const classes = abcClassify(
          skus.map((s) => ({ id: String(s.id), value: basis.get(s.id) ?? 0 })),
          { a: abc.abcCutoffA, b: abc.abcCutoffB },
        );
        const candidates = skus.map((s) => ({ skuId: s.id, bin: bins.get(s.id) ?? '', abcClass: classes[String(s.id)] ?? ('C' satisfies AbcClass), onHandQty: ledger.qty.get(s.id) ?? 0, archived: s.archived }));
        const skuById = new Map(skus.map((s) => [s.id, s]));
        const skuIds = planSkuIds(scope, candidates).filter((id) => skuById.has(id));
        if (skuIds.length === 0) throw new DomainError('count.noLines');
        const lines: CountLine[] = sortCountLines(skuIds.map((skuId) => ({ skuId, bin: bins.get(skuId) ?? '', code: skuById.get(skuId)!.code }))).map(({ skuId, bin }) => ({ skuId, bin }));
        const number = nextCountNumber((await db.counts.toArray()).map((c) => c.number));
        const count: Omit<StockCount, 'id'> = {
          number,
          planId: plan?.id ?? null,
          locationId,
          cutoffDate,
          status: 'open',
          source: 'sheet',
          lines,
          threshold: input.threshold ?? { ...DEFAULT_RECOUNT_THRESHOLD },
          createdAt: now,
        };
        return db.counts.add(count);
      }),
    );
    if (created !== null) return created;
  }
  throw new DomainError('storage.failed', { detail: 'the count plan kept moving to another warehouse while the count was started' });
}

export interface EntryInput {
  counter: string;
  code: string;
  qty: string;
  recount?: boolean;
}

/**
 * The codes a counter may scan, kept until the catalog changes: a scan does not read the whole catalog.
 * A bundle's codes are not among them: it is no unit on a shelf, its components are.
 */
const countCodeIndexOf = catalogCache((skus, listings) => buildCodeIndex({ skus, listings: listings.filter((l) => !isBundle(l)) }));

/**
 * Builds the index scanned codes are resolved with (every SKU and listing read once per catalog
 * revision) ahead of the first scan: the entry form asks for it when it opens, so the first code a
 * counter scans does not wait for 30,000 records to be read.
 */
export async function prepareCountCodes(db: StockPilotDatabase): Promise<void> {
  await withStorageErrors(() => countCodeIndexOf(db));
}

/**
 * Adds one typed or scanned line to an open count. An unknown code is kept (skuId null) and flagged;
 * a known SKU not on the sheet joins the count as a new line. A recount clears the SKU's recount request.
 */
export async function addCountEntry(db: StockPilotDatabase, countId: number, input: EntryInput, now: string): Promise<{ entryId: number; skuId: number | null }> {
  const counter = parseCounter(input.counter);
  const code = parseCountCode(input.code);
  const qty = parseCountedQty(input.qty);
  return withStorageErrors(() =>
    db.transaction('rw', [db.counts, db.countEntries, db.skus, db.listings, db.ledgerState, db.skuBins], async () => {
      const count = await requireOpen(db, countId);
      const index = await countCodeIndexOf(db);
      const skuId = resolveCountCode(index, code);
      const recount = input.recount === true;
      const entryId = await db.countEntries.add({ countId, counter, code, skuId, qty, recount, enteredAt: now } satisfies Omit<CountEntry, 'id'>);
      if (skuId !== null) {
        let lines = count.lines;
        if (!lines.some((l) => l.skuId === skuId)) {
          const bin = (await db.skuBins.where('[locationId+skuId]').equals([count.locationId, skuId]).first())?.bin ?? '';
          lines = [...lines, { skuId, bin }];
        }
        if (recount) lines = lines.map((l) => (l.skuId === skuId && l.recountRequested ? { ...l, recountRequested: false } : l));
        if (lines !== count.lines) await db.counts.update(countId, { lines });
      }
      return { entryId, skuId };
    }),
  );
}

/** Removes a mistyped entry from an open count. */
export async function deleteCountEntry(db: StockPilotDatabase, entryId: number): Promise<void> {
  await withStorageErrors(() =>
    db.transaction('rw', [db.counts, db.countEntries], async () => {
      const entry = await db.countEntries.get(entryId);
      if (!entry) return;
      await requireOpen(db, entry.countId);
      await db.countEntries.delete(entryId);
    }),
  );
}

function isCountReason(value: string): value is CountReason {
  return (COUNT_REASONS as readonly string[]).includes(value);
}

/** The reason of a line's difference ('' clears it), and whether a recount is requested. */
export async function updateCountLine(db: StockPilotDatabase, countId: number, skuId: number, change: { reason?: string; recountRequested?: boolean }): Promise<void> {
  const reason = change.reason;
  if (reason !== undefined && reason !== '' && !isCountReason(reason)) throw new DomainError('field.unknownChoice', { field: 'reason', value: reason });
  await withStorageErrors(() =>
    db.transaction('rw', [db.counts], async () => {
      const count = await requireOpen(db, countId);
      if (!count.lines.some((l) => l.skuId === skuId)) throw new DomainError('field.required', { field: 'sku' });
      const lines = count.lines.map((line) => {
        if (line.skuId !== skuId) return line;
        const next: CountLine = { ...line };
        if (reason === '') delete next.reason;
        else if (reason !== undefined && isCountReason(reason)) next.reason = reason;
        if (change.recountRequested !== undefined) next.recountRequested = change.recountRequested;
        return next;
      });
      await db.counts.update(countId, { lines });
    }),
  );
}

/** The recount threshold of an open count, as typed (blank = off), in the base currency. */
export async function setCountThreshold(db: StockPilotDatabase, countId: number, draft: { units: string; value: string }, baseCurrency: string): Promise<void> {
  const threshold = parseRecountThreshold(draft, baseCurrency);
  await withStorageErrors(() =>
    db.transaction('rw', [db.counts], async () => {
      await requireOpen(db, countId);
      await db.counts.update(countId, { threshold });
    }),
  );
}

export interface CountReview {
  count: StockCount;
  lines: ReviewLine[];
  /** Entries whose code named no SKU: kept and shown, never posted. */
  unknown: CountEntry[];
  /** Accuracy of the counted lines as they stand. */
  accuracy: CountAccuracy;
  ledgerVersion: number;
}

function reviewOf(count: StockCount, entries: readonly CountEntry[], ledger: LedgerAtCutoff): CountReview {
  const counted = countedBySku(entries);
  const lines: ReviewLine[] = count.lines.map((line) => {
    const expectedQty = ledger.qty.get(line.skuId) ?? 0;
    const countedQty = counted.get(line.skuId);
    const unitCostMinor = ledger.unitCostMinor(line.skuId);
    const variance = lineVariance({ expectedQty, countedQty: countedQty ?? expectedQty, unitCostMinor });
    return {
      skuId: line.skuId,
      bin: line.bin,
      expectedQty,
      countedQty: countedQty ?? 0,
      unitCostMinor,
      ...(countedQty === undefined ? { varianceUnits: 0, varianceValueMinor: 0 } : variance),
      counted: countedQty !== undefined,
      overThreshold: countedQty !== undefined && overThreshold(variance, count.threshold),
      recountRequested: line.recountRequested === true,
      ...(line.reason ? { reason: line.reason } : {}),
    };
  });
  return { count, lines, unknown: entries.filter((e) => e.skuId === null), accuracy: countAccuracy(lines.filter((l) => l.counted)), ledgerVersion: ledger.version };
}

async function readCount(db: StockPilotDatabase, countId: number): Promise<{ count: StockCount; entries: CountEntry[] }> {
  return db.transaction('r', [db.counts, db.countEntries], async () => ({ count: await requireCount(db, countId), entries: await db.countEntries.where('countId').equals(countId).sortBy('id') }));
}

/**
 * Expected (the ledger at the cut-off, including anything dated on or before it that was posted since
 * the count began), counted, and the difference per line. A posted count shows what was posted.
 */
export async function countReview(db: StockPilotDatabase, countId: number): Promise<CountReview> {
  return withStorageErrors(async () => {
    const { count, entries } = await readCount(db, countId);
    if (count.status === 'posted' && count.posted) {
      const byId = new Map(count.posted.lines.map((l) => [l.skuId, l]));
      const lines: ReviewLine[] = count.lines.map((line) => {
        const p = byId.get(line.skuId);
        return {
          skuId: line.skuId,
          bin: line.bin,
          expectedQty: p?.expectedQty ?? 0,
          countedQty: p?.countedQty ?? 0,
          unitCostMinor: p?.unitCostMinor ?? 0,
          varianceUnits: p?.varianceUnits ?? 0,
          varianceValueMinor: p?.varianceValueMinor ?? 0,
          counted: p !== undefined,
          overThreshold: false,
          recountRequested: false,
          ...(p?.reason ? { reason: p.reason } : {}),
        };
      });
      return { count, lines, unknown: entries.filter((e) => e.skuId === null), accuracy: count.posted.accuracy, ledgerVersion: (await readLedgerVersion(db)).version };
    }
    return reviewOf(count, entries, await cachedLedgerAtCutoff(db, count.locationId, count.cutoffDate));
  });
}

/**
 * The review is asked again after every scan, and valuing a million movements takes a second: the
 * figures at a cut-off are kept until the ledger or a catalog cost changes (entries change neither).
 */
const cutoffCache = new WeakMap<StockPilotDatabase, { key: string; ledger: LedgerAtCutoff }>();

/** Every SKU's catalog cost, as one string: read again only after the catalog changed (10,000 SKUs per scan cost ~50–100 ms). */
const catalogCostsOf = catalogCache((skus) => skus.map((s) => `${s.id}:${s.unitCostMinor}${s.costCurrency}`).join(','));

async function cachedLedgerAtCutoff(db: StockPilotDatabase, locationId: number, cutoffDate: IsoDate): Promise<LedgerAtCutoff> {
  const [version, costs, settings] = await Promise.all([readLedgerVersion(db), catalogCostsOf(db), readSettings(db)]);
  const key = `${version.version}|${locationId}|${cutoffDate}|${settings.baseCurrency}|${costs}`;
  const cached = cutoffCache.get(db);
  if (cached?.key === key) return cached.ledger;
  const snapshot = await readLedgerSnapshot(db);
  const ledger = ledgerAtCutoff(snapshot, locationId, cutoffDate);
  // Keyed by the version the snapshot was read at, so a write in between is never hidden.
  if (snapshot.version === version.version) cutoffCache.set(db, { key, ledger });
  return ledger;
}

/**
 * Posts a count: one `count_variance` per counted line with a difference, dated the cut-off, so the
 * balance at the cut-off becomes what was counted and everything after it moves by the same units.
 * Refused (nothing written) when the count is posted already, nothing was counted, a difference has
 * no reason, a requested recount has not been entered, or a later day would go below zero.
 */
export async function postCount(db: StockPilotDatabase, countId: number, now: string): Promise<CountReview> {
  // The review values the whole ledger, which is no work for a transaction; the transaction then
  // checks that neither the ledger nor the count changed meanwhile, and tries again if they did.
  for (let attempt = 0; attempt < 3; attempt++) {
    const { count, entries } = await withStorageErrors(() => readCount(db, countId));
    if (count.status === 'posted') throw new DomainError('count.posted', { number: count.number });
    const review = reviewOf(count, entries, ledgerAtCutoff(await withStorageErrors(() => readLedgerSnapshot(db)), count.locationId, count.cutoffDate));
    const skus = new Map((await db.skus.toArray()).map((s) => [s.id, s.code]));
    const counted = review.lines.filter((l) => l.counted);
    if (counted.length === 0) throw new DomainError('count.nothingCounted', { number: count.number });
    const pending = review.lines.find((l) => l.recountRequested);
    if (pending) throw new DomainError('count.recountPending', { sku: skus.get(pending.skuId) ?? String(pending.skuId) });
    const unexplained = counted.find((l) => l.varianceUnits !== 0 && !l.reason);
    if (unexplained) throw new DomainError('count.reasonMissing', { sku: skus.get(unexplained.skuId) ?? String(unexplained.skuId), units: unexplained.varianceUnits });
    const movements: MovementInput[] = counted
      .filter((l) => l.varianceUnits !== 0)
      .map((l) => ({ date: count.cutoffDate, skuId: l.skuId, locationId: count.locationId, qty: l.varianceUnits, type: 'count_variance', ref: countRef(count), source: 'manual', ...(l.reason ? { note: l.reason } : {}) }));
    const changed = await withStorageErrors(() =>
      db.transaction('rw', [...postingTables(db), db.settings, db.counts, db.countEntries], async () => {
        const [version, fresh, freshEntries] = await Promise.all([readLedgerVersion(db), db.counts.get(countId), db.countEntries.where('countId').equals(countId).count()]);
        if (version.version !== review.ledgerVersion || JSON.stringify(fresh) !== JSON.stringify(count) || freshEntries !== entries.length) return true;
        if (movements.length > 0) await postChecked(db, movements);
        await db.counts.update(countId, {
          status: 'posted',
          postedAt: now,
          posted: {
            lines: counted.map((l) => ({ skuId: l.skuId, expectedQty: l.expectedQty, countedQty: l.countedQty, varianceUnits: l.varianceUnits, varianceValueMinor: l.varianceValueMinor, unitCostMinor: l.unitCostMinor, ...(l.reason ? { reason: l.reason } : {}) })),
            accuracy: review.accuracy,
            unknownCodes: review.unknown.map((e) => e.code),
          },
        });
        return false;
      }),
    );
    if (!changed) return countReview(db, countId);
  }
  throw new DomainError('count.changed');
}

/**
 * A 3PL stock file or an FBA snapshot (reportRows kind 'snapshot') as the count of its location on
 * its date: each mapped row is an entry of the SKU's on-hand units (fulfillable + reserved +
 * unsellable + researching, × units per listing); unmapped codes are kept as unknown entries.
 */
export async function createCountFromSnapshot(db: StockPilotDatabase, scope: string, now: string): Promise<number> {
  return withStorageErrors(async () => {
    const snapshot = (await latestRows(db, 'snapshot')).get(scope);
    if (!snapshot || snapshot.locationId === null || snapshot.date === null) throw new DomainError('count.notFound', { id: scope });
    const { locationId, date } = snapshot;
    const location = await db.locations.get(locationId);
    const marketplace = snapshot.marketplace ?? location?.marketplace ?? '';
    const lookup = await codeLookupOf(db);
    const skus = await db.skus.toArray();
    const skuByCode = new Map(skus.map((s) => [s.codeKey, s.id]));
    const entries: Omit<CountEntry, 'id' | 'countId'>[] = [];
    for (const row of snapshot.rows.values()) {
      const units = onHandUnits(row);
      if (units === null) continue;
      const target = snapshotTarget(row, marketplace, lookup, skuByCode);
      entries.push({ counter: snapshot.reportKind, code: row.code, skuId: target?.skuId ?? null, qty: Math.max(0, units * (target?.unitsPerListing ?? 1)), recount: false, enteredAt: now });
    }
    return db.transaction('rw', [db.counts, db.countEntries, db.skuBins, db.locations], async () => {
      await requireCountLocation(db, locationId);
      const bins = await binsAt(db, locationId);
      const code = new Map(skus.map((s) => [s.id, s.code]));
      const skuIds = [...new Set(entries.flatMap((e) => (e.skuId === null ? [] : [e.skuId])))];
      if (skuIds.length === 0) throw new DomainError('count.noLines');
      const lines = sortCountLines(skuIds.map((skuId) => ({ skuId, bin: bins.get(skuId) ?? '', code: code.get(skuId) ?? '' }))).map(({ skuId, bin }) => ({ skuId, bin }));
      const number = nextCountNumber((await db.counts.toArray()).map((c) => c.number));
      const countId = await db.counts.add({ number, planId: null, locationId, cutoffDate: date, status: 'open', source: 'snapshot', snapshotScope: scope, lines, threshold: { ...DEFAULT_RECOUNT_THRESHOLD }, createdAt: now });
      await db.countEntries.bulkAdd(entries.map((e) => ({ ...e, countId })));
      return countId;
    });
  });
}
