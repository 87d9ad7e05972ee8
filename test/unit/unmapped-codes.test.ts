// The queue of codes to map (shared/import/unmappedCodes.ts codeQueue): which stored rows wait for a
// code, read the way each report's reader maps codes.
import { describe, expect, test } from 'vitest';
import { codeQueue } from '../../shared/import/unmappedCodes';
import type { HeldCodeRow, StoredCodeScope } from '../../shared/import/unmappedCodes';
import type { LedgerCodeLookup } from '../../shared/ledger/amazonLedger';
import type { DemandRow } from '../../shared/import/demand';
import type { ReservedRow, RestockRow, SnapshotRow } from '../../shared/import/stored';
import type { PlatformListing } from '../../shared/model';

const ORDERS = 'GET_FLAT_FILE_ALL_ORDERS_DATA_BY_ORDER_DATE_GENERAL';
const MYI = 'GET_FBA_MYI_UNSUPPRESSED_INVENTORY_DATA';
const RESERVED = 'GET_RESERVED_INVENTORY_DATA';
const RESTOCK = 'GET_RESTOCK_INVENTORY_RECOMMENDATIONS_REPORT';

/** SKU 1 is listed in the US as seller SKU "MAPPED" with FNSKU X000000001; SKU 2's own code is "OWN-CODE". */
const lookup: LedgerCodeLookup = {
  byFnsku: new Map([['X000000001', { skuId: 1, unitsPerListing: 1 }]]),
  bySellerSku: new Map([['US|MAPPED', { skuId: 1, unitsPerListing: 1 }]]),
  bySkuCode: new Map([['OWN-CODE', { skuId: 2, unitsPerListing: 1 }]]),
};
const listings: Pick<PlatformListing, 'skuId' | 'marketplace' | 'sellerSku' | 'fnsku' | 'asin'>[] = [{ skuId: 1, marketplace: 'US', sellerSku: 'MAPPED', fnsku: 'X000000001', asin: 'B000000001' }];

const demand = (marketplace: string, sellerSku: string): DemandRow => ({ key: `${marketplace}|${sellerSku}`, lineKey: '', source: 'orders', marketplace, orderId: '1', sellerSku, asin: '', date: '2026-05-01', units: 1, cancelled: false, channel: 'Amazon' });
const snapshotRow = (codeType: SnapshotRow['codeType'], sellerSku: string, fnsku: string): SnapshotRow => ({
  key: `${codeType}:${fnsku || sellerSku}|NEW`,
  codeType,
  code: (codeType === 'fnsku' ? fnsku : sellerSku).toUpperCase(),
  sellerSku,
  fnsku,
  asin: '',
  title: `title of ${sellerSku}`,
  fulfillable: 1,
  reserved: null,
  unsellable: null,
  researching: null,
  inbound: null,
  unitCostMinor: null,
});
const reservedRow = (sellerSku: string, fnsku: string, asin = ''): ReservedRow => ({ key: fnsku || sellerSku, sellerSku, fnsku, asin, reserved: 1, customerOrders: null, fcTransfers: null, fcProcessing: null });
const restockRow = (sku: string, fnsku: string): RestockRow => ({ key: sku, country: 'US', sku, fnsku, asin: '', title: '', condition: 'New', supplier: '', currency: null, price: null, unitsSoldLast30Days: null, totalUnits: null, inbound: null, available: null, fcTransfer: null, fcProcessing: null, customerOrder: null, unfulfillable: null, working: null, shipped: null, receiving: null, fulfilledBy: '', alert: '', recommendedReplenishmentQty: 5, recommendedShipDate: null, recommendedAction: '', daysOfSupply: null, daysOfSupplyAtLeast: false, daysOfSupplyAtAmazon: null });

const codes = (held: HeldCodeRow[], scopes: StoredCodeScope[]) => codeQueue(held, scopes, lookup, listings).map((q) => `${q.codeType}:${q.code} (${q.marketplace}) ${q.sources.map((s) => `${s.reportKind}=${s.rows}`).join(',')}`);

