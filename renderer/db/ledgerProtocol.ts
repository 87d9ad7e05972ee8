// Messages between the page and the ledger worker. DomainErrors cross as code + params.
import type { MovementColumns, PeriodLine, StockBalance } from '../../shared/ledger';
import type { ErrorParams, DomainErrorCode } from '../../shared/errors';
import type { IsoDate } from '../../shared/model';
import type { BatchInput } from './ledgerStore';
import type { ImportBatch } from './schema';
import type { RestoreSummary } from './backup';
import type { ImportFile, ImportOptions, ImportPreview, ImportResult } from './imports';
import type { StreamProgress } from '../../shared/import/stream';
import type { LedgerFilter, LedgerPage } from './ledgerQueries';
import type { ReconciliationView } from './reconciliation';
import type { PlanColumnsResult, PlanDetail, PlanRequest } from './planning';
import type { CountReview, NewCount } from './counts';
import type { SupplierPlanRequest, SupplierPlanResult } from './supplierStatus';
import type { AnalysisFactsResult, AnalysisRequest } from './analysis';
import type { SkuDraft } from '../../shared/catalog/catalog';
import type { QueuedCode } from '../../shared/import/unmappedCodes';

export interface LedgerOperations {
  refresh: { args: Record<string, never>; result: boolean };
  warm: { args: Record<string, never>; result: number };
  /** Nothing but an answer: the worker is up (the bench starts it as the app does, before timing a plan). */
  ping: { args: Record<string, never>; result: true };
  appendBatch: { args: { batch: BatchInput; columns: MovementColumns }; result: ImportBatch };
  removeBatch: { args: { batchId: string }; result: void };
  query: { args: { filter: LedgerFilter }; result: LedgerPage };
  balancesAt: { args: { asOf: IsoDate }; result: StockBalance[] };
  periodReport: { args: { from: IsoDate; to: IsoDate }; result: PeriodLine[] };
  loadDemo: { args: { skuCount: number; movementCount: number; endDate: IsoDate; seed: number; now: string }; result: ImportBatch };
  backup: { args: { appVersion: string; createdAt: string }; result: Uint8Array };
  restore: { args: { bytes: Uint8Array; fileName: string }; result: RestoreSummary };
  /** The bytes are moved to the worker, which keeps them for Apply under the returned token. */
  /** `file`: bytes (moved to the worker) or a dropped File (cloned as a handle; the worker reads it in slices). */
  previewImport: { args: { fileName: string; file: ImportFile; options?: ImportOptions }; result: ImportPreview & { token: string } };
  /** Previews a kept file again with other options (a marketplace, a column mapping). */
  repreviewImport: { args: { token: string; options: ImportOptions }; result: ImportPreview & { token: string } };
  applyImport: { args: { token: string; now: string; options?: ImportOptions }; result: ImportResult };
  reconcile: { args: { sourceId: string | null }; result: ReconciliationView };
  /** The plan in columns, moved without a copy; the page unpacks it (planClient.ts). */
  plan: { args: PlanRequest; result: PlanColumnsResult };
  /** One ship line's chart: of the last plan, or under the what-if given. */
  planDetail: { args: { index: number; whatIf?: PlanRequest['whatIf'] }; result: PlanDetail | null };
  /** The plan's forecast and suggested order for one supplier's SKUs (the stock status sheet). */
  supplierPlan: { args: SupplierPlanRequest; result: SupplierPlanResult };
  /** PRODUCT §6: the valued ledger's figures per SKU for a period, the plan's forecast per SKU and the mis-delivery rate; typed arrays moved. */
  analysis: { args: AnalysisRequest; result: AnalysisFactsResult };
  createCount: { args: { input: NewCount; now: string }; result: number };
  createCountFromSnapshot: { args: { scope: string; now: string }; result: number };
  countReview: { args: { countId: number }; result: CountReview };
  postCount: { args: { countId: number; now: string }; result: CountReview };
  /** The queue of codes to map and its key (heldCodes.ts), worked out again only when the key changed. */
  codeQueue: { args: Record<string, never>; result: { key: string; queue: QueuedCode[] } };
  /** Movements posted; −1 when nothing waited for the code any more (nothing saved). */
  mapHeldCode: { args: { codeType: 'fnsku' | 'sellerSku'; code: string; marketplace: string; skuId: number; now: string }; result: number };
  /** A new SKU for a held code, its mapping and the held rows posted, in one transaction (imports.ts createSkuForHeldCode). */
  createSkuForHeldCode: { args: { codeType: 'fnsku' | 'sellerSku'; code: string; marketplace: string; draft: SkuDraft; now: string }; result: { skuId: number | null; posted: number } };
}

export type LedgerOperation = keyof LedgerOperations;

export interface LedgerRequest<K extends LedgerOperation = LedgerOperation> {
  id: number;
  op: K;
  args: LedgerOperations[K]['args'];
}

/** Sent by the page to stop a running request (it then fails with 'import.cancelled'). */
export interface LedgerCancel {
  cancel: number;
}

export type LedgerResponse =
  | { id: number; progress: StreamProgress }
  | { id: number; ok: true; result: unknown }
  | { id: number; ok: false; error: { code: DomainErrorCode; params: ErrorParams } | { message: string } };
