// Purchasing and logistics in the database: suppliers, purchase orders, exchange rates, shipments
// with landed cost and discrepancies. Each change that moves stock writes the record and its
// movements in one transaction, after the same below-zero check as any manual posting.
import { DomainError, isDomainError } from '../../shared/errors';
import { addDays } from '../../shared/dates';
import { minorToAmountText } from '../../shared/money';
import type { IsoDate, PurchaseOrder, Shipment, Supplier } from '../../shared/model';
import { parseSupplierDraft } from '../../shared/purchasing/suppliers';
import { parseExchangeRateDraft, rateOn } from '../../shared/purchasing/exchangeRates';
import { planLineUnitCost } from '../../shared/purchasing/planDrafts';
import {
  cancelPurchaseOrder as cancelPo,
  closePurchaseOrderShort as closePoShort,
  nextPoNumber,
  parsePurchaseOrderDraft,
  receivePurchaseOrder as receivePo,
  sendPurchaseOrder as sendPo,
} from '../../shared/purchasing/purchaseOrders';
import { parseShipmentPlanDraft, receiveShipment as receiveShipmentCore, shipMovements } from '../../shared/purchasing/shipments';
import { checkLegDays, checkLegDefaultTarget, legDefaultKey } from '../../shared/purchasing/routeLeadTimes';
import type { LegDefaultTarget } from '../../shared/purchasing/routeLeadTimes';
import type { StockPilotDatabase } from './schema';
import { toDomainError, withStorageErrors } from './errors';
import { postChecked, postingTables, requireSkuAndLocation } from './ledger';
import { readSettings } from './settings';

export type SupplierDraft = Parameters<typeof parseSupplierDraft>[0];
export type PurchaseOrderDraft = Parameters<typeof parsePurchaseOrderDraft>[0];
export type ShipmentPlanDraft = Parameters<typeof parseShipmentPlanDraft>[0];
export type ExchangeRateDraft = Parameters<typeof parseExchangeRateDraft>[0];

export async function saveSupplier(db: StockPilotDatabase, draft: SupplierDraft, id?: number): Promise<number> {
  const fields = parseSupplierDraft(draft);
  return withStorageErrors(() =>
    db.transaction('rw', db.suppliers, async () => {
      const sameName = (await db.suppliers.toArray()).find((s) => s.name.trim().toLowerCase() === fields.name.trim().toLowerCase() && s.id !== id);
      if (sameName) throw new DomainError('supplier.duplicateName', { name: fields.name });
      if (id === undefined) return db.suppliers.add({ ...fields, archived: false } satisfies Omit<Supplier, 'id'>);
      await db.suppliers.update(id, fields);
      return id;
    }),
  );
}

export async function saveExchangeRate(db: StockPilotDatabase, draft: ExchangeRateDraft): Promise<number> {
  const fields = parseExchangeRateDraft(draft);
  return withStorageErrors(() =>
    db.transaction('rw', db.exchangeRates, async () => {
      // One rate per currency and day: entering it again corrects it.
      const same = await db.exchangeRates.where('[currency+date]').equals([fields.currency, fields.date]).first();
      if (same) {
        await db.exchangeRates.update(same.id, { rate: fields.rate });
        return same.id;
      }
      return db.exchangeRates.add(fields);
    }),
  );
}

async function requirePo(db: StockPilotDatabase, id: number): Promise<PurchaseOrder> {
  const po = await db.purchaseOrders.get(id);
  if (!po) throw new DomainError('purchase.notFound', { id });
  return po;
}

/** The tables writePurchaseOrder reads and writes: a transaction that calls it must cover them. */
const purchaseOrderTables = (db: StockPilotDatabase) => [db.purchaseOrders, db.suppliers, db.skus, db.locations, db.skuSourcing];

/**
 * Validates, numbers and stores a draft purchase order inside the caller's transaction (which covers
 * purchaseOrderTables). `fromPlan` marks a draft made from the replenishment plan of that date.
 * `takenNumbers`, from a caller writing several new drafts in one transaction, are the numbers of
 * every stored order (read once instead of once per draft); the new draft's number is added to them.
 */