describe('the queue of codes to map', () => {
  test('orders: a seller SKU without a listing or a SKU of that code waits; an unknown marketplace cannot be mapped and is left out', () => {
    const rows = [demand('US', 'MAPPED'), demand('US', 'own-code'), demand('US', 'NEW-1'), demand('US', 'new-1'), demand('DE', 'MAPPED'), demand('', 'NEW-2'), demand('XX', 'NEW-3')];
    expect(codes([], [{ kind: 'demand', reportKind: ORDERS, rows }])).toEqual([`sellerSku:MAPPED (DE) ${ORDERS}=1`, `sellerSku:NEW-1 (US) ${ORDERS}=2`]);
  });

  test("snapshots: only each location's newest is asked; ASIN-only lines and a warehouse file's own SKU codes are left out", () => {
    const older: StoredCodeScope = { kind: 'snapshot', reportKind: MYI, marketplace: 'US', locationId: 5, date: '2026-05-01', rows: [snapshotRow('fnsku', 'GONE', 'X0000000GO')] };
    const newer: StoredCodeScope = {
      kind: 'snapshot',
      reportKind: MYI,
      marketplace: 'US',
      locationId: 5,
      date: '2026-05-10',
      rows: [snapshotRow('fnsku', 'MAPPED', 'X000000009'), snapshotRow('fnsku', 'NEW-1', 'X000000002'), snapshotRow('sellerSku', 'NEW-FBM', ''), snapshotRow('asin', '', '')],
    };
    const warehouse: StoredCodeScope = { kind: 'snapshot', reportKind: 'GENERIC_STOCK', marketplace: null, locationId: 1, date: '2026-05-10', rows: [snapshotRow('sku', 'UNKNOWN-CODE', '')] };
    const queue = codeQueue([], [newer, older, warehouse], lookup, listings);
    expect(queue.map((q) => q.key)).toEqual(['sellerSku|NEW-FBM|US', 'fnsku|X000000002|US']);
    expect(queue[1]).toMatchObject({ sellerSku: 'NEW-1', fnsku: 'X000000002', title: 'title of NEW-1', heldEvents: 0, sources: [{ reportKind: MYI, rows: 1 }] });
  });

  test("reserved and restock map through the marketplace's listings only, as the plan reads them; reserved from each marketplace's newest report", () => {
    const scopes: StoredCodeScope[] = [
      { kind: 'reserved', reportKind: RESERVED, marketplace: 'US', date: '2026-05-01', rows: [reservedRow('OLD', 'X0000000OL')] },
      // By seller SKU, FNSKU or the ASIN of a listing there; the SKU code alone is not enough.
      { kind: 'reserved', reportKind: RESERVED, marketplace: 'US', date: '2026-05-10', rows: [reservedRow('MAPPED', ''), reservedRow('X', 'X000000001'), reservedRow('Y', '', 'B000000001'), reservedRow('OWN-CODE', '')] },
      { kind: 'restock', reportKind: RESTOCK, marketplace: 'US', rows: [restockRow('MAPPED', 'X000000001'), restockRow('OWN-CODE', ''), restockRow('NEW-R', 'X00000000R')] },
    ];
    expect(codes([], scopes)).toEqual([`sellerSku:OWN-CODE (US) ${RESERVED}=1,${RESTOCK}=1`, `fnsku:X00000000R (US) ${RESTOCK}=1`]);
  });

  test('held ledger codes lead in the order held; a report seller SKU joins the FNSKU entry whose seller SKU it is', () => {
    const held: HeldCodeRow[] = [
      { codeType: 'fnsku', code: 'X00000000B', marketplace: 'US', sellerSku: 'B-SKU', fnsku: 'X00000000B', asin: '', title: 'B' },
      { codeType: 'fnsku', code: 'X00000000A', marketplace: 'US', sellerSku: 'A-SKU', fnsku: 'X00000000A', asin: '', title: 'A' },
      { codeType: 'fnsku', code: 'X00000000B', marketplace: 'US', sellerSku: 'B-SKU', fnsku: 'X00000000B', asin: '', title: 'B' },
    ];
    const scopes: StoredCodeScope[] = [{ kind: 'demand', reportKind: ORDERS, rows: [demand('US', 'a-sku'), demand('US', 'AAA'), demand('CA', 'B-SKU')] }];
    expect(codes(held, scopes)).toEqual([
      `fnsku:X00000000B (US) GET_LEDGER_DETAIL_VIEW_DATA=2`,
      `fnsku:X00000000A (US) GET_LEDGER_DETAIL_VIEW_DATA=1,${ORDERS}=1`,
      // Another marketplace's seller SKU is another listing: it stays apart.
      `sellerSku:B-SKU (CA) ${ORDERS}=1`,
      `sellerSku:AAA (US) ${ORDERS}=1`,
    ]);
  });
});
