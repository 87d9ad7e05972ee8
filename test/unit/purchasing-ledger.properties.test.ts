// Property tests of purchasing and logistics against the ledger: random histories of purchase
// orders (receipts in parts, over-receipts, closed short, three currencies) and shipments (domestic
// → FBA or 3PL, 3PL → FBA; partial, short, over and wrong-SKU receipts; landed cost on all three
// bases), built only through shared/purchasing, posted with ids in posting order and valued by the
// real ledger. Checked:
//  (a) ending = beginning + incoming − outgoing per SKU × location, transit included, every month;
//  (b) a closed shipment's transit balance is 0 units and 0 value; an open one holds what
//      inTransitBySku says;
//  (c) value: transfers create no value except the landed cost, which enters to the cent —
//      Σ transfer values = Σ landed cost of the units moved into destinations (= the whole of the
//      costs for every shipment received without shortage); hence the exact invariant
//      total stock value = Σ receipt values + Σ landed cost + Σ found − Σ lost − Σ sold;
//  (d) units: total on hand = received from suppliers + found − lost − sold; PO receipts agree
//      with the PO records.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays, dayNumber, isoFromDay, periodsCovering } from '../../shared/dates';
import { isDomainError } from '../../shared/errors';
import { balancesAt, periodReport } from '../../shared/ledger/report';
import type { AllocationBasis, ExchangeRate, Movement, MovementInput, PurchaseOrder, Shipment } from '../../shared/model';
import { rateOn } from '../../shared/purchasing/exchangeRates';
import { allocateLandedCost } from '../../shared/purchasing/landedCost';
import {
  closePurchaseOrderShort,
  openQty,
  parsePurchaseOrderDraft,
  receivePurchaseOrder,
  receivedQty,
  sendPurchaseOrder,
} from '../../shared/purchasing/purchaseOrders';
import { inTransitBySku, parseShipmentPlanDraft, receiveShipment, shipMovements } from '../../shared/purchasing/shipments';
import { valueRows } from './ledgerTestKit';

const DOMESTIC = 1;
const FBA = 2;
const THREE_PL = 3;
const TRANSIT = 9;
const STOCK_LOCATIONS = [DOMESTIC, FBA, THREE_PL] as const;
const LOCATIONS = [...STOCK_LOCATIONS, TRANSIT] as const;
const SKUS = [1, 2, 3, 4] as const;
const CONTEXT = { transitLocationIds: new Set([TRANSIT]), fallbackUnitCostMinor: new Map([[4, 250]]) };
const START = '2025-11-25';
const START_DAY = dayNumber(START);
const BASE = 'USD';
const CURRENCIES = ['USD', 'CNY', 'JPY'] as const;
const RATES: ExchangeRate[] = [
  { id: 1, currency: 'CNY', date: START, rate: 0.14 },
  { id: 2, currency: 'CNY', date: addDays(START, 40), rate: 0.1385 },
  { id: 3, currency: 'JPY', date: START, rate: 0.0067 },
  { id: 4, currency: 'JPY', date: addDays(START, 75), rate: 0.0071 },
];

type Op =
  | { kind: 'wait'; days: number }
  | { kind: 'createPo'; currency: number; lines: { sku: number; qty: number; cost: number }[] }
  | { kind: 'receivePo'; pick: number; parts: number[]; allowOver: boolean }
  | { kind: 'closePoShort'; pick: number }
  | {
      kind: 'ship';
      route: number;
      lines: { sku: number; share: number; grams: number | null; cm3: number | null }[];
      costs: [number, number, number];
      basis: AllocationBasis;
    }
  | { kind: 'receiveShipment'; pick: number; parts: number[]; wrongSku: number | null; allowOver: boolean; close: boolean; foundCost: number | null }
  | { kind: 'sale'; loc: number; sku: number; share: number };

