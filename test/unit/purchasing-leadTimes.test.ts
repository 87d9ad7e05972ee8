// Lead time legs: learned transport and production days with hand-checked mean and sample standard
// deviation, the override > learned > default rule, and how legs add up.
import { describe, expect, it } from 'vitest';
import type { PurchaseOrder, Shipment } from '../../shared/model';
import { learnDays, learnProductionDays, learnTransportDays, resolveLeadTime, totalLeadTime } from '../../shared/purchasing/leadTimes';
import type { LeadTimeLeg } from '../../shared/purchasing/leadTimes';
import { addDays } from '../../shared/dates';

const DOMESTIC = 1;
const FBA = 2;
const THREE_PL = 3;
const SEA = { fromLocationId: DOMESTIC, toLocationId: FBA, mode: 'sea' } as const;

function closedShipment(id: number, shipDate: string, firstReceiptAfter: number, overrides: Partial<Shipment> = {}): Shipment {
  const first = addDays(shipDate, firstReceiptAfter);
  const last = addDays(first, 6);
  return {
    id,
    fromLocationId: DOMESTIC,
    toLocationId: FBA,
    mode: 'sea',
    shipDate,
    status: 'received',
    receivedDate: last,
    lines: [{ skuId: 1, qty: 10 }],
    receipts: [
      { date: last, lines: [{ skuId: 1, qty: 4 }] },
      { date: first, lines: [{ skuId: 1, qty: 6 }] },
    ],
    ...overrides,
  };
}

describe('learnDays', () => {
  it('mean and sample standard deviation (n − 1): 30, 35, 40 → 35 ± 5', () => {
    expect(learnDays([30, 35, 40])).toEqual({ meanDays: 35, sdDays: 5, samples: 3 });
  });

  it('needs two observations', () => {
    expect(learnDays([])).toBeNull();
    expect(learnDays([12])).toBeNull();
    expect(learnDays([12, 12])).toEqual({ meanDays: 12, sdDays: 0, samples: 2 });
  });
});

describe('learnTransportDays', () => {
  const shipments: Shipment[] = [
    closedShipment(1, '2026-01-01', 30),
    closedShipment(2, '2026-02-01', 34),
    closedShipment(3, '2026-03-01', 38),
    // Saved before receipts were recorded: counts to its receivedDate (42 days).
    { id: 4, fromLocationId: DOMESTIC, toLocationId: FBA, mode: 'sea', shipDate: '2026-04-01', receivedDate: '2026-05-13', status: 'received', lines: [{ skuId: 1, qty: 1 }] },
    // Not on the route or mode, or not closed: ignored.
    closedShipment(5, '2026-01-01', 8, { mode: 'air' }),
    closedShipment(6, '2026-01-01', 60, { toLocationId: THREE_PL }),
    closedShipment(7, '2026-01-01', 90, { status: 'partially_received', receivedDate: undefined }),
    closedShipment(8, '2026-01-01', 99, { mode: undefined }),
  ];

  it('ship date → first receipt of closed shipments on the route and mode: 30, 34, 38, 42 → 36 ± √(80/3)', () => {
    const learned = learnTransportDays(shipments, SEA);
    expect(learned?.samples).toBe(4);
    expect(learned?.meanDays).toBe(36);
    expect(learned?.sdDays).toBeCloseTo(Math.sqrt(80 / 3), 12); // 5.1640
  });

  it('another mode is its own route: one air sample is not enough', () => {
    expect(learnTransportDays(shipments, { ...SEA, mode: 'air' })).toBeNull();
    expect(learnTransportDays(shipments, { ...SEA, mode: 'rail' })).toBeNull();
  });
});

