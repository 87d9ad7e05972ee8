// The records of a stock count (PRODUCT §5). Plain data; ids are assigned by the database.
import type { AbcClass } from '../domain';
import type { IsoDate } from '../model';

/** How often each ABC class is counted, in months (PRODUCT §5: A monthly, B quarterly, C twice a year). */
export const DEFAULT_COUNT_FREQUENCY_MONTHS: Readonly<Record<AbcClass, number>> = Object.freeze({ A: 1, B: 3, C: 6 });

/** Which SKUs a plan counts at its location. */
export type CountScope =
  /** The SKUs of one ABC class (12-month COGS, classified when a count is created). */
  | { kind: 'abc'; abcClass: AbcClass }
  /** The SKUs whose bin at the location lies in the range (inclusive, natural order, case-insensitive). */
  | { kind: 'bins'; fromBin: string; toBin: string }
  /** A list of SKUs, e.g. those with a reconciliation difference. */
  | { kind: 'skus'; skuIds: number[] };

export interface CountPlan {
  id: number;
  name: string;
  locationId: number;
  scope: CountScope;
  /** A count is due this many months after the last posted one (or from the day the plan was made). */
  frequencyMonths: number;
  createdOn: IsoDate;
  archived: boolean;
}

export const COUNT_REASONS = ['miscount', 'damaged', 'lost', 'found', 'misShipped', 'unrecordedReceipt', 'other'] as const;
/** Why a counted line differs from the ledger (the seed: find the cause of every difference). */
export type CountReason = (typeof COUNT_REASONS)[number];

/** A SKU on the count sheet, in sheet order. */
export interface CountLine {
  skuId: number;
  /** The SKU's bin at the location when the count was made ('' when none). */
  bin: string;
  reason?: CountReason;
  /** The reviewer asked for a recount; cleared by the next recount entry of the SKU. */
  recountRequested?: boolean;
}

/** One typed or scanned line of a counter's sheet. */
export interface CountEntry {
  id: number;
  countId: number;
  /** Who counted (one sheet per counter); several sheets add up in one count. */
  counter: string;
  /** The code as typed or scanned. */
  code: string;
  /** The SKU the code resolved to; null when unknown (kept and flagged, never dropped). */
  skuId: number | null;
  qty: number;
  /** A recount replaces every earlier entry of the SKU in this count. */
  recount: boolean;
  enteredAt: string;
}

export type CountSource = 'sheet' | 'snapshot';

/** Thresholds over which a difference asks for a recount; null = not used. */
export interface RecountThreshold {
  units: number | null;
  valueMinor: number | null;
}

export const DEFAULT_RECOUNT_THRESHOLD: Readonly<RecountThreshold> = Object.freeze({ units: 5, valueMinor: 5000 });

/** A posted line: what was written to the ledger, kept so accuracy never changes afterwards. */
export interface PostedCountLine {
  skuId: number;
  expectedQty: number;
  countedQty: number;
  varianceUnits: number;
  varianceValueMinor: number;
  unitCostMinor: number;
  reason?: CountReason;
}

export interface CountAccuracy {
  linesCounted: number;
  linesExact: number;
  /** linesExact ÷ linesCounted (1 when nothing was counted). */
  lineAccuracy: number;
  expectedValueMinor: number;
  absVarianceValueMinor: number;
  /** 1 − Σ|variance value| ÷ Σ expected value, at least 0 (see accuracy.ts). */
  valueAccuracy: number;
}

export interface StockCount {
  id: number;
  /** Seller-facing number, e.g. CNT-0007. */
  number: string;
  planId: number | null;
  locationId: number;
  /** Stock is counted as at the end of this day; variances post on it. */
  cutoffDate: IsoDate;
  status: 'open' | 'posted';
  source: CountSource;
  /** For a snapshot count: the reportRows scope it was made from. */
  snapshotScope?: string;
  lines: CountLine[];
  threshold: RecountThreshold;
  createdAt: string;
  postedAt?: string;
  posted?: { lines: PostedCountLine[]; accuracy: CountAccuracy; unknownCodes: string[] };
}
