/** Input hctl cannot work with (bad flags, a missing directory, a broken config): exit 3, one line. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** hctl understood the request and will not do it (invalid values, a file it would overwrite, a protected branch): exit 2. */
export class RefusedError extends Error {
  override name = 'RefusedError';
}

/** Waiting for something (a vCluster to become ready) ran out of time: exit 4. */
export class TimeoutError extends Error {
  override name = 'TimeoutError';
}
