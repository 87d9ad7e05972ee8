// Daily demand from All Orders and Amazon Fulfilled Shipments (shared/import/demand.ts): one count
// per order line however many files, parts and copies state it. Every number is checked by hand.
import { describe, expect, it, vi } from 'vitest';
import type { ImportRecord, OrderLineRecord, ShipmentLineRecord } from '../../shared/import';
import { parseReport } from '../../shared/import';
import { dailyDemand, demandRowsFromOrders, demandRowsFromShipments, isMerchantFulfilled, mergeDemandRows } from '../../shared/import/demand';
import type { DemandRow, ListingComponent } from '../../shared/import/demand';
import { fixture } from './importTestKit';

function recordsOf<T extends ImportRecord['type']>(file: string, type: T): Extract<ImportRecord, { type: T }>[] {
  const result = parseReport(fixture(file));
  expect(result.problems).toEqual([]);
  return result.records.filter((r): r is Extract<ImportRecord, { type: T }> => r.type === type);
}

const fixtureOrders = () => recordsOf('GET_FLAT_FILE_ALL_ORDERS_DATA_BY_ORDER_DATE_GENERAL.tsv', 'orderLine');
const fixtureShipments = () => recordsOf('GET_AMAZON_FULFILLED_SHIPMENTS_DATA_GENERAL.tsv', 'shipmentLine');

let rowNumber = 0;
function order(overrides: Partial<OrderLineRecord> = {}): OrderLineRecord {
  rowNumber += 1;
  return {
    type: 'orderLine',
    row: rowNumber,
    orderId: '111-0000001-0000001',
    purchaseDate: '2026-05-01',
    purchaseDateTime: '2026-05-01T10:00:00+00:00',
    status: 'Shipped',
    fulfillmentChannel: 'Amazon',
    salesChannel: 'Amazon.com',
    marketplace: 'US',
    sku: 'CASE-BLK',
    asin: 'B0CASE0001',
    title: 'Phone case, black',
    itemStatus: 'Shipped',
    quantity: 1,
    currency: 'USD',
    itemPrice: 9.99,
    ...overrides,
  };
}

function shipment(overrides: Partial<ShipmentLineRecord> = {}): ShipmentLineRecord {
  rowNumber += 1;
  return {
    type: 'shipmentLine',
    row: rowNumber,
    orderId: '111-0000001-0000001',
    orderItemId: '10000000000001',
    shipmentId: 'DshipA',
    shipmentItemId: 'DitemA',
    purchaseDate: '2026-05-01',
    shipmentDate: '2026-05-02',
    sku: 'CASE-BLK',
    quantityShipped: 1,
    salesChannel: 'Amazon.com',
    marketplace: 'US',
    fulfillmentCenter: 'ONT8',
    ...overrides,
  };
}

/** A resolver from a table keyed `${marketplace}|${SELLER-SKU}`. */
function resolverOf(table: Record<string, readonly ListingComponent[]>) {
  return (marketplace: string, sellerSku: string) => table[`${marketplace}|${sellerSku.toUpperCase()}`];
}

const unitsOf = (rows: readonly { lineKey: string; units: number }[]) => Object.fromEntries(rows.map((r) => [r.lineKey, r.units]));

