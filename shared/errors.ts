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
  | 'sku.duplicateCode'
  | 'sku.notFound'
  | 'listing.conflictFnsku'
  | 'listing.conflictSellerSku'
  | 'listing.notFound'
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
  | 'import.notApplicable'
  | 'import.cancelled'
  | 'import.fileGone'
  | 'import.unreadable'
  | 'storage.quota'
  | 'storage.unavailable'
  | 'storage.failed';

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
