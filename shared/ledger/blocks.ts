// Packed movement blocks: how imported (bulk) movements are stored. One IndexedDB record holds up to
// BLOCK_SIZE movements as typed arrays, about 100× faster to write and read than one record per
// movement. Blocks are immutable; a batch is removed by deleting its blocks.
import type { MovementColumns } from './columns';
import { concatColumns, emptyColumns } from './columns';

export const BLOCK_SIZE = 10_000;

/** Posting order of block movements starts here, after every manual movement id. */
export const BLOCK_SEQ_BASE = 2 ** 31;

export interface PackedBlock {
  /** Database key; absent before the block is stored. */
  id?: number;
  /** The import batch (or demo load) the block belongs to. */
  batchId: string;
  count: number;
  /** Day numbers (days since 1970-01-01) of the earliest and latest movement. */
  firstDay: number;
  lastDay: number;
  /** Posting order of the first movement; the i-th has seqStart + i. */
  seqStart: number;
  day: Int32Array;
  skuId: Int32Array;
  locationId: Int32Array;
  qty: Float64Array;
  type: Uint8Array;
  /** NaN where the movement takes its cost from the ledger. */
  unitCostMinor: Float64Array;
  /** Index into `refs`, or -1. */
  ref: Int32Array;
  refs: string[];
}

/**
 * Cuts columns into blocks of at most BLOCK_SIZE, in the columns' order, or in `order` (positions,
 * e.g. from dayOrder) when given: callers put them in day order so a block covers a short date
 * range. `seqStart` is the posting order of the first movement so placed.
 */
export function packBlocks(columns: MovementColumns, batchId: string, seqStart: number, blockSize = BLOCK_SIZE, order: Uint32Array | null = null): PackedBlock[] {
  const blocks: PackedBlock[] = [];
  // Ref index → its index in the current block, valid where `inBlock` holds the block's number
  // (typed arrays rather than a Map per block: a million references are remapped in one pass).
  const inBlock = new Int32Array(columns.refs.length);
  const localOf = new Int32Array(columns.refs.length);
  for (let start = 0, blockNumber = 1; start < columns.length; start += blockSize, blockNumber++) {
    const end = Math.min(columns.length, start + blockSize);
    const day = gatherInt32(columns.day, order, start, end);
    const refSlice = gatherInt32(columns.ref, order, start, end);
    // Each block carries only the refs it uses, re-indexed from 0.
    const refs: string[] = [];
    for (let i = 0; i < refSlice.length; i++) {
      const r = refSlice[i]!;
      if (r < 0) continue;
      if (inBlock[r] !== blockNumber) {
        inBlock[r] = blockNumber;
        localOf[r] = refs.length;
        refs.push(columns.refs[r]!);
      }
      refSlice[i] = localOf[r]!;
    }
    let firstDay = Infinity;
    let lastDay = -Infinity;
    for (let i = 0; i < day.length; i++) {
      if (day[i]! < firstDay) firstDay = day[i]!;
      if (day[i]! > lastDay) lastDay = day[i]!;
    }
    blocks.push({
      batchId,
      count: end - start,
      firstDay,
      lastDay,
      seqStart: seqStart + start,
      day,
      skuId: gatherInt32(columns.skuId, order, start, end),
      locationId: gatherInt32(columns.locationId, order, start, end),
      qty: gatherFloat64(columns.qty, order, start, end),
      type: gatherUint8(columns.type, order, start, end),
      unitCostMinor: gatherFloat64(columns.unitCostMinor, order, start, end),
      ref: refSlice,
      refs,
    });
  }
  return blocks;
}

/** A block seen as columns (its arrays shared, not copied), with seq restored from seqStart. */
export function blockColumns(block: PackedBlock): MovementColumns {
  const seq = new Float64Array(block.count);
  for (let i = 0; i < block.count; i++) seq[i] = block.seqStart + i;
  const { day, skuId, locationId, qty, type, unitCostMinor, ref, refs } = block;
  return { length: block.count, day, skuId, locationId, qty, type, unitCostMinor, ref, seq, refs };
}

/** Joins blocks back into one set of columns. */
export function unpackBlocks(blocks: readonly PackedBlock[]): MovementColumns {
  return concatColumns(blocks.map(blockColumns));
}

// Positions start..end of a column, in `order` where given (a gather), else as they are (a copy).
function gatherInt32(source: Int32Array, order: Uint32Array | null, start: number, end: number): Int32Array {
  if (order === null) return source.slice(start, end);
  const out = new Int32Array(end - start);
  for (let k = start; k < end; k++) out[k - start] = source[order[k]!]!;
  return out;
}
function gatherFloat64(source: Float64Array, order: Uint32Array | null, start: number, end: number): Float64Array {
  if (order === null) return source.slice(start, end);
  const out = new Float64Array(end - start);
  for (let k = start; k < end; k++) out[k - start] = source[order[k]!]!;
  return out;
}
function gatherUint8(source: Uint8Array, order: Uint32Array | null, start: number, end: number): Uint8Array {
  if (order === null) return source.slice(start, end);
  const out = new Uint8Array(end - start);
  for (let k = start; k < end; k++) out[k - start] = source[order[k]!]!;
  return out;
}

/**
 * The positions of the columns in day order (stable), or null when they are in day order already.
 * Packing through it (packBlocks' `order`) stores blocks by day without a sorted copy of every row.
 */
export function dayOrder(columns: MovementColumns): Uint32Array | null {
  const n = columns.length;
  let sorted = true;
  for (let i = 1; i < n && sorted; i++) if (columns.day[i]! < columns.day[i - 1]!) sorted = false;
  if (sorted) return null;
  // One native numeric sort of (day, position) packed into doubles: stable and far faster than a
  // comparator at a million rows.
  let minDay = Infinity;
  for (let i = 0; i < n; i++) if (columns.day[i]! < minDay) minDay = columns.day[i]!;
  const factor = 2 ** Math.ceil(Math.log2(n + 1));
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) keys[i] = (columns.day[i]! - minDay) * factor + i;
  keys.sort();
  const order = new Uint32Array(n);
  for (let k = 0; k < n; k++) order[k] = keys[k]! % factor;
  return order;
}

/** Sorts columns by day (stable), so packed blocks cover short date ranges. */
export function sortColumnsByDay(columns: MovementColumns): MovementColumns {
  const order = dayOrder(columns);
  if (order === null) return columns;
  const n = columns.length;
  const out = emptyColumns(n);
  out.refs = columns.refs;
  for (let k = 0; k < n; k++) {
    const i = order[k]!;
    out.day[k] = columns.day[i]!;
    out.skuId[k] = columns.skuId[i]!;
    out.locationId[k] = columns.locationId[i]!;
    out.qty[k] = columns.qty[i]!;
    out.type[k] = columns.type[i]!;
    out.unitCostMinor[k] = columns.unitCostMinor[i]!;
    out.ref[k] = columns.ref[i]!;
    out.seq[k] = columns.seq[i]!;
  }
  return out;
}
