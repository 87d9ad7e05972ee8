// Generic warehouse and 3PL stock files: sniff, guess the mapping, parse to stock lines, and the
// problems a seller can act on (each naming its row and column).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeBytes, detectEncoding } from '../../shared/import';
import { guessGenericMapping, headerSignature, parseGenericStock, sniffGeneric } from '../../shared/import/generic';
import type { GenericMapping } from '../../shared/import/generic';
import { utf8 } from './importTestKit';

function warehouseFixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(`../fixtures/warehouse/${name}`, import.meta.url)));
}

const EN = '3pl-stock.en.bom-crlf.csv';
const ZH = 'domestic-stock.zh-CN.gbk.csv';

/** A mapping with only the two columns every file needs. */
function mapping(codeColumn: string, quantityColumn: string, extra: Partial<GenericMapping> = {}): GenericMapping {
  return { codeColumn, codeType: 'sku', quantityColumn, dateColumn: null, locationColumn: null, costColumn: null, ...extra };
}

const SIMPLE = mapping('SKU', 'Qty');

/** A CSV of `SKU,Qty` rows under that header. */
function simpleCsv(...rows: string[]): Uint8Array {
  return utf8(['SKU,Qty', ...rows].join('\n') + '\n');
}

function sniffed(bytes: Uint8Array) {
  const result = sniffGeneric(bytes);
  if ('error' in result) throw new Error(result.error.message);
  return result;
}

describe('the 3PL export (English CSV, UTF-8 BOM, CRLF)', () => {
  const bytes = warehouseFixture(EN);

  it('sniffs encoding, delimiter, headers, row count and the first rows', () => {
    const result = sniffed(bytes);
    expect(result).toMatchObject({ encoding: 'utf-8', delimiter: ',', rowCount: 5 });
    expect(result.headers).toEqual(['SKU', 'FNSKU', 'Description', 'Warehouse', 'Bin', 'On Hand', 'Available', 'Unit Cost', 'As Of']);
    expect(result.sampleRows).toHaveLength(5);
    expect(result.sampleRows[0]).toEqual(['BT-EARBUD-BLK', 'X0041K7QX2', 'Wireless Earbuds, Black', 'Reno NV', 'A-01-03', '1,250', '1,200', '$12.40', '11/26/2026']);
    expect(result.sampleRows[4]?.[2]).toBe('Bamboo Desk Organizer 12" x 6"');
    expect(result.signature).toBe(headerSignature(result.headers));
  });

  it('the guess finds every column, preferring SKU over FNSKU and On Hand over Available', () => {
    expect(guessGenericMapping(sniffed(bytes).headers)).toEqual({
      codeColumn: 'SKU',
      codeType: 'sku',
      quantityColumn: 'On Hand',
      dateColumn: 'As Of',
      locationColumn: 'Warehouse',
      costColumn: 'Unit Cost',
    });
  });

  it('parses to lines, summing a SKU split over bins of one warehouse and date', () => {
    const result = parseGenericStock(bytes, { codeColumn: 'SKU', codeType: 'sku', quantityColumn: 'On Hand', dateColumn: 'As Of', locationColumn: 'Warehouse', costColumn: 'Unit Cost' });
    expect(result.problems).toEqual([]);
    expect(result.encoding).toBe('utf-8');
    expect(result.rowCount).toBe(5);
    expect(result.lines).toEqual([
      { row: 1, code: 'BT-EARBUD-BLK', quantity: 1550, date: '2026-11-26', location: 'Reno NV', unitCostMinor: 1240 },
      { row: 3, code: 'USB-C-CBL-2M-WHT', quantity: 2, date: '2026-11-26', location: 'Reno NV', unitCostMinor: 315 },
      { row: 4, code: 'USB-C-CBL-2M-WHT', quantity: 540, date: '2026-11-26', location: 'Ontario CA', unitCostMinor: 315 },
      { row: 5, code: 'DESK-ORG-BAMB', quantity: 0, date: '2026-11-26', location: 'Ontario CA', unitCostMinor: 980 },
    ]);
  });

  it('by FNSKU and without a location column, the same code is summed over every warehouse', () => {
    const result = parseGenericStock(bytes, mapping('FNSKU', 'Available', { codeType: 'fnsku' }));
    expect(result.problems).toEqual([]);
    expect(result.lines.map((l) => [l.code, l.quantity, l.location, l.date])).toEqual([
      ['X0041K7QX2', 1500, null, null],
      ['X0039TWJ5R', 522, null, null],
      ['X003BQ2W7N', 0, null, null],
    ]);
  });
});

