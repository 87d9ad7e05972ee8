// The coded error a pure function throws, for table tests of refusals.
import { isDomainError } from '../../shared/errors';
import type { ErrorParams } from '../../shared/errors';

/** Runs `fn` and returns the DomainError it throws; fails the test when it throws nothing or something else. */
export function errorOf(fn: () => unknown): { code: string; params: ErrorParams } {
  try {
    fn();
  } catch (error) {
    if (isDomainError(error)) return { code: error.code, params: error.params };
    throw error;
  }
  throw new Error('expected a DomainError, nothing was thrown');
}
