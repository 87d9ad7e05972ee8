// Importing Amazon reports: preview what a file will do, then apply it in one transaction. Runs in
// the ledger worker (next to the block cache it deduplicates against).
import { DomainError } from '../../shared/errors';
import { dayNumber, isoFromDay } from '../../shared/dates';
import { parseReport, sniffReportHead } from '../../shared/import';
import { bytesSource, estimateRowCount, readReportStream } from '../../shared/import/stream';
import type { ByteSource } from '../../shared/import/stream';
import { SNIFF_BYTES } from '../../shared/import/encoding';
import { CONTENT_HASH_BLOCK_BYTES, ContentHasher } from './contentHash';
import type { StreamProgress } from '../../shared/import/stream';
import type { ImportProblem, ImportRecord, ListingRecord, ReportKind } from '../../shared/import/records';
import type { IdentifiedReport } from '../../shared/import/headers';
import type { AdjustmentRow, SnapshotRow, StoredKind } from '../../shared/import/stored';
import { adjustmentRow, businessRows, ledgerSummaryRows, reservedRows, restockRows, returnRows, snapshotRowsFromInventory } from '../../shared/import/stored';
import { demandRowsFromOrders, demandRowsFromShipments } from '../../shared/import/demand';
import { DAMAGED_REASONS, FOUND_REASONS, LOST_REASONS } from '../../shared/reconcile/claims';
import type { DemandRow } from '../../shared/import/demand';
import { guessGenericMapping, parseGenericStock, sniffGeneric } from '../../shared/import/generic';
import { snapshotTarget } from '../../shared/import/unmappedCodes';
import type { CodeFacts } from '../../shared/import/unmappedCodes';
import { reportCodeFacts } from './heldCodes';
import type { GenericMapping } from '../../shared/import/generic';
import { guessListingsMarketplace, proposeListingMappings } from '../../shared/catalog/listingProposals';
import { isBundle, isMarketplace } from '../../shared/catalog/catalog';
import type { ListingProposal } from '../../shared/catalog/listingProposals';
import type { IsoDate, Location, Marketplace } from '../../shared/model';
import { blockColumns, emptyColumns, TYPE_CODE } from '../../shared/ledger';
import type { MovementColumns } from '../../shared/ledger';
import { LedgerPlanBuilder, movementTypeOfLedgerEvent, newMovementsOnly, sellerSkuComponents, sellerSkuKey, sellerSkuTarget, truncateColumns } from '../../shared/ledger/amazonLedger';
import type { CodeTarget, HeldLedgerEvent, LedgerCodeLookup } from '../../shared/ledger/amazonLedger';
import type { HeldEvent, ImportBatch, StockPilotDatabase } from './schema';
import { catalogCache } from './catalogRevision';
import { planStoredRows, reportRecords, snapshotScope } from './reports';
import type { ScopePlan, StoredPlan } from './reports';
import { appendMovementBatch, blockCacheFor, readLedgerVersion } from './ledgerStore';
import { withStorageErrors } from './errors';
import { createSku, saveListing } from './catalog';
import { parseSkuDraft } from '../../shared/catalog/catalog';
import type { SkuDraft } from '../../shared/catalog/catalog';
import { postingTables } from './ledger';
import { receiveShipmentPosting } from './purchasing';
import { receivedBySku } from '../../shared/purchasing/shipments';

// Counts and reconciliation read snapshot lines through it from here.
export { snapshotTarget };

/** Every report StockPilot knows is applied: the ledger detail posts movements, All Listings saves codes, the rest are kept as rows. */
export const APPLIED_KINDS: readonly ReportKind[] = [
  'GET_LEDGER_DETAIL_VIEW_DATA',
  'GET_MERCHANT_LISTINGS_ALL_DATA',
  'GET_FBA_MYI_UNSUPPRESSED_INVENTORY_DATA',
  'GET_FBA_MYI_ALL_INVENTORY_DATA',
  'GET_FBA_INVENTORY_PLANNING_DATA',
  'GET_RESERVED_INVENTORY_DATA',
  'GET_LEDGER_SUMMARY_VIEW_DATA',
  'GET_FLAT_FILE_ALL_ORDERS_DATA_BY_ORDER_DATE_GENERAL',
  'GET_AMAZON_FULFILLED_SHIPMENTS_DATA_GENERAL',
  'GET_FBA_FULFILLMENT_CUSTOMER_RETURNS_DATA',
  'GET_RESTOCK_INVENTORY_RECOMMENDATIONS_REPORT',
  'BUSINESS_REPORT_DETAIL_PAGE_SALES_TRAFFIC_BY_CHILD_ITEM',
];

/** Adjustment reasons a claim reads (shared/reconcile/claims.ts). */
const CLAIM_REASONS: ReadonlySet<string> = new Set([...LOST_REASONS, ...DAMAGED_REASONS, ...FOUND_REASONS]);

/** The report kind recorded for a generic warehouse stock file. */
export const GENERIC_STOCK = 'GENERIC_STOCK';

/** Reports without a marketplace column: the seller confirms the guessed one. */
const MARKETPLACE_CHOSEN: readonly ReportKind[] = [
  'GET_MERCHANT_LISTINGS_ALL_DATA',
  'GET_FBA_MYI_UNSUPPRESSED_INVENTORY_DATA',
  'GET_FBA_MYI_ALL_INVENTORY_DATA',
  'GET_RESERVED_INVENTORY_DATA',
  'BUSINESS_REPORT_DETAIL_PAGE_SALES_TRAFFIC_BY_CHILD_ITEM',
];

export interface ImportPreview {
  fileName: string;
  /**
   * The file's content hash (renderer/db/contentHash.ts): a SHA-256 over the SHA-256s of its 4 MiB
   * blocks. '' in the preview of a ledger detail file: only the import history needs it, so a
   * 150 MB file is hashed when it is applied, not while its preview is awaited.
   */
  sha256: string;
  kind: ReportKind | null;
  encoding: string;
  rowCount: number;
  problems: ImportProblem[];
  /** Rows refused because of an error problem on that row. */
  rejectedRows: number;
  canApply: boolean;
  marketplaces: string[];
  firstDate: string | null;
  lastDate: string | null;
  /** Movements that would be posted (new, mapped). */
  newMovements: number;
  /** Rows already in the ledger from an earlier import. */
  duplicates: number;
  /** Rows held because their code maps to no SKU, and the distinct codes. */
  held: number;
  heldCodes: string[];
  /** FBA locations that will be created for marketplaces that have none yet. */
  newLocations: string[];
  /** All Listings: the marketplace the codes are for (guessed; the seller may change it) and what applying saves. */
  listings?: { marketplace: Marketplace; proposals: ListingProposal[] };
  /** Reports kept as rows: what they are, and how many rows are new, changed (replace earlier ones) or already there. */
  stored?: {
    kind: StoredKind;
    added: number;
    changed: number;
    unchanged: number;
    /** Stock date of a snapshot (the file's own, or the day it is imported). */
    date: IsoDate | null;
    /** Set when the seller confirms the marketplace (reports without a marketplace column). */
    chosenMarketplace: Marketplace | null;
    /** Locations a snapshot is for, by name. */
    locations: string[];
    /** Codes in the file that map to no SKU yet (they are kept, and count once mapped). */
    unmappedCodes: string[];
  };
  /**
   * Ledger detail: Amazon's receipts of an FBA shipment StockPilot shipped (same FBA shipment ID).
   * They are the shipment's arrival, not new stock: applying receives the shipment with the units
   * Amazon counted beyond what the shipment has received so far, instead of posting them again.
   */
  shipmentReceipts?: { shipmentId: number; fbaShipmentId: string; date: IsoDate; lines: { skuId: number; qty: number }[]; units: number }[];
  /** A file whose header is no Amazon report: its columns, to map once as a warehouse stock file. */
  generic?: {
    headers: string[];
    signature: string;
    sampleRows: string[][];
    /** The saved mapping for this header, else a guess from the column names. */
    mapping: { codeColumn: string | null; codeType: GenericMapping['codeType']; quantityColumn: string | null; dateColumn: string | null; locationColumn: string | null; costColumn: string | null };
    saved: boolean;
    locationId: number | null;
  };
}

