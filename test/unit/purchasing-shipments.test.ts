// Shipments: the plan form, receipts in parts, short / over / wrong-SKU discrepancies, landed cost
// at the destination (valued through the real ledger), delays and the mis-delivery error rate.
import { describe, expect, it } from 'vitest';
import { dayNumber } from '../../shared/dates';
import type { ErrorParams } from '../../shared/errors';
import { balancesAt } from '../../shared/ledger/report';
import { dispatchMovements, receiveMovements } from '../../shared/ledger/postings';
import type { Shipment } from '../../shared/model';
import {
  delayDays,
  discrepancyErrorRate,
  inTransitBySku,
  isDelayed,
  parseShipmentPlanDraft,
  receiveShipment,
  shipMovements,
} from '../../shared/purchasing/shipments';
import type { ShipmentPlanDraft } from '../../shared/purchasing/shipments';
import { Ledger, valueRows } from './ledgerTestKit';
import { errorOf } from './domainErrorKit';

const DOMESTIC = 1;
const FBA = 2;
const TRANSIT = 9;
const OPTIONS = { transitLocationId: TRANSIT };

const goodPlan: ShipmentPlanDraft = {
  fromLocationId: DOMESTIC,
  toLocationId: FBA,
  shipDate: '2026-03-01',
  eta: '2026-03-30',
  mode: 'sea',
  carrier: ' COSCO ',
  trackingNumber: 'MSKU1234567',
  fbaShipmentId: 'FBA17ABCDEF',
  note: '',
  lines: [
    { skuId: 10, qty: '100', casePack: '24', cartons: '', unitWeightKg: '0.5', unitVolumeM3: '0.002' },
    { skuId: 0, qty: '', casePack: '', cartons: '', unitWeightKg: '', unitVolumeM3: '' },
    { skuId: 11, qty: '50', casePack: '', cartons: '', unitWeightKg: '2', unitVolumeM3: '' },
  ],
  costs: { freight: '150.00', duties: '30', fees: '20.00', basis: 'weight' },
  baseCurrency: 'USD',
};

/** The plan as the database stores it, shipped. Landed cost by weight: 50 kg and 100 kg share $200 → 6667 and 13333 cents. */
function shipped(overrides: Partial<Shipment> = {}): Shipment {
  return { id: 7, status: 'in_transit', ...parseShipmentPlanDraft(goodPlan), ...overrides };
}

