// The catalog's revision: a token rewritten in the same transaction as every change to the SKUs or
// their platform codes, by whichever connection (page or ledger worker) makes it. A reader that
// keeps something derived from the catalog (the import's code lookup, 30,000 records to read) can
// reuse it while the token is unchanged. A Dexie DBCore middleware rather than a call at each write
// site, so no write path (forms, imports, undo, demo data, restore) can forget it.
import type { DBCore, DBCoreMutateRequest, DBCoreTable, Middleware } from 'dexie';
import type { ListingRecord, SkuRecord, StockPilotDatabase } from './schema';

export const CATALOG_REVISION_KEY = 'catalog.revision';
const CATALOG_TABLES: ReadonlySet<string> = new Set(['skus', 'listings']);
const STATE_TABLE = 'ledgerState';

export interface CatalogRevisionRecord {
  key: typeof CATALOG_REVISION_KEY;
  token: string;
}

/** The token of a ledgerState record read under CATALOG_REVISION_KEY; '' when there is none (never written since it came, or cleared by a restore). */
export function revisionToken(record: { key: string } | undefined): string {
  return record !== undefined && record.key === CATALOG_REVISION_KEY && 'token' in record && typeof record.token === 'string' ? record.token : '';
}

/** The catalog's revision token now ('' when there is none). */
export async function catalogToken(db: StockPilotDatabase): Promise<string> {
  return revisionToken(await db.ledgerState.get(CATALOG_REVISION_KEY));
}

let counter = 0;
function newToken(): string {
  // Unique across connections and restarts: two writers never produce the same token.
  counter++;
  return `${Date.now().toString(36)}-${counter.toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

export const catalogRevisionMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'catalogRevision',
  create(down: DBCore): DBCore {
    return {
      ...down,
      // A transaction that may write the catalog may also write the token.
      transaction(stores, mode, options) {
        const widened = mode === 'readwrite' && stores.some((s) => CATALOG_TABLES.has(s)) && !stores.includes(STATE_TABLE) ? [...stores, STATE_TABLE] : stores;
        return down.transaction(widened, mode, options);
      },
      table(name: string): DBCoreTable {
        const table = down.table(name);
        if (!CATALOG_TABLES.has(name)) return table;
        return {
          ...table,
          async mutate(request: DBCoreMutateRequest) {
            const response = await table.mutate(request);
            // A write of nothing (an undo with no listings to remove) changes nothing.
            if ((request.type === 'delete' && request.keys.length === 0) || ((request.type === 'add' || request.type === 'put') && request.values.length === 0)) return response;
            const record: CatalogRevisionRecord = { key: CATALOG_REVISION_KEY, token: newToken() };
            await down.table(STATE_TABLE).mutate({ type: 'put', trans: request.trans, values: [record] });
            return response;
          },
        };
      },
    };
  },
};

/**
 * What `build` makes of the catalog, kept per connection and read again only after the catalog
 * revision changes: a million-row import or a scanned count entry need not read 30,000 records
 * each time. The value is shared between callers, who only read it.
 */
export function catalogCache<T>(build: (skus: SkuRecord[], listings: ListingRecord[]) => T): (db: StockPilotDatabase) => Promise<T> {
  const cache = new WeakMap<StockPilotDatabase, { token: string; value: T }>();
  return (db) =>
    db.transaction('r', db.skus, db.listings, db.ledgerState, async () => {
      const token = await catalogToken(db);
      const cached = cache.get(db);
      // No token yet (a catalog never written since this version, or just restored): read it fresh.
      if (cached && token !== '' && cached.token === token) return cached.value;
      const [skus, listings] = await Promise.all([db.skus.toArray(), db.listings.toArray()]);
      const value = build(skus, listings);
      if (token !== '') cache.set(db, { token, value });
      return value;
    });
}
