// Browser side of `npm run bench`: runs the ledger's real code paths (Dexie, the ledger worker) in
// Chromium and reports timings. Served from the same origin as the app, so the app's first screen
// can be measured on the data written here.
import Dexie from 'dexie';
import Papa from 'papaparse';
import { generateDemo } from '../../shared/demo/generate';
import { columnsFromMovements, concatColumns, monthOfDay, periodReportFromMonths, unpackBlocks } from '../../shared/ledger';
import { readMonthParts } from '../../renderer/db/ledgerStore';
import type { MovementColumns } from '../../shared/ledger';
import { dayNumber } from '../../shared/dates';
import { DATABASE_NAME, StockPilotDatabase } from '../../renderer/db/schema';
import { addDemoCatalog, DEMO_BATCH } from '../../renderer/db/demo';
import { callLedger } from '../../renderer/db/ledgerClient';
import { requestPlan } from '../../renderer/db/planClient';
import { MOVEMENT_TYPES } from '../../shared/model';
import { importPhases } from './import-phases';
import type { PhaseTiming } from './import-phases';

export interface BenchOptions {
  skuCount: number;
  movementCount: number;
  endDate: string;
  /** Run the naive per-row baseline (about a minute at 1M). */
  baseline: boolean;
}

export interface BenchTimings {
  generateMs: number;
  writeMs: number;
  writeMaxBlockMs: number;
  longestTaskMs: number;
  readMs: number;
  readCount: number;
  periodReportMs: number;
  periodReportLines: number;
  /** Of periodReportMs: reading the stored monthly summary. */
  periodReadMs: number;
  summaryRows: number;
  /** Measured separately by runBaseline, after the app measurements. */
  baselinePerRowWriteMs: null;
  queryAllMs: number;
  queryAllCount: number;
}

/** Records the longest gap between timer ticks on the main thread while `work` runs. */
async function withMainThreadWatch<T>(work: () => Promise<T>): Promise<{ result: T; maxGapMs: number; longestTaskMs: number }> {
  let maxGapMs = 0;
  let longestTaskMs = 0;
  let last = performance.now();
  let running = true;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longestTaskMs = Math.max(longestTaskMs, entry.duration);
  });
  try {
    observer.observe({ type: 'longtask', buffered: false });
  } catch {
    // Long-task timing is Chromium-only; the tick watch below still runs.
  }
  const channel = new MessageChannel();
  // MessageChannel ticks are not clamped like nested setTimeout, so a gap is a real block.
  channel.port1.onmessage = () => {
    const now = performance.now();
    maxGapMs = Math.max(maxGapMs, now - last);
    last = now;
    if (running) setTimeout(() => channel.port2.postMessage(null), 1);
  };
  channel.port2.postMessage(null);
  const result = await work();
  running = false;
  observer.disconnect();
  channel.port1.close();
  return { result, maxGapMs, longestTaskMs };
}

async function freshDatabase(): Promise<StockPilotDatabase> {
  await Dexie.delete(DATABASE_NAME);
  const db = new StockPilotDatabase();
  await db.open();
  return db;
}

function columnBuffers(columns: MovementColumns): ArrayBuffer[] {
  return [columns.day, columns.skuId, columns.locationId, columns.qty, columns.type, columns.unitCostMinor, columns.ref, columns.seq].map((a) => a.buffer as ArrayBuffer);
}

/** The same movements as plain objects, for the naive per-row baseline. */
function asRows(columns: MovementColumns): Record<string, unknown>[] {
  const rows: Record<string, unknown>[] = new Array(columns.length);
  for (let i = 0; i < columns.length; i++) {
    const ref = columns.ref[i]!;
    rows[i] = {
      day: columns.day[i],
      skuId: columns.skuId[i],
      locationId: columns.locationId[i],
      qty: columns.qty[i],
      type: MOVEMENT_TYPES[columns.type[i]!],
      ...(Number.isNaN(columns.unitCostMinor[i]!) ? {} : { unitCostMinor: columns.unitCostMinor[i] }),
      ...(ref >= 0 ? { ref: columns.refs[ref] } : {}),
      source: 'bench',
    };
  }
  return rows;
}

async function baselinePerRow(rows: Record<string, unknown>[]): Promise<number> {
  const name = 'stockpilot-bench-baseline';
  await Dexie.delete(name);
  const baseline = new Dexie(name);
  baseline.version(1).stores({ movements: '++id' });
  await baseline.open();
  const started = performance.now();
  const table = baseline.table('movements');
  for (let start = 0; start < rows.length; start += 10_000) await table.bulkPut(rows.slice(start, start + 10_000));
  const elapsed = performance.now() - started;
  baseline.close();
  await Dexie.delete(name);
  return elapsed;
}