describe('parseShipmentPlanDraft', () => {
  it('parses the plan: optional fields trimmed, cartons from the case pack, costs in base minor units', () => {
    expect(parseShipmentPlanDraft(goodPlan)).toEqual({
      fromLocationId: DOMESTIC,
      toLocationId: FBA,
      shipDate: '2026-03-01',
      eta: '2026-03-30',
      mode: 'sea',
      carrier: 'COSCO',
      trackingNumber: 'MSKU1234567',
      fbaShipmentId: 'FBA17ABCDEF',
      lines: [
        { skuId: 10, qty: 100, casePack: 24, cartons: 5, unitWeightKg: 0.5, unitVolumeM3: 0.002 },
        { skuId: 11, qty: 50, unitWeightKg: 2 },
      ],
      costs: { freightMinor: 15_000, dutiesMinor: 3000, feesMinor: 2000, basis: 'weight' },
    });
  });

  it('leaves out what was not given: no ETA, mode, texts or costs', () => {
    const plan = parseShipmentPlanDraft({
      ...goodPlan,
      eta: '',
      mode: '',
      carrier: '',
      trackingNumber: ' ',
      fbaShipmentId: '',
      lines: [{ skuId: 10, qty: '5', casePack: '', cartons: '', unitWeightKg: '', unitVolumeM3: '' }],
      costs: { freight: '', duties: '', fees: '', basis: '' },
    });
    expect(plan).toEqual({ fromLocationId: DOMESTIC, toLocationId: FBA, shipDate: '2026-03-01', lines: [{ skuId: 10, qty: 5 }] });
  });

  it('keeps typed cartons, defaults the basis to units, accepts an ETA on the ship date and a mode in any case', () => {
    const plan = parseShipmentPlanDraft({
      ...goodPlan,
      eta: '2026-03-01',
      mode: ' Air ',
      lines: [{ skuId: 10, qty: '100', casePack: '24', cartons: '4', unitWeightKg: '', unitVolumeM3: '' }],
      costs: { freight: '10', duties: '', fees: '', basis: '' },
    });
    expect([plan.eta, plan.mode, plan.lines[0]!.cartons, plan.costs]).toEqual(['2026-03-01', 'air', 4, { freightMinor: 1000, dutiesMinor: 0, feesMinor: 0, basis: 'units' }]);
  });

  const line = (change: Partial<ShipmentPlanDraft['lines'][number]>) => [{ skuId: 10, qty: '5', casePack: '', cartons: '', unitWeightKg: '1', unitVolumeM3: '', ...change }];
  it.each([
    [{ toLocationId: DOMESTIC }, 'movement.sameLocation', {}],
    [{ fromLocationId: 0 }, 'field.required', { field: 'from' }],
    [{ toLocationId: 0 }, 'field.required', { field: 'to' }],
    [{ shipDate: '' }, 'field.badDate', { field: 'shipDate', value: '' }],
    [{ eta: '2026-02-28' }, 'field.dateTooEarly', { field: 'eta', value: '2026-02-28', earliest: '2026-03-01' }],
    [{ eta: 'next week' }, 'field.badDate', { field: 'eta', value: 'next week' }],
    [{ mode: 'boat' }, 'field.unknownChoice', { field: 'mode', value: 'boat' }],
    [{ lines: [] }, 'field.required', { field: 'lines' }],
    [{ lines: [...line({}), ...line({ skuId: 0 })] }, 'shipment.lineNoSku', { line: 2 }],
    [{ lines: line({ qty: '-5' }) }, 'field.notPositive', { field: 'qty', value: '-5', line: 1 }],
    [{ lines: line({ qty: '0' }) }, 'field.notPositive', { field: 'qty', value: '0', line: 1 }],
    [{ lines: line({ casePack: '0' }) }, 'field.notPositive', { field: 'casePack', value: '0', line: 1 }],
    [{ lines: line({ unitWeightKg: '-1' }) }, 'field.negative', { field: 'unitWeightKg', value: '-1', line: 1 }],
    [{ lines: line({ unitVolumeM3: 'big' }) }, 'field.notNumber', { field: 'unitVolumeM3', value: 'big', line: 1 }],
    [{ costs: { freight: '-10', duties: '', fees: '', basis: 'units' } }, 'field.negative', { field: 'freight', value: '-10' }],
    [{ costs: { freight: '', duties: '1.005', fees: '', basis: 'units' } }, 'field.tooPrecise', { field: 'duties', value: '1.005', digits: 2 }],
    [{ costs: { freight: '', duties: '', fees: 'ten', basis: 'units' } }, 'field.notNumber', { field: 'fees', value: 'ten' }],
    [{ costs: { freight: '10', duties: '', fees: '', basis: 'pallets' } }, 'field.unknownChoice', { field: 'basis', value: 'pallets' }],
    [{ lines: line({ unitWeightKg: '' }), costs: { freight: '10', duties: '', fees: '', basis: 'weight' } }, 'shipment.noAllocationBasis', { basis: 'weight', field: 'unitWeightKg' }],
    [{ costs: { freight: '10', duties: '', fees: '', basis: 'volume' }, lines: line({}) }, 'shipment.noAllocationBasis', { basis: 'volume', field: 'unitVolumeM3' }],
  ] satisfies [Partial<ShipmentPlanDraft>, string, ErrorParams][])('refuses %j with %s', (change, code, params) => {
    expect(errorOf(() => parseShipmentPlanDraft({ ...goodPlan, ...change }))).toEqual({ code, params });
  });
});