describe('the Amazon fixtures', () => {
  it('All Orders: 8 rows → 7 order lines; the identical Desk Organizer row counts once; the cancelled line has 0 units', () => {
    const { rows, identicalDuplicates } = demandRowsFromOrders(fixtureOrders());
    expect(identicalDuplicates).toBe(1);
    expect(rows.map((r) => [r.key, r.date, r.units, r.cancelled, r.channel])).toEqual([
      ['US|111-4829173-5520941|BT-EARBUD-BLK', '2026-05-01', 1, false, 'Amazon'],
      ['US|113-0375528-9910362|BT-EARBUD-BLK', '2026-05-02', 2, false, 'Amazon'],
      ['US|112-6604187-2209415|USB-C-CBL-2M-WHT', '2026-05-02', 3, false, 'Amazon'],
      ['US|114-2051733-6672219|LED-STRIP-5M-RGB', '2026-05-02', 0, true, 'Amazon'],
      ['US|111-9935026-1047736|YOGA-MAT-6MM-PRP', '2026-05-03', 1, false, 'Merchant'],
      ['CA|702-3318462-5529140|BT-EARBUD-BLK', '2026-05-03', 1, false, 'Amazon'],
      ['US|112-7790031-8851203|DESK-ORG-BAMB', '2026-05-04', 1, false, 'Amazon'],
    ]);
    expect(rows.every((r) => r.key === r.lineKey && r.source === 'orders')).toBe(true);
    expect(rows[0]).toEqual({
      key: 'US|111-4829173-5520941|BT-EARBUD-BLK',
      lineKey: 'US|111-4829173-5520941|BT-EARBUD-BLK',
      source: 'orders',
      marketplace: 'US',
      orderId: '111-4829173-5520941',
      sellerSku: 'BT-EARBUD-BLK',
      asin: 'B0D3KQ7M2X',
      date: '2026-05-01',
      units: 1,
      cancelled: false,
      channel: 'Amazon',
      revenueMinor: 2999,
      currency: 'USD',
      pricesKept: true,
    });
  });

  it('All Orders keeps each line’s item-price (the line total) in its currency; Pending and cancelled lines keep none', () => {
    const { rows } = demandRowsFromOrders(fixtureOrders());
    expect(rows.map((r) => [r.sellerSku, r.units, r.revenueMinor, r.currency])).toEqual([
      ['BT-EARBUD-BLK', 1, 2999, 'USD'],
      // 2 units, 59.98 for the line.
      ['BT-EARBUD-BLK', 2, 5998, 'USD'],
      // Pending: blank price.
      ['USB-C-CBL-2M-WHT', 3, undefined, undefined],
      // Cancelled: quantity 0, no price.
      ['LED-STRIP-5M-RGB', 0, undefined, undefined],
      ['YOGA-MAT-6MM-PRP', 1, 2499, 'USD'],
      ['BT-EARBUD-BLK', 1, 3999, 'CAD'],
      // The identical row counts once, its price too.
      ['DESK-ORG-BAMB', 1, 3299, 'USD'],
    ]);
    // A row without a price has no price keys, and says prices were kept (a row stored before does not).
    expect(Object.keys(rows[2]!)).not.toContain('revenueMinor');
    expect(JSON.stringify(rows[2])).not.toContain('currency');
    expect(rows.every((r) => r.pricesKept === true)).toBe(true);
  });

  it('merged revenue: the order’s unit price × the line’s units; the Desk Organizer shipped as 2 parts is 2 × 32.99', () => {
    const merge = mergeDemandRows([...demandRowsFromOrders(fixtureOrders()).rows, ...demandRowsFromShipments(fixtureShipments()).rows]);
    expect(merge.lines.map((l) => [l.sellerSku, l.marketplace, l.units, l.revenueMinor, l.currency])).toEqual([
      ['BT-EARBUD-BLK', 'US', 1, 2999, 'USD'],
      ['USB-C-CBL-2M-WHT', 'US', 3, undefined, undefined],
      ['BT-EARBUD-BLK', 'US', 2, 5998, 'USD'],
      ['LED-STRIP-5M-RGB', 'US', 0, undefined, undefined],
      ['BT-EARBUD-BLK', 'CA', 1, 3999, 'CAD'],
      // Known from the shipments report only, which carries no price.
      ['BT-EARBUD-WHT', 'US', 1, undefined, undefined],
      ['YOGA-MAT-6MM-PRP', 'US', 1, 2499, 'USD'],
      ['DESK-ORG-BAMB', 'US', 2, 6598, 'USD'],
    ]);
    // Lines with an order row say it kept prices; the shipments-only line has no order row to say it.
    expect(merge.lines.map((l) => l.pricesKept)).toEqual([true, true, true, true, true, undefined, true, true]);
    // A row stored before prices were kept reads as such.
    const { pricesKept, ...stored } = demandRowsFromOrders(fixtureOrders()).rows[2]!;
    expect(pricesKept).toBe(true);
    expect(mergeDemandRows([stored]).lines[0]!.pricesKept).toBe(false);
  });

  it('Fulfilled Shipments: 6 rows → 6 parts; the Desk Organizer line shipped in two parts keeps both under one lineKey', () => {
    const { rows, identicalDuplicates } = demandRowsFromShipments(fixtureShipments());
    expect(identicalDuplicates).toBe(0);
    expect(rows.map((r) => [r.key, r.date, r.units])).toEqual([
      ['US|111-4829173-5520941|BT-EARBUD-BLK|D7kQ2mX9p|D4Xr8Lq2vTn', '2026-05-01', 1],
      ['US|113-0375528-9910362|BT-EARBUD-BLK|D2hT7wQ4c|DbN6s1Kp0Ze', '2026-05-02', 2],
      ['US|111-9935026-1047736|BT-EARBUD-WHT|Dq81ZrT3m|D0cY5vHn7Wk', '2026-05-03', 1],
      ['CA|702-3318462-5529140|BT-EARBUD-BLK|Dm3Lp8Q1x|DtR2k9Wf4Bq', '2026-05-03', 1],
      ['US|112-7790031-8851203|DESK-ORG-BAMB|Dw5Nc2R8j|Dp7Hs3Lq1Xa', '2026-05-04', 1],
      ['US|112-7790031-8851203|DESK-ORG-BAMB|Dz0Vb6T2k|Dk2Jw8Rm5Yc', '2026-05-04', 1],
    ]);
    expect(new Set(rows.map((r) => r.lineKey)).size).toBe(5);
    expect(rows.every((r) => r.source === 'shipments' && r.channel === 'Amazon' && r.asin === '' && !r.cancelled)).toBe(true);
  });

  it('merged: 8 order lines, 11 units — shipments win where they exist (the Desk Organizer is 1 + 1 = 2)', () => {
    const merge = mergeDemandRows([...demandRowsFromOrders(fixtureOrders()).rows, ...demandRowsFromShipments(fixtureShipments()).rows]);
    expect(merge.lines.map((l) => [l.lineKey, l.date, l.units, l.asin])).toEqual([
      ['US|111-4829173-5520941|BT-EARBUD-BLK', '2026-05-01', 1, 'B0D3KQ7M2X'],
      ['US|112-6604187-2209415|USB-C-CBL-2M-WHT', '2026-05-02', 3, 'B0C9TWJ5RK'],
      ['US|113-0375528-9910362|BT-EARBUD-BLK', '2026-05-02', 2, 'B0D3KQ7M2X'],
      ['US|114-2051733-6672219|LED-STRIP-5M-RGB', '2026-05-02', 0, 'B0CFJ2L8WQ'],
      ['CA|702-3318462-5529140|BT-EARBUD-BLK', '2026-05-03', 1, 'B0D3KQ7M2X'],
      // Same order id as the yoga mat, different SKU: another line, known from shipments only.
      ['US|111-9935026-1047736|BT-EARBUD-WHT', '2026-05-03', 1, ''],
      ['US|111-9935026-1047736|YOGA-MAT-6MM-PRP', '2026-05-03', 1, 'B0CX8N3V6P'],
      ['US|112-7790031-8851203|DESK-ORG-BAMB', '2026-05-04', 2, 'B0BQ2W7N8T'],
    ]);
    expect(merge.lines.reduce((sum, l) => sum + l.units, 0)).toBe(11);
    // The yoga mat was fulfilled by the seller (MFN); every other line by Amazon, shipped ones by the shipments report's word.
    expect(merge.lines.filter((l) => l.channel !== 'Amazon').map((l) => [l.sellerSku, l.channel])).toEqual([['YOGA-MAT-6MM-PRP', 'Merchant']]);
  });

  it('a merchant-fulfilled (MFN) line keeps its channel, so the plan can leave it out of FBA demand', () => {
    const merge = mergeDemandRows(demandRowsFromOrders([order({ fulfillmentChannel: 'Merchant' })]).rows);
    expect(merge.lines.map((l) => l.channel)).toEqual(['Merchant']);
    expect(isMerchantFulfilled('Merchant')).toBe(true);
    expect(isMerchantFulfilled(' MFN ')).toBe(true);
    expect(isMerchantFulfilled('Amazon')).toBe(false);
    expect(isMerchantFulfilled('')).toBe(false);
  });

  it('daily demand: per SKU, marketplace and day; the cable is a 2-pack; the white earbuds are unmapped', () => {
    const merge = mergeDemandRows([...demandRowsFromOrders(fixtureOrders()).rows, ...demandRowsFromShipments(fixtureShipments()).rows]);
    const resolve = vi.fn(
      resolverOf({
        'US|BT-EARBUD-BLK': [{ skuId: 1, unitsPerListing: 1 }],
        'CA|BT-EARBUD-BLK': [{ skuId: 1, unitsPerListing: 1 }],
        'US|USB-C-CBL-2M-WHT': [{ skuId: 2, unitsPerListing: 2 }],
        'US|YOGA-MAT-6MM-PRP': [{ skuId: 3, unitsPerListing: 1 }],
        'US|DESK-ORG-BAMB': [{ skuId: 4, unitsPerListing: 1 }],
        'US|LED-STRIP-5M-RGB': [{ skuId: 5, unitsPerListing: 1 }],
      }),
    );
    expect(dailyDemand(merge, resolve)).toEqual({
      days: [
        { skuId: 1, marketplace: 'CA', day: '2026-05-03', units: 1 },
        { skuId: 1, marketplace: 'US', day: '2026-05-01', units: 1 },
        { skuId: 1, marketplace: 'US', day: '2026-05-02', units: 2 },
        { skuId: 2, marketplace: 'US', day: '2026-05-02', units: 6 },
        { skuId: 3, marketplace: 'US', day: '2026-05-03', units: 1 },
        { skuId: 4, marketplace: 'US', day: '2026-05-04', units: 2 },
      ],
      unresolved: [{ marketplace: 'US', sellerSku: 'BT-EARBUD-WHT', units: 1 }],
    });
    // Six codes with units (US earbuds twice, the cancelled LED strip not at all): each resolved once.
    expect(resolve).toHaveBeenCalledTimes(6);
    expect(resolve).not.toHaveBeenCalledWith('US', 'LED-STRIP-5M-RGB');
  });

  it('importing both files a second time changes nothing', () => {
    const once = [...demandRowsFromOrders(fixtureOrders()).rows, ...demandRowsFromShipments(fixtureShipments()).rows];
    const twice = [...once, ...demandRowsFromOrders(fixtureOrders()).rows, ...demandRowsFromShipments(fixtureShipments()).rows];
    expect(mergeDemandRows(twice)).toEqual(mergeDemandRows(once));
  });
});

