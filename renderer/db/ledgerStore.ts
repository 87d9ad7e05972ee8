// The ledger at scale: imported movements in packed blocks, manual ones per row, and the summaries
// that screens read. Heavy work (valuation, aggregation) happens outside transactions; each write is
// one transaction that also stores the summaries it invalidates, so screens never see a half-write.
import { DomainError } from '../../shared/errors';
import { dayNumber, isoFromDay } from '../../shared/dates';
import {
  BLOCK_SEQ_BASE,
  balanceTableFromSummary,
  splitByMonth,
  columnsFromMovements,
  concatColumns,
  concatQuantities,
  packBlocks,
  dayOrder,
  BLOCK_SIZE,
  summarizeByMonth,
  unpackBlocks,
  valueMovements,
} from '../../shared/ledger';
import type { MonthActivity, MovementColumns, PackedBlock, QuantityColumns, ValuationContext } from '../../shared/ledger';
import { monthPartKey } from './schema';
import type { Table } from 'dexie';
import type { BalancesSummaryRecord, ImportBatch, LedgerVersionRecord, MonthPartRecord, StockPilotDatabase } from './schema';
import { withStorageErrors } from './errors';
import { shipmentRef } from '../../shared/ledger/postings';
import { isBundle } from '../../shared/catalog/catalog';
import { readSettings } from './settings';

type StoredBlock = PackedBlock & { id: number };

/**
 * Decoded blocks kept in memory per database (one per JS context: the page and the ledger worker).
 * Blocks never change once written, so the cache only adds new keys and drops removed ones.
 */
export class BlockCache {
  private blocks = new Map<number, StoredBlock>();

  /** Brings the cache in line with the database and returns the blocks in key (posting) order. */
  async sync(db: StockPilotDatabase): Promise<StoredBlock[]> {
    if (this.blocks.size === 0) {
      // Cold (a new worker): one read of every block, not the keys and then each block by key.
      const all = await db.movementBlocks.toArray();
      for (const block of all) this.blocks.set(block.id, block);
      return all;
    }
    const keys = await db.movementBlocks.toCollection().primaryKeys();
    const wanted = new Set(keys);
    for (const key of this.blocks.keys()) if (!wanted.has(key)) this.blocks.delete(key);
    const missing = keys.filter((key) => !this.blocks.has(key));
    if (missing.length > 0) {
      const loaded = await db.movementBlocks.bulkGet(missing);
      for (const block of loaded) if (block) this.blocks.set(block.id, block);
    }
    return keys.map((key) => this.blocks.get(key)).filter((b): b is StoredBlock => b !== undefined);
  }

  /** Blocks just written by this connection: the next sync need not read them back. */
  seed(blocks: readonly StoredBlock[]): void {
    for (const block of blocks) this.blocks.set(block.id, block);
  }

  clear(): void {
    this.blocks.clear();
  }
}

const caches = new WeakMap<StockPilotDatabase, BlockCache>();

export function blockCacheFor(db: StockPilotDatabase): BlockCache {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new BlockCache()));
  return cache;
}

export async function readLedgerVersion(db: StockPilotDatabase): Promise<LedgerVersionRecord> {
  const record = await db.ledgerState.get('version');
  return record && record.key === 'version' ? record : { key: 'version', version: 0, nextBlockSeq: 0 };
}

/** Call inside every transaction that writes movements (needs `ledgerState` in its scope). */
export async function bumpLedgerVersion(db: StockPilotDatabase, addedBlockMovements = 0): Promise<LedgerVersionRecord> {
  const current = await readLedgerVersion(db);
  const next: LedgerVersionRecord = { key: 'version', version: current.version + 1, nextBlockSeq: current.nextBlockSeq + addedBlockMovements };
  await db.ledgerState.put(next);
  return next;
}

export interface LedgerSnapshot {
  columns: MovementColumns;
  version: number;
  context: ValuationContext;
}

