// The backup file format: round trips (tables and packed blocks, byte for byte), every refusal
// (not a backup, truncated, corrupt, newer), speed on a 1M-movement backup, and property tests.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as zlib from 'node:zlib';
import { BACKUP_FORMAT_VERSION, backupFileName, decodeBackup, encodeBackup } from '../../shared/backup/format';
import type { BackupSnapshot } from '../../shared/backup/format';
import { crc32 } from '../../shared/backup/crc32';
import { readFloat64Section, readInt32Section, writeSection } from '../../shared/backup/sections';
import { DomainError } from '../../shared/errors';
import type { DomainErrorCode } from '../../shared/errors';
import { BLOCK_SEQ_BASE } from '../../shared/ledger/blocks';
import type { PackedBlock } from '../../shared/ledger/blocks';

const OPTIONS = { maxSchemaVersion: 5 };
const COLUMNS = ['day', 'skuId', 'locationId', 'qty', 'type', 'unitCostMinor', 'ref'] as const;

/** Deterministic pseudo-random numbers (mulberry32). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function makeBlock(count: number, seed: number, batchId = `batch-${seed}`): PackedBlock {
  const random = rng(seed);
  const refs = Array.from({ length: Math.min(count, 50) }, (_, i) => `PO-${seed}-${i}`);
  const block: PackedBlock = {
    batchId,
    count,
    firstDay: 20_000,
    lastDay: 20_000 + count,
    seqStart: BLOCK_SEQ_BASE + seed * 10_000,
    day: new Int32Array(count),
    skuId: new Int32Array(count),
    locationId: new Int32Array(count),
    qty: new Float64Array(count),
    type: new Uint8Array(count),
    unitCostMinor: new Float64Array(count),
    ref: new Int32Array(count),
    refs,
  };
  for (let i = 0; i < count; i++) {
    block.day[i] = 20_000 + i;
    block.skuId[i] = Math.floor(random() * 5000) - 10;
    block.locationId[i] = Math.floor(random() * 8);
    block.qty[i] = Math.round((random() - 0.5) * 2000) / 4;
    block.type[i] = Math.floor(random() * 256);
    block.unitCostMinor[i] = random() < 0.3 ? Number.NaN : random() * 1e6;
    block.ref[i] = refs.length > 0 && random() < 0.7 ? Math.floor(random() * refs.length) : -1;
  }
  return block;
}

function bytesOf(array: Int32Array | Float64Array | Uint8Array): Uint8Array {
  return new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
}

function expectSameBlock(actual: PackedBlock, expected: PackedBlock): void {
  expect({ ...scalars(actual) }).toEqual(scalars(expected));
  for (const column of COLUMNS) {
    const a = actual[column];
    const e = expected[column];
    expect(a.constructor).toBe(e.constructor);
    expect(a.length).toBe(e.length);
    // Byte for byte (this also keeps NaN payloads) …
    expect(Buffer.from(bytesOf(a)).equals(Buffer.from(bytesOf(e)))).toBe(true);
    // … and element by element, NaN positions included.
    for (let i = 0; i < e.length; i++) {
      if (!Object.is(a[i], e[i])) expect.fail(`${column}[${i}]: ${a[i]} !== ${e[i]}`);
    }
  }
}

function scalars(block: PackedBlock): Record<string, unknown> {
  return { id: block.id, batchId: block.batchId, count: block.count, firstDay: block.firstDay, lastDay: block.lastDay, seqStart: block.seqStart, refs: block.refs };
}

function expectSameSnapshot(actual: BackupSnapshot, expected: BackupSnapshot): void {
  expect(actual.schemaVersion).toBe(expected.schemaVersion);
  expect(actual.createdAt).toBe(expected.createdAt);
  expect(actual.appVersion).toBe(expected.appVersion);
  expect(actual.tables).toStrictEqual(JSON.parse(JSON.stringify(expected.tables)));
  expect(actual.blocks.length).toBe(expected.blocks.length);
  actual.blocks.forEach((block, i) => expectSameBlock(block, expected.blocks[i]!));
}

function snapshot(overrides: Partial<BackupSnapshot> = {}): BackupSnapshot {
  return {
    schemaVersion: 3,
    createdAt: '2026-11-26T08:12:05.123Z',
    appVersion: '0.1.0',
    tables: {
      skus: [
        { id: 1, code: 'MUG-01', name: 'Ceramic mug', active: true, weightKg: 0.35, tags: ['kitchen', 'gift'], note: null },
        { id: 2, code: 'LAMP-02', name: 'Desk lamp', active: false, weightKg: 1.2, tags: [], dims: { l: 30, w: 12.5, h: -4 } },
      ],
      locations: [{ id: 1, name: 'Shenzhen warehouse', kind: 'domestic' }],
      settings: [{ key: 'baseCurrency', value: 'USD' }],
    },
    blocks: [makeBlock(1000, 1), { ...makeBlock(257, 2), id: 42 }, makeBlock(3, 3)],
    ...overrides,
  };
}

function codeOf(run: () => unknown): DomainErrorCode | 'no error' | 'not a DomainError' {
  try {
    run();
    return 'no error';
  } catch (error) {
    return error instanceof DomainError ? error.code : 'not a DomainError';
  }
}

function domainError(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
}

/** Re-frames a file around custom JSON and data, with a valid CRC: for header-level corruption. */
function frame(json: string, data: Uint8Array = new Uint8Array(0), formatVersion = BACKUP_FORMAT_VERSION): Uint8Array {
  const text = new TextEncoder().encode(json);
  const dataStart = Math.ceil((32 + text.length) / 8) * 8;
  const total = dataStart + data.length + 16;
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  out.set(new TextEncoder().encode('STOCKPILOT-BACKUP'), 0);
  view.setUint16(18, formatVersion, true);
  view.setUint32(20, text.length, true);
  view.setUint32(24, total, true);
  out.set(text, 32);
  out.set(data, dataStart);
  view.setUint32(total - 16, total, true);
  view.setUint32(total - 8, crc32(out, 0, total - 8), true);
  out.set(new TextEncoder().encode('SPBE'), total - 4);
  return out;
}