async function writePurchaseOrder(db: StockPilotDatabase, draft: PurchaseOrderDraft, id?: number, fromPlan?: IsoDate, takenNumbers?: string[]): Promise<number> {
  const numbers = id === undefined && takenNumbers ? takenNumbers : (await db.purchaseOrders.toArray()).filter((p) => p.id !== id).map((p) => p.number);
  const number = draft.number.trim() || nextPoNumber(numbers, Number(draft.orderDate.slice(0, 4)) || new Date().getFullYear());
  const fields = parsePurchaseOrderDraft({ ...draft, number });
  if (numbers.some((n) => n.toUpperCase() === fields.number.toUpperCase())) throw new DomainError('purchase.duplicateNumber', { number: fields.number });
  if (!(await db.suppliers.get(fields.supplierId))) throw new DomainError('field.required', { field: 'supplier' });
  const location = await db.locations.get(fields.locationId);
  if (!location || location.kind === 'transit') throw new DomainError('field.required', { field: 'location' });
  for (const line of fields.lines) if (!(await db.skus.get(line.skuId))) throw new DomainError('field.required', { field: 'sku' });
  // A SKU bought from this supplier for the first time is from now on sourced from it.
  for (const line of fields.lines) if (!(await db.skuSourcing.get(line.skuId))) await db.skuSourcing.put({ skuId: line.skuId, supplierId: fields.supplierId });
  if (id === undefined) {
    const added = await db.purchaseOrders.add({ ...fields, status: 'draft', receipts: [], ...(fromPlan ? { fromPlan } : {}) } satisfies Omit<PurchaseOrder, 'id'>);
    takenNumbers?.push(fields.number);
    return added;
  }
  const before = await requirePo(db, id);
  if (before.status !== 'draft') throw new DomainError('purchase.notDraft', { number: before.number });
  await db.purchaseOrders.update(id, fields);
  return id;
}

/** Saves a draft purchase order (new, or an existing draft edited); a blank number gets the next one. */
export async function savePurchaseOrder(db: StockPilotDatabase, draft: PurchaseOrderDraft, id?: number): Promise<number> {
  return withStorageErrors(() => db.transaction('rw', purchaseOrderTables(db), () => writePurchaseOrder(db, draft, id)));
}

/** A line of the plan's buy list: what to order of a SKU, from its supplier (null: none yet). */
export interface PlanBuyLine {
  skuId: number;
  supplierId: number | null;
  qty: number;
}

export interface PlanDraftsInput {
  /** The plan's date: the drafts' order date, and the mark that tells a plan draft from one made by hand. */
  planDate: IsoDate;
  note: string;
  lines: readonly PlanBuyLine[];
}

export interface PlanDraftsResult {
  created: { supplier: string; number: string }[];
  /** Suppliers left alone because a draft made from the plan (the one of `planDate`) is still open for them. */
  skipped: { supplier: string; number: string; planDate: IsoDate }[];
  /** Suppliers left without a draft because a SKU has no price in their currency (no rate, no earlier PO). */
  unpriced: { supplier: string; sku: string; skuCurrency: string; currency: string }[];
  /** SKUs priced from the supplier's last PO for want of an exchange rate: the seller should check them. */
  pricedFromLastOrder: string[];
  /** SKUs to buy that have no supplier yet, or only an archived one. */
  withoutSupplier: number;
  /** No domestic warehouse to receive into: nothing was created. */
  noWarehouse: boolean;
}

/** A draft from the plan was refused: nothing was created. Names the supplier and, when one is at fault, the SKU. */
export class PlanDraftError extends Error {
  constructor(
    readonly supplier: string,
    readonly sku: string | null,
    readonly reason: DomainError,
  ) {
    super(`${supplier}${sku ? ` / ${sku}` : ''}: ${reason.code}`);
    this.name = 'PlanDraftError';
  }
}

/**
 * Creates a PO draft per supplier from the plan's buy lines, all in one transaction: every draft or
 * none. A supplier that still has an open draft made from the plan is skipped, so a second click
 * never orders twice; sending or cancelling that draft lets the plan draft the supplier again.
 */
