import { apiGroup, samePath, type KubeObject, type NodePath } from '../../repo/object.js';
import { asRecord } from '../../repo/parse.js';
import { getIn } from '../../k8s/pod-templates.js';
import { fieldName } from '../../schema/validator.js';
import type { Rule, RuleContext } from '../rule.js';

/** Maps whose values the API declares as strings, by key name and the key of their parent. */
function isStringMap(key: string, parentKey: string | number | undefined, object: KubeObject, path: NodePath): boolean {
  if ((key === 'labels' || key === 'annotations') && parentKey === 'metadata') return true;
  if (key === 'matchLabels' || key === 'nodeSelector') return true;
  const topLevel = path.length === 0;
  if (topLevel && object.kind === 'ConfigMap' && (key === 'data' || key === 'binaryData')) return true;
  if (topLevel && object.kind === 'Secret' && (key === 'data' || key === 'stringData')) return true;
  return key === 'selector' && parentKey === 'spec' && path.length === 1 && object.kind === 'Service' && apiGroup(object.apiVersion) === '';
}

/** Free-form values handed to Helm: their types are the chart's business, not the API's. */
function isFreeForm(key: string, path: NodePath): boolean {
  return key === 'values' || key === 'valuesObject' || (key === 'helm' && path[path.length - 1] === 'source');
}

/** A `yes` or `off` in a document kustomize builds arrives as the string it reads as; `true` and numbers do not. */
function keptAsStringByKustomize(context: RuleContext, object: KubeObject, path: NodePath): boolean {
  const written = object.source?.yaml11OnlyBooleans?.() ?? [];
  return written.some((boolean) => samePath(boolean.path, path)) && context.readByKustomize(object);
}

/** Booleans and numbers are the YAML 1.1 surprises; maps and lists are structure, not a quoting slip. */
function isMisreadScalar(value: unknown): value is boolean | number {
  return typeof value === 'boolean' || typeof value === 'number';
}

function describe(value: boolean | number): string {
  return typeof value === 'boolean' ? `the boolean ${value}` : `the number ${value}`;
}

export default {
  meta: {
    id: 'yaml-non-string-value',
    domain: 'yaml',
    severity: 'critical',
    title: 'An unquoted on/yes/0755/1.0 where Kubernetes needs a string',
    source: 'Kubernetes decodes YAML 1.1 (go-yaml v2): `on`, `yes`, `0755` are not strings (anchors-static.md §3.3)',
  },
  check(context) {
    for (const object of context.objects) {
      const result = context.validation.results.get(object);
      if (result?.status === 'validated') {
        // The schema knows every string field of the object.
        for (const problem of result.problems.filter((candidate) => candidate.misreadScalar)) {
          report(context, object, problem.path, getIn(object.body, problem.path) as boolean | number);
        }
      } else if (object.kind !== 'CustomResourceDefinition') {
        // Without a schema, check the fields every kind has as strings. A CRD's schema describes
        // fields; its `nodeSelector` or `labels` are property names, not values.
        visit(context, object, object.body, []);
      }
    }
  },
} satisfies Rule;

function visit(context: RuleContext, object: KubeObject, value: unknown, path: NodePath): void {
  if (Array.isArray(value)) {
    value.forEach((item, index) => visit(context, object, item, [...path, index]));
    return;
  }
  const record = asRecord(value);
  if (!record) return;
  const parentKey = path[path.length - 1];
  for (const [key, child] of Object.entries(record)) {
    const childPath = [...path, key];
    if (isFreeForm(key, path)) continue;
    if (isStringMap(key, parentKey, object, path)) {
      checkStringMap(context, object, child, childPath);
    } else if (key === 'env' && Array.isArray(child)) {
      child.forEach((entry, index) => {
        const variable = asRecord(entry);
        if (variable && isMisreadScalar(variable.value)) {
          report(context, object, [...childPath, index, 'value'], variable.value);
        }
      });
    } else {
      visit(context, object, child, childPath);
    }
  }
}

function checkStringMap(context: RuleContext, object: KubeObject, map: unknown, path: NodePath): void {
  const record = asRecord(map);
  if (!record) return;
  for (const [key, value] of Object.entries(record)) {
    if (isMisreadScalar(value)) report(context, object, [...path, key], value);
  }
}

function report(context: RuleContext, object: KubeObject, path: NodePath, value: boolean | number): void {
  if (typeof value === 'boolean' && keptAsStringByKustomize(context, object, path)) return;
  context.report({
    object,
    path,
    message: `${fieldName(path)} is read as ${describe(value)} (YAML 1.1), but the API needs a string and rejects the object`,
    hint: 'Quote the value ("on", "yes", "0755", "1.0") so it stays a string.',
  });
}
