// Schema upgrade harness. For every version in SCHEMA_VERSIONS: write that version's frozen fixture
// through a raw Dexie database that declares only the versions up to it, close it, open it with the
// current StockPilotDatabase, and check that every record is still there and that the repository
// functions read the same settings, balances and indexes from it. Adding a schema version needs only
// a new entry in test/db/fixtures/versions.ts.
import { afterEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { CURRENT_SCHEMA_VERSION, SCHEMA_VERSIONS, StockPilotDatabase } from '../../renderer/db/schema';
import { createSku, saveListing } from '../../renderer/db/catalog';
import { loadLedger, receiveTransfer, stockAt } from '../../renderer/db/ledger';
import { readSettings } from '../../renderer/db/settings';
import type { StockBalance } from '../../shared/ledger';
import { VERSION_FIXTURES, fixtureForVersion } from './fixtures/versions';
import type { FixtureRecord, VersionFixture } from './fixtures/versions';
import { NOW, disposeDatabases, expectDomainError, skuDraft, track, uniqueDbName } from './helpers';

afterEach(disposeDatabases);

/** A plain Dexie database that knows only the schema versions up to `version`. */
function rawDatabaseAt(name: string, version: number): Dexie {
  const raw = new Dexie(name);
  for (const entry of SCHEMA_VERSIONS) {
    if (entry.version <= version) raw.version(entry.version).stores(entry.stores);
  }
  return raw;
}

function storesAt(version: number): Record<string, string | null> {
  const merged: Record<string, string | null> = {};
  for (const entry of SCHEMA_VERSIONS) if (entry.version <= version) Object.assign(merged, entry.stores);
  return merged;
}

async function writeFixture(name: string, version: number, fixture: VersionFixture): Promise<void> {
  const raw = rawDatabaseAt(name, version);
  await raw.open();
  try {
    expect(raw.verno).toBe(version);
    await raw.transaction('rw', raw.tables, async () => {
      for (const [table, records] of Object.entries(fixture.tables)) await raw.table(table).bulkAdd(records);
    });
  } finally {
    raw.close();
  }
}

/** Every stored record of a table, keyed by its primary key. */
async function byPrimaryKey(db: Dexie, table: string): Promise<Map<string, unknown>> {
  const t = db.table(table);
  const [keys, values] = await Promise.all([t.toCollection().primaryKeys(), t.toArray()]);
  return new Map(keys.map((key, i) => [JSON.stringify(key), values[i]]));
}

function primaryKeyOf(db: Dexie, table: string, record: FixtureRecord): string {
  const keyPath = db.table(table).schema.primKey.keyPath;
  // A compound key ([skuId+marketplace]) is stored as the array of its parts.
  if (Array.isArray(keyPath)) return JSON.stringify(keyPath.map((part) => record[part]));
  if (typeof keyPath !== 'string') throw new Error(`table ${table}: a primary key with no key path is not supported by the harness`);
  return JSON.stringify(record[keyPath]);
}

function describeBalances(db: StockPilotDatabase, balances: StockBalance[]) {
  return Promise.all(
    balances.map(async (b) => ({
      sku: (await db.skus.get(b.skuId))?.code,
      location: (await db.locations.get(b.locationId))?.name,
      qty: b.qty,
      valueMinor: b.valueMinor,
    })),
  );
}

describe('SCHEMA_VERSIONS', () => {
  it('versions are positive integers, strictly increasing, and CURRENT_SCHEMA_VERSION is the last', () => {
    const versions = SCHEMA_VERSIONS.map((v) => v.version);
    expect(versions.length).toBeGreaterThan(0);
    for (const v of versions) {
      expect(Number.isInteger(v)).toBe(true);
      expect(v).toBeGreaterThan(0);
    }
    for (let i = 1; i < versions.length; i++) expect(versions[i]!).toBeGreaterThan(versions[i - 1]!);
    expect(CURRENT_SCHEMA_VERSION).toBe(versions[versions.length - 1]);
  });

  it('every version has an upgrade fixture, and there are no fixtures for unknown versions', () => {
    const versions = SCHEMA_VERSIONS.map((v) => v.version);
    for (const v of versions) expect(() => fixtureForVersion(v), `fixture for version ${v}`).not.toThrow();
    expect(Object.keys(VERSION_FIXTURES).map(Number).sort((a, b) => a - b)).toEqual(versions);
  });

  it('StockPilotDatabase declares exactly SCHEMA_VERSIONS: same tables, keys and indexes as a raw database at the current version', async () => {
    const name = uniqueDbName('schema');
    const db = track(new StockPilotDatabase(name));
    await db.open();
    expect(db.verno).toBe(CURRENT_SCHEMA_VERSION);
    const raw = rawDatabaseAt(uniqueDbName('raw'), CURRENT_SCHEMA_VERSION);
    const shape = (d: Dexie) =>
      Object.fromEntries(
        d.tables
          .map((t) => [t.name, [t.schema.primKey.src, ...t.schema.indexes.map((i) => i.src).sort()]] as const)
          .sort(([a], [b]) => a.localeCompare(b)),
      );
    expect(shape(db)).toEqual(shape(raw));
    const expectedTables = Object.entries(storesAt(CURRENT_SCHEMA_VERSION))
      .filter(([, spec]) => spec !== null)
      .map(([table]) => table)
      .sort();
    expect(db.tables.map((t) => t.name).sort()).toEqual(expectedTables);
  });
});

describe.each(SCHEMA_VERSIONS.map((v) => v.version))('a database written by schema version %i', (version) => {
  const fixture = () => fixtureForVersion(version);

  it('the fixture has records for every table of that version, and only for those', () => {
    const tables = Object.entries(storesAt(version))
      .filter(([, spec]) => spec !== null)
      .map(([table]) => table)
      .sort();
    expect(Object.keys(fixture().tables).sort()).toEqual(tables);
    for (const table of tables) expect(fixture().tables[table]!.length, `records for ${table}`).toBeGreaterThan(0);
  });

  async function upgraded(): Promise<StockPilotDatabase> {
    const name = uniqueDbName(`upgrade-v${version}`);
    await writeFixture(name, version, fixture());
    const db = track(new StockPilotDatabase(name));
    await db.open();
    return db;
  }

  it(`opens at the current version (${CURRENT_SCHEMA_VERSION}) with every record still there`, async () => {
    const db = await upgraded();
    expect(db.verno).toBe(CURRENT_SCHEMA_VERSION);
    const expected = { ...fixture().tables, ...(fixture().expect.records ?? {}) };
    for (const [table, records] of Object.entries(expected)) {
      const stored = await byPrimaryKey(db, table);
      expect(stored.size, `row count of ${table}`).toBe(records.length);
      for (const record of records) {
        const key = primaryKeyOf(db, table, record);
        expect(stored.has(key), `${table} ${key} is present`).toBe(true);
        expect(stored.get(key), `${table} ${key}`).toMatchObject(record);
      }
    }
  });

  it('the populate step does not run again: no extra default locations', async () => {
    const db = await upgraded();
    const expected = fixture().expect.records?.locations ?? fixture().tables.locations ?? [];
    expect(await db.locations.count()).toBe(expected.length);
    expect(await db.locations.where('kind').equals('transit').count()).toBe(1);
  });

  it('readSettings reads the stored settings', async () => {
    const db = await upgraded();
    expect(await readSettings(db)).toEqual(fixture().expect.settings);
  });

  it('loadLedger/stockAt give the balances the fixture implies, and nothing else', async () => {
    const db = await upgraded();
    const ledger = await loadLedger(db);
    const dates = [...new Set(fixture().expect.balances.map((b) => b.asOf))];
    for (const asOf of dates) {
      const actual = await describeBalances(db, stockAt(ledger, asOf));
      const expected = fixture()
        .expect.balances.filter((b) => b.asOf === asOf)
        .map(({ sku, location, qty, valueMinor }) => ({ sku, location, qty, valueMinor }));
      const order = (a: { sku?: string; location?: string }, b: { sku?: string; location?: string }) =>
        `${a.sku}|${a.location}`.localeCompare(`${b.sku}|${b.location}`);
      expect(actual.sort(order), `balances on ${asOf}`).toEqual(expected.sort(order));
    }
  });

  it('the unique and lookup indexes still work: duplicate SKU codes and listing codes are refused', async () => {
    const db = await upgraded();
    const skus = await db.skus.toArray();
    for (const sku of skus) {
      await expectDomainError(createSku(db, skuDraft({ code: sku.code.toLowerCase() }), NOW), 'sku.duplicateCode', { code: sku.code });
    }
    const other = await createSku(db, skuDraft({ code: `NEW-SKU-V${version}` }), NOW);
    for (const listing of await db.listings.toArray()) {
      const owner = skus.find((s) => s.id === listing.skuId)!;
      if (listing.fnsku) {
        await expectDomainError(
          saveListing(db, { skuId: other, marketplace: 'JP', sellerSku: 'FRESH-1', asin: '', fnsku: listing.fnsku, unitsPerListing: '1' }),
          'listing.conflictFnsku',
          { fnsku: listing.fnsku, sku: owner.code },
        );
      }
      await expectDomainError(
        saveListing(db, { skuId: other, marketplace: listing.marketplace, sellerSku: listing.sellerSku.toUpperCase(), asin: '', fnsku: '', unitsPerListing: '1' }),
        'listing.conflictSellerSku',
      );
    }
  });

  it('open shipments can be received after the upgrade, emptying transit', async () => {
    const db = await upgraded();
    const open = await db.shipments.where('status').equals('in_transit').toArray();
    const on = fixture().expect.receiveOpenShipmentsOn;
    for (const shipment of open) await receiveTransfer(db, shipment.id, on);
    const balances = stockAt(await loadLedger(db), on);
    const transit = await db.locations.where('kind').equals('transit').primaryKeys();
    expect(balances.filter((b) => transit.includes(b.locationId))).toEqual([]);
    // Nothing was lost on the way: total value is the same before and after receiving.
    const before = fixture().expect.balances.filter((b) => b.asOf <= on);
    const lastDate = before.map((b) => b.asOf).sort().at(-1);
    if (lastDate) {
      const expectedTotal = before.filter((b) => b.asOf === lastDate).reduce((sum, b) => sum + b.valueMinor, 0);
      expect(balances.reduce((sum, b) => sum + b.valueMinor, 0)).toBe(expectedTotal);
    }
  });
});
