// Purchase orders: the draft form, every status change and refusal, partial / over / short receipts,
// the receipt movements in the base currency, and PO numbering.
import { describe, expect, it } from 'vitest';
import type { ErrorParams } from '../../shared/errors';
import type { PurchaseOrder } from '../../shared/model';
import {
  cancelPurchaseOrder,
  closePurchaseOrderShort,
  nextPoNumber,
  openQty,
  overReceived,
  parsePurchaseOrderDraft,
  poTotalMinor,
  receivePurchaseOrder,
  receivedQty,
  sendPurchaseOrder,
} from '../../shared/purchasing/purchaseOrders';
import type { PurchaseOrderDraft } from '../../shared/purchasing/purchaseOrders';
import { errorOf } from './domainErrorKit';

const DOMESTIC = 1;
const USD_BASE = { exchangeRate: 0.14, baseCurrency: 'USD' };

const goodDraft: PurchaseOrderDraft = {
  number: 'PO-2026-0001',
  supplierId: 3,
  orderDate: '2026-01-05',
  expectedDate: '2026-02-10',
  currency: 'CNY',
  locationId: DOMESTIC,
  note: ' first order ',
  lines: [
    { skuId: 10, qty: '100', unitCost: '12.50' },
    { skuId: 0, qty: '', unitCost: '' },
    { skuId: 11, qty: '1,000', unitCost: '3.333' },
  ],
};

/** A parsed draft as the database would store it: status draft, no receipts. */
function draftPo(overrides: Partial<PurchaseOrder> = {}): PurchaseOrder {
  return { id: 1, status: 'draft', receipts: [], ...parsePurchaseOrderDraft(goodDraft), ...overrides };
}

const sentPo = () => sendPurchaseOrder(draftPo());

describe('parsePurchaseOrderDraft', () => {
  it('parses lines in the PO currency, skips blank lines and numbers the kept lines 1..n', () => {
    expect(parsePurchaseOrderDraft(goodDraft)).toEqual({
      number: 'PO-2026-0001',
      supplierId: 3,
      orderDate: '2026-01-05',
      expectedDate: '2026-02-10',
      currency: 'CNY',
      locationId: DOMESTIC,
      note: 'first order',
      lines: [
        { lineId: 1, skuId: 10, qty: 100, unitCostMinor: 1250 },
        { lineId: 2, skuId: 11, qty: 1000, unitCostMinor: 333.3 },
      ],
    });
  });

  it('parses unit costs in the currency’s own minor digits (JPY has none)', () => {
    const po = parsePurchaseOrderDraft({ ...goodDraft, currency: 'jpy', lines: [{ skuId: 10, qty: '5', unitCost: '1234' }] });
    expect([po.currency, po.lines[0]!.unitCostMinor]).toEqual(['JPY', 1234]);
  });

  it('accepts a zero unit cost (free samples) and an expected date equal to the order date', () => {
    const po = parsePurchaseOrderDraft({ ...goodDraft, expectedDate: '2026-01-05', lines: [{ skuId: 10, qty: '2', unitCost: '0' }] });
    expect(po.lines).toEqual([{ lineId: 1, skuId: 10, qty: 2, unitCostMinor: 0 }]);
  });

  it.each([
    [{ number: ' ' }, 'field.required', { field: 'number' }],
    [{ supplierId: 0 }, 'field.required', { field: 'supplier' }],
    [{ locationId: 0 }, 'field.required', { field: 'location' }],
    [{ currency: 'rmb!' }, 'field.badCurrency', { field: 'currency', value: 'rmb!' }],
    [{ orderDate: '2026-13-01' }, 'field.badDate', { field: 'orderDate', value: '2026-13-01' }],
    [{ expectedDate: '' }, 'field.badDate', { field: 'expectedDate', value: '' }],
    [{ expectedDate: '2026-01-04' }, 'field.dateTooEarly', { field: 'expectedDate', value: '2026-01-04', earliest: '2026-01-05' }],
    [{ lines: [] }, 'field.required', { field: 'lines' }],
    [{ lines: [{ skuId: 0, qty: ' ', unitCost: '' }] }, 'field.required', { field: 'lines' }],
    [{ lines: [{ skuId: 10, qty: '1', unitCost: '1' }, { skuId: 0, qty: '5', unitCost: '' }] }, 'purchase.lineNoSku', { line: 2 }],
    [{ lines: [{ skuId: 0, qty: '', unitCost: '2.00' }] }, 'purchase.lineNoSku', { line: 1 }],
    [{ lines: [{ skuId: 10, qty: '0', unitCost: '1' }] }, 'field.notPositive', { field: 'qty', value: '0', line: 1 }],
    [{ lines: [{ skuId: 10, qty: '-4', unitCost: '1' }] }, 'field.notPositive', { field: 'qty', value: '-4', line: 1 }],
    [{ lines: [{ skuId: 10, qty: '1', unitCost: '1' }, { skuId: 10, qty: '2.5', unitCost: '1' }] }, 'field.notInteger', { field: 'qty', value: '2.5', line: 2 }],
    [{ lines: [{ skuId: 10, qty: '3', unitCost: '' }] }, 'field.required', { field: 'unitCost', line: 1 }],
    [{ lines: [{ skuId: 10, qty: '3', unitCost: '-1.00' }] }, 'field.negative', { field: 'unitCost', value: '-1.00', line: 1 }],
    [{ lines: [{ skuId: 10, qty: '3', unitCost: '1.2.3' }] }, 'field.notNumber', { field: 'unitCost', value: '1.2.3', line: 1 }],
    [{ note: 'x'.repeat(501) }, 'field.tooLong', { field: 'note', max: 500 }],
  ] satisfies [Partial<PurchaseOrderDraft>, string, ErrorParams][])('refuses %j with %s', (change, code, params) => {
    expect(errorOf(() => parsePurchaseOrderDraft({ ...goodDraft, ...change }))).toEqual({ code, params });
  });
});

