import { apiGroup, type KubeObject } from '../../repo/object.js';
import type { ApiProblem } from './api-problem.js';
import { configDataProblems } from './config-data.js';
import { ingressProblems } from './ingress-spec.js';
import { objectMetaProblems } from './object-meta.js';
import { claimProblems } from './persistent-volume-claim.js';
import { scalingProblems } from './scaling.js';
import { serviceProblems } from './service-spec.js';
import { workloadProblems } from './workload-spec.js';

export type { ApiProblem } from './api-problem.js';

/**
 * What the API server's built-in (Go) validation would refuse in this object, beyond its OpenAPI
 * schema: ObjectMeta for every kind, and the specs of the core kinds homelab repos write by hand.
 */
export function apiValidationProblems(object: KubeObject): ApiProblem[] {
  const problems = objectMetaProblems(object);
  const group = apiGroup(object.apiVersion);
  problems.push(...workloadProblems(object));
  if (group === '' && object.kind === 'Service') problems.push(...serviceProblems(object));
  if (group === '' && (object.kind === 'ConfigMap' || object.kind === 'Secret')) problems.push(...configDataProblems(object));
  if (group === '' && object.kind === 'PersistentVolumeClaim') problems.push(...claimProblems(object));
  if (group === 'networking.k8s.io' && object.kind === 'Ingress') problems.push(...ingressProblems(object));
  problems.push(...scalingProblems(object));
  return problems;
}
