// Amazon's Inventory Ledger (detail) as StockPilot movements at the FBA location of each
// marketplace. Rows whose FNSKU / seller SKU maps to no SKU are held, not dropped, until the seller
// maps the code. Re-imports and overlapping files are deduplicated as multisets of event keys, so
// the same event is never counted twice while genuinely repeated events are kept.
import { dayNumber } from '../dates';
import type { MovementType } from '../model';
import type { LedgerEventRecord } from '../import/records';
import { emptyColumns, TYPE_CODE } from './columns';
import type { MovementColumns } from './columns';

export interface CodeTarget {
  skuId: number;
  /** Units of the SKU in one unit of the listing (a 2-pack is 2). */
  unitsPerListing: number;
}

export interface LedgerCodeLookup {
  byFnsku: ReadonlyMap<string, CodeTarget>;
  /** Key: `${marketplace}|${SELLER-SKU uppercase}`. */
  bySellerSku: ReadonlyMap<string, CodeTarget>;
}

export function sellerSkuKey(marketplace: string, sellerSku: string): string {
  return `${marketplace}|${sellerSku.trim().toUpperCase()}`;
}

/** What an Amazon ledger event becomes in the StockPilot ledger. */
export function movementTypeOfLedgerEvent(eventType: string, quantity: number): MovementType | null {
  switch (eventType) {
    case 'Receipts':
      // Stock arriving at FBA from an inbound shipment.
      return quantity >= 0 ? 'transfer_in' : 'transfer_out';
    case 'Shipments':
      return quantity <= 0 ? 'sale' : 'customer_return';
    case 'CustomerReturns':
      return 'customer_return';
    case 'WhseTransfers':
      // Moves between fulfilment centres of one marketplace: out and in at the same location.
      return quantity < 0 ? 'transfer_out' : 'transfer_in';
    case 'VendorReturns':
      return 'removal';
    case 'Adjustments':
      return 'adjustment';
    default:
      return null;
  }
}

export interface HeldLedgerEvent {
  /** The code that maps to no SKU: the FNSKU when there is one, else the seller SKU. */
  codeType: 'fnsku' | 'sellerSku';
  code: string;
  marketplace: string;
  record: LedgerEventRecord;
}

export interface LedgerImportPlan {
  /** Mapped movements, in file order (appendMovementBatch sorts them by day). */
  columns: MovementColumns;
  held: HeldLedgerEvent[];
  /** Rows skipped because Amazon used an event type StockPilot does not know (row numbers). */
  unknownEventRows: number[];
  marketplaces: string[];
  firstDate: string | null;
  lastDate: string | null;
}

export function planLedgerImport(
  events: readonly LedgerEventRecord[],
  lookup: LedgerCodeLookup,
  fbaLocationByMarketplace: ReadonlyMap<string, number>,
): LedgerImportPlan {
  const columns = emptyColumns(events.length);
  const refIndex = new Map<string, number>();
  const held: HeldLedgerEvent[] = [];
  const unknownEventRows: number[] = [];
  const marketplaces = new Set<string>();
  let n = 0;
  let firstDate: string | null = null;
  let lastDate: string | null = null;
  for (const event of events) {
    const marketplace = event.country.trim().toUpperCase();
    marketplaces.add(marketplace);
    if (firstDate === null || event.date < firstDate) firstDate = event.date;
    if (lastDate === null || event.date > lastDate) lastDate = event.date;
    const type = movementTypeOfLedgerEvent(event.eventType, event.quantity);
    if (type === null) {
      unknownEventRows.push(event.row);
      continue;
    }
    const target = (event.fnsku ? lookup.byFnsku.get(event.fnsku.toUpperCase()) : undefined) ?? lookup.bySellerSku.get(sellerSkuKey(marketplace, event.msku));
    const locationId = fbaLocationByMarketplace.get(marketplace);
    if (!target || locationId === undefined) {
      held.push({ codeType: event.fnsku ? 'fnsku' : 'sellerSku', code: (event.fnsku || event.msku).toUpperCase(), marketplace, record: event });
      continue;
    }
    columns.day[n] = dayNumber(event.date);
    columns.skuId[n] = target.skuId;
    columns.locationId[n] = locationId;
    columns.qty[n] = event.quantity * target.unitsPerListing;
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
  return { columns: truncateColumns(columns, n), held, unknownEventRows, marketplaces: [...marketplaces].sort(), firstDate, lastDate };
}

export function truncateColumns(columns: MovementColumns, length: number): MovementColumns {
  if (length === columns.length) return columns;
  return {
    length,
    day: columns.day.slice(0, length),
    skuId: columns.skuId.slice(0, length),
    locationId: columns.locationId.slice(0, length),
    qty: columns.qty.slice(0, length),
    type: columns.type.slice(0, length),
    unitCostMinor: columns.unitCostMinor.slice(0, length),
    ref: columns.ref.slice(0, length),
    seq: columns.seq.slice(0, length),
    refs: columns.refs,
  };
}

/** FNV-1a over a string, for event keys. */
function hashString(text: string, seed: number): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 16777619) >>> 0;
  }
  return h;
}

