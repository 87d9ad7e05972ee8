// Storage failures become messages a seller can act on (disk full, private window, blocked).
import Dexie from 'dexie';
import { DomainError, isDomainError } from '../../shared/errors';

export function toDomainError(error: unknown): DomainError {
  if (isDomainError(error)) return error;
  const name = error instanceof Error ? error.name : '';
  const inner = error instanceof Dexie.DexieError && error.inner instanceof Error ? error.inner.name : '';
  if (name === 'QuotaExceededError' || inner === 'QuotaExceededError') return new DomainError('storage.quota');
  if (name === 'MissingAPIError' || name === 'InvalidStateError' || name === 'DatabaseClosedError' || name === 'VersionError') {
    return new DomainError('storage.unavailable', { detail: error instanceof Error ? error.message : String(error) });
  }
  return new DomainError('storage.failed', { detail: error instanceof Error ? error.message : String(error) });
}

/** Runs a database operation and rethrows any failure as a DomainError. */
export async function withStorageErrors<T>(operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    throw toDomainError(error);
  }
}
