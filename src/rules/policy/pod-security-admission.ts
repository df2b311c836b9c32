import { objectNamespaces } from '../../k8s/object-namespaces.js';
import { podSecurityProblems, type PodSecurityLevel } from '../../k8s/pod-security.js';
import { podTemplateOf } from '../../k8s/pod-templates.js';
import type { KubeObject } from '../../repo/object.js';
import { asRecord } from '../../repo/parse.js';
import type { Rule } from '../rule.js';

const ENFORCE = 'pod-security.kubernetes.io/enforce';

export default {
  meta: {
    id: 'pod-security-admission',
    domain: 'policy',
    severity: 'critical',
    title: "A pod template its namespace's Pod Security level (enforce label) forbids",
    source:
      'W5; Kubernetes Pod Security Admission (pods forbidden: violates PodSecurity); platform-lab and sudoflux namespaces labelled pod-security.kubernetes.io/enforce: baseline',
  },
  check(context) {
    const levels = enforcedLevels(context.applied);
    if (levels.size === 0) return;
    const namespaceOf = objectNamespaces(context.objects, context.argoBuilds);
    for (const object of context.applied) {
      const template = podTemplateOf(object);
      const namespace = template && namespaceOf(object);
      const enforced = namespace === undefined ? undefined : levels.get(namespace);
      if (!template || !enforced) continue;
      const problems = podSecurityProblems(template, enforced.level);
      if (problems.length === 0) continue;
      const controls = [...new Set(problems.map((problem) => problem.control))];
      context.report({
        object,
        path: problems[0]!.path,
        key: true,
        message: `${object.kind === 'Pod' ? 'forbidden' : 'its pods are forbidden'} by Pod Security "${enforced.level}" in namespace ${namespace}: ${problems.map((problem) => problem.detail).join('; ')}`,
        hint: `The namespace's ${ENFORCE}: ${enforced.level} label (${enforced.where}) makes the API server refuse ${object.kind === 'Pod' ? 'the pod' : 'every pod the controller creates; the workload itself is accepted and never starts'}. Bring it within ${enforced.level} (the Pod Security Standards controls it breaks: ${controls.join(', ')}), or give the namespace the level the workload really needs.`,
      });
    }
  },
} satisfies Rule;

/**
 * The enforced level of each namespace the repo defines with a `baseline` or `restricted` enforce
 * label; a namespace defined twice with different levels is left out (which one wins is unknown).
 */
function enforcedLevels(objects: readonly KubeObject[]): Map<string, { level: PodSecurityLevel; where: string }> {
  const found = new Map<string, { level: string; where: string }[]>();
  for (const object of objects) {
    if (object.kind !== 'Namespace' || object.apiVersion !== 'v1' || !object.name) continue;
    const level = String(asRecord(asRecord(object.body.metadata)?.labels)?.[ENFORCE] ?? 'privileged');
    const list = found.get(object.name) ?? [];
    list.push({ level, where: object.source ? `${object.source.file}` : `Namespace ${object.name}` });
    found.set(object.name, list);
  }
  const result = new Map<string, { level: PodSecurityLevel; where: string }>();
  for (const [name, list] of found) {
    const levels = new Set(list.map((entry) => entry.level));
    const level = list[0]!.level;
    if (levels.size === 1 && (level === 'baseline' || level === 'restricted')) result.set(name, { level, where: list[0]!.where });
  }
  return result;
}
