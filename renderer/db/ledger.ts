// Posting movements and reading balances. Every posting runs in one transaction that first
// re-reads the balances it depends on, so a refused posting writes nothing.
import { DomainError } from '../../shared/errors';
import { dayNumber } from '../../shared/dates';
import {
  buildAdjustment,
  buildReceipt,
  buildSaleOrReturn,
  checkSaleOrReturnLocation,
  dispatchMovements,
  findShortfall,
  parseShipmentDraft,
  receiveMovements,
} from '../../shared/ledger/postings';
import type { AdjustmentDraft, ReceiptDraft, SaleOrReturnDraft, SaleOrReturnType, ShipmentDraft } from '../../shared/ledger/postings';
import { balancesAt, periodReport, valueMovements } from '../../shared/ledger';
import type { MovementColumns } from '../../shared/ledger';
import type { PeriodLine, StockBalance } from '../../shared/ledger';
import type { IsoDate, Location, Movement, MovementInput } from '../../shared/model';
import { parseDate } from '../../shared/catalog/fields';
import type { StockPilotDatabase } from './schema';
import { withStorageErrors } from './errors';
import { transitLocationId } from './catalog';
import { bumpLedgerVersion, movementsAt, readLedgerSnapshot } from './ledgerStore';

async function transitIds(db: StockPilotDatabase): Promise<Set<number>> {
  return new Set(await db.locations.where('kind').equals('transit').primaryKeys());
}

/** Tables a manual posting reads and writes; one transaction covers them all. */
export function postingTables(db: StockPilotDatabase) {
  return [db.movements, db.shipments, db.skus, db.locations, db.movementBlocks, db.ledgerState];
}

/**
 * Adds movements after checking that no touched balance goes below zero on any day, counting
 * imported (block) movements too, and bumps the ledger version so the summaries are rebuilt.
 */
export async function postChecked(db: StockPilotDatabase, additions: MovementInput[]): Promise<number[]> {
  const transit = await transitIds(db);
  const pairs = [...new Set(additions.filter((m) => m.qty < 0).map((m) => `${m.skuId}|${m.locationId}`))];
  const existing = (
    await Promise.all(
      pairs.map((pair) => {
        const [skuId, locationId] = pair.split('|').map(Number) as [number, number];
        return movementsAt(db, skuId, locationId);
      }),
    )
  ).flat();
  const shortfall = findShortfall(existing, additions, transit);
  if (shortfall) {
    const [sku, location] = await Promise.all([db.skus.get(shortfall.skuId), db.locations.get(shortfall.locationId)]);
    throw new DomainError('movement.belowZero', {
      sku: sku?.code ?? String(shortfall.skuId),
      location: location?.name ?? String(shortfall.locationId),
      available: shortfall.availableQty,
      requested: shortfall.requestedQty,
      date: shortfall.date,
    });
  }
  const ids = await db.movements.bulkAdd(additions, { allKeys: true });
  await bumpLedgerVersion(db);
  return ids;
}

export async function requireSkuAndLocation(db: StockPilotDatabase, skuId: number, locationId: number): Promise<Location> {
  if (!(await db.skus.get(skuId))) throw new DomainError('field.required', { field: 'sku' });
  const location = await db.locations.get(locationId);
  if (!location) throw new DomainError('field.required', { field: 'location' });
  if (location.kind === 'transit') throw new DomainError('movement.transitNotAllowed');
  return location;
}

export async function postReceipt(db: StockPilotDatabase, draft: ReceiptDraft, baseCurrency: string): Promise<void> {
  const additions = buildReceipt(draft, baseCurrency);
  await withStorageErrors(() =>
    db.transaction('rw', postingTables(db), async () => {
      await requireSkuAndLocation(db, draft.skuId, draft.locationId);
      await postChecked(db, additions);
    }),
  );
}

export async function postAdjustment(db: StockPilotDatabase, draft: AdjustmentDraft): Promise<void> {
  const additions = buildAdjustment(draft);
  await withStorageErrors(() =>
    db.transaction('rw', postingTables(db), async () => {
      await requireSkuAndLocation(db, draft.skuId, draft.locationId);
      await postChecked(db, additions);
    }),
  );
}

