import { describe, expect, it } from 'vitest';
import type { ImportRecord, LedgerEventRecord, ListingRecord, OrderLineRecord, ReportKind } from '../../shared/import';
import { parseReport, sniffReport } from '../../shared/import';
import { asCsvWithBom, asUnicodeText, fixture, fixtureRows } from './importTestKit';

const FIXTURES: readonly (readonly [file: string, kind: ReportKind, encoding: string, rows: number])[] = [
  ['GET_FBA_MYI_UNSUPPRESSED_INVENTORY_DATA.tsv', 'GET_FBA_MYI_UNSUPPRESSED_INVENTORY_DATA', 'utf-8', 10],
  ['GET_FBA_MYI_ALL_INVENTORY_DATA.tsv', 'GET_FBA_MYI_ALL_INVENTORY_DATA', 'utf-8', 7],
  ['GET_FBA_INVENTORY_PLANNING_DATA.tsv', 'GET_FBA_INVENTORY_PLANNING_DATA', 'utf-8', 6],
  ['GET_RESTOCK_INVENTORY_RECOMMENDATIONS_REPORT.tsv', 'GET_RESTOCK_INVENTORY_RECOMMENDATIONS_REPORT', 'utf-8', 6],
  ['GET_LEDGER_DETAIL_VIEW_DATA.tsv', 'GET_LEDGER_DETAIL_VIEW_DATA', 'utf-8', 11],
  ['GET_LEDGER_SUMMARY_VIEW_DATA.tsv', 'GET_LEDGER_SUMMARY_VIEW_DATA', 'utf-8', 8],
  ['GET_MERCHANT_LISTINGS_ALL_DATA.tsv', 'GET_MERCHANT_LISTINGS_ALL_DATA', 'utf-8', 8],
  ['GET_MERCHANT_LISTINGS_ALL_DATA.zh-CN.tsv', 'GET_MERCHANT_LISTINGS_ALL_DATA', 'utf-8', 6],
  ['GET_MERCHANT_LISTINGS_ALL_DATA.DE.cp1252.tsv', 'GET_MERCHANT_LISTINGS_ALL_DATA', 'windows-1252', 4],
  ['GET_FLAT_FILE_ALL_ORDERS_DATA_BY_ORDER_DATE_GENERAL.tsv', 'GET_FLAT_FILE_ALL_ORDERS_DATA_BY_ORDER_DATE_GENERAL', 'utf-8', 8],
  ['GET_FLAT_FILE_ALL_ORDERS_DATA_BY_ORDER_DATE_GENERAL.JP.cp932.tsv', 'GET_FLAT_FILE_ALL_ORDERS_DATA_BY_ORDER_DATE_GENERAL', 'shift_jis', 3],
  ['GET_AMAZON_FULFILLED_SHIPMENTS_DATA_GENERAL.tsv', 'GET_AMAZON_FULFILLED_SHIPMENTS_DATA_GENERAL', 'utf-8', 6],
  ['GET_FBA_FULFILLMENT_CUSTOMER_RETURNS_DATA.tsv', 'GET_FBA_FULFILLMENT_CUSTOMER_RETURNS_DATA', 'utf-8', 5],
  ['GET_RESERVED_INVENTORY_DATA.tsv', 'GET_RESERVED_INVENTORY_DATA', 'utf-8', 6],
  ['BUSINESS_REPORT_DETAIL_PAGE_SALES_TRAFFIC_BY_CHILD_ITEM.csv', 'BUSINESS_REPORT_DETAIL_PAGE_SALES_TRAFFIC_BY_CHILD_ITEM', 'utf-8', 5],
];

function recordsOf<T extends ImportRecord['type']>(records: readonly ImportRecord[], type: T): Extract<ImportRecord, { type: T }>[] {
  return records.filter((r): r is Extract<ImportRecord, { type: T }> => r.type === type);
}

