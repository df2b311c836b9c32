import { samePath, type KubeObject, type NodePath, type Yaml11OnlyBoolean } from '../../repo/object.js';
import { fieldName } from '../../schema/validator.js';
import { kustomizeBody } from '../../render/kustomize-read.js';
import type { Rule, RuleContext } from '../rule.js';

const MEANT_TRUE = /^(?:[yY]|[Yy]es|YES|[Oo]n|ON)$/;

/** Helm values (a HelmRelease's `spec.values`, an Argo CD source's `helm.valuesObject`): typed by the chart, not a schema. */
function inHelmValues(path: NodePath): boolean {
  return path.some((segment, index) => (segment === 'values' && path[index - 1] === 'spec') || (segment === 'valuesObject' && path[index - 1] === 'helm'));
}

export default {
  meta: {
    id: 'yaml-kustomize-boolean',
    domain: 'yaml',
    severity: 'critical',
    title: 'A yes/no/on/off that kustomize passes on as a string where a boolean is meant',
    source: 'kustomize reads YAML as yaml.v3: only true and false are booleans (kubectl kustomize v5.5, which Flux and Argo CD build with); anchors-static.md §3.3',
  },
  check(context) {
    for (const object of context.objects) {
      const written = object.source?.yaml11OnlyBooleans?.() ?? [];
      if (written.length === 0 || !context.readByKustomize(object)) continue;
      const schemaTyped = written.filter((boolean) => !inHelmValues(boolean.path));
      const validated = schemaTyped.length > 0 && context.validation.results.get(object)?.status === 'validated';
      const built = validated ? context.validation.validateReading(object, kustomizeBody(object), 'kustomize') : undefined;
      for (const boolean of written) {
        if (inHelmValues(boolean.path)) {
          reportHelmValue(context, object, boolean);
        } else if (built?.status === 'validated' && built.problems.some((problem) => samePath(problem.path, boolean.path))) {
          const meant = MEANT_TRUE.test(boolean.spelling);
          context.report({
            object,
            path: boolean.path,
            message: `${fieldName(boolean.path)} is the string "${boolean.spelling}" once kustomize builds this file, but the API needs a boolean and rejects the object`,
            hint: `Write ${meant}: kustomize (Flux, Argo CD, kubectl apply -k) reads only true and false as booleans.`,
          });
        }
      }
    }
  },
} satisfies Rule;

function reportHelmValue(context: RuleContext, object: KubeObject, { path, spelling }: Yaml11OnlyBoolean): void {
  const meant = MEANT_TRUE.test(spelling);
  context.report({
    object,
    path,
    severity: 'warning',
    message: meant
      ? `${fieldName(path)} reaches the chart as the string "${spelling}", not true: kustomize reads only true and false as booleans, so a values schema or a comparison with true sees a string`
      : `${fieldName(path)} reaches the chart as the string "${spelling}", not false: kustomize reads only true and false as booleans, and a template's if takes any non-empty string as true`,
    hint: `Write ${meant} if a boolean is meant; quote "${spelling}" if the chart wants the word (a country code, say).`,
  });
}