const skuArb = fc.constantFrom(...SKUS);
const shareArb = fc.integer({ min: 0, max: 130 }).map((percent) => percent / 100); // up to 30 % over
const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('wait' as const), days: fc.integer({ min: 0, max: 25 }) }) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('createPo' as const),
      currency: fc.nat(2),
      lines: fc.array(fc.record({ sku: skuArb, qty: fc.integer({ min: 1, max: 80 }), cost: fc.integer({ min: 0, max: 200_000 }) }), { minLength: 1, maxLength: 3 }),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({ kind: fc.constant('receivePo' as const), pick: fc.nat(), parts: fc.array(shareArb, { minLength: 3, maxLength: 3 }), allowOver: fc.boolean() }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('closePoShort' as const), pick: fc.nat() }) },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('ship' as const),
      route: fc.nat(2),
      lines: fc.array(
        fc.record({
          sku: skuArb,
          share: fc.integer({ min: 1, max: 100 }).map((percent) => percent / 100),
          grams: fc.option(fc.integer({ min: 1, max: 30_000 }), { nil: null }),
          cm3: fc.option(fc.integer({ min: 1, max: 200_000 }), { nil: null }),
        }),
        { minLength: 1, maxLength: 3 },
      ),
      costs: fc.tuple(fc.integer({ min: 0, max: 900_000 }), fc.integer({ min: 0, max: 90_000 }), fc.integer({ min: 0, max: 9000 })),
      basis: fc.constantFrom<AllocationBasis>('units', 'weight', 'volume'),
    }),
  },
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('receiveShipment' as const),
      pick: fc.nat(),
      parts: fc.array(shareArb, { minLength: 3, maxLength: 3 }),
      wrongSku: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null, freq: 4 }),
      allowOver: fc.boolean(),
      close: fc.boolean(),
      foundCost: fc.option(fc.integer({ min: 0, max: 5000 }), { nil: null }),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('sale' as const), loc: fc.nat(2), sku: skuArb, share: fc.integer({ min: 1, max: 100 }).map((p) => p / 100) }) },
);

const ROUTES = [
  [DOMESTIC, FBA],
  [DOMESTIC, THREE_PL],
  [THREE_PL, FBA],
] as const;

/** A unit cost as a seller types it in the currency: 3 decimals of CNY (fractional fen), whole yen, cents. */
function costText(currency: string, cost: number): string {
  if (currency === 'JPY') return String(cost);
  if (currency === 'CNY') return (cost / 1000).toFixed(3);
  return (cost / 100).toFixed(2);
}

interface History {
  rows: Movement[];
  pos: PurchaseOrder[];
  shipments: Shipment[];
  /** The last day the history reached. */
  lastDay: number;
}

function codeOf(run: () => unknown): string | null {
  try {
    run();
    return null;
  } catch (error) {
    if (isDomainError(error)) return error.code;
    throw error;
  }
}

