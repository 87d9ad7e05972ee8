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
 * Cuts columns into blocks of at most BLOCK_SIZE, in the columns' order (callers sort by day first
 * so a block covers a short date range). `seqStart` is the posting order of the first movement.
 */
export function packBlocks(columns: MovementColumns, batchId: string, seqStart: number, blockSize = BLOCK_SIZE): PackedBlock[] {
  const blocks: PackedBlock[] = [];
  // Ref index → its index in the current block, valid where `inBlock` holds the block's number
  // (typed arrays rather than a Map per block: a million references are remapped in one pass).
  const inBlock = new Int32Array(columns.refs.length);
  const localOf = new Int32Array(columns.refs.length);
  for (let start = 0, blockNumber = 1; start < columns.length; start += blockSize, blockNumber++) {
    const end = Math.min(columns.length, start + blockSize);
    const day = columns.day.slice(start, end);
    const refSlice = columns.ref.slice(start, end);
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
      skuId: columns.skuId.slice(start, end),
      locationId: columns.locationId.slice(start, end),
      qty: columns.qty.slice(start, end),
      type: columns.type.slice(start, end),
      unitCostMinor: columns.unitCostMinor.slice(start, end),
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

/** Sorts columns by day (stable), so packed blocks cover short date ranges. */
export function sortColumnsByDay(columns: MovementColumns): MovementColumns {
  const n = columns.length;
  let sorted = true;
  for (let i = 1; i < n && sorted; i++) if (columns.day[i]! < columns.day[i - 1]!) sorted = false;
  if (sorted) return columns;
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