describe('every Amazon fixture', () => {
  it.each(FIXTURES)('%s → %s in %s, %i rows, no errors or warnings', (file, kind, encoding, rows) => {
    const result = parseReport(fixture(file));
    expect(result.kind).toBe(kind);
    expect(result.encoding).toBe(encoding);
    expect(result.rowCount).toBe(rows);
    expect(result.records).toHaveLength(rows);
    expect(result.problems).toEqual([]);
    expect(result.records.map((r) => r.row)).toEqual(Array.from({ length: rows }, (_, i) => i + 1));
  });

  it.each(FIXTURES)('%s is sniffed the same from its head', (file, kind, encoding) => {
    const sniffed = sniffReport(fixture(file));
    expect(sniffed.kind).toBe(kind);
    expect(sniffed.encoding).toBe(encoding);
    expect(sniffed.delimiter).toBe(file.endsWith('.csv') ? ',' : '\t');
    expect(sniffed.headers.length).toBeGreaterThan(5);
  });

  it.each(FIXTURES)('%s re-saved as comma CSV with BOM and CRLF reads the same', (file, kind, _encoding, rows) => {
    const original = parseReport(fixture(file));
    const resaved = parseReport(asCsvWithBom(fixtureRows(file)));
    expect(resaved.kind).toBe(kind);
    expect(resaved.encoding).toBe('utf-8');
    expect(resaved.rowCount).toBe(rows);
    expect(resaved.problems).toEqual([]);
    expect(resaved.records).toEqual(original.records);
    expect(sniffReport(asCsvWithBom(fixtureRows(file))).delimiter).toBe(',');
  });

  it.each(FIXTURES)('%s re-saved as Excel "Unicode text" (UTF-16LE, BOM) reads the same', (file, kind, _encoding, rows) => {
    const original = parseReport(fixture(file));
    const resaved = parseReport(asUnicodeText(fixtureRows(file)));
    expect(resaved.kind).toBe(kind);
    expect(resaved.encoding).toBe('utf-16le');
    expect(resaved.rowCount).toBe(rows);
    expect(resaved.problems).toEqual([]);
    expect(resaved.records).toEqual(original.records);
  });
});