describe('PO status changes', () => {
  it('draft → sent', () => {
    expect(sendPurchaseOrder(draftPo()).status).toBe('sent');
  });

  it('refuses to send a PO that is not a draft', () => {
    expect(errorOf(() => sendPurchaseOrder(sentPo()))).toEqual({ code: 'purchase.cannotSend', params: { number: 'PO-2026-0001' } });
    const partial = receivePurchaseOrder(sentPo(), { date: '2026-02-01', lines: [{ lineId: 1, qty: 10 }] }, USD_BASE).po;
    expect(errorOf(() => sendPurchaseOrder(partial)).code).toBe('purchase.cannotSend');
    expect(errorOf(() => sendPurchaseOrder(cancelPurchaseOrder(draftPo()))).code).toBe('purchase.closed');
  });

  it('draft → cancelled and sent → cancelled while nothing was received', () => {
    expect(cancelPurchaseOrder(draftPo()).status).toBe('cancelled');
    expect(cancelPurchaseOrder(sentPo()).status).toBe('cancelled');
  });

  it('refuses to cancel a PO with receipts (close it short instead) or one already closed', () => {
    const partial = receivePurchaseOrder(sentPo(), { date: '2026-02-01', lines: [{ lineId: 1, qty: 10 }] }, USD_BASE).po;
    expect(errorOf(() => cancelPurchaseOrder(partial))).toEqual({ code: 'purchase.hasReceipts', params: { number: 'PO-2026-0001' } });
    const full = receivePurchaseOrder(sentPo(), { date: '2026-02-01', lines: [{ lineId: 1, qty: 100 }, { lineId: 2, qty: 1000 }] }, USD_BASE).po;
    expect(errorOf(() => cancelPurchaseOrder(full)).code).toBe('purchase.closed');
    expect(errorOf(() => cancelPurchaseOrder(cancelPurchaseOrder(sentPo()))).code).toBe('purchase.closed');
  });

  it('refuses to receive a draft (send it first), a cancelled or a received PO', () => {
    const receipt = { date: '2026-02-01', lines: [{ lineId: 1, qty: 1 }] };
    expect(errorOf(() => receivePurchaseOrder(draftPo(), receipt, USD_BASE))).toEqual({ code: 'purchase.notSent', params: { number: 'PO-2026-0001' } });
    expect(errorOf(() => receivePurchaseOrder(cancelPurchaseOrder(sentPo()), receipt, USD_BASE)).code).toBe('purchase.closed');
    const closed = closePurchaseOrderShort(receivePurchaseOrder(sentPo(), receipt, USD_BASE).po, '2026-02-02');
    expect(errorOf(() => receivePurchaseOrder(closed, receipt, USD_BASE)).code).toBe('purchase.closed');
  });

  it('does not change the PO it was given', () => {
    const po = sentPo();
    const copy = structuredClone(po);
    receivePurchaseOrder(po, { date: '2026-02-01', lines: [{ lineId: 1, qty: 10 }] }, USD_BASE);
    sendPurchaseOrder(draftPo());
    expect(po).toEqual(copy);
  });
});

