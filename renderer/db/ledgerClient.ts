// The page's handle on the ledger worker: one promise per request.
import { DomainError } from '../../shared/errors';
import type { LedgerCancel, LedgerOperation, LedgerOperations, LedgerRequest, LedgerResponse } from './ledgerProtocol';
import type { StreamProgress } from '../../shared/import/stream';

let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: unknown) => void; onProgress?: (progress: StreamProgress) => void }>();

function ledgerWorker(): Worker {
  if (worker) return worker;
  worker = new Worker(new URL('./ledger.worker.ts', import.meta.url), { type: 'module', name: 'ledger' });
  worker.onmessage = (event: MessageEvent<LedgerResponse>) => {
    const response = event.data;
    const entry = pending.get(response.id);
    if (!entry) return;
    if ('progress' in response) {
      entry.onProgress?.(response.progress);
      return;
    }
    pending.delete(response.id);
    if (response.ok) entry.resolve(response.result);
    else if ('code' in response.error) entry.reject(new DomainError(response.error.code, response.error.params));
    else entry.reject(new Error(response.error.message));
  };
  worker.onerror = (event) => {
    for (const entry of pending.values()) entry.reject(new Error(event.message || 'the ledger worker stopped'));
    pending.clear();
    worker = null;
  };
  return worker;
}

export interface CallOptions {
  onProgress?: (progress: StreamProgress) => void;
  /** Aborting asks the worker to stop; the call then rejects with 'import.cancelled'. */
  signal?: AbortSignal;
}

export function callLedger<K extends LedgerOperation>(
  op: K,
  args: LedgerOperations[K]['args'],
  transfer: Transferable[] = [],
  options: CallOptions = {},
): Promise<LedgerOperations[K]['result']> {
  const id = nextId++;
  const request: LedgerRequest<K> = { id, op, args };
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve: resolve as (value: unknown) => void, reject, onProgress: options.onProgress });
    const worker = ledgerWorker();
    options.signal?.addEventListener('abort', () => worker.postMessage({ cancel: id } satisfies LedgerCancel), { once: true });
    worker.postMessage(request, transfer);
  });
}
