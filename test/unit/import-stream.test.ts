// The streaming reader and parseReport share the row handling: for every fixture, streaming in small
// chunks gives the same kind, rows, records and problems as reading the whole file.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseReport } from '../../shared/import';
import type { ImportRecord } from '../../shared/import';
import { estimateRowCount, readReportStream } from '../../shared/import/stream';

const dir = path.resolve(import.meta.dirname, '../fixtures/amazon');
const fixtures = readdirSync(dir).filter((name) => /\.(tsv|csv)$/.test(name));

async function streamed(bytes: Uint8Array, chunkBytes: number) {
  const records: ImportRecord[] = [];
  const result = await readReportStream(bytes, { onRecord: (r) => records.push(r), chunkBytes });
  return { ...result, records };
}

describe('readReportStream', () => {
  it.each(fixtures)('%s streams exactly like parseReport', async (name) => {
    const bytes = new Uint8Array(readFileSync(path.join(dir, name)));
    const whole = parseReport(bytes);
    for (const chunkBytes of [7, 64, 1 << 20]) {
      const result = await streamed(bytes, chunkBytes);
      expect(result.kind).toBe(whole.kind);
      expect(result.rowCount).toBe(whole.rowCount);
      expect(result.records).toEqual(whole.records);
      expect(result.problems).toEqual(whole.problems);
    }
  });

  it('refuses an empty file and a PNG, and reports a file cut inside a quote', async () => {
    expect((await streamed(new Uint8Array(0), 64)).problems.map((p) => p.code)).toEqual(['empty-file']);
    expect((await streamed(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), 64)).problems.map((p) => p.code)).toEqual(['binary-file']);
    const ledger = readFileSync(path.join(dir, 'GET_LEDGER_DETAIL_VIEW_DATA.tsv'), 'utf8');
    const cut = new TextEncoder().encode(ledger.slice(0, ledger.lastIndexOf('"Adjustments"') + 5));
    const result = await streamed(cut, 64);
    expect(result.problems.some((p) => p.code === 'truncated-quote' && p.severity === 'error')).toBe(true);
  });

  it('stops between chunks when asked, writing nothing further', async () => {
    const bytes = new Uint8Array(readFileSync(path.join(dir, 'GET_LEDGER_DETAIL_VIEW_DATA.tsv')));
    let chunks = 0;
    const records: ImportRecord[] = [];
    const result = await readReportStream(bytes, {
      onRecord: (r) => records.push(r),
      chunkBytes: 256,
      shouldStop: () => chunks >= 2,
      betweenChunks: async () => void chunks++,
    });
    expect(result.cancelled).toBe(true);
    expect(records.length).toBeLessThan(parseReport(bytes).records.length);
  });
});

describe('estimateRowCount', () => {
  const encoder = new TextEncoder();
  it('counts the lines of a file that fits in the sample exactly', () => {
    expect(estimateRowCount(encoder.encode('a\tb\n1\t2\n3\t4\n'))).toBe(3);
    expect(estimateRowCount(new Uint8Array(0))).toBe(0);
    expect(estimateRowCount(encoder.encode('no line feed'))).toBe(0);
  });
  it('scales the line feeds of the sample to the whole file', () => {
    // 1,000 rows of 10 bytes, sampled on the first 2,000 bytes: 200 line feeds × 10,000 / 2,000.
    const bytes = encoder.encode('123456789\n'.repeat(1000));
    expect(estimateRowCount(bytes, 2000)).toBe(1000);
    // Rows twice as long after the sample: an estimate, not a count (here twice too many).
    const uneven = encoder.encode('123456789\n'.repeat(200) + '1234567890123456789\n'.repeat(400));
    expect(estimateRowCount(uneven, 2000)).toBe(1000);
  });
});
