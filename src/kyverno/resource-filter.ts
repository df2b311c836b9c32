import { selects } from '../k8s/selectors.js';
import { apiGroup } from '../repo/object.js';
import { asRecord, asStrings } from '../repo/parse.js';
import { hasWildcard, wildcardMatch } from './wildcard.js';

/**
 * What Kyverno's `match` and `exclude` blocks look at, for one object as hctl sees it offline.
 * What the repository cannot tell (the namespace of an object no build places, the labels of a
 * Namespace defined elsewhere, who applies it) is undefined, and filters on it answer `unknown`.
 */
export interface Subject {
  apiVersion: string;
  kind: string;
  /** For pods a controller creates, a stand-in that only wildcards (`app-*`) can match. */
  name: string;
  namespace: string | undefined;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  namespaceLabels: Record<string, string> | undefined;
}

export type Maybe = boolean | 'unknown';

export const and = (...values: Maybe[]): Maybe => (values.includes(false) ? false : values.includes('unknown') ? 'unknown' : true);
export const or = (...values: Maybe[]): Maybe => (values.includes(true) ? true : values.includes('unknown') ? 'unknown' : false);
export const not = (value: Maybe): Maybe => (value === 'unknown' ? value : !value);

/**
 * Whether a `match` block (or a PolicyException's) selects the subject: `any` filters or'ed, `all`
 * and'ed, else the legacy form with `resources` and user info at the top. `podKinds` is set for a
 * Pod rule's auto-generated copy, where Kyverno replaces `Pod` with the pod controllers.
 */
export function matchBlock(block: unknown, subject: Subject, podKinds = false): Maybe {
  const filters = filtersOf(block);
  if (filters.mode === 'any') return or(...filters.list.map((filter) => filterMatches(filter, subject, podKinds)));
  return and(...filters.list.map((filter) => filterMatches(filter, subject, podKinds)));
}

/** Whether an `exclude` block turns the subject away; an absent or empty block excludes nothing. */
export function excludeBlock(block: unknown, subject: Subject, podKinds = false): Maybe {
  if (asRecord(block) === undefined) return false;
  const filters = filtersOf(block);
  const results = filters.list.map((filter) => filterMatches(filter, subject, podKinds));
  if (results.length === 0) return false;
  return filters.mode === 'any' ? or(...results) : and(...results);
}

/** Every `kinds` entry a block names, for auto-generation and messages. */
export function kindsIn(block: unknown): string[] {
  return filtersOf(block).list.flatMap((filter) => asStrings(asRecord(filter.resources)?.kinds));
}

/** Every filter of a block, as `{ resources, subjects, roles, clusterRoles }`. */
export function filtersOf(block: unknown): { mode: 'any' | 'all'; list: Record<string, unknown>[] } {
  const record = asRecord(block) ?? {};
  const listOf = (value: unknown) => (Array.isArray(value) ? value.map((item) => asRecord(item) ?? {}) : []);
  if (listOf(record.any).length > 0) return { mode: 'any', list: listOf(record.any) };
  if (listOf(record.all).length > 0) return { mode: 'all', list: listOf(record.all) };
  const legacy = { resources: record.resources, subjects: record.subjects, roles: record.roles, clusterRoles: record.clusterRoles };
  return { mode: 'all', list: Object.values(legacy).some((value) => value !== undefined) ? [legacy] : [] };
}

function filterMatches(filter: Record<string, unknown>, subject: Subject, podKinds: boolean): Maybe {
  const resources = asRecord(filter.resources) ?? {};
  const userInfo = ['subjects', 'roles', 'clusterRoles'].some((key) => Array.isArray(filter[key]) && (filter[key] as unknown[]).length > 0);
  // An empty filter matches nothing in `match` and excludes nothing in `exclude`.
  if (Object.keys(resources).length === 0 && !userInfo) return false;
  const checks: Maybe[] = [];
  const kinds = asStrings(resources.kinds);
  if (kinds.length > 0) checks.push(podKinds && kinds.includes('Pod') ? true : kinds.some((kind) => kindMatches(kind, subject)));
  const names = [...asStrings(resources.names), ...(typeof resources.name === 'string' ? [resources.name] : [])];
  if (names.length > 0) checks.push(names.some((name) => wildcardMatch(name, subject.name)));
  const namespaces = asStrings(resources.namespaces);
  if (namespaces.length > 0) checks.push(namespaceMatches(namespaces, subject));
  const annotations = asRecord(resources.annotations);
  if (annotations) checks.push(Object.entries(annotations).every(([key, value]) => Object.entries(subject.annotations).some(([have, is]) => wildcardMatch(key, have) && wildcardMatch(String(value), is))));
  if (resources.selector !== undefined) checks.push(selectorMatches(resources.selector, subject.labels));
  if (resources.namespaceSelector !== undefined && subject.kind !== 'Namespace') {
    checks.push(subject.namespaceLabels ? selectorMatches(resources.namespaceSelector, subject.namespaceLabels) : 'unknown');
  }
  // Flux and Argo CD create and update objects; a filter on other operations never sees them.
  const operations = asStrings(resources.operations);
  if (operations.length > 0) checks.push(operations.some((operation) => operation === 'CREATE' || operation === 'UPDATE'));
  // Who applies the object (the GitOps controller's service account) is not in the repository.
  if (userInfo) checks.push('unknown');
  return and(...checks);
}

/** `Pod`, `v1/Pod`, `apps/v1/Deployment`, `*`; `Pod/exec` names a subresource, never the object. */
function kindMatches(entry: string, subject: Subject): boolean {
  const parts = entry.split('/');
  const last = parts[parts.length - 1]!;
  if (parts.length > 1 && /^[a-z]/.test(last) && last !== '*') return false;
  const [group, version, kind] = parts.length >= 3 ? [parts[0]!, parts[1]!, parts[2]!] : parts.length === 2 ? ['*', parts[0]!, parts[1]!] : ['*', '*', parts[0]!];
  const subjectVersion = subject.apiVersion.includes('/') ? subject.apiVersion.slice(subject.apiVersion.indexOf('/') + 1) : subject.apiVersion;
  return wildcardMatch(kind, subject.kind) && wildcardMatch(version, subjectVersion) && wildcardMatch(group, apiGroup(subject.apiVersion));
}

function namespaceMatches(namespaces: string[], subject: Subject): Maybe {
  const namespace = subject.kind === 'Namespace' ? subject.name : subject.namespace;
  if (namespace === undefined) return 'unknown';
  return namespaces.some((pattern) => wildcardMatch(pattern, namespace));
}

/** A label selector whose keys and values may hold wildcards, as Kyverno allows. */
function selectorMatches(selector: unknown, labels: Record<string, string>): boolean {
  const record = asRecord(selector) ?? {};
  const matchLabels = asRecord(record.matchLabels) ?? {};
  for (const [key, value] of Object.entries(matchLabels)) {
    if (!hasWildcard(key) && !hasWildcard(String(value))) continue;
    if (!Object.entries(labels).some(([have, is]) => wildcardMatch(key, have) && wildcardMatch(String(value), is))) return false;
  }
  const exact = Object.fromEntries(Object.entries(matchLabels).filter(([key, value]) => !hasWildcard(key) && !hasWildcard(String(value))));
  return selects({ matchLabels: exact, matchExpressions: record.matchExpressions ?? [] }, labels);
}
