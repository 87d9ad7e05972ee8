// Amazon's Inventory Ledger (detail) as StockPilot movements at the FBA location of each
// marketplace. Rows whose FNSKU / seller SKU maps to no SKU are held, not dropped, until the seller
// maps the code. Re-imports and overlapping files are deduplicated as multisets of event keys, so
// the same event is never counted twice while genuinely repeated events are kept.
import { dayNumber } from '../dates';
import type { MovementType } from '../model';
import type { LedgerEventRecord } from '../import/records';
import { LEDGER_EVENT_TYPES } from '../import/records';
import type { ColumnMap, IdentifiedReport } from '../import/headers';
import type { RawRow } from '../import/splitter';
import { isLedgerDateTime, isoDateOfKey, mdyDateKey, ownString, plainInteger } from '../import/values';
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
  /**
   * Key: one of the seller's own SKU codes, uppercase. A seller SKU equal to it maps to that SKU in
   * every marketplace where no listing says otherwise (looked up on a miss, not expanded per marketplace).
   */
  bySkuCode?: ReadonlyMap<string, CodeTarget>;
  /**
   * Key as `bySellerSku`: bundle listings and their components. Only sales resolve through them
   * (`sellerSkuComponents`): a bundle holds no stock, so stock codes (ledger, snapshots) never do.
   */
  bundlesBySellerSku?: ReadonlyMap<string, readonly CodeTarget[]>;
}

export function sellerSkuKey(marketplace: string, sellerSku: string): string {
  return `${marketplace}|${sellerSku.trim().toUpperCase()}`;
}

/** The SKU a seller SKU in a marketplace is for: its listing there, else the SKU with that code. */
export function sellerSkuTarget(lookup: LedgerCodeLookup, marketplace: string, sellerSku: string): CodeTarget | undefined {
  return lookup.bySellerSku.get(sellerSkuKey(marketplace, sellerSku)) ?? lookup.bySkuCode?.get(sellerSku.trim().toUpperCase());
}

/**
 * The SKUs one unit sold of a seller SKU draws down (PRODUCT §1.2): a bundle's components, each with its
 * units per bundle; else the one SKU of `sellerSkuTarget`; undefined when the code maps to nothing.
 */
