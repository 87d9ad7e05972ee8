// The streaming reader and parseReport share the row handling: for every fixture, streaming in small
// chunks gives the same kind, rows, records and problems as reading the whole file.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseReport } from '../../shared/import';
import type { ImportRecord } from '../../shared/import';
import { estimateRowCount, readReportStream } from '../../shared/import/stream';
import type { ByteSource } from '../../shared/import/stream';

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

function utf16le(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    bytes[2 * i] = text.charCodeAt(i) & 0xff;
    bytes[2 * i + 1] = text.charCodeAt(i) >> 8;
  }
  return bytes;
}

/** A file read a slice at a time, as the worker reads a dropped File (here a Node Blob). */
function blobSource(bytes: Uint8Array, reads: [number, number][] = []): ByteSource {
  const blob = new Blob([bytes.slice()]);
  return {
    size: blob.size,
    read: async (start, end) => {
      reads.push([start, end]);
      return new Uint8Array(await blob.slice(start, end).arrayBuffer());
    },
  };
}

describe('readReportStream from a file read in slices', () => {
  // About 900 KB: several slices of at least the 256 KB head, cut anywhere in a row.
  const ledger = readFileSync(path.join(dir, 'GET_LEDGER_DETAIL_VIEW_DATA.tsv'), 'utf8');
  const [header, ...rows] = ledger.split('\n');
  const body = rows.filter((r) => r.trim() !== '').join('\n');
  const big = `${header}\n${Array.from({ length: Math.ceil(900_000 / body.length) }, () => body).join('\n')}\n`;
  const variants: [string, Uint8Array][] = [
    ['UTF-8', new TextEncoder().encode(big)],
    ['UTF-8 with BOM and CRLF', new TextEncoder().encode(`\uFEFF${big.replaceAll('\n', '\r\n')}`)],
    ['UTF-16LE with BOM (Excel "Unicode text")', utf16le(`\uFEFF${big}`)],
  ];

  it.each(variants)('%s gives what reading it whole gives, and passes every byte once in order', async (_name, bytes) => {
    const whole = parseReport(bytes);
    expect(whole.rowCount).toBeGreaterThan(4000);
    for (const chunkBytes of [1000, 300_000, 4 << 20]) {
      const records: ImportRecord[] = [];
      const reads: [number, number][] = [];
      const passed: Uint8Array[] = [];
      const result = await readReportStream(blobSource(bytes, reads), { onRecord: (r) => records.push(r), chunkBytes, onBytes: (b) => passed.push(b.slice()) });
      expect(result.kind).toBe(whole.kind);
      expect(result.rowCount).toBe(whole.rowCount);
      expect(result.problems).toEqual(whole.problems);
      expect(records).toEqual(whole.records);
      // Slices of the chunk size, or of the 256 KB head when chunks are smaller.
      expect(reads.length).toBe(Math.ceil(bytes.length / Math.max(chunkBytes, 256 * 1024)));
      expect(reads.every(([start], i) => start === (i === 0 ? 0 : reads[i - 1]![1]))).toBe(true);
      expect(Buffer.concat(passed).equals(Buffer.from(bytes))).toBe(true);
    }
  });

  it('says where a file that changed while it was read came up short', async () => {
    const bytes = variants[0]![1];
    const shrunk: ByteSource = { size: bytes.length, read: (start, end) => bytes.subarray(start, Math.min(end, 600_000)) };
    await expect(readReportStream(shrunk, { onRecord: () => {}, chunkBytes: 300_000 })).rejects.toThrow('The file could not be read from byte 600000 (0 of 300000 bytes came).');
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
  it('scales a head read alone to the size of the whole file', () => {
    expect(estimateRowCount(encoder.encode('123456789\n'.repeat(100)), 1 << 20, 10_000)).toBe(1000);
  });
});
