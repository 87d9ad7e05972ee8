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
import { MOVEMENT_TYPES } from '../../shared/model';

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

declare global {
  interface Window {
    stockpilotBench: {
      run: (options: BenchOptions) => Promise<BenchTimings>;
      runBaseline: (options: BenchOptions) => Promise<number>;
      runImport: (options: BenchOptions) => Promise<ImportTimings>;
    };
  }
}

/** A synthetic Inventory Ledger (detail) file for the demo catalog's US listings: quoted TSV as Amazon writes it. */
function ledgerFile(fnskus: readonly string[], rows: number): Uint8Array {
  const header = '"Date"\t"FNSKU"\t"ASIN"\t"MSKU"\t"Title"\t"Event Type"\t"Reference ID"\t"Quantity"\t"Fulfillment Center"\t"Disposition"\t"Reason"\t"Country"\t"Reconciled Quantity"\t"Unreconciled Quantity"\t"Date and Time"\t"Store"\n';
  const types = ['Shipments', 'Shipments', 'Shipments', 'Shipments', 'Receipts', 'CustomerReturns', 'Adjustments'];
  const parts: string[] = [header];
  for (let i = 0; i < rows; i++) {
    const fnsku = fnskus[i % fnskus.length]!;
    const type = types[i % types.length]!;
    const qty = type === 'Shipments' ? -1 - (i % 2) : type === 'Receipts' ? 60 : type === 'Adjustments' ? -1 : 1;
    const day = 1 + (i % 28);
    const month = 1 + (Math.floor(i / 83_334) % 12);
    const mm = String(month).padStart(2, '0');
    const dd = String(day).padStart(2, '0');
    parts.push(`"${mm}/${dd}/2025"\t"${fnsku}"\t"B0BENCH001"\t"SKU-${i % 10000}"\t"Bench item"\t"${type}"\t"111-${String(i).padStart(7, '0')}"\t"${qty}"\t"ONT8"\t"SELLABLE"\t""\t"US"\t""\t""\t"2025-${mm}-${dd}T09:14:07-0700"\t""\n`);
  }
  return new TextEncoder().encode(parts.join(''));
}

export interface ImportTimings {
  fileBytes: number;
  rows: number;
  importMs: number;
  /** The longest task Chromium's Long Tasks API reported, and the longest gap between main-thread ticks. */
  longestTaskMs: number;
  maxGapMs: number;
  papaparseMs: number;
  reimportMs: number;
  reimportNew: number;
  posted: number;
}

/** Import of a 1M-row ledger file through the app's path (worker preview, then apply), then again. */
async function runImport(options: BenchOptions): Promise<ImportTimings> {
  const db = await freshDatabase();
  const dataset = generateDemo({ seed: 2, skuCount: options.skuCount, movementCount: 10, endDate: options.endDate });
  await addDemoCatalog(db, dataset, new Date().toISOString());
  db.close();
  const fnskus = dataset.listings.filter((l) => l.marketplace === 'US').map((l) => l.fnsku);
  const bytes = ledgerFile(fnskus, options.movementCount);

  // A dropped file arrives as bytes read off the main thread; the copy here stands in for that.
  const dropped = bytes.slice();
  let t = performance.now();
  const watched = await withMainThreadWatch(async () => {
    const preview = await callLedger('previewImport', { fileName: 'ledger.txt', bytes: dropped }, [dropped.buffer]);
    return callLedger('applyImport', { token: preview.token, now: new Date().toISOString() });
  });
  const importMs = performance.now() - t;

  const forReimport = bytes.slice();
  t = performance.now();
  const again = await callLedger('previewImport', { fileName: 'ledger.txt', bytes: forReimport }, [forReimport.buffer]);
  const reimportMs = performance.now() - t;

  t = performance.now();
  let papaRows = 0;
  await new Promise<void>((resolve, reject) => {
    Papa.parse<string[]>(new File([bytes.buffer as ArrayBuffer], 'ledger.txt'), {
      delimiter: '\t',
      chunkSize: 4 * 1024 * 1024,
      chunk: (chunk) => {
        papaRows += chunk.data.length;
      },
      complete: () => resolve(),
      error: (error) => reject(error),
    });
  });
  const papaparseMs = performance.now() - t;
  if (papaRows < options.movementCount) throw new Error(`PapaParse read ${papaRows} rows`);

  return {
    fileBytes: bytes.byteLength,
    rows: options.movementCount,
    importMs,
    longestTaskMs: watched.longestTaskMs,
    maxGapMs: watched.maxGapMs,
    papaparseMs,
    reimportMs,
    reimportNew: again.newMovements,
    posted: watched.result.preview.newMovements,
  };
}

/** The naive per-row write of the same movements; run last, as its million objects and the deleted
 * database it leaves behind would disturb the other measurements. */
async function runBaseline(options: BenchOptions): Promise<number> {
  const { movements } = generateDemo({ seed: 1, skuCount: options.skuCount, movementCount: options.movementCount, endDate: options.endDate });
  return baselinePerRow(asRows(movements));
}

window.stockpilotBench = { run, runBaseline, runImport };
document.getElementById('state')!.textContent = 'ready';