export function sellerSkuComponents(lookup: LedgerCodeLookup, marketplace: string, sellerSku: string): readonly CodeTarget[] | undefined {
  const bundle = lookup.bundlesBySellerSku?.get(sellerSkuKey(marketplace, sellerSku));
  if (bundle !== undefined) return bundle;
  const target = sellerSkuTarget(lookup, marketplace, sellerSku);
  return target === undefined ? undefined : [target];
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
 * A read-only string-keyed table with open addressing over typed arrays and an FNV-1a hash computed
 * here. A Map lookup with a string just cut from a file must first hash that string inside V8,
 * which in Chromium costs several times more than this loop over its ten-odd characters.
 */
class StringTable<V> {
  private readonly keys: string[] = [];
  private readonly values: V[] = [];
  private readonly hashes: Int32Array;
  private readonly slots: Int32Array;
  private readonly mask: number;

  constructor(entries: ReadonlyMap<string, V>) {
    const size = 2 ** Math.ceil(Math.log2(Math.max(16, entries.size * 2)));
    this.slots = new Int32Array(size).fill(-1);
    this.hashes = new Int32Array(entries.size);
    this.mask = size - 1;
    for (const [key, value] of entries) {
      const h = hashText(key);
      let slot = h & this.mask;
      while (this.slots[slot]! >= 0) slot = (slot + 1) & this.mask;
      this.slots[slot] = this.keys.length;
      this.hashes[this.keys.length] = h;
      this.keys.push(key);
      this.values.push(value);
    }
  }

  /** The value of the key text[start, end), read in place (no string made). */
  getRange(text: string, start: number, end: number): V | undefined {
    const h = hashRange(text, start, end);
    let slot = h & this.mask;
    for (;;) {
      const at = this.slots[slot]!;
      if (at < 0) return undefined;
      if (this.hashes[at] === h && rangeIs(text, start, end, this.keys[at]!)) return this.values[at];
      slot = (slot + 1) & this.mask;
    }
  }

  get(key: string): V | undefined {
    const h = hashText(key);
    let slot = h & this.mask;
    for (;;) {
      const at = this.slots[slot]!;
      if (at < 0) return undefined;
      if (this.hashes[at] === h && this.keys[at] === key) return this.values[at];
      slot = (slot + 1) & this.mask;
    }
  }
}

function hashRange(text: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h;
}

/** A cell (or an absent column, k < 0) whose quotes needed no undoing and with no space or control character at an edge. */
function plainCell(raw: RawRow, k: number): boolean {
  if (k < 0) return true;
  if (raw.value[k] !== undefined) return false;
  const from = raw.start[k]!;
  const to = raw.end[k]!;
  if (from === to) return true;
  const first = raw.text.charCodeAt(from);
  const last = raw.text.charCodeAt(to - 1);
  return first > 32 && first < 127 && last > 32 && last < 127;
}

function emptyCell(raw: RawRow, k: number): boolean {
  return k < 0 || (raw.value[k] === undefined && raw.start[k] === raw.end[k]);
}

function emptyOrPlainInteger(raw: RawRow, k: number): boolean {
  return emptyCell(raw, k) || (plainCell(raw, k) && !Number.isNaN(plainInteger(raw.text, raw.start[k]!, raw.end[k]!)));
}

function hasPlus(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (text.charCodeAt(i) === 43) return true;
  return false;
}

/** Whether text[start, end) is exactly `value`. */
function rangeIs(text: string, start: number, end: number, value: string): boolean {
  if (end - start !== value.length) return false;
  for (let i = 0; i < value.length; i++) if (text.charCodeAt(start + i) !== value.charCodeAt(i)) return false;
  return true;
}

function hashText(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h;
}

interface CountryEntry {
  /** The raw `Country` cell. */
  text: string;
  marketplace: string;
  /** Whether locationId was asked for yet. */
  located: boolean;
  locationId: number | undefined;
}

/**
 * Builds the plan one event at a time, so a million-row file streams through without keeping a
 * record per row: mapped events go straight into growing typed-array columns.
 */
export class LedgerPlanBuilder {
  private columns: MovementColumns;
  private n = 0;
  private readonly held: HeldLedgerEvent[] = [];
  /** Raw `Country` cell → marketplace code and its FBA location (a handful of values over a million rows). */
  private readonly countries = new Map<string, CountryEntry>();
  private lastCountry: CountryEntry | null = null;
  private readonly unknownEventRows: number[] = [];
  private readonly marketplaces = new Set<string>();
  private firstDate: string | null = null;
  private lastDate: string | null = null;
  /** Day numbers of the dates seen: a file has a few hundred distinct dates over a million rows. */
  private readonly dayOf = new Map<string, number>();

  /** lookup.byFnsku as a StringTable: a million lookups of fresh cell strings cost far less. */
  private readonly fnskus: StringTable<CodeTarget>;

  /**
   * `fbaLocationOf` gives the FBA location id of a marketplace, or undefined when it has none; it
   * is asked once per `Country` value. `lookup` is read when the builder is made. `expectedRows`
   * (e.g. estimateRowCount of the file) sizes the columns once, instead of doubling them from small:
   * at a million rows the doublings leave as much garbage as the columns themselves.
   */
  constructor(
    private readonly lookup: LedgerCodeLookup,
    private readonly fbaLocationOf: (marketplace: string) => number | undefined,
    expectedRows = 1024,
  ) {
    this.fnskus = new StringTable(lookup.byFnsku);
    this.columns = emptyColumns(Math.max(1024, Math.ceil(expectedRows)));
  }

  add(event: LedgerEventRecord): void {
    // Rows of one Country follow each other: comparing with the last one spares hashing the cell.
    let country = this.lastCountry;
    if (country === null || event.country !== country.text) {
      country = this.countries.get(event.country) ?? null;
      if (country === null) {
        const marketplace = event.country.trim().toUpperCase();
        country = { text: event.country, marketplace, located: false, locationId: undefined };
        this.countries.set(event.country, country);
        this.marketplaces.add(marketplace);
      }
      this.lastCountry = country;
    }
    const marketplace = country.marketplace;
    const date = event.date;
    if (this.firstDate === null || date < this.firstDate) this.firstDate = date;
    if (this.lastDate === null || date > this.lastDate) this.lastDate = date;
    const type = movementTypeOfLedgerEvent(event.eventType, event.quantity);
    if (type === null) {
      this.unknownEventRows.push(event.row);
      return;
    }
    const fnsku = event.fnsku;
    const byFnsku = fnsku ? (this.fnskus.get(fnsku) ?? this.fnskus.get(fnsku.toUpperCase())) : undefined;
    const target = byFnsku ?? sellerSkuTarget(this.lookup, marketplace, event.msku);
    if (!country.located) {
      // Asked once per Country value, when its first movement needs it.
      country.locationId = this.fbaLocationOf(marketplace);
      country.located = true;
    }
    const locationId = country.locationId;
    if (!target || locationId === undefined) {
      this.held.push({ codeType: fnsku ? 'fnsku' : 'sellerSku', code: (fnsku || event.msku).toUpperCase(), marketplace, record: event });
      return;
    }
    this.addMovement(date, target, locationId, event.quantity, type, event.referenceId);
  }

  /** Appends one mapped movement (the end of `add`, shared with the fast path). */
  private addMovement(date: string, target: CodeTarget, locationId: number, quantity: number, type: MovementType, referenceId: string): void {
    if (this.n === this.columns.length) this.columns = growColumns(this.columns, this.columns.length * 2);
    const c = this.columns;
    const n = this.n++;
    let day = this.dayOf.get(date);
    if (day === undefined) this.dayOf.set(date, (day = dayNumber(date)));
    c.day[n] = day;
    c.skuId[n] = target.skuId;
    c.locationId[n] = locationId;
    c.qty[n] = quantity * target.unitsPerListing;
    c.type[n] = TYPE_CODE[type];
    c.seq[n] = n;
    // References are mostly unique (order ids): one entry per row, no lookup; blocks re-index them.
    // Each is copied out of the file's text (see ownString) as the plan outlives the read.
    if (referenceId) {
      c.ref[n] = c.refs.length;
      c.refs.push(ownString(referenceId));
    }
  }

  /**
   * The fast path for a report's rows (readReportStream's `fastRows`): a ledger row taken straight
   * from the splitter's offsets, with no cell strings and no record made. It takes only a plain row
   * that `add` would take the same way after mapping it without a problem: every cell it reads is
   * unquoted text with no edge spaces, the date is `MM/DD/YYYY`, numbers are plain integers, the
   * Date and Time is in the ledger's own form or blank, the FNSKU is uppercase and maps to a SKU,
   * the Country is the last row's and has a location, and Reason is blank (so the row makes no
   * claims row). Anything else returns false and goes the record way, as does every row of other
   * reports. Tests hold both ways to the same plan, problems and held rows.
   */
  fastRows(report: IdentifiedReport): ((raw: RawRow) => boolean) | null {
    if (report.kind !== 'GET_LEDGER_DETAIL_VIEW_DATA') return null;
    const c: ColumnMap<'GET_LEDGER_DETAIL_VIEW_DATA'> = report.columns;
    let lastType: string = LEDGER_EVENT_TYPES[0];
    return (raw) => {
      const text = raw.text;
      const { start, end } = raw;
      if (!emptyCell(raw, c.reason)) return false;
      const country = this.lastCountry;
      if (country === null || !country.located || country.locationId === undefined) return false;
      if (c.country >= 0 ? !(plainCell(raw, c.country) && rangeIs(text, start[c.country]!, end[c.country]!, country.text)) : country.text !== '') return false;
      if (!plainCell(raw, c.date)) return false;
      const dateKey = mdyDateKey(text, start[c.date]!, end[c.date]!);
      if (dateKey < 0) return false;
      if (!plainCell(raw, c.eventType)) return false;
      const typeFrom = start[c.eventType]!;
      const typeTo = end[c.eventType]!;
      if (!rangeIs(text, typeFrom, typeTo, lastType)) {
        let found: string | undefined;
        for (const t of LEDGER_EVENT_TYPES) if (rangeIs(text, typeFrom, typeTo, t)) found = t;
        if (found === undefined) return false;
        lastType = found;
      }
      if (!plainCell(raw, c.quantity)) return false;
      const quantity = plainInteger(text, start[c.quantity]!, end[c.quantity]!);
      if (Number.isNaN(quantity)) return false;
      if (!emptyOrPlainInteger(raw, c.reconciledQuantity) || !emptyOrPlainInteger(raw, c.unreconciledQuantity)) return false;
      if (!emptyCell(raw, c.dateTime) && !(plainCell(raw, c.dateTime) && isLedgerDateTime(text, start[c.dateTime]!, end[c.dateTime]!))) return false;
      // No `+`: the record way would warn of an identifier a spreadsheet turned into `1.2E+09`.
      if (!plainCell(raw, c.asin) || (c.asin >= 0 && hasPlus(text, start[c.asin]!, end[c.asin]!))) return false;
      if (!plainCell(raw, c.fnsku) || emptyCell(raw, c.fnsku)) return false;
      const fnskuFrom = start[c.fnsku]!;
      const fnskuTo = end[c.fnsku]!;
      for (let i = fnskuFrom; i < fnskuTo; i++) {
        const ch = text.charCodeAt(i);
        if (!((ch >= 48 && ch <= 57) || (ch >= 65 && ch <= 90))) return false;
      }
      const target = this.fnskus.getRange(text, fnskuFrom, fnskuTo);
      if (target === undefined) return false;
      const type = movementTypeOfLedgerEvent(lastType, quantity);
      if (type === null || !plainCell(raw, c.referenceId)) return false;
      const date = isoDateOfKey(dateKey);
      if (this.firstDate === null || date < this.firstDate) this.firstDate = date;
      if (this.lastDate === null || date > this.lastDate) this.lastDate = date;
      this.addMovement(date, target, country.locationId, quantity, type, raw.cell(c.referenceId));
      return true;
    };
  }

  finish(): LedgerImportPlan {
    // Views rather than copies when little capacity is unused: no second set of columns at the peak.
    const spare = this.columns.length - this.n;
    return {
      columns: spare <= this.columns.length / 4 ? viewColumns(this.columns, this.n) : truncateColumns(this.columns, this.n),
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

/** The first `length` movements as views over the same buffers (no copy). */
function viewColumns(columns: MovementColumns, length: number): MovementColumns {
  if (length === columns.length) return columns;
  return {
    length,
    day: columns.day.subarray(0, length),
    skuId: columns.skuId.subarray(0, length),
    locationId: columns.locationId.subarray(0, length),
    qty: columns.qty.subarray(0, length),
    type: columns.type.subarray(0, length),
    unitCostMinor: columns.unitCostMinor.subarray(0, length),
    ref: columns.ref.subarray(0, length),
    seq: columns.seq.subarray(0, length),
    refs: columns.refs,
  };
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

/** Two independent 32-bit hashes of a string (FNV-1a with two seeds), in one pass over its characters. */
function hashRefs(refs: readonly string[]): { a: Int32Array; b: Int32Array } {
  const a = new Int32Array(refs.length);
  const b = new Int32Array(refs.length);
  for (let r = 0; r < refs.length; r++) {
    const text = refs[r]!;
    let ha = 0x811c9dc5;
    let hb = 0x165667b1;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      ha = Math.imul(ha ^ c, 0x01000193);
      hb = Math.imul(hb ^ c, 0x01000193);
    }
    // FNV-1a from two offset bases gives correlated hashes; finalising one of them decorrelates the two.
    a[r] = ha;
    b[r] = fmix(hb ^ 0x5bd1e995);
  }
  return { a, b };
}

/** MurmurHash3's finaliser: every input bit reaches every output bit. */
function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/**
 * A 53-bit key per movement from what identifies an imported event: day, SKU, location, signed
 * quantity, type and reference (its text, not its index). Two events with equal keys are the same
 * event or a true repeat. Two independent 32-bit hashes (different seeds, multipliers and field
 * order), each a multiply–xorshift chain with a full finaliser; integer arithmetic only, written
 * out in the loop (no calls, no per-row allocation or string building).
 */
export function eventKeys(columns: MovementColumns): Float64Array {
  const refHash = hashRefs(columns.refs);
  const keys = new Float64Array(columns.length);
  const { day, skuId, locationId, qty, type, ref } = columns;
  for (let i = 0; i < columns.length; i++) {
    const r = ref[i]!;
    const q = qty[i]!;
    // Whole units in two 32-bit halves (the high half is the sign for everyday quantities).
    const qLow = q | 0;
    const qHigh = Math.floor(q / 4294967296) | 0;
    const refA = r < 0 ? 0 : refHash.a[r]!;
    const refB = r < 0 ? 0 : refHash.b[r]!;
    let a = Math.imul(0x2545f491 ^ day[i]!, 0x9e3779b1);
    a = Math.imul(a ^ (a >>> 15) ^ skuId[i]!, 0x85ebca77);
    a = Math.imul(a ^ (a >>> 13) ^ locationId[i]!, 0xc2b2ae3d);
    a = Math.imul(a ^ (a >>> 16) ^ qLow, 0x27d4eb2f);
    a = Math.imul(a ^ (a >>> 15) ^ qHigh, 0x165667b1);
    a = Math.imul(a ^ (a >>> 13) ^ type[i]!, 0x9e3779b1);
    a = fmix(Math.imul(a ^ (a >>> 16) ^ refA, 0x85ebca77));
    let b = Math.imul(0x6a09e667 ^ refB, 0xcc9e2d51);
    b = Math.imul(b ^ (b >>> 15) ^ type[i]!, 0x1b873593);
    b = Math.imul(b ^ (b >>> 13) ^ qHigh, 0xe6546b64 | 1);
    b = Math.imul(b ^ (b >>> 16) ^ qLow, 0x2c1b3c6d);
    b = Math.imul(b ^ (b >>> 15) ^ locationId[i]!, 0x297a2d39);
    b = Math.imul(b ^ (b >>> 13) ^ skuId[i]!, 0xcc9e2d51);
    b = fmix(Math.imul(b ^ (b >>> 16) ^ day[i]!, 0x1b873593));
    keys[i] = (a >>> 0) * 2097152 + (b & 0x1fffff);
  }
  return keys;
}

/**
 * Keeps the movements of `incoming` that are not already in `existing`, counting repeats: if the
 * ledger has an event twice and the file three times, one is new. `existing` may come in parts
 * (the stored blocks as they are): they count as one set, with no need to join them first.
 */
export function newMovementsOnly(incoming: MovementColumns, existing: MovementColumns | readonly MovementColumns[]): { columns: MovementColumns; duplicates: number } {
  const parts = Array.isArray(existing) ? (existing as readonly MovementColumns[]) : [existing as MovementColumns];
  const existingCount = parts.reduce((sum, part) => sum + part.length, 0);
  if (existingCount === 0 || incoming.length === 0) return { columns: incoming, duplicates: 0 };
  const seen = new KeyCounter(existingCount);
  for (const part of parts) {
    const keys = eventKeys(part);
    for (let i = 0; i < keys.length; i++) seen.add(keys[i]!);
  }
  const keys = eventKeys(incoming);
  const keep = new Int32Array(incoming.length);
  let kept = 0;
  for (let i = 0; i < incoming.length; i++) {
    if (!seen.take(keys[i]!)) keep[kept++] = i;
  }
  if (kept === incoming.length) return { columns: incoming, duplicates: 0 };
  const out = emptyColumns(kept);
  out.refs = incoming.refs;
  for (let k = 0; k < kept; k++) {
    const i = keep[k]!;
    out.day[k] = incoming.day[i]!;
    out.skuId[k] = incoming.skuId[i]!;
    out.locationId[k] = incoming.locationId[i]!;
    out.qty[k] = incoming.qty[i]!;
    out.type[k] = incoming.type[i]!;
    out.unitCostMinor[k] = incoming.unitCostMinor[i]!;
    out.ref[k] = incoming.ref[i]!;
    out.seq[k] = k;
  }
  return { columns: out, duplicates: incoming.length - kept };
}

/**
 * A multiset of 53-bit keys in typed arrays with open addressing: at a million keys several times
 * faster than a Map keyed by non-integer numbers.
 */
class KeyCounter {
  /**
   * Slot i is entries[2i] (the key) and entries[2i + 1] (-1 never used, else how many of its key
   * are left; a slot once used stays used, so probe chains are never cut). Side by side, a probe
   * touches one cache line rather than one in each of two arrays: at a million keys the table is
   * far larger than the cache and nearly every probe misses it.
   */
  private readonly entries: Float64Array;
  private readonly mask: number;

  constructor(expected: number) {
    const size = 2 ** Math.ceil(Math.log2(Math.max(16, expected * 2)));
    this.entries = new Float64Array(size * 2);
    for (let i = 1; i < this.entries.length; i += 2) this.entries[i] = -1;
    this.mask = size - 1;
  }

  add(key: number): void {
    const entries = this.entries;
    // Keys are hashes already: their low 32 bits (low half of one hash, high of the other) spread well.
    let i = (key | 0) & this.mask;
    for (;;) {
      const count = entries[2 * i + 1]!;
      if (count < 0) {
        entries[2 * i] = key;
        entries[2 * i + 1] = 1;
        return;
      }
      if (entries[2 * i] === key) {
        entries[2 * i + 1] = count + 1;
        return;
      }
      i = (i + 1) & this.mask;
    }
  }

  /** Removes one `key` if one is left; true when it was. */
  take(key: number): boolean {
    const entries = this.entries;
    let i = (key | 0) & this.mask;
    for (;;) {
      const count = entries[2 * i + 1]!;
      if (count < 0) return false;
      if (entries[2 * i] === key) {
        if (count === 0) return false;
        entries[2 * i + 1] = count - 1;
        return true;
      }
      i = (i + 1) & this.mask;
    }
  }
}