describe('receivePurchaseOrder', () => {
  it('posts one receipt per line received, in base currency at the given rate, ref = PO number', () => {
    const { po, movements } = receivePurchaseOrder(
      sentPo(),
      { date: '2026-02-01', lines: [{ lineId: 1, qty: 40 }, { lineId: 2, qty: 0 }] },
      { exchangeRate: 0.14, baseCurrency: 'USD' },
    );
    // ¥12.50 × 0.14 = $1.75 → 175 cents.
    expect(movements).toEqual([
      { date: '2026-02-01', skuId: 10, locationId: DOMESTIC, qty: 40, type: 'receipt', unitCostMinor: 175, ref: 'PO-2026-0001', source: 'manual' },
    ]);
    expect(po.status).toBe('partially_received');
    expect(po.receipts).toEqual([{ date: '2026-02-01', lines: [{ lineId: 1, qty: 40 }], exchangeRate: 0.14 }]);
    expect([receivedQty(po, 1), openQty(po, 1), receivedQty(po, 2), openQty(po, 2)]).toEqual([40, 60, 0, 1000]);
  });

  it('converts fractional unit costs and keeps the fraction: ¥3.333 × 0.1385 = 46.16205 → 46.1621 cents (4 decimals kept)', () => {
    const { movements } = receivePurchaseOrder(sentPo(), { date: '2026-02-01', lines: [{ lineId: 2, qty: 10 }] }, { exchangeRate: 0.1385, baseCurrency: 'USD' });
    expect(movements[0]!.unitCostMinor).toBe(46.1621);
  });

  it('JPY → USD: ¥1,234 per unit at 0.0067 enters the ledger at 826.78 cents per unit', () => {
    const po = sendPurchaseOrder(
      draftPo({ currency: 'JPY', lines: [{ lineId: 1, skuId: 10, qty: 5, unitCostMinor: 1234 }] }),
    );
    const { movements } = receivePurchaseOrder(po, { date: '2026-02-01', lines: [{ lineId: 1, qty: 5 }] }, { exchangeRate: 0.0067, baseCurrency: 'USD' });
    expect(movements[0]!.unitCostMinor).toBe(826.78);
  });

  it('partial receipts in parts, then the last part completes it: received', () => {
    let po = sentPo();
    po = receivePurchaseOrder(po, { date: '2026-02-01', lines: [{ lineId: 1, qty: 60 }] }, USD_BASE).po;
    po = receivePurchaseOrder(po, { date: '2026-02-05', lines: [{ lineId: 1, qty: 40 }, { lineId: 2, qty: 400 }] }, USD_BASE).po;
    expect(po.status).toBe('partially_received');
    const last = receivePurchaseOrder(po, { date: '2026-02-09', lines: [{ lineId: 2, qty: 600 }] }, { exchangeRate: 0.15, baseCurrency: 'USD' });
    expect(last.po.status).toBe('received');
    expect(last.po.receipts.map((r) => [r.date, r.exchangeRate])).toEqual([
      ['2026-02-01', 0.14],
      ['2026-02-05', 0.14],
      ['2026-02-09', 0.15],
    ]);
    expect([openQty(last.po, 1), openQty(last.po, 2), overReceived(last.po)]).toEqual([0, 0, []]);
  });

  it('one receipt of everything goes straight from sent to received', () => {
    const { po } = receivePurchaseOrder(sentPo(), { date: '2026-02-01', lines: [{ lineId: 1, qty: 100 }, { lineId: 2, qty: 1000 }] }, USD_BASE);
    expect(po.status).toBe('received');
  });

  it('sums a line named twice in one receipt', () => {
    const { po, movements } = receivePurchaseOrder(sentPo(), { date: '2026-02-01', lines: [{ lineId: 1, qty: 30 }, { lineId: 1, qty: 20 }] }, USD_BASE);
    expect(movements.map((m) => m.qty)).toEqual([50]);
    expect(receivedQty(po, 1)).toBe(50);
  });

  it('refuses an over-receipt without allowOver, naming the line, the open and the received units', () => {
    const po = receivePurchaseOrder(sentPo(), { date: '2026-02-01', lines: [{ lineId: 1, qty: 90 }] }, USD_BASE).po;
    expect(errorOf(() => receivePurchaseOrder(po, { date: '2026-02-02', lines: [{ lineId: 1, qty: 15 }] }, USD_BASE))).toEqual({
      code: 'purchase.overReceipt',
      params: { line: 1, open: 10, qty: 15 },
    });
  });

  it('with allowOver posts all of it; the over-received line counts as full', () => {
    const po = receivePurchaseOrder(sentPo(), { date: '2026-02-01', lines: [{ lineId: 2, qty: 1000 }] }, USD_BASE).po;
    const over = receivePurchaseOrder(po, { date: '2026-02-02', lines: [{ lineId: 1, qty: 105 }] }, { ...USD_BASE, allowOver: true });
    expect(over.movements.map((m) => m.qty)).toEqual([105]);
    expect(over.po.status).toBe('received');
    expect(overReceived(over.po)).toEqual([{ lineId: 1, qty: 5 }]);
    expect(receivedQty(over.po, 1)).toBe(105);
  });

  it.each([
    [{ date: '2026-01-04', lines: [{ lineId: 1, qty: 1 }] }, 'field.dateTooEarly', { field: 'date', value: '2026-01-04', earliest: '2026-01-05' }],
    [{ date: '2026-02-31', lines: [{ lineId: 1, qty: 1 }] }, 'field.badDate', { field: 'date', value: '2026-02-31' }],
    [{ date: '2026-02-01', lines: [] }, 'receipt.empty', {}],
    [{ date: '2026-02-01', lines: [{ lineId: 1, qty: 0 }] }, 'receipt.empty', {}],
    [{ date: '2026-02-01', lines: [{ lineId: 1, qty: -2 }] }, 'field.negative', { field: 'qty', value: '-2', line: 1 }],
    [{ date: '2026-02-01', lines: [{ lineId: 2, qty: 1.5 }] }, 'field.notInteger', { field: 'qty', value: '1.5', line: 2 }],
    [{ date: '2026-02-01', lines: [{ lineId: 7, qty: 1 }] }, 'purchase.unknownLine', { number: 'PO-2026-0001', line: 7 }],
  ])('refuses receipt %j with %s', (receipt, code, params) => {
    expect(errorOf(() => receivePurchaseOrder(sentPo(), receipt, USD_BASE))).toEqual({ code, params });
  });

  it('accepts a receipt on the order date itself', () => {
    expect(receivePurchaseOrder(sentPo(), { date: '2026-01-05', lines: [{ lineId: 1, qty: 1 }] }, USD_BASE).movements).toHaveLength(1);
  });

  it('refuses an exchange rate that is not a positive number', () => {
    expect(errorOf(() => receivePurchaseOrder(sentPo(), { date: '2026-02-01', lines: [{ lineId: 1, qty: 1 }] }, { exchangeRate: 0, baseCurrency: 'USD' })).code).toBe(
      'field.notPositive',
    );
  });
});