/** Every movement (manual rows first, then blocks in posting order) with what valuation needs. */
export async function readLedgerSnapshot(db: StockPilotDatabase): Promise<LedgerSnapshot> {
  return withStorageErrors(async () => {
    const cache = blockCacheFor(db);
    const read = await db.transaction('r', [db.movements, db.movementBlocks, db.ledgerState, db.locations, db.skus, db.settings], async () => {
      const [manual, blocks, version, transit, skus, settings] = await Promise.all([
        db.movements.toArray(),
        cache.sync(db),
        readLedgerVersion(db),
        db.locations.where('kind').equals('transit').primaryKeys(),
        db.skus.toArray(),
        readSettings(db),
      ]);
      return { manual, blocks, version, transit, skus, settings };
    });
    const columns = concatColumns([columnsFromMovements(read.manual), unpackBlocks(read.blocks)]);
    // Stock that leaves a pool with no cost history is valued at the catalog cost, when that cost
    // is in the base currency (there is no exchange rate to apply yet).
    const fallback = new Map(read.skus.filter((s) => s.costCurrency === read.settings.baseCurrency).map((s) => [s.id, s.unitCostMinor]));
    return { columns, version: read.version.version, context: { transitLocationIds: new Set(read.transit), fallbackUnitCostMinor: fallback } };
  });
}

/**
 * Every movement's quantities (manual rows first, then blocks in posting order, as in
 * readLedgerSnapshot) and the ledger version: what the plan reads. Without the snapshot's catalog
 * read and reference remapping, which a plan needs neither of.
 */
export async function readLedgerQuantities(db: StockPilotDatabase): Promise<{ columns: QuantityColumns; version: number }> {
  return withStorageErrors(async () => {
    const cache = blockCacheFor(db);
    const read = await db.transaction('r', [db.movements, db.movementBlocks, db.ledgerState], async () => {
      const [manual, blocks, version] = await Promise.all([db.movements.toArray(), cache.sync(db), readLedgerVersion(db)]);
      return { manual, blocks, version };
    });
    const blockParts: QuantityColumns[] = read.blocks.map((b) => ({ length: b.count, day: b.day, skuId: b.skuId, locationId: b.locationId, qty: b.qty, type: b.type }));
    return { columns: concatQuantities([columnsFromMovements(read.manual), ...blockParts]), version: read.version.version };
  });
}

export interface LedgerSummaries {
  balances: BalancesSummaryRecord;
  months: MonthPartRecord[];
}

export function buildSummaries(snapshot: LedgerSnapshot, sourceVersion: number): LedgerSummaries {
  const values = valueMovements(snapshot.columns, snapshot.context);
  const summary = summarizeByMonth(snapshot.columns, values);
  return {
    balances: {
      key: 'summary.balances',
      sourceVersion,
      balances: balanceTableFromSummary(summary),
      firstDay: summary.firstDay,
      lastDay: summary.lastDay,
      movementCount: snapshot.columns.length,
    },
    months: splitByMonth(summary).map((part) => ({ key: monthPartKey(part.month), sourceVersion, part })),
  };
}

/** Replaces the stored summaries (inside the caller's transaction on ledgerState). */
async function storeSummaries(db: StockPilotDatabase, summaries: LedgerSummaries): Promise<void> {
  await db.ledgerState.where('key').startsWith('summary.month.').delete();
  await db.ledgerState.bulkPut([summaries.balances, ...summaries.months]);
}

/** The month parts from `fromMonth` to the last, and the balances they go with. */
export async function readMonthParts(db: StockPilotDatabase, fromMonth: number): Promise<{ balances: BalancesSummaryRecord; parts: MonthActivity[] } | null> {
  return db.transaction('r', db.ledgerState, async () => {
    const [balances, records] = await Promise.all([
      db.ledgerState.get('summary.balances'),
      db.ledgerState.where('key').between(monthPartKey(Math.max(0, fromMonth)), monthPartKey(99_999), true, true).toArray(),
    ]);
    if (balances?.key !== 'summary.balances') return null;
    const parts: MonthActivity[] = [];
    for (const record of records) {
      if ('part' in record && record.sourceVersion === balances.sourceVersion) parts.push(record.part);
    }
    return { balances, parts };
  });
}

