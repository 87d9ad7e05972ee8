// The queue of codes to map (PRODUCT §1.2): every FNSKU or seller SKU an import met that maps to no
// SKU, with the reports and rows waiting for it. Ledger detail events are held until their code is
// mapped (and then posted); orders and stock reports keep their rows with the raw code and resolve it
// each time they are read, so for them the queue is worked out from what is stored, and saving the
// code's platform code is all it takes for their rows to count. A code leaves the queue once mapped.
import { isBundle, isMarketplace } from '../catalog/catalog';
import { sellerSkuComponents, sellerSkuTarget } from '../ledger/amazonLedger';
import type { CodeTarget, LedgerCodeLookup } from '../ledger/amazonLedger';
import type { IsoDate, PlatformListing } from '../model';
import type { DemandRow } from './demand';
import type { ReservedRow, RestockRow, SnapshotRow } from './stored';
import { latestReservedReports, reservedRowMatcher } from '../planning/reservedUnits';

/** How the queue names a code: as the ledger holds it (FNSKU first, else the seller SKU). */
export type QueueCodeType = 'fnsku' | 'sellerSku';

/** The ledger detail report: where held events come from. */
export const LEDGER_DETAIL_KIND = 'GET_LEDGER_DETAIL_VIEW_DATA';

/** What one row says about the product behind its code: a new SKU is prefilled from it, the platform code saved from it. */
export interface CodeFacts {
  sellerSku: string;
  fnsku: string;
  asin: string;
  title: string;
}

/** A ledger event held for its code (renderer/db/schema.ts HeldEvent), as the queue reads it. */
export type HeldCodeRow = CodeFacts & { codeType: QueueCodeType; code: string; marketplace: string };

/** The stored rows of one report scope, as latestRows reads them. */
export type StoredCodeScope =
  | { kind: 'demand'; reportKind: string; rows: Iterable<DemandRow> }
  | { kind: 'snapshot'; reportKind: string; marketplace: string | null; locationId: number | null; date: IsoDate | null; rows: Iterable<SnapshotRow> }
  | { kind: 'reserved'; reportKind: string; marketplace: string | null; date: IsoDate | null; rows: Iterable<ReservedRow> }
  | { kind: 'restock'; reportKind: string; marketplace: string | null; rows: Iterable<RestockRow> };

/** Rows of one report kind waiting for a code. */
export interface CodeSource {
  reportKind: string;
  rows: number;
}

export interface QueuedCode extends CodeFacts {
  /** `${codeType}|${code}|${marketplace}`: how the page and the worker name the entry. */
  key: string;
  codeType: QueueCodeType;
  /** Upper case, as held events store it. */
  code: string;
  marketplace: string;
  /** Ledger events held for the code (posted when it is mapped). */
  heldEvents: number;
  /** Per report kind, the rows waiting for it; the ledger's held events first. */
  sources: CodeSource[];
}

export function queueKey(codeType: QueueCodeType, code: string, marketplace: string): string {
  return `${codeType}|${code}|${marketplace}`;
}

const upper = (text: string) => text.trim().toUpperCase();

/** Code-point order: the same queue whatever the runtime's locale. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The SKU a snapshot line is for: by FNSKU, then seller SKU in its marketplace, then SKU code. */
export function snapshotTarget(row: SnapshotRow, marketplace: string, lookup: LedgerCodeLookup, skuByCode?: ReadonlyMap<string, number>): CodeTarget | undefined {
  if (row.codeType === 'sku') {
    const skuId = skuByCode?.get(row.code.toUpperCase());
    return skuId !== undefined ? { skuId, unitsPerListing: 1 } : sellerSkuTarget(lookup, marketplace || 'US', row.code);
  }
  return (row.fnsku ? lookup.byFnsku.get(row.fnsku.toUpperCase()) : undefined) ?? (row.sellerSku ? sellerSkuTarget(lookup, marketplace, row.sellerSku) : undefined);
}

/**
 * Reserved units and restock advice match SKUs through the listings of their marketplace only (no
 * SKU-code fallback), so a code counts as mapped for them only when a listing there holds it: for
 * reserved rows by the plan's own matcher (reservedRowMatcher), for restock advice by seller SKU, as
 * the plan's restock lookup reads it.
 */
function listingCodes(listings: readonly Pick<PlatformListing, 'marketplace' | 'sellerSku' | 'fnsku' | 'asin' | 'skuId' | 'components'>[]) {
  // Bundles hold no stock: Amazon reports neither reserved units nor restock advice for them.
  const stocked = listings.filter((l) => !isBundle(l));
  const sellerSkus = new Set(stocked.filter((l) => l.sellerSku.trim()).map((l) => `${l.marketplace}|${upper(l.sellerSku)}`));
  const reservedListing = reservedRowMatcher(stocked);
  return {
    reservedMapped: (marketplace: string, row: ReservedRow) => reservedListing(marketplace, row) !== undefined,
    restockMapped: (marketplace: string, row: RestockRow) => sellerSkus.has(`${marketplace}|${upper(row.sku)}`),
  };
}

/**
 * The queue: held ledger events grouped by code (in the order they were held), then every code of
 * the stored orders, stock snapshots, reserved and restock reports that maps to no SKU the way its
 * reader maps it (sorted). Only the stock that is current is asked about: each location's newest
 * snapshot and each marketplace's newest reserved report (older ones are history). A row whose code
 * is only an ASIN, a warehouse file's own SKU code, or whose marketplace is unknown cannot be mapped
 * to a platform code here and is left out. A report's seller SKU that is also the seller SKU of an
 * FNSKU in the queue joins that FNSKU's entry: saving the one listing maps both.
 */
