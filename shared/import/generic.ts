// Generic stock files from the domestic warehouse and 3PLs (PRODUCT §2): any CSV or TSV with a
// header, often saved from Excel (a BOM and CRLF, or GBK from Chinese Excel). The seller maps its
// columns once; the app saves the mapping under the file's headerSignature and reuses it when the
// same layout comes again, and guessGenericMapping spares most files even that one step.
import { currencyMinorDigits } from '../money';
import { countEncodingLoss, decodeBytes, describeBinary, detectEncoding, SNIFF_BYTES } from './encoding';
import { normaliseHeader } from './headers';
import type { ImportProblem, ImportProblemCode } from './records';
import { createRowSplitter, detectDelimiter, detectQuoting } from './splitter';
import type { TextEnding } from './splitter';
import { isBlank, looksLikeScientificNotation, parseDateOnly, parseDecimal, parseMoney } from './values';
import type { DateOrder } from './values';

export type GenericCodeType = 'sku' | 'sellerSku' | 'fnsku' | 'asin';

/** Which column holds what. Column names are as written in the file's header. Saved per source by the app and reused when the same header comes again. */
export interface GenericMapping {
  codeColumn: string;
  codeType: GenericCodeType;
  quantityColumn: string;
  /** Optional: when absent the app asks for the stock date (default today). */
  dateColumn: string | null;
  /** Optional: when absent every row is for the one location the seller picks. Values are matched to location names by the app. */
  locationColumn: string | null;
  /** Optional unit cost column, in the file's currency, parsed to minor units (cents). */
  costColumn: string | null;
}

export interface GenericSniff {
  encoding: string;
  delimiter: string;
  /** Header cells as written (trimmed). */
  headers: string[];
  signature: string;
  /** Data rows (blank lines, rows of empty cells and the header not counted). */
  rowCount: number;
  /** The first 5 data rows, cells as split. */
  sampleRows: string[][];
}

export interface GenericStockLine {
  /** The first data row (1-based, header not counted) the line was read from. */
  row: number;
  code: string;
  /** Whole units, never negative. */
  quantity: number;
  /** `YYYY-MM-DD`, or null when the mapping has no date column. */
  date: string | null;
  /** As written, or null when the mapping has no location column. */
  location: string | null;
  /** Minor units of the cost currency (may carry fractions of a minor unit); null when unknown. */
  unitCostMinor: number | null;
}

export interface GenericParseResult {
  encoding: string;
  /** Data rows read, rejected and skipped ones included. */
  rowCount: number;
  lines: GenericStockLine[];
  problems: ImportProblem[];
}

export interface GenericParseOptions {
  /** ISO code of the cost column's currency: it decides the minor digits (default 2, cents). */
  costCurrency?: string;
}

const SIGNATURE_SEPARATOR = '\u001f';

/** The source's identity: normalised header names (normaliseHeader) in order, joined; the same export layout gives the same signature whatever its rows or encoding. */
export function headerSignature(headers: readonly string[]): string {
  const keys = headers.map(normaliseHeader);
  // Excel adds empty columns at the end when cells beyond the table were ever formatted; they are not the layout.
  while (keys.length > 0 && keys[keys.length - 1] === '') keys.pop();
  return keys.join(SIGNATURE_SEPARATOR);
}

export function sniffGeneric(bytes: Uint8Array): GenericSniff | { error: ImportProblem } {
  const table = readTable(bytes);
  if ('error' in table) return { error: table.error };
  return {
    encoding: table.encoding,
    delimiter: table.delimiter,
    headers: table.headers,
    signature: headerSignature(table.headers),
    rowCount: table.rows.length,
    sampleRows: table.rows.slice(0, 5),
  };
}

// ---------------------------------------------------------------------------------------------
// Guessing the mapping

// Names in priority order: the first one a header has wins, whatever its column's position.
const CODE_NAMES: readonly (readonly [string, GenericCodeType])[] = [
  ...(['SKU', 'SKU code', 'Item SKU', 'Product SKU', 'Item code', 'Item number', 'Item no', 'Product code', 'Article number', '货号', 'SKU编码', '商品编码', '产品编码', '商家编码', '库存SKU', '商品SKU', '商品货号', '产品货号', '存货编码', '物料编码'] as const).map((n) => [n, 'sku'] as const),
  ...(['Seller SKU', 'MSKU', 'Merchant SKU', 'Amazon SKU', '卖家SKU'] as const).map((n) => [n, 'sellerSku'] as const),
  ['FNSKU', 'fnsku'],
  ['ASIN', 'asin'],
  // A bare "Item" may be a name rather than a code: only when nothing better is there.
  ['Item', 'sku'],
];

