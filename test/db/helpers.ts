// Shared helpers for the database tests. Each test gets its own uniquely named database; the app's
// global `db` (renderer/db/index.ts) is never imported here.
import { expect } from 'vitest';
import Dexie from 'dexie';
import { StockPilotDatabase } from '../../renderer/db/schema';
import { createLocation, createSku } from '../../renderer/db/catalog';
import type { SkuDraft } from '../../shared/catalog/catalog';
import { DomainError } from '../../shared/errors';
import type { DomainErrorCode, ErrorParams } from '../../shared/errors';
import type { ShipmentMode } from '../../shared/model';
import { dayNumber } from '../../shared/dates';
import { createShipment } from '../../renderer/db/purchasing';
import { gatherPlanInput } from '../../renderer/db/planning';

let counter = 0;

export function uniqueDbName(prefix = 'stockpilot-test'): string {
  counter += 1;
  return `${prefix}-${counter}-${crypto.randomUUID()}`;
}

const opened: StockPilotDatabase[] = [];

/** A new, opened database with a unique name. Call `disposeDatabases()` in afterEach. */
export async function freshDb(): Promise<StockPilotDatabase> {
  const db = new StockPilotDatabase(uniqueDbName());
  opened.push(db);
  await db.open();
  return db;
}

/** Registers a database opened elsewhere so `disposeDatabases()` deletes it too. */
export function track(db: StockPilotDatabase): StockPilotDatabase {
  opened.push(db);
  return db;
}

export async function disposeDatabases(): Promise<void> {
  const dbs = opened.splice(0);
  for (const db of dbs) db.close();
  for (const name of new Set(dbs.map((db) => db.name))) await Dexie.delete(name);
}

export const NOW = '2024-05-01T09:00:00.000Z';
export const LATER = '2024-05-02T10:30:00.000Z';

export function skuDraft(overrides: Partial<SkuDraft> = {}): SkuDraft {
  return { code: 'CASE-01', name: 'Phone case', unitCost: '2.50', costCurrency: 'USD', casePack: '50', moq: '500', barcode: '', ...overrides };
}

export async function addSku(db: StockPilotDatabase, code: string, overrides: Partial<SkuDraft> = {}): Promise<number> {
  return createSku(db, skuDraft({ code, ...overrides }), NOW);
}

export async function locationIds(db: StockPilotDatabase): Promise<{ domestic: number; transit: number }> {
  const domestic = await db.locations.where('kind').equals('domestic').first();
  const transit = await db.locations.where('kind').equals('transit').first();
  if (!domestic || !transit) throw new Error('default locations missing');
  return { domestic: domestic.id, transit: transit.id };
}

export async function addFba(db: StockPilotDatabase, marketplace = 'US'): Promise<number> {
  return createLocation(db, { name: `FBA ${marketplace}`, kind: 'fba', marketplace });
}

/** Full contents of the named tables, in primary-key order. */
export async function snapshot(db: StockPilotDatabase, ...tables: string[]): Promise<Record<string, unknown[]>> {
  const result: Record<string, unknown[]> = {};
  for (const name of tables) result[name] = await db.table(name).toArray();
  return result;
}

/** Awaits a promise that must reject with a DomainError of `code` (and, if given, these params). */
export async function expectDomainError(promise: Promise<unknown>, code: DomainErrorCode, params?: ErrorParams): Promise<DomainError> {
  let caught: unknown;
  try {
    await promise;
  } catch (error) {
    caught = error;
  }
  expect(caught, `expected DomainError ${code}, but nothing was thrown`).toBeDefined();
  expect(caught).toBeInstanceOf(DomainError);
  const error = caught as DomainError;
  expect(error.code).toBe(code);
  if (params) expect(error.params).toEqual(params);
  return error;
}

/** Runs an operation that must be refused with `code`, and checks the tables are exactly as before. */
export async function expectRefusedUnchanged(
  db: StockPilotDatabase,
  tables: string[],
  operation: () => Promise<unknown>,
  code: DomainErrorCode,
  params?: ErrorParams,
): Promise<DomainError> {
  const before = await snapshot(db, ...tables);
  const error = await expectDomainError(operation(), code, params);
  expect(await snapshot(db, ...tables)).toEqual(before);
  return error;
}

/** A shipment of one SKU (no costs, no carrier), as the plan tests make them; its id. */
export async function shipOne(db: StockPilotDatabase, s: { from: number; to: number; shipDate: string; eta: string; mode: ShipmentMode; skuId: number; units: number }): Promise<number> {
  return createShipment(db, {
    fromLocationId: s.from,
    toLocationId: s.to,
    shipDate: s.shipDate,
    eta: s.eta,
    mode: s.mode,
    carrier: '',
    trackingNumber: '',
    fbaShipmentId: '',
    note: '',
    baseCurrency: 'USD',
    costs: { freight: '', duties: '', fees: '', basis: 'units' },
    lines: [{ skuId: s.skuId, qty: String(s.units), casePack: '', cartons: '', unitWeightKg: '', unitVolumeM3: '' }],
  });
}

/** Units of a SKU's demand series at a location, per day from `from` to `to` (inclusive), as the plan reads them on `today` (gatherPlanInput). */
export async function planUnitsByDay(db: StockPilotDatabase, today: string, skuId: number, locationId: number, from: string, to: string): Promise<number[]> {
  const { history } = await gatherPlanInput(db, today, { readMs: 0, historyMs: 0, inputsMs: 0, computeMs: 0 });
  const s = history.series.findIndex((x) => x.skuId === skuId && x.locationId === locationId);
  expect(s, `series of SKU ${skuId}`).toBeGreaterThanOrEqual(0);
  const out: number[] = [];
  for (let day = dayNumber(from); day <= dayNumber(to); day++) out.push(history.units[s * history.days + day - history.firstDay]!);
  return out;
}