describe('shipMovements', () => {
  it('posts like the first shipments: out of the origin into transit, ref SHP-<id>', () => {
    const shipment = shipped();
    expect(shipMovements(shipment, TRANSIT)).toEqual(dispatchMovements(shipment, TRANSIT));
    expect(shipMovements(shipment, TRANSIT)[0]).toEqual({ date: '2026-03-01', skuId: 10, locationId: DOMESTIC, qty: -100, type: 'transfer_out', ref: 'SHP-7', source: 'manual' });
  });
});

/** Stock at the origin, the shipment shipped, then each receipt's movements, all valued by the real ledger. */
function ledgerFor(shipment: Shipment, receipts: { date: string; lines: { skuId: number; qty: number }[]; allowOver?: boolean; close?: boolean }[]) {
  const ledger = new Ledger();
  ledger.receipt('2026-02-20', 10, DOMESTIC, 100, 1000);
  ledger.receipt('2026-02-20', 11, DOMESTIC, 50, 3000);
  ledger.post(shipMovements(shipment, TRANSIT));
  let current = shipment;
  for (const { allowOver, close, ...receipt } of receipts) {
    const result = receiveShipment(current, receipt, { ...OPTIONS, allowOver, close });
    ledger.post(result.movements);
    current = result.shipment;
  }
  const { columns, values } = valueRows(ledger.rows, { transitLocationIds: new Set([TRANSIT]) });
  const balance = (skuId: number, locationId: number) => {
    const line = balancesAt(columns, values, dayNumber('2026-12-31')).find((b) => b.skuId === skuId && b.locationId === locationId);
    return [line?.qty ?? 0, line?.valueMinor ?? 0];
  };
  return { shipment: current, balance };
}

