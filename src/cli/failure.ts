import { ApiError, ConnectionError } from '../cluster/api-client.js';
import { RefusedError, TimeoutError, UsageError } from '../config/errors.js';

const REFUSED = 2;
const COULD_NOT_RUN = 3;
const TIMED_OUT = 4;

/**
 * What the user is told about an error hctl expects (bad input, a refused or timed-out workflow, a
 * cluster that cannot be reached or refuses a request), with the exit code it means; undefined for
 * anything else, which is a bug in hctl.
 */
export function describeFailure(error: unknown): { message: string; exitCode: number } | undefined {
  if (error instanceof UsageError || error instanceof ConnectionError) return { message: error.message, exitCode: COULD_NOT_RUN };
  if (error instanceof RefusedError) return { message: error.message, exitCode: REFUSED };
  if (error instanceof TimeoutError) return { message: error.message, exitCode: TIMED_OUT };
  if (error instanceof ApiError) {
    const credentials = error.status === 401 ? ' (the API server rejected the credentials; log in again or check the kubeconfig user)' : '';
    return { message: `${error.path}: ${error.status} ${error.reason}: ${error.message}${credentials}`, exitCode: COULD_NOT_RUN };
  }
  return undefined;
}

/** The two lines a bug in hctl gets: what went wrong, and where to report it. */
export function internalErrorMessage(error: unknown): string {
  return `internal error: ${(error as Error)?.message ?? String(error)}\nThis is a bug in hctl; please report it with the command you ran.`;
}