describe('rows from All Orders', () => {
  it('a row repeated identically counts once, whatever its row number (3 copies → 1 row, 2 duplicates)', () => {
    const { rows, identicalDuplicates } = demandRowsFromOrders([order({ quantity: 2 }), order({ quantity: 2 }), order({ quantity: 2 })]);
    expect(identicalDuplicates).toBe(2);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.units).toBe(2);
  });

  it('two different rows of one order and SKU are two items of one line: 1 + 2 = 3 units', () => {
    const { rows, identicalDuplicates } = demandRowsFromOrders([order({ quantity: 1, itemPrice: 9.99 }), order({ quantity: 2, itemPrice: 19.98 })]);
    expect(identicalDuplicates).toBe(0);
    expect(rows.map((r) => [r.key, r.units])).toEqual([['US|111-0000001-0000001|CASE-BLK', 3]]);
  });

  it('two items of one line: their prices add; an item with units and no price leaves the line’s revenue unknown; a cancelled item adds nothing', () => {
    const both = demandRowsFromOrders([order({ quantity: 1, itemPrice: 9.99 }), order({ quantity: 2, itemPrice: 19.98 })]).rows;
    expect(both.map((r) => [r.units, r.revenueMinor, r.currency])).toEqual([[3, 2997, 'USD']]);
    const oneBlank = demandRowsFromOrders([order({ quantity: 1, itemPrice: 9.99 }), order({ quantity: 2, itemPrice: null, status: 'Pending', itemStatus: 'Unshipped' })]).rows;
    expect(oneBlank.map((r) => [r.units, r.revenueMinor, r.currency])).toEqual([[3, undefined, undefined]]);
    const cancelledFirst = demandRowsFromOrders([order({ quantity: 0, itemPrice: null, itemStatus: 'Cancelled' }), order({ quantity: 2, itemPrice: 19.98 })]).rows;
    expect(cancelledFirst.map((r) => [r.units, r.revenueMinor, r.currency])).toEqual([[2, 1998, 'USD']]);
    const twoCurrencies = demandRowsFromOrders([order({ quantity: 1, itemPrice: 9.99 }), order({ quantity: 1, itemPrice: 13.99, currency: 'CAD' })]).rows;
    expect(twoCurrencies.map((r) => r.revenueMinor)).toEqual([undefined]);
    // Minor digits by currency: ¥3,980 is 3,980 minor units; a cancelled line with a price keeps none.
    expect(demandRowsFromOrders([order({ itemPrice: 3980, currency: ' jpy ' })]).rows.map((r) => [r.revenueMinor, r.currency])).toEqual([[3980, 'JPY']]);
    expect(demandRowsFromOrders([order({ status: 'Cancelled', quantity: 0, itemPrice: 9.99 })]).rows[0]!.revenueMinor).toBeUndefined();
  });

  it('identical items plus a different one: 2 + 3 = 5 units, 1 duplicate', () => {
    const { rows, identicalDuplicates } = demandRowsFromOrders([order({ quantity: 2 }), order({ quantity: 3, itemPrice: 29.97 }), order({ quantity: 2 })]);
    expect(identicalDuplicates).toBe(1);
    expect(rows.map((r) => r.units)).toEqual([5]);
  });

  it.each([
    ['order status', { status: 'Cancelled', itemStatus: 'Cancelled', quantity: 0 }],
    ['item status only, any case', { status: 'Shipped', itemStatus: 'CANCELLED', quantity: 2 }],
    ['order status only, any case', { status: 'cancelled', itemStatus: 'Unshipped', quantity: 1 }],
    ['blank quantity', { status: 'Cancelled', itemStatus: 'Cancelled', quantity: null }],
  ] as const)('a cancelled line (%s) has 0 units', (_case, overrides) => {
    const { rows } = demandRowsFromOrders([order(overrides)]);
    expect(rows.map((r) => [r.units, r.cancelled])).toEqual([[0, true]]);
  });

  it('a line with one cancelled item and one shipped item is not cancelled and has the shipped units', () => {
    const { rows } = demandRowsFromOrders([order({ itemStatus: 'Cancelled', quantity: 0, itemPrice: null }), order({ quantity: 2 })]);
    expect(rows.map((r) => [r.units, r.cancelled])).toEqual([[2, false]]);
  });

  it('a blank quantity (unknown), a blank SKU, a blank order id leave the row out', () => {
    const { rows, identicalDuplicates } = demandRowsFromOrders([
      order({ quantity: null, status: 'Pending', itemStatus: 'Unshipped' }),
      order({ sku: '  ' }),
      order({ orderId: '' }),
      order({ orderId: '111-0000002-0000002', quantity: 4 }),
    ]);
    expect(identicalDuplicates).toBe(0);
    expect(rows.map((r) => [r.orderId, r.units])).toEqual([['111-0000002-0000002', 4]]);
  });

  it.each([
    ['US', 'Amazon.com', 'US'],
    [null, 'Amazon.com', 'US'],
    [null, 'Amazon.co.uk', 'UK'],
    [null, 'Amazon.de', 'DE'],
    [null, 'Amazon.co.jp', 'JP'],
    [null, 'Amazon.ca', 'CA'],
    [null, 'Amazon.com.mx', 'MX'],
    [null, 'amazon.fr', 'FR'],
    [null, 'Amazon.com.be', 'BE'],
    [null, 'Amazon.com.au', 'AU'],
    [null, 'Amazon.com.tr', 'TR'],
    [null, 'Amazon.com.br', 'BR'],
    [null, 'Amazon.ae', 'AE'],
    [null, 'Non-Amazon', ''],
    ['de', 'Amazon.fr', 'DE'],
  ] as const)('marketplace %s with sales channel %s → %s', (marketplace, salesChannel, expected) => {
    const [row] = demandRowsFromOrders([order({ marketplace, salesChannel })]).rows;
    expect(row?.marketplace).toBe(expected);
    expect(row?.lineKey).toBe(`${expected}|111-0000001-0000001|CASE-BLK`);
  });

  it('the line key upper-cases the codes; the row keeps the seller SKU as written', () => {
    const [row] = demandRowsFromOrders([order({ sku: ' case-blk ', orderId: '111-0000001-0000001' })]).rows;
    expect(row?.lineKey).toBe('US|111-0000001-0000001|CASE-BLK');
    expect(row?.sellerSku).toBe('case-blk');
  });
});

