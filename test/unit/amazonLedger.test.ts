// Amazon Inventory Ledger → StockPilot movements (shared/ledger/amazonLedger.ts): event types,
// code lookup (FNSKU first, then marketplace + seller SKU), listing packs, held events, and the
// multiset deduplication that makes re-imports and overlapping files safe.
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { dayNumber } from '../../shared/dates';
import { TYPE_CODE, emptyColumns } from '../../shared/ledger/columns';
import type { MovementColumns } from '../../shared/ledger/columns';
import { eventKeys, movementTypeOfLedgerEvent, newMovementsOnly, planLedgerImport, sellerSkuKey } from '../../shared/ledger/amazonLedger';
import type { CodeTarget, LedgerCodeLookup } from '../../shared/ledger/amazonLedger';
import type { LedgerEventRecord } from '../../shared/import/records';
import type { MovementType } from '../../shared/model';

let rowCounter = 0;
function event(overrides: Partial<LedgerEventRecord> = {}): LedgerEventRecord {
  rowCounter += 1;
  return {
    type: 'ledgerEvent',
    row: rowCounter,
    date: '2026-05-02',
    fnsku: 'X004K7Q2MZ',
    asin: 'B0D3KQ7M2X',
    msku: 'BT-EARBUD-BLK',
    title: 'Earbuds',
    eventType: 'Shipments',
    referenceId: '111-4829173-5520941',
    quantity: -1,
    fulfillmentCenter: 'ONT8',
    disposition: 'SELLABLE',
    reason: '',
    country: 'US',
    reconciledQuantity: null,
    unreconciledQuantity: null,
    ...overrides,
  };
}

function lookup(byFnsku: Record<string, CodeTarget>, bySellerSku: Record<string, CodeTarget>): LedgerCodeLookup {
  return { byFnsku: new Map(Object.entries(byFnsku)), bySellerSku: new Map(Object.entries(bySellerSku)) };
}

interface Row {
  day: number;
  sku: number;
  loc: number;
  qty: number;
  type: MovementType;
  ref?: string;
}

function columnsOf(rows: readonly Row[]): MovementColumns {
  const columns = emptyColumns(rows.length);
  const refIndex = new Map<string, number>();
  rows.forEach((row, i) => {
    columns.day[i] = row.day;
    columns.skuId[i] = row.sku;
    columns.locationId[i] = row.loc;
    columns.qty[i] = row.qty;
    columns.type[i] = TYPE_CODE[row.type];
    if (row.ref !== undefined) {
      let r = refIndex.get(row.ref);
      if (r === undefined) {
        r = columns.refs.length;
        columns.refs.push(row.ref);
        refIndex.set(row.ref, r);
      }
      columns.ref[i] = r;
    }
    columns.seq[i] = i;
  });
  return columns;
}

function rowsOf(columns: MovementColumns): Row[] {
  const rows: Row[] = [];
  const types = Object.entries(TYPE_CODE);
  for (let i = 0; i < columns.length; i++) {
    const r = columns.ref[i]!;
    rows.push({
      day: columns.day[i]!,
      sku: columns.skuId[i]!,
      loc: columns.locationId[i]!,
      qty: columns.qty[i]!,
      type: types.find(([, code]) => code === columns.type[i])![0] as MovementType,
      ...(r >= 0 ? { ref: columns.refs[r]! } : {}),
    });
  }
  return rows;
}

describe('movementTypeOfLedgerEvent', () => {
  test.each([
    ['Receipts', 240, 'transfer_in'],
    ['Receipts', -5, 'transfer_out'],
    ['Receipts', 0, 'transfer_in'],
    ['Shipments', -2, 'sale'],
    ['Shipments', 0, 'sale'],
    ['Shipments', 1, 'customer_return'],
    ['CustomerReturns', 1, 'customer_return'],
    ['CustomerReturns', -1, 'customer_return'],
    ['WhseTransfers', -12, 'transfer_out'],
    ['WhseTransfers', 12, 'transfer_in'],
    ['VendorReturns', -6, 'removal'],
    ['VendorReturns', 6, 'removal'],
    ['Adjustments', -1, 'adjustment'],
    ['Adjustments', 1, 'adjustment'],
  ] as const)('%s with quantity %d is %s', (eventType, quantity, expected) => {
    expect(movementTypeOfLedgerEvent(eventType, quantity)).toBe(expected);
  });

  test.each([['Disposals'], ['receipts'], [''], ['SHIPMENTS'], ['Unknown Events']])('unknown event type %j is null (either sign)', (eventType) => {
    expect(movementTypeOfLedgerEvent(eventType, 1)).toBeNull();
    expect(movementTypeOfLedgerEvent(eventType, -1)).toBeNull();
  });
});