/**
 * A file to import: bytes in memory (the desktop dialog reads the file in the main process) or a
 * dropped or picked File, which is read a slice at a time and never held whole (see ByteSource).
 */
export type ImportFile = Uint8Array | Blob;

/**
 * Reports other than the ledger detail are read whole; past this (the desktop dialog's own cap)
 * a dropped file is refused rather than risk the tab running out of memory.
 */
const MAX_WHOLE_REPORT_BYTES = 512 * 1024 * 1024;

function formatMegabytes(bytes: number): string {
  return `${(bytes / 1048576).toFixed(bytes < 10 * 1048576 ? 1 : 0)} MB`;
}

/** Bytes of a file's head whose line feeds estimate its rows (estimateRowCount). */
const ROW_ESTIMATE_SAMPLE_BYTES = 1024 * 1024;

/** Bytes [start, end) of a file; a File that changed or went away since it was dropped is named in the message. */
async function readRange(file: ImportFile, fileName: string, start: number, end: number): Promise<Uint8Array> {
  if (file instanceof Uint8Array) return file.subarray(start, end);
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await file.slice(start, end).arrayBuffer());
  } catch {
    throw new DomainError('import.fileChanged', { file: fileName });
  }
  // A file cut shorter on disk since it was chosen.
  if (bytes.length !== end - start) throw new DomainError('import.fileChanged', { file: fileName });
  return bytes;
}

function sourceOf(file: ImportFile, fileName: string): ByteSource {
  return file instanceof Uint8Array ? bytesSource(file) : { size: file.size, read: (start, end) => readRange(file, fileName, start, end) };
}

/** The file's size in bytes. */
function sizeOf(file: ImportFile): number {
  return file instanceof Uint8Array ? file.length : file.size;
}

/** FNSKU, marketplace + seller SKU and SKU code → SKU, as the ledger import maps codes (see catalogCache); bundles apart, for sales only. */
export const codeLookupOf = catalogCache((skus, listings): LedgerCodeLookup => {
  const byFnsku = new Map<string, CodeTarget>();
  const bySellerSku = new Map<string, CodeTarget>();
  const bundlesBySellerSku = new Map<string, CodeTarget[]>();
  for (const listing of listings) {
    if (isBundle(listing)) {
      bundlesBySellerSku.set(sellerSkuKey(listing.marketplace, listing.sellerSku), listing.components.map((c) => ({ skuId: c.skuId, unitsPerListing: c.units })));
      continue;
    }
    const target = { skuId: listing.skuId, unitsPerListing: listing.unitsPerListing };
    if (listing.fnsku) byFnsku.set(listing.fnsku.toUpperCase(), target);
    bySellerSku.set(sellerSkuKey(listing.marketplace, listing.sellerSku), target);
  }
  const bySkuCode = new Map<string, CodeTarget>();
  for (const sku of skus) bySkuCode.set(sku.code.trim().toUpperCase(), { skuId: sku.id, unitsPerListing: 1 });
  return { byFnsku, bySellerSku, bySkuCode, bundlesBySellerSku };
});

async function fbaLocations(db: StockPilotDatabase): Promise<Map<string, number>> {
  const map = new Map<string, number>();
  for (const location of await db.locations.where('kind').equals('fba').toArray()) {
    if (location.marketplace && !map.has(location.marketplace)) map.set(location.marketplace, location.id);
  }
  return map;
}

function heldKey(event: HeldLedgerEvent): string {
  const r = event.record;
  return [event.codeType, event.code, event.marketplace, r.date, r.eventType, r.quantity, r.referenceId, r.fulfillmentCenter, r.disposition, r.reason, r.dateTime ?? ''].join('|');
}

/** Existing imported ledger movements at these locations and days, to deduplicate against. */
async function existingLedgerMovements(db: StockPilotDatabase, locationIds: ReadonlySet<number>, firstDay: number, lastDay: number): Promise<MovementColumns[]> {
  const ledgerBatches = new Set((await db.batches.toArray()).filter((b) => b.file?.reportKind === 'GET_LEDGER_DETAIL_VIEW_DATA').map((b) => b.id));
  const parts: MovementColumns[] = [];
  for (const block of await blockCacheFor(db).sync(db)) {
    if (!ledgerBatches.has(block.batchId) || block.lastDay < firstDay || block.firstDay > lastDay) continue;
    const columns = blockColumns(block);
    // Usually a whole block is inside the range and at the file's locations: take it as it is.
    if (block.firstDay >= firstDay && block.lastDay <= lastDay && columns.locationId.every((id) => locationIds.has(id))) {
      parts.push(columns);
      continue;
    }
    const keep: number[] = [];
    for (let i = 0; i < columns.length; i++) {
      if (locationIds.has(columns.locationId[i]!) && columns.day[i]! >= firstDay && columns.day[i]! <= lastDay) keep.push(i);
    }
    parts.push(rowsAt(columns, keep));
  }
  // Compared part by part: joining a million movements first costs more than the comparison.
  return parts;
}

function todayOf(): IsoDate {
  return new Date().toISOString().slice(0, 10);
}

/**
 * The marketplace of a report without a marketplace column: where most of its codes are mapped,
 * else the seller's only FBA location, else US. The seller confirms it in the preview.
 */
function guessMarketplace(records: readonly ImportRecord[], listings: readonly { marketplace: string; fnsku: string; sellerSku: string }[], locations: ReadonlyMap<string, number>): Marketplace {
  const byFnsku = new Map<string, string>();
  const bySellerSku = new Map<string, string[]>();
  for (const l of listings) {
    if (l.fnsku) byFnsku.set(l.fnsku.toUpperCase(), l.marketplace);
    const key = l.sellerSku.trim().toUpperCase();
    bySellerSku.set(key, [...(bySellerSku.get(key) ?? []), l.marketplace]);
  }
  const votes = new Map<string, number>();
  for (const r of records) {
    if (r.type !== 'inventorySnapshot' && r.type !== 'reservedInventory') continue;
    const found = (r.fnsku && byFnsku.get(r.fnsku.trim().toUpperCase())) || bySellerSku.get(r.sku.trim().toUpperCase())?.[0];
    if (found) votes.set(found, (votes.get(found) ?? 0) + 1);
  }
  const best = [...votes].sort((a, b) => b[1] - a[1])[0]?.[0];
  if (best && isMarketplace(best)) return best;
  const only = [...locations.keys()];
  if (only.length === 1 && isMarketplace(only[0]!)) return only[0]!;
  return 'US';
}

/** The FBA location of a marketplace, or a negative placeholder (one per marketplace) for one created on apply. */
function fbaLocationOf(locations: ReadonlyMap<string, number>, placeholders: Map<string, number>, marketplace: string): number | null {
  const id = locations.get(marketplace);
  if (id !== undefined) return id;
  if (!isMarketplace(marketplace)) return null;
  let placeholder = placeholders.get(marketplace);
  if (placeholder === undefined) placeholders.set(marketplace, (placeholder = -(placeholders.size + 1)));
  return placeholder;
}