function headerOf(bytes: Uint8Array): Record<string, unknown> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return JSON.parse(new TextDecoder().decode(bytes.subarray(32, 32 + view.getUint32(20, true)))) as Record<string, unknown>;
}

function dataOf(bytes: Uint8Array): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const dataStart = Math.ceil((32 + view.getUint32(20, true)) / 8) * 8;
  return bytes.slice(dataStart, bytes.length - 16);
}

describe('crc32', () => {
  it('matches the standard check values', () => {
    expect(crc32(new Uint8Array(0))).toBe(0);
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
    expect(crc32(new TextEncoder().encode('The quick brown fox jumps over the lazy dog'))).toBe(0x414fa339);
  });

  it('agrees with zlib on every length and offset around the 8-byte stride', () => {
    const random = rng(7);
    const data = Uint8Array.from({ length: 300 }, () => Math.floor(random() * 256));
    for (let start = 0; start < 9; start++) {
      for (let end = start; end < 40; end++) expect(crc32(data, start, end)).toBe(zlib.crc32(data.subarray(start, end)));
    }
    expect(crc32(data)).toBe(zlib.crc32(data));
  });
});

describe('encodeBackup / decodeBackup round trip', () => {
  it('restores tables and blocks exactly, NaN costs included', () => {
    const original = snapshot();
    const decoded = decodeBackup(encodeBackup(original), OPTIONS);
    expectSameSnapshot(decoded, original);
    expect(decoded.blocks[1]!.id).toBe(42);
    expect('id' in decoded.blocks[0]!).toBe(false);
    const nanCount = (a: Float64Array) => a.reduce((n, v) => n + (Number.isNaN(v) ? 1 : 0), 0);
    expect(nanCount(decoded.blocks[0]!.unitCostMinor)).toBeGreaterThan(200);
    expect(nanCount(decoded.blocks[0]!.unitCostMinor)).toBe(nanCount(original.blocks[0]!.unitCostMinor));
  });

  it('keeps unusual NaN bit patterns and extreme numbers in sections', () => {
    const block = makeBlock(6, 9);
    const raw = new DataView(block.unitCostMinor.buffer);
    raw.setUint32(0, 0x00000001, true);
    raw.setUint32(4, 0x7ff80000 | 0x1234, true); // NaN with a payload
    block.unitCostMinor[1] = -0;
    block.unitCostMinor[2] = Number.MAX_VALUE;
    block.unitCostMinor[3] = Number.MIN_VALUE;
    block.qty[0] = -1e300;
    block.day[0] = -(2 ** 31);
    block.day[1] = 2 ** 31 - 1;
    const decoded = decodeBackup(encodeBackup(snapshot({ blocks: [block] })), OPTIONS);
    expectSameBlock(decoded.blocks[0]!, block);
    expect(Object.is(decoded.blocks[0]!.unitCostMinor[1], -0)).toBe(true);
  });

  it('handles empty tables and no blocks', () => {
    const cases: BackupSnapshot['tables'][] = [{}, { skus: [], movements: [] }];
    for (const tables of cases) {
      const original = snapshot({ tables, blocks: [] });
      const decoded = decodeBackup(encodeBackup(original), OPTIONS);
      expectSameSnapshot(decoded, original);
      expect(decoded.tables).toStrictEqual(tables);
    }
  });

  it('handles an empty block, whose first and last days are ±Infinity', () => {
    const empty: PackedBlock = { ...makeBlock(0, 4), firstDay: Infinity, lastDay: -Infinity };
    const decoded = decodeBackup(encodeBackup(snapshot({ blocks: [empty, makeBlock(5, 5)] })), OPTIONS);
    expectSameBlock(decoded.blocks[0]!, empty);
    expectSameBlock(decoded.blocks[1]!, makeBlock(5, 5));
  });

  it('keeps Chinese and other non-ASCII text in rows, refs and batch ids', () => {
    const original = snapshot({
      appVersion: '1.0.0-测试',
      tables: {
        skus: [{ id: 1, code: '杯子-01', name: '陶瓷马克杯（白色）', note: '易碎品，轻拿轻放 🚚', '备注': '库存' }],
        locations: [{ id: 2, name: '深圳仓库' }, { id: 3, name: 'FBA 美国西部' }],
      },
      blocks: [{ ...makeBlock(10, 6, '导入批次-2026年11月'), refs: ['采购单-001', 'ß∂ƒ', '😀'] }].map((b) => ({ ...b, ref: b.ref.map((r) => (r < 0 ? -1 : r % 3)) })),
    });
    const decoded = decodeBackup(encodeBackup(original), OPTIONS);
    expectSameSnapshot(decoded, original);
    expect(decoded.tables.skus![0]!.name).toBe('陶瓷马克杯（白色）');
  });

  it('drops undefined object properties (optional fields) and keeps nulls', () => {
    const decoded = decodeBackup(encodeBackup(snapshot({ tables: { skus: [{ id: 1, note: undefined, parent: null }] } })), OPTIONS);
    expect(decoded.tables.skus).toStrictEqual([{ id: 1, parent: null }]);
  });

  it('keeps a "__proto__" key as data', () => {
    const row = JSON.parse('{"id":1,"__proto__":{"x":1}}') as Record<string, unknown>;
    const tables = JSON.parse('{"__proto__":[{"id":2}],"skus":[]}') as Record<string, Record<string, unknown>[]>;
    tables.skus!.push(row);
    const decoded = decodeBackup(encodeBackup(snapshot({ tables, blocks: [] })), OPTIONS);
    expect(Object.keys(decoded.tables)).toEqual(['__proto__', 'skus']);
    expect(Object.getPrototypeOf(decoded.tables)).toBe(Object.prototype);
    expect(Object.keys(decoded.tables.skus![0]!)).toEqual(['id', '__proto__']);
  });

  it('returns arrays that share no memory with the input, even from an unaligned view', () => {
    const encoded = encodeBackup(snapshot());
    const padded = new Uint8Array(encoded.length + 3);
    padded.set(encoded, 3);
    const input = padded.subarray(3);
    const decoded = decodeBackup(input, OPTIONS);
    expectSameSnapshot(decoded, snapshot());
    for (const block of decoded.blocks) for (const column of COLUMNS) expect(block[column].buffer).not.toBe(padded.buffer);
    const before = decoded.blocks[0]!.qty[0];
    input.fill(0);
    expect(decoded.blocks[0]!.qty[0]).toBe(before);
  });

  it('writes a file that starts with the magic and version and aligns every section', () => {
    const bytes = encodeBackup(snapshot());
    expect(new TextDecoder().decode(bytes.subarray(0, 17))).toBe('STOCKPILOT-BACKUP');
    expect(bytes[17]).toBe(0);
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    expect(view.getUint16(18, true)).toBe(BACKUP_FORMAT_VERSION);
    expect(view.getUint32(24, true)).toBe(bytes.length);
    expect(view.getUint32(bytes.length - 8, true)).toBe(zlib.crc32(bytes.subarray(0, bytes.length - 8)));
    const header = headerOf(bytes);
    expect(header).toMatchObject({ formatVersion: 1, schemaVersion: 3, createdAt: '2026-11-26T08:12:05.123Z', appVersion: '0.1.0' });
    const dataStart = Math.ceil((32 + view.getUint32(20, true)) / 8) * 8;
    expect(dataStart % 8).toBe(0);
    const blocks = header.blocks as { sections: Record<string, { offset: number; byteLength: number; type: string }> }[];
    for (const block of blocks) for (const section of Object.values(block.sections)) expect(section.offset % 8).toBe(0);
    expect(blocks[0]!.sections.qty).toMatchObject({ byteLength: 8000, type: 'f64' });
  });

  it('encodes identically each time (deterministic)', () => {
    expect(Buffer.from(encodeBackup(snapshot())).equals(Buffer.from(encodeBackup(snapshot())))).toBe(true);
  });
});

