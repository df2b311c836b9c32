/** Input hctl cannot work with (bad flags, a missing directory, a broken config): exit 3, one line. */
export class UsageError extends Error {
  override name = 'UsageError';
}