/** What a known report stores: its rows grouped by scope (shared/import/stored.ts). */
function storedScopes(kind: ReportKind, records: readonly ImportRecord[], chosen: Marketplace, today: IsoDate, locations: ReadonlyMap<string, number>): ScopePlan<StoredKind>[] {
  const placeholders = new Map<string, number>();
  const scope = <K extends StoredKind>(k: K, name: string, rows: ScopePlan<K>['rows'], extra: Partial<ScopePlan<K>> = {}): ScopePlan<StoredKind> =>
    ({ kind: k, scope: name, reportKind: kind, marketplace: null, locationId: null, date: null, rows, ...extra }) as ScopePlan<StoredKind>;
  switch (kind) {
    case 'GET_FBA_MYI_UNSUPPRESSED_INVENTORY_DATA':
    case 'GET_FBA_MYI_ALL_INVENTORY_DATA':
    case 'GET_FBA_INVENTORY_PLANNING_DATA': {
      const snapshots = records.filter((r) => r.type === 'inventorySnapshot');
      // The planning report names its marketplace and date per row; Manage FBA Inventory is "now" for one marketplace.
      const groups = new Map<string, typeof snapshots>();
      for (const r of snapshots) {
        const marketplace = r.marketplace?.trim().toUpperCase() || chosen;
        const key = `${marketplace === 'GB' ? 'UK' : marketplace}|${r.snapshotDate ?? today}`;
        groups.set(key, [...(groups.get(key) ?? []), r]);
      }
      return [...groups].flatMap(([key, group]) => {
        const [marketplace, date] = key.split('|') as [string, string];
        const locationId = fbaLocationOf(locations, placeholders, marketplace);
        if (locationId === null) return [];
        return [scope('snapshot', snapshotScope(locationId, date), snapshotRowsFromInventory(group), { marketplace, locationId, date })];
      });
    }
    case 'GET_RESERVED_INVENTORY_DATA':
      return [scope('reserved', `${chosen}|${today}`, reservedRows(records.filter((r) => r.type === 'reservedInventory')), { marketplace: chosen, date: today })];
    case 'GET_LEDGER_SUMMARY_VIEW_DATA':
      return [scope('ledgerSummary', 'ledgerSummary', ledgerSummaryRows(records.filter((r) => r.type === 'ledgerSummary')))];
    case 'GET_FLAT_FILE_ALL_ORDERS_DATA_BY_ORDER_DATE_GENERAL':
      return [scope('demand', 'demand', demandRowsFromOrders(records.filter((r) => r.type === 'orderLine')).rows)];
    case 'GET_AMAZON_FULFILLED_SHIPMENTS_DATA_GENERAL':
      return [scope('demand', 'demand', demandRowsFromShipments(records.filter((r) => r.type === 'shipmentLine')).rows)];
    case 'GET_FBA_FULFILLMENT_CUSTOMER_RETURNS_DATA':
      return [scope('returns', 'returns', returnRows(records.filter((r) => r.type === 'customerReturn')))];
    case 'GET_RESTOCK_INVENTORY_RECOMMENDATIONS_REPORT': {
      // Amazon's current advice per marketplace: a newer file for one country replaces only that country's.
      const byCountry = new Map<string, ImportRecord[]>();
      for (const r of records) {
        if (r.type !== 'restock') continue;
        const country = r.country.trim().toUpperCase();
        const marketplace = country === 'GB' ? 'UK' : country || chosen;
        byCountry.set(marketplace, [...(byCountry.get(marketplace) ?? []), r]);
      }
      return [...byCountry].map(([marketplace, group]) => scope('restock', `restock|${marketplace}`, restockRows(group.filter((r) => r.type === 'restock')), { marketplace, date: today }));
    }
    case 'BUSINESS_REPORT_DETAIL_PAGE_SALES_TRAFFIC_BY_CHILD_ITEM':
      // The file carries no dates nor marketplace: it is kept for the marketplace the seller confirms, as reported on the day it is imported.
      return [scope('business', `business|${chosen}|${today}`, businessRows(records.filter((r) => r.type === 'businessReport')), { marketplace: chosen, date: today })];
    default:
      return [];
  }
}

/** Codes of snapshot and demand rows that map to no SKU, as "code (marketplace)". */
function unmappedCodes(scopes: readonly ScopePlan<StoredKind>[], lookup: LedgerCodeLookup): string[] {
  const codes = new Set<string>();
  for (const s of scopes) {
    const marketplace = s.marketplace ?? '';
    if (s.kind === 'snapshot') {
      for (const row of s.rows as SnapshotRow[]) {
        if (!snapshotTarget(row, marketplace, lookup)) codes.add(marketplace ? `${row.code} (${marketplace})` : row.code);
      }
    } else if (s.kind === 'demand') {
      for (const row of s.rows as DemandRow[]) {
        if (!sellerSkuComponents(lookup, row.marketplace, row.sellerSku)) codes.add(`${row.sellerSku} (${row.marketplace})`);
      }
    }
  }
  return [...codes].sort();
}

/**
 * A file that is no Amazon report but a table with a header: offered for mapping as a warehouse
 * stock file. With a mapping (saved for its header or given), its rows are planned as snapshots.
 */
async function prepareGeneric(db: StockPilotDatabase, base: ImportPreview, bytes: Uint8Array, options: ImportOptions, lookup: LedgerCodeLookup): Promise<PreparedImport | null> {
  const sniffed = sniffGeneric(bytes);
  if ('error' in sniffed) return null;
  const saved = await db.sourceMappings.get(sniffed.signature);
  const mapping = options.generic?.mapping ?? saved?.mapping ?? null;
  const locationId = options.generic ? options.generic.locationId : (saved?.locationId ?? null);
  const preview: ImportPreview = {
    ...base,
    encoding: sniffed.encoding,
    rowCount: sniffed.rowCount,
    generic: { headers: sniffed.headers, signature: sniffed.signature, sampleRows: sniffed.sampleRows, mapping: mapping ?? guessGenericMapping(sniffed.headers), saved: saved !== undefined, locationId },
  };
  const empty = { stored: null, columns: emptyColumns(0), held: [], heldKeys: [], releasedHeldIds: [] };
  // Until it is mapped, the file says why it is no known report (the message lists the supported
  // ones). A header that merely resembles a report is no broken report: it is said the same way.
  if (!mapping) {
    const problems = (parseReport(bytes).problems as ImportProblem[]).map((p): ImportProblem =>
      p.code === 'missing-column' && p.row === undefined
        ? { severity: 'error', code: 'unknown-report', message: 'StockPilot does not recognise this file. If it is a stock file from your warehouse or a 3PL, say below which column holds what.' }
        : p,
    );
    return { preview: { ...preview, problems }, ...empty };
  }
  const parsed = parseGenericStock(bytes, mapping);
  preview.problems = parsed.problems;
  preview.rowCount = parsed.rowCount;
  preview.rejectedRows = new Set(parsed.problems.filter((p) => p.severity === 'error' && p.row !== undefined).map((p) => p.row)).size;
  if (parsed.problems.some((p) => p.severity === 'error' && p.row === undefined)) return { preview, ...empty };
  const locations = (await db.locations.toArray()).filter((l) => !l.archived && l.kind !== 'transit');
  const byName = new Map(locations.map((l) => [l.name.trim().toUpperCase(), l]));
  const chosen = locations.find((l) => l.id === locationId) ?? null;
  const today = options.asOf ?? todayOf();
  const groups = new Map<string, { location: Location; date: IsoDate; rows: Map<string, SnapshotRow> }>();
  for (const line of parsed.lines) {
    const location = mapping.locationColumn ? byName.get((line.location ?? '').trim().toUpperCase()) : chosen;
    if (!location) {
      preview.problems.push({
        row: line.row,
        ...(mapping.locationColumn ? { column: mapping.locationColumn, value: line.location ?? '' } : {}),
        severity: 'error',
        code: mapping.locationColumn ? 'unknown-location' : 'no-location',
        message: mapping.locationColumn
          ? `Row ${line.row}: the location "${line.location ?? ''}" is not one of your locations. Add it under Locations, or correct the file.`
          : 'Choose the location this stock file is for.',
      });
      continue;
    }
    const date = line.date ?? today;
    const key = snapshotScope(location.id, date);
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { location, date, rows: new Map() }));
    const code = line.code.trim().toUpperCase();
    const before = group.rows.get(code);
    if (before) before.fulfillable = (before.fulfillable ?? 0) + line.quantity;
    else {
      group.rows.set(code, {
        key: `${mapping.codeType}:${code}|`,
        codeType: mapping.codeType,
        code,
        sellerSku: mapping.codeType === 'sellerSku' ? line.code.trim() : '',
        fnsku: mapping.codeType === 'fnsku' ? line.code.trim() : '',
        asin: mapping.codeType === 'asin' ? line.code.trim() : '',
        title: '',
        fulfillable: line.quantity,
        reserved: null,
        unsellable: null,
        researching: null,
        inbound: null,
        unitCostMinor: line.unitCostMinor,
      });
    }
  }
  preview.rejectedRows = new Set(preview.problems.filter((p) => p.severity === 'error' && p.row !== undefined).map((p) => p.row)).size;
  if (!mapping.locationColumn && !chosen) return { preview, ...empty };
  const scopes: ScopePlan<StoredKind>[] = [...groups.values()].map((g) => ({
    kind: 'snapshot',
    scope: snapshotScope(g.location.id, g.date),
    reportKind: GENERIC_STOCK,
    marketplace: g.location.marketplace ?? null,
    locationId: g.location.id,
    date: g.date,
    rows: [...g.rows.values()],
  }));
  const stored = await planStoredRows(db, scopes);
  const skuCodes = new Set((await db.skus.toArray()).map((sku) => sku.codeKey));
  const unmapped = new Set<string>();
  for (const s of scopes) for (const row of s.rows as SnapshotRow[]) if (row.codeType === 'sku' ? !skuCodes.has(row.code) : !snapshotTarget(row, s.marketplace ?? '', lookup)) unmapped.add(row.code);
  preview.stored = {
    kind: 'snapshot',
    added: stored.added,
    changed: stored.changed,
    unchanged: stored.unchanged,
    date: scopes[0]?.date ?? today,
    chosenMarketplace: null,
    locations: [...new Set([...groups.values()].map((g) => g.location.name))],
    unmappedCodes: [...unmapped].sort(),
  };
  preview.duplicates = stored.unchanged;
  preview.canApply = stored.scopes.length > 0;
  return { preview, ...empty, stored };
}

