import { apiGroup, type KubeObject } from '../repo/object.js';
import { asRecord } from '../repo/parse.js';

/**
 * The resource name (lower-case plural) of each kind, as admission rules name them: from the repo's
 * CustomResourceDefinitions where they say, else English plurals as Kubernetes' own kinds use them
 * (`ingresses`, `networkpolicies`, `gateways`, `endpoints`).
 */
export function resourceNames(objects: readonly KubeObject[]): (group: string, kind: string) => string {
  const declared = new Map<string, string>();
  for (const object of objects) {
    if (object.kind !== 'CustomResourceDefinition' || apiGroup(object.apiVersion) !== 'apiextensions.k8s.io') continue;
    const spec = asRecord(object.body.spec);
    const names = asRecord(spec?.names);
    if (typeof spec?.group === 'string' && typeof names?.kind === 'string' && typeof names.plural === 'string') declared.set(`${spec.group}/${names.kind}`, names.plural);
  }
  return (group, kind) => declared.get(`${group}/${kind}`) ?? pluralOf(kind);
}

function pluralOf(kind: string): string {
  const lower = kind.toLowerCase();
  if (lower === 'endpoints') return lower;
  if (/(s|x|z|ch|sh)$/.test(lower)) return `${lower}es`;
  if (/[^aeiou]y$/.test(lower)) return `${lower.slice(0, -1)}ies`;
  return `${lower}s`;
}
