// The ledger worker: valuation, summaries, big writes and whole-ledger reads run here, so the page
// stays responsive at a million movements. It owns a block cache next to its own Dexie connection.
import { DomainError, isDomainError } from '../../shared/errors';
import { StockPilotDatabase } from './schema';
import { appendMovementBatch, blockCacheFor, refreshSummaries, removeMovementBatch } from './ledgerStore';
import { exactBalancesAt, exactPeriodReport, queryLedger } from './ledgerQueries';
import { loadDemoDataset } from './demo';
import { createBackup, restoreBackup } from './backup';
import { cachedHeldCodeQueue } from './heldCodes';
import { applyImport, createSkuForHeldCode, forgetPreparedImport, mapHeldCode, previewImport } from './imports';
import { reconciliation } from './reconciliation';
import { planDetail, runPlan } from './planning';
import { supplierPlan } from './supplierStatus';
import { analysisBuffers, analysisFacts } from './analysis';
import { planColumnBuffers } from '../../shared/planning/planColumns';
import { countReview, createCount, createCountFromSnapshot, postCount } from './counts';
import { generateDemo } from '../../shared/demo/generate';
import type { LedgerCancel, LedgerOperation, LedgerOperations, LedgerRequest, LedgerResponse } from './ledgerProtocol';
import type { ImportFile, TaskControl } from './imports';

const db = new StockPilotDatabase();

/**
 * Previewed files, kept so Apply needs no second copy from the page: the latest, up to 8, and up to
 * 512 MB of bytes (a dropped File is a handle to the file on disk and costs nothing to keep).
 */
const keptFiles = new Map<string, { name: string; file: ImportFile }>();
const KEPT_FILES_MAX = 8;
const KEPT_BYTES_MAX = 512 * 1024 * 1024;
let nextToken = 1;
function keepFile(name: string, file: ImportFile): string {
  const token = `file-${nextToken++}`;
  keptFiles.set(token, { name, file });
  const total = () => [...keptFiles.values()].reduce((sum, f) => sum + (f.file instanceof Uint8Array ? f.file.byteLength : 0), 0);
  while (keptFiles.size > 1 && (keptFiles.size > KEPT_FILES_MAX || total() > KEPT_BYTES_MAX)) keptFiles.delete(keptFiles.keys().next().value!);
  return token;
}

/** Forgets a kept file and frees its bytes now (detached), not whenever the last reference goes. */
function releaseFile(token: string): void {
  const kept = keptFiles.get(token);
  if (!kept) return;
  keptFiles.delete(token);
  if (!(kept.file instanceof Uint8Array)) return;
  // ArrayBuffer.prototype.transfer (ES2024) is newer than the lib this project compiles against.
  const buffer: ArrayBufferLike & { detached?: boolean; transfer?: (newLength: number) => ArrayBuffer } = kept.file.buffer;
  if (buffer instanceof ArrayBuffer && buffer.detached === false) buffer.transfer?.(0);
}

/**
 * Lets the worker take its next message (a cancel) between chunks of a long read. A message to
 * itself rather than setTimeout(0): nested timeouts are held back at least 4 ms each, ~40 times a
 * 150 MB file.
 */
const yieldChannel = new MessageChannel();
const yielded: (() => void)[] = [];
yieldChannel.port1.onmessage = () => yielded.shift()?.();
function yieldToMessages(): Promise<void> {
  return new Promise((resolve) => {
    yielded.push(resolve);
    yieldChannel.port2.postMessage(null);
  });
}

type Handlers = { [K in LedgerOperation]: (args: LedgerOperations[K]['args'], control: TaskControl) => Promise<LedgerOperations[K]['result']> };