describe('sellerSkuKey', () => {
  test('trims and uppercases the seller SKU, keeps the marketplace', () => {
    expect(sellerSkuKey('US', '  bt-earbud-blk ')).toBe('US|BT-EARBUD-BLK');
  });
});

describe('planLedgerImport', () => {
  const US = 501;
  const DE = 502;
  const fba = new Map([
    ['US', US],
    ['DE', DE],
  ]);

  test('maps by FNSKU first, even when the seller SKU maps elsewhere', () => {
    const plan = planLedgerImport(
      [event({ fnsku: 'x004k7q2mz', msku: 'OTHER', quantity: -3 })],
      lookup({ X004K7Q2MZ: { skuId: 1, unitsPerListing: 1 } }, { [sellerSkuKey('US', 'OTHER')]: { skuId: 2, unitsPerListing: 1 } }),
      fba,
    );
    expect(plan.held).toEqual([]);
    expect(rowsOf(plan.columns)).toEqual([{ day: dayNumber('2026-05-02'), sku: 1, loc: US, qty: -3, type: 'sale', ref: '111-4829173-5520941' }]);
  });

  test('falls back to marketplace + seller SKU, case-insensitive, when the FNSKU is unknown or blank', () => {
    const plan = planLedgerImport(
      [
        event({ fnsku: 'X00UNKNOWN', msku: 'bt-earbud-blk', quantity: -1 }),
        event({ fnsku: '', msku: ' Bt-Earbud-Blk ', quantity: -2 }),
        event({ fnsku: '', msku: 'BT-EARBUD-BLK', country: 'de', quantity: -4 }),
      ],
      lookup(
        {},
        {
          [sellerSkuKey('US', 'BT-EARBUD-BLK')]: { skuId: 7, unitsPerListing: 1 },
          [sellerSkuKey('DE', 'BT-EARBUD-BLK')]: { skuId: 8, unitsPerListing: 1 },
        },
      ),
      fba,
    );
    expect(plan.held).toEqual([]);
    expect(rowsOf(plan.columns).map((r) => [r.sku, r.loc, r.qty])).toEqual([
      [7, US, -1],
      [7, US, -2],
      [8, DE, -4],
    ]);
  });

  test('a seller SKU mapped in one marketplace does not map the same seller SKU in another', () => {
    const plan = planLedgerImport([event({ fnsku: '', msku: 'BT-EARBUD-BLK', country: 'DE' })], lookup({}, { [sellerSkuKey('US', 'BT-EARBUD-BLK')]: { skuId: 7, unitsPerListing: 1 } }), fba);
    expect(plan.columns.length).toBe(0);
    expect(plan.held.map((h) => [h.codeType, h.code, h.marketplace])).toEqual([['sellerSku', 'BT-EARBUD-BLK', 'DE']]);
  });

  test('expands a multi-pack listing: a 2-pack with quantity -3 is -6 units', () => {
    const plan = planLedgerImport(
      [event({ fnsku: 'X00PACK002', quantity: -3 }), event({ fnsku: '', msku: 'PACK-3', eventType: 'Receipts', quantity: 10, referenceId: 'FBA1' })],
      lookup({ X00PACK002: { skuId: 3, unitsPerListing: 2 } }, { [sellerSkuKey('US', 'PACK-3')]: { skuId: 3, unitsPerListing: 3 } }),
      fba,
    );
    expect(rowsOf(plan.columns).map((r) => [r.qty, r.type])).toEqual([
      [-6, 'sale'],
      [30, 'transfer_in'],
    ]);
  });

  test('holds an event whose code maps to nothing: by FNSKU when there is one, else by seller SKU', () => {
    const withFnsku = event({ fnsku: 'x003zq1b7h', msku: 'LED-STRIP-5M-RGB', eventType: 'Adjustments', quantity: -1 });
    const withoutFnsku = event({ fnsku: '', msku: 'led-strip-5m-rgb', eventType: 'Adjustments', quantity: 1 });
    const plan = planLedgerImport([withFnsku, withoutFnsku], lookup({}, {}), fba);
    expect(plan.columns.length).toBe(0);
    expect(plan.held).toEqual([
      { codeType: 'fnsku', code: 'X003ZQ1B7H', marketplace: 'US', record: withFnsku },
      { codeType: 'sellerSku', code: 'LED-STRIP-5M-RGB', marketplace: 'US', record: withoutFnsku },
    ]);
  });

  test('holds a mapped event whose marketplace has no FBA location', () => {
    const jp = event({ country: 'JP', quantity: -2 });
    const plan = planLedgerImport([jp, event({ quantity: -1 })], lookup({ X004K7Q2MZ: { skuId: 1, unitsPerListing: 1 } }, {}), fba);
    expect(plan.held).toEqual([{ codeType: 'fnsku', code: 'X004K7Q2MZ', marketplace: 'JP', record: jp }]);
    expect(rowsOf(plan.columns).map((r) => [r.loc, r.qty])).toEqual([[US, -1]]);
  });

  test('reports unknown event rows, first and last date and the marketplaces', () => {
    const events = [
      event({ date: '2026-05-04', row: 1 }),
      event({ date: '2026-04-28', row: 2, eventType: 'Disposals', country: 'de' }),
      event({ date: '2026-05-09', row: 3, country: ' CA ' }),
      event({ date: '2026-05-01', row: 4, eventType: 'Mystery' }),
    ];
    const plan = planLedgerImport(events, lookup({ X004K7Q2MZ: { skuId: 1, unitsPerListing: 1 } }, {}), fba);
    expect(plan.unknownEventRows).toEqual([2, 4]);
    expect(plan.firstDate).toBe('2026-04-28');
    expect(plan.lastDate).toBe('2026-05-09');
    expect(plan.marketplaces).toEqual(['CA', 'DE', 'US']);
    // Row 1 posts; row 3 is held (no FBA CA); unknown rows are neither posted nor held.
    expect(plan.columns.length).toBe(1);
    expect(plan.held.map((h) => h.record.row)).toEqual([3]);
  });

  test('an empty file plans nothing', () => {
    const plan = planLedgerImport([], lookup({}, {}), fba);
    expect(plan).toMatchObject({ held: [], unknownEventRows: [], marketplaces: [], firstDate: null, lastDate: null });
    expect(plan.columns.length).toBe(0);
  });

  test('each movement keeps its reference id; a blank one is -1', () => {
    const plan = planLedgerImport(
      [event({ referenceId: 'A' }), event({ referenceId: 'B' }), event({ referenceId: 'A' }), event({ referenceId: '' })],
      lookup({ X004K7Q2MZ: { skuId: 1, unitsPerListing: 1 } }, {}),
      fba,
    );
    const refOf = (i: number) => (plan.columns.ref[i]! < 0 ? null : plan.columns.refs[plan.columns.ref[i]!]);
    expect([0, 1, 2, 3].map(refOf)).toEqual(['A', 'B', 'A', null]);
    expect([...plan.columns.seq]).toEqual([0, 1, 2, 3]);
  });
});