/**
 * Rebuilds the summaries if the ledger changed since they were built. Returns true when it wrote.
 * A write that lands meanwhile makes this try again, so the stored summaries are never older than
 * the version they claim.
 */
export async function refreshSummaries(db: StockPilotDatabase): Promise<boolean> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const [version, current] = await Promise.all([readLedgerVersion(db), db.ledgerState.get('summary.balances')]);
    if (current && current.key === 'summary.balances' && current.sourceVersion === version.version) return false;
    const snapshot = await readLedgerSnapshot(db);
    const summaries = buildSummaries(snapshot, snapshot.version);
    const written = await withStorageErrors(() =>
      db.transaction('rw', db.ledgerState, async () => {
        if ((await readLedgerVersion(db)).version !== snapshot.version) return false;
        await storeSummaries(db, summaries);
        return true;
      }),
    );
    if (written) return true;
  }
  throw new DomainError('storage.failed', { detail: 'the ledger kept changing while its summaries were rebuilt' });
}

export interface BatchInput {
  id: string;
  kind: ImportBatch['kind'];
  label: string;
  createdAt: string;
  /** Shipments written with the batch (the demo's open ones), removed with it. */
  createdShipmentIds?: number[];
}

/**
 * Posts a batch of movements (an import, a demo load) atomically: all blocks, the batch record and
 * the updated summaries in one transaction, or nothing. SKU and location ids must exist.
 */
export interface AppendOptions {
  /** Extra fields of the batch record (an imported file's details). */
  file?: ImportBatch['file'];
  /** More writes that must land in the same transaction (e.g. held events), on `tables`. */
  alongside?: { tables: Table[]; write: () => Promise<void> };
}

/** Columns given up by their caller: taken once, so the caller holds no reference to them afterwards. */
export interface ColumnsHandoff {
  take: () => MovementColumns;
}

export async function appendMovementBatch(db: StockPilotDatabase, batch: BatchInput, input: MovementColumns | ColumnsHandoff, options: AppendOptions = {}): Promise<ImportBatch> {
  // The rows are stored in day order through a permutation, never as a sorted copy: at a million
  // rows one set of columns fewer is in memory during the write.
  const columns = 'take' in input ? input.take() : input;
  if (columns.length === 0) throw new DomainError('field.required', { field: 'lines' });
  const order = dayOrder(columns);
  await assertKnownIds(db, columns);
  for (let attempt = 0; attempt < 5; attempt++) {
    const snapshot = await readLedgerSnapshot(db);
    const version = await readLedgerVersion(db);
    if (version.version !== snapshot.version) continue;
    const seqStart = BLOCK_SEQ_BASE + version.nextBlockSeq;
    const blocks = packBlocks(columns, batch.id, seqStart, BLOCK_SIZE, order);
    // Summaries of the ledger as it will be after this write: existing movements plus the new ones,
    // numbered as the blocks number them. The new columns are used as they are (valuation orders
    // rows itself and compares references by text), so a first import is not copied again.
    const seq = new Float64Array(columns.length);
    for (let k = 0; k < seq.length; k++) seq[order === null ? k : order[k]!] = seqStart + k;
    const newColumns: MovementColumns = { ...columns, seq };
    const withNew: LedgerSnapshot = { ...snapshot, columns: snapshot.columns.length === 0 ? newColumns : concatColumns([snapshot.columns, newColumns]) };
    const summaries = buildSummaries(withNew, version.version + 1);
    const record: ImportBatch = {
      ...batch,
      ...(options.file ? { file: options.file } : {}),
      movementCount: columns.length,
      blockCount: blocks.length,
      firstDate: isoFromDay(blocks[0]!.firstDay),
      lastDate: isoFromDay(blocks[blocks.length - 1]!.lastDay),
    };
    let stored: StoredBlock[] = [];
    const written = await withStorageErrors(() =>
      db.transaction('rw', [db.movementBlocks, db.batches, db.ledgerState, ...(options.alongside?.tables ?? [])], async () => {
        const now = await readLedgerVersion(db);
        if (now.version !== version.version) return false;
        if (await db.batches.get(batch.id)) throw new DomainError('field.badFormat', { field: 'batch', value: batch.id });
        const ids = await db.movementBlocks.bulkAdd(blocks, { allKeys: true });
        stored = blocks.map((block, i) => ({ ...block, id: ids[i]! }));
        await db.batches.add(record);
        await options.alongside?.write();
        await bumpLedgerVersion(db, columns.length);
        await storeSummaries(db, summaries);
        return true;
      }),
    );
    if (written) {
      // The next read of the ledger (a re-import's preview) need not load these blocks back.
      blockCacheFor(db).seed(stored);
      return record;
    }
  }
  throw new DomainError('storage.failed', { detail: 'the ledger kept changing during the write' });
}