/**
 * Amazon's Receipts (transfer_in at FBA) whose reference is the FBA shipment ID of one of the
 * seller's StockPilot shipments to that location. They are never posted as stock of their own:
 * per SKU, Amazon's total received minus what the shipment has received so far is received on the
 * shipment (on the latest receipt date), and the rest counts as already there. Idempotent: a
 * re-import finds the shipment already holding Amazon's totals.
 */
async function matchShipmentReceipts(db: StockPilotDatabase, all: MovementColumns): Promise<{ rows: Set<number>; receipts: NonNullable<ImportPreview['shipmentReceipts']>; alreadyReceived: number }> {
  const result = { rows: new Set<number>(), receipts: [] as NonNullable<ImportPreview['shipmentReceipts']>, alreadyReceived: 0 };
  const shipments = (await db.shipments.toArray()).filter((s) => s.fbaShipmentId && s.fbaShipmentId.trim() !== '');
  if (shipments.length === 0) return result;
  const byFbaId = new Map(shipments.map((s) => [s.fbaShipmentId!.trim().toUpperCase(), s]));
  const transferIn = TYPE_CODE.transfer_in;
  const perShipment = new Map<number, { units: Map<number, number>; lastDay: number; rows: number }>();
  for (let i = 0; i < all.length; i++) {
    if (all.type[i] !== transferIn || all.ref[i]! < 0 || all.qty[i]! <= 0) continue;
    const shipment = byFbaId.get((all.refs[all.ref[i]!] ?? '').trim().toUpperCase());
    if (!shipment || shipment.toLocationId !== all.locationId[i]) continue;
    result.rows.add(i);
    let entry = perShipment.get(shipment.id);
    if (!entry) perShipment.set(shipment.id, (entry = { units: new Map(), lastDay: -Infinity, rows: 0 }));
    entry.units.set(all.skuId[i]!, (entry.units.get(all.skuId[i]!) ?? 0) + all.qty[i]!);
    entry.lastDay = Math.max(entry.lastDay, all.day[i]!);
    entry.rows++;
  }
  for (const [shipmentId, entry] of perShipment) {
    const shipment = shipments.find((s) => s.id === shipmentId)!;
    const received = receivedBySku(shipment);
    // A shipment received before purchasing existed (no receipt parts) received everything it shipped.
    if (shipment.status === 'received' && (shipment.receipts ?? []).length === 0) for (const l of shipment.lines) received.set(l.skuId, (received.get(l.skuId) ?? 0) + l.qty);
    const lines = [...entry.units].map(([skuId, qty]) => ({ skuId, qty: Math.max(0, qty - (received.get(skuId) ?? 0)) })).filter((l) => l.qty > 0);
    if (lines.length === 0 || shipment.status === 'received') {
      result.alreadyReceived += entry.rows;
      continue;
    }
    const lastReceipt = (shipment.receipts ?? []).reduce((latest, r) => (r.date > latest ? r.date : latest), shipment.shipDate);
    const date = isoFromDay(entry.lastDay);
    result.receipts.push({ shipmentId, fbaShipmentId: shipment.fbaShipmentId!, date: date < lastReceipt ? lastReceipt : date, lines, units: lines.reduce((sum, l) => sum + l.qty, 0) });
  }
  return result;
}

/**
 * Receives shipments with Amazon's receipts (inside the import's transaction); more than shipped is
 * an over-receipt. Each shipment as it was before and the receipt's movements go on the batch, so
 * undoing the import takes the receipt back (removeMovementBatch).
 */
async function receiveMatchedShipments(db: StockPilotDatabase, batchId: string, receipts: ImportPreview['shipmentReceipts']): Promise<void> {
  const received: NonNullable<ImportBatch['receivedShipments']> = [];
  for (const r of receipts ?? []) {
    const before = await db.shipments.get(r.shipmentId);
    if (!before) throw new DomainError('shipment.notFound', { id: r.shipmentId });
    const { shipment: after, movementIds } = await receiveShipmentPosting(db, r.shipmentId, { date: r.date, lines: r.lines }, { allowOver: true });
    received.push({ before, after, movementIds });
  }
  if (received.length > 0) await db.batches.update(batchId, { receivedShipments: received });
}

/** `columns` without the movements at `rows`. */
function withoutRows(columns: MovementColumns, rows: ReadonlySet<number>): MovementColumns {
  const keep: number[] = [];
  for (let i = 0; i < columns.length; i++) if (!rows.has(i)) keep.push(i);
  return rowsAt(columns, keep);
}

/** The movements of `columns` at the given positions, in that order (sharing its refs). */
function rowsAt(columns: MovementColumns, positions: readonly number[]): MovementColumns {
  const out = emptyColumns(positions.length);
  out.refs = columns.refs;
  positions.forEach((i, k) => {
    out.day[k] = columns.day[i]!;
    out.skuId[k] = columns.skuId[i]!;
    out.locationId[k] = columns.locationId[i]!;
    out.qty[k] = columns.qty[i]!;
    out.type[k] = columns.type[i]!;
    out.ref[k] = columns.ref[i]!;
    out.unitCostMinor[k] = columns.unitCostMinor[i]!;
    out.seq[k] = columns.seq[i]!;
  });
  return out;
}

interface PreparedImport {
  preview: ImportPreview;
  /** Report rows to store (new and changed only), with the FBA locations to create first. */
  stored: StoredPlan | null;
  columns: MovementColumns;
  held: HeldLedgerEvent[];
  heldKeys: string[];
  /** Held rows (from earlier imports) that this file posts now that their code is mapped. */
  releasedHeldIds: number[];
}

/** Progress and cancellation of a long read, supplied by the ledger worker. */
export interface TaskControl {
  progress?: (progress: StreamProgress) => void;
  cancelled?: () => boolean;
  yield?: () => Promise<void>;
  /** Told once an apply no longer reads the file, so its owner can free the bytes before the big write. */
  bytesDone?: () => void;
}

/**
 * The last prepared file, so Apply right after Preview does not read a 100 MB file twice. It is
 * reused only for the same database, bytes, ledger version and code mappings and locations.
 */
let lastPrepared: { key: string; prepared: PreparedImport } | null = null;

/** Forgets the prepared plan: any write (an apply, an undo, a mapping) may change what a file would do. */
export function forgetPreparedImport(): void {
  lastPrepared = null;
}

const lookupSignatures = new WeakMap<LedgerCodeLookup, string>();
/** A fingerprint of everything a plan depends on besides the ledger: code mappings and FBA locations. */
function catalogSignature(lookup: LedgerCodeLookup, locations: ReadonlyMap<string, number>): string {
  // A cached lookup (unchanged catalog) keeps its fingerprint: 30,000 codes are not hashed again.
  let codes = lookupSignatures.get(lookup);
  if (codes === undefined) lookupSignatures.set(lookup, (codes = codeSignature(lookup)));
  return `${codes}|${[...locations].map(([marketplace, id]) => `${marketplace}:${id}`).join(',')}`;
}

