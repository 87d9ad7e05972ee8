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

/**
 * Builds the plan one event at a time, so a million-row file streams through without keeping a
 * record per row: mapped events go straight into growing typed-array columns.
 */
export class LedgerPlanBuilder {
  private columns = emptyColumns(1024);
  private n = 0;
  private readonly held: HeldLedgerEvent[] = [];
  /** Raw `Country` cell → marketplace code (a handful of values over a million rows). */
  private readonly marketplaceOf = new Map<string, string>();
  private readonly unknownEventRows: number[] = [];
  private readonly marketplaces = new Set<string>();
  private firstDate: string | null = null;
  private lastDate: string | null = null;
  /** Day numbers of the dates seen: a file has a few hundred distinct dates over a million rows. */
  private readonly dayOf = new Map<string, number>();

  /** `fbaLocationOf` gives the FBA location id of a marketplace, or undefined when it has none. */
  constructor(
    private readonly lookup: LedgerCodeLookup,
    private readonly fbaLocationOf: (marketplace: string) => number | undefined,
  ) {}

  add(event: LedgerEventRecord): void {
    let marketplace = this.marketplaceOf.get(event.country);
    if (marketplace === undefined) {
      marketplace = event.country.trim().toUpperCase();
      this.marketplaceOf.set(event.country, marketplace);
      this.marketplaces.add(marketplace);
    }
    if (this.firstDate === null || event.date < this.firstDate) this.firstDate = event.date;
    if (this.lastDate === null || event.date > this.lastDate) this.lastDate = event.date;
    const type = movementTypeOfLedgerEvent(event.eventType, event.quantity);
    if (type === null) {
      this.unknownEventRows.push(event.row);
      return;
    }
    const byFnsku = event.fnsku ? (this.lookup.byFnsku.get(event.fnsku) ?? this.lookup.byFnsku.get(event.fnsku.toUpperCase())) : undefined;
    const target = byFnsku ?? this.lookup.bySellerSku.get(sellerSkuKey(marketplace, event.msku));
    const locationId = this.fbaLocationOf(marketplace);
    if (!target || locationId === undefined) {
      this.held.push({ codeType: event.fnsku ? 'fnsku' : 'sellerSku', code: (event.fnsku || event.msku).toUpperCase(), marketplace, record: event });
      return;
    }
    if (this.n === this.columns.length) this.columns = growColumns(this.columns, this.columns.length * 2);
    const c = this.columns;
    const n = this.n++;
    let day = this.dayOf.get(event.date);
    if (day === undefined) this.dayOf.set(event.date, (day = dayNumber(event.date)));
    c.day[n] = day;
    c.skuId[n] = target.skuId;
    c.locationId[n] = locationId;
    c.qty[n] = event.quantity * target.unitsPerListing;
    c.type[n] = TYPE_CODE[type];
    c.seq[n] = n;
    // References are mostly unique (order ids): one entry per row, no lookup; blocks re-index them.
    if (event.referenceId) {
      c.ref[n] = c.refs.length;
      c.refs.push(event.referenceId);
    }
  }

  finish(): LedgerImportPlan {
    return {
      columns: truncateColumns(this.columns, this.n),
      held: this.held,
      unknownEventRows: this.unknownEventRows,
      marketplaces: [...this.marketplaces].sort(),
      firstDate: this.firstDate,
      lastDate: this.lastDate,
    };
  }
}

export function planLedgerImport(
  events: readonly LedgerEventRecord[],
  lookup: LedgerCodeLookup,
  fbaLocationByMarketplace: ReadonlyMap<string, number>,
): LedgerImportPlan {
  const builder = new LedgerPlanBuilder(lookup, (marketplace) => fbaLocationByMarketplace.get(marketplace));
  for (const event of events) builder.add(event);
  return builder.finish();
}

function growColumns(columns: MovementColumns, capacity: number): MovementColumns {
  const next = emptyColumns(capacity);
  next.day.set(columns.day);
  next.skuId.set(columns.skuId);
  next.locationId.set(columns.locationId);
  next.qty.set(columns.qty);
  next.type.set(columns.type);
  next.unitCostMinor.set(columns.unitCostMinor);
  next.ref.set(columns.ref);
  next.seq.set(columns.seq);
  next.refs = columns.refs;
  return next;
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
  const refHashA = new Float64Array(columns.refs.length);
  const refHashB = new Float64Array(columns.refs.length);
  for (let r = 0; r < columns.refs.length; r++) {
    refHashA[r] = hashString(columns.refs[r]!, 2166136261);
    refHashB[r] = hashString(columns.refs[r]!, 374761393);
  }
  const keys = new Float64Array(columns.length);
  for (let i = 0; i < columns.length; i++) {
    const r = columns.ref[i]!;
    // Unrolled over day, SKU, location, quantity and type: no per-row array in a million-row loop.
    const day = columns.day[i]!;
    const sku = columns.skuId[i]!;
    const location = columns.locationId[i]!;
    const qty = columns.qty[i]!;
    const type = columns.type[i]!;
    let a = mix(mix(mix(mix(mix(2166136261, day), sku), location), qty), type);
    let b = mix(mix(mix(mix(mix(374761393, day * 31 + 7), sku * 31 + 7), location * 31 + 7), qty * 31 + 7), type * 31 + 7);
    a = mix(a, r < 0 ? 0 : refHashA[r]!);
    b = mix(b, r < 0 ? 0 : refHashB[r]!);
    keys[i] = a * 2 ** 21 + (b & 0x1fffff);
  }
  return keys;
}

/**
 * Keeps the movements of `incoming` that are not already in `existing`, counting repeats: if the
 * ledger has an event twice and the file three times, one is new.
 */
export function newMovementsOnly(incoming: MovementColumns, existing: MovementColumns): { columns: MovementColumns; duplicates: number } {
  const seen = new KeyCounter(existing.length);
  for (const key of eventKeys(existing)) seen.add(key);
  const keys = eventKeys(incoming);
  const keep: number[] = [];
  for (let i = 0; i < incoming.length; i++) {
    if (!seen.take(keys[i]!)) keep.push(i);
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

/**
 * A multiset of 53-bit keys in typed arrays with open addressing: at a million keys several times
 * faster than a Map keyed by non-integer numbers.
 */
class KeyCounter {
  private readonly keys: Float64Array;
  private readonly counts: Int32Array;
  /** A slot once used stays used (a count can drop to zero), so probe chains are never cut. */
  private readonly used: Uint8Array;
  private readonly mask: number;

  constructor(expected: number) {
    const size = 2 ** Math.ceil(Math.log2(Math.max(16, expected * 2)));
    this.keys = new Float64Array(size);
    this.counts = new Int32Array(size);
    this.used = new Uint8Array(size);
    this.mask = size - 1;
  }

  private start(key: number): number {
    // Keys are hashes already: their low bits spread well.
    return (key % (this.mask + 1)) | 0;
  }

  add(key: number): void {
    let i = this.start(key);
    while (this.used[i] && this.keys[i] !== key) i = (i + 1) & this.mask;
    this.used[i] = 1;
    this.keys[i] = key;
    this.counts[i] = this.counts[i]! + 1;
  }

  /** Removes one `key` if one is left; true when it was. */
  take(key: number): boolean {
    let i = this.start(key);
    while (this.used[i]) {
      if (this.keys[i] === key) {
        if (this.counts[i] === 0) return false;
        this.counts[i] = this.counts[i]! - 1;
        return true;
      }
      i = (i + 1) & this.mask;
    }
    return false;
  }
}
