// The imports screen's queue of codes to map (shared/import/unmappedCodes.ts): the ledger's held
// events and the stored orders and stock reports whose codes map to no SKU, read afresh each time, so
// a code mapped anywhere (the queue, the catalog, an All Listings import) leaves it with no replay.
import { codeQueue, queueKey } from '../../shared/import/unmappedCodes';
import type { CodeFacts, QueueCodeType, QueuedCode, StoredCodeScope } from '../../shared/import/unmappedCodes';
import type { StockPilotDatabase } from './schema';
import { latestRows } from './reports';
import { codeLookupOf } from './imports';

/** Every code to map, held ledger codes first (the page reads it in a live query; the worker when mapping). */
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
 * What the stored reports say about a code in the queue with no held events (its platform code is
 * saved from it); null when no stored row waits for it (mapped meanwhile, or never seen).
 */
export async function reportCodeFacts(db: StockPilotDatabase, codeType: QueueCodeType, code: string, marketplace: string): Promise<CodeFacts | null> {
  const key = queueKey(codeType, code, marketplace);
  const found = (await heldCodeQueue(db)).find((q) => q.key === key);
  if (!found || found.sources.every((s) => s.rows === 0)) return null;
  return { sellerSku: found.sellerSku, fnsku: found.fnsku, asin: found.asin, title: found.title };
}
