import { apiGroup, type KubeObject } from '../../repo/object.js';
import { asRecord } from '../../repo/parse.js';
import type { ApiProblem } from './api-problem.js';

/** HorizontalPodAutoscaler replica bounds and PodDisruptionBudget's one-of, as their validation checks them. */
export function scalingProblems(object: KubeObject): ApiProblem[] {
  const spec = asRecord(object.body.spec);
  if (!spec) return [];
  const group = apiGroup(object.apiVersion);
  if (group === 'autoscaling' && object.kind === 'HorizontalPodAutoscaler') {
    // minReplicas 0 is allowed where the HPAScaleToZero feature gate is on, which hctl cannot see.
    const min = typeof spec.minReplicas === 'number' ? spec.minReplicas : 1;
    if (typeof spec.maxReplicas === 'number' && spec.maxReplicas < min) {
      return [{ path: ['spec', 'maxReplicas'], message: `maxReplicas ${spec.maxReplicas} is below minReplicas ${min}`, hint: 'Make maxReplicas at least minReplicas.' }];
    }
  }
  if (group === 'policy' && object.kind === 'PodDisruptionBudget' && spec.minAvailable !== undefined && spec.minAvailable !== null && spec.maxUnavailable !== undefined && spec.maxUnavailable !== null) {
    return [{ path: ['spec', 'maxUnavailable'], key: true, message: 'minAvailable and maxUnavailable are both set; a PodDisruptionBudget takes one', hint: 'Keep one of the two (maxUnavailable: 1 lets node drains proceed one pod at a time).' }];
  }
  return [];
}
