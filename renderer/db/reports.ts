// Report rows kept beside the ledger (snapshots, demand, adjustments, returns, restock, business
// report): reading the latest row per scope and key, and writing an import's new and changed rows.
import type { KeyedRow, StoredKind } from '../../shared/import/stored';
import { diffRows } from '../../shared/import/stored';
import type { IsoDate } from '../../shared/model';
import type { ReportRowsRecord, StockPilotDatabase } from './schema';
import { REPORT_CHUNK_ROWS } from './schema';

type RowsOf<K extends StoredKind> = Extract<ReportRowsRecord, { kind: K }>['rows'][number];

/** The latest rows of one scope, with where they came from. */
export interface ScopeRows<K extends StoredKind> {
  scope: string;
  reportKind: string;
  marketplace: string | null;
  locationId: number | null;
  date: IsoDate | null;
  /** The batch of the newest row in the scope. */
  batchId: string;
  rows: Map<string, RowsOf<K>>;
}

/**
 * Kinds whose scope is one whole report (a stock count on a date, Amazon's current restock advice, a
 * business report): the latest batch's rows replace the scope entirely, so a line missing from a
 * newer download is gone. Other kinds (demand, returns, adjustments, ledger summary days) collect
 * events from overlapping reports: the latest row per key wins.
 */
const WHOLE_SCOPE_KINDS: ReadonlySet<StoredKind> = new Set(['snapshot', 'reserved', 'restock', 'business']);

/**
 * Every scope of a kind, with its current rows (batches in creation order; see WHOLE_SCOPE_KINDS).
 * `observe` sees each stored chunk as read, with the batch its rows came from (the merged rows no
 * longer say which import each came from).
 */
export async function latestRows<K extends StoredKind>(db: StockPilotDatabase, kind: K, observe?: (batchId: string, rows: readonly RowsOf<K>[]) => void): Promise<Map<string, ScopeRows<K>>> {
  const [chunks, batches] = await Promise.all([db.reportRows.where('kind').equals(kind).toArray(), db.batches.toArray()]);
  const createdAt = new Map(batches.map((b) => [b.id, b.createdAt]));
  // Oldest batch first, chunks of one batch in the order they were written.
  chunks.sort((a, b) => (createdAt.get(a.batchId) ?? '').localeCompare(createdAt.get(b.batchId) ?? '') || a.id - b.id);
  const scopes = new Map<string, ScopeRows<K>>();
  for (const chunk of chunks) {
    let scope = scopes.get(chunk.scope);
    if (!scope) {
      scope = { scope: chunk.scope, reportKind: chunk.reportKind, marketplace: chunk.marketplace, locationId: chunk.locationId, date: chunk.date, batchId: chunk.batchId, rows: new Map() };
      scopes.set(chunk.scope, scope);
    }
    if (WHOLE_SCOPE_KINDS.has(kind) && scope.batchId !== chunk.batchId) scope.rows.clear();
    scope.batchId = chunk.batchId;
    scope.reportKind = chunk.reportKind;
    const rows = chunk.rows as RowsOf<K>[];
    observe?.(chunk.batchId, rows);
    for (const row of rows) scope.rows.set(row.key, row);
  }
  return scopes;
}

/** Rows an import would store for one scope. */
export interface ScopePlan<K extends StoredKind> {
  kind: K;
  scope: string;
  reportKind: string;
  marketplace: string | null;
  /** A location id, or a negative placeholder for an FBA location created on apply. */
  locationId: number | null;
  date: IsoDate | null;
  rows: RowsOf<K>[];
}

export interface StoredPlan {
  scopes: ScopePlan<StoredKind>[];
  added: number;
  changed: number;
  unchanged: number;
}

/**
 * Compares an import's rows with what is stored. A scope with anything new or changed is stored
 * whole (every row of the file, not only the new ones), so undoing any one import leaves exactly
 * what the remaining imports said; a scope with nothing new is not stored again.
 */
export async function planStoredRows(db: StockPilotDatabase, incoming: readonly ScopePlan<StoredKind>[]): Promise<StoredPlan> {
  const plan: StoredPlan = { scopes: [], added: 0, changed: 0, unchanged: 0 };
  const byKind = new Map<StoredKind, Map<string, ScopeRows<StoredKind>>>();
  for (const scope of incoming) {
    let stored = byKind.get(scope.kind);
    if (!stored) byKind.set(scope.kind, (stored = await latestRows(db, scope.kind)));
    const before = new Map<string, string>();
    for (const [key, row] of stored.get(scope.scope)?.rows ?? []) before.set(key, JSON.stringify(row));
    const diff = diffRows<KeyedRow>(before, scope.rows);
    plan.added += diff.added;
    plan.changed += diff.changed;
    plan.unchanged += diff.unchanged;
    // A whole-scope report that lost lines since the stored one is a change too.
    const shrank = WHOLE_SCOPE_KINDS.has(scope.kind) && before.size > scope.rows.length;
    if (diff.fresh.length > 0 || shrank) plan.scopes.push(scope);
  }
  return plan;
}

/** The records to add for a plan (call inside the import's transaction). */
export function reportRecords(batchId: string, plan: StoredPlan, locationIdOf: (id: number | null) => number | null = (id) => id): Omit<ReportRowsRecord, 'id'>[] {
  const records: Omit<ReportRowsRecord, 'id'>[] = [];
  for (const scope of plan.scopes) {
    const locationId = locationIdOf(scope.locationId);
    for (let start = 0; start < scope.rows.length; start += REPORT_CHUNK_ROWS) {
      records.push({
        batchId,
        kind: scope.kind,
        // A snapshot planned for an FBA location created on apply is stored under the real location.
        scope: scope.kind === 'snapshot' && locationId !== null && scope.date !== null ? snapshotScope(locationId, scope.date) : scope.scope,
        reportKind: scope.reportKind,
        marketplace: scope.marketplace,
        locationId,
        date: scope.date,
        rows: scope.rows.slice(start, start + REPORT_CHUNK_ROWS),
      } as Omit<ReportRowsRecord, 'id'>);
    }
  }
  return records;
}

/** Scope of a snapshot: a location on a date. */
export function snapshotScope(locationId: number, date: IsoDate): string {
  return `${locationId}|${date}`;
}