describe('section byte order', () => {
  it('writes and reads the same little-endian bytes through the DataView path as the copy path', () => {
    const block = makeBlock(100, 11);
    for (const [array, type] of [
      [block.day, 'i32'],
      [block.qty, 'f64'],
      [block.unitCostMinor, 'f64'],
    ] as const) {
      const fast = new Uint8Array(8 + array.byteLength);
      const slow = new Uint8Array(8 + array.byteLength);
      writeSection(fast, new DataView(fast.buffer), 8, array, type, true);
      writeSection(slow, new DataView(slow.buffer), 8, array, type, false);
      expect(Buffer.from(slow).equals(Buffer.from(fast))).toBe(true);
      const view = new DataView(fast.buffer);
      const read = type === 'i32' ? (le: boolean) => readInt32Section(fast, view, 8, array.length, le) : (le: boolean) => readFloat64Section(fast, view, 8, array.length, le);
      const [a, b] = [read(true), read(false)];
      for (let i = 0; i < array.length; i++) {
        expect(Object.is(a[i], array[i])).toBe(true);
        expect(Object.is(b[i], array[i])).toBe(true);
      }
    }
    const view = new DataView(new ArrayBuffer(8));
    writeSection(new Uint8Array(view.buffer), view, 0, Int32Array.of(0x01020304), 'i32', false);
    expect([...new Uint8Array(view.buffer, 0, 4)]).toEqual([4, 3, 2, 1]);
  });
});