describe('receiveShipment', () => {
  it('a first part moves from transit to the destination with its share of the landed cost', () => {
    const { shipment, movements } = receiveShipment(shipped(), { date: '2026-03-28', lines: [{ skuId: 10, qty: 60 }] }, OPTIONS);
    // SKU 10 carries 6667 cents for 100 units; 60 units bring round(6667 × 60 / 100) = 4000.
    expect(movements).toEqual([
      { date: '2026-03-28', skuId: 10, locationId: TRANSIT, qty: -60, type: 'transfer_out', ref: 'SHP-7', source: 'manual' },
      { date: '2026-03-28', skuId: 10, locationId: FBA, qty: 60, type: 'transfer_in', unitCostMinor: 4000 / 60, ref: 'SHP-7', source: 'manual' },
    ]);
    expect(shipment.status).toBe('partially_received');
    expect(shipment.receivedDate).toBeUndefined();
    expect(shipment.receipts).toEqual([{ date: '2026-03-28', lines: [{ skuId: 10, qty: 60 }] }]);
    expect(shipment.discrepancies).toEqual([]);
    expect([...inTransitBySku(shipment)]).toEqual([
      [10, 40],
      [11, 50],
    ]);
  });

  it('the last part closes it with no discrepancy; the landed cost arrives to the cent', () => {
    const { shipment, balance } = ledgerFor(shipped(), [
      { date: '2026-03-28', lines: [{ skuId: 10, qty: 60 }] },
      { date: '2026-03-30', lines: [{ skuId: 10, qty: 40 }, { skuId: 11, qty: 50 }] },
    ]);
    expect([shipment.status, shipment.receivedDate, shipment.discrepancies]).toEqual(['received', '2026-03-30', []]);
    expect(inTransitBySku(shipment).size).toBe(0);
    expect(balance(10, FBA)).toEqual([100, 100_000 + 6667]);
    expect(balance(11, FBA)).toEqual([50, 150_000 + 13_333]);
    expect([balance(10, TRANSIT), balance(11, TRANSIT), balance(10, DOMESTIC)]).toEqual([
      [0, 0],
      [0, 0],
      [0, 0],
    ]);
  });

  it('receiving a third of the units three times adds up to the SKU’s landed cost exactly (no lost cent)', () => {
    const plan = shipped({ lines: [{ skuId: 10, qty: 3 }], costs: { freightMinor: 100, dutiesMinor: 0, feesMinor: 0, basis: 'units' } });
    let shipment = plan;
    const landed: number[] = [];
    for (const date of ['2026-03-10', '2026-03-11', '2026-03-12']) {
      const result = receiveShipment(shipment, { date, lines: [{ skuId: 10, qty: 1 }] }, OPTIONS);
      landed.push(result.movements[1]!.unitCostMinor!);
      shipment = result.shipment;
    }
    expect(landed).toEqual([33, 34, 33]);
    expect(shipment.status).toBe('received');
  });

  it('short: closing with units missing writes them off from transit as lost and records a short discrepancy', () => {
    const { shipment, balance } = ledgerFor(shipped(), [
      { date: '2026-03-28', lines: [{ skuId: 10, qty: 90 }, { skuId: 11, qty: 50 }], close: true },
    ]);
    expect([shipment.status, shipment.receivedDate]).toEqual(['received', '2026-03-28']);
    expect(shipment.discrepancies).toEqual([{ kind: 'short', skuId: 10, qty: 10, date: '2026-03-28' }]);
    // 90 of 100 units at $10 plus their landed share round(6667 × 0.9) = 6000; the 10 lost leave transit.
    expect(balance(10, FBA)).toEqual([90, 90_000 + 6000]);
    expect(balance(10, TRANSIT)).toEqual([0, 0]);
  });

  it('short: the lost adjustment at transit carries the shipment ref and reason lost', () => {
    const { movements } = receiveShipment(shipped(), { date: '2026-03-28', lines: [{ skuId: 11, qty: 50 }] }, { ...OPTIONS, close: true });
    expect(movements.filter((m) => m.type === 'adjustment')).toEqual([
      { date: '2026-03-28', skuId: 10, locationId: TRANSIT, qty: -100, type: 'adjustment', reason: 'lost', ref: 'SHP-7', source: 'manual' },
    ]);
  });

  it('closing with nothing more arrived writes off the rest and adds no receipt', () => {
    const first = receiveShipment(shipped(), { date: '2026-03-28', lines: [{ skuId: 10, qty: 100 }] }, OPTIONS).shipment;
    const { shipment, movements } = receiveShipment(first, { date: '2026-04-15', lines: [] }, { ...OPTIONS, close: true });
    expect(shipment.receipts).toHaveLength(1);
    expect(shipment.discrepancies).toEqual([{ kind: 'short', skuId: 11, qty: 50, date: '2026-04-15' }]);
    expect(movements.map((m) => [m.skuId, m.locationId, m.qty, m.type])).toEqual([[11, TRANSIT, -50, 'adjustment']]);
    expect([shipment.status, shipment.receivedDate]).toEqual(['received', '2026-04-15']);
  });

  it('over: refused without allowOver, naming the SKU, what is in transit and what arrived', () => {
    const first = receiveShipment(shipped(), { date: '2026-03-28', lines: [{ skuId: 10, qty: 60 }] }, OPTIONS).shipment;
    expect(errorOf(() => receiveShipment(first, { date: '2026-03-29', lines: [{ skuId: 10, qty: 50 }] }, OPTIONS))).toEqual({
      code: 'shipment.overReceipt',
      params: { sku: 10, inTransit: 40, qty: 50 },
    });
  });

  it('over with allowOver: the shipped units transfer, the excess is found stock and an over discrepancy', () => {
    const { shipment, movements } = receiveShipment(shipped(), { date: '2026-03-28', lines: [{ skuId: 10, qty: 105 }] }, { ...OPTIONS, allowOver: true });
    expect(movements.map((m) => [m.locationId, m.qty, m.type, m.reason ?? null, m.unitCostMinor ?? null])).toEqual([
      [TRANSIT, -100, 'transfer_out', null, null],
      [FBA, 100, 'transfer_in', null, 66.67],
      [FBA, 5, 'adjustment', 'found', null],
    ]);
    expect(movements.every((m) => m.ref === 'SHP-7')).toBe(true);
    expect(shipment.discrepancies).toEqual([{ kind: 'over', skuId: 10, qty: 5, date: '2026-03-28' }]);
    expect(shipment.status).toBe('partially_received'); // SKU 11 has not arrived
    expect([...inTransitBySku(shipment)]).toEqual([[11, 50]]);
  });

  it('over on a SKU already fully received: all of it is found stock', () => {
    const first = receiveShipment(shipped(), { date: '2026-03-28', lines: [{ skuId: 10, qty: 100 }] }, OPTIONS).shipment;
    const { movements, shipment } = receiveShipment(first, { date: '2026-03-29', lines: [{ skuId: 10, qty: 2 }, { skuId: 11, qty: 50 }] }, { ...OPTIONS, allowOver: true });
    expect(movements.filter((m) => m.skuId === 10).map((m) => [m.qty, m.type])).toEqual([[2, 'adjustment']]);
    expect(shipment.discrepancies).toEqual([{ kind: 'over', skuId: 10, qty: 2, date: '2026-03-29' }]);
    expect(shipment.status).toBe('received');
  });

  it('wrong SKU: refused without allowOver; with it, found stock at the destination and a wrongSku discrepancy', () => {
    expect(errorOf(() => receiveShipment(shipped(), { date: '2026-03-28', lines: [{ skuId: 12, qty: 3 }] }, OPTIONS))).toEqual({
      code: 'shipment.wrongSku',
      params: { sku: 12, qty: 3 },
    });
    const { shipment, movements } = receiveShipment(shipped(), { date: '2026-03-28', lines: [{ skuId: 12, qty: 3 }] }, { ...OPTIONS, allowOver: true });
    expect(movements).toEqual([{ date: '2026-03-28', skuId: 12, locationId: FBA, qty: 3, type: 'adjustment', reason: 'found', ref: 'SHP-7', source: 'manual' }]);
    expect(shipment.discrepancies).toEqual([{ kind: 'wrongSku', skuId: 12, qty: 3, date: '2026-03-28' }]);
    expect(shipment.status).toBe('partially_received');
  });

  it('values a closed shipment with short, over and wrong SKU: transit ends at 0 units and 0 value', () => {
    const { shipment, balance } = ledgerFor(shipped(), [
      { date: '2026-03-28', lines: [{ skuId: 10, qty: 30 }, { skuId: 12, qty: 2 }], allowOver: true },
      { date: '2026-03-29', lines: [{ skuId: 11, qty: 53 }], allowOver: true },
      { date: '2026-04-02', lines: [{ skuId: 10, qty: 60 }], close: true },
    ]);
    expect(shipment.discrepancies!.map((d) => [d.kind, d.skuId, d.qty])).toEqual([
      ['wrongSku', 12, 2],
      ['over', 11, 3],
      ['short', 10, 10],
    ]);
    for (const sku of [10, 11, 12]) expect(balance(sku, TRANSIT)).toEqual([0, 0]);
    // SKU 11: 50 transferred at $30 + 13333 landed; the 3 found have no cost of their own and come in before
    // the day's transfer arrives, into an empty FBA pool with no history: valued 0 (no catalog fallback here).
    expect(balance(11, FBA)).toEqual([53, 163_333]);
    // SKU 10: 90 units: 90000 of goods and round(6667 × 0.9) = 6000 landed (30 then 60 units: 2000 + 4000).
    expect(balance(10, FBA)).toEqual([90, 96_000]);
  });

  it('over and wrong-SKU units carry the unit cost given for their SKU (foundUnitCostMinor)', () => {
    const foundUnitCostMinor = new Map([
      [11, 3000],
      [12, 450.5],
    ]);
    const { movements } = receiveShipment(
      shipped(),
      { date: '2026-03-28', lines: [{ skuId: 11, qty: 53 }, { skuId: 12, qty: 2 }] },
      { ...OPTIONS, allowOver: true, foundUnitCostMinor },
    );
    expect(movements.filter((m) => m.type === 'adjustment').map((m) => [m.skuId, m.qty, m.unitCostMinor])).toEqual([
      [11, 3, 3000],
      [12, 2, 450.5],
    ]);
    const ledger = new Ledger();
    ledger.receipt('2026-02-20', 10, DOMESTIC, 100, 1000);
    ledger.receipt('2026-02-20', 11, DOMESTIC, 50, 3000);
    ledger.post(shipMovements(shipped(), TRANSIT));
    ledger.post(movements);
    const { columns, values } = valueRows(ledger.rows, { transitLocationIds: new Set([TRANSIT]) });
    const fba11 = balancesAt(columns, values, dayNumber('2026-03-28')).find((b) => b.skuId === 11 && b.locationId === FBA);
    // 50 × $30 with their 13333 landed, plus 3 found × $30.
    expect([fba11?.qty, fba11?.valueMinor]).toEqual([53, 150_000 + 13_333 + 9000]);
  });

  it('a shipment without costs (or saved before purchasing) receives as plain transfers, like receiveMovements', () => {
    const legacy: Shipment = { id: 3, fromLocationId: DOMESTIC, toLocationId: FBA, shipDate: '2026-03-01', status: 'in_transit', lines: [{ skuId: 10, qty: 4 }] };
    const { shipment, movements } = receiveShipment(legacy, { date: '2026-03-05', lines: [{ skuId: 10, qty: 4 }] }, OPTIONS);
    expect(movements).toEqual(receiveMovements(legacy, '2026-03-05', TRANSIT));
    expect([shipment.status, shipment.receivedDate]).toEqual(['received', '2026-03-05']);
  });

  it('sums a SKU named twice in one receipt', () => {
    const { movements } = receiveShipment(shipped(), { date: '2026-03-28', lines: [{ skuId: 11, qty: 20 }, { skuId: 11, qty: 5 }] }, OPTIONS);
    expect(movements.map((m) => m.qty)).toEqual([-25, 25]);
  });

  it.each([
    [{ date: '2026-02-28', lines: [{ skuId: 10, qty: 1 }] }, 'field.dateTooEarly', { field: 'receivedDate', value: '2026-02-28', earliest: '2026-03-01' }],
    [{ date: '2026-03-32', lines: [{ skuId: 10, qty: 1 }] }, 'field.badDate', { field: 'receivedDate', value: '2026-03-32' }],
    [{ date: '2026-03-28', lines: [] }, 'receipt.empty', {}],
    [{ date: '2026-03-28', lines: [{ skuId: 10, qty: 0 }] }, 'receipt.empty', {}],
    [{ date: '2026-03-28', lines: [{ skuId: 10, qty: -1 }] }, 'field.negative', { field: 'qty', value: '-1', sku: 10 }],
    [{ date: '2026-03-28', lines: [{ skuId: 10, qty: 0.5 }] }, 'field.notInteger', { field: 'qty', value: '0.5', sku: 10 }],
    [{ date: '2026-03-28', lines: [{ skuId: 0, qty: 1 }] }, 'field.required', { field: 'sku' }],
  ])('refuses receipt %j with %s', (receipt, code, params) => {
    expect(errorOf(() => receiveShipment(shipped(), receipt, OPTIONS))).toEqual({ code, params });
  });

  it('refuses a part dated before the last part, and any receipt on a closed shipment', () => {
    const first = receiveShipment(shipped(), { date: '2026-03-28', lines: [{ skuId: 10, qty: 1 }] }, OPTIONS).shipment;
    expect(errorOf(() => receiveShipment(first, { date: '2026-03-27', lines: [{ skuId: 10, qty: 1 }] }, OPTIONS))).toEqual({
      code: 'field.dateTooEarly',
      params: { field: 'receivedDate', value: '2026-03-27', earliest: '2026-03-28' },
    });
    const closed = receiveShipment(first, { date: '2026-03-28', lines: [] }, { ...OPTIONS, close: true }).shipment;
    expect(errorOf(() => receiveShipment(closed, { date: '2026-03-29', lines: [{ skuId: 10, qty: 1 }] }, OPTIONS))).toEqual({
      code: 'shipment.alreadyReceived',
      params: { ref: 'SHP-7' },
    });
  });

  it('an error leaves nothing half done: the shipment given is unchanged', () => {
    const shipment = shipped();
    const copy = structuredClone(shipment);
    receiveShipment(shipment, { date: '2026-03-28', lines: [{ skuId: 10, qty: 100 }] }, { ...OPTIONS, close: true });
    errorOf(() => receiveShipment(shipment, { date: '2026-03-28', lines: [{ skuId: 10, qty: 1 }, { skuId: 12, qty: 1 }] }, OPTIONS));
    expect(shipment).toEqual(copy);
  });
});

