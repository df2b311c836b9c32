import type { KubeObject } from '../repo/object.js';
import { asRecord } from '../repo/parse.js';

export const SYNC_OPTIONS_ANNOTATION = 'argocd.argoproj.io/sync-options';

/** `Name=value` sync options (`ServerSideApply=true`) as a map; blanks around names and values ignored, as Argo CD does. */
function parseOptions(entries: readonly unknown[]): Map<string, string> {
  const options = new Map<string, string>();
  for (const entry of entries) {
    if (typeof entry !== 'string') continue;
    const equals = entry.indexOf('=');
    if (equals > 0) options.set(entry.slice(0, equals).trim(), entry.slice(equals + 1).trim());
  }
  return options;
}

/** An Application's `spec.syncPolicy.syncOptions`. */
export function applicationSyncOptions(spec: Record<string, unknown>): Map<string, string> {
  const list = asRecord(spec.syncPolicy)?.syncOptions;
  return parseOptions(Array.isArray(list) ? list : []);
}

/** An object's own `argocd.argoproj.io/sync-options` annotation (comma-separated). */
export function objectSyncOptions(object: KubeObject): Map<string, string> {
  const value = asRecord(asRecord(object.body.metadata)?.annotations)?.[SYNC_OPTIONS_ANNOTATION];
  return parseOptions(typeof value === 'string' ? value.split(',') : []);
}

/** The options in force for one object of an Application: its annotation wins over the Application's. */
export function effectiveSyncOptions(spec: Record<string, unknown>, object: KubeObject): Map<string, string> {
  return new Map([...applicationSyncOptions(spec), ...objectSyncOptions(object)]);
}
