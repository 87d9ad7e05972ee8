// The seller's forecasts as a spreadsheet (shared/planning/forecastRatesFile.ts): what the list's
// Export writes reads back the same, in English or Chinese headers and the encodings Excel saves;
// each refusal names the file, the row and the field.
import { describe, expect, test } from 'vitest';
import { toCsv } from '../../shared/csv';
import { errorOf } from './domainErrorKit';
import { MAX_FILE_BYTES, readForecastRatesFile } from '../../shared/planning/forecastRatesFile';

const TODAY = '2026-11-27';
const FILE = 'forecasts.csv';
const SKUS = new Map([
  ['CASE-01', 1],
  ['杯子-03', 3],
  ['=PROMO', 4],
]);
const skuIdOf = (code: string) => SKUS.get(code.trim().toUpperCase());
const utf8 = (text: string) => new TextEncoder().encode(text);
const read = (bytes: Uint8Array) => readForecastRatesFile(bytes, FILE, skuIdOf, TODAY);

/** The refusal of a file, given as text (UTF-8) or bytes. */
const refusal = (file: string | Uint8Array) => errorOf(() => read(typeof file === 'string' ? utf8(file) : file));

describe('reading a forecasts file', () => {
  test('what Export writes (BOM, CRLF, a formula-like code neutralised) reads back as it was', () => {
    const text = toCsv(
      ['SKU', 'Marketplace', 'Units per day', 'Until'],
      [
        ['CASE-01', 'DE', 12.5, ''],
        ['杯子-03', 'US', 0, '2027-01-31'],
        ['=PROMO', 'JP', 1500, ''],
      ],
    );
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text).toContain("'=PROMO");
    expect(read(utf8(text))).toEqual([
      { skuId: 1, marketplace: 'DE', unitsPerDay: 12.5, until: null },
      { skuId: 3, marketplace: 'US', unitsPerDay: 0, until: '2027-01-31' },
      { skuId: 4, marketplace: 'JP', unitsPerDay: 1500, until: null },
    ]);
  });

  test('Chinese headers in any order, tab-separated UTF-16 (Excel’s “Unicode text”), blank rows, dates as Chinese Excel shows them', () => {
    const text = '每日件数\t截止日期\t站点\tSKU\r\n8\t2027/1/5\tde\tcase-01\r\n\t\t\t\r\n3,5\t\tUS\t杯子-03\r\n';
    const bytes = new Uint8Array([0xff, 0xfe, ...new Uint8Array(Buffer.from(text, 'utf16le'))]);
    expect(read(bytes)).toEqual([
      { skuId: 1, marketplace: 'DE', unitsPerDay: 8, until: '2027-01-05' },
      { skuId: 3, marketplace: 'US', unitsPerDay: 3.5, until: null },
    ]);
  });

  test('the Until column may be left out; other columns are ignored', () => {
    expect(read(utf8('Note,SKU,Marketplace,Units per day\nlaunch,CASE-01,UK,"1,200"\n'))).toEqual([{ skuId: 1, marketplace: 'UK', unitsPerDay: 1200, until: null }]);
  });

  test('each refusal names the file, the row (the header is row 1) and the field', () => {
    const header = 'SKU,Marketplace,Units per day,Until\n';
    expect(refusal(header + 'CASE-01,DE,-3,\n')).toEqual({ code: 'field.negative', params: { field: 'unitsPerDay', value: '-3', file: FILE, row: 2 } });
    // The last row with no line end after it, below a blank line.
    expect(refusal(header + 'CASE-01,DE,3,\n\nCASE-01,UK,-3,')).toEqual({ code: 'field.negative', params: { field: 'unitsPerDay', value: '-3', file: FILE, row: 4 } });
    expect(refusal(header + '\nCASE-01,DE,3,\nNO-SUCH,DE,3,\n')).toEqual({ code: 'rates.unknownSku', params: { file: FILE, row: 4, code: 'NO-SUCH' } });
    expect(refusal(header + ',DE,3,\n')).toEqual({ code: 'field.required', params: { field: 'sku', file: FILE, row: 2 } });
    expect(refusal(header + 'CASE-01,Mars,3,\n')).toEqual({ code: 'field.unknownChoice', params: { field: 'marketplace', value: 'Mars', file: FILE, row: 2 } });
    expect(refusal(header + 'CASE-01,DE,3,2026-11-01\n')).toEqual({ code: 'field.dateTooEarly', params: { field: 'until', value: '2026-11-01', earliest: '2026-11-28', file: FILE, row: 2 } });
    expect(refusal(header + 'CASE-01,DE,3,31/01/2027\n')).toEqual({ code: 'field.badDate', params: { field: 'until', value: '31/01/2027', file: FILE, row: 2 } });
    expect(refusal(header + 'CASE-01,DE,3,\ncase-01,de,4,\n')).toEqual({ code: 'rates.duplicate', params: { file: FILE, row: 3, firstRow: 2, code: 'case-01', marketplace: 'DE' } });
    expect(refusal('SKU,Marketplace,Until\nCASE-01,DE,\n')).toEqual({ code: 'rates.missingColumn', params: { file: FILE, field: 'unitsPerDay' } });
    expect(refusal(header)).toEqual({ code: 'rates.empty', params: { file: FILE } });
    expect(refusal('\n\n')).toEqual({ code: 'rates.empty', params: { file: FILE } });
  });

  test('row numbers are the spreadsheet’s in every layout: tab-separated, UTF-16, blank lines, a cell over two lines, old Mac line ends', () => {
    const tsv = 'SKU\tMarketplace\tUnits per day\nCASE-01\tDE\t3\n\nCASE-01\tUK\t-3\n';
    expect(refusal(tsv).params).toMatchObject({ field: 'unitsPerDay', row: 4 });
    const utf16 = new Uint8Array([0xff, 0xfe, ...new Uint8Array(Buffer.from('SKU\tMarketplace\tUnits per day\r\nCASE-01\tDE\t3\r\nNOPE\tDE\t3\r\n', 'utf16le'))]);
    expect(refusal(utf16)).toEqual({ code: 'rates.unknownSku', params: { file: FILE, row: 3, code: 'NOPE' } });
    // A title-less file that starts with blank lines: the header is found, its delimiter read from it.
    expect(refusal('\n\nSKU,Marketplace,Units per day\nCASE-01,DE,x\n').params).toMatchObject({ field: 'unitsPerDay', row: 4 });
    // A title line above the header is passed over.
    expect(refusal('Launch plan Q1\nSKU,Marketplace,Units per day\nCASE-01,DE,x\n')).toEqual({ code: 'field.notNumber', params: { field: 'unitsPerDay', value: 'x', file: FILE, row: 3 } });
    // A note over two lines is one spreadsheet row.
    expect(refusal('Note,SKU,Marketplace,Units per day\n"line one\nline two",CASE-01,DE,3\nlast,NOPE,DE,3\n')).toEqual({ code: 'rates.unknownSku', params: { file: FILE, row: 3, code: 'NOPE' } });
    expect(refusal('SKU,Marketplace,Units per day\rCASE-01,DE,3\rCASE-01,DE,4\r')).toEqual({ code: 'rates.duplicate', params: { file: FILE, row: 3, firstRow: 2, code: 'CASE-01', marketplace: 'DE' } });
  });

  test('a file far larger than any forecasts file is refused before it is read', () => {
    expect(refusal(new Uint8Array(MAX_FILE_BYTES + 1))).toEqual({ code: 'rates.tooLarge', params: { file: FILE, max: '5 MB' } });
    // At the cap it is read: a forecast, then blanks up to the cap.
    const atCap = new Uint8Array(MAX_FILE_BYTES).fill(0x20);
    atCap.set(utf8('SKU,Marketplace,Units per day\nCASE-01,DE,3\n'));
    expect(read(atCap)).toEqual([{ skuId: 1, marketplace: 'DE', unitsPerDay: 3, until: null }]);
  });
});
