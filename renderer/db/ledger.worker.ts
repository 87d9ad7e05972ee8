// The ledger worker: valuation, summaries, big writes and whole-ledger reads run here, so the page
// stays responsive at a million movements. It owns a block cache next to its own Dexie connection.
import { isDomainError } from '../../shared/errors';
import { StockPilotDatabase } from './schema';
import { appendMovementBatch, blockCacheFor, refreshSummaries, removeMovementBatch } from './ledgerStore';
import { exactBalancesAt, exactPeriodReport, queryLedger } from './ledgerQueries';
import { loadDemoDataset } from './demo';
import { createBackup, restoreBackup } from './backup';
import { applyImport, mapHeldCode, previewImport } from './imports';
import { generateDemo } from '../../shared/demo/generate';
import type { LedgerOperation, LedgerOperations, LedgerRequest, LedgerResponse } from './ledgerProtocol';

const db = new StockPilotDatabase();

type Handlers = { [K in LedgerOperation]: (args: LedgerOperations[K]['args']) => Promise<LedgerOperations[K]['result']> };

const handlers: Handlers = {
  refresh: () => refreshSummaries(db),
  // Loads the blocks into the cache while the seller looks at the first screen.
  warm: async () => (await blockCacheFor(db).sync(db)).length,
  appendBatch: ({ batch, columns }) => appendMovementBatch(db, batch, columns),
  removeBatch: ({ batchId }) => removeMovementBatch(db, batchId),
  query: ({ filter }) => queryLedger(db, filter),
  balancesAt: ({ asOf }) => exactBalancesAt(db, asOf),
  periodReport: ({ from, to }) => exactPeriodReport(db, from, to),
  loadDemo: ({ skuCount, movementCount, endDate, seed, now }) => loadDemoDataset(db, generateDemo({ seed, skuCount, movementCount, endDate }), now),
  backup: ({ appVersion, createdAt }) => createBackup(db, appVersion, createdAt),
  restore: ({ bytes, fileName }) => restoreBackup(db, bytes, fileName),
  previewImport: ({ fileName, bytes }) => previewImport(db, fileName, bytes),
  applyImport: ({ fileName, bytes, now }) => applyImport(db, fileName, bytes, now),
  mapHeldCode: ({ codeType, code, marketplace, skuId, now }) => mapHeldCode(db, codeType, code, marketplace, skuId, now),
};

/** Typed arrays in a result are moved, not copied, to the page. */
function transferables(value: unknown): ArrayBuffer[] {
  if (ArrayBuffer.isView(value)) return value.buffer instanceof ArrayBuffer ? [value.buffer] : [];
  if (typeof value !== 'object' || value === null) return [];
  return Object.values(value).flatMap((v) => (ArrayBuffer.isView(v) && v.buffer instanceof ArrayBuffer ? [v.buffer] : []));
}

// Requests run one at a time: writes must not interleave, and reads see a settled ledger.
let queue: Promise<unknown> = Promise.resolve();

self.onmessage = (event: MessageEvent<LedgerRequest>) => {
  const { id, op, args } = event.data;
  queue = queue.then(async () => {
    let response: LedgerResponse;
    try {
      const handler = handlers[op] as (a: typeof args) => Promise<unknown>;
      response = { id, ok: true, result: await handler(args) };
    } catch (error) {
      response = {
        id,
        ok: false,
        error: isDomainError(error) ? { code: error.code, params: error.params } : { message: error instanceof Error ? error.message : String(error) },
      };
    }
    const transfer = response.ok ? transferables(response.result) : [];
    (self as unknown as Worker).postMessage(response, transfer);
  });
};