function codeSignature(lookup: LedgerCodeLookup): string {
  let h = 2166136261;
  const add = (text: string) => {
    for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619) >>> 0;
  };
  for (const [code, target] of lookup.byFnsku) add(`f${code}:${target.skuId}x${target.unitsPerListing};`);
  for (const [code, target] of lookup.bySellerSku) add(`s${code}:${target.skuId}x${target.unitsPerListing};`);
  for (const [code, target] of lookup.bySkuCode ?? []) add(`c${code}:${target.skuId};`);
  for (const [code, targets] of lookup.bundlesBySellerSku ?? []) add(`b${code}:${targets.map((t) => `${t.skuId}x${t.unitsPerListing}`).join('+')};`);
  return `${h}:${lookup.byFnsku.size}:${lookup.bySellerSku.size}:${lookup.bySkuCode?.size ?? 0}:${lookup.bundlesBySellerSku?.size ?? 0}`;
}

export interface ImportOptions {
  /** For reports without a marketplace column (All Listings, Manage FBA Inventory, reserved): the marketplace they are for. */
  marketplace?: Marketplace;
  /** The stock date of a snapshot that carries none (default: the day it is imported); also the day of a business report. */
  asOf?: IsoDate;
  /** A warehouse stock file: its column mapping and the location its rows are for (when it has no location column). */
  generic?: { mapping: GenericMapping; locationId: number | null };
}

/** Identity of a file for the prepared-plan cache: the worker keeps one array or File per dropped file. */
const fileIds = new WeakMap<ImportFile, number>();
let nextFileId = 1;
function fileId(file: ImportFile): number {
  let id = fileIds.get(file);
  if (id === undefined) fileIds.set(file, (id = nextFileId++));
  return id;
}

async function prepare(db: StockPilotDatabase, fileName: string, file: ImportFile, control: TaskControl = {}, options: ImportOptions = {}): Promise<PreparedImport> {
  const [version, lookup, locations] = await Promise.all([readLedgerVersion(db), codeLookupOf(db), fbaLocations(db)]);
  // Held events and kept rows change without a ledger version bump: their counts are in the key too.
  const [heldCount, reportCount, batchCount] = await Promise.all([db.heldEvents.count(), db.reportRows.count(), db.batches.count()]);
  const cacheKey = `${db.name}|${fileId(file)}|${version.version}|${heldCount}|${reportCount}|${batchCount}|${catalogSignature(lookup, locations)}|${JSON.stringify(options)}`;
  // The plan of the preview just shown: Apply does not parse the file again (it reads it once more
  // only to hash a ledger file, see applyPrepared).
  if (lastPrepared?.key === cacheKey) return { ...lastPrepared.prepared, preview: { ...lastPrepared.prepared.preview, fileName } };
  // A small report is hashed as it is read (see ContentHasher), not in a pass of its own.
  const hasher = new ContentHasher();
  const prepared = await prepareUnhashed(db, fileName, file, control, options, { lookup, locations }, hasher);
  if (prepared.preview.kind === 'GET_LEDGER_DETAIL_VIEW_DATA') {
    // A ledger's hash waits for Apply (see ImportPreview.sha256). Only these big files are worth
    // keeping a plan of; other reports are read again in a moment.
    lastPrepared = { key: cacheKey, prepared };
    return prepared;
  }
  // A read that stopped early (a refused file) still gets the whole file's hash.
  const size = sizeOf(file);
  for (let start = hasher.length; start < size; start = hasher.length) hasher.update(await readRange(file, fileName, start, Math.min(size, start + CONTENT_HASH_BLOCK_BYTES)));
  prepared.preview.sha256 = await hasher.hex();
  return prepared;
}

/** Block digests a whole-file hash keeps running at once: enough to keep WebCrypto busy, few copies held. */
const HASH_DIGESTS_IN_FLIGHT = 4;

/** The content hash of a whole file, read a block at a time (each digested on WebCrypto's thread); Cancel stops it. */
async function contentHashOfFile(file: ImportFile, fileName: string, control: TaskControl): Promise<string> {
  const hasher = new ContentHasher();
  const size = sizeOf(file);
  for (let start = 0; start < size; start = hasher.length) {
    if (control.cancelled?.()) throw new DomainError('import.cancelled', { file: fileName });
    hasher.update(await readRange(file, fileName, start, Math.min(size, start + CONTENT_HASH_BLOCK_BYTES)));
    await hasher.settle(HASH_DIGESTS_IN_FLIGHT);
  }
  return hasher.hex();
}