export async function createDraftsFromPlan(db: StockPilotDatabase, input: PlanDraftsInput): Promise<PlanDraftsResult> {
  const result: PlanDraftsResult = { created: [], skipped: [], unpriced: [], pricedFromLastOrder: [], withoutSupplier: 0, noWarehouse: false };
  try {
    await db.transaction('rw', [...purchaseOrderTables(db), db.exchangeRates, db.settings], async () => {
      const warehouse = (await db.locations.where('kind').equals('domestic').sortBy('id')).find((l) => !l.archived);
      if (!warehouse) {
        result.noWarehouse = true;
        return;
      }
      const suppliers = new Map((await db.suppliers.toArray()).map((s) => [s.id, s]));
      const bySupplier = new Map<Supplier, PlanBuyLine[]>();
      for (const line of input.lines) {
        // An archived supplier is one the seller no longer buys from: its SKUs wait for a new one.
        const supplier = line.supplierId === null ? undefined : suppliers.get(line.supplierId);
        if (!supplier || supplier.archived) result.withoutSupplier++;
        else bySupplier.set(supplier, [...(bySupplier.get(supplier) ?? []), line]);
      }
      const purchaseOrders = await db.purchaseOrders.toArray();
      const takenNumbers = purchaseOrders.map((po) => po.number);
      const rates = await db.exchangeRates.toArray();
      const { baseCurrency } = await readSettings(db);
      // By name, so the PO numbers follow the order the seller reads the suppliers in.
      for (const [supplier, lines] of [...bySupplier].sort(([a], [b]) => a.name.localeCompare(b.name))) {
        // Drafts are not on order for the plan, so any open plan draft (of this or an earlier plan) would be ordered twice.
        const open = purchaseOrders.find((po) => po.supplierId === supplier.id && po.status === 'draft' && po.fromPlan !== undefined);
        if (open) {
          result.skipped.push({ supplier: supplier.name, number: open.number, planDate: open.fromPlan! });
          continue;
        }
        const priced: { skuId: number; code: string; qty: number; unitCostMinor: number }[] = [];
        const fromLastOrder: string[] = [];
        const unpriced: PlanDraftsResult['unpriced'] = [];
        for (const line of lines) {
          const sku = await db.skus.get(line.skuId);
          if (!sku) throw new PlanDraftError(supplier.name, `#${line.skuId}`, new DomainError('sku.notFound', { id: line.skuId }));
          const cost = planLineUnitCost(sku, { supplier, date: input.planDate, rates, baseCurrency, purchaseOrders });
          if (cost.source === 'none') unpriced.push({ supplier: supplier.name, sku: sku.code, skuCurrency: sku.costCurrency, currency: supplier.currency });
          else priced.push({ skuId: sku.id, code: sku.code, qty: line.qty, unitCostMinor: cost.unitCostMinor });
          if (cost.source === 'lastOrder') fromLastOrder.push(sku.code);
        }
        // A draft missing a line would under-order without saying so: the whole supplier waits for its rate.
        if (unpriced.length > 0) {
          result.unpriced.push(...unpriced);
          continue;
        }
        const draft: PurchaseOrderDraft = {
          number: '',
          supplierId: supplier.id,
          orderDate: input.planDate,
          expectedDate: addDays(input.planDate, Math.round(supplier.productionDaysMean)),
          currency: supplier.currency,
          locationId: warehouse.id,
          note: input.note,
          lines: priced.map((l) => ({ skuId: l.skuId, qty: String(l.qty), unitCost: minorToAmountText(l.unitCostMinor, supplier.currency) })),
        };
        let id: number;
        try {
          id = await writePurchaseOrder(db, draft, undefined, input.planDate, takenNumbers);
        } catch (error) {
          if (!isDomainError(error)) throw error;
          // The line number of the form means nothing here: name the SKU instead.
          const { line, ...params } = error.params;
          const sku = typeof line === 'number' ? (priced[line - 1]?.code ?? null) : null;
          throw new PlanDraftError(supplier.name, sku, new DomainError(error.code, params));
        }
        result.created.push({ supplier: supplier.name, number: (await db.purchaseOrders.get(id))!.number });
        result.pricedFromLastOrder.push(...fromLastOrder);
      }
    });
  } catch (error) {
    if (error instanceof PlanDraftError) throw error;
    throw toDomainError(error);
  }
  return result;
}

async function transition(db: StockPilotDatabase, id: number, change: (po: PurchaseOrder) => PurchaseOrder): Promise<void> {
  await withStorageErrors(() =>
    db.transaction('rw', db.purchaseOrders, async () => {
      const next = change(await requirePo(db, id));
      await db.purchaseOrders.put(next);
    }),
  );
}

export const sendPurchaseOrder = (db: StockPilotDatabase, id: number) => transition(db, id, (po) => sendPo(po));
export const cancelPurchaseOrder = (db: StockPilotDatabase, id: number) => transition(db, id, (po) => cancelPo(po));
export const closePurchaseOrderShort = (db: StockPilotDatabase, id: number, date: IsoDate) => transition(db, id, (po) => closePoShort(po, date));

/** Receives (part of) a PO into its warehouse: receipt movements at the PO's cost in the base currency. */
export async function receivePurchaseOrder(db: StockPilotDatabase, id: number, receipt: { date: IsoDate; lines: { lineId: number; qty: number }[] }, allowOver = false): Promise<void> {
  await withStorageErrors(() =>
    db.transaction('rw', [...postingTables(db), db.purchaseOrders, db.exchangeRates, db.settings], async () => {
      const po = await requirePo(db, id);
      const { baseCurrency } = await readSettings(db);
      const exchangeRate = rateOn(await db.exchangeRates.toArray(), po.currency, receipt.date, baseCurrency);
      const { po: next, movements } = receivePo(po, receipt, { exchangeRate, baseCurrency, allowOver });
      for (const m of movements) await requireSkuAndLocation(db, m.skuId, m.locationId);
      if (movements.length > 0) await postChecked(db, movements);
      await db.purchaseOrders.put(next);
    }),
  );
}