describe('rows from Fulfilled Shipments', () => {
  it('two parts of one line are two rows under one lineKey; an identical copy of a part counts once', () => {
    const partA = shipment({ shipmentId: 'DshipA', shipmentItemId: 'DitemA', quantityShipped: 2 });
    const partB = shipment({ shipmentId: 'DshipB', shipmentItemId: 'DitemB', quantityShipped: 1, shipmentDate: '2026-05-03', fulfillmentCenter: 'IND9' });
    const { rows, identicalDuplicates } = demandRowsFromShipments([partA, partB, { ...partA, row: 99 }]);
    expect(identicalDuplicates).toBe(1);
    expect(rows.map((r) => [r.key, r.lineKey, r.units])).toEqual([
      ['US|111-0000001-0000001|CASE-BLK|DshipA|DitemA', 'US|111-0000001-0000001|CASE-BLK', 2],
      ['US|111-0000001-0000001|CASE-BLK|DshipB|DitemB', 'US|111-0000001-0000001|CASE-BLK', 1],
    ]);
    expect(unitsOf(mergeDemandRows(rows).lines)).toEqual({ 'US|111-0000001-0000001|CASE-BLK': 3 });
  });

  it('a part without a purchase date is dated by its shipment date', () => {
    const [row] = demandRowsFromShipments([shipment({ purchaseDate: null, shipmentDate: '2026-05-06' })]).rows;
    expect(row?.date).toBe('2026-05-06');
  });

  it('a blank quantity or a blank SKU leaves the row out', () => {
    const { rows } = demandRowsFromShipments([shipment({ quantityShipped: null }), shipment({ sku: '' }), shipment({ shipmentItemId: 'DitemC', quantityShipped: 5 })]);
    expect(rows.map((r) => r.units)).toEqual([5]);
  });

  it('the marketplace comes from the sales channel when the record has none', () => {
    const [row] = demandRowsFromShipments([shipment({ marketplace: null, salesChannel: 'Amazon.co.uk' })]).rows;
    expect(row?.lineKey).toBe('UK|111-0000001-0000001|CASE-BLK');
  });
});