describe('closePurchaseOrderShort', () => {
  it('closes a partially received PO, recording each line’s units still open', () => {
    const po = receivePurchaseOrder(sentPo(), { date: '2026-02-01', lines: [{ lineId: 1, qty: 100 }, { lineId: 2, qty: 950 }] }, USD_BASE).po;
    const closed = closePurchaseOrderShort(po, '2026-02-20');
    expect(closed.status).toBe('received');
    expect(closed.closedShort).toEqual([{ lineId: 2, qty: 50 }]);
    expect(openQty(closed, 2)).toBe(0);
  });

  it('refuses a PO with nothing received (cancel it), a closed PO, and a date before the last receipt', () => {
    expect(errorOf(() => closePurchaseOrderShort(sentPo(), '2026-02-20'))).toEqual({ code: 'purchase.nothingReceived', params: { number: 'PO-2026-0001' } });
    expect(errorOf(() => closePurchaseOrderShort(draftPo(), '2026-02-20')).code).toBe('purchase.nothingReceived');
    expect(errorOf(() => closePurchaseOrderShort(cancelPurchaseOrder(sentPo()), '2026-02-20')).code).toBe('purchase.closed');
    const po = receivePurchaseOrder(sentPo(), { date: '2026-02-01', lines: [{ lineId: 1, qty: 10 }] }, USD_BASE).po;
    expect(errorOf(() => closePurchaseOrderShort(po, '2026-01-31'))).toEqual({
      code: 'field.dateTooEarly',
      params: { field: 'date', value: '2026-01-31', earliest: '2026-02-01' },
    });
    expect(errorOf(() => closePurchaseOrderShort(closePurchaseOrderShort(po, '2026-02-01'), '2026-02-02')).code).toBe('purchase.closed');
  });
});