async function run(options: BenchOptions): Promise<BenchTimings> {
  const db = await freshDatabase();
  let t = performance.now();
  const dataset = generateDemo({ seed: 1, skuCount: options.skuCount, movementCount: options.movementCount, endDate: options.endDate });
  const generateMs = performance.now() - t;
  const catalog = await addDemoCatalog(db, dataset, new Date().toISOString());

  // Write: blocks + summaries, through the ledger worker as the app does it.
  t = performance.now();
  const watched = await withMainThreadWatch(() =>
    callLedger('appendBatch', { batch: { ...DEMO_BATCH, createdAt: new Date().toISOString() }, columns: catalog.columns }, columnBuffers(catalog.columns)),
  );
  const writeMs = performance.now() - t;
  db.close();

  // Read every movement with a cold connection (no block cache).
  const reader = new StockPilotDatabase();
  await reader.open();
  t = performance.now();
  const [blocks, manual] = await Promise.all([reader.movementBlocks.toArray(), reader.movements.toArray()]);
  const all = concatColumns([columnsFromMovements(manual), unpackBlocks(blocks)]);
  const readMs = performance.now() - t;

  // Period report for the last 12 whole months, from the stored monthly summary.
  t = performance.now();
  const lastMonth = monthOfDay(dayNumber(options.endDate));
  const stored = await readMonthParts(reader, lastMonth - 11);
  if (!stored) throw new Error('no summaries after the write');
  const periodReadMs = performance.now() - t;
  const lines = periodReportFromMonths(stored.balances.balances, stored.parts, lastMonth - 11, lastMonth);
  const periodReportMs = performance.now() - t;
  reader.close();

  // The ledger browser's query over every movement, in the worker (its block cache warm after the write).
  t = performance.now();
  const page = await callLedger('query', { filter: {} });
  const queryAllMs = performance.now() - t;

  const baselinePerRowWriteMs = null;
  return {
    generateMs,
    writeMs,
    writeMaxBlockMs: watched.maxGapMs,
    longestTaskMs: watched.longestTaskMs,
    readMs,
    readCount: all.length,
    periodReportMs,
    periodReportLines: lines.length,
    periodReadMs,
    summaryRows: stored.parts.reduce((n, p) => n + p.rows, 0) + stored.balances.balances.rows,
    baselinePerRowWriteMs,
    queryAllMs,
    queryAllCount: page.length,
  };
}

export interface PlanTimings {
  workerStartMs: number;
  fullReplanMs: number;
  readMs: number;
  historyMs: number;
  inputsMs: number;
  computeMs: number;
  whatIfMs: number;
  /** A second full replan in the same worker, and its compute. */
  secondReplanMs: number;
  secondComputeMs: number;
  lines: number;
}

/**
 * The replenishment plan on the ledger the `run` above wrote, from a fresh worker that has read
 * nothing: a full replan, then a what-if, each as the plan screen asks for it (the page unpacks the
 * plan's columns too). The worker is started first and timed apart: the app starts it at launch
 * (renderer/app/hooks.ts, with `warm`, which also loads the ledger's blocks into the worker's cache);
 * here a ping starts it and loads nothing, so the replan still reads every block from IndexedDB.
 */
async function planBench(options: { today: string }): Promise<PlanTimings> {
  let t = performance.now();
  await callLedger('ping', {});
  const workerStartMs = performance.now() - t;
  t = performance.now();
  const result = await requestPlan({ today: options.today });
  const fullReplanMs = performance.now() - t;
  t = performance.now();
  await requestPlan({ today: options.today, whatIf: { delayDays: 14 } });
  const whatIfMs = performance.now() - t;
  // The same full replan again in this worker, as every replan after the first in a running app (a
  // setting or an order changed): everything read and computed afresh, but the ledger's blocks come
  // from the worker's cache and the planner's code is already compiled.
  t = performance.now();
  const again = await requestPlan({ today: options.today });
  const secondReplanMs = performance.now() - t;
  return { workerStartMs, fullReplanMs, ...result.timings, whatIfMs, secondReplanMs, secondComputeMs: again.timings.computeMs, lines: result.plan.ship.length };
}