async function prepareUnhashed(
  db: StockPilotDatabase,
  fileName: string,
  file: ImportFile,
  control: TaskControl,
  options: ImportOptions,
  { lookup, locations }: { lookup: LedgerCodeLookup; locations: Map<string, number> },
  hasher: ContentHasher,
): Promise<PreparedImport> {
  const sha256 = '';
  const size = sizeOf(file);
  // The head tells the kind, and the line feeds in its first MB the rows to expect.
  const head = await readRange(file, fileName, 0, Math.min(size, Math.max(SNIFF_BYTES, ROW_ESTIMATE_SAMPLE_BYTES)));
  const sniffed = sniffReportHead(head, size);
  const base: ImportPreview = {
    fileName,
    sha256,
    kind: sniffed.kind,
    encoding: sniffed.encoding,
    rowCount: 0,
    problems: [],
    rejectedRows: 0,
    canApply: false,
    marketplaces: [],
    firstDate: null,
    lastDate: null,
    newMovements: 0,
    duplicates: 0,
    held: 0,
    heldCodes: [],
    newLocations: [],
  };
  const empty = { stored: null, columns: emptyColumns(0), held: [], heldKeys: [], releasedHeldIds: [] };
  if (sniffed.kind !== 'GET_LEDGER_DETAIL_VIEW_DATA') {
    // Other reports are small: read them whole for the preview.
    if (size > MAX_WHOLE_REPORT_BYTES) throw new DomainError('import.tooLarge', { file: fileName, size: formatMegabytes(size), max: formatMegabytes(MAX_WHOLE_REPORT_BYTES) });
    const bytes = file instanceof Uint8Array ? file : await readRange(file, fileName, 0, size);
    hasher.update(bytes);
    if (sniffed.kind === null) {
      const generic = await prepareGeneric(db, base, bytes, options, lookup);
      if (generic) return generic;
    }
    const parsed = parseReport(bytes);
    const problems = parsed.problems as ImportProblem[];
    const preview: ImportPreview = {
      ...base,
      kind: parsed.kind,
      encoding: parsed.encoding,
      rowCount: parsed.rowCount,
      problems,
      rejectedRows: new Set(problems.filter((p) => p.severity === 'error' && p.row !== undefined).map((p) => p.row)).size,
    };
    if (parsed.kind === null || problems.some((p) => p.severity === 'error' && (p.row === undefined || p.code === 'truncated-quote' || p.code === 'truncated-row'))) return { preview, ...empty };
    if (parsed.kind === 'GET_MERCHANT_LISTINGS_ALL_DATA') {
      const records = parsed.records.filter((r): r is ListingRecord => r.type === 'listing');
      const marketplace = options.marketplace ?? guessListingsMarketplace(records);
      const proposals = proposeListingMappings(records, marketplace, await db.skus.toArray(), await db.listings.toArray());
      preview.listings = { marketplace, proposals };
      preview.canApply = proposals.some((p) => p.status === 'new');
      return { preview, ...empty };
    }
    const today = options.asOf ?? todayOf();
    const listings = await db.listings.toArray();
    const chosen = options.marketplace ?? guessMarketplace(parsed.records, listings, locations);
    const scopes = storedScopes(parsed.kind, parsed.records, chosen, today, locations);
    const stored = await planStoredRows(db, scopes);
    const locationsById = new Map((await db.locations.toArray()).map((l) => [l.id, l]));
    preview.stored = {
      kind: scopes[0]?.kind ?? 'snapshot',
      added: stored.added,
      changed: stored.changed,
      unchanged: stored.unchanged,
      date: scopes.find((s) => s.date !== null)?.date ?? null,
      chosenMarketplace: MARKETPLACE_CHOSEN.includes(parsed.kind) ? chosen : null,
      locations: [...new Set(scopes.filter((s) => s.locationId !== null).map((s) => (s.locationId! > 0 ? (locationsById.get(s.locationId!)?.name ?? '') : `FBA ${s.marketplace ?? ''}`)))],
      unmappedCodes: unmappedCodes(scopes, lookup),
    };
    preview.marketplaces = [...new Set(scopes.map((s) => s.marketplace).filter((m): m is string => !!m))];
    preview.duplicates = stored.unchanged;
    preview.newLocations = [...new Set(scopes.filter((s) => s.locationId !== null && s.locationId < 0).map((s) => s.marketplace!))];
    preview.canApply = stored.scopes.length > 0;
    return { preview, ...empty, stored };
  }

  // Adjustments (lost, found, damaged…) are also kept as rows, for reconciliation and claims.
  const adjustments: AdjustmentRow[] = [];
  const adjustmentOccurrences = new Map<string, number>();
  const heldByKey = new Map<string, number[]>();
  for (const held of await db.heldEvents.toArray()) heldByKey.set(held.eventKey, [...(heldByKey.get(held.eventKey) ?? []), held.id]);
  const releasedHeldIds: number[] = [];
  // Marketplaces without an FBA location get one on apply; until then they plan with a placeholder id.
  const provisional = new Map(locations);
  const builder = new LedgerPlanBuilder(
    lookup,
    (marketplace) => {
      // A Country StockPilot does not know as a marketplace gets no location: its events are held.
      if (!provisional.has(marketplace) && isMarketplace(marketplace)) provisional.set(marketplace, -(provisional.size + 1));
      return provisional.get(marketplace);
    },
    // A little over the estimate, so a slightly longer file still needs no second set of columns.
    estimateRowCount(head, ROW_ESTIMATE_SAMPLE_BYTES, size) * 1.02,
  );
  const read = await readReportStream(sourceOf(file, fileName), {
    onRecord: (record) => {
      if (record.type !== 'ledgerEvent') return;
      // An event held by an earlier import whose code is mapped now posts from this file, so the
      // held copy is released (deleted on apply) rather than posted a second time later.
      if (heldByKey.size > 0) {
        const marketplace = record.country.trim().toUpperCase();
        const mapped = ((record.fnsku ? lookup.byFnsku.get(record.fnsku.toUpperCase()) : undefined) ?? sellerSkuTarget(lookup, marketplace, record.msku)) !== undefined;
        if (mapped) {
          const key = heldKey({ codeType: record.fnsku ? 'fnsku' : 'sellerSku', code: (record.fnsku || record.msku).toUpperCase(), marketplace, record });
          const ids = heldByKey.get(key);
          const id = ids?.pop();
          if (id !== undefined) releasedHeldIds.push(id);
        }
      }
      // Only what claims read is kept: lost, damaged and found units (other reasons, such as
      // disposals or disposition changes, are in the ledger's movements already). The reason is
      // looked at first, so most rows make no adjustment row at all.
      const adjustment = CLAIM_REASONS.has(record.reason.trim().toUpperCase()) ? adjustmentRow(record) : null;
      if (adjustment) {
        // Two identical events in one file are two events: the occurrence number keeps them apart.
        const n = (adjustmentOccurrences.get(adjustment.key) ?? 0) + 1;
        adjustmentOccurrences.set(adjustment.key, n);
        adjustments.push(n === 1 ? adjustment : { ...adjustment, key: `${adjustment.key}#${n}` });
      }
      builder.add(record);
    },
    // Plain rows go straight into the builder's columns. Not while events are held: each mapped
    // row must then be checked against them, which the record way does.
    ...(heldByKey.size === 0 ? { fastRows: (report: IdentifiedReport) => builder.fastRows(report) } : {}),
    onProgress: control.progress,
    shouldStop: control.cancelled,
    betweenChunks: control.yield,
  });
  if (read.cancelled) throw new DomainError('import.cancelled', { file: fileName });
  const problems = read.problems;
  const plan = builder.finish();
  const newLocations = plan.marketplaces.filter((m) => !locations.has(m) && isMarketplace(m));
  // A file cut off (truncated mid-row or mid-quote) is refused whole: its last rows are unknown.
  const fileError = problems.some((p) => p.severity === 'error' && (p.row === undefined || p.code === 'truncated-quote' || p.code === 'truncated-row'));
  if (fileError) return { preview: { ...base, kind: read.kind, rowCount: read.rowCount, problems, rejectedRows: read.rejectedRows }, ...empty };

  let columns = plan.columns;
  let duplicates = 0;
  if (columns.length > 0) {
    let firstDay = Infinity;
    let lastDay = -Infinity;
    for (const day of columns.day) {
      if (day < firstDay) firstDay = day;
      if (day > lastDay) lastDay = day;
    }
    const existing = await existingLedgerMovements(db, new Set(columns.locationId), firstDay, lastDay);
    ({ columns, duplicates } = newMovementsOnly(columns, existing));
  }
  // Only receipts not already in the ledger are matched: one an earlier import posted as stock stays
  // stock (receiving the shipment too would count it twice).
  const matched = await matchShipmentReceipts(db, columns);
  if (matched.rows.size > 0) columns = withoutRows(columns, matched.rows);
  duplicates += matched.alreadyReceived;
  // Held events already held from an earlier import are not held twice.
  const heldKeys = plan.held.map(heldKey);
  const alreadyHeld = new Map<string, number>();
  for (const key of await db.heldEvents.where('eventKey').anyOf(heldKeys).keys()) alreadyHeld.set(String(key), (alreadyHeld.get(String(key)) ?? 0) + 1);
  const freshHeld: HeldLedgerEvent[] = [];
  const freshKeys: string[] = [];
  plan.held.forEach((event, i) => {
    const key = heldKeys[i]!;
    const count = alreadyHeld.get(key) ?? 0;
    if (count > 0) {
      alreadyHeld.set(key, count - 1);
      duplicates++;
    } else {
      freshHeld.push(event);
      freshKeys.push(key);
    }
  });
  const preview: ImportPreview = {
    ...base,
    kind: read.kind,
    rowCount: read.rowCount,
    problems,
    rejectedRows: read.rejectedRows,
    canApply: columns.length + freshHeld.length + matched.receipts.length > 0,
    ...(matched.receipts.length > 0 ? { shipmentReceipts: matched.receipts } : {}),
    marketplaces: plan.marketplaces,
    firstDate: plan.firstDate,
    lastDate: plan.lastDate,
    newMovements: columns.length,
    duplicates,
    held: freshHeld.length,
    heldCodes: [...new Set(freshHeld.map((h) => `${h.code} (${h.marketplace})`))],
    newLocations,
  };
  const stored = adjustments.length > 0 ? await planStoredRows(db, [{ kind: 'adjustments', scope: 'adjustments', reportKind: 'GET_LEDGER_DETAIL_VIEW_DATA', marketplace: null, locationId: null, date: null, rows: adjustments }]) : null;
  const prepared: PreparedImport = {
    preview: { ...preview, canApply: preview.canApply || releasedHeldIds.length > 0 || (stored?.scopes.length ?? 0) > 0 },
    stored,
    columns,
    held: freshHeld,
    heldKeys: freshKeys,
    releasedHeldIds,
  };
  return prepared;
}

export async function previewImport(db: StockPilotDatabase, fileName: string, file: ImportFile, control: TaskControl = {}, options: ImportOptions = {}): Promise<ImportPreview> {
  return withStorageErrors(async () => (await prepare(db, fileName, file, control, options)).preview);
}

export interface ImportResult {
  preview: ImportPreview;
  /** The batch written, or null when the file brought nothing new. */
  batch: ImportBatch | null;
}

/** Applies a file: creates missing FBA locations, posts new movements and holds unmapped ones, atomically. */
export async function applyImport(db: StockPilotDatabase, fileName: string, file: ImportFile, now: string, control: TaskControl = {}, options: ImportOptions = {}): Promise<ImportResult> {
  try {
    return await applyPrepared(db, fileName, file, now, control, options);
  } finally {
    forgetPreparedImport();
  }
}