/**
 * A sale, customer return or return to a supplier entered by hand, at a location of a kind it may be
 * recorded at; what leaves passes the same below-zero check as an adjustment.
 */
export async function postSaleOrReturn(db: StockPilotDatabase, type: SaleOrReturnType, draft: SaleOrReturnDraft): Promise<void> {
  const additions = buildSaleOrReturn(type, draft);
  await withStorageErrors(() =>
    db.transaction('rw', postingTables(db), async () => {
      checkSaleOrReturnLocation(type, await requireSkuAndLocation(db, draft.skuId, draft.locationId));
      await postChecked(db, additions);
    }),
  );
}

/** Creates a shipment and ships it: the units leave the origin and sit in transit. */
export async function shipTransfer(db: StockPilotDatabase, draft: ShipmentDraft): Promise<number> {
  const fields = parseShipmentDraft(draft);
  return withStorageErrors(() =>
    db.transaction('rw', postingTables(db), async () => {
      for (const line of fields.lines) {
        await requireSkuAndLocation(db, line.skuId, fields.fromLocationId);
        await requireSkuAndLocation(db, line.skuId, fields.toLocationId);
      }
      const id = await db.shipments.add(fields);
      await postChecked(db, dispatchMovements({ ...fields, id }, await transitLocationId(db)));
      return id;
    }),
  );
}

export async function receiveTransfer(db: StockPilotDatabase, shipmentId: number, receivedDate: IsoDate): Promise<void> {
  await withStorageErrors(() =>
    db.transaction('rw', postingTables(db), async () => {
      const shipment = await db.shipments.get(shipmentId);
      if (!shipment) throw new DomainError('shipment.notFound', { id: shipmentId });
      await postChecked(db, receiveMovements(shipment, receivedDate, await transitLocationId(db)));
      await db.shipments.update(shipmentId, { status: 'received', receivedDate });
    }),
  );
}

/** Whether a manual movement may be reversed by hand (shipment legs go through their shipment). */
export function isReversible(movement: Movement): boolean {
  return movement.type !== 'transfer_out' && movement.type !== 'transfer_in' && movement.reversesId === undefined;
}

/**
 * Corrects a manual movement by posting its opposite on `date` (movements are never edited). The
 * reversal passes the same below-zero check as any posting.
 */
export async function reverseMovement(db: StockPilotDatabase, movementId: number, date: IsoDate): Promise<number> {
  return withStorageErrors(() =>
    db.transaction('rw', postingTables(db), async () => {
      const original = await db.movements.get(movementId);
      if (!original) throw new DomainError('movement.notFound', { id: movementId });
      if (!isReversible(original)) throw new DomainError('movement.notReversible', { id: movementId });
      const earlier = await db.movements.filter((m) => m.reversesId === movementId).first();
      if (earlier) throw new DomainError('movement.alreadyReversed', { id: movementId, by: earlier.id });
      const reversal: MovementInput = {
        date: parseDate('date', date),
        skuId: original.skuId,
        locationId: original.locationId,
        qty: -original.qty,
        type: original.type,
        source: 'manual',
        reversesId: movementId,
        ...(original.reason ? { reason: original.reason } : {}),
        ...(original.ref ? { ref: original.ref } : {}),
      };
      const [id] = await postChecked(db, [reversal]);
      return id!;
    }),
  );
}

/** Everything the stock screens need, computed from the ledger in one pass. */
export interface LedgerView {
  columns: MovementColumns;
  values: Float64Array;
  transitLocationIds: Set<number>;
}

/** Every movement, valued: for exact as-of balances and day-exact reports (screens use the summaries). */
export async function loadLedger(db: StockPilotDatabase): Promise<LedgerView> {
  const snapshot = await readLedgerSnapshot(db);
  return {
    columns: snapshot.columns,
    values: valueMovements(snapshot.columns, snapshot.context),
    transitLocationIds: new Set(snapshot.context.transitLocationIds),
  };
}

export function stockAt(ledger: LedgerView, asOf: IsoDate): StockBalance[] {
  return balancesAt(ledger.columns, ledger.values, dayNumber(asOf));
}

export function periodLines(ledger: LedgerView, from: IsoDate, to: IsoDate): PeriodLine[] {
  return periodReport(ledger.columns, ledger.values, dayNumber(from), dayNumber(to));
}
