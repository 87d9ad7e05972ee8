// The streaming reader and parseReport share the row handling: for every fixture, streaming in small
// chunks gives the same kind, rows, records and problems as reading the whole file.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseReport } from '../../shared/import';
import type { ImportRecord } from '../../shared/import';
import { readReportStream } from '../../shared/import/stream';

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