describe('the Chinese domestic warehouse export (GBK from Chinese Excel)', () => {
  const bytes = warehouseFixture(ZH);

  it('is detected as gb18030 and the guess finds all columns', () => {
    const result = sniffed(bytes);
    expect(result).toMatchObject({ encoding: 'gb18030', delimiter: ',', rowCount: 5 });
    expect(result.headers).toEqual(['货号', '商品名称', '仓库', '库存数量', '成本价', '日期']);
    expect(result.sampleRows[1]?.[1]).toBe('USB-C 数据线 2米,两条装 白色');
    expect(guessGenericMapping(result.headers)).toEqual({ codeColumn: '货号', codeType: 'sku', quantityColumn: '库存数量', dateColumn: '日期', locationColumn: '仓库', costColumn: '成本价' });
  });

  it('parses quantities with thousands separators, yuan costs in fen, and 2026/11/26 dates', () => {
    const result = parseGenericStock(bytes, { codeColumn: '货号', codeType: 'sku', quantityColumn: '库存数量', dateColumn: '日期', locationColumn: '仓库', costColumn: '成本价' });
    expect(result.problems).toEqual([]);
    expect(result).toMatchObject({ encoding: 'gb18030', rowCount: 5 });
    expect(result.lines).toEqual([
      { row: 1, code: 'BT-EARBUD-BLK', quantity: 1200, date: '2026-11-26', location: '深圳仓', unitCostMinor: 4550 },
      { row: 2, code: 'USB-C-CBL-2M-WHT', quantity: 860, date: '2026-11-26', location: '深圳仓', unitCostMinor: 680 },
      { row: 3, code: 'DESK-ORG-BAMB', quantity: 320, date: '2026-11-26', location: '义乌仓', unitCostMinor: 2800 },
      { row: 4, code: 'YOGA-MAT-6MM-PRP', quantity: 0, date: '2026-11-26', location: '义乌仓', unitCostMinor: 3250 },
      { row: 5, code: 'BT-EARBUD-BLK', quantity: 45, date: '2026-11-26', location: '义乌仓', unitCostMinor: 4550 },
    ]);
  });

  it('gives the same lines when the same sheet is saved as CSV UTF-8 instead', () => {
    const text = decodeBytes(bytes, detectEncoding(bytes));
    const asUtf8 = utf8(`\uFEFF${text}`);
    const map: GenericMapping = { codeColumn: '货号', codeType: 'sku', quantityColumn: '库存数量', dateColumn: '日期', locationColumn: '仓库', costColumn: '成本价' };
    const utf8Result = parseGenericStock(asUtf8, map);
    expect(utf8Result.encoding).toBe('utf-8');
    expect(utf8Result.lines).toEqual(parseGenericStock(bytes, map).lines);
  });
});

describe('headerSignature', () => {
  it('is the same for the same header in GBK and UTF-8', () => {
    const gbkSniff = sniffed(warehouseFixture(ZH));
    const text = decodeBytes(warehouseFixture(ZH), { encoding: 'gb18030', bomLength: 0 });
    const utf8Sniff = sniffed(utf8(`\uFEFF${text}`));
    expect(utf8Sniff.encoding).toBe('utf-8');
    expect(utf8Sniff.signature).toBe(gbkSniff.signature);
  });

  it('is the same whatever the rows, and ignores case, spacing and Excel’s trailing empty columns', () => {
    const a = sniffed(simpleCsv('A-1,5')).signature;
    expect(sniffed(simpleCsv('B-2,7', 'C-3,9')).signature).toBe(a);
    expect(sniffed(utf8('sku , QTY,,\nA-1,5,,\n')).signature).toBe(a);
    expect(sniffed(utf8('SKU\tQty\nA-1\t5\n')).signature).toBe(a);
    expect(headerSignature(['On Hand', 'Unit Cost'])).toBe(headerSignature(['on_hand', 'UNIT-COST']));
  });

  it('differs when a column is added, removed or reordered', () => {
    const base = headerSignature(['SKU', 'Qty']);
    expect(headerSignature(['SKU', 'Qty', 'Warehouse'])).not.toBe(base);
    expect(headerSignature(['SKU'])).not.toBe(base);
    expect(headerSignature(['Qty', 'SKU'])).not.toBe(base);
    expect(headerSignature(['SKU', '', 'Qty'])).not.toBe(base);
  });
});

