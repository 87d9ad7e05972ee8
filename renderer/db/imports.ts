// Importing Amazon reports: preview what a file will do, then apply it in one transaction. Runs in
// the ledger worker (next to the block cache it deduplicates against).
import { DomainError } from '../../shared/errors';
import { dayNumber } from '../../shared/dates';
import { parseReport, sniffReport } from '../../shared/import';
import { readReportStream } from '../../shared/import/stream';
import type { StreamProgress } from '../../shared/import/stream';
import type { ImportProblem, ListingRecord, ReportKind } from '../../shared/import/records';
import { guessListingsMarketplace, proposeListingMappings } from '../../shared/catalog/listingProposals';
import { isMarketplace } from '../../shared/catalog/catalog';
import type { ListingProposal } from '../../shared/catalog/listingProposals';
import type { Marketplace } from '../../shared/model';
import { concatColumns, blockColumns, emptyColumns, TYPE_CODE } from '../../shared/ledger';
import type { MovementColumns } from '../../shared/ledger';
import { LedgerPlanBuilder, movementTypeOfLedgerEvent, newMovementsOnly, sellerSkuKey, truncateColumns } from '../../shared/ledger/amazonLedger';
import type { CodeTarget, HeldLedgerEvent, LedgerCodeLookup } from '../../shared/ledger/amazonLedger';
import type { HeldEvent, ImportBatch, StockPilotDatabase } from './schema';
import { appendMovementBatch, blockCacheFor, readLedgerVersion } from './ledgerStore';
import { withStorageErrors } from './errors';
import { saveListing } from './catalog';

/** Report kinds whose rows StockPilot posts today; the others are previewed and checked only. */
export const APPLIED_KINDS: readonly ReportKind[] = ['GET_LEDGER_DETAIL_VIEW_DATA', 'GET_MERCHANT_LISTINGS_ALL_DATA'];

export interface ImportPreview {
  fileName: string;
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
}

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

async function codeLookup(db: StockPilotDatabase): Promise<LedgerCodeLookup> {
  const listings = await db.listings.toArray();
  const skus = await db.skus.toArray();
  const byFnsku = new Map<string, CodeTarget>();
  const bySellerSku = new Map<string, CodeTarget>();
  for (const listing of listings) {
    const target = { skuId: listing.skuId, unitsPerListing: listing.unitsPerListing };
    if (listing.fnsku) byFnsku.set(listing.fnsku.toUpperCase(), target);
    bySellerSku.set(sellerSkuKey(listing.marketplace, listing.sellerSku), target);
  }
  // A seller SKU equal to one of the seller's own SKU codes maps to it in every marketplace.
  for (const sku of skus) for (const marketplace of ['US', 'CA', 'MX', 'BR', 'UK', 'DE', 'FR', 'IT', 'ES', 'NL', 'SE', 'PL', 'BE', 'JP', 'AU', 'SG', 'AE', 'SA', 'IN', 'TR']) {
    const key = sellerSkuKey(marketplace, sku.code);
    if (!bySellerSku.has(key)) bySellerSku.set(key, { skuId: sku.id, unitsPerListing: 1 });
  }
  return { byFnsku, bySellerSku };
}

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
async function existingLedgerMovements(db: StockPilotDatabase, locationIds: ReadonlySet<number>, firstDay: number, lastDay: number): Promise<MovementColumns> {
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
    const subset = emptyColumns(keep.length);
    subset.refs = columns.refs;
    keep.forEach((i, k) => {
      subset.day[k] = columns.day[i]!;
      subset.skuId[k] = columns.skuId[i]!;
      subset.locationId[k] = columns.locationId[i]!;
      subset.qty[k] = columns.qty[i]!;
      subset.type[k] = columns.type[i]!;
      subset.ref[k] = columns.ref[i]!;
    });
    parts.push(subset);
  }
  return concatColumns(parts);
}

interface PreparedImport {
  preview: ImportPreview;
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
}

/**
 * The last prepared file, so Apply right after Preview does not read a 100 MB file twice. It is
 * reused only for the same database, bytes, ledger version and code mappings and locations.
 */
let lastPrepared: { key: string; prepared: PreparedImport } | null = null;

/** A fingerprint of everything a plan depends on besides the ledger: code mappings and FBA locations. */
function catalogSignature(lookup: LedgerCodeLookup, locations: ReadonlyMap<string, number>): string {
  let h = 2166136261;
  const add = (text: string) => {
    for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619) >>> 0;
  };
  for (const [code, target] of lookup.byFnsku) add(`f${code}:${target.skuId}x${target.unitsPerListing};`);
  for (const [code, target] of lookup.bySellerSku) add(`s${code}:${target.skuId}x${target.unitsPerListing};`);
  for (const [marketplace, id] of locations) add(`l${marketplace}:${id};`);
  return `${h}:${lookup.byFnsku.size}:${lookup.bySellerSku.size}:${locations.size}`;
}

