import { apiGroup, type KubeObject } from '../../repo/object.js';
import { asRecord } from '../../repo/parse.js';
import { isLateValue } from '../../repo/late-value.js';
import type { ApiProblem } from './api-problem.js';
import { annotationBytes, ANNOTATIONS_LIMIT_BYTES, kibibytes } from '../annotation-size.js';
import { dns1035LabelProblem, dnsLabelProblem, dnsSubdomainProblem, labelValueProblem, pathSegmentProblem, qualifiedNameProblem } from '../names.js';

/** Groups whose object names are path segments rather than DNS subdomains. */
const PATH_SEGMENT_GROUPS = new Set(['rbac.authorization.k8s.io', 'flowcontrol.apiserver.k8s.io']);

/** How the API server checks this kind's name; undefined where hctl does not know it. */
function nameCheck(object: KubeObject): { check: (name: string) => string | undefined; what: string } | undefined {
  const group = apiGroup(object.apiVersion);
  if (group === '' && object.kind === 'Namespace') return { check: dnsLabelProblem, what: 'a Namespace name' };
  if (group === '' && object.kind === 'Service') return { check: dns1035LabelProblem, what: 'a Service name' };
  if (PATH_SEGMENT_GROUPS.has(group)) return { check: pathSegmentProblem, what: `a ${object.kind} name` };
  if (group === 'apiregistration.k8s.io') return undefined;
  return { check: dnsSubdomainProblem, what: `a ${object.kind} name` };
}

/** ObjectMeta as every kind's validation checks it: the name, namespace, labels and annotation keys. */
export function objectMetaProblems(object: KubeObject): ApiProblem[] {
  const metadata = asRecord(object.body.metadata);
  if (!metadata) return [];
  const problems: ApiProblem[] = [];
  if ((metadata.name === undefined || metadata.name === null || metadata.name === '') && !metadata.generateName) {
    problems.push({ path: ['metadata'], key: true, message: 'metadata.name is missing: nothing can apply an object without a name ("resource name may not be empty")', hint: 'Give the object a name.' });
  }
  const rule = nameCheck(object);
  if (rule && typeof metadata.name === 'string' && !isLateValue(metadata.name)) {
    const problem = rule.check(metadata.name);
    if (problem) {
      problems.push({
        path: ['metadata', 'name'],
        message: `metadata.name "${metadata.name}" ${problem}: the API server refuses ${rule.what} like this`,
        hint: 'Rename it: lowercase letters, digits and "-" are always safe.',
      });
    }
  }
  if (typeof metadata.namespace === 'string' && !isLateValue(metadata.namespace)) {
    const problem = dnsLabelProblem(metadata.namespace);
    if (problem) problems.push({ path: ['metadata', 'namespace'], message: `metadata.namespace "${metadata.namespace}" ${problem}`, hint: 'Namespace names are lowercase letters, digits and "-", at most 63 characters.' });
  }
  problems.push(...labelProblems(metadata.labels, ['metadata', 'labels']));
  problems.push(...annotationKeyProblems(metadata.annotations, ['metadata', 'annotations']));
  const annotations = asRecord(metadata.annotations);
  const size = annotations ? annotationBytes(annotations) : 0;
  if (size > ANNOTATIONS_LIMIT_BYTES) {
    problems.push({
      path: ['metadata', 'annotations'],
      key: true,
      message: `metadata.annotations hold ${kibibytes(size)}: the API server refuses more than 256 KiB of annotations ("Too long: must have at most 262144 bytes")`,
      hint: 'Move the large values out of annotations: into a ConfigMap, or the field the tool reading them offers.',
    });
  }
  return problems;
}

/** A labels map (object, pod template or selector labels): qualified keys and short plain values. */
export function labelProblems(labels: unknown, path: readonly (string | number)[]): ApiProblem[] {
  const record = asRecord(labels);
  if (!record) return [];
  const problems: ApiProblem[] = [];
  for (const [key, value] of Object.entries(record)) {
    if (isLateValue(key)) continue;
    const keyProblem = qualifiedNameProblem(key);
    if (keyProblem) {
      problems.push({ path: [...path, key], key: true, message: `label key "${key}" ${keyProblem}`, hint: 'Use a key such as app.kubernetes.io/name: an optional DNS prefix, "/", and a short name.' });
    }
    if (typeof value !== 'string' || isLateValue(value)) continue; // a non-string value is the schema's finding
    const valueProblem = labelValueProblem(value);
    if (valueProblem) {
      problems.push({
        path: [...path, key],
        message: `label ${key}: value "${value.length > 70 ? `${value.slice(0, 60)}…` : value}" ${valueProblem}`,
        hint: 'Label values are short identifiers; put longer text (URLs, descriptions) in an annotation.',
      });
    }
  }
  return problems;
}

function annotationKeyProblems(annotations: unknown, path: readonly (string | number)[]): ApiProblem[] {
  const record = asRecord(annotations);
  if (!record) return [];
  const problems: ApiProblem[] = [];
  for (const key of Object.keys(record)) {
    // The API server lowercases annotation keys before checking them.
    const problem = isLateValue(key) ? undefined : qualifiedNameProblem(key.toLowerCase());
    if (problem) problems.push({ path: [...path, key], key: true, message: `annotation key "${key}" ${problem}`, hint: 'Annotation keys follow the label key format: an optional DNS prefix, "/", and a name of at most 63 characters.' });
  }
  return problems;
}