declare global {
  interface Window {
    stockpilotBench: {
      plan: (options: { today: string }) => Promise<PlanTimings>;
      run: (options: BenchOptions) => Promise<BenchTimings>;
      runBaseline: (options: BenchOptions) => Promise<number>;
      prepareImport: (options: BenchOptions) => Promise<string[]>;
      importFile: () => Promise<ImportTimings>;
      reimportFile: () => Promise<ReimportTimings>;
      papaparseFile: () => Promise<{ papaparseMs: number; rows: number }>;
      profileImport: (fnskus: string[]) => Promise<PhaseTiming[]>;
    };
  }
}

export interface ImportTimings {
  fileBytes: number;
  rows: number;
  importMs: number;
  /** The longest task Chromium's Long Tasks API reported, and the longest gap between main-thread ticks. */
  longestTaskMs: number;
  maxGapMs: number;
  posted: number;
}

export interface ReimportTimings {
  reimportMs: number;
  reimportNew: number;
}

// The import bench runs in steps driven by scripts/bench.mjs, which samples the browser's memory
// around importFile alone: prepareImport (a catalog for the file, the ledger worker started), then
// Node writes the file and sets it on the page's file input, then importFile, reimportFile and
// papaparseFile read that File as the app reads a dropped one.
let importRows = 0;

function pickedFile(): File {
  const file = (document.getElementById('ledger-file') as HTMLInputElement).files?.[0];
  if (!file) throw new Error('no ledger file on #ledger-file');
  return file;
}

/** A fresh database with a catalog whose US listings the bench's ledger file names; returns their FNSKUs. */
async function prepareImport(options: BenchOptions): Promise<string[]> {
  const db = await freshDatabase();
  const dataset = generateDemo({ seed: 2, skuCount: options.skuCount, movementCount: 10, endDate: options.endDate });
  await addDemoCatalog(db, dataset, new Date().toISOString());
  db.close();
  importRows = options.movementCount;
  // The app's worker runs before any file is dropped: start it (and its database) outside the measurement.
  await callLedger('warm', {});
  return dataset.listings.filter((l) => l.marketplace === 'US').map((l) => l.fnsku);
}

/** Import of the 1M-row ledger file through the app's path (worker preview, then apply). */
async function importFile(): Promise<ImportTimings> {
  // As the app hands over a dropped file: the File itself, which the worker reads in slices.
  const file = pickedFile();
  const fileBytes = file.size;
  const t = performance.now();
  const watched = await withMainThreadWatch(async () => {
    const preview = await callLedger('previewImport', { fileName: 'ledger.txt', file });
    return callLedger('applyImport', { token: preview.token, now: new Date().toISOString() });
  });
  return {
    fileBytes,
    rows: importRows,
    importMs: performance.now() - t,
    longestTaskMs: watched.longestTaskMs,
    maxGapMs: watched.maxGapMs,
    posted: watched.result.preview.newMovements,
  };
}

/** The same file again: every row is already in the ledger, nothing is new. */
async function reimportFile(): Promise<ReimportTimings> {
  const t = performance.now();
  const again = await callLedger('previewImport', { fileName: 'ledger.txt', file: pickedFile() });
  return { reimportMs: performance.now() - t, reimportNew: again.newMovements };
}

/** PapaParse alone stream-parsing the same file, for comparison. */
async function papaparseFile(): Promise<{ papaparseMs: number; rows: number }> {
  const t = performance.now();
  let rows = 0;
  await new Promise<void>((resolve, reject) => {
    Papa.parse<string[]>(pickedFile(), {
      delimiter: '\t',
      chunkSize: 4 * 1024 * 1024,
      chunk: (chunk) => {
        rows += chunk.data.length;
      },
      complete: () => resolve(),
      error: (error) => reject(error),
    });
  });
  return { papaparseMs: performance.now() - t, rows };
}

/** The phases of a re-import of the file, timed one by one on this page's thread (import-phases.ts). */
async function profileImport(fnskus: string[]): Promise<PhaseTiming[]> {
  const bytes = new Uint8Array(await pickedFile().arrayBuffer());
  return importPhases(bytes, fnskus, (b) => crypto.subtle.digest('SHA-256', b as Uint8Array<ArrayBuffer>));
}

/** The naive per-row write of the same movements; run last, as its million objects and the deleted
 * database it leaves behind would disturb the other measurements. */
async function runBaseline(options: BenchOptions): Promise<number> {
  const { movements } = generateDemo({ seed: 1, skuCount: options.skuCount, movementCount: options.movementCount, endDate: options.endDate });
  return baselinePerRow(asRows(movements));
}

window.stockpilotBench = { run, runBaseline, prepareImport, importFile, reimportFile, papaparseFile, profileImport, plan: planBench };
document.getElementById('state')!.textContent = 'ready';