/** Plays the operations in date order through shared/purchasing, tracking on-hand units so stock never goes below zero. */
function build(ops: readonly Op[]): History {
  let day = START_DAY;
  let nextId = 1;
  const rows: Movement[] = [];
  const pos: PurchaseOrder[] = [];
  const shipments: Shipment[] = [];
  const onHand = new Map<string, number>();
  const key = (loc: number, sku: number) => `${loc}|${sku}`;
  const units = (loc: number, sku: number) => onHand.get(key(loc, sku)) ?? 0;
  const post = (inputs: readonly MovementInput[]) => {
    for (const input of inputs) {
      rows.push({ ...input, id: nextId++ });
      if (input.locationId !== TRANSIT) onHand.set(key(input.locationId, input.skuId), units(input.locationId, input.skuId) + input.qty);
    }
  };
  const today = () => isoFromDay(day);

  for (const op of ops) {
    switch (op.kind) {
      case 'wait':
        day += op.days;
        break;
      case 'createPo': {
        const currency = CURRENCIES[op.currency]!;
        const parsed = parsePurchaseOrderDraft({
          number: `PO-2026-${String(pos.length + 1).padStart(4, '0')}`,
          supplierId: 1,
          orderDate: today(),
          expectedDate: addDays(today(), 30),
          currency,
          locationId: DOMESTIC,
          note: '',
          lines: op.lines.map((line) => ({ skuId: line.sku, qty: String(line.qty), unitCost: costText(currency, line.cost) })),
        });
        const draft: PurchaseOrder = { ...parsed, id: pos.length + 1, status: 'draft', receipts: [] };
        expect(codeOf(() => receivePurchaseOrder(draft, { date: today(), lines: [{ lineId: 1, qty: 1 }] }, { exchangeRate: 1, baseCurrency: BASE }))).toBe('purchase.notSent');
        pos.push(sendPurchaseOrder(draft));
        break;
      }
      case 'receivePo': {
        const open = pos.filter((po) => po.status === 'sent' || po.status === 'partially_received');
        if (open.length === 0) break;
        const po = open[op.pick % open.length]!;
        const lines = po.lines.map((line, i) => {
          const share = op.parts[i % op.parts.length]!;
          const left = openQty(po, line.lineId);
          return { lineId: line.lineId, qty: left > 0 ? Math.round(left * share) : share > 1 ? 2 : 0 };
        });
        if (lines.every((line) => line.qty === 0)) break;
        const options = { exchangeRate: rateOn(RATES, po.currency, today(), BASE), baseCurrency: BASE };
        const over = lines.some((line) => line.qty > openQty(po, line.lineId));
        if (over && !op.allowOver) {
          expect(codeOf(() => receivePurchaseOrder(po, { date: today(), lines }, options))).toBe('purchase.overReceipt');
          break;
        }
        const result = receivePurchaseOrder(po, { date: today(), lines }, { ...options, allowOver: op.allowOver });
        pos[pos.indexOf(po)] = result.po;
        post(result.movements);
        break;
      }
      case 'closePoShort': {
        const partial = pos.filter((po) => po.status === 'partially_received');
        if (partial.length === 0) break;
        const po = partial[op.pick % partial.length]!;
        pos[pos.indexOf(po)] = closePurchaseOrderShort(po, today());
        break;
      }
      case 'ship': {
        const [from, to] = ROUTES[op.route]!;
        const taken = new Map<number, number>();
        const lines = op.lines.flatMap((line) => {
          const available = units(from, line.sku) - (taken.get(line.sku) ?? 0);
          const qty = Math.floor(available * line.share);
          if (qty <= 0) return [];
          taken.set(line.sku, (taken.get(line.sku) ?? 0) + qty);
          return [
            {
              skuId: line.sku,
              qty: String(qty),
              casePack: '',
              cartons: '',
              unitWeightKg: line.grams === null ? '' : String(line.grams / 1000),
              unitVolumeM3: line.cm3 === null ? '' : String(line.cm3 / 1_000_000),
            },
          ];
        });
        if (lines.length === 0) break;
        const [freight, duties, fees] = op.costs.map((cents) => (cents / 100).toFixed(2));
        const draft = {
          fromLocationId: from,
          toLocationId: to,
          shipDate: today(),
          eta: addDays(today(), 20),
          mode: 'sea',
          carrier: '',
          trackingNumber: '',
          fbaShipmentId: '',
          note: '',
          lines,
          costs: { freight: freight!, duties: duties!, fees: fees!, basis: op.basis as string },
          baseCurrency: BASE,
        };
        let plan;
        try {
          plan = parseShipmentPlanDraft(draft);
        } catch (error) {
          // A basis no line has (weight or volume never entered) is refused; the seller picks units.
          expect(isDomainError(error) && error.code).toBe('shipment.noAllocationBasis');
          plan = parseShipmentPlanDraft({ ...draft, costs: { ...draft.costs, basis: 'units' } });
        }
        const shipment: Shipment = { ...plan, id: shipments.length + 1, status: 'in_transit' };
        shipments.push(shipment);
        post(shipMovements(shipment, TRANSIT));
        break;
      }
      case 'receiveShipment': {
        const open = shipments.filter((shipment) => shipment.status !== 'received');
        if (open.length === 0) break;
        const shipment = open[op.pick % open.length]!;
        const inTransit = inTransitBySku(shipment);
        const onShipment = [...new Set(shipment.lines.map((line) => line.skuId))];
        const lines = onShipment.map((skuId, i) => {
          const share = op.parts[i % op.parts.length]!;
          const left = inTransit.get(skuId) ?? 0;
          return { skuId, qty: left > 0 ? Math.round(left * share) : share > 1 ? 1 : 0 };
        });
        if (op.wrongSku !== null && !onShipment.includes(op.wrongSku)) lines.push({ skuId: op.wrongSku, qty: 1 + (op.wrongSku % 3) });
        const arrived = lines.filter((line) => line.qty > 0);
        if (arrived.length === 0 && !op.close) break;
        const needsOver = arrived.some((line) => line.qty > (inTransit.get(line.skuId) ?? 0));
        const options = {
          transitLocationId: TRANSIT,
          close: op.close,
          ...(op.foundCost === null ? {} : { foundUnitCostMinor: new Map(SKUS.map((sku) => [sku, op.foundCost! + sku / 4])) }),
        };
        if (needsOver && !op.allowOver) {
          expect(codeOf(() => receiveShipment(shipment, { date: today(), lines }, options))).toMatch(/^shipment\.(overReceipt|wrongSku)$/);
          break;
        }
        const result = receiveShipment(shipment, { date: today(), lines }, { ...options, allowOver: op.allowOver });
        shipments[shipments.indexOf(shipment)] = result.shipment;
        post(result.movements);
        break;
      }
      case 'sale': {
        const loc = STOCK_LOCATIONS[op.loc]!;
        const qty = Math.floor(units(loc, op.sku) * op.share);
        if (qty > 0) post([{ date: today(), skuId: op.sku, locationId: loc, qty: -qty, type: 'sale', source: 'manual' }]);
        break;
      }
    }
  }
  return { rows, pos, shipments, lastDay: day };
}