export function codeQueue(
  held: Iterable<HeldCodeRow>,
  scopes: Iterable<StoredCodeScope>,
  lookup: LedgerCodeLookup,
  listings: readonly Pick<PlatformListing, 'marketplace' | 'sellerSku' | 'fnsku' | 'asin' | 'skuId' | 'components'>[],
): QueuedCode[] {
  const queue = new Map<string, QueuedCode>();
  const entry = (codeType: QueueCodeType, code: string, marketplace: string, facts: CodeFacts): QueuedCode => {
    const key = queueKey(codeType, code, marketplace);
    let found = queue.get(key);
    if (!found) queue.set(key, (found = { key, codeType, code, marketplace, heldEvents: 0, sources: [], sellerSku: '', fnsku: '', asin: '', title: '' }));
    // The first non-blank of each over the rows.
    found.sellerSku ||= facts.sellerSku.trim();
    found.fnsku ||= facts.fnsku.trim();
    found.asin ||= facts.asin.trim();
    found.title ||= facts.title.trim();
    return found;
  };
  const count = (found: QueuedCode, reportKind: string) => {
    const source = found.sources.find((s) => s.reportKind === reportKind);
    if (source) source.rows++;
    else found.sources.push({ reportKind, rows: 1 });
  };
  for (const event of held) {
    const found = entry(event.codeType, event.code, event.marketplace, event);
    found.heldEvents++;
    count(found, LEDGER_DETAIL_KIND);
  }
  const heldCount = queue.size;

  const fromReports = new Map<string, QueuedCode>();
  const report = (reportKind: string, marketplace: string, facts: CodeFacts) => {
    if (!isMarketplace(marketplace)) return;
    const codeType: QueueCodeType = facts.fnsku.trim() ? 'fnsku' : 'sellerSku';
    const code = upper(codeType === 'fnsku' ? facts.fnsku : facts.sellerSku);
    if (!code) return;
    const found = entry(codeType, code, marketplace, facts);
    if (found.heldEvents === 0) fromReports.set(found.key, found);
    count(found, reportKind);
  };
  const latestSnapshot = new Map<string, Extract<StoredCodeScope, { kind: 'snapshot' }>>();
  const reserved: Extract<StoredCodeScope, { kind: 'reserved' }>[] = [];
  const restock: Extract<StoredCodeScope, { kind: 'restock' }>[] = [];
  for (const scope of scopes) {
    if (scope.kind === 'demand') {
      for (const row of scope.rows) {
        if (sellerSkuComponents(lookup, row.marketplace, row.sellerSku) === undefined) report(scope.reportKind, row.marketplace, { sellerSku: row.sellerSku, fnsku: '', asin: row.asin, title: '' });
      }
    } else if (scope.kind === 'snapshot') {
      const where = scope.locationId !== null ? `id:${scope.locationId}` : `m:${scope.marketplace ?? ''}`;
      const before = latestSnapshot.get(where);
      if (!before || (scope.date ?? '') > (before.date ?? '')) latestSnapshot.set(where, scope);
    } else if (scope.kind === 'reserved') reserved.push(scope);
    else restock.push(scope);
  }
  for (const scope of latestSnapshot.values()) {
    const marketplace = scope.marketplace ?? '';
    for (const row of scope.rows) {
      if (row.codeType !== 'fnsku' && row.codeType !== 'sellerSku') continue;
      if (snapshotTarget(row, marketplace, lookup) === undefined) report(scope.reportKind, marketplace, row);
    }
  }
  const { reservedMapped, restockMapped } = listingCodes(listings);
  // Each marketplace's newest reserved report, as the plan picks it.
  for (const [marketplace, scope] of latestReservedReports(reserved)) {
    for (const row of scope.rows) if (!reservedMapped(marketplace, row)) report(scope.reportKind, marketplace, { ...row, title: '' });
  }
  for (const scope of restock) {
    const marketplace = scope.marketplace ?? '';
    for (const row of scope.rows) if (row.sku.trim() !== '' && !restockMapped(marketplace, row)) report(scope.reportKind, marketplace, { sellerSku: row.sku, fnsku: row.fnsku, asin: row.asin, title: row.title });
  }

  // A seller SKU entry (reports only) joins the FNSKU entry whose seller SKU it is.
  const fnskuOfSellerSku = new Map<string, QueuedCode>();
  for (const found of queue.values()) if (found.codeType === 'fnsku' && found.sellerSku) fnskuOfSellerSku.set(`${found.marketplace}|${upper(found.sellerSku)}`, found);
  for (const found of fromReports.values()) {
    if (found.codeType !== 'sellerSku') continue;
    const into = fnskuOfSellerSku.get(`${found.marketplace}|${found.code}`);
    if (!into) continue;
    for (const source of found.sources) {
      const same = into.sources.find((s) => s.reportKind === source.reportKind);
      if (same) same.rows += source.rows;
      else into.sources.push({ ...source });
    }
    into.asin ||= found.asin;
    into.title ||= found.title;
    queue.delete(found.key);
    fromReports.delete(found.key);
  }
  // Held entries were made first and are never merged away, so they still lead, in the order held.
  const all = [...queue.values()];
  const heldFirst = all.slice(0, heldCount);
  const reportsOnly = all.slice(heldCount).sort((a, b) => compareText(a.marketplace, b.marketplace) || compareText(a.code, b.code) || compareText(a.codeType, b.codeType));
  return [...heldFirst, ...reportsOnly];
}
