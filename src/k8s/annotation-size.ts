import { asRecord } from '../repo/parse.js';

/** The API server's limit on all of an object's annotations together: keys and values, in bytes ("Too long: must have at most 262144 bytes"). */
export const ANNOTATIONS_LIMIT_BYTES = 256 * 1024;

const LAST_APPLIED_ANNOTATION = 'kubectl.kubernetes.io/last-applied-configuration';

/** Bytes the API server counts for a set of annotations: each key's and value's UTF-8 length. */
export function annotationBytes(annotations: Record<string, unknown>): number {
  let total = 0;
  for (const [key, value] of Object.entries(annotations)) total += Buffer.byteLength(key) + Buffer.byteLength(typeof value === 'string' ? value : String(value));
  return total;
}

/**
 * The object's annotations after a client-side apply (`kubectl apply`, Argo CD's default), in
 * bytes: its own, plus last-applied-configuration holding the whole object as JSON — written by
 * Go's encoder, which escapes <, > and & as \u003c… and ends with a newline.
 */
export function clientSideApplyAnnotationBytes(body: Record<string, unknown>): number {
  const metadata = asRecord(body.metadata) ?? {};
  const { [LAST_APPLIED_ANNOTATION]: _previous, ...annotations } = asRecord(metadata.annotations) ?? {};
  const json = JSON.stringify({ ...body, metadata: { ...metadata, annotations } });
  const escaped = (json.match(/[<>&]/g)?.length ?? 0) * 5 + (json.match(/[\u2028\u2029]/g)?.length ?? 0) * 3;
  return annotationBytes(annotations) + LAST_APPLIED_ANNOTATION.length + Buffer.byteLength(json) + escaped + 1;
}

/** `345 KiB`, for messages. */
export function kibibytes(bytes: number): string {
  return `${Math.ceil(bytes / 1024)} KiB`;
}
