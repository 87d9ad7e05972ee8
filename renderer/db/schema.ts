// The Dexie schema. Versions are append-only: never edit a shipped version, add the next one with
// its upgrade function, and add a test in test/db/upgrade.test.ts that opens a database written by
// the version before it (the frozen fixtures in test/db/fixtures/).
import Dexie from 'dexie';
import type { EntityTable, Table } from 'dexie';
import type { AppSettings, ExchangeRate, IsoDate, Location, Movement, PlatformListing, PurchaseOrder, Shipment, Sku, Supplier } from '../../shared/model';
import type { PackedBlock } from '../../shared/ledger/blocks';
import type { BalanceTable, MonthActivity } from '../../shared/ledger/summary';
import type { AdjustmentRow, BusinessRow, LedgerSummaryRow, ReservedRow, RestockRow, ReturnRow, SnapshotRow } from '../../shared/import/stored';
import type { DemandRow } from '../../shared/import/demand';
import type { GenericMapping } from '../../shared/import/generic';
import type { DemandEvent } from '../../shared/planning/events';
import type { ForecastRate } from '../../shared/planning/forecastRates';
import { catalogRevisionMiddleware } from './catalogRevision';
import type { CatalogRevisionRecord } from './catalogRevision';
import type { ForecastMethod } from '../../shared/domain';
import type { CountEntry, CountPlan, StockCount } from '../../shared/counts/model';

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

/** An import batch (or a demo load): its movements live in packed blocks and are removed together. */
export interface ImportBatch {
  id: string;
  kind: 'import' | 'demo';
  label: string;
  createdAt: string;
  movementCount: number;
  blockCount: number;
  firstDate: IsoDate;
  lastDate: IsoDate;
  /**
   * For imported files: what was imported, for the import history. `sha256` is the file's content
   * hash (contentHash.ts); imports made before 2026-11-26 hold the plain SHA-256 of the whole file.
   */
  file?: {
    name: string;
    sha256: string;
    reportKind: string;
    rowCount: number;
    duplicates: number;
    held: number;
    rejected: number;
    stored?: number;
    /**
     * Ledger detail imports: the last day the file covers, its latest row date over every row (those
     * already imported, held or matched to a shipment too), where `lastDate` is only the last new
     * movement's. Not indexed, no new version: imports before 2026-11-28 lack it, and their
     * freshness falls back to `lastDate` (shared/dashboard/attention.ts reportDataEnd).
     */
    periodEnd?: IsoDate;
  };
  /** All Listings imports: the platform codes they created, removed again when the import is undone. */
  createdListingIds?: number[];
  /** The demo: the open shipments it created (its shipments under way), removed with it. */
  createdShipmentIds?: number[];
  /**
   * Ledger imports: the shipments Amazon's receipts received (matched by FBA shipment ID), each as it
   * was before and as the import left it, with the receipt's movements, so undoing the import takes
   * the receipt back too (only while the shipment is still as the import left it).
   */
  receivedShipments?: { before: Shipment; after: Shipment; movementIds: number[] }[];
}

/** An imported event whose code (FNSKU or seller SKU) maps to no SKU yet: held until it is mapped. */
export interface HeldEvent {
  id: number;
  batchId: string;
  codeType: 'fnsku' | 'sellerSku';
  code: string;
  marketplace: string;
  date: IsoDate;
  quantity: number;
  eventType: string;
  referenceId: string;
  title: string;
  fnsku: string;
  sellerSku: string;
  asin: string;
  /** Identifies the event for deduplication across re-imports. */
  eventKey: string;
}

/** Bumped in the same transaction as every ledger write; summaries record the version they reflect. */
export interface LedgerVersionRecord {
  key: 'version';
  version: number;
  /** Posting order for the next block movement (added to BLOCK_SEQ_BASE). */
  nextBlockSeq: number;
}