describe('guessGenericMapping', () => {
  const none = { codeColumn: null, codeType: 'sku', quantityColumn: null, dateColumn: null, locationColumn: null, costColumn: null };
  it.each([
    [['SKU', 'Qty'], { codeColumn: 'SKU', quantityColumn: 'Qty' }],
    [['Item code', 'Description', 'Quantity', 'Location'], { codeColumn: 'Item code', quantityColumn: 'Quantity', locationColumn: 'Location' }],
    [['Seller SKU', 'Available', 'Stock date'], { codeColumn: 'Seller SKU', codeType: 'sellerSku', quantityColumn: 'Available', dateColumn: 'Stock date' }],
    [['MSKU', 'ASIN', 'On hand'], { codeColumn: 'MSKU', codeType: 'sellerSku', quantityColumn: 'On hand' }],
    [['FNSKU', 'ASIN', 'Stock'], { codeColumn: 'FNSKU', codeType: 'fnsku', quantityColumn: 'Stock' }],
    [['ASIN', 'Title', 'Inventory'], { codeColumn: 'ASIN', codeType: 'asin', quantityColumn: 'Inventory' }],
    [['Item', 'Product code', 'Qty'], { codeColumn: 'Product code', quantityColumn: 'Qty' }],
    [['Item', 'Qty'], { codeColumn: 'Item', quantityColumn: 'Qty' }],
    [['product_code', 'QTY', 'As Of', 'WAREHOUSE', 'unit cost'], { codeColumn: 'product_code', quantityColumn: 'QTY', dateColumn: 'As Of', locationColumn: 'WAREHOUSE', costColumn: 'unit cost' }],
    [['Location', 'Warehouse', 'SKU', 'Available', 'On Hand'], { codeColumn: 'SKU', quantityColumn: 'On Hand', locationColumn: 'Warehouse' }],
    [['Unit Cost (USD)', 'Quantity (units)', 'SKU'], { codeColumn: 'SKU', quantityColumn: 'Quantity (units)', costColumn: 'Unit Cost (USD)' }],
    [['商品编码', '商品名称', '可用库存', '仓库名称', '盘点日期', '单价'], { codeColumn: '商品编码', quantityColumn: '可用库存', locationColumn: '仓库名称', dateColumn: '盘点日期', costColumn: '单价' }],
    [['SKU编码', '实际库存', '可用库存', '库存日期', '成本'], { codeColumn: 'SKU编码', quantityColumn: '实际库存', dateColumn: '库存日期', costColumn: '成本' }],
    [['商家编码', '在库数量', '仓库'], { codeColumn: '商家编码', quantityColumn: '在库数量', locationColumn: '仓库' }],
    [['库存SKU', '库存', '日期'], { codeColumn: '库存SKU', quantityColumn: '库存', dateColumn: '日期' }],
    [['产品编码', '数量', '可用数量'], { codeColumn: '产品编码', quantityColumn: '数量' }],
    [['货号', '库存数量（件）', '成本价（元）'], { codeColumn: '货号', quantityColumn: '库存数量（件）', costColumn: '成本价（元）' }],
    [['Name', 'Colour', 'Size'], {}],
    [[], {}],
  ] as const)('%j', (headers, expected) => {
    expect(guessGenericMapping(headers)).toEqual({ ...none, ...expected });
  });
});