/** Removes a batch's blocks and its effect on the summaries, in one transaction. */
export async function removeMovementBatch(db: StockPilotDatabase, batchId: string): Promise<void> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const batch = await db.batches.get(batchId);
    if (!batch) throw new DomainError('batch.notFound', { id: batchId });
    await assertShipmentsUntouched(db, batch);
    const received = batch.receivedShipments ?? [];
    const receiptMovementIds = new Set(received.flatMap((r) => r.movementIds));
    // A batch with receipts posted movements of its own: the summaries are rebuilt without them below.
    if (batch.blockCount === 0 && batch.movementCount === 0 && received.length === 0) {
      // Nothing of it is in the ledger (report rows or held events only): no summaries to rebuild.
      await withStorageErrors(() =>
        db.transaction('rw', [db.batches, db.heldEvents, db.reportRows, db.listings, db.shipments], async () => {
          await assertShipmentsUntouched(db, batch);
          // A listing the seller has since made a bundle is theirs now: undoing the import keeps it.
          const created = (await db.listings.bulkGet(batch.createdListingIds ?? [])).filter((l) => l !== undefined && !isBundle(l));
          await db.listings.bulkDelete(created.map((l) => l!.id));
          await db.shipments.bulkDelete(batch.createdShipmentIds ?? []);
          await db.heldEvents.where('batchId').equals(batchId).delete();
          await db.reportRows.where('batchId').equals(batchId).delete();
          await db.batches.delete(batchId);
        }),
      );
      return;
    }
    const snapshot = await readLedgerSnapshot(db);
    const version = await readLedgerVersion(db);
    if (version.version !== snapshot.version) continue;
    const blocks = (await blockCacheFor(db).sync(db)).filter((b) => b.batchId !== batchId);
    const manual = (await db.movements.toArray()).filter((m) => !receiptMovementIds.has(m.id));
    const remaining: LedgerSnapshot = { ...snapshot, columns: concatColumns([columnsFromMovements(manual), unpackBlocks(blocks)]) };
    const summaries = buildSummaries(remaining, version.version + 1);
    const written = await withStorageErrors(() =>
      db.transaction('rw', [db.movementBlocks, db.batches, db.ledgerState, db.movements, db.heldEvents, db.reportRows, db.shipments], async () => {
        if ((await readLedgerVersion(db)).version !== version.version) return false;
        await assertShipmentsUntouched(db, batch);
        // Amazon's receipts the import posted are taken back: their movements, and each shipment as it was.
        await db.movements.bulkDelete([...receiptMovementIds]);
        await db.shipments.bulkPut(received.map((r) => r.before));
        await db.movementBlocks.where('batchId').equals(batchId).delete();
        await db.shipments.bulkDelete(batch.createdShipmentIds ?? []);
        await db.heldEvents.where('batchId').equals(batchId).delete();
        await db.reportRows.where('batchId').equals(batchId).delete();
        await db.batches.delete(batchId);
        await bumpLedgerVersion(db);
        await storeSummaries(db, summaries);
        return true;
      }),
    );
    if (written) return;
  }
  throw new DomainError('storage.failed', { detail: 'the ledger kept changing during the removal' });
}

