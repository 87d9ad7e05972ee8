// Reads over the whole ledger that screens ask for on demand: the ledger browser's filtered list,
// day-exact balances and reports. They run in the ledger worker, next to its block cache.
import { dayNumber } from '../../shared/dates';
import { TYPE_CODE, blockColumns, columnsFromMovements, concatColumns } from '../../shared/ledger';
import type { PeriodLine, StockBalance } from '../../shared/ledger';
import type { IsoDate, MovementType } from '../../shared/model';
import type { StockPilotDatabase } from './schema';
import { blockCacheFor } from './ledgerStore';
import { loadLedger, periodLines, stockAt } from './ledger';
import { withStorageErrors } from './errors';

export interface LedgerFilter {
  skuId?: number;
  locationId?: number;
  type?: MovementType;
  from?: IsoDate;
  to?: IsoDate;
  /** An import batch id, or 'manual' for movements entered by hand. */
  batchId?: string;
}

/** The matching movements as columns, newest first. */
export interface LedgerPage {
  length: number;
  day: Int32Array;
  skuId: Int32Array;
  locationId: Int32Array;
  qty: Float64Array;
  type: Uint8Array;
  /** Index into `refs`, or -1. */
  ref: Int32Array;
  refs: string[];
  /** Index into `sources` ('manual' or a batch id). */
  source: Int32Array;
  sources: string[];
  /** Total movements in the ledger (before filtering). */
  totalCount: number;
}

export async function queryLedger(db: StockPilotDatabase, filter: LedgerFilter): Promise<LedgerPage> {
  return withStorageErrors(async () => {
    const [manual, blocks] = await db.transaction('r', [db.movements, db.movementBlocks], () => Promise.all([db.movements.toArray(), blockCacheFor(db).sync(db)]));
    const sources = ['manual'];
    const sourceIndex = new Map<string, number>([['manual', 0]]);
    const parts = [columnsFromMovements(manual)];
    const partSource = [0];
    for (const block of blocks) {
      let index = sourceIndex.get(block.batchId);
      if (index === undefined) {
        index = sources.length;
        sources.push(block.batchId);
        sourceIndex.set(block.batchId, index);
      }
      if (filter.batchId !== undefined && filter.batchId !== block.batchId) continue;
      parts.push(blockColumns(block));
      partSource.push(index);
    }
    if (filter.batchId !== undefined && filter.batchId !== 'manual') {
      parts[0] = columnsFromMovements([]);
    }
    const totalCount = manual.length + blocks.reduce((sum, b) => sum + b.count, 0);
    const all = concatColumns(parts);
    const sourceOf = new Int32Array(all.length);
    let offset = 0;
    parts.forEach((part, k) => {
      sourceOf.fill(partSource[k]!, offset, offset + part.length);
      offset += part.length;
    });

    const fromDay = filter.from ? dayNumber(filter.from) : -Infinity;
    const toDay = filter.to ? dayNumber(filter.to) : Infinity;
    const typeCode = filter.type ? TYPE_CODE[filter.type] : -1;
    const keys = new Float64Array(all.length);
    let count = 0;
    const factor = 2 ** Math.ceil(Math.log2(all.length + 1));
    for (let i = 0; i < all.length; i++) {
      const d = all.day[i]!;
      if (d < fromDay || d > toDay) continue;
      if (filter.skuId !== undefined && all.skuId[i] !== filter.skuId) continue;
      if (filter.locationId !== undefined && all.locationId[i] !== filter.locationId) continue;
      if (typeCode >= 0 && all.type[i] !== typeCode) continue;
      // Newest first: sort ascending on the negated day, then by position (posting order) descending.
      keys[count++] = (100_000 - d) * factor + (factor - 1 - i);
    }
    const sorted = keys.subarray(0, count).sort();
    const page: LedgerPage = {
      length: count,
      day: new Int32Array(count),
      skuId: new Int32Array(count),
      locationId: new Int32Array(count),
      qty: new Float64Array(count),
      type: new Uint8Array(count),
      ref: new Int32Array(count),
      refs: all.refs,
      source: new Int32Array(count),
      sources,
      totalCount,
    };
    for (let k = 0; k < count; k++) {
      const i = factor - 1 - (sorted[k]! % factor);
      page.day[k] = all.day[i]!;
      page.skuId[k] = all.skuId[i]!;
      page.locationId[k] = all.locationId[i]!;
      page.qty[k] = all.qty[i]!;
      page.type[k] = all.type[i]!;
      page.ref[k] = all.ref[i]!;
      page.source[k] = sourceOf[i]!;
    }
    return page;
  });
}

/** Day-exact balances at the end of `asOf` (for dates inside the ledger's history). */
export async function exactBalancesAt(db: StockPilotDatabase, asOf: IsoDate): Promise<StockBalance[]> {
  return stockAt(await loadLedger(db), asOf);
}

/** Day-exact period report (custom ranges that do not start and end on month boundaries). */
export async function exactPeriodReport(db: StockPilotDatabase, from: IsoDate, to: IsoDate): Promise<PeriodLine[]> {
  return periodLines(await loadLedger(db), from, to);
}
