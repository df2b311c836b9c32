import { selects } from '../k8s/selectors.js';
import { asRecord } from '../repo/parse.js';
import { and, type Maybe } from '../kyverno/resource-filter.js';

/** What admission matching sees of one object, as the API server would on its CREATE. */
export interface AdmissionSubject {
  group: string;
  version: string;
  kind: string;
  /** Its resource name (`deployments`). */
  resource: string;
  name: string | undefined;
  /** Undefined for a cluster-scoped object, or a namespaced one whose namespace the repo does not decide. */
  namespace: string | undefined;
  namespaced: boolean;
  labels: Record<string, string>;
  /** The labels of its Namespace as the repo defines it; undefined when the repo does not. */
  namespaceLabels: Record<string, string> | undefined;
}

/**
 * A ValidatingAdmissionPolicy's `matchConstraints` or a binding's `matchResources`: resource rules,
 * exclusions, object and namespace selectors. `undefined` (a binding without matchResources) matches
 * everything; unknown namespace labels give 'unknown', never a guess.
 */
export function matchResources(block: unknown, subject: AdmissionSubject, emptyMatchesAll: boolean): Maybe {
  const match = asRecord(block);
  if (!match) return emptyMatchesAll;
  const rules = Array.isArray(match.resourceRules) ? match.resourceRules : [];
  const ruled = rules.length === 0 ? emptyMatchesAll : rules.some((rule) => ruleMatches(rule, subject));
  const excluded = (Array.isArray(match.excludeResourceRules) ? match.excludeResourceRules : []).some((rule) => ruleMatches(rule, subject));
  return and(ruled && !excluded, selects(match.objectSelector ?? {}, subject.labels), namespaceMatches(match.namespaceSelector, subject));
}

/** One NamedRuleWithOperations, for the operation CREATE. */
function ruleMatches(entry: unknown, subject: AdmissionSubject): boolean {
  const rule = asRecord(entry) ?? {};
  const has = (field: string, value: string) => Array.isArray(rule[field]) && (rule[field] as unknown[]).some((item) => item === '*' || item === value);
  const resources = Array.isArray(rule.resources) ? rule.resources : [];
  const names = Array.isArray(rule.resourceNames) ? rule.resourceNames : [];
  const scope = rule.scope ?? '*';
  return (
    has('apiGroups', subject.group) &&
    has('apiVersions', subject.version) &&
    has('operations', 'CREATE') &&
    resources.some((resource) => resource === '*' || resource === '*/*' || resource === subject.resource) &&
    (names.length === 0 || (subject.name !== undefined && names.includes(subject.name))) &&
    (scope === '*' || (scope === 'Namespaced') === subject.namespaced)
  );
}

/**
 * The namespace selector judges a namespaced object by its Namespace's labels and a Namespace by its
 * own; any other cluster-scoped object always matches.
 */
function namespaceMatches(selector: unknown, subject: AdmissionSubject): Maybe {
  const record = asRecord(selector);
  if (!record || Object.keys(record).length === 0) return true;
  if (subject.kind === 'Namespace' && subject.group === '') return selects(record, subject.labels);
  if (!subject.namespaced) return true;
  return subject.namespaceLabels ? selects(record, subject.namespaceLabels) : 'unknown';
}