async function transitLocation(db: StockPilotDatabase): Promise<number> {
  const transit = await db.locations.where('kind').equals('transit').first();
  if (!transit) throw new DomainError('location.notFound', { id: 'transit' });
  return transit.id;
}

/** Creates a shipment and ships it: the units leave the origin into the shipment's transit balance. */
export async function createShipment(db: StockPilotDatabase, draft: ShipmentPlanDraft): Promise<number> {
  return withStorageErrors(() =>
    db.transaction('rw', postingTables(db), async () => {
      const fields = parseShipmentPlanDraft(draft);
      for (const line of fields.lines) {
        await requireSkuAndLocation(db, line.skuId, fields.fromLocationId);
        await requireSkuAndLocation(db, line.skuId, fields.toLocationId);
      }
      const shipment: Omit<Shipment, 'id'> = { ...fields, status: 'in_transit', receipts: [], discrepancies: [] };
      const id = await db.shipments.add(shipment);
      await postChecked(db, shipMovements({ ...shipment, id }, await transitLocation(db)));
      return id;
    }),
  );
}

/**
 * Receives (part of) a shipment at its destination, with landed cost per unit; `close` ends it,
 * writing off what never arrived and recording short, over and wrong-SKU lines as discrepancies.
 */
export async function receiveShipment(
  db: StockPilotDatabase,
  id: number,
  receipt: { date: IsoDate; lines: { skuId: number; qty: number }[] },
  options: { allowOver?: boolean; close?: boolean } = {},
): Promise<Shipment> {
  return (await receiveShipmentPosting(db, id, receipt, options)).shipment;
}

/** receiveShipment, also handing back the ids of the movements the receipt posted (an import keeps them to undo it). */
export async function receiveShipmentPosting(
  db: StockPilotDatabase,
  id: number,
  receipt: { date: IsoDate; lines: { skuId: number; qty: number }[] },
  options: { allowOver?: boolean; close?: boolean } = {},
): Promise<{ shipment: Shipment; movementIds: number[] }> {
  return withStorageErrors(() =>
    db.transaction('rw', postingTables(db), async () => {
      const shipment = await db.shipments.get(id);
      if (!shipment) throw new DomainError('shipment.notFound', { id });
      for (const line of receipt.lines) if (!(await db.skus.get(line.skuId))) throw new DomainError('field.required', { field: 'sku' });
      let result: ReturnType<typeof receiveShipmentCore>;
      try {
        result = receiveShipmentCore(shipment, receipt, { transitLocationId: await transitLocation(db), ...options });
      } catch (error) {
        // The core names SKUs by id; the seller knows them by code.
        if (error instanceof DomainError && typeof error.params.sku === 'number') {
          throw new DomainError(error.code, { ...error.params, sku: (await db.skus.get(error.params.sku))?.code ?? String(error.params.sku) });
        }
        throw error;
      }
      const movementIds = result.movements.length > 0 ? await postChecked(db, result.movements) : [];
      await db.shipments.put(result.shipment);
      return { shipment: result.shipment, movementIds };
    }),
  );
}

/** The supplier each SKU is bought from. */
export async function setSkuSupplier(db: StockPilotDatabase, skuId: number, supplierId: number | null): Promise<void> {
  await withStorageErrors(async () => {
    if (supplierId === null) await db.skuSourcing.delete(skuId);
    else await db.skuSourcing.put({ skuId, supplierId });
  });
}

/** A lead-time default or override (see LeadTimeRecord for the keys); null removes it. */
export async function setLeadTime(db: StockPilotDatabase, key: string, value: { meanDays: number; sdDays: number } | null): Promise<void> {
  if (value) checkLegDays(value);
  await withStorageErrors(async () => {
    if (value === null) await db.leadTimes.delete(key);
    else await db.leadTimes.put({ key, ...value });
  });
}

/**
 * The seller's default for handling at an origin, receiving at a destination or transport on a route
 * (PRODUCT §3), for every SKU without its own figure; null clears it. The days and the place are
 * checked (against the locations as they are now, in the same transaction) before anything is written.
 */
export async function setLegDefault(db: StockPilotDatabase, target: LegDefaultTarget, value: { meanDays: number; sdDays: number } | null): Promise<void> {
  if (value) checkLegDays(value);
  const key = legDefaultKey(target);
  await withStorageErrors(() =>
    db.transaction('rw', db.locations, db.leadTimes, async () => {
      if (value === null) {
        await db.leadTimes.delete(key);
        return;
      }
      checkLegDefaultTarget(target, await db.locations.toArray());
      await db.leadTimes.put({ key, meanDays: value.meanDays, sdDays: value.sdDays });
    }),
  );
}
