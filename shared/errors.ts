// Errors a seller can act on. Each carries a stable code and the values the message needs; the
// renderer turns them into English or Chinese text (renderer/i18n), so shared/ stays language-free.

export type DomainErrorCode =
  | 'field.required'
  | 'field.notNumber'
  | 'field.notInteger'
  | 'field.notPositive'
  | 'field.negative'
  | 'field.tooLong'
  | 'field.badDate'
  | 'field.badCurrency'
  | 'field.badFormat'
  | 'field.outOfRange'
  | 'field.notAbove'
  | 'sku.duplicateCode'
  | 'sku.notFound'
  | 'listing.conflictFnsku'
  | 'listing.conflictSellerSku'
  | 'listing.notFound'
  | 'listing.bundleFnsku'
  | 'listing.conflictBundle'
  | 'listing.duplicateComponent'
  | 'listing.unknownComponent'
  | 'location.duplicateName'
  | 'location.notFound'
  | 'movement.belowZero'
  | 'movement.sameLocation'
  | 'movement.transitNotAllowed'
  | 'movement.notFound'
  | 'movement.notReversible'
  | 'movement.alreadyReversed'
  | 'shipment.notFound'
  | 'shipment.alreadyReceived'
  | 'backup.notBackup'
  | 'backup.truncated'
  | 'backup.corrupt'
  | 'backup.newerSchema'
  | 'batch.notFound'
  | 'batch.shipmentReceived'
  | 'batch.receiptChanged'
  | 'import.notApplicable'
  | 'import.cancelled'
  | 'import.fileGone'
  | 'import.unreadable'
  | 'import.fileChanged'
  | 'import.tooLarge'
  // The seller's forecasts file (shared/planning/forecastRatesFile.ts).
  | 'rates.empty'
  | 'rates.missingColumn'
  | 'rates.unknownSku'
  | 'rates.duplicate'
  | 'rates.tooLarge'
  | 'storage.quota'
  | 'storage.unavailable'
  | 'storage.failed'
  // Purchasing and logistics (PRODUCT §3); params in PurchasingErrorParams below.
  | 'field.dateTooEarly'
  | 'field.unknownChoice'
  | 'field.tooPrecise'
  | 'receipt.empty'
  | 'purchase.noExchangeRate'
  | 'purchase.lineNoSku'
  | 'purchase.unknownLine'
  | 'purchase.overReceipt'
  | 'purchase.cannotSend'
  | 'purchase.notSent'
  | 'purchase.notFound'
  | 'purchase.duplicateNumber'
  | 'purchase.notDraft'
  | 'supplier.duplicateName'
  | 'purchase.hasReceipts'
  | 'purchase.closed'
  | 'purchase.nothingReceived'
  | 'shipment.lineNoSku'
  | 'shipment.overReceipt'
  | 'shipment.wrongSku'
  | 'shipment.noAllocationBasis'
  // Stock counts (PRODUCT §5).
  | 'count.notFound'
  | 'count.posted'
  | 'count.noLines'
  | 'count.nothingCounted'
  | 'count.reasonMissing'
  | 'count.recountPending'
  | 'count.planNotFound'
  | 'count.changed'
  // Refused by the desktop host (shared/bridge.ts HostRefusalParams): picked files and automatic backups.
  | 'file.tooLarge'
  | 'file.notAFile'
  | 'file.unreadable'
  | 'autoBackup.diskFull'
  | 'autoBackup.notWritable'
  | 'autoBackup.failed'
  | 'autoBackup.notFound'
  | 'autoBackup.unavailable';

export type ErrorParams = Record<string, string | number>;

export class DomainError extends Error {
  readonly code: DomainErrorCode;
  readonly params: ErrorParams;

  constructor(code: DomainErrorCode, params: ErrorParams = {}) {
    super(`${code} ${JSON.stringify(params)}`);
    this.name = 'DomainError';
    this.code = code;
    this.params = params;
  }
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}

/**
 * The params each purchasing and logistics code carries. `line` is the 1-based row of a draft or a
 * PO line id, `sku` a SKU id, quantities are units; `field` is translated like every field name.
 */
export interface PurchasingErrorParams {
  'field.dateTooEarly': { field: string; value: string; earliest: string };
  'field.unknownChoice': { field: string; value: string };
  'field.tooPrecise': { field: string; value: string; digits: number };
  'receipt.empty': Record<string, never>;
  'purchase.noExchangeRate': { currency: string; date: string };
  'purchase.lineNoSku': { line: number };
  'purchase.unknownLine': { number: string; line: number };
  'purchase.overReceipt': { line: number; open: number; qty: number };
  'purchase.cannotSend': { number: string };
  'purchase.notSent': { number: string };
  'purchase.hasReceipts': { number: string };
  'purchase.closed': { number: string };
  'purchase.nothingReceived': { number: string };
  'shipment.lineNoSku': { line: number };
  'shipment.overReceipt': { sku: number; inTransit: number; qty: number };
  'shipment.wrongSku': { sku: number; qty: number };
  'shipment.noAllocationBasis': { basis: string; field: string };
}

/** A DomainError whose params are checked against the code (purchasing and logistics codes). */
export function purchasingError<C extends keyof PurchasingErrorParams>(code: C, params: PurchasingErrorParams[C]): DomainError {
  return new DomainError(code, params);
}