describe('record values', () => {
  it('ledger detail: signed quantities, ISO dates, "" inside a quoted title, reconciliation columns', () => {
    const events = recordsOf(parseReport(fixture('GET_LEDGER_DETAIL_VIEW_DATA.tsv')).records, 'ledgerEvent');
    expect(events.map((e) => [e.eventType, e.quantity])).toEqual([
      ['Receipts', 240],
      ['Shipments', -1],
      ['Shipments', -2],
      ['CustomerReturns', 1],
      ['WhseTransfers', -12],
      ['WhseTransfers', 12],
      ['Adjustments', -1],
      ['Adjustments', 1],
      ['Adjustments', -1],
      ['Adjustments', 1],
      ['VendorReturns', -6],
    ]);
    expect(events[0]).toEqual({
      type: 'ledgerEvent',
      row: 1,
      date: '2026-05-02',
      dateTime: '2026-05-02T09:14:07-07:00',
      fnsku: 'X004K7Q2MZ',
      asin: 'B0D3KQ7M2X',
      msku: 'BT-EARBUD-BLK',
      title: 'Wireless Earbuds Bluetooth 5.3, 40H Playtime, Black',
      eventType: 'Receipts',
      referenceId: 'FBA18XK2Q7LM',
      quantity: 240,
      fulfillmentCenter: 'ONT8',
      disposition: 'SELLABLE',
      reason: '',
      country: 'US',
      reconciledQuantity: null,
      unreconciledQuantity: null,
    } satisfies LedgerEventRecord);
    expect(events[6]).toMatchObject({ reason: 'M', reconciledQuantity: 0, unreconciledQuantity: -1 });
    expect(events[8]?.title).toBe('LED Strip Lights 16.4ft (5m) RGB with 24-Key Remote, 12" Reel');
    expect(events[9]).toMatchObject({ disposition: 'WAREHOUSE_DAMAGED', reason: 'P', date: '2026-05-06' });
  });

  it('ledger summary: rows balance and blanks would stay null', () => {
    const rows = recordsOf(parseReport(fixture('GET_LEDGER_SUMMARY_VIEW_DATA.tsv')).records, 'ledgerSummary');
    for (const r of rows) {
      const events = [r.receipts, r.customerShipments, r.customerReturns, r.vendorReturns, r.warehouseTransfers, r.found, r.lost, r.damaged, r.disposed, r.otherEvents, r.unknownEvents];
      expect(r.endingBalance).toBe((r.startingBalance ?? 0) + events.reduce<number>((s, v) => s + (v ?? 0), 0));
    }
    expect(rows[0]).toMatchObject({ date: '2026-05-02', customerShipments: -3, location: 'US' });
  });

  it('MYI: a blank mfn quantity is not zero, FBM rows keep an empty FNSKU, raw quotes stay', () => {
    const snapshots = recordsOf(parseReport(fixture('GET_FBA_MYI_UNSUPPRESSED_INVENTORY_DATA.tsv')).records, 'inventorySnapshot');
    expect(snapshots[3]?.title).toBe('LED Strip Lights 16.4ft (5m) RGB with 24-Key Remote, 12" Reel');
    expect(snapshots[4]?.title).toBe('Yoga Mat 6mm Non-Slip TPE, 72"x24", Purple');
    const fbm = snapshots.find((s) => s.sku === 'DESK-ORG-BAMB-FBM');
    expect(fbm).toMatchObject({ fnsku: '', asin: 'B0BQ2W7N8T', mfnListingExists: true, afnListingExists: false, fulfillable: 0 });
    expect(snapshots.find((s) => s.sku === 'BT-EARBUD-BLK-RNW')?.condition).toBe('UsedLikeNew');
    expect(snapshots[0]).toMatchObject({ fulfillable: 412, unsellable: 3, reserved: 17, inboundShipped: 600, total: 1032, snapshotDate: null });
  });

  it('restock: 365+ is "at least 365", blank ship dates are null', () => {
    const rows = recordsOf(parseReport(fixture('GET_RESTOCK_INVENTORY_RECOMMENDATIONS_REPORT.tsv')).records, 'restock');
    expect(rows[2]).toMatchObject({ sku: 'USB-C-CBL-2M-WHT', daysOfSupply: 365, daysOfSupplyAtLeast: true });
    expect(rows[1]).toMatchObject({ recommendedReplenishmentQty: 260, recommendedShipDate: '2026-05-15', alert: 'reorder_now' });
    expect(rows[0]?.recommendedShipDate).toBeNull();
    expect(rows[0]?.alert).toBe('');
  });

  it('All Listings: PST/PDT open dates, blank price is null, FBA vs DEFAULT', () => {
    const listings = recordsOf(parseReport(fixture('GET_MERCHANT_LISTINGS_ALL_DATA.tsv')).records, 'listing');
    expect(listings[0]).toEqual({
      type: 'listing',
      row: 1,
      sellerSku: 'BT-EARBUD-BLK',
      asin: 'B0D3KQ7M2X',
      title: 'Wireless Earbuds Bluetooth 5.3, 40H Playtime, Black',
      fulfillmentChannel: 'AMAZON_NA',
      status: 'Active',
      price: 29.99,
      quantity: null,
      openDate: '2024-03-12',
    } satisfies ListingRecord);
    expect(listings.find((l) => l.sellerSku === 'PHN-CASE-IP15-CLR')).toMatchObject({ price: null, status: 'Incomplete' });
    expect(listings.find((l) => l.sellerSku === 'DESK-ORG-BAMB-FBM')).toMatchObject({ fulfillmentChannel: 'DEFAULT', quantity: 40 });
  });

  it('All Listings in Chinese (duplicate header names) maps like the English file', () => {
    const chinese = parseReport(fixture('GET_MERCHANT_LISTINGS_ALL_DATA.zh-CN.tsv')).records;
    const english = parseReport(fixture('GET_MERCHANT_LISTINGS_ALL_DATA.tsv')).records.slice(0, chinese.length);
    expect(chinese).toEqual(english);
  });

  it('the windows-1252 German listing decodes ä ö ü ß – ×', () => {
    const listings = recordsOf(parseReport(fixture('GET_MERCHANT_LISTINGS_ALL_DATA.DE.cp1252.tsv')).records, 'listing');
    expect(listings.map((l) => l.title)).toEqual([
      'Kabellose Kopfhörer Bluetooth 5.3, 40 Std. Spielzeit, Schwarz',
      'USB-C auf USB-C Kabel 60W, 2 m, 2er-Pack – Weiß',
      'Bambus Schreibtisch-Organizer mit 5 Fächern, Größe M',
      'Yogamatte 6 mm rutschfest, 183×61 cm, Lila',
    ]);
    expect(listings[0]).toMatchObject({ fulfillmentChannel: 'AMAZON_EU', openDate: '2024-04-12', price: 34.99 });
    expect(listings.every((l) => !l.title.includes('\uFFFD'))).toBe(true);
  });

  it('the cp932 Japanese orders decode Japanese titles, JPY integers and the JP marketplace', () => {
    const orders = recordsOf(parseReport(fixture('GET_FLAT_FILE_ALL_ORDERS_DATA_BY_ORDER_DATE_GENERAL.JP.cp932.tsv')).records, 'orderLine');
    expect(orders.map((o) => o.title)).toEqual([
      'ワイヤレスイヤホン Bluetooth 5.3 最大40時間再生 ブラック',
      'USB Type-C ケーブル 60W 2m 2本セット ホワイト',
      '竹製 デスクオーガナイザー 5仕切り【卓上収納】',
    ]);
    expect(orders[0]).toMatchObject({ marketplace: 'JP', currency: 'JPY', itemPrice: 3980, quantity: 1 });
    expect(orders[2]).toMatchObject({ status: 'Pending', itemPrice: null });
  });

  it('All Orders: identical duplicate rows are both kept (dedup is the app’s job), marketplaces mapped', () => {
    const orders = recordsOf(parseReport(fixture('GET_FLAT_FILE_ALL_ORDERS_DATA_BY_ORDER_DATE_GENERAL.tsv')).records, 'orderLine');
    expect(orders).toHaveLength(8);
    const [a, b] = orders.filter((o) => o.orderId === '112-7790031-8851203');
    expect(a?.row).toBe(7);
    expect(b?.row).toBe(8);
    expect({ ...a, row: 0 }).toEqual({ ...b, row: 0 });
    expect(orders.map((o) => o.marketplace)).toEqual(['US', 'US', 'US', 'US', 'US', 'CA', 'US', 'US']);
    expect(orders[0]).toEqual({
      type: 'orderLine',
      row: 1,
      orderId: '111-4829173-5520941',
      purchaseDate: '2026-05-01',
      purchaseDateTime: '2026-05-01T22:14:09+00:00',
      status: 'Shipped',
      fulfillmentChannel: 'Amazon',
      salesChannel: 'Amazon.com',
      marketplace: 'US',
      sku: 'BT-EARBUD-BLK',
      asin: 'B0D3KQ7M2X',
      title: 'Wireless Earbuds Bluetooth 5.3, 40H Playtime, Black',
      itemStatus: 'Shipped',
      quantity: 1,
      currency: 'USD',
      itemPrice: 29.99,
    } satisfies OrderLineRecord);
    expect(orders[2]).toMatchObject({ status: 'Pending', itemPrice: null, quantity: 3 });
    expect(orders[3]).toMatchObject({ status: 'Cancelled', quantity: 0 });
  });

  it('shipments, returns, reserved and the business report', () => {
    const shipments = recordsOf(parseReport(fixture('GET_AMAZON_FULFILLED_SHIPMENTS_DATA_GENERAL.tsv')).records, 'shipmentLine');
    expect(shipments.filter((s) => s.orderId === '112-7790031-8851203').map((s) => [s.shipmentDate, s.fulfillmentCenter])).toEqual([
      ['2026-05-05', 'MDW2'],
      ['2026-05-05', 'IND9'],
    ]);
    expect(shipments[3]).toMatchObject({ marketplace: 'CA', quantityShipped: 1, purchaseDate: '2026-05-03' });

    const returns = recordsOf(parseReport(fixture('GET_FBA_FULFILLMENT_CUSTOMER_RETURNS_DATA.tsv')).records, 'customerReturn');
    expect(returns[2]).toMatchObject({ returnDate: '2026-05-05', quantity: 2, disposition: 'SELLABLE', reason: 'NOT_COMPATIBLE', lpn: 'LPNRR4820702218' });

    const reserved = recordsOf(parseReport(fixture('GET_RESERVED_INVENTORY_DATA.tsv')).records, 'reservedInventory');
    for (const r of reserved) expect(r.reserved).toBe((r.customerOrders ?? 0) + (r.fcTransfers ?? 0) + (r.fcProcessing ?? 0));

    const business = recordsOf(parseReport(fixture('BUSINESS_REPORT_DETAIL_PAGE_SALES_TRAFFIC_BY_CHILD_ITEM.csv')).records, 'businessReport');
    expect(business[0]).toMatchObject({ parentAsin: 'B0D3KQ5P1V', childAsin: 'B0D3KQ7M2X', sessions: 4812, pageViews: 6230, unitsOrdered: 402, orderedProductSalesMinor: 1205598, currency: 'USD', totalOrderItems: 391 });
    expect(business[3]?.title).toBe('LED Strip Lights 16.4ft (5m) RGB with 24-Key Remote, 12" Reel');
  });
});
