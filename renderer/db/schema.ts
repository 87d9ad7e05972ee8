// The Dexie schema. Versions are append-only: never edit a shipped version, add the next one with
// its upgrade function, and add a test in test/db/upgrade.test.ts that opens a database written by
// the version before it (the frozen fixtures in test/db/fixtures/).
import Dexie from 'dexie';
import type { EntityTable, Table } from 'dexie';
import type { AppSettings, Location, Movement, PlatformListing, Shipment, Sku } from '../../shared/model';

/** Stored SKU: the catalog record plus its uppercase code, which carries the unique index. */
export interface SkuRecord extends Sku {
  codeKey: string;
}

/** Stored listing: plus the uppercase seller SKU, indexed with the marketplace. */
export interface ListingRecord extends PlatformListing {
  sellerSkuKey: string;
}

export interface SettingRecord<K extends keyof AppSettings = keyof AppSettings> {
  key: K;
  value: AppSettings[K];
}

export const DATABASE_NAME = 'stockpilot';

/** Every schema version, oldest first. Tests open each one to build upgrade fixtures. */
export const SCHEMA_VERSIONS: readonly { version: number; stores: Record<string, string> }[] = [
  {
    version: 1,
    stores: {
      skus: '++id, &codeKey, archived',
      listings: '++id, skuId, fnsku, [marketplace+sellerSkuKey]',
      locations: '++id, kind',
      movements: '++id, date, [skuId+locationId], locationId, ref, source',
      shipments: '++id, status',
      settings: 'key',
    },
  },
];

export const CURRENT_SCHEMA_VERSION = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]!.version;

export class StockPilotDatabase extends Dexie {
  skus!: EntityTable<SkuRecord, 'id'>;
  listings!: EntityTable<ListingRecord, 'id'>;
  locations!: EntityTable<Location, 'id'>;
  movements!: EntityTable<Movement, 'id'>;
  shipments!: EntityTable<Shipment, 'id'>;
  settings!: Table<SettingRecord, string>;

  constructor(name: string = DATABASE_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    for (const { version, stores } of SCHEMA_VERSIONS) this.version(version).stores(stores);
    this.on('populate', (tx) => {
      // A new profile starts with the two locations every seller has.
      void tx.table('locations').bulkAdd([
        { name: 'Domestic warehouse', kind: 'domestic', archived: false },
        { name: 'In transit', kind: 'transit', archived: false },
      ] satisfies Omit<Location, 'id'>[]);
    });
  }
}