// On-hand names come before "available" ones: reconciliation compares the ledger's on-hand balance.
const QUANTITY_NAMES = [
  'Quantity', 'Qty', 'On hand', 'On hand quantity', 'On hand qty', 'Quantity on hand', 'Qty on hand', 'Stock', 'Stock quantity', 'Stock qty', 'Inventory', 'Inventory quantity', 'Units',
  'Available', 'Available quantity', 'Available qty', 'Quantity available',
  '数量', '库存数量', '库存', '实际库存', '在库数量', '现存量', '结存数量', '当前库存', '库存量', '实物库存', '可用库存', '可用数量',
];
const DATE_NAMES = ['Date', 'Stock date', 'As of', 'As of date', 'Snapshot date', 'Inventory date', 'Report date', 'Count date', '日期', '库存日期', '盘点日期', '统计日期', '报表日期'];
// "Location" is often a bin in 3PL files; a warehouse column says more.
const LOCATION_NAMES = ['Warehouse', 'Warehouse name', 'Location', 'Location name', 'Facility', 'Site', '仓库', '仓库名称', '仓库名'];
const COST_NAMES = ['Cost', 'Unit cost', 'Cost price', 'Average cost', 'Unit price', '成本', '单价', '成本价', '单位成本', '成本单价', '采购价', '采购单价'];

/** Normalised, and without a unit in brackets: `库存数量（件）` and `Unit Cost (USD)` match their plain names. */
function guessKey(name: string): string {
  return normaliseHeader(name).replace(/\([^)]*\)|\[[^\]]*\]|【[^】]*】/g, '');
}

/** A best first guess from common English and Chinese header names, so most files need no mapping at all: code ← SKU, Seller SKU, MSKU, FNSKU, ASIN, Item, Item code, Product code, 货号, SKU编码, 商品编码, 产品编码, 商家编码, 库存SKU …; quantity ← Quantity, Qty, On hand, Available, Stock, Inventory, 数量, 库存, 库存数量, 可用库存, 可用数量, 实际库存, 在库数量 …; date ← Date, Stock date, As of, 日期, 库存日期, 盘点日期; location ← Warehouse, Location, 仓库, 仓库名称; cost ← Cost, Unit cost, 成本, 单价, 成本价. Returns null fields it cannot guess; codeColumn/quantityColumn null when not found. */
export function guessGenericMapping(headers: readonly string[]): {
  codeColumn: string | null;
  codeType: GenericCodeType;
  quantityColumn: string | null;
  dateColumn: string | null;
  locationColumn: string | null;
  costColumn: string | null;
} {
  const exact = headers.map(normaliseHeader);
  const loose = headers.map(guessKey);
  const taken = new Set<number>();
  const find = (name: string): number => {
    const key = normaliseHeader(name);
    let at = exact.findIndex((k, i) => k === key && !taken.has(i));
    if (at < 0) at = loose.findIndex((k, i) => k === key && !taken.has(i));
    return at;
  };
  const pick = (names: readonly string[]): string | null => {
    for (const name of names) {
      const at = find(name);
      if (at >= 0) {
        taken.add(at);
        return (headers[at] ?? '').trim();
      }
    }
    return null;
  };
  let codeColumn: string | null = null;
  let codeType: GenericCodeType = 'sku';
  for (const [name, type] of CODE_NAMES) {
    const at = find(name);
    if (at >= 0) {
      taken.add(at);
      codeColumn = (headers[at] ?? '').trim();
      codeType = type;
      break;
    }
  }
  const quantityColumn = pick(QUANTITY_NAMES);
  const dateColumn = pick(DATE_NAMES);
  const locationColumn = pick(LOCATION_NAMES);
  const costColumn = pick(COST_NAMES);
  return { codeColumn, codeType, quantityColumn, dateColumn, locationColumn, costColumn };
}

// ---------------------------------------------------------------------------------------------
// Parsing

// Totals rows that Chinese ERP and 3PL exports put under the table: not a product.
const TOTAL_LABELS = new Set(['合计', '总计', '小计', '汇总', 'total', 'totals', 'grandtotal', 'subtotal'].map(normaliseHeader));

