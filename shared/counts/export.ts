// The variance review as CSV (PRODUCT §7): every text cell goes through toCsv, which neutralises
// formula-like cells, so a SKU name such as "=HYPERLINK(…)" stays text in a spreadsheet.
import { toCsv } from '../csv';
import { minorToAmountNumber } from '../money';
import type { ReviewLine } from './variance';

export interface ReviewCsvText {
  header: readonly string[];
  /** A SKU's code and name. */
  sku: (skuId: number) => { code: string; name: string };
  /** The reason's label in the seller's language ('' for none). */
  reason: (line: ReviewLine) => string;
  currency: string;
}

/** Bin, SKU, name, expected, counted (blank when not counted), difference, value in major units (a number), reason. */
export function reviewCsv(lines: readonly ReviewLine[], text: ReviewCsvText): string {
  return toCsv(
    text.header,
    lines.map((line) => {
      const sku = text.sku(line.skuId);
      return [line.bin, sku.code, sku.name, line.expectedQty, line.counted ? line.countedQty : null, line.counted ? line.varianceUnits : null, line.counted ? minorToAmountNumber(line.varianceValueMinor, text.currency) : null, text.reason(line)];
    }),
  );
}
