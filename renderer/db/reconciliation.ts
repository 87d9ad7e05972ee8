// Reconciliation (PRODUCT §1.4): a stock snapshot (Manage FBA Inventory, the planning report, the
// ledger summary, a 3PL or domestic stock file) against StockPilot's balance at the same location
// and date, with the ledger events that explain each difference, and the lost/damaged units at
// Amazon the seller may claim. Runs in the ledger worker: it reads the whole ledger.
import { addDays, dayNumber, isoFromDay } from '../../shared/dates';
import { sellerSkuTarget } from '../../shared/ledger/amazonLedger';
import { MOVEMENT_TYPES } from '../../shared/model';
import type { IsoDate } from '../../shared/model';
import { claimableUnits, DEFAULT_WINDOW_DAYS, onHandUnits, reconcile } from '../../shared/reconcile';
import type { Claim, ReconcileEvent, ReconcileInput, ReconcileLine } from '../../shared/reconcile';
import { snapshotsFromLedgerSummary } from '../../shared/import/stored';
import type { SnapshotRow } from '../../shared/import/stored';
import type { StockPilotDatabase } from './schema';
import { readLedgerSnapshot } from './ledgerStore';
import { latestRows, snapshotScope } from './reports';
import { codeLookupOf, snapshotTarget } from './imports';
import { withStorageErrors } from './errors';

/** One snapshot the seller can reconcile against. */
export interface SnapshotSource {
  /** `${locationId}|${date}`. */
  id: string;
  locationId: number;
  date: IsoDate;
  reportKind: string;
  lineCount: number;
}

export interface ReconciliationView {
  sources: SnapshotSource[];
  source: SnapshotSource | null;
  lines: ReconcileLine[];
  /** Snapshot codes that map to no SKU, with their on-hand units. */
  unmapped: { code: string; units: number | null }[];
  /** Lost or damaged units at Amazon without a recovery or reimbursement (FBA locations). */
  claims: (Claim & { skuId: number | null })[];
}

/** Every snapshot, newest first: stored ones, and the ledger summary's latest day per marketplace. */
async function snapshotSources(db: StockPilotDatabase): Promise<{ source: SnapshotSource; rows: SnapshotRow[]; marketplace: string }[]> {
  const sources: { source: SnapshotSource; rows: SnapshotRow[]; marketplace: string }[] = [];
  const locations = await db.locations.toArray();
  for (const scope of (await latestRows(db, 'snapshot')).values()) {
    if (scope.locationId === null || scope.date === null) continue;
    const rows = [...scope.rows.values()];
    const marketplace = scope.marketplace ?? locations.find((l) => l.id === scope.locationId)?.marketplace ?? '';
    sources.push({ source: { id: scope.scope, locationId: scope.locationId, date: scope.date, reportKind: scope.reportKind, lineCount: rows.length }, rows, marketplace });
  }
  const summary = [...(await latestRows(db, 'ledgerSummary')).values()].flatMap((scope) => [...scope.rows.values()]);
  for (const { marketplace, ...day } of snapshotsFromLedgerSummary(summary)) {
    const location = locations.find((l) => l.kind === 'fba' && l.marketplace === marketplace);
    if (!location) continue;
    const id = `summary|${snapshotScope(location.id, day.date)}`;
    sources.push({ source: { id, locationId: location.id, date: day.date, reportKind: 'GET_LEDGER_SUMMARY_VIEW_DATA', lineCount: day.rows.length }, rows: day.rows, marketplace });
  }
  return sources.sort((a, b) => b.source.date.localeCompare(a.source.date) || a.source.id.localeCompare(b.source.id));
}

export async function reconciliation(db: StockPilotDatabase, sourceId: string | null): Promise<ReconciliationView> {
  return withStorageErrors(async () => {
    const all = await snapshotSources(db);
    const chosen = all.find((s) => s.source.id === sourceId) ?? all[0] ?? null;
    const view: ReconciliationView = { sources: all.map((s) => s.source), source: chosen?.source ?? null, lines: [], unmapped: [], claims: [] };
    if (!chosen) return view;
    const { locationId, date } = chosen.source;
    const lookup = await codeLookupOf(db);
    const skuByCode = new Map((await db.skus.toArray()).map((s) => [s.codeKey, s.id]));

    // The snapshot, per SKU, in SKU units (a 2-pack listing counts 2).
    const snapshotUnits = new Map<number, number | null>();
    for (const row of chosen.rows) {
      const target = snapshotTarget(row, chosen.marketplace, lookup, skuByCode);
      const units = onHandUnits(row);
      if (!target) {
        view.unmapped.push({ code: row.code, units });
        continue;
      }
      const before = snapshotUnits.get(target.skuId);
      snapshotUnits.set(target.skuId, units === null ? (before ?? null) : (before ?? 0) + units * target.unitsPerListing);
    }

    // The ledger at that location: the balance at the end of the date, and the events near it.
    const { columns } = await readLedgerSnapshot(db);
    const day = dayNumber(date);
    const fromDay = dayNumber(addDays(date, -DEFAULT_WINDOW_DAYS));
    const toDay = dayNumber(addDays(date, DEFAULT_WINDOW_DAYS));
    const balance = new Map<number, number>();
    const events = new Map<number, ReconcileEvent[]>();
    for (let i = 0; i < columns.length; i++) {
      if (columns.locationId[i] !== locationId) continue;
      const skuId = columns.skuId[i]!;
      const d = columns.day[i]!;
      if (d <= day) balance.set(skuId, (balance.get(skuId) ?? 0) + columns.qty[i]!);
      if (d >= fromDay && d <= toDay) {
        const ref = columns.ref[i]!;
        const list = events.get(skuId) ?? [];
        list.push({ day: isoFromDay(d), type: MOVEMENT_TYPES[columns.type[i]!] ?? '', quantity: columns.qty[i]!, reference: ref >= 0 ? (columns.refs[ref] ?? '') : '' });
        events.set(skuId, list);
      }
    }
    const skuIds = new Set([...snapshotUnits.keys(), ...[...balance].filter(([, qty]) => qty !== 0).map(([id]) => id)]);
    const inputs: ReconcileInput[] = [...skuIds].map((skuId) => ({ skuId, snapshotUnits: snapshotUnits.has(skuId) ? snapshotUnits.get(skuId)! : null, ledgerUnits: balance.get(skuId) ?? 0, events: events.get(skuId) ?? [] }));
    view.lines = reconcile(inputs, { snapshotDay: date, windowDays: DEFAULT_WINDOW_DAYS });

    const location = await db.locations.get(locationId);
    if (location?.kind === 'fba') {
      const adjustments = [...(await latestRows(db, 'adjustments')).values()].flatMap((scope) => [...scope.rows.values()]).filter((a) => a.marketplace === location.marketplace);
      view.claims = claimableUnits(adjustments, date).map((claim) => ({
        ...claim,
        skuId: (claim.fnsku ? lookup.byFnsku.get(claim.fnsku.toUpperCase())?.skuId : undefined) ?? sellerSkuTarget(lookup, claim.marketplace, claim.msku)?.skuId ?? null,
      }));
    }
    return view;
  });
}