/**
 * Reads a whole warehouse stock file into lines, with every problem found (nothing is thrown).
 * The same code on several rows for the same location and date is summed into one line (3PL
 * exports split a SKU over bins), keeping the first row's number and the quantity-weighted cost.
 */
export function parseGenericStock(bytes: Uint8Array, mapping: GenericMapping, options: GenericParseOptions = {}): GenericParseResult {
  const table = readTable(bytes);
  if ('error' in table) return { encoding: table.encoding, rowCount: 0, lines: [], problems: [table.error] };
  const { encoding, headers, rows } = table;

  const problems: ImportProblem[] = [];
  const locate = (column: string): number => {
    const at = headers.indexOf(column.trim());
    return at >= 0 ? at : headers.map(normaliseHeader).indexOf(normaliseHeader(column));
  };
  const columnOf = (column: string | null): Column | null => {
    if (column === null) return null;
    const index = locate(column);
    if (index >= 0) return { index, name: headers[index] ?? column };
    problems.push({
      severity: 'error',
      code: 'missing-column',
      column,
      message: `The column "${column}" is not in this file's header (${headers.filter((h) => h !== '').map((h) => `"${h}"`).join(', ')}). Check the column mapping for this warehouse file.`,
    });
    return null;
  };
  const code = columnOf(mapping.codeColumn);
  const quantity = columnOf(mapping.quantityColumn);
  const date = columnOf(mapping.dateColumn);
  const location = columnOf(mapping.locationColumn);
  const cost = columnOf(mapping.costColumn);
  if (problems.length > 0 || code === null || quantity === null) return { encoding, rowCount: 0, lines: [], problems };

  const dateOrder = date === null ? 'mdy' : slashedDateOrder(rows, date.index);
  const minorDigits = currencyMinorDigits(options.costCurrency ?? 'USD');
  const lines: GenericStockLine[] = [];
  const byKey = new Map<string, { line: GenericStockLine; costedUnits: number; costTotalMinor: number }>();
  let lostCharacters = 0;
  let firstLossRow = 0;

  for (let r = 0; r < rows.length; r++) {
    const cells = rows[r] ?? [];
    const row = r + 1;
    let failed = false;
    const report = (severity: 'error' | 'warning', problemCode: ImportProblemCode, column: Column | null, message: string): void => {
      problems.push({ row, ...(column === null ? {} : { column: column.name }), severity, code: problemCode, message: `Row ${row}: ${message}` });
      if (severity === 'error') failed = true;
    };

    if (cells.length > headers.length && cells.slice(headers.length).some((c) => !isBlank(c))) {
      report('error', 'column-count', null, `it has ${cells.length} values but the header has ${headers.length} columns (a comma or tab inside a value that is not in quotes?), so its values may be in the wrong columns and it was not read.`);
      continue;
    }
    if (r === rows.length - 1 && table.lastRowAtEnd && cells.length < headers.length) {
      report('error', 'truncated-row', null, `it has only ${cells.length} of ${headers.length} columns and the file ends there: the file looks cut off. Export it from the warehouse system again.`);
      continue;
    }
    const lost = cells.reduce((n, c) => (c.includes('?') || c.includes('\uFFFD') ? n + countEncodingLoss(c) : n), 0);
    if (lost > 0) {
      lostCharacters += lost;
      if (firstLossRow === 0) firstLossRow = row;
    }

    const codeText = cellText(cells, code.index);
    if (codeText === '') {
      report('warning', 'missing-value', code, `"${code.name}" is empty, so the row was skipped.`);
      continue;
    }
    if (TOTAL_LABELS.has(normaliseHeader(codeText))) {
      report('warning', 'missing-value', code, `"${code.name}" is "${codeText}", a totals row rather than a product, so the row was skipped.`);
      continue;
    }
    if (looksLikeScientificNotation(codeText)) {
      report('error', 'scientific-id', code, `"${code.name}" is "${codeText}": a spreadsheet turned the code into a number and its real value is lost. Export the file again without opening it in Excel, or format the column as text.`);
    }

    const units = wholeUnits(cellText(cells, quantity.index));
    if (units.problem !== null) report('error', units.problem.code, quantity, `"${quantity.name}" ${units.problem.text}, so the row was not imported.`);

    let dateText: string | null = null;
    if (date !== null) {
      const text = cellText(cells, date.index);
      dateText = text === '' ? null : parseStockDate(text, dateOrder);
      if (text === '') report('error', 'missing-value', date, `"${date.name}" is empty, so the stock date of the row is unknown and it was not imported.`);
      else if (dateText === null) report('error', 'bad-date', date, `"${date.name}" is "${text}", which is not a date StockPilot can read, so the row was not imported.`);
    }

    let locationText: string | null = null;
    if (location !== null) {
      locationText = cellText(cells, location.index);
      if (locationText === '') report('error', 'missing-value', location, `"${location.name}" is empty, so it is unknown where this stock is and the row was not imported.`);
    }

    let unitCostMinor: number | null = null;
    if (cost !== null) {
      const text = cellText(cells, cost.index);
      const money = text === '' ? null : parseMoney(text);
      if (text !== '' && (money === null || money.amount < 0)) {
        report('warning', 'bad-number', cost, `"${cost.name}" is "${text}", which is not a unit cost; the cost is read as unknown.`);
      } else if (money !== null) {
        // Keep up to 4 decimals of a minor unit, as money.ts does for unit costs; drop float noise.
        unitCostMinor = Math.round(money.amount * 10 ** minorDigits * 10_000) / 10_000;
      }
    }

    if (failed || units.value === null) continue;
    const key = `${codeText}\u0000${locationText ?? ''}\u0000${dateText ?? ''}`;
    const seen = byKey.get(key);
    if (seen === undefined) {
      const line: GenericStockLine = { row, code: codeText, quantity: units.value, date: dateText, location: locationText, unitCostMinor };
      lines.push(line);
      byKey.set(key, { line, costedUnits: unitCostMinor === null ? 0 : units.value, costTotalMinor: unitCostMinor === null ? 0 : unitCostMinor * units.value });
      continue;
    }
    seen.line.quantity += units.value;
    if (unitCostMinor !== null) {
      seen.costedUnits += units.value;
      seen.costTotalMinor += unitCostMinor * units.value;
      // Bins of one SKU at different costs: the quantity-weighted cost; zero units leave the first cost.
      seen.line.unitCostMinor = seen.costedUnits > 0 ? Math.round((seen.costTotalMinor / seen.costedUnits) * 10_000) / 10_000 : (seen.line.unitCostMinor ?? unitCostMinor);
    }
  }

  if (table.ending === 'unterminated-quote') {
    problems.push({
      row: rows.length + 1,
      severity: 'error',
      code: 'truncated-quote',
      message: `The file ends inside a quoted value that starts on row ${rows.length + 1}: it looks cut off. Export it from the warehouse system again.`,
    });
  }
  if (lostCharacters > 0) {
    problems.push({
      row: firstLossRow,
      severity: 'warning',
      code: 'encoding-loss',
      message: `${lostCharacters} character${lostCharacters === 1 ? ' was' : 's were'} replaced by "?" or "\uFFFD" in this file (first on row ${firstLossRow}), so some codes or names may read wrongly. Save the file from Excel as "CSV UTF-8" and import it again.`,
    });
  }
  return { encoding, rowCount: rows.length, lines, problems };
}

