import { asRecord } from '../repo/parse.js';

export interface DependsOnEntry {
  name: string;
  /** As Flux resolves it: the entry's namespace, else the dependent's own. */
  namespace: string;
  /** Position in spec.dependsOn, for locating findings. */
  index: number;
}

/** The named entries of a Flux object's spec.dependsOn (Kustomization or HelmRelease). */
export function dependsOnEntries(body: Record<string, unknown>, ownNamespace: string): DependsOnEntry[] {
  const dependsOn = asRecord(body.spec)?.dependsOn;
  if (!Array.isArray(dependsOn)) return [];
  return dependsOn.flatMap((entry, index) => {
    const name = asRecord(entry)?.name;
    return typeof name === 'string' ? [{ name, namespace: String(asRecord(entry)?.namespace ?? ownNamespace), index }] : [];
  });
}