/** Key of a month's summary part: zero-padded so keys sort by month. */
export function monthPartKey(month: number): `summary.month.${string}` {
  return `summary.month.${String(month).padStart(5, '0')}`;
}

export interface MonthPartRecord {
  key: `summary.month.${string}`;
  sourceVersion: number;
  part: MonthActivity;
}

export interface BalancesSummaryRecord {
  key: 'summary.balances';
  sourceVersion: number;
  balances: BalanceTable;
  /** Day numbers of the ledger's earliest and latest movement (NaN when empty). */
  firstDay: number;
  lastDay: number;
  movementCount: number;
}

interface ReportRowsBase {
  id: number;
  batchId: string;
  /** Rows with the same scope and key from a later batch replace earlier ones (shared/import/stored.ts). */
  scope: string;
  /** The report type the rows came from (an Amazon report kind, or 'GENERIC_STOCK'). */
  reportKind: string;
  marketplace: string | null;
  /** Snapshots: the location and the date the stock was counted. */
  locationId: number | null;
  date: IsoDate | null;
}

/**
 * Rows of an imported report that are not ledger movements, up to REPORT_CHUNK_ROWS per record:
 * screens read a kind whole, so rows are packed rather than stored one per record.
 */
export type ReportRowsRecord = ReportRowsBase &
  (
    | { kind: 'demand'; rows: DemandRow[] }
    | { kind: 'snapshot'; rows: SnapshotRow[] }
    | { kind: 'reserved'; rows: ReservedRow[] }
    | { kind: 'ledgerSummary'; rows: LedgerSummaryRow[] }
    | { kind: 'adjustments'; rows: AdjustmentRow[] }
    | { kind: 'returns'; rows: ReturnRow[] }
    | { kind: 'restock'; rows: RestockRow[] }
    | { kind: 'business'; rows: BusinessRow[] }
  );

export const REPORT_CHUNK_ROWS = 5000;

/** A warehouse file's column mapping, saved under its header signature and reused for the same layout. */
export interface SourceMappingRecord {
  signature: string;
  headers: string[];
  mapping: GenericMapping;
  /** The location rows go to when the file has no location column. */
  locationId: number | null;
  savedAt: string;
}

/**
 * A lead-time leg's default or override (PRODUCT §3), in days. Keys:
 * `handling:<locationId>` (domestic handling at an origin), `transport:<from>><to>:<mode>` (a route),
 * `receiving:<locationId>` (check-in at a destination), `sku:<skuId>:<leg>` (a SKU's override of a
 * leg: production, handling, transport:<mode>, receiving).
 */
export interface LeadTimeRecord {
  key: string;
  meanDays: number;
  sdDays: number;
}

/** The forecast method the seller chose for a SKU, instead of the backtest's choice. */
export interface ForecastOverrideRecord {
  skuId: number;
  method: ForecastMethod;
}

/**
 * The seller's own forecast for a SKU in one marketplace (shared/planning/forecastRates.ts): units
 * per day until a date (null: no end). Keyed by [skuId+marketplace]: one per pair.
 */
export type ForecastRateRecord = ForecastRate;

/** Which supplier a SKU is bought from (the reorder list groups by it). */
export interface SkuSourcingRecord {
  skuId: number;
  supplierId: number;
}

/** Where a SKU sits at a location (count sheets sort and bin plans select by it). */
export interface SkuBinRecord {
  id: number;
  locationId: number;
  skuId: number;
  bin: string;
}

export type LedgerStateRecord = LedgerVersionRecord | MonthPartRecord | BalancesSummaryRecord | CatalogRevisionRecord;

export const DATABASE_NAME = 'stockpilot';

