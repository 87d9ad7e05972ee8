// The CSV every table exports (renderer/components/tableCsv.ts): toCsv's rules per cell, headers in
// the UI language, and the chunked build writing exactly the same file.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { minorToAmountNumber } from '../../shared/money';
import { isSafeFileName } from '../../shared/bridge';
import { csvFileName, tableCsv, tableCsvBytesInChunks, tableCsvInChunks } from '../../renderer/components/tableCsv';
import type { CsvColumn } from '../../renderer/components/tableCsv';
import { zhCN } from '../../renderer/i18n/zh-CN';

interface Line {
  sku: string;
  qty: number;
  valueMinor: number;
  date: string;
}

const columns: CsvColumn<Line>[] = [
  { header: zhCN['field.name'], value: (l) => l.sku },
  { header: zhCN['field.qty'], value: (l) => l.qty },
  { header: zhCN['field.date'], value: (l) => l.date },
  { header: 'Value (USD)', value: (l) => minorToAmountNumber(l.valueMinor, 'USD') },
];

const noPause = () => Promise.resolve();

describe('tableCsv', () => {
  it('writes the header in the UI language, numbers as numbers and formula-like text neutralised', () => {
    const text = tableCsv(columns, [
      { sku: '=HYPERLINK("http://x","y")', qty: -3, valueMinor: -1250, date: '2026-11-27' },
      { sku: '-5', qty: 0, valueMinor: 199, date: '2026-01-02' },
      { sku: '@SUM', qty: 12, valueMinor: 0, date: '2026-01-03' },
    ]);
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text.slice(1).split('\r\n')).toEqual([
      '名称,数量,日期,Value (USD)',
      `"'=HYPERLINK(""http://x"",""y"")",-3,2026-11-27,-12.5`,
      "'-5,0,2026-01-02,1.99",
      "'@SUM,12,2026-01-03,0",
      '',
    ]);
  });

  it('leaves a blank cell for null and undefined, and for a number that is not finite', () => {
    const blanks: CsvColumn<number>[] = [
      { header: 'a', value: () => null },
      { header: 'b', value: () => undefined },
      { header: 'c', value: () => Number.NaN },
      { header: 'd', value: (n) => n },
    ];
    expect(tableCsv(blanks, [7])).toBe('\uFEFFa,b,c,d\r\n,,,7\r\n');
  });

  it('writes only the header for no rows', () => {
    expect(tableCsv(columns, [])).toBe(`\uFEFF${zhCN['field.name']},${zhCN['field.qty']},${zhCN['field.date']},Value (USD)\r\n`);
  });
});

describe('tableCsvInChunks', () => {
  it('builds the same text as tableCsv, pausing between chunks', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ sku: fc.string(), qty: fc.integer({ min: -1000, max: 1000 }), valueMinor: fc.integer({ min: -1e6, max: 1e6 }), date: fc.constant('2026-11-27') }), { maxLength: 40 }),
        fc.integer({ min: 1, max: 7 }),
        async (lines, chunkRows) => {
          let pauses = 0;
          const text = await tableCsvInChunks(columns, lines, () => {
            pauses += 1;
            return Promise.resolve();
          }, chunkRows);
          expect(text).toBe(tableCsv(columns, lines));
          expect(pauses).toBe(Math.max(0, Math.ceil(lines.length / chunkRows) - 1));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('writes every row, not only one chunk', async () => {
    const rows = Array.from({ length: 12_345 }, (_, i) => i - 6_000);
    const text = await tableCsvInChunks([{ header: 'n', value: (n: number) => n }], rows, noPause);
    const lines = text.slice(1).split('\r\n');
    expect(lines).toHaveLength(12_345 + 2);
    expect(lines[1]).toBe('-6000');
    expect(lines[12_345]).toBe('6344');
  });
});

describe('tableCsvBytesInChunks', () => {
  it('is the same file as UTF-8 bytes: the BOM as EF BB BF, Chinese headers intact', async () => {
    const rows: Line[] = Array.from({ length: 11 }, (_, i) => ({ sku: i % 3 === 0 ? `=SKU-${i}` : `仓库-${i}`, qty: -i, valueMinor: i * 101, date: '2026-11-27' }));
    const bytes = await tableCsvBytesInChunks(columns, rows, noPause, 4);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)).toBe(tableCsv(columns, rows));
  });
});

describe('csvFileName', () => {
  it('names the table and the date', () => {
    expect(csvFileName('purchase-orders', '2026-11-27')).toBe('stockpilot-purchase-orders-2026-11-27.csv');
  });

  it('makes a name the desktop save dialog accepts out of a PO number with slashes or colons', () => {
    const name = csvFileName('po-lines-PO/2026:001', '2026-11-27');
    expect(name).toBe('stockpilot-po-lines-PO-2026-001-2026-11-27.csv');
    expect(isSafeFileName(name)).toBe(true);
  });
});
