// The ledger's fast path (LedgerPlanBuilder.fastRows: rows read as offsets, no record made) must
// give exactly what the record path gives: the same plan, held events, problems and row counts, on
// files full of the quirks that send a row the record way (odd dates, numbers, codes, quotes, lost
// characters, short rows, claims reasons, unknown countries and event types).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readReportStream } from '../../shared/import/stream';
import type { ImportRecord } from '../../shared/import/records';
import { LedgerPlanBuilder } from '../../shared/ledger/amazonLedger';
import type { CodeTarget, LedgerCodeLookup } from '../../shared/ledger/amazonLedger';
import { isoDateOfKey, mdyDateKey, parseDateOnly, parseDateTimeText, parseInteger } from '../../shared/import/values';

const HEADER = ['Date', 'FNSKU', 'ASIN', 'MSKU', 'Title', 'Event Type', 'Reference ID', 'Quantity', 'Fulfillment Center', 'Disposition', 'Reason', 'Country', 'Reconciled Quantity', 'Unreconciled Quantity', 'Date and Time', 'Store'];

const lookup: LedgerCodeLookup = {
  byFnsku: new Map<string, CodeTarget>([
    ['X001AAAAAA', { skuId: 1, unitsPerListing: 1 }],
    ['X002BBBBBB', { skuId: 2, unitsPerListing: 2 }],
    ['X003CCCCCC', { skuId: 3, unitsPerListing: 1 }],
  ]),
  bySellerSku: new Map<string, CodeTarget>([['US|SKU-7', { skuId: 7, unitsPerListing: 1 }]]),
  bySkuCode: new Map<string, CodeTarget>([['SKU-8', { skuId: 8, unitsPerListing: 1 }]]),
};
const LOCATIONS = new Map([
  ['US', 3],
  ['DE', 5],
]);

/** A small deterministic generator, so a failing seed reproduces. */
function randomOf(seed: number): (n: number) => number {
  let state = seed >>> 0 || 1;
  return (n) => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) % n;
  };
}

function pick<T>(random: (n: number) => number, plain: T, quirks: readonly T[]): T {
  // Mostly plain rows, as real files are, with a quirk now and then.
  return random(25) === 0 ? quirks[random(quirks.length)]! : plain;
}

function ledgerText(seed: number, rows: number, delimiter: '\t' | ',', newline: string, bom: boolean): string {
  const random = randomOf(seed);
  const quote = (cell: string) => `"${cell.replaceAll('"', '""')}"`;
  const lines = [HEADER.map(quote).join(delimiter)];
  for (let i = 0; i < rows; i++) {
    const day = String(1 + random(28)).padStart(2, '0');
    const cells = [
      pick(random, `03/${day}/2026`, ['2026-03-05', '3/5/2026', '13/01/2026', '', '02/30/2026', ' 03/05/2026', '03/05/20x6', '03/05/0999']),
      pick(random, ['X001AAAAAA', 'X002BBBBBB', 'X003CCCCCC'][random(3)]!, ['x001aaaaaa', 'X009ZZZZZZ', '', 'X001AAAAAA ', '1.23E+09']),
      pick(random, 'B0BENCH001', ['', '1.23E+09', 'B0+X', ' B0BENCH001']),
      pick(random, 'SKU-1', ['SKU-7', 'sku-8', '']),
      pick(random, 'Item', ['Caf\uFFFD', 'Lost ? char', 'Title, with comma', 'Say "hi"', '']),
      pick(random, ['Shipments', 'Receipts', 'CustomerReturns', 'Adjustments', 'WhseTransfers', 'VendorReturns'][random(6)]!, ['Disposals', '', 'shipments', ' Shipments']),
      pick(random, `111-${String(i).padStart(7, '0')}-2`, ['', 'R', 'a"b', 'FBA15ABCDEFGHIJKL', ' 111-1 ']),
      pick(random, String(random(5) - 2), ['', 'abc', '1,000', '+3', '-0', ' 2', '1.5', '1234567890123456']),
      'ONT8',
      pick(random, 'SELLABLE', ['CUSTOMER_DAMAGED', '']),
      pick(random, '', ['M', 'E', 'F', 'Q', ' ']),
      pick(random, 'US', ['DE', 'ZZ', '', ' US', 'us']),
      pick(random, '', ['3', 'x', '-1']),
      pick(random, '', ['2']),
      pick(random, `2026-03-${day}T09:14:07-0700`, ['', '2026-03-05T09:14:07-07:00', 'garbage', '2026-13-01T00:00:00-0700', '2026-03-05T24:00:00-0700', '2026-03-05 09:14:07']),
      '',
    ];
    // Now and then a row one cell short or one too long, or written without quotes.
    const width = random(30);
    if (width === 0) cells.pop();
    if (width === 1) cells.push('extra');
    lines.push(random(10) === 0 && delimiter === '\t' ? cells.join(delimiter) : cells.map(quote).join(delimiter));
  }
  return (bom ? '\uFEFF' : '') + lines.join(newline) + newline;
}

