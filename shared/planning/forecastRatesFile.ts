// The seller's own forecasts as a spreadsheet: a seller planning a dozen launches keeps them in
// Excel or WPS, so the plan's "Your forecasts" list exports to CSV and reads a file back. A file is
// read whole and checked whole before anything is stored (renderer/db/planInputs.ts): one bad row
// refuses the file, naming the file, the row and the field.
import { DomainError, isDomainError } from '../errors';
import { decodeBytes, detectEncoding } from '../import/encoding';
import { createRowSplitter, detectDelimiter, detectQuoting } from '../import/splitter';
import { parseForecastRateDraft } from './forecastRates';
import type { ForecastRate } from './forecastRates';

/** The file's columns, by the field names errors and the export use. */
export const FORECAST_RATE_COLUMNS = ['sku', 'marketplace', 'unitsPerDay', 'until'] as const;
export type ForecastRateColumn = (typeof FORECAST_RATE_COLUMNS)[number];

/**
 * Header names each column is known by, compared trimmed, in lower case, full-width folded: the
 * app's English and Chinese labels (what Export writes in either language) and plain spellings.
 */
const HEADER_NAMES: Record<ForecastRateColumn, readonly string[]> = {
  sku: ['sku', 'sku code', 'sku 编码', 'sku编码'],
  marketplace: ['marketplace', '站点'],
  unitsPerDay: ['units per day', 'units/day', 'units_per_day', 'unitsperday', '每日件数', '每天件数'],
  until: ['until', 'end date', '截止日期'],
};

const headerKey = (text: string) => text.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ');

/**
 * A date as a spreadsheet may have rewritten it: 2027-01-31, or 2027/1/31 and 2027.1.31 (Chinese
 * Excel's display). Anything else is left for the date check to refuse.
 */
function isoDateOf(text: string): string {
  const match = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(text.trim());
  return match ? `${match[1]}-${match[2]!.padStart(2, '0')}-${match[3]!.padStart(2, '0')}` : text;
}

/** A code as exported: toCsv puts an apostrophe before a cell a spreadsheet would read as a formula. */
const unneutralised = (text: string) => (/^'[=+\-@\t\r]/.test(text) ? text.slice(1) : text);

/** A forecasts file is a few hundred rows; a file this large is something else picked by mistake. */
export const MAX_FILE_BYTES = 5_000_000;

/**
 * The forecasts in a file (CSV or tab-separated; UTF-8, UTF-16 or GBK as Chinese Excel saves):
 * a header row naming at least the SKU, marketplace and units-per-day columns (until is optional),
 * then a row per SKU × marketplace. Blank rows are skipped. `skuIdOf` finds a SKU by its code (any
 * case). Refusals are DomainErrors with `file` and, for a row, `row` (the spreadsheet's row number,
 * the header being row 1): a missing column, an unknown SKU, a SKU × marketplace given twice, or a
 * value parseForecastRateDraft refuses (its own code and field).
 */
export function readForecastRatesFile(bytes: Uint8Array, file: string, skuIdOf: (code: string) => number | undefined, today: string): ForecastRate[] {
  if (bytes.length > MAX_FILE_BYTES) throw new DomainError('rates.tooLarge', { file, max: `${MAX_FILE_BYTES / 1_000_000} MB` });
  // One line end, and blank lines kept as rows of empty cells (the splitter skips empty lines, which
  // a spreadsheet still numbers): each split row is then one spreadsheet row, a cell spanning lines
  // included, so row k of the file is split row k − 1.
  const decoded = decodeBytes(bytes, detectEncoding(bytes.subarray(0, 256 * 1024))).replace(/\r\n?/g, '\n');
  // The header decides the delimiter: the first line with a tab or a comma (a title line above it has
  // neither), else the first line with anything on it.
  const lines = decoded.split('\n');
  const firstLine = lines.find((line) => line.includes('\t') || line.includes(',')) ?? lines.find((line) => line.trim() !== '') ?? '';
  const delimiter = detectDelimiter(firstLine);
  const text = decoded.replace(/^(?=\n)/, delimiter).replace(/\n(?=\n)/g, `\n${delimiter}`);
  const splitter = createRowSplitter(delimiter, detectQuoting(delimiter, firstLine));
  const rows = splitter.push(text).map((cells, index) => ({ cells, line: index + 1 }));
  for (const cells of splitter.end()) rows.push({ cells, line: rows.length + 1 });
  const blank = (row: readonly string[]) => row.every((cell) => cell.trim() === '');
  // The header is the first row naming the SKU column (a title above it is passed over), else the
  // first row with anything in it (whose missing columns are then named).
  const firstFilled = rows.findIndex((row) => !blank(row.cells));
  if (firstFilled < 0) throw new DomainError('rates.empty', { file });
  const namesSku = rows.findIndex((row) => row.cells.some((cell) => HEADER_NAMES.sku.includes(headerKey(cell))));
  const headerAt = namesSku >= 0 ? namesSku : firstFilled;
  const header = rows[headerAt]!.cells.map(headerKey);
  const columnAt = (column: ForecastRateColumn) => header.findIndex((name) => HEADER_NAMES[column].includes(name));
  const at: Record<ForecastRateColumn, number> = { sku: columnAt('sku'), marketplace: columnAt('marketplace'), unitsPerDay: columnAt('unitsPerDay'), until: columnAt('until') };
  for (const column of FORECAST_RATE_COLUMNS) if (at[column] < 0 && column !== 'until') throw new DomainError('rates.missingColumn', { file, field: column });
  const rates: ForecastRate[] = [];
  const firstRowOf = new Map<string, number>();
  for (let r = headerAt + 1; r < rows.length; r++) {
    const { cells, line: row } = rows[r]!;
    if (blank(cells)) continue;
    const cell = (column: ForecastRateColumn) => (at[column] < 0 ? '' : (cells[at[column]] ?? '').trim());
    const code = unneutralised(cell('sku'));
    if (code === '') throw new DomainError('field.required', { field: 'sku', file, row });
    const skuId = skuIdOf(code);
    if (skuId === undefined) throw new DomainError('rates.unknownSku', { file, row, code });
    let rate: ForecastRate;
    try {
      rate = parseForecastRateDraft({ skuId, marketplace: cell('marketplace'), unitsPerDay: cell('unitsPerDay'), until: isoDateOf(cell('until')) }, today);
    } catch (error) {
      if (isDomainError(error)) throw new DomainError(error.code, { ...error.params, file, row });
      throw error;
    }
    const key = `${rate.skuId}|${rate.marketplace}`;
    const firstRow = firstRowOf.get(key);
    if (firstRow !== undefined) throw new DomainError('rates.duplicate', { file, row, firstRow, code, marketplace: rate.marketplace });
    firstRowOf.set(key, row);
    rates.push(rate);
  }
  if (rates.length === 0) throw new DomainError('rates.empty', { file });
  return rates;
}