describe('other layouts', () => {
  it('a TSV with a location column', () => {
    const bytes = utf8('Item code\tLocation\tQty\nA-1\tShenzhen\t5\nA-1\tYiwu\t7\nA-1\tShenzhen\t1\n');
    expect(sniffed(bytes).delimiter).toBe('\t');
    const result = parseGenericStock(bytes, mapping('Item code', 'Qty', { locationColumn: 'Location' }));
    expect(result.problems).toEqual([]);
    expect(result.lines).toEqual([
      { row: 1, code: 'A-1', quantity: 6, date: null, location: 'Shenzhen', unitCostMinor: null },
      { row: 2, code: 'A-1', quantity: 7, date: null, location: 'Yiwu', unitCostMinor: null },
    ]);
  });

  it('the same code on different dates stays apart', () => {
    const bytes = utf8('SKU,Qty,Date\nA-1,5,2026-11-25\nA-1,7,2026-11-26\n');
    expect(parseGenericStock(bytes, mapping('SKU', 'Qty', { dateColumn: 'Date' })).lines.map((l) => [l.date, l.quantity])).toEqual([
      ['2026-11-25', 5],
      ['2026-11-26', 7],
    ]);
  });

  it('summed bins at different costs get the quantity-weighted cost', () => {
    const bytes = utf8('SKU,Qty,Cost\nA-1,10,1.00\nA-1,30,2.00\nA-1,0,9.00\nB-2,4,\nB-2,4,3.00\n');
    expect(parseGenericStock(bytes, mapping('SKU', 'Qty', { costColumn: 'Cost' })).lines.map((l) => [l.code, l.quantity, l.unitCostMinor])).toEqual([
      ['A-1', 40, 175],
      ['B-2', 8, 300],
    ]);
  });

  it.each([
    ['1,250', 1250],
    ['"1,250"', 1250],
    ['1 250', 1250],
    ['1.250.000', 1250000],
    ['"5.255,00"', 5255],
    ['12.0', 12],
    [' 7 ', 7],
    ['0', 0],
  ])('quantity %s reads as %i (in a TSV, where commas need no quotes)', (cell, expected) => {
    const result = parseGenericStock(utf8(`SKU\tQty\nA-1\t${cell}\n`), SIMPLE);
    expect(result.problems).toEqual([]);
    expect(result.lines[0]?.quantity).toBe(expected);
  });

  it.each([
    ['2026/11/26', '2026-11-26'],
    ['2026-11-26', '2026-11-26'],
    ['2026年11月26日', '2026-11-26'],
    ['2026年1月5日', '2026-01-05'],
    ['2026年11月26日 08:30', '2026-11-26'],
    ['2026.11.26', '2026-11-26'],
    ['2026/11/26 0:00', '2026-11-26'],
    ['11/26/2026', '2026-11-26'],
    ['26.11.2026', '2026-11-26'],
    ['"Nov 26, 2026"', '2026-11-26'],
  ])('date %s reads as %s', (cell, expected) => {
    const bytes = utf8(`SKU,Qty,Date\nA-1,5,${cell}\n`);
    const result = parseGenericStock(bytes, mapping('SKU', 'Qty', { dateColumn: 'Date' }));
    expect(result.problems).toEqual([]);
    expect(result.lines[0]?.date).toBe(expected);
  });

  it('one day-first date makes the whole column day-first', () => {
    const bytes = utf8('SKU,Qty,Date\nA-1,5,04/11/2026\nB-2,5,26/11/2026\n');
    expect(parseGenericStock(bytes, mapping('SKU', 'Qty', { dateColumn: 'Date' })).lines.map((l) => l.date)).toEqual(['2026-11-04', '2026-11-26']);
    const us = utf8('SKU,Qty,Date\nA-1,5,04/11/2026\n');
    expect(parseGenericStock(us, mapping('SKU', 'Qty', { dateColumn: 'Date' })).lines[0]?.date).toBe('2026-04-11');
  });

  it('costs: currency symbols, decimal commas, and a zero-decimal currency', () => {
    const bytes = utf8('SKU,Qty,Cost\nA-1,1,$12.40\nB-2,1,"5.255,61 €"\nC-3,1,¥6.8\nD-4,1,0.125\n');
    expect(parseGenericStock(bytes, mapping('SKU', 'Qty', { costColumn: 'Cost' })).lines.map((l) => l.unitCostMinor)).toEqual([1240, 525561, 680, 12.5]);
    const yen = utf8('SKU,Qty,Cost\nA-1,1,"¥1,200"\n');
    expect(parseGenericStock(yen, mapping('SKU', 'Qty', { costColumn: 'Cost' }), { costCurrency: 'JPY' }).lines[0]?.unitCostMinor).toBe(1200);
  });

  it('mapped columns are found by name, not position, and tolerate case and spacing', () => {
    const bytes = utf8('Note,qty ,sku\nx,5,A-1\n');
    expect(parseGenericStock(bytes, SIMPLE).lines).toEqual([{ row: 1, code: 'A-1', quantity: 5, date: null, location: null, unitCostMinor: null }]);
  });

  it('a title line above the header (Chinese ERP exports) is skipped', () => {
    const bytes = utf8('库存明细表,,\n,,\n货号,库存数量,仓库\nA-1,5,深圳仓\n');
    const result = sniffed(bytes);
    expect(result.headers).toEqual(['货号', '库存数量', '仓库']);
    expect(result.rowCount).toBe(1);
    expect(parseGenericStock(bytes, mapping('货号', '库存数量')).lines).toEqual([{ row: 1, code: 'A-1', quantity: 5, date: null, location: null, unitCostMinor: null }]);
  });

  it('codes written as ="00123" (to keep Excel from dropping zeros) are unwrapped', () => {
    const result = parseGenericStock(simpleCsv('="00123",5', '"=""00456""",6'), SIMPLE);
    expect(result.lines.map((l) => l.code)).toEqual(['00123', '00456']);
  });

  it('blank lines and rows of empty cells are not rows and do not shift row numbers', () => {
    const result = parseGenericStock(utf8('SKU,Qty\n\nA-1,5\n,\n\nB-2,x\n'), SIMPLE);
    expect(result.rowCount).toBe(2);
    expect(result.problems).toEqual([expect.objectContaining({ row: 2, column: 'Qty', code: 'bad-number' })]);
  });
});