async function read(bytes: Uint8Array, fast: boolean, chunkBytes: number) {
  const provisional = new Map(LOCATIONS);
  const builder = new LedgerPlanBuilder(lookup, (marketplace) => {
    if (!provisional.has(marketplace) && marketplace === 'ZZ') return undefined;
    if (!provisional.has(marketplace)) provisional.set(marketplace, -(provisional.size + 1));
    return provisional.get(marketplace);
  });
  const reasons: string[] = [];
  let taken = 0;
  const result = await readReportStream(bytes, {
    chunkBytes,
    onRecord: (record: ImportRecord) => {
      if (record.type !== 'ledgerEvent') return;
      if (record.reason !== '') reasons.push(`${record.row}:${record.reason}`);
      builder.add(record);
    },
    ...(fast
      ? {
          fastRows: (report) => {
            const rows = builder.fastRows(report);
            return (
              rows &&
              ((raw) => {
                const took = rows(raw);
                if (took) taken++;
                return took;
              })
            );
          },
        }
      : {}),
  });
  const plan = builder.finish();
  const columns = plan.columns;
  return {
    taken,
    reasons,
    result,
    plan: {
      ...plan,
      columns: {
        day: [...columns.day],
        skuId: [...columns.skuId],
        locationId: [...columns.locationId],
        qty: [...columns.qty],
        type: [...columns.type],
        seq: [...columns.seq],
        refs: [...columns.ref].map((r) => (r < 0 ? null : columns.refs[r])),
      },
    },
  };
}

describe('ledger fast path', () => {
  it('gives the record path’s plan, held rows and problems on files full of quirks', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 2 ** 31 - 1 }), fc.constantFrom<'\t' | ','>('\t', ','), fc.constantFrom('\n', '\r\n'), fc.boolean(), fc.constantFrom(61, 4096, 1 << 20), async (seed, delimiter, newline, bom, chunkBytes) => {
        const bytes = new TextEncoder().encode(ledgerText(seed, 120, delimiter, newline, bom));
        const slow = await read(bytes, false, chunkBytes);
        const fast = await read(bytes, true, chunkBytes);
        expect(fast.result).toEqual(slow.result);
        expect(fast.plan).toEqual(slow.plan);
        expect(fast.reasons).toEqual(slow.reasons);
        expect(slow.taken).toBe(0);
        // Most rows are plain: the fast path took some (else this test would prove nothing).
        expect(fast.taken).toBeGreaterThan(20);
      }),
      { numRuns: 150 },
    );
  });

  it('takes the plain rows of a clean file, in tab and comma files alike', async () => {
    for (const delimiter of ['\t', ','] as const) {
      const lines = [HEADER.map((h) => `"${h}"`).join(delimiter)];
      for (let i = 0; i < 50; i++) lines.push(['03/05/2026', 'X001AAAAAA', 'B0X', 'SKU-1', 'Item', 'Shipments', `111-${i}`, '-1', 'ONT8', 'SELLABLE', '', 'US', '', '', '2026-03-05T09:14:07-0700', ''].map((c) => `"${c}"`).join(delimiter));
      const fast = await read(new TextEncoder().encode(lines.join('\n') + '\n'), true, 1 << 20);
      // The first row goes the record way (it introduces the Country); the other 49 are taken.
      expect(fast.taken).toBe(49);
      expect(fast.plan.columns.qty).toEqual(new Array(50).fill(-1));
      expect(fast.plan.columns.refs[49]).toBe('111-49');
      expect(fast.plan.firstDate).toBe('2026-03-05');
    }
  });
});

describe('in-place value readers', () => {
  it('read MM/DD/YYYY dates as the string parser does, and refuse half-digit years', () => {
    expect(mdyDateKey('x02/29/2024y', 1, 11)).toBe(20240229);
    expect(isoDateOfKey(20240229)).toBe('2024-02-29');
    expect(mdyDateKey('02/29/2025', 0, 10)).toBe(-1);
    expect(mdyDateKey('01/01/20ab', 0, 10)).toBe(-1);
    expect(mdyDateKey('01/01/0999', 0, 10)).toBe(-1);
    expect(parseDateOnly('03/05/2026')).toBe('2026-03-05');
  });

  it('read the ledger’s date and time and plain integers as before', () => {
    expect(parseDateTimeText('2026-03-05T09:14:07-0700')).toBe('2026-03-05T09:14:07-07:00');
    expect(parseDateTimeText('2026-03-05T09:14:07+05:30')).toBe('2026-03-05T09:14:07+05:30');
    expect(parseDateTimeText('20ab-03-05T09:14:07-0700')).toBeNull();
    expect(parseInteger('-12')).toBe(-12);
    expect(parseInteger('+3')).toBe(3);
    expect(parseInteger('4,812')).toBe(4812);
    expect(parseInteger('-')).toBeNaN();
    expect(parseInteger('')).toBeNull();
  });
});