/** Every schema version, oldest first. Tests open each one to build upgrade fixtures. */
export const SCHEMA_VERSIONS: readonly { version: number; stores: Record<string, string> }[] = [
  {
    version: 1,
    stores: {
      skus: '++id, &codeKey',
      listings: '++id, skuId, fnsku, [marketplace+sellerSkuKey]',
      locations: '++id, kind',
      movements: '++id, date, [skuId+locationId], locationId, ref, source',
      shipments: '++id, status',
      settings: 'key',
    },
  },
  {
    // Ledger at scale: imported movements in packed blocks, their batches, and the summaries screens read.
    version: 2,
    stores: {
      movementBlocks: '++id, batchId',
      batches: 'id, createdAt',
      ledgerState: 'key',
    },
  },
  {
    // Imports: events held until their FNSKU / seller SKU is mapped to a SKU.
    version: 3,
    stores: {
      heldEvents: '++id, batchId, [codeType+code+marketplace], eventKey',
    },
  },
  {
    // Reports kept as rows (snapshots, demand, returns…) and saved column mappings of warehouse files.
    version: 4,
    stores: {
      reportRows: '++id, batchId, kind',
      sourceMappings: 'signature',
    },
  },
  {
    // Purchasing and logistics: suppliers, purchase orders, dated exchange rates, lead-time legs,
    // each SKU's supplier. Shipments keep their table; their new fields are optional.
    version: 5,
    stores: {
      suppliers: '++id, name',
      purchaseOrders: '++id, &number, supplierId, status',
      exchangeRates: '++id, [currency+date]',
      leadTimes: 'key',
      skuSourcing: 'skuId, supplierId',
    },
  },
  {
    // Planning: the seller's demand events (Prime Day, a promotion: +N% over dates) and per-SKU
    // forecast method overrides.
    version: 6,
    stores: {
      demandEvents: '++id',
      forecastOverrides: 'skuId',
    },
  },
  {
    // Stock counts: plans, counts (header with its sheet lines, reasons and, once posted, the posted
    // lines and accuracy), the counters' entries one per scan, and each SKU's bin per location.
    version: 7,
    stores: {
      countPlans: '++id, locationId',
      counts: '++id, &number, status, planId, locationId',
      countEntries: '++id, countId',
      skuBins: '++id, &[locationId+skuId], locationId',
    },
  },
  {
    // Planning: the seller's own forecast (units per day) per SKU × marketplace.
    version: 8,
    stores: {
      forecastRates: '[skuId+marketplace], skuId',
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
  movementBlocks!: EntityTable<PackedBlock & { id: number }, 'id'>;
  batches!: Table<ImportBatch, string>;
  ledgerState!: Table<LedgerStateRecord, string>;
  heldEvents!: EntityTable<HeldEvent, 'id'>;
  reportRows!: EntityTable<ReportRowsRecord, 'id'>;
  sourceMappings!: Table<SourceMappingRecord, string>;
  suppliers!: EntityTable<Supplier, 'id'>;
  purchaseOrders!: EntityTable<PurchaseOrder, 'id'>;
  exchangeRates!: EntityTable<ExchangeRate, 'id'>;
  leadTimes!: Table<LeadTimeRecord, string>;
  skuSourcing!: Table<SkuSourcingRecord, number>;
  demandEvents!: EntityTable<DemandEvent, 'id'>;
  forecastOverrides!: Table<ForecastOverrideRecord, number>;
  forecastRates!: Table<ForecastRateRecord, [number, string]>;
  countPlans!: EntityTable<CountPlan, 'id'>;
  counts!: EntityTable<StockCount, 'id'>;
  countEntries!: EntityTable<CountEntry, 'id'>;
  skuBins!: EntityTable<SkuBinRecord, 'id'>;

  constructor(name: string = DATABASE_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    for (const { version, stores } of SCHEMA_VERSIONS) this.version(version).stores(stores);
    this.use(catalogRevisionMiddleware);
    this.on('populate', (tx) => {
      // A new profile starts with the two locations every seller has.
      void tx.table('locations').bulkAdd([
        { name: 'Domestic warehouse', kind: 'domestic', archived: false },
        { name: 'In transit', kind: 'transit', archived: false },
      ] satisfies Omit<Location, 'id'>[]);
    });
  }
}
