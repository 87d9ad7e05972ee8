// Movements in columnar form: one typed array per field. The valuation and report code works on
// this shape because it is how packed blocks are stored and ~20× faster to aggregate than objects.
import { dayNumber } from '../dates';
import { MOVEMENT_TYPES } from '../model';
import type { Movement, MovementType } from '../model';

export const TYPE_CODE: Readonly<Record<MovementType, number>> = Object.fromEntries(
  MOVEMENT_TYPES.map((type, index) => [type, index]),
) as Record<MovementType, number>;

export const TRANSFER_OUT = TYPE_CODE.transfer_out;
export const TRANSFER_IN = TYPE_CODE.transfer_in;

export interface MovementColumns {
  length: number;
  /** Day number (days since 1970-01-01). */
  day: Int32Array;
  skuId: Int32Array;
  locationId: Int32Array;
  /** Signed units. */
  qty: Float64Array;
  /** Index into MOVEMENT_TYPES. */
  type: Uint8Array;
  /** Unit cost in base minor units; NaN where the movement takes its cost from the ledger. */
  unitCostMinor: Float64Array;
  /** Index into `refs`; -1 for none. */
  ref: Int32Array;
  /** Posting order: ties on the same day and phase are broken by it. */
  seq: Float64Array;
  refs: string[];
}

export function emptyColumns(length: number): MovementColumns {
  return {
    length,
    day: new Int32Array(length),
    skuId: new Int32Array(length),
    locationId: new Int32Array(length),
    qty: new Float64Array(length),
    type: new Uint8Array(length),
    unitCostMinor: new Float64Array(length).fill(Number.NaN),
    ref: new Int32Array(length).fill(-1),
    seq: new Float64Array(length),
    refs: [],
  };
}

/** Packs movement records into columns; `seq` is the movement id (ids grow in posting order). */
export function columnsFromMovements(movements: readonly Pick<Movement, 'id' | 'date' | 'skuId' | 'locationId' | 'qty' | 'type' | 'unitCostMinor' | 'ref'>[]): MovementColumns {
  const columns = emptyColumns(movements.length);
  const refIndex = new Map<string, number>();
  movements.forEach((movement, i) => {
    columns.day[i] = dayNumber(movement.date);
    columns.skuId[i] = movement.skuId;
    columns.locationId[i] = movement.locationId;
    columns.qty[i] = movement.qty;
    columns.type[i] = TYPE_CODE[movement.type];
    if (movement.unitCostMinor !== undefined) columns.unitCostMinor[i] = movement.unitCostMinor;
    if (movement.ref !== undefined) {
      let index = refIndex.get(movement.ref);
      if (index === undefined) {
        index = columns.refs.length;
        columns.refs.push(movement.ref);
        refIndex.set(movement.ref, index);
      }
      columns.ref[i] = index;
    }
    columns.seq[i] = movement.id;
  });
  distinctRefs.add(columns.refs);
  return columns;
}

/** What a reader of quantities only needs (the plan's demand history, stock by location): no costs, references or posting order. */
export type QuantityColumns = Pick<MovementColumns, 'length' | 'day' | 'skuId' | 'locationId' | 'qty' | 'type'>;

/**
 * Joins the quantity columns of several parts (manual rows, then blocks), in order. Leaving out
 * references saves concatColumns' remapping of every block's references, most of its time.
 */
export function concatQuantities(parts: readonly QuantityColumns[]): QuantityColumns {
  const length = parts.reduce((sum, part) => sum + part.length, 0);
  const out: QuantityColumns = { length, day: new Int32Array(length), skuId: new Int32Array(length), locationId: new Int32Array(length), qty: new Float64Array(length), type: new Uint8Array(length) };
  let offset = 0;
  for (const part of parts) {
    // A part's arrays may be longer than its length (never here, but a view costs nothing).
    out.day.set(part.day.subarray(0, part.length), offset);
    out.skuId.set(part.skuId.subarray(0, part.length), offset);
    out.locationId.set(part.locationId.subarray(0, part.length), offset);
    out.qty.set(part.qty.subarray(0, part.length), offset);
    out.type.set(part.type.subarray(0, part.length), offset);
    offset += part.length;
  }
  return out;
}

