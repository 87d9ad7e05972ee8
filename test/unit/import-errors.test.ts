import { describe, expect, it } from 'vitest';
import { decodeBytes, detectEncoding, parseReport, sniffReport } from '../../shared/import';
import { fixture, fixtureText, latin1, utf8 } from './importTestKit';

function errors(result: ReturnType<typeof parseReport>) {
  return result.problems.filter((p) => p.severity === 'error');
}

describe('bad input gets a clear error, never a crash', () => {
  it('an empty file', () => {
    const result = parseReport(new Uint8Array(0));
    expect(result).toMatchObject({ kind: null, rowCount: 0, records: [] });
    expect(result.problems).toEqual([expect.objectContaining({ severity: 'error', code: 'empty-file', message: expect.stringContaining('empty') })]);
    expect(sniffReport(new Uint8Array(0)).kind).toBeNull();
  });

  it('a file of blank lines (and a BOM)', () => {
    const result = parseReport(utf8('\uFEFF\r\n\r\n  \n'));
    expect(result.kind).toBeNull();
    expect(errors(result)[0]?.code).toBe('empty-file');
  });

  it('a header-only report is a valid, empty report (must not wipe data, no error)', () => {
    const header = fixtureText('GET_LEDGER_DETAIL_VIEW_DATA.tsv').split('\n')[0] ?? '';
    const result = parseReport(utf8(`${header}\n`));
    expect(result).toEqual({ kind: 'GET_LEDGER_DETAIL_VIEW_DATA', encoding: 'utf-8', rowCount: 0, records: [], problems: [] });
    expect(parseReport(utf8(header))).toMatchObject({ kind: 'GET_LEDGER_DETAIL_VIEW_DATA', rowCount: 0, problems: [] });
  });

  it('PNG bytes', () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0]);
    const result = parseReport(png);
    expect(result.kind).toBeNull();
    expect(result.problems).toEqual([expect.objectContaining({ code: 'binary-file', message: expect.stringContaining('PNG image') })]);
  });

  it('an Excel workbook (zip) and a gzip download are named as such', () => {
    expect(parseReport(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 20, 0, 6, 0])).problems[0]?.message).toContain('Excel workbook');
    expect(parseReport(Uint8Array.from([0x1f, 0x8b, 8, 0, 0, 0])).problems[0]?.message).toContain('gzip');
  });

  it('random binary bytes', () => {
    let seed = 12345;
    const bytes = Uint8Array.from({ length: 4096 }, () => {
      seed = (seed * 1103515245 + 12345) >>> 0;
      return seed >>> 24;
    });
    const result = parseReport(bytes);
    expect(result.kind).toBeNull();
    expect(errors(result)[0]?.code).toBe('binary-file');
  });

  it('a file cut off in the middle of a row names the row', () => {
    const text = fixtureText('GET_FBA_MYI_UNSUPPRESSED_INVENTORY_DATA.tsv');
    const cut = text.slice(0, text.lastIndexOf('\n', text.length - 2) + 40);
    const result = parseReport(utf8(cut));
    expect(result.kind).toBe('GET_FBA_MYI_UNSUPPRESSED_INVENTORY_DATA');
    expect(result.rowCount).toBe(10);
    expect(result.records).toHaveLength(9);
    expect(errors(result)).toEqual([expect.objectContaining({ row: 10, code: 'truncated-row', message: expect.stringMatching(/^Data row 10 has only \d+ of 22 columns.*cut off/) })]);
  });

  it('a quoted ledger cut off inside a quoted value', () => {
    const text = fixtureText('GET_LEDGER_DETAIL_VIEW_DATA.tsv');
    const cut = text.slice(0, text.indexOf('12"" Reel') + 2);
    const result = parseReport(utf8(cut));
    expect(result.kind).toBe('GET_LEDGER_DETAIL_VIEW_DATA');
    expect(result.records).toHaveLength(8);
    expect(errors(result)).toEqual([expect.objectContaining({ code: 'truncated-quote', row: 9, message: expect.stringContaining('ends inside a quoted value that starts on data row 9') })]);
  });

  it('a cut right after a quote reads as a closed value, so the short last row is the error', () => {
    const text = fixtureText('GET_LEDGER_DETAIL_VIEW_DATA.tsv');
    const result = parseReport(utf8(text.slice(0, text.indexOf('12"" Reel') + 3)));
    expect(errors(result)).toEqual([expect.objectContaining({ code: 'truncated-row', row: 9 })]);
  });

  it('an unknown report header', () => {
    const result = parseReport(utf8('Artikel\tMenge\tLagerort\nA-1\t3\tBerlin\n'));
    expect(result.kind).toBeNull();
    expect(result.problems).toEqual([expect.objectContaining({ severity: 'error', code: 'unknown-report', message: expect.stringContaining('"Artikel, Menge, Lagerort"') })]);
  });

  it('a missing required column is named', () => {
    const lines = fixtureText('GET_LEDGER_DETAIL_VIEW_DATA.tsv').split('\n');
    const withoutQuantity = lines.map((line) => line.split('\t').filter((_, i) => i !== 7).join('\t')).join('\n');
    const result = parseReport(utf8(withoutQuantity));
    expect(result.kind).toBeNull();
    expect(result.problems).toEqual([
      expect.objectContaining({ code: 'missing-column', column: 'Quantity', message: expect.stringContaining('Inventory Ledger (detailed view) report, but the column "Quantity" is missing') }),
    ]);
  });

  it('windows-1252 bytes that are not UTF-8 are not read as UTF-8 with U+FFFD', () => {
    const bytes = fixture('GET_MERCHANT_LISTINGS_ALL_DATA.DE.cp1252.tsv');
    expect(detectEncoding(bytes).encoding).toBe('windows-1252');
    const asUtf8 = new TextDecoder('utf-8').decode(bytes);
    expect(asUtf8).toContain('\uFFFD'); // what a naive import would show
    const result = parseReport(bytes);
    expect(JSON.stringify(result.records)).not.toContain('\uFFFD');
    expect(result.problems).toEqual([]);
    // A short German text is still windows-1252, not Shift_JIS.
    expect(detectEncoding(latin1('Größe für Fächer – Weiß\n')).encoding).toBe('windows-1252');
  });

  it('UTF-8 at the start but invalid bytes later: decoded, and the damage is reported', () => {
    const head = fixtureText('GET_MERCHANT_LISTINGS_ALL_DATA.tsv');
    const good = utf8(head);
    const bad = latin1('Bad row with Gr\u00f6\u00dfe\t\t0999ZZZ\tBAD-ROW\t1.00\t\t2024-01-01 10:00:00 PST\t\ty\t1\t\t\t11\t\t\t\tB0BADROW01\t\t\t\t\t\tB0BADROW01\t\t\t\tDEFAULT\tT\tActive\n');
    const bytes = new Uint8Array(300_000 + bad.length);
    bytes.set(good);
    // Pad with valid rows so the bad bytes fall outside the sniffed head.
    const filler = utf8('Filler\t\t1\tFILL\t1.00\t\t\t\ty\t1\t\t\t11\t\t\t\tB0FILLER01\t\t\t\t\t\tB0FILLER01\t\t\t\tDEFAULT\tT\tActive\n');
    let at = good.length;
    let fillers = 0;
    while (at + filler.length <= 300_000) {
      bytes.set(filler, at);
      at += filler.length;
      fillers++;
    }
    bytes.set(bad, at);
    const result = parseReport(bytes.subarray(0, at + bad.length));
    expect(result.encoding).toBe('utf-8');
    expect(result.rowCount).toBe(8 + fillers + 1);
    expect(result.problems).toEqual([expect.objectContaining({ severity: 'warning', code: 'encoding-loss', row: 8 + fillers + 1 })]);
  });

  it('"?" put in place of letters by Amazon (windows-1252 reports) is warned about once, naming the first row', () => {
    const text = fixtureText('GET_MERCHANT_LISTINGS_ALL_DATA.tsv').replace('Yoga Mat 6mm', 'Pi?ka no?na ???? 6mm').replace('Bamboo Desk Organizer with 5 Compartments\t\t0602', 'Why not?\t\t0602');
    const result = parseReport(utf8(text));
    expect(result.records).toHaveLength(8);
    expect(result.problems).toEqual([expect.objectContaining({ severity: 'warning', code: 'encoding-loss', row: 7, message: expect.stringMatching(/^6 characters were already replaced by "\?"/) })]);
  });

  it('an ASIN that Excel turned into 1.31E+08 gets a warning naming the row', () => {
    const text = fixtureText('GET_MERCHANT_LISTINGS_ALL_DATA.tsv').replace('B0CHX7M2JD', '1.31E+08');
    const result = parseReport(utf8(text));
    expect(result.records).toHaveLength(8);
    expect(result.problems).toEqual([expect.objectContaining({ severity: 'warning', code: 'scientific-id', row: 8, column: 'asin1', message: expect.stringContaining('Data row 8: the asin1 "1.31E+08"') })]);
  });

  it('a ledger quantity that is not a number rejects that row only, naming row and column', () => {
    const text = fixtureText('GET_LEDGER_DETAIL_VIEW_DATA.tsv').replace('"-12"', '"abc"');
    const result = parseReport(utf8(text));
    expect(result.rowCount).toBe(11);
    expect(result.records).toHaveLength(10);
    expect(errors(result)).toEqual([
      expect.objectContaining({ row: 5, column: 'Quantity', code: 'bad-number', message: 'Data row 5: "Quantity" is "abc", which is not a whole number, so the row cannot be imported.' }),
    ]);
  });

  it('an unknown ledger event type is kept with a warning; a bad date is an error', () => {
    const text = fixtureText('GET_LEDGER_DETAIL_VIEW_DATA.tsv').replace('"VendorReturns"', '"Removals"').replace('"05/02/2026"', '"31/31/2026"');
    const result = parseReport(utf8(text));
    expect(result.problems.map((p) => [p.row, p.severity, p.code])).toEqual([
      [1, 'error', 'bad-date'],
      [11, 'warning', 'unknown-event-type'],
    ]);
    expect(result.records).toHaveLength(10);
  });

  it('rows with fewer cells than the header (not at the end) are read with blanks and a warning', () => {
    const text = fixtureText('GET_RESERVED_INVENTORY_DATA.tsv').replace('\t17\t9\t6\t2\t\n', '\t17\t9\n');
    const result = parseReport(utf8(text));
    expect(result.records[0]).toMatchObject({ reserved: 17, customerOrders: 9, fcTransfers: null, fcProcessing: null });
    expect(result.problems).toEqual([expect.objectContaining({ row: 1, severity: 'warning', code: 'column-count' })]);
  });

  it('decodes a UTF-16LE file without BOM', () => {
    const text = 'sku\tfnsku\n';
    const bytes = new Uint8Array(text.length * 2);
    for (let i = 0; i < text.length; i++) bytes[2 * i] = text.charCodeAt(i);
    const detected = detectEncoding(bytes);
    expect(detected).toEqual({ encoding: 'utf-16le', bomLength: 0 });
    expect(decodeBytes(bytes, detected)).toBe(text);
  });
});
