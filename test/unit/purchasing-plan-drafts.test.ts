// The unit cost of a line on a PO drafted from the plan, in the supplier's currency: the SKU's own
// cost, else converted with the rates in force on the plan date, else the supplier's last sent price,
// else none.
import { describe, expect, it } from 'vitest';
import type { ExchangeRate, PurchaseOrder } from '../../shared/model';
import { planLineUnitCost } from '../../shared/purchasing/planDrafts';
import type { PlanLineCostContext } from '../../shared/purchasing/planDrafts';

const SUPPLIER = { id: 7, currency: 'CNY' };
const DATE = '2026-03-02';
const rate = (id: number, currency: string, date: string, value: number): ExchangeRate => ({ id, currency, date, rate: value });
const po = (id: number, fields: Partial<PurchaseOrder>): PurchaseOrder => ({
  id,
  number: `PO-${id}`,
  supplierId: SUPPLIER.id,
  status: 'sent',
  orderDate: '2026-01-10',
  expectedDate: '2026-02-10',
  currency: 'CNY',
  locationId: 1,
  lines: [{ lineId: 1, skuId: 1, qty: 100, unitCostMinor: 1600 }],
  receipts: [],
  note: '',
  ...fields,
});
const context = (overrides: Partial<PlanLineCostContext> = {}): PlanLineCostContext => ({ supplier: SUPPLIER, date: DATE, rates: [], baseCurrency: 'USD', purchaseOrders: [], ...overrides });
const usdSku = { id: 1, unitCostMinor: 250, costCurrency: 'USD' };

describe('planLineUnitCost', () => {
  it.each([
    ['a SKU costed in the supplier’s currency keeps its cost', { ...usdSku, costCurrency: 'CNY', unitCostMinor: 1650 }, context(), { source: 'sku', unitCostMinor: 1650 }],
    ['a base-currency SKU is divided by the supplier currency’s rate', usdSku, context({ rates: [rate(1, 'CNY', '2026-02-01', 0.125)] }), { source: 'converted', unitCostMinor: 2000 }],
    ['two foreign currencies go through the base: 100 JPY at 0.0068 USD, 1 CNY at 0.136 USD', { id: 1, unitCostMinor: 100, costCurrency: 'JPY' }, context({ rates: [rate(1, 'CNY', '2026-02-01', 0.136), rate(2, 'JPY', '2026-02-01', 0.0068)] }), { source: 'converted', unitCostMinor: 500 }],
    ['the rate in force on the plan date is used, not a later one', usdSku, context({ rates: [rate(1, 'CNY', '2026-02-01', 0.125), rate(2, 'CNY', '2026-03-03', 0.25)] }), { source: 'converted', unitCostMinor: 2000 }],
    ['with no rate: the supplier’s latest sent PO in its currency', usdSku, context({ purchaseOrders: [po(1, {}), po(2, { orderDate: '2026-02-01', lines: [{ lineId: 1, skuId: 1, qty: 5, unitCostMinor: 1640 }] })] }), { source: 'lastOrder', unitCostMinor: 1640 }],
    ['with no rate: drafts, cancelled POs, other suppliers and other currencies do not set the price', usdSku, context({ purchaseOrders: [po(1, { status: 'draft' }), po(2, { status: 'cancelled' }), po(3, { supplierId: 8 }), po(4, { currency: 'USD' })] }), { source: 'none' }],
    ['with a rate for only one of the two currencies there is no conversion', { id: 1, unitCostMinor: 100, costCurrency: 'EUR' }, context({ rates: [rate(1, 'CNY', '2026-02-01', 0.136)] }), { source: 'none' }],
  ])('%s', (_name, sku, ctx, expected) => {
    expect(planLineUnitCost(sku, ctx)).toEqual(expected);
  });
});