interface Column {
  index: number;
  /** As written in the file's header, for messages. */
  name: string;
}

/** A cell's text without surrounding spaces, and without the `="00123"` wrapper exports use to keep Excel from dropping leading zeros. */
function cellText(cells: readonly string[], index: number): string {
  const text = (cells[index] ?? '').trim();
  return text.length >= 3 && text.startsWith('="') && text.endsWith('"') ? text.slice(2, -1).trim() : text;
}

/** Whole units on hand: a blank is unknown (not zero), and stock is never negative or fractional. */
function wholeUnits(text: string): { value: number | null; problem: { code: ImportProblemCode; text: string } | null } {
  const value = parseDecimal(text);
  if (value === null) return { value: null, problem: { code: 'missing-value', text: 'is empty (a blank quantity is unknown, not zero)' } };
  if (Number.isNaN(value)) return { value: null, problem: { code: 'bad-number', text: `is "${text}", which is not a number` } };
  if (!Number.isInteger(value)) return { value: null, problem: { code: 'bad-number', text: `is "${text}", which is not a whole number of units` } };
  if (value < 0) return { value: null, problem: { code: 'bad-number', text: `is "${text}": stock on hand cannot be negative` } };
  return { value: value === 0 ? 0 : value, problem: null };
}

const CHINESE_DATE = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$/;
const DOTTED_YMD = /^(\d{4})\.(\d{1,2})\.(\d{1,2})$/;