async function applyPrepared(db: StockPilotDatabase, fileName: string, file: ImportFile, now: string, control: TaskControl, options: ImportOptions): Promise<ImportResult> {
  let prepared = await prepare(db, fileName, file, control, options);
  const { preview } = prepared;
  const known = APPLIED_KINDS.includes(preview.kind as ReportKind) || (preview.generic !== undefined && prepared.stored !== null);
  if (!known || preview.problems.some((p) => p.severity === 'error' && p.row === undefined)) {
    throw new DomainError('import.notApplicable', { file: fileName });
  }
  if (!preview.canApply) return { preview, batch: null };
  // Only a file that will be applied is hashed; one that changed on disk since its preview fails
  // here, before anything is written.
  if (preview.kind === 'GET_LEDGER_DETAIL_VIEW_DATA' && preview.sha256 === '') preview.sha256 = await contentHashOfFile(file, fileName, control);
  if (preview.listings) {
    const { marketplace, proposals } = preview.listings;
    const batchId = `import-${now}-${preview.sha256.slice(0, 8)}`;
    // All of the file's new codes or none: a conflict with another SKU's code refuses the file. The
    // batch remembers the listings it created, so undoing the import removes exactly those.
    const batch = await withStorageErrors(() =>
      db.transaction('rw', db.listings, db.skus, db.batches, async () => {
        const created: number[] = [];
        for (const proposal of proposals) {
          if (proposal.status !== 'new' || proposal.skuId === null) continue;
          created.push(await saveListing(db, { skuId: proposal.skuId, marketplace, sellerSku: proposal.sellerSku, asin: /^[A-Z0-9]{10}$/i.test(proposal.asin) ? proposal.asin : '', fnsku: '', unitsPerListing: '1' }));
        }
        const record: ImportBatch = {
          id: batchId,
          kind: 'import',
          label: fileName,
          createdAt: now,
          movementCount: 0,
          blockCount: 0,
          firstDate: now.slice(0, 10),
          lastDate: now.slice(0, 10),
          file: { name: fileName, sha256: preview.sha256, reportKind: preview.kind ?? '', rowCount: preview.rowCount, duplicates: proposals.filter((p) => p.status === 'known').length, held: 0, rejected: preview.rejectedRows, stored: created.length },
          createdListingIds: created,
        };
        await db.batches.add(record);
        return record;
      }),
    );
    return { preview, batch };
  }
  if (preview.kind !== 'GET_LEDGER_DETAIL_VIEW_DATA') {
    if (!prepared.stored) throw new DomainError('import.notApplicable', { file: fileName });
    return { preview, batch: await writeStoredImport(db, fileName, now, preview, prepared.stored, options) };
  }
  // The plan needs the new FBA locations' ids, so they are written first, in a transaction of their
  // own; if anything after fails (Cancel, a changed file, a refused write) they are taken out again,
  // so a refused import leaves the data as it was.
  const createdLocationIds: number[] = [];
  if (preview.newLocations.length > 0) {
    await withStorageErrors(() =>
      db.transaction('rw', db.locations, async () => {
        for (const marketplace of preview.newLocations) {
          if (isMarketplace(marketplace)) createdLocationIds.push(await db.locations.add({ name: `FBA ${marketplace}`, kind: 'fba', marketplace, archived: false }));
        }
      }),
    );
  }
  try {
    if (createdLocationIds.length > 0) {
      // Location ids changed: plan again with the real ones.
      lastPrepared = null;
      prepared = await prepare(db, fileName, file, control, options);
      prepared.preview.sha256 = preview.sha256;
    }
    return await writeLedgerImport(db, fileName, now, preview, prepared, control);
  } catch (error) {
    if (createdLocationIds.length > 0) {
      // Best effort: the import's own error is what the seller needs to see.
      await db.transaction('rw', db.locations, () => db.locations.bulkDelete(createdLocationIds)).catch(() => undefined);
    }
    throw error;
  }
}

/** The ledger import's one atomic write: its movements (or, with none, its batch record), held events and kept rows. */
async function writeLedgerImport(db: StockPilotDatabase, fileName: string, now: string, preview: ImportPreview, planned: PreparedImport, control: TaskControl): Promise<ImportResult> {
  let prepared = planned;
  // From here on only the plan is written: a 100 MB file need not stay in memory beside it, nor
  // the plan's unsorted columns once the write has sorted them (see ColumnsHandoff).
  control.bytesDone?.();
  forgetPreparedImport();
  let planColumns: MovementColumns | null = prepared.columns;
  prepared = { ...prepared, columns: emptyColumns(0) };
  const handoff = {
    take: () => {
      const taken = planColumns ?? emptyColumns(0);
      planColumns = null;
      return taken;
    },
  };
  const batchId = `import-${now}-${preview.sha256.slice(0, 8)}`;
  const fileRecord = {
    name: fileName,
    sha256: preview.sha256,
    reportKind: preview.kind ?? '',
    rowCount: preview.rowCount,
    duplicates: prepared.preview.duplicates,
    held: prepared.held.length,
    rejected: preview.rejectedRows,
    // The day the file's rows reach, which Today dates the report by: the batch's own dates are those
    // of the new movements only, which stop early when the last rows were already imported or held.
    ...(preview.lastDate ? { periodEnd: preview.lastDate } : {}),
  };
  const heldRows: Omit<HeldEvent, 'id'>[] = prepared.held.map((h, i) => ({
    batchId,
    codeType: h.codeType,
    code: h.code,
    marketplace: h.marketplace,
    date: h.record.date,
    quantity: h.record.quantity,
    eventType: h.record.eventType,
    referenceId: h.record.referenceId,
    title: h.record.title,
    fnsku: h.record.fnsku,
    sellerSku: h.record.msku,
    asin: h.record.asin,
    eventKey: prepared.heldKeys[i]!,
  }));
  const label = fileName;
  const adjustmentRecords = prepared.stored ? reportRecords(batchId, prepared.stored) : [];
  if ((planColumns?.length ?? 0) > 0) {
    const batch = await appendMovementBatch(db, { id: batchId, kind: 'import', label, createdAt: now }, handoff, {
      file: fileRecord,
      alongside: {
        tables: [db.heldEvents, db.reportRows, ...postingTables(db)],
        write: async () => {
          await db.heldEvents.bulkDelete(prepared.releasedHeldIds);
          await db.heldEvents.bulkAdd(heldRows);
          await db.reportRows.bulkAdd(adjustmentRecords);
          await receiveMatchedShipments(db, batchId, prepared.preview.shipmentReceipts);
        },
      },
    });
    return { preview: prepared.preview, batch };
  }
  // Only held events: a batch record without movements, so the import shows in the history.
  const record: ImportBatch = {
    id: batchId,
    kind: 'import',
    label,
    createdAt: now,
    movementCount: 0,
    blockCount: 0,
    firstDate: preview.firstDate ?? now.slice(0, 10),
    lastDate: preview.lastDate ?? now.slice(0, 10),
    file: fileRecord,
  };
  await withStorageErrors(() =>
    db.transaction('rw', [db.batches, db.heldEvents, db.reportRows, ...postingTables(db)], async () => {
      await db.batches.add(record);
      await db.heldEvents.bulkDelete(prepared.releasedHeldIds);
      await db.heldEvents.bulkAdd(heldRows);
      await db.reportRows.bulkAdd(adjustmentRecords);
      await receiveMatchedShipments(db, batchId, prepared.preview.shipmentReceipts);
    }),
  );
  return { preview: prepared.preview, batch: record };
}

/**
 * Writes a report kept as rows in one transaction: the FBA locations it needs, its batch (for the
 * history and undo) and its new and changed rows; a warehouse file's mapping is saved for next time.
 */
async function writeStoredImport(db: StockPilotDatabase, fileName: string, now: string, preview: ImportPreview, stored: StoredPlan, options: ImportOptions): Promise<ImportBatch> {
  const batchId = `import-${now}-${preview.sha256.slice(0, 8)}`;
  const rowsWritten = stored.scopes.reduce((sum, s) => sum + s.rows.length, 0);
  const dates = stored.scopes.map((s) => s.date).filter((d): d is IsoDate => d !== null);
  const record: ImportBatch = {
    id: batchId,
    kind: 'import',
    label: fileName,
    createdAt: now,
    movementCount: 0,
    blockCount: 0,
    firstDate: dates.sort()[0] ?? now.slice(0, 10),
    lastDate: dates[dates.length - 1] ?? now.slice(0, 10),
    file: { name: fileName, sha256: preview.sha256, reportKind: preview.kind ?? GENERIC_STOCK, rowCount: preview.rowCount, duplicates: stored.unchanged, held: 0, rejected: preview.rejectedRows, stored: rowsWritten },
  };
  await withStorageErrors(() =>
    db.transaction('rw', [db.locations, db.batches, db.reportRows, db.sourceMappings], async () => {
      const created = new Map<number, number>();
      for (const scope of stored.scopes) {
        if (scope.locationId === null || scope.locationId >= 0 || created.has(scope.locationId)) continue;
        const marketplace = scope.marketplace ?? '';
        if (!isMarketplace(marketplace)) throw new DomainError('location.notFound', { id: marketplace });
        const existing = (await db.locations.where('kind').equals('fba').toArray()).find((l) => l.marketplace === marketplace);
        created.set(scope.locationId, existing?.id ?? (await db.locations.add({ name: `FBA ${marketplace}`, kind: 'fba', marketplace, archived: false })));
      }
      await db.batches.add(record);
      await db.reportRows.bulkAdd(reportRecords(batchId, stored, (id) => (id !== null && id < 0 ? (created.get(id) ?? id) : id)));
      if (preview.generic && options.generic) {
        await db.sourceMappings.put({ signature: preview.generic.signature, headers: preview.generic.headers, mapping: options.generic.mapping, locationId: options.generic.locationId, savedAt: now });
      }
    }),
  );
  return record;
}