describe('delays', () => {
  it.each([
    ['2026-03-29', 0],
    ['2026-03-30', 0],
    ['2026-03-31', 1],
    ['2026-04-14', 15],
  ])('a shipment due 2026-03-30, on %s, is %i days late', (today, days) => {
    expect(delayDays(shipped(), today)).toBe(days);
    expect(isDelayed(shipped(), today)).toBe(days > 0);
  });

  it('a partly received shipment past its ETA is still delayed', () => {
    const partial = receiveShipment(shipped(), { date: '2026-03-28', lines: [{ skuId: 10, qty: 1 }] }, OPTIONS).shipment;
    expect(delayDays(partial, '2026-04-04')).toBe(5);
  });

  it('no ETA or received: never delayed', () => {
    expect(delayDays(shipped({ eta: undefined }), '2027-01-01')).toBe(0);
    expect(isDelayed(shipped({ status: 'received', receivedDate: '2026-04-20' }), '2027-01-01')).toBe(false);
  });
});

describe('discrepancyErrorRate (PRODUCT §6)', () => {
  const clean = receiveShipment(shipped({ id: 1 }), { date: '2026-03-30', lines: [{ skuId: 10, qty: 100 }, { skuId: 11, qty: 50 }] }, OPTIONS).shipment;
  // Short on SKU 10 and a wrong SKU 12: three lines processed (10, 11, 12), two erroneous.
  const faulty = receiveShipment(
    shipped({ id: 2 }),
    { date: '2026-04-10', lines: [{ skuId: 10, qty: 95 }, { skuId: 11, qty: 50 }, { skuId: 12, qty: 1 }] },
    { ...OPTIONS, allowOver: true, close: true },
  ).shipment;
  const open = receiveShipment(shipped({ id: 3 }), { date: '2026-03-30', lines: [{ skuId: 10, qty: 101 }] }, { ...OPTIONS, allowOver: true }).shipment;
  const legacy: Shipment = { id: 4, fromLocationId: DOMESTIC, toLocationId: FBA, shipDate: '2026-02-01', receivedDate: '2026-02-20', status: 'received', lines: [{ skuId: 10, qty: 4 }] };

  it('counts closed shipments only, per SKU, a wrong SKU as a line of its own', () => {
    expect(faulty.discrepancies!.map((d) => d.kind)).toEqual(['wrongSku', 'short']);
    expect(open.discrepancies!.map((d) => d.kind)).toEqual(['over']);
    expect(discrepancyErrorRate([clean, faulty, open, legacy])).toEqual({ lines: 6, linesWithDiscrepancy: 2, rate: 2 / 6 });
  });

  it('in a period, counts the shipments closed in it', () => {
    expect(discrepancyErrorRate([clean, faulty, open, legacy], { from: '2026-04-01', to: '2026-04-30' })).toEqual({ lines: 3, linesWithDiscrepancy: 2, rate: 2 / 3 });
    expect(discrepancyErrorRate([clean, faulty, open, legacy], { from: '2026-02-01', to: '2026-03-31' })).toEqual({ lines: 3, linesWithDiscrepancy: 0, rate: 0 });
  });

  it('is 0 with nothing processed', () => {
    expect(discrepancyErrorRate([open])).toEqual({ lines: 0, linesWithDiscrepancy: 0, rate: 0 });
  });
});