describe('mergeDemandRows', () => {
  const LINE = 'US|111-0000001-0000001|CASE-BLK';

  it('an order and its shipment count once: 3 units, not 6', () => {
    const merge = mergeDemandRows([...demandRowsFromOrders([order({ quantity: 3 })]).rows, ...demandRowsFromShipments([shipment({ quantityShipped: 3 })]).rows]);
    // The order's item-price (9.99 for the line) counts once too.
    expect(merge.lines).toEqual([{ lineKey: LINE, marketplace: 'US', sellerSku: 'CASE-BLK', asin: 'B0CASE0001', date: '2026-05-01', units: 3, channel: 'Amazon', revenueMinor: 999, currency: 'USD', pricesKept: true }]);
  });

  it('shipments find the order line whatever the SKU case, and their parts sum (1 + 1) over the order row (1)', () => {
    const orders = demandRowsFromOrders([order({ sku: 'case-blk', quantity: 1 })]).rows;
    const shipments = demandRowsFromShipments([shipment({ shipmentItemId: 'DitemA' }), shipment({ shipmentId: 'DshipB', shipmentItemId: 'DitemB' })]).rows;
    expect(unitsOf(mergeDemandRows([...orders, ...shipments]).lines)).toEqual({ [LINE]: 2 });
  });

  it('the order states the purchase date even when shipments come first', () => {
    const merge = mergeDemandRows([
      ...demandRowsFromShipments([shipment({ purchaseDate: null, shipmentDate: '2026-05-03' })]).rows,
      ...demandRowsFromOrders([order({ purchaseDate: '2026-05-01' })]).rows,
    ]);
    expect(merge.lines.map((l) => [l.date, l.units])).toEqual([['2026-05-01', 1]]);
  });

  it('a cancelled line contributes a line of 0 units', () => {
    const merge = mergeDemandRows(demandRowsFromOrders([order({ status: 'Cancelled', quantity: 2 })]).rows);
    expect(unitsOf(merge.lines)).toEqual({ [LINE]: 0 });
  });

  it('merging the same rows twice (a re-import) gives the same lines', () => {
    const rows = [...demandRowsFromOrders([order({ quantity: 2 }), order({ orderId: '111-0000002-0000002', sku: 'CABLE' })]).rows, ...demandRowsFromShipments([shipment({ quantityShipped: 2 })]).rows];
    expect(mergeDemandRows([...rows, ...rows])).toEqual(mergeDemandRows(rows));
    expect(unitsOf(mergeDemandRows([...rows, ...rows]).lines)).toEqual({ [LINE]: 2, 'US|111-0000002-0000002|CABLE': 1 });
  });

  it('a later import replaces a line’s price too: pending (no price) → shipped 2 at 19.98 → cancelled (none)', () => {
    const pending = demandRowsFromOrders([order({ status: 'Pending', itemStatus: 'Unshipped', quantity: 2, itemPrice: null })]).rows;
    const shipped = demandRowsFromOrders([order({ quantity: 2, itemPrice: 19.98 })]).rows;
    const cancelled = demandRowsFromOrders([order({ status: 'Cancelled', itemStatus: 'Cancelled', quantity: 0, itemPrice: null })]).rows;
    expect(mergeDemandRows([...pending, ...shipped]).lines.map((l) => l.revenueMinor)).toEqual([1998]);
    expect(mergeDemandRows([...shipped, ...pending]).lines.map((l) => l.revenueMinor)).toEqual([undefined]);
    expect(mergeDemandRows([...shipped, ...cancelled]).lines.map((l) => [l.units, l.revenueMinor])).toEqual([[0, undefined]]);
    // The same order imported twice counts its price once.
    expect(mergeDemandRows([...shipped, ...shipped]).lines.map((l) => l.revenueMinor)).toEqual([1998]);
  });

  it('a later import replaces a line: pending 3 → shipped 2, and pending 3 → cancelled 0', () => {
    const pending = demandRowsFromOrders([order({ status: 'Pending', itemStatus: 'Unshipped', quantity: 3 })]).rows;
    const shipped = demandRowsFromOrders([order({ quantity: 2 })]).rows;
    const cancelled = demandRowsFromOrders([order({ status: 'Cancelled', itemStatus: 'Cancelled', quantity: null })]).rows;
    expect(unitsOf(mergeDemandRows([...pending, ...shipped]).lines)).toEqual({ [LINE]: 2 });
    expect(unitsOf(mergeDemandRows([...shipped, ...pending]).lines)).toEqual({ [LINE]: 3 });
    expect(unitsOf(mergeDemandRows([...pending, ...cancelled]).lines)).toEqual({ [LINE]: 0 });
  });

  it('a later shipments report replaces a part with the same key and adds a new part', () => {
    const april = demandRowsFromShipments([shipment({ quantityShipped: 1 })]).rows;
    const may = demandRowsFromShipments([shipment({ quantityShipped: 2 }), shipment({ shipmentId: 'DshipB', shipmentItemId: 'DitemB', quantityShipped: 4 })]).rows;
    expect(unitsOf(mergeDemandRows([...april, ...may]).lines)).toEqual({ [LINE]: 6 });
  });

  it('accepts any iterable and sorts lines by date, then line key', () => {
    function* rows(): Generator<DemandRow> {
      yield* demandRowsFromOrders([order({ orderId: 'B', purchaseDate: '2026-05-02' }), order({ orderId: 'A', purchaseDate: '2026-05-02' }), order({ orderId: 'C', purchaseDate: '2026-05-01' })]).rows;
    }
    expect(mergeDemandRows(rows()).lines.map((l) => l.lineKey)).toEqual(['US|C|CASE-BLK', 'US|A|CASE-BLK', 'US|B|CASE-BLK']);
  });
});