describe('decodeBackup refusals', () => {
  const good = encodeBackup(snapshot());
  const view = new DataView(good.buffer, good.byteOffset, good.byteLength);
  const dataStart = Math.ceil((32 + view.getUint32(20, true)) / 8) * 8;

  it.each([
    ['an empty file', new Uint8Array(0)],
    ['a CSV file', new TextEncoder().encode('sku,location,qty\nMUG-01,Shenzhen,12\n')],
    ['a Chinese CSV with a BOM', new TextEncoder().encode('\uFEFFSKU,仓库,数量\n杯子,深圳,3\n')],
    ['a PNG', Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52)],
    ['a JSON backup', new TextEncoder().encode('{"tables":{}}')],
    ['a zip', Uint8Array.of(0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0)],
    ['random bytes', Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 251)],
    ['one wrong byte in the magic', Uint8Array.from(good, (b, i) => (i === 5 ? b ^ 0x20 : b))],
    ['a lowercase magic', Uint8Array.from(good, (b, i) => (i < 17 ? new TextEncoder().encode('stockpilot-backup')[i]! : b))],
  ])('refuses %s as not a backup', (_, bytes) => {
    expect(codeOf(() => decodeBackup(bytes, OPTIONS))).toBe('backup.notBackup');
  });

  it('refuses random bytes of many lengths as not a backup', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 200 }), (bytes) => {
        fc.pre(bytes[0] !== 0x53); // 'S'
        expect(codeOf(() => decodeBackup(bytes, OPTIONS))).toBe('backup.notBackup');
      }),
    );
  });

  it('refuses a file cut anywhere as truncated', () => {
    const cuts = [1, 5, 17, 18, 19, 20, 24, 31, 32, 33, 100, dataStart - 1, dataStart, dataStart + 1, dataStart + 4000, good.length - 16, good.length - 9, good.length - 8, good.length - 4, good.length - 1];
    for (const cut of cuts) {
      expect(cut).toBeGreaterThan(0);
      expect(cut).toBeLessThan(good.length);
      expect([cut, codeOf(() => decodeBackup(good.subarray(0, cut), OPTIONS))]).toEqual([cut, 'backup.truncated']);
    }
  });

  it('refuses one byte short as truncated (a copy of the bytes, not a view)', () => {
    expect(codeOf(() => decodeBackup(good.slice(0, good.length - 1), OPTIONS))).toBe('backup.truncated');
  });

  it.each([
    ['the JSON header', () => 40],
    ['the last JSON byte', () => 32 + view.getUint32(20, true) - 1],
    ['a section (a quantity)', () => dataStart + 4000 * 3 + 5],
    ['the last section byte', () => good.length - 17],
    ['the trailer length', () => good.length - 16],
    ['the CRC', () => good.length - 6],
    ['the end mark', () => good.length - 2],
    ['the header-length field', () => 21],
  ])('refuses a flipped byte in %s as corrupt', (_, at) => {
    const bytes = good.slice();
    bytes[at()]! ^= 0x01;
    expect(codeOf(() => decodeBackup(bytes, OPTIONS))).toBe('backup.corrupt');
  });

  it('refuses a flipped bit anywhere after the prefix as corrupt', () => {
    fc.assert(
      fc.property(fc.integer({ min: 32, max: good.length - 1 }), fc.integer({ min: 0, max: 7 }), (at, bit) => {
        const bytes = good.slice();
        bytes[at]! ^= 1 << bit;
        expect(codeOf(() => decodeBackup(bytes, OPTIONS))).toBe('backup.corrupt');
      }),
      { numRuns: 300 },
    );
  });

  it('refuses a flipped byte anywhere with some DomainError', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: good.length - 1 }), fc.integer({ min: 1, max: 255 }), (at, mask) => {
        const bytes = good.slice();
        bytes[at]! ^= mask;
        expect(codeOf(() => decodeBackup(bytes, OPTIONS))).toMatch(/^backup\./);
      }),
      { numRuns: 300 },
    );
  });

  it('refuses trailing bytes after the declared end as corrupt', () => {
    const longer = new Uint8Array(good.length + 1);
    longer.set(good);
    expect(codeOf(() => decodeBackup(longer, OPTIONS))).toBe('backup.corrupt');
  });

  it('refuses a newer schema with the versions for the message', () => {
    const bytes = encodeBackup(snapshot({ schemaVersion: 9 }));
    const error = domainError(() => decodeBackup(bytes, { maxSchemaVersion: 8 }));
    expect(error.code).toBe('backup.newerSchema');
    expect(error.params).toMatchObject({ fileVersion: 9, appVersion: 8 });
    expect(decodeBackup(bytes, { maxSchemaVersion: 9 }).schemaVersion).toBe(9);
    expect(decodeBackup(encodeBackup(snapshot({ schemaVersion: 2 })), { maxSchemaVersion: 9 }).schemaVersion).toBe(2);
  });

  it('refuses a newer file format, before looking at anything else', () => {
    const bytes = good.slice();
    new DataView(bytes.buffer).setUint16(18, BACKUP_FORMAT_VERSION + 1, true);
    const error = domainError(() => decodeBackup(bytes, OPTIONS));
    expect(error.code).toBe('backup.newerSchema');
    expect(error.params).toMatchObject({ fileVersion: BACKUP_FORMAT_VERSION + 1, appVersion: BACKUP_FORMAT_VERSION });
    // A well-framed newer file with a different header and a future layout: still "newer".
    const future = frame('{"formatVersion":2,"whatever":true}', new Uint8Array(8), 2);
    expect(codeOf(() => decodeBackup(future, OPTIONS))).toBe('backup.newerSchema');
    expect(codeOf(() => decodeBackup(future.subarray(0, 25), OPTIONS))).toBe('backup.newerSchema');
  });

  it('refuses format version 0 as corrupt', () => {
    expect(codeOf(() => decodeBackup(frame('{}', undefined, 0), OPTIONS))).toBe('backup.corrupt');
  });

  describe('with a valid checksum but a bad header', () => {
    const header = headerOf(good);
    const data = dataOf(good);
    const withBlock = (change: (block: Record<string, unknown>) => void): Uint8Array => {
      const copy = structuredClone(header);
      change((copy.blocks as Record<string, unknown>[])[0]!);
      return frame(JSON.stringify(copy), data);
    };
    const section = (block: Record<string, unknown>, name: string) => (block.sections as Record<string, Record<string, unknown>>)[name]!;

    it('accepts the re-framed original (the helper is faithful)', () => {
      expectSameSnapshot(decodeBackup(frame(JSON.stringify(header), data), OPTIONS), snapshot());
    });

    it.each([
      ['malformed JSON', () => frame('{"formatVersion":1,', data)],
      ['invalid UTF-8', () => frame('{}').fill(0xff, 32, 34)],
      ['not an object', () => frame('[1,2,3]')],
      ['a format mismatch', () => frame(JSON.stringify({ ...header, formatVersion: 7 }), data)],
      ['missing tables', () => frame(JSON.stringify({ ...header, tables: undefined }), data)],
      ['a table that is not an array', () => frame(JSON.stringify({ ...header, tables: { skus: {} } }), data)],
      ['a row that is not an object', () => frame(JSON.stringify({ ...header, tables: { skus: [1] } }), data)],
      ['missing blocks', () => frame(JSON.stringify({ ...header, blocks: null }), data)],
      ['a non-numeric schema version', () => frame(JSON.stringify({ ...header, schemaVersion: '3' }), data)],
      ['a section past the end', () => withBlock((b) => (section(b, 'qty').offset = data.length))],
      ['a section with a huge offset', () => withBlock((b) => (section(b, 'ref').offset = 2 ** 40))],
      ['a negative offset', () => withBlock((b) => (section(b, 'day').offset = -8))],
      ['a fractional offset', () => withBlock((b) => (section(b, 'day').offset = 0.5))],
      ['a wrong section type', () => withBlock((b) => (section(b, 'qty').type = 'i32'))],
      ['a length that does not match count', () => withBlock((b) => (section(b, 'type').byteLength = 999))],
      ['a missing section', () => withBlock((b) => delete (b.sections as Record<string, unknown>).unitCostMinor)],
      ['a count that does not match the sections', () => withBlock((b) => (b.count = 1001))],
      ['a negative count', () => withBlock((b) => (b.count = -1))],
      ['a non-string ref', () => withBlock((b) => (b.refs = [1]))],
      ['a bad first day', () => withBlock((b) => (b.firstDay = 'soon'))],
      ['a non-numeric id', () => withBlock((b) => (b.id = '1'))],
      ['a header length past the data', () => {
        const bytes = frame(JSON.stringify(header), data);
        const v = new DataView(bytes.buffer);
        v.setUint32(20, bytes.length, true);
        v.setUint32(bytes.length - 8, crc32(bytes, 0, bytes.length - 8), true);
        return bytes;
      }],
      ['a declared length too small for a trailer', () => {
        const bytes = frame('{}');
        new DataView(bytes.buffer).setUint32(24, 40, true);
        return bytes.subarray(0, 40);
      }],
    ])('refuses %s as corrupt', (_, build) => {
      expect(codeOf(() => decodeBackup(build(), OPTIONS))).toBe('backup.corrupt');
    });
  });
});

