import { podTemplateOf, type PodTemplate } from '../pod-templates.js';
import { selects } from '../selectors.js';
import { apiGroup, type KubeObject } from '../../repo/object.js';
import { asList, asRecord } from '../../repo/parse.js';
import { isLateValue } from '../../repo/late-value.js';
import type { ApiProblem } from './api-problem.js';
import { labelProblems } from './object-meta.js';
import { podSpecProblems } from './pod-spec.js';
import { cronJobProblems } from './cron-job.js';

const APPS_WORKLOADS = new Set(['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet']);

/** Workloads as apps/batch validation checks them: selectors against pod labels, restart policies, strategies, and the pod spec. */
export function workloadProblems(object: KubeObject): ApiProblem[] {
  const template = podTemplateOf(object);
  const group = apiGroup(object.apiVersion);
  // Argo Rollouts and other custom workloads are checked by their CRD's schema only.
  if (!template || !['', 'apps', 'batch'].includes(group)) return [];
  const problems: ApiProblem[] = [];
  const spec = asRecord(object.body.spec) ?? {};
  if (group === 'apps' && APPS_WORKLOADS.has(object.kind)) {
    problems.push(...selectorProblems(object, spec, template), ...restartPolicyProblems(template, ['Always']));
    if (object.kind === 'Deployment') problems.push(...deploymentStrategyProblems(spec));
    if (object.kind === 'StatefulSet') problems.push(...statefulSetStrategyProblems(spec));
  }
  if (group === 'batch' && object.kind === 'Job') problems.push(...restartPolicyProblems(template, ['OnFailure', 'Never']));
  if (group === 'batch' && object.kind === 'CronJob') {
    problems.push(...restartPolicyProblems(template, ['OnFailure', 'Never']), ...cronJobProblems(object));
  }
  const claimTemplates = object.kind === 'StatefulSet' ? asList(spec.volumeClaimTemplates).map((claim) => asRecord(asRecord(claim)?.metadata)?.name).filter((name): name is string => typeof name === 'string') : [];
  problems.push(...podSpecProblems(template, claimTemplates));
  return problems;
}

function selectorProblems(object: KubeObject, spec: Record<string, unknown>, template: PodTemplate): ApiProblem[] {
  const selector = asRecord(spec.selector);
  if (!selector) return []; // a missing selector is the schema's finding
  const problems = labelProblems(selector.matchLabels, ['spec', 'selector', 'matchLabels']);
  const matchLabels = asRecord(selector.matchLabels) ?? {};
  const expressions = asList(selector.matchExpressions);
  if (Object.keys(matchLabels).length + expressions.length === 0) {
    problems.push({ path: ['spec', 'selector'], message: `spec.selector is empty: a ${object.kind} must select its pods by label`, hint: 'Add matchLabels (app.kubernetes.io/name: …) and the same labels on the pod template.' });
    return problems;
  }
  expressions.forEach((item, index) => {
    const expression = asRecord(item);
    if (!expression) return;
    const values = asList(expression.values);
    const path = ['spec', 'selector', 'matchExpressions', index];
    if ((expression.operator === 'In' || expression.operator === 'NotIn') && values.length === 0) {
      problems.push({ path, message: `matchExpressions[${index}] uses ${String(expression.operator)} without values`, hint: 'Give In and NotIn at least one value.' });
    }
    if ((expression.operator === 'Exists' || expression.operator === 'DoesNotExist') && values.length > 0) {
      problems.push({ path: [...path, 'values'], message: `matchExpressions[${index}] uses ${String(expression.operator)} with values`, hint: `Remove values: ${String(expression.operator)} looks at the key only.` });
    }
  });
  const labels = template.metadata?.labels;
  const late = [...Object.values(matchLabels), ...Object.values(asRecord(labels) ?? {})].some(isLateValue);
  if (!late && !selects(selector, asRecord(labels) ?? {})) {
    const wanted = Object.entries(matchLabels).map(([key, value]) => `${key}: ${String(value)}`).join(', ');
    problems.push({
      path: labels === undefined ? template.metadataPath : [...template.metadataPath, 'labels'],
      message: `the pod template's labels do not match spec.selector${wanted ? ` (${wanted})` : ''}: the API server refuses the ${object.kind} ("selector does not match template labels")`,
      hint: 'Give the pod template every label the selector asks for. Change the template, not the selector: spec.selector cannot be changed once applied.',
    });
  }
  return problems;
}

/** Pods of Deployments and the like must restart (Always); a Job's must not. Kubernetes defaults an unset policy to Always. */
function restartPolicyProblems(template: PodTemplate, allowed: readonly string[]): ApiProblem[] {
  const policy = template.spec.restartPolicy ?? 'Always';
  if (typeof policy !== 'string' || allowed.includes(policy) || isLateValue(policy)) return [];
  const unset = template.spec.restartPolicy === undefined;
  return [
    {
      path: unset ? template.specPath : [...template.specPath, 'restartPolicy'],
      key: unset,
      message: `${unset ? 'restartPolicy is not set, so it defaults to Always' : `restartPolicy is ${policy}`}; a ${allowed.includes('Always') ? 'workload that keeps pods running' : 'Job'} needs ${allowed.join(' or ')}`,
      hint: allowed.includes('Always') ? 'Remove restartPolicy or set it to Always; use a Job for pods that finish.' : 'Set restartPolicy: OnFailure (retry in the same pod) or Never (a new pod per retry) in the pod template.',
    },
  ];
}

function deploymentStrategyProblems(spec: Record<string, unknown>): ApiProblem[] {
  const strategy = asRecord(spec.strategy);
  if (!strategy) return [];
  const rolling = asRecord(strategy.rollingUpdate);
  if (strategy.type === 'Recreate' && strategy.rollingUpdate !== undefined && strategy.rollingUpdate !== null) {
    return [{ path: ['spec', 'strategy', 'rollingUpdate'], key: true, message: 'strategy.rollingUpdate is set while strategy.type is Recreate', hint: 'Remove the rollingUpdate block: Recreate stops every old pod before starting new ones.' }];
  }
  if (rolling && isZero(rolling.maxSurge) && isZero(rolling.maxUnavailable)) {
    return [{ path: ['spec', 'strategy', 'rollingUpdate', 'maxUnavailable'], message: 'maxUnavailable and maxSurge are both 0: a rollout could neither add nor remove a pod', hint: 'Set maxSurge: 1 (start a new pod first) or maxUnavailable: 1.' }];
  }
  return [];
}

function statefulSetStrategyProblems(spec: Record<string, unknown>): ApiProblem[] {
  const strategy = asRecord(spec.updateStrategy);
  if (strategy?.type === 'OnDelete' && strategy.rollingUpdate !== undefined && strategy.rollingUpdate !== null) {
    return [{ path: ['spec', 'updateStrategy', 'rollingUpdate'], key: true, message: 'updateStrategy.rollingUpdate is set while updateStrategy.type is OnDelete', hint: 'Remove the rollingUpdate block, or use type: RollingUpdate.' }];
  }
  return [];
}

function isZero(value: unknown): boolean {
  return value === 0 || value === '0' || value === '0%';
}