/**
 * A batch's own shipments (the demo's under way) go with it only while nothing has been received on
 * them: a receipt posted in the app took their units out of transit, and without the batch's
 * dispatch rows transit would go below zero. Such a batch is refused, naming the shipment.
 */
async function assertShipmentsUntouched(db: StockPilotDatabase, batch: ImportBatch): Promise<void> {
  // A shipment the import received is given back only as the import left it: one received again,
  // closed short or changed since, or a receipt movement reversed (or anything else posted on the
  // shipment after it), is the seller's now, and taking the import's receipt from under it would not hold.
  for (const { before, after, movementIds } of batch.receivedShipments ?? []) {
    const now = await db.shipments.get(before.id);
    const ref = shipmentRef(before.id);
    const ids = new Set(movementIds);
    const lastId = Math.max(0, ...movementIds);
    const movementsThere = (await db.movements.bulkGet(movementIds)).every((m) => m !== undefined);
    const postedSince = await db.movements.where('id').above(lastId).filter((m) => m.ref === ref || (m.reversesId !== undefined && ids.has(m.reversesId))).count();
    if (!now || !sameRecord(now, after) || !movementsThere || postedSince > 0) throw new DomainError('batch.receiptChanged', { ref });
  }
  const ids = batch.createdShipmentIds ?? [];
  if (ids.length === 0) return;
  for (const shipment of await db.shipments.bulkGet(ids)) {
    if (shipment && (shipment.status !== 'in_transit' || (shipment.receipts?.length ?? 0) > 0)) throw new DomainError('batch.shipmentReceived', { ref: shipmentRef(shipment.id) });
  }
}

/** Two stored records hold the same fields and values (key order aside). */
function sameRecord(a: unknown, b: unknown): boolean {
  const sorted = (value: unknown): unknown =>
    Array.isArray(value) ? value.map(sorted) : value !== null && typeof value === 'object' ? Object.fromEntries(Object.entries(value).sort(([x], [y]) => x.localeCompare(y)).map(([k, v]) => [k, sorted(v)])) : value;
  return JSON.stringify(sorted(a)) === JSON.stringify(sorted(b));
}

async function assertKnownIds(db: StockPilotDatabase, columns: MovementColumns): Promise<void> {
  const [skuIds, locationIds] = await Promise.all([db.skus.toCollection().primaryKeys(), db.locations.toCollection().primaryKeys()]);
  const skus = new Set(skuIds);
  const locations = new Set(locationIds);
  for (let i = 0; i < columns.length; i++) {
    if (!skus.has(columns.skuId[i]!)) throw new DomainError('sku.notFound', { id: columns.skuId[i]! });
    if (!locations.has(columns.locationId[i]!)) throw new DomainError('location.notFound', { id: columns.locationId[i]! });
  }
}

/** Movements of one SKU at one location from every store, for the below-zero check of a posting. */
export async function movementsAt(db: StockPilotDatabase, skuId: number, locationId: number): Promise<{ date: string; skuId: number; locationId: number; qty: number; ref?: string }[]> {
  const manual = await db.movements.where('[skuId+locationId]').equals([skuId, locationId]).toArray();
  const result: { date: string; skuId: number; locationId: number; qty: number; ref?: string }[] = manual;
  for (const block of await blockCacheFor(db).sync(db)) {
    for (let i = 0; i < block.count; i++) {
      if (block.skuId[i] !== skuId || block.locationId[i] !== locationId) continue;
      const r = block.ref[i]!;
      result.push({ date: isoFromDay(block.day[i]!), skuId, locationId, qty: block.qty[i]!, ...(r >= 0 ? { ref: block.refs[r]! } : {}) });
    }
  }
  return result;
}

export { dayNumber };