/** The date forms values.ts reads, plus `2026年11月26日` and `2026.11.26` from Chinese systems. */
function parseStockDate(text: string, order: DateOrder): string | null {
  const parsed = parseDateOnly(text, order);
  if (parsed !== null) return parsed;
  const m = CHINESE_DATE.exec(text) ?? DOTTED_YMD.exec(text);
  if (m === null) return null;
  return parseDateOnly(`${m[1]}-${(m[2] ?? '').padStart(2, '0')}-${(m[3] ?? '').padStart(2, '0')}`);
}

/**
 * Day or month first in `dd/mm/yyyy`-style dates: a file is written one way throughout, so one
 * date whose first field is over 12 (`26/11/2026`) makes the whole column day-first.
 */
function slashedDateOrder(rows: readonly string[][], index: number): DateOrder {
  for (const cells of rows) {
    const m = /^(\d{1,2})\/(\d{1,2})\/\d{2,4}\b/.exec(cellText(cells, index));
    if (m !== null && Number(m[1]) > 12) return 'dmy';
  }
  return 'mdy';
}

// ---------------------------------------------------------------------------------------------
// The table: encoding, delimiter, header and data rows

interface Table {
  encoding: string;
  delimiter: string;
  headers: string[];
  /** Data rows in order (row n is `rows[n - 1]`); blank lines and rows of empty cells are not rows. */
  rows: string[][];
  ending: TextEnding | null;
  /** The last data row is the file's last line, and the file ends without a newline: it may be cut short. */
  lastRowAtEnd: boolean;
}

interface Unreadable {
  encoding: string;
  error: ImportProblem;
}

function unreadable(encoding: string, code: ImportProblemCode, message: string): Unreadable {
  return { encoding, error: { severity: 'error', code, message } };
}

// A title or a line like "Exported 2026-11-26" above the header: Chinese ERP exports often have one.
const PREAMBLE_ROWS = 10;

function readTable(bytes: Uint8Array): Table | Unreadable {
  const detected = detectEncoding(bytes.subarray(0, SNIFF_BYTES));
  const encoding = detected.encoding;
  if (bytes.length === 0) return unreadable(encoding, 'empty-file', 'The file is empty (0 bytes). Export the stock file from the warehouse system again.');
  const binary = describeBinary(bytes.subarray(0, SNIFF_BYTES), encoding);
  if (binary !== null) {
    return unreadable(encoding, 'binary-file', `This file is ${binary}, not a stock list. Save the sheet from Excel as "CSV UTF-8 (comma delimited)" and import that file.`);
  }
  const text = decodeBytes(bytes, detected);
  const firstLines = text.split('\n', PREAMBLE_ROWS + 1).filter((line) => line.trim() !== '');
  if (firstLines.length === 0) return unreadable(encoding, 'empty-file', 'The file has no text in it (only blank lines). Export the stock file from the warehouse system again.');
  // The first line with a tab or comma decides: a title line above the header may have neither.
  const headerLine = (firstLines.find((line) => line.includes('\t') || line.includes(',')) ?? firstLines[0] ?? '').replace(/\r$/, '');
  const delimiter = detectDelimiter(headerLine);
  const splitter = createRowSplitter(delimiter, detectQuoting(delimiter, headerLine));
  const all = splitter.push(text);
  for (const row of splitter.end()) all.push(row);
  const filled = (row: readonly string[]): number => row.reduce((n, c) => (isBlank(c) ? n : n + 1), 0);
  let headerAt = all.findIndex((row, i) => i < PREAMBLE_ROWS && filled(row) >= 2);
  if (headerAt < 0) headerAt = all.findIndex((row) => filled(row) > 0);
  if (headerAt < 0) return unreadable(encoding, 'empty-file', 'The file has no text in it (only empty cells). Export the stock file from the warehouse system again.');
  const headers = (all[headerAt] ?? []).map((h) => h.trim());
  const rows = all.slice(headerAt + 1).filter((row) => filled(row) > 0);
  if (rows.length === 0 && splitter.ending !== 'unterminated-quote') {
    return unreadable(encoding, 'empty-file', 'The file has a header line but no stock rows under it, so there is nothing to import. Export the stock list again with its rows.');
  }
  const lastRowAtEnd = splitter.ending === 'no-final-newline' && rows.length > 0 && rows[rows.length - 1] === all[all.length - 1];
  return { encoding, delimiter, headers, rows, ending: splitter.ending, lastRowAtEnd };
}