export interface ImportOptions {
  /** For All Listings files: the marketplace their seller SKUs belong to. */
  marketplace?: Marketplace;
}

async function prepare(db: StockPilotDatabase, fileName: string, bytes: Uint8Array, control: TaskControl = {}, options: ImportOptions = {}): Promise<PreparedImport> {
  const sha256 = await sha256Hex(bytes);
  const [version, lookup, locations] = await Promise.all([readLedgerVersion(db), codeLookup(db), fbaLocations(db)]);
  const cacheKey = `${db.name}|${sha256}|${version.version}|${catalogSignature(lookup, locations)}|${options.marketplace ?? ''}`;
  if (lastPrepared?.key === cacheKey) return { ...lastPrepared.prepared, preview: { ...lastPrepared.prepared.preview, fileName } };
  const sniffed = sniffReport(bytes);
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
  const empty = { columns: emptyColumns(0), held: [], heldKeys: [], releasedHeldIds: [] };
  if (sniffed.kind !== 'GET_LEDGER_DETAIL_VIEW_DATA') {
    // Other reports are small: read them whole for the preview.
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
    if (parsed.kind === 'GET_MERCHANT_LISTINGS_ALL_DATA' && !problems.some((p) => p.severity === 'error' && p.row === undefined)) {
      const records = parsed.records.filter((r): r is ListingRecord => r.type === 'listing');
      const marketplace = options.marketplace ?? guessListingsMarketplace(records);
      const proposals = proposeListingMappings(records, marketplace, await db.skus.toArray(), await db.listings.toArray());
      preview.listings = { marketplace, proposals };
      preview.canApply = proposals.some((p) => p.status === 'new');
    }
    return { preview, ...empty };
  }

  const heldByKey = new Map<string, number[]>();
  for (const held of await db.heldEvents.toArray()) heldByKey.set(held.eventKey, [...(heldByKey.get(held.eventKey) ?? []), held.id]);
  const releasedHeldIds: number[] = [];
  // Marketplaces without an FBA location get one on apply; until then they plan with a placeholder id.
  const provisional = new Map(locations);
  const builder = new LedgerPlanBuilder(lookup, (marketplace) => {
    // A Country StockPilot does not know as a marketplace gets no location: its events are held.
    if (!provisional.has(marketplace) && isMarketplace(marketplace)) provisional.set(marketplace, -(provisional.size + 1));
    return provisional.get(marketplace);
  });
  const read = await readReportStream(bytes, {
    onRecord: (record) => {
      if (record.type !== 'ledgerEvent') return;
      // An event held by an earlier import whose code is mapped now posts from this file, so the
      // held copy is released (deleted on apply) rather than posted a second time later.
      if (heldByKey.size > 0) {
        const marketplace = record.country.trim().toUpperCase();
        const mapped = ((record.fnsku ? lookup.byFnsku.get(record.fnsku.toUpperCase()) : undefined) ?? lookup.bySellerSku.get(sellerSkuKey(marketplace, record.msku))) !== undefined;
        if (mapped) {
          const key = heldKey({ codeType: record.fnsku ? 'fnsku' : 'sellerSku', code: (record.fnsku || record.msku).toUpperCase(), marketplace, record });
          const ids = heldByKey.get(key);
          const id = ids?.pop();
          if (id !== undefined) releasedHeldIds.push(id);
        }
      }
      builder.add(record);
    },
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
    canApply: columns.length + freshHeld.length > 0,
    marketplaces: plan.marketplaces,
    firstDate: plan.firstDate,
    lastDate: plan.lastDate,
    newMovements: columns.length,
    duplicates,
    held: freshHeld.length,
    heldCodes: [...new Set(freshHeld.map((h) => `${h.code} (${h.marketplace})`))],
    newLocations,
  };
  const prepared = { preview: { ...preview, canApply: preview.canApply || releasedHeldIds.length > 0 }, columns, held: freshHeld, heldKeys: freshKeys, releasedHeldIds };
  lastPrepared = { key: cacheKey, prepared };
  return prepared;
}

export async function previewImport(db: StockPilotDatabase, fileName: string, bytes: Uint8Array, control: TaskControl = {}, options: ImportOptions = {}): Promise<ImportPreview> {
  return withStorageErrors(async () => (await prepare(db, fileName, bytes, control, options)).preview);
}

export interface ImportResult {
  preview: ImportPreview;
  /** The batch written, or null when the file brought nothing new. */
  batch: ImportBatch | null;
}

/** Applies a file: creates missing FBA locations, posts new movements and holds unmapped ones, atomically. */
export async function applyImport(db: StockPilotDatabase, fileName: string, bytes: Uint8Array, now: string, control: TaskControl = {}, options: ImportOptions = {}): Promise<ImportResult> {
  let prepared = await prepare(db, fileName, bytes, control, options);
  const { preview } = prepared;
  if (!APPLIED_KINDS.includes(preview.kind as ReportKind) || preview.problems.some((p) => p.severity === 'error' && p.row === undefined)) {
    throw new DomainError('import.notApplicable', { file: fileName });
  }
  if (!preview.canApply) return { preview, batch: null };
  if (preview.listings) {
    const { marketplace, proposals } = preview.listings;
    // All of the file's new codes or none: a conflict with another SKU's code refuses the file.
    await withStorageErrors(() =>
      db.transaction('rw', db.listings, db.skus, async () => {
        for (const proposal of proposals) {
          if (proposal.status !== 'new' || proposal.skuId === null) continue;
          await saveListing(db, { skuId: proposal.skuId, marketplace, sellerSku: proposal.sellerSku, asin: /^[A-Z0-9]{10}$/i.test(proposal.asin) ? proposal.asin : '', fnsku: '', unitsPerListing: '1' });
        }
      }),
    );
    return { preview, batch: null };
  }
  if (preview.newLocations.length > 0) {
    await withStorageErrors(() =>
      db.transaction('rw', db.locations, async () => {
        for (const marketplace of preview.newLocations) {
          if (isMarketplace(marketplace)) await db.locations.add({ name: `FBA ${marketplace}`, kind: 'fba', marketplace, archived: false });
        }
      }),
    );
    // Location ids changed: plan again with the real ones.
    lastPrepared = null;
    prepared = await prepare(db, fileName, bytes, control, options);
  }
  const batchId = `import-${now}-${preview.sha256.slice(0, 8)}`;
  const file = {
    name: fileName,
    sha256: preview.sha256,
    reportKind: preview.kind ?? '',
    rowCount: preview.rowCount,
    duplicates: prepared.preview.duplicates,
    held: prepared.held.length,
    rejected: preview.rejectedRows,
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
  if (prepared.columns.length > 0) {
    const batch = await appendMovementBatch(db, { id: batchId, kind: 'import', label, createdAt: now }, prepared.columns, {
      file,
      alongside: {
        tables: [db.heldEvents],
        write: async () => {
          await db.heldEvents.bulkDelete(prepared.releasedHeldIds);
          await db.heldEvents.bulkAdd(heldRows);
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
    file,
  };
  await withStorageErrors(() =>
    db.transaction('rw', [db.batches, db.heldEvents], async () => {
      await db.batches.add(record);
      await db.heldEvents.bulkDelete(prepared.releasedHeldIds);
      await db.heldEvents.bulkAdd(heldRows);
    }),
  );
  return { preview: prepared.preview, batch: record };
}

/**
 * Maps a held code to a SKU and posts its held events: saves the platform code (refused, with
 * nothing posted, when it conflicts with another SKU's) and then posts the events as one batch.
 */
export async function mapHeldCode(db: StockPilotDatabase, codeType: HeldEvent['codeType'], code: string, marketplace: string, skuId: number, now: string): Promise<number> {
  const held = await db.heldEvents.where('[codeType+code+marketplace]').equals([codeType, code, marketplace]).toArray();
  if (held.length === 0) return 0;
  const sample = held[0]!;
  const existing = await db.listings.where('[marketplace+sellerSkuKey]').equals([marketplace, sample.sellerSku.toUpperCase()]).first();
  if (!existing || existing.skuId !== skuId || (sample.fnsku && existing.fnsku !== sample.fnsku)) {
    await saveListing(
      db,
      { skuId, marketplace, sellerSku: sample.sellerSku || code, asin: sample.asin, fnsku: sample.fnsku, unitsPerListing: String(existing?.unitsPerListing ?? 1) },
      existing?.skuId === skuId ? existing.id : undefined,
    );
  }
  const location = (await fbaLocations(db)).get(marketplace);
  if (location === undefined) throw new DomainError('location.notFound', { id: marketplace });
  // The listing now holds the code: its units per listing apply, as for a later import.
  const lookup = await codeLookup(db);
  const target = (codeType === 'fnsku' ? lookup.byFnsku.get(code) : undefined) ?? lookup.bySellerSku.get(sellerSkuKey(marketplace, sample.sellerSku || code));
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