/**
 * `refs` arrays known to hold each reference once: made by concatColumns and columnsFromMovements,
 * and never changed afterwards. Joining such a set with empty ones needs no copy and no lookups.
 */
const distinctRefs = new WeakSet<readonly string[]>();

/** Whether every typed array of `columns` is exactly `length` long over a buffer of its own. */
function ownsBuffers(columns: MovementColumns): boolean {
  const { length } = columns;
  return [columns.day, columns.skuId, columns.locationId, columns.qty, columns.type, columns.unitCostMinor, columns.ref, columns.seq].every(
    (array) => array.length === length && array.byteOffset === 0 && array.byteLength === array.buffer.byteLength,
  );
}

/**
 * Concatenates column sets (e.g. packed blocks plus manual rows); ref indexes are remapped so that
 * equal references share one index. When only one part has movements and its references are
 * already distinct, that part comes back as it is (its arrays shared, not copied): the usual case
 * of a ledger of imported blocks and no manual movements. Callers never write to the result.
 */
export function concatColumns(parts: readonly MovementColumns[]): MovementColumns {
  const filled = parts.filter((part) => part.length > 0 || part.refs.length > 0);
  if (filled.length === 1 && distinctRefs.has(filled[0]!.refs) && ownsBuffers(filled[0]!)) return { ...filled[0]! };
  const total = parts.reduce((sum, part) => sum + part.length, 0);
  const out = emptyColumns(total);
  const refs = new RefIndex(parts.reduce((sum, part) => sum + part.refs.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.day.set(part.day, offset);
    out.skuId.set(part.skuId, offset);
    out.locationId.set(part.locationId, offset);
    out.qty.set(part.qty, offset);
    out.type.set(part.type, offset);
    out.unitCostMinor.set(part.unitCostMinor, offset);
    out.seq.set(part.seq, offset);
    const remap = new Int32Array(part.refs.length);
    for (let r = 0; r < part.refs.length; r++) remap[r] = refs.indexOf(part.refs[r]!);
    const ref = part.ref;
    for (let i = 0; i < part.length; i++) {
      const r = ref[i]!;
      out.ref[offset + i] = r < 0 ? -1 : remap[r]!;
    }
    offset += part.length;
  }
  out.refs = refs.values;
  distinctRefs.add(out.refs);
  return out;
}

/**
 * Distinct strings in first-seen order, each with its index: a Map<string, number> does the same,
 * but at a million references (every block of a large ledger) this open-addressing table over
 * typed arrays is several times faster and holds no entry objects.
 */
class RefIndex {
  readonly values: string[] = [];
  private hashes: Int32Array;
  private slots: Int32Array;
  private mask: number;

  constructor(expected: number) {
    const size = 2 ** Math.ceil(Math.log2(Math.max(16, expected * 2)));
    this.slots = new Int32Array(size).fill(-1);
    this.hashes = new Int32Array(Math.max(16, expected));
    this.mask = size - 1;
  }

  /** The index of `text`, added when new. */
  indexOf(text: string): number {
    let h = 0x811c9dc5;
    for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
    const values = this.values;
    let slot = h & this.mask;
    for (;;) {
      const at = this.slots[slot]!;
      if (at < 0) break;
      if (this.hashes[at] === h && values[at] === text) return at;
      slot = (slot + 1) & this.mask;
    }
    const index = values.length;
    values.push(text);
    if (index >= this.hashes.length) {
      const grown = new Int32Array(this.hashes.length * 2);
      grown.set(this.hashes);
      this.hashes = grown;
    }
    this.hashes[index] = h;
    this.slots[slot] = index;
    if (values.length * 2 > this.slots.length) this.rehash();
    return index;
  }

  private rehash(): void {
    const size = this.slots.length * 2;
    this.slots = new Int32Array(size).fill(-1);
    this.mask = size - 1;
    for (let index = 0; index < this.values.length; index++) {
      let slot = this.hashes[index]! & this.mask;
      while (this.slots[slot]! >= 0) slot = (slot + 1) & this.mask;
      this.slots[slot] = index;
    }
  }
}