describe('encodeBackup refuses data that is not a snapshot (programming errors)', () => {
  const refuses = (tables: Record<string, unknown>, pattern: RegExp) => {
    let thrown: unknown;
    try {
      encodeBackup(snapshot({ tables: tables as BackupSnapshot['tables'], blocks: [] }));
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(Error);
    expect(thrown).not.toBeInstanceOf(DomainError);
    expect((thrown as Error).message).toMatch(pattern);
  };

  it.each([
    ['NaN', { skus: [{ id: 1, cost: Number.NaN }] }, /row 0\.cost is NaN/],
    ['Infinity', { skus: [{ id: 1 }, { id: 2, cost: Infinity }] }, /row 1\.cost is Infinity/],
    ['nested -Infinity', { skus: [{ id: 1, history: [{ qty: 1 }, { qty: -Infinity }] }] }, /row 0\.history\[1\]\.qty is -Infinity/],
    ['a typed array', { blocks: [{ day: new Int32Array(3) }] }, /row 0\.day is binary/],
    ['an ArrayBuffer', { blobs: [{ data: new ArrayBuffer(4) }] }, /binary/],
    ['a Date', { skus: [{ created: new Date(0) }] }, /not a plain object/],
    ['a Map', { skus: [{ m: new Map() }] }, /not a plain object/],
    ['a bigint', { skus: [{ n: 1n }] }, /bigint/],
    ['a function', { skus: [{ f: () => 1 }] }, /function/],
    ['undefined in an array', { skus: [{ list: [1, undefined] }] }, /list\[1\] is undefined/],
    ['a row that is not an object', { skus: [[1, 2]] }, /row 0 is not an object/],
    ['a table that is not an array', { skus: { id: 1 } }, /not an array/],
  ])('throws a plain Error for %s in a row', (_, tables, pattern) => refuses(tables, pattern));

  it('throws a plain Error for a cyclic row instead of overflowing the stack', () => {
    const row: Record<string, unknown> = { id: 1 };
    row.self = row;
    refuses({ skus: [row] }, /too deeply/);
  });

  it.each([
    ['a column of the wrong type', (b: PackedBlock) => ({ ...b, qty: new Float32Array(b.count) as unknown as Float64Array })],
    ['a column of the wrong length', (b: PackedBlock) => ({ ...b, ref: new Int32Array(b.count + 1) })],
    ['a fractional count', (b: PackedBlock) => ({ ...b, count: 1.5 })],
    ['a NaN seqStart', (b: PackedBlock) => ({ ...b, seqStart: Number.NaN })],
  ])('throws a plain Error for a block with %s', (_, change) => {
    expect(() => encodeBackup(snapshot({ blocks: [change(makeBlock(4, 1))] }))).toThrow(/block 0/);
  });

  it('throws for a non-finite schema version', () => {
    expect(() => encodeBackup(snapshot({ schemaVersion: Number.NaN }))).toThrow(/schemaVersion/);
  });
});

describe('backupFileName', () => {
  it.each([
    ['2026-11-26T08:12:05.123Z', 'stockpilot-backup-2026-11-26-0812.stockpilot'],
    ['2025-01-02T23:59:59Z', 'stockpilot-backup-2025-01-02-2359.stockpilot'],
    ['2026-03-04T16:05:00+08:00', 'stockpilot-backup-2026-03-04-1605.stockpilot'],
  ])('names %s as %s', (createdAt, name) => {
    expect(backupFileName(createdAt)).toBe(name);
  });

  it('throws on something that is not an ISO timestamp', () => {
    expect(() => backupFileName('26/11/2026 08:12')).toThrow();
  });
});

describe('scale', () => {
  // Timings live in `npm run bench`; this only checks a 1M-movement backup round-trips.
  it('round-trips a 1M-movement backup (100 blocks × 10k)', () => {
    const template = makeBlock(10_000, 99);
    const blocks = Array.from({ length: 100 }, (_, i) => ({ ...template, seqStart: BLOCK_SEQ_BASE + i * 10_000 }));
    const tables = { skus: Array.from({ length: 2000 }, (_, i) => ({ id: i, code: `SKU-${i}`, name: `商品 ${i}`, cost: i * 1.25 })) };
    const decoded = decodeBackup(encodeBackup(snapshot({ tables, blocks })), OPTIONS);
    expect(decoded.blocks.length).toBe(100);
    expect(decoded.blocks.reduce((n, b) => n + b.count, 0)).toBe(1_000_000);
    expectSameBlock(decoded.blocks[77]!, { ...template, seqStart: BLOCK_SEQ_BASE + 770_000 });
    expect(decoded.tables.skus).toEqual(tables.skus);
  });
});

describe('properties', () => {
  const blockArb = fc
    .record({
      count: fc.integer({ min: 0, max: 40 }),
      seed: fc.integer({ min: 0, max: 1_000_000 }),
      batchId: fc.string({ unit: 'binary', maxLength: 12 }),
      id: fc.option(fc.integer({ min: 1, max: 1_000_000 }), { nil: undefined }),
      refs: fc.array(fc.string({ unit: 'grapheme', maxLength: 8 }), { maxLength: 5 }),
    })
    .chain(({ count, seed, batchId, id, refs }) =>
      fc
        .record({
          qty: fc.array(fc.double(), { minLength: count, maxLength: count }),
          cost: fc.array(fc.oneof(fc.constant(Number.NaN), fc.double()), { minLength: count, maxLength: count }),
          days: fc.array(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), { minLength: count, maxLength: count }),
        })
        .map(({ qty, cost, days }): PackedBlock => {
          const block = makeBlock(count, seed, batchId);
          block.qty.set(qty);
          block.unitCostMinor.set(cost);
          block.day.set(days);
          block.refs = refs;
          if (id !== undefined) block.id = id;
          return block;
        }),
    );
  const rowArb = fc.dictionary(fc.string({ unit: 'grapheme', maxLength: 10 }), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 6 });
  const snapshotArb = fc.record({
    schemaVersion: fc.integer({ min: 0, max: 5 }),
    createdAt: fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
    appVersion: fc.string({ unit: 'binary', maxLength: 10 }),
    tables: fc.dictionary(fc.string({ maxLength: 8 }), fc.array(rowArb, { maxLength: 5 }), { maxKeys: 4 }),
    blocks: fc.array(blockArb, { maxLength: 4 }),
  });

  it('round-trips random blocks and rows', () => {
    fc.assert(
      fc.property(snapshotArb, (original) => {
        expectSameSnapshot(decodeBackup(encodeBackup(original), OPTIONS), original);
      }),
      { numRuns: 200 },
    );
  });

  it('decoding a truncated file only ever throws a DomainError (truncated, or not a backup when empty)', () => {
    fc.assert(
      fc.property(snapshotArb, fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (original, fraction) => {
        const bytes = encodeBackup(original);
        const cut = Math.floor(fraction * bytes.length);
        expect(codeOf(() => decodeBackup(bytes.subarray(0, cut), OPTIONS))).toBe(cut === 0 ? 'backup.notBackup' : 'backup.truncated');
      }),
      { numRuns: 300 },
    );
  });
});
