// The imports screen's queue of codes to map (shared/import/unmappedCodes.ts): the ledger's held
// events and the stored orders and stock reports whose codes map to no SKU, so a code mapped anywhere
// (the queue, the catalog, an All Listings import) leaves it with no replay. Working it out reads every
// stored order row and snapshot (~260 ms at 50,000 order rows), so the ledger worker does it and keeps
// it per connection under the queue's key; the page reads only the key in its live query.
import { codeQueue, queueKey } from '../../shared/import/unmappedCodes';
import type { CodeFacts, QueueCodeType, QueuedCode, StoredCodeScope } from '../../shared/import/unmappedCodes';
import type { StockPilotDatabase } from './schema';
import { latestRows } from './reports';
import { codeLookupOf } from './imports';
import { catalogToken } from './catalogRevision';
import { readLedgerVersion } from './ledgerStore';

/** Every code to map, held ledger codes first, worked out afresh (see cachedHeldCodeQueue). */
export async function heldCodeQueue(db: StockPilotDatabase): Promise<QueuedCode[]> {
  const [held, demand, snapshot, reserved, restock, listings, lookup] = await Promise.all([
    db.heldEvents.toArray(),
    latestRows(db, 'demand'),
    latestRows(db, 'snapshot'),
    latestRows(db, 'reserved'),
    latestRows(db, 'restock'),
    db.listings.toArray(),
    codeLookupOf(db),
  ]);
  const scopes: StoredCodeScope[] = [
    ...[...demand.values()].map((s): StoredCodeScope => ({ kind: 'demand', reportKind: s.reportKind, rows: s.rows.values() })),
    ...[...snapshot.values()].map((s): StoredCodeScope => ({ kind: 'snapshot', reportKind: s.reportKind, marketplace: s.marketplace, locationId: s.locationId, date: s.date, rows: s.rows.values() })),
    ...[...reserved.values()].map((s): StoredCodeScope => ({ kind: 'reserved', reportKind: s.reportKind, marketplace: s.marketplace, date: s.date, rows: s.rows.values() })),
    ...[...restock.values()].map((s): StoredCodeScope => ({ kind: 'restock', reportKind: s.reportKind, marketplace: s.marketplace, rows: s.rows.values() })),
  ];
  return codeQueue(held, scopes, lookup, listings);
}

/**
 * What the queue is worked out from, in a few small reads: the catalog's revision (every SKU and
 * listing write), the import batches by id (every import and undo: the only writers of stored report
 * rows and held events besides a mapping), and the counts of held events and stored report records
 * (a mapping deletes the events it posts). Equal keys: the same queue. Without a catalog revision (a
 * restore clears it until the next catalog write) the catalog's content is unknown: the key then
 * names the ledger version too, which a restore changes, and `cacheable` is false.
 */
export async function heldCodeQueueKey(db: StockPilotDatabase): Promise<{ key: string; cacheable: boolean }> {
  const [token, batchIds, heldCount, reportRecords, version] = await Promise.all([
    catalogToken(db),
    db.batches.toCollection().primaryKeys(),
    db.heldEvents.count(),
    db.reportRows.count(),
    readLedgerVersion(db),
  ]);
  const parts = `${heldCount}|${reportRecords}|${batchIds.join(',')}`;
  return token === '' ? { key: `no-revision|v${version.version}|${parts}`, cacheable: false } : { key: `${token}|${parts}`, cacheable: true };
}

const kept = new WeakMap<StockPilotDatabase, { key: string; queue: QueuedCode[] }>();

/**
 * The queue and its key, worked out again only when the key changed since this connection last did
 * (its key and its reads in one transaction, so the queue is the key's), and always without a
 * catalog revision. Callers only read it.
 */
export async function cachedHeldCodeQueue(db: StockPilotDatabase): Promise<{ key: string; queue: QueuedCode[] }> {
  return db.transaction('r', [db.ledgerState, db.batches, db.heldEvents, db.reportRows, db.listings, db.skus], async () => {
    const { key, cacheable } = await heldCodeQueueKey(db);
    const before = kept.get(db);
    if (cacheable && before?.key === key) return before;
    const result = { key, queue: await heldCodeQueue(db) };
    if (cacheable) kept.set(db, result);
    else kept.delete(db);
    return result;
  });
}

/**
 * What the stored reports say about a code in the queue with no held events (its platform code is
 * saved from it); null when no stored row waits for it (mapped meanwhile, or never seen).
 */
export async function reportCodeFacts(db: StockPilotDatabase, codeType: QueueCodeType, code: string, marketplace: string): Promise<CodeFacts | null> {
  const key = queueKey(codeType, code, marketplace);
  const found = (await cachedHeldCodeQueue(db)).queue.find((q) => q.key === key);
  if (!found || found.sources.every((s) => s.rows === 0)) return null;
  return { sellerSku: found.sellerSku, fnsku: found.fnsku, asin: found.asin, title: found.title };
}