describe('PO helpers', () => {
  it('poTotalMinor rounds each line to whole minor units: 100 × 1250 + 1000 × 333.3 = 458,300 fen', () => {
    expect(poTotalMinor(draftPo())).toBe(125_000 + 333_300);
    expect(poTotalMinor(draftPo({ lines: [{ lineId: 1, skuId: 1, qty: 3, unitCostMinor: 33.335 }] }))).toBe(100);
  });

  it('openQty and receivedQty refuse a line the PO does not have', () => {
    expect(errorOf(() => openQty(sentPo(), 9)).code).toBe('purchase.unknownLine');
    expect(errorOf(() => receivedQty(sentPo(), 9)).code).toBe('purchase.unknownLine');
  });

  it('a cancelled PO has nothing open', () => {
    expect(openQty(cancelPurchaseOrder(sentPo()), 1)).toBe(0);
  });
});

describe('nextPoNumber', () => {
  it.each([
    [[], 2026, 'PO-2026-0001'],
    [['PO-2026-0001'], 2026, 'PO-2026-0002'],
    [['PO-2026-0007', 'PO-2026-0003', 'po-2026-0009 '], 2026, 'PO-2026-0010'],
    [['PO-2025-0042', 'SUPPLIER-77', 'PO-2026-abc'], 2026, 'PO-2026-0001'],
    [['PO-2026-9999'], 2026, 'PO-2026-10000'],
  ])('after %j in %i → %s', (existing, year, expected) => {
    expect(nextPoNumber(existing, year)).toBe(expected);
  });
});