describe('newMovementsOnly', () => {
  const a: Row = { day: 20_580, sku: 1, loc: 5, qty: -1, type: 'sale', ref: 'ORDER-1' };
  const b: Row = { day: 20_581, sku: 1, loc: 5, qty: 12, type: 'transfer_in', ref: 'T-1' };
  const c: Row = { day: 20_582, sku: 2, loc: 5, qty: -1, type: 'adjustment' };

  test('counts repeats: the ledger has an event twice, the file three times → one is new', () => {
    const { columns, duplicates } = newMovementsOnly(columnsOf([a, a, a, b]), columnsOf([a, a, b]));
    expect(duplicates).toBe(3);
    expect(rowsOf(columns)).toEqual([a]);
  });

  test('disjoint: everything is new, nothing is a duplicate', () => {
    const { columns, duplicates } = newMovementsOnly(columnsOf([a, b]), columnsOf([c]));
    expect(duplicates).toBe(0);
    expect(rowsOf(columns)).toEqual([a, b]);
  });

  test('identical: nothing is new', () => {
    const { columns, duplicates } = newMovementsOnly(columnsOf([a, b, c, c]), columnsOf([c, b, c, a]));
    expect(duplicates).toBe(4);
    expect(columns.length).toBe(0);
  });

  test('against an empty ledger everything is new', () => {
    const { columns, duplicates } = newMovementsOnly(columnsOf([a, a]), emptyColumns(0));
    expect(duplicates).toBe(0);
    expect(rowsOf(columns)).toEqual([a, a]);
  });

  test('ref indexes are matched by reference text, not by position in refs', () => {
    const incoming = columnsOf([b, a]); // refs ['T-1', 'ORDER-1']
    const existing = columnsOf([a, b]); // refs ['ORDER-1', 'T-1']
    expect(newMovementsOnly(incoming, existing).duplicates).toBe(2);
  });

  test('property: new count = Σ max(0, inFile(k) − existing(k)), and the kept rows are those surpluses', () => {
    const pool: Row[] = [
      a,
      b,
      c,
      { ...a, qty: -2 },
      { ...a, ref: 'ORDER-2' },
      { ...b, loc: 6 },
      { ...c, day: c.day + 1 },
      { ...c, type: 'removal' },
    ];
    const indexes = fc.array(fc.integer({ min: 0, max: pool.length - 1 }), { maxLength: 25 });
    fc.assert(
      fc.property(indexes, indexes, (inFile, inLedger) => {
        const { columns, duplicates } = newMovementsOnly(columnsOf(inFile.map((i) => pool[i]!)), columnsOf(inLedger.map((i) => pool[i]!)));
        const count = (list: number[], k: number) => list.filter((i) => i === k).length;
        let expected = 0;
        const expectedPerKind = new Map<number, number>();
        for (let k = 0; k < pool.length; k++) {
          const surplus = Math.max(0, count(inFile, k) - count(inLedger, k));
          expected += surplus;
          if (surplus > 0) expectedPerKind.set(k, surplus);
        }
        expect(columns.length).toBe(expected);
        expect(duplicates).toBe(inFile.length - expected);
        const kept = rowsOf(columns);
        const keptPerKind = new Map<number, number>();
        for (const row of kept) {
          const k = pool.findIndex((p) => JSON.stringify(p) === JSON.stringify(row));
          expect(k).toBeGreaterThanOrEqual(0);
          keptPerKind.set(k, (keptPerKind.get(k) ?? 0) + 1);
        }
        expect(keptPerKind).toEqual(expectedPerKind);
      }),
      { numRuns: 300 },
    );
  });
});

describe('eventKeys', () => {
  const base: Row = { day: 20_580, sku: 3, loc: 9, qty: -2, type: 'sale', ref: '113-0375528-9910362' };

  test('equal movements have equal keys, whatever their refs table looks like', () => {
    const one = eventKeys(columnsOf([base]));
    const two = eventKeys(columnsOf([{ ...base, ref: 'OTHER' }, base, base]));
    expect(two[1]).toBe(one[0]);
    expect(two[2]).toBe(one[0]);
    expect(Number.isSafeInteger(one[0]!)).toBe(true);
  });

  test.each<[string, Partial<Row>]>([
    ['day', { day: base.day + 1 }],
    ['sku', { sku: 4 }],
    ['location', { loc: 10 }],
    ['quantity', { qty: -1 }],
    ['quantity sign', { qty: 2 }],
    ['type', { type: 'adjustment' }],
    ['reference', { ref: '113-0375528-9910363' }],
    ['no reference', { ref: undefined }],
  ])('a different %s gives a different key', (_, change) => {
    const changed: Row = { ...base, ...change };
    if ('ref' in change && change.ref === undefined) delete changed.ref;
    const keys = eventKeys(columnsOf([base, changed]));
    expect(keys[0]).not.toBe(keys[1]);
  });
});