function mix(h: number, value: number): number {
  h ^= value | 0;
  h = Math.imul(h, 16777619) >>> 0;
  h ^= Math.floor(value / 4294967296) | 0;
  return Math.imul(h, 16777619) >>> 0;
}

/**
 * A 53-bit key per movement from what identifies an imported event: day, SKU, location, signed
 * quantity, type and reference. Two events with equal keys are the same event or a true repeat.
 */
export function eventKeys(columns: MovementColumns): Float64Array {
  const refHashes = columns.refs.map((ref) => [hashString(ref, 2166136261), hashString(ref, 374761393)] as const);
  const keys = new Float64Array(columns.length);
  for (let i = 0; i < columns.length; i++) {
    const r = columns.ref[i]!;
    let a = 2166136261;
    let b = 374761393;
    for (const value of [columns.day[i]!, columns.skuId[i]!, columns.locationId[i]!, columns.qty[i]!, columns.type[i]!]) {
      a = mix(a, value);
      b = mix(b, value * 31 + 7);
    }
    a = mix(a, r < 0 ? 0 : refHashes[r]![0]);
    b = mix(b, r < 0 ? 0 : refHashes[r]![1]);
    keys[i] = a * 2 ** 21 + (b & 0x1fffff);
  }
  return keys;
}

/**
 * Keeps the movements of `incoming` that are not already in `existing`, counting repeats: if the
 * ledger has an event twice and the file three times, one is new.
 */
export function newMovementsOnly(incoming: MovementColumns, existing: MovementColumns): { columns: MovementColumns; duplicates: number } {
  const seen = new Map<number, number>();
  for (const key of eventKeys(existing)) seen.set(key, (seen.get(key) ?? 0) + 1);
  const keys = eventKeys(incoming);
  const keep: number[] = [];
  for (let i = 0; i < incoming.length; i++) {
    const count = seen.get(keys[i]!) ?? 0;
    if (count > 0) seen.set(keys[i]!, count - 1);
    else keep.push(i);
  }
  if (keep.length === incoming.length) return { columns: incoming, duplicates: 0 };
  const out = emptyColumns(keep.length);
  out.refs = incoming.refs;
  keep.forEach((i, k) => {
    out.day[k] = incoming.day[i]!;
    out.skuId[k] = incoming.skuId[i]!;
    out.locationId[k] = incoming.locationId[i]!;
    out.qty[k] = incoming.qty[i]!;
    out.type[k] = incoming.type[i]!;
    out.unitCostMinor[k] = incoming.unitCostMinor[i]!;
    out.ref[k] = incoming.ref[i]!;
    out.seq[k] = k;
  });
  return { columns: out, duplicates: incoming.length - keep.length };
}