const historyArb = fc.array(opArb, { minLength: 5, maxLength: 70, size: 'medium' }).map(build);
const NUM_RUNS = 200;
/** Each property replays 200 histories; give a busy machine room. */
const PROPERTY_TIMEOUT_MS = 60_000;

function sumWhere(rows: readonly Movement[], values: (id: number) => number, keep: (m: Movement) => boolean) {
  let qty = 0;
  let value = 0;
  for (const m of rows) {
    if (!keep(m)) continue;
    qty += m.qty;
    value += values(m.id);
  }
  return { qty, value };
}

/** round(total × part ÷ whole), computed plainly in floating point (the amounts here are small enough). */
const share = (total: number, part: number, whole: number) => Math.round((total * part) / whole);

describe('purchasing and logistics through the ledger (random histories)', () => {
  it('(a) ending = beginning + incoming − outgoing per SKU × location (transit included) for every month', () => {
    fc.assert(
      fc.property(historyArb, ({ rows, lastDay }) => {
        const { columns, values, valueOf } = valueRows(rows, CONTEXT);
        const months = periodsCovering('month', { from: START, to: isoFromDay(lastDay + 31) });
        // Each SKU × location's movements as (day, qty, value), read once.
        const pools = new Map<string, { day: number; qty: number; value: number }[]>();
        for (const m of rows) {
          const pool = `${m.skuId}|${m.locationId}`;
          if (!pools.has(pool)) pools.set(pool, []);
          pools.get(pool)!.push({ day: dayNumber(m.date), qty: m.qty, value: valueOf(m.id) });
        }
        const actual: unknown[] = [];
        const expected: unknown[] = [];
        const broken: unknown[] = [];
        for (const month of months) {
          const fromDay = dayNumber(month.from);
          const toDay = dayNumber(month.to);
          const lines = periodReport(columns, values, fromDay, toDay);
          for (const skuId of [...SKUS, 5]) {
            for (const locationId of LOCATIONS) {
              const t: Record<'beginning' | 'incoming' | 'outgoing' | 'ending', [number, number]> = { beginning: [0, 0], incoming: [0, 0], outgoing: [0, 0], ending: [0, 0] };
              for (const { day, qty, value } of pools.get(`${skuId}|${locationId}`) ?? []) {
                if (day > toDay) continue;
                const bucket = day < fromDay ? t.beginning : qty > 0 ? t.incoming : t.outgoing;
                bucket[0] += qty;
                bucket[1] += value;
                t.ending[0] += qty;
                t.ending[1] += value;
              }
              const { beginning, incoming, outgoing, ending } = t;
              // ending = beginning + incoming − outgoing, from the movements alone (outgoing summed as negatives).
              if (ending[0] !== beginning[0] + incoming[0] + outgoing[0] || ending[1] !== beginning[1] + incoming[1] + outgoing[1]) broken.push([month.from, skuId, locationId]);
              const line = lines.find((l) => l.skuId === skuId && l.locationId === locationId);
              const reported = line
                ? [line.beginningQty, line.incomingQty, line.outgoingQty, line.endingQty, line.beginningValueMinor, line.incomingValueMinor, line.outgoingValueMinor, line.endingValueMinor]
                : [0, 0, 0, 0, 0, 0, 0, 0];
              actual.push([month.from, skuId, locationId, ...reported.map((x) => x + 0)]);
              expected.push([month.from, skuId, locationId, ...[beginning[0], incoming[0], -outgoing[0], ending[0], beginning[1], incoming[1], -outgoing[1], ending[1]].map((x) => x + 0)]);
              if (line && (line.endingQty !== line.beginningQty + line.incomingQty - line.outgoingQty || line.endingValueMinor !== line.beginningValueMinor + line.incomingValueMinor - line.outgoingValueMinor)) {
                broken.push([month.from, skuId, locationId, 'report']);
              }
            }
          }
        }
        expect(broken).toEqual([]);
        expect(actual).toEqual(expected);
      }),
      { numRuns: NUM_RUNS },
    );
  }, PROPERTY_TIMEOUT_MS);

  it('(b) a closed shipment leaves 0 units and 0 value in transit; an open one holds what inTransitBySku says', () => {
    fc.assert(
      fc.property(historyArb, ({ rows, shipments, lastDay }) => {
        const { columns, values, valueOf } = valueRows(rows, CONTEXT);
        let openUnits = 0;
        for (const shipment of shipments) {
          const ref = `SHP-${shipment.id}`;
          const inTransit = inTransitBySku(shipment);
          for (const skuId of SKUS) {
            const transit = sumWhere(rows, valueOf, (m) => m.locationId === TRANSIT && m.ref === ref && m.skuId === skuId);
            if (shipment.status === 'received') expect([shipment.id, skuId, transit.qty, transit.value + 0]).toEqual([shipment.id, skuId, 0, 0]);
            else expect([shipment.id, skuId, transit.qty]).toEqual([shipment.id, skuId, inTransit.get(skuId) ?? 0]);
            if (transit.qty === 0) expect(transit.value + 0).toBe(0);
          }
          openUnits += [...inTransit.values()].reduce((sum, n) => sum + n, 0);
          // Discrepancies account for every unit: received − shipped = over + wrong SKU − short, per SKU.
          if (shipment.status === 'received') {
            const shipped = new Map<number, number>();
            for (const line of shipment.lines) shipped.set(line.skuId, (shipped.get(line.skuId) ?? 0) + line.qty);
            const received = new Map<number, number>();
            for (const receipt of shipment.receipts ?? []) for (const line of receipt.lines) received.set(line.skuId, (received.get(line.skuId) ?? 0) + line.qty);
            for (const skuId of new Set([...shipped.keys(), ...received.keys()])) {
              const signed = (shipment.discrepancies ?? [])
                .filter((d) => d.skuId === skuId)
                .reduce((sum, d) => sum + (d.kind === 'short' ? -d.qty : d.qty), 0);
              expect((received.get(skuId) ?? 0) - (shipped.get(skuId) ?? 0)).toBe(signed);
            }
          }
        }
        const transitBalance = balancesAt(columns, values, lastDay).filter((b) => b.locationId === TRANSIT);
        expect(transitBalance.reduce((sum, b) => sum + b.qty, 0)).toBe(openUnits);
      }),
      { numRuns: NUM_RUNS },
    );
  }, PROPERTY_TIMEOUT_MS);

  it('(c) transfers add exactly the landed cost; total value = receipts + landed cost + found − lost − sold', () => {
    fc.assert(
      fc.property(historyArb, ({ rows, shipments, lastDay }) => {
        const { columns, values, valueOf } = valueRows(rows, CONTEXT);
        expect([...values].filter((v) => !Number.isInteger(v))).toEqual([]);

        // Supplier receipts enter at round(qty × unit cost in base minor units).
        const receipts = sumWhere(rows, valueOf, (m) => m.type === 'receipt');
        const receiptValue = rows.filter((m) => m.type === 'receipt').reduce((sum, m) => sum + Math.round(m.qty * m.unitCostMinor!), 0);
        expect(receipts.value).toBe(receiptValue);

        // Landed cost of the units each shipment moved into its destination, from the shipment records alone.
        let landed = 0;
        for (const shipment of shipments) {
          if (!shipment.costs) continue;
          const { perLineMinor, totalMinor } = allocateLandedCost(shipment.lines, shipment.costs);
          const shipped = new Map<number, number>();
          const allocated = new Map<number, number>();
          shipment.lines.forEach((line, i) => {
            shipped.set(line.skuId, (shipped.get(line.skuId) ?? 0) + line.qty);
            allocated.set(line.skuId, (allocated.get(line.skuId) ?? 0) + perLineMinor[i]!);
          });
          const received = new Map<number, number>();
          for (const receipt of shipment.receipts ?? []) for (const line of receipt.lines) received.set(line.skuId, (received.get(line.skuId) ?? 0) + line.qty);
          let shipmentLanded = 0;
          for (const [skuId, units] of shipped) shipmentLanded += share(allocated.get(skuId)!, Math.min(units, received.get(skuId) ?? 0), units);
          const short = (shipment.discrepancies ?? []).some((d) => d.kind === 'short');
          if (shipment.status === 'received' && !short) expect(shipmentLanded).toBe(totalMinor);
          landed += shipmentLanded;
        }
        const transfers = sumWhere(rows, valueOf, (m) => m.type === 'transfer_in' || m.type === 'transfer_out');
        // Every transfer_out has its transfer_in: units net to 0, value to the landed cost.
        expect([transfers.qty, transfers.value]).toEqual([0, landed]);

        const found = sumWhere(rows, valueOf, (m) => m.type === 'adjustment' && m.reason === 'found');
        const lost = sumWhere(rows, valueOf, (m) => m.type === 'adjustment' && m.reason === 'lost');
        const sold = sumWhere(rows, valueOf, (m) => m.type === 'sale');
        const total = balancesAt(columns, values, lastDay).reduce((sum, b) => ({ qty: sum.qty + b.qty, value: sum.value + b.valueMinor }), { qty: 0, value: 0 });
        expect(total.value).toBe(receiptValue + landed + found.value + lost.value + sold.value);
        expect(found.value).toBeGreaterThanOrEqual(0);
        expect(lost.value).toBeLessThanOrEqual(0);
        expect(sold.value).toBeLessThanOrEqual(0);
      }),
      { numRuns: NUM_RUNS },
    );
  }, PROPERTY_TIMEOUT_MS);

  it('(d) units are conserved and PO receipts agree with the PO records; stock never goes below zero', () => {
    fc.assert(
      fc.property(historyArb, ({ rows, pos, lastDay }) => {
        const { columns, values, valueOf } = valueRows(rows, CONTEXT);
        const byType = (keep: (m: Movement) => boolean) => sumWhere(rows, valueOf, keep).qty;
        const total = balancesAt(columns, values, lastDay).reduce((sum, b) => sum + b.qty, 0);
        const received = byType((m) => m.type === 'receipt');
        const found = byType((m) => m.type === 'adjustment' && m.reason === 'found');
        const lost = byType((m) => m.type === 'adjustment' && m.reason === 'lost');
        const sold = byType((m) => m.type === 'sale');
        expect(total).toBe(received + found + lost + sold);

        for (const po of pos) {
          for (const line of po.lines) {
            const posted = byType((m) => m.type === 'receipt' && m.ref === po.number && m.skuId === line.skuId);
            const sameSku = po.lines.filter((other) => other.skuId === line.skuId).reduce((sum, other) => sum + receivedQty(po, other.lineId), 0);
            expect(posted).toBe(sameSku);
          }
          const full = po.lines.every((line) => receivedQty(po, line.lineId) >= line.qty);
          if (po.status === 'received') expect(full || (po.closedShort ?? []).length > 0).toBe(true);
          if (po.status === 'partially_received') expect(full).toBe(false);
          for (const { lineId, qty } of po.closedShort ?? []) expect(qty).toBe(po.lines.find((l) => l.lineId === lineId)!.qty - receivedQty(po, lineId));
        }

        for (let day = START_DAY; day <= lastDay; day += 3) {
          for (const balance of balancesAt(columns, values, day)) {
            expect(balance.qty).toBeGreaterThanOrEqual(0);
            if (balance.qty === 0) expect(balance.valueMinor + 0).toBe(0);
          }
        }
      }),
      { numRuns: NUM_RUNS },
    );
  }, PROPERTY_TIMEOUT_MS);
});