const handlers: Handlers = {
  refresh: () => refreshSummaries(db),
  // Loads the blocks into the cache while the seller looks at the first screen.
  warm: async () => (await blockCacheFor(db).sync(db)).length,
  ping: async () => true,
  appendBatch: ({ batch, columns }) => appendMovementBatch(db, batch, columns),
  removeBatch: async ({ batchId }) => {
    forgetPreparedImport();
    await removeMovementBatch(db, batchId);
  },
  query: ({ filter }) => queryLedger(db, filter),
  balancesAt: ({ asOf }) => exactBalancesAt(db, asOf),
  periodReport: ({ from, to }) => exactPeriodReport(db, from, to),
  loadDemo: ({ skuCount, movementCount, endDate, seed, now }) => loadDemoDataset(db, generateDemo({ seed, skuCount, movementCount, endDate }), now),
  backup: ({ appVersion, createdAt }) => createBackup(db, appVersion, createdAt),
  restore: ({ bytes, fileName }) => restoreBackup(db, bytes, fileName),
  previewImport: async ({ fileName, file, options }, control) => {
    const preview = await previewImport(db, fileName, file, control, options);
    return { ...preview, token: keepFile(fileName, file) };
  },
  repreviewImport: async ({ token, options }, control) => {
    const kept = keptFiles.get(token);
    if (!kept) throw new DomainError('import.fileGone', { file: '' });
    return { ...(await previewImport(db, kept.name, kept.file, control, options)), token };
  },
  applyImport: async ({ token, now, options }, control) => {
    const kept = keptFiles.get(token);
    if (!kept) throw new DomainError('import.fileGone', { file: '' });
    const result = await applyImport(db, kept.name, kept.file, now, { ...control, bytesDone: () => releaseFile(token) }, options);
    // Applied: the bytes are not needed again (a re-import is a new drop).
    releaseFile(token);
    return result;
  },
  reconcile: ({ sourceId }) => reconciliation(db, sourceId),
  // The plan's columns move to the page (runPlan keeps what a line's chart needs apart, and a copy of
  // a keyed full plan, which answers the same request again and Today's analysis right after).
  plan: (request) => runPlan(db, request),
  planDetail: async ({ index, whatIf }) => planDetail(index, whatIf),
  supplierPlan: (request) => supplierPlan(db, request),
  analysis: (request) => analysisFacts(db, request),
  createCount: ({ input, now }) => createCount(db, input, now),
  createCountFromSnapshot: ({ scope, now }) => createCountFromSnapshot(db, scope, now),
  countReview: ({ countId }) => countReview(db, countId),
  postCount: ({ countId, now }) => postCount(db, countId, now),
  codeQueue: () => cachedHeldCodeQueue(db),
  mapHeldCode: async ({ codeType, code, marketplace, skuId, now }) => {
    forgetPreparedImport();
    return mapHeldCode(db, codeType, code, marketplace, skuId, now);
  },
  // In the worker, as mapping is: posting a code's held rows rewrites ledger blocks (a second at 1M movements).
  createSkuForHeldCode: async ({ codeType, code, marketplace, draft, now }) => {
    forgetPreparedImport();
    return createSkuForHeldCode(db, codeType, code, marketplace, draft, now);
  },
};

/** Typed arrays in a result are moved, not copied, to the page (a plan's columns are a level deeper). */
function transferables(op: LedgerOperation, value: unknown): ArrayBuffer[] {
  if (op === 'plan') return planColumnBuffers((value as LedgerOperations['plan']['result']).plan);
  if (op === 'analysis') return analysisBuffers(value as LedgerOperations['analysis']['result']);
  if (ArrayBuffer.isView(value)) return value.buffer instanceof ArrayBuffer ? [value.buffer] : [];
  if (typeof value !== 'object' || value === null) return [];
  return Object.values(value).flatMap((v) => (ArrayBuffer.isView(v) && v.buffer instanceof ArrayBuffer ? [v.buffer] : []));
}

// Requests run one at a time: writes must not interleave, and reads see a settled ledger.
let queue: Promise<unknown> = Promise.resolve();
const cancelled = new Set<number>();

function post(response: LedgerResponse, transfer: ArrayBuffer[] = []): void {
  (self as unknown as Worker).postMessage(response, transfer);
}

self.onmessage = (event: MessageEvent<LedgerRequest | LedgerCancel>) => {
  // A cancel is noted at once (not queued): the running request checks it between chunks.
  if ('cancel' in event.data) {
    cancelled.add(event.data.cancel);
    return;
  }
  const { id, op, args } = event.data;
  queue = queue.then(async () => {
    let response: LedgerResponse;
    let lastProgressAt = 0;
    const control: TaskControl = {
      progress: (progress) => {
        const now = Date.now();
        if (now - lastProgressAt < 100) return;
        lastProgressAt = now;
        post({ id, progress });
      },
      cancelled: () => cancelled.has(id),
      yield: yieldToMessages,
    };
    try {
      if (cancelled.has(id)) throw new DomainError('import.cancelled', { file: '' });
      const handler = handlers[op] as (a: typeof args, c: TaskControl) => Promise<unknown>;
      response = { id, ok: true, result: await handler(args, control) };
    } catch (error) {
      response = {
        id,
        ok: false,
        error: isDomainError(error) ? { code: error.code, params: error.params } : { message: error instanceof Error ? error.message : String(error) },
      };
    }
    cancelled.delete(id);
    post(response, 'ok' in response && response.ok ? transferables(op, response.result) : []);
  });
};