describe('dailyDemand', () => {
  const line = (overrides: Partial<{ lineKey: string; marketplace: string; sellerSku: string; date: string; units: number }>) => ({
    lineKey: 'US|X|CASE-BLK',
    marketplace: 'US',
    sellerSku: 'CASE-BLK',
    asin: '',
    channel: 'Amazon',
    date: '2026-05-01',
    units: 1,
    ...overrides,
  });

  it('a 2-pack listing: 3 listings sold = 6 units of the SKU', () => {
    const result = dailyDemand({ lines: [line({ sellerSku: 'CABLE-2PK', units: 3 })] }, resolverOf({ 'US|CABLE-2PK': [{ skuId: 7, unitsPerListing: 2 }] }));
    expect(result).toEqual({ days: [{ skuId: 7, marketplace: 'US', day: '2026-05-01', units: 6 }], unresolved: [] });
  });

  it('a bundle of 1 case + 2 cables: 3 bundles sold = 3 cases and 6 cables, added to the components’ own sales', () => {
    const resolve = resolverOf({
      'US|BUNDLE': [
        { skuId: 1, unitsPerListing: 1 },
        { skuId: 2, unitsPerListing: 2 },
      ],
      'US|CASE-BLK': [{ skuId: 1, unitsPerListing: 1 }],
    });
    const result = dailyDemand({ lines: [line({ lineKey: 'a', sellerSku: 'BUNDLE', units: 3 }), line({ lineKey: 'b', units: 4 })] }, resolve);
    expect(result.days).toEqual([
      { skuId: 1, marketplace: 'US', day: '2026-05-01', units: 7 },
      { skuId: 2, marketplace: 'US', day: '2026-05-01', units: 6 },
    ]);
  });

  it('lines of one SKU on one day add; sorted by SKU, marketplace, day', () => {
    const resolve = resolverOf({ 'US|CASE-BLK': [{ skuId: 2, unitsPerListing: 1 }], 'DE|CASE-BLK': [{ skuId: 2, unitsPerListing: 1 }], 'US|CABLE': [{ skuId: 1, unitsPerListing: 1 }] });
    const result = dailyDemand(
      {
        lines: [
          line({ lineKey: 'a', date: '2026-05-02', units: 2 }),
          line({ lineKey: 'b', date: '2026-05-01', units: 1 }),
          line({ lineKey: 'c', date: '2026-05-02', units: 5 }),
          line({ lineKey: 'd', marketplace: 'DE', date: '2026-05-09', units: 1 }),
          line({ lineKey: 'e', sellerSku: 'CABLE', date: '2026-05-03', units: 4 }),
        ],
      },
      resolve,
    );
    expect(result.days).toEqual([
      { skuId: 1, marketplace: 'US', day: '2026-05-03', units: 4 },
      { skuId: 2, marketplace: 'DE', day: '2026-05-09', units: 1 },
      { skuId: 2, marketplace: 'US', day: '2026-05-01', units: 1 },
      { skuId: 2, marketplace: 'US', day: '2026-05-02', units: 7 },
    ]);
  });

  it('unresolved codes are listed with their total units (any SKU case, undefined or no components); 0-unit lines are not', () => {
    const resolve = (_marketplace: string, sellerSku: string) => (sellerSku.toUpperCase() === 'EMPTY' ? [] : undefined);
    const result = dailyDemand(
      {
        lines: [
          line({ lineKey: 'a', sellerSku: 'new-sku', units: 2 }),
          line({ lineKey: 'b', sellerSku: 'NEW-SKU', units: 3, date: '2026-05-04' }),
          line({ lineKey: 'c', marketplace: 'JP', sellerSku: 'JP-ONLY', units: 1 }),
          line({ lineKey: 'd', sellerSku: 'EMPTY', units: 1 }),
          line({ lineKey: 'e', sellerSku: 'CANCELLED-ONLY', units: 0 }),
        ],
      },
      resolve,
    );
    expect(result).toEqual({
      days: [],
      unresolved: [
        { marketplace: 'JP', sellerSku: 'JP-ONLY', units: 1 },
        { marketplace: 'US', sellerSku: 'EMPTY', units: 1 },
        { marketplace: 'US', sellerSku: 'new-sku', units: 5 },
      ],
    });
  });

  it('a zero-unit day is left out', () => {
    const result = dailyDemand({ lines: [line({ units: 2 })] }, resolverOf({ 'US|CASE-BLK': [{ skuId: 1, unitsPerListing: 0 }] }));
    expect(result).toEqual({ days: [], unresolved: [] });
  });
});