/**
 * Maps a held code to a SKU and posts its held events: saves the platform code (refused, with
 * nothing posted, when it conflicts with another SKU's) and then posts the events as one batch. A
 * code that only orders or stock reports name holds no events: their stored rows resolve it each
 * time they are read, so saving its platform code is all it takes (0 posted). Returns −1 when
 * there was nothing to map (the code was mapped elsewhere, or joined another entry, since the queue
 * was drawn): nothing was saved, and the page says so.
 */
export async function mapHeldCode(db: StockPilotDatabase, codeType: HeldEvent['codeType'], code: string, marketplace: string, skuId: number, now: string): Promise<number> {
  const held = await heldEventsOf(db, codeType, code, marketplace);
  if (held.length > 0) return postHeldEvents(db, held, skuId, now);
  return withStorageErrors(() =>
    db.transaction('rw', [db.skus, db.listings, db.ledgerState, db.heldEvents, db.reportRows, db.batches], async () => {
      const facts = await reportCodeFacts(db, codeType, code, marketplace);
      if (!facts) return -1;
      await saveCodeListing(db, code, marketplace, facts, skuId);
      return 0;
    }),
  );
}

/** A held code's events, as the queue groups them. */
function heldEventsOf(db: StockPilotDatabase, codeType: HeldEvent['codeType'], code: string, marketplace: string): Promise<HeldEvent[]> {
  return db.heldEvents.where('[codeType+code+marketplace]').equals([codeType, code, marketplace]).toArray();
}

/**
 * PRODUCT §1.2: creates the SKU an unmapped code stands for, maps the code to it and posts its
 * held events, in one transaction. A refusal (a field of the SKU, its code taken, the platform code
 * held by another SKU) stores nothing: no SKU without its mapping, no mapping without its events.
 * A code only orders or stock reports name gets its SKU and platform code, and their rows count from
 * then on (0 posted). With nothing waiting for the code any more (mapped elsewhere meanwhile),
 * nothing is created: skuId null.
 */
export async function createSkuForHeldCode(
  db: StockPilotDatabase,
  codeType: HeldEvent['codeType'],
  code: string,
  marketplace: string,
  draft: SkuDraft,
  now: string,
): Promise<{ skuId: number | null; posted: number }> {
  // A field the seller must fix is refused before anything is read.
  parseSkuDraft(draft);
  const tables = [db.skus, db.listings, db.locations, db.movements, db.movementBlocks, db.batches, db.ledgerState, db.heldEvents, db.settings, db.reportRows];
  try {
    // The same functions as the catalog form and the mapping, nested in one outer transaction:
    // Dexie runs each inner transaction inside it, so all of it commits or none does. The valuation
    // of the ledger happens inside it too (it must see the new SKU); a one-off, seller-started write.
    return await withStorageErrors(() =>
      db.transaction('rw', tables, async () => {
        const held = await heldEventsOf(db, codeType, code, marketplace);
        if (held.length > 0) {
          const skuId = await createSku(db, draft, now);
          return { skuId, posted: await postHeldEvents(db, held, skuId, now) };
        }
        // Read before the SKU exists: a new SKU whose code is the seller SKU already resolves it.
        const facts = await reportCodeFacts(db, codeType, code, marketplace);
        if (!facts) return { skuId: null, posted: 0 };
        const skuId = await createSku(db, draft, now);
        await saveCodeListing(db, code, marketplace, facts, skuId);
        return { skuId, posted: 0 };
      }),
    );
  } catch (error) {
    // The block cache may have been given blocks of the aborted write, whose keys a later write
    // can reuse (IndexedDB rolls its key generator back): read them afresh next time.
    blockCacheFor(db).clear();
    throw error;
  }
}

/** Saves the held code's platform code for the SKU and posts its held events as one batch (they leave the queue in its transaction). */
async function postHeldEvents(db: StockPilotDatabase, held: readonly HeldEvent[], skuId: number, now: string): Promise<number> {
  const sample = held[0]!;
  const { codeType, code, marketplace } = sample;
  await saveCodeListing(db, code, marketplace, sample, skuId);
  const location = (await fbaLocations(db)).get(marketplace);
  if (location === undefined) throw new DomainError('location.notFound', { id: marketplace });
  // The listing now holds the code: its units per listing apply, as for a later import.
  const lookup = await codeLookupOf(db);
  const target = (codeType === 'fnsku' ? lookup.byFnsku.get(code) : undefined) ?? sellerSkuTarget(lookup, marketplace, sample.sellerSku || code);
  const unitsPerListing = target?.skuId === skuId ? target.unitsPerListing : 1;
  const columns = emptyColumns(held.length);
  const refIndex = new Map<string, number>();
  let n = 0;
  for (const event of held) {
    const type = movementTypeOfLedgerEvent(event.eventType, event.quantity);
    if (type === null) continue;
    columns.day[n] = dayNumber(event.date);
    columns.skuId[n] = skuId;
    columns.locationId[n] = location;
    columns.qty[n] = event.quantity * unitsPerListing;
    columns.type[n] = TYPE_CODE[type];
    if (event.referenceId) {
      let r = refIndex.get(event.referenceId);
      if (r === undefined) {
        r = columns.refs.length;
        columns.refs.push(event.referenceId);
        refIndex.set(event.referenceId, r);
      }
      columns.ref[n] = r;
    }
    columns.seq[n] = n;
    n++;
  }
  const ids = held.map((h) => h.id);
  const source = held[0]!.batchId;
  await appendMovementBatch(db, { id: `${source}:${codeType}:${code}:${marketplace}`, kind: 'import', label: `${code} (${marketplace})`, createdAt: now }, truncateColumns(columns, n), {
    file: { name: code, sha256: '', reportKind: 'GET_LEDGER_DETAIL_VIEW_DATA', rowCount: n, duplicates: 0, held: 0, rejected: 0 },
    alongside: { tables: [db.heldEvents], write: () => db.heldEvents.bulkDelete(ids) },
  });
  return n;
}

/**
 * Saves a code's platform code for the SKU: the listing of its seller SKU (else the code itself) with
 * the FNSKU and ASIN its rows carry, unless that listing already says so. Refused (nothing saved) when
 * another SKU holds the code.
 */
async function saveCodeListing(db: StockPilotDatabase, code: string, marketplace: string, facts: CodeFacts, skuId: number): Promise<void> {
  const sellerSku = facts.sellerSku || code;
  const existing = await db.listings.where('[marketplace+sellerSkuKey]').equals([marketplace, sellerSku.toUpperCase()]).first();
  // A bundle's seller SKU holds no stock: saving over it is refused as a conflict, never a rewrite.
  const bundle = existing !== undefined && isBundle(existing);
  if (existing && !bundle && existing.skuId === skuId && (!facts.fnsku || existing.fnsku === facts.fnsku)) return;
  // An ASIN a spreadsheet mangled (1.3E+09) is left out rather than refusing the mapping.
  const asin = /^[A-Z0-9]{10}$/i.test(facts.asin) ? facts.asin : '';
  await saveListing(db, { skuId, marketplace, sellerSku, asin, fnsku: facts.fnsku, unitsPerListing: String(existing?.unitsPerListing ?? 1) }, existing?.skuId === skuId && !bundle ? existing.id : undefined);
}