describe('learnProductionDays', () => {
  const po = (id: number, supplierId: number, status: PurchaseOrder['status'], orderDate: string, receiptDates: string[]): PurchaseOrder => ({
    id,
    number: `PO-2026-${String(id).padStart(4, '0')}`,
    supplierId,
    status,
    orderDate,
    expectedDate: orderDate,
    currency: 'CNY',
    locationId: DOMESTIC,
    lines: [{ lineId: 1, skuId: 1, qty: 10, unitCostMinor: 100 }],
    receipts: receiptDates.map((date) => ({ date, lines: [{ lineId: 1, qty: 1 }], exchangeRate: 0.14 })),
    note: '',
  });
  const pos = [
    po(1, 3, 'received', '2026-01-01', ['2026-01-25', '2026-01-21']), // first receipt: 20 days
    po(2, 3, 'received', '2026-02-01', ['2026-02-25']), // 24
    po(3, 3, 'received', '2026-03-01', ['2026-03-29', '2026-04-02']), // 28 (closed short counts: status received)
    po(4, 3, 'partially_received', '2026-03-01', ['2026-03-02']),
    po(5, 3, 'cancelled', '2026-03-01', []),
    po(6, 9, 'received', '2026-03-01', ['2026-03-03']),
  ];

  it('order date → first receipt of the supplier’s received POs: 20, 24, 28 → 24 ± 4', () => {
    expect(learnProductionDays(pos, 3)).toEqual({ meanDays: 24, sdDays: 4, samples: 3 });
  });

  it('null below two POs', () => {
    expect(learnProductionDays(pos, 9)).toBeNull();
    expect(learnProductionDays(pos, 42)).toBeNull();
  });
});

describe('resolveLeadTime', () => {
  const defaults = { meanDays: 30, sdDays: 6 };
  const learned = { meanDays: 24, sdDays: 4, samples: 3 };

  it('learned from enough samples beats the default', () => {
    expect(resolveLeadTime({ learned, defaults })).toEqual({ meanDays: 24, sdDays: 4, source: 'learned', samples: 3 });
  });

  it('too few samples: the default', () => {
    expect(resolveLeadTime({ learned: { ...learned, samples: 2 }, defaults })).toEqual({ meanDays: 30, sdDays: 6, source: 'default', samples: 0 });
    expect(resolveLeadTime({ learned: null, defaults })).toEqual({ meanDays: 30, sdDays: 6, source: 'default', samples: 0 });
    expect(resolveLeadTime({ learned: { ...learned, samples: 2 }, defaults }, 2).source).toBe('learned');
  });

  it('an override wins; a partial one keeps the other figure of the leg below it', () => {
    expect(resolveLeadTime({ override: { meanDays: 40, sdDays: 2 }, learned, defaults })).toEqual({ meanDays: 40, sdDays: 2, source: 'override', samples: 3 });
    expect(resolveLeadTime({ override: { meanDays: 40 }, learned, defaults })).toEqual({ meanDays: 40, sdDays: 4, source: 'override', samples: 3 });
    expect(resolveLeadTime({ override: { sdDays: 1 }, learned: null, defaults })).toEqual({ meanDays: 30, sdDays: 1, source: 'override', samples: 0 });
  });

  it('an empty or invalid override is no override', () => {
    expect(resolveLeadTime({ override: {}, learned, defaults }).source).toBe('learned');
    expect(resolveLeadTime({ override: { meanDays: Number.NaN, sdDays: -1 }, learned, defaults }).source).toBe('learned');
  });
});

describe('totalLeadTime', () => {
  const leg = (meanDays: number, sdDays: number): LeadTimeLeg => ({ meanDays, sdDays, source: 'default', samples: 0 });

  it('means add and variances add: 20 ± 3, 2 ± 0, 30 ± 4, 5 ± 0 → 57 ± 5', () => {
    expect(totalLeadTime([leg(20, 3), leg(2, 0), leg(30, 4), leg(5, 0)])).toEqual({ meanDays: 57, sdDays: 5 });
  });

  it('no legs: 0 ± 0', () => {
    expect(totalLeadTime([])).toEqual({ meanDays: 0, sdDays: 0 });
  });
});