describe('bad input names the row and the column', () => {
  it.each([
    ['a fractional quantity', '2.5', 'bad-number', 'Row 2: "Qty" is "2.5", which is not a whole number of units, so the row was not imported.'],
    ['a blank quantity (unknown, not zero)', '', 'missing-value', 'Row 2: "Qty" is empty (a blank quantity is unknown, not zero), so the row was not imported.'],
    ['a negative quantity', '-3', 'bad-number', 'Row 2: "Qty" is "-3": stock on hand cannot be negative, so the row was not imported.'],
    ['a quantity that is no number', 'abc', 'bad-number', 'Row 2: "Qty" is "abc", which is not a number, so the row was not imported.'],
    ['a quantity with a Chinese unit', '12件', 'bad-number', 'Row 2: "Qty" is "12件", which is not a number, so the row was not imported.'],
  ])('%s is an error for that row', (_name, cell, code, message) => {
    const result = parseGenericStock(simpleCsv('A-1,5', `B-2,${cell}`, 'C-3,7'), SIMPLE);
    expect(result.rowCount).toBe(3);
    expect(result.problems).toEqual([{ row: 2, column: 'Qty', severity: 'error', code, message }]);
    expect(result.lines.map((l) => l.code)).toEqual(['A-1', 'C-3']);
  });

  it('a blank code skips the row with a warning', () => {
    const result = parseGenericStock(simpleCsv('A-1,5', ',9', 'C-3,7'), SIMPLE);
    expect(result.rowCount).toBe(3);
    expect(result.problems).toEqual([{ row: 2, column: 'SKU', severity: 'warning', code: 'missing-value', message: 'Row 2: "SKU" is empty, so the row was skipped.' }]);
    expect(result.lines.map((l) => l.code)).toEqual(['A-1', 'C-3']);
  });

  it('a totals row under the table is skipped with a warning, not read as a product', () => {
    const result = parseGenericStock(utf8('货号,数量\nA-1,5\n合计,5\n'), mapping('货号', '数量'));
    expect(result.lines).toHaveLength(1);
    expect(result.problems).toEqual([expect.objectContaining({ row: 2, column: '货号', severity: 'warning', code: 'missing-value', message: expect.stringContaining('totals row') })]);
  });

  it('a code Excel turned into a number is an error', () => {
    const result = parseGenericStock(simpleCsv('6.9E+11,5'), SIMPLE);
    expect(result.lines).toEqual([]);
    expect(result.problems).toEqual([expect.objectContaining({ row: 1, column: 'SKU', severity: 'error', code: 'scientific-id' })]);
  });

  it('a mapped column missing from the header is a file-level error naming it', () => {
    const result = parseGenericStock(simpleCsv('A-1,5'), mapping('SKU', 'Qty', { locationColumn: 'Warehouse', dateColumn: 'As Of' }));
    expect(result).toMatchObject({ encoding: 'utf-8', rowCount: 0, lines: [] });
    expect(result.problems).toEqual([
      { severity: 'error', code: 'missing-column', column: 'As Of', message: 'The column "As Of" is not in this file\'s header ("SKU", "Qty"). Check the column mapping for this warehouse file.' },
      { severity: 'error', code: 'missing-column', column: 'Warehouse', message: 'The column "Warehouse" is not in this file\'s header ("SKU", "Qty"). Check the column mapping for this warehouse file.' },
    ]);
  });

  it('a blank or unreadable date, and a blank location, are errors for the row', () => {
    const bytes = utf8('SKU,Qty,Date,Warehouse\nA-1,5,,Reno\nB-2,5,someday,Reno\nC-3,5,2026-11-26,\nD-4,5,2026-02-30,Reno\n');
    const result = parseGenericStock(bytes, mapping('SKU', 'Qty', { dateColumn: 'Date', locationColumn: 'Warehouse' }));
    expect(result.lines).toEqual([]);
    expect(result.problems.map((p) => [p.row, p.column, p.severity, p.code])).toEqual([
      [1, 'Date', 'error', 'missing-value'],
      [2, 'Date', 'error', 'bad-date'],
      [3, 'Warehouse', 'error', 'missing-value'],
      [4, 'Date', 'error', 'bad-date'],
    ]);
  });

  it('an unreadable cost is a warning: the stock is kept with an unknown cost', () => {
    const result = parseGenericStock(utf8('SKU,Qty,Cost\nA-1,5,n/a\nB-2,5,-1.00\n'), mapping('SKU', 'Qty', { costColumn: 'Cost' }));
    expect(result.lines.map((l) => [l.code, l.quantity, l.unitCostMinor])).toEqual([
      ['A-1', 5, null],
      ['B-2', 5, null],
    ]);
    expect(result.problems.map((p) => [p.row, p.column, p.severity, p.code])).toEqual([
      [1, 'Cost', 'warning', 'bad-number'],
      [2, 'Cost', 'warning', 'bad-number'],
    ]);
  });

  it('a row with more values than the header (an unquoted comma) is not guessed at', () => {
    const result = parseGenericStock(utf8('SKU,Name,Qty\nA-1,Earbuds, black,5\nB-2,Cable,3,,\n'), mapping('SKU', 'Qty'));
    expect(result.lines.map((l) => l.code)).toEqual(['B-2']);
    expect(result.problems).toEqual([expect.objectContaining({ row: 1, severity: 'error', code: 'column-count' })]);
  });

  it('a file cut off mid-row or inside a quote says so', () => {
    const cut = parseGenericStock(utf8('SKU,Name,Qty\nA-1,Earbuds,5\nB-2,Cab'), mapping('SKU', 'Qty'));
    expect(cut.lines).toHaveLength(1);
    expect(cut.problems).toEqual([expect.objectContaining({ row: 2, severity: 'error', code: 'truncated-row' })]);
    const quote = parseGenericStock(utf8('SKU,Name,Qty\nA-1,Earbuds,5\nB-2,"Cable 2m'), mapping('SKU', 'Qty'));
    expect(quote.rowCount).toBe(1);
    expect(quote.problems).toEqual([expect.objectContaining({ row: 2, severity: 'error', code: 'truncated-quote' })]);
  });

  it('characters already lost in the file are warned about once', () => {
    const result = parseGenericStock(utf8('SKU,Warehouse,Qty\nA-1,Gr??e Lager,5\nB-2,\uFFFD\uFFFD,3\n'), mapping('SKU', 'Qty', { locationColumn: 'Warehouse' }));
    expect(result.lines).toHaveLength(2);
    expect(result.problems).toEqual([expect.objectContaining({ row: 1, severity: 'warning', code: 'encoding-loss', message: expect.stringContaining('4 characters') })]);
  });

  it.each([
    ['an empty file', new Uint8Array(0), 'empty-file', 'empty (0 bytes)'],
    ['only blank lines', utf8('\uFEFF\r\n\r\n  \n'), 'empty-file', 'only blank lines'],
    ['only empty cells', utf8(',,,\r\n,,,\r\n'), 'empty-file', 'only empty cells'],
    ['a header with no rows', utf8('SKU,Qty\r\n'), 'empty-file', 'no stock rows'],
    ['a header and empty rows', utf8('SKU,Qty\r\n,\r\n'), 'empty-file', 'no stock rows'],
    ['a PNG image', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), 'binary-file', 'a PNG image'],
    ['an Excel workbook', Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 20, 0, 6, 0]), 'binary-file', 'Excel workbook (.xlsx)'],
    ['an old Excel workbook', Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), 'binary-file', 'old Excel workbook (.xls)'],
  ])('%s is a file-level error, from sniff and parse alike', (_name, bytes, code, text) => {
    const sniff = sniffGeneric(bytes);
    expect(sniff).toEqual({ error: { severity: 'error', code, message: expect.stringContaining(text) } });
    const result = parseGenericStock(bytes, SIMPLE);
    expect(result).toMatchObject({ rowCount: 0, lines: [] });
    expect(result.problems).toEqual([{ severity: 'error', code, message: expect.stringContaining(text) }]);
  });
});
