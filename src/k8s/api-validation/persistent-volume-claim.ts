import { quantityBytes } from '../byte-sizes.js';
import type { KubeObject } from '../../repo/object.js';
import { asList, asRecord } from '../../repo/parse.js';
import { isLateValue } from '../../repo/late-value.js';
import type { ApiProblem } from './api-problem.js';

/** A PersistentVolumeClaim as core validation checks it: access modes and a storage request. */
export function claimProblems(object: KubeObject): ApiProblem[] {
  const spec = asRecord(object.body.spec);
  if (!spec) return [];
  const problems: ApiProblem[] = [];
  if (asList(spec.accessModes).length === 0) {
    problems.push({ path: ['spec'], message: 'spec.accessModes is empty: a claim needs at least one access mode', hint: 'Add accessModes: [ReadWriteOnce] (or ReadWriteMany for a shared volume).' });
  }
  const storage = asRecord(asRecord(spec.resources)?.requests)?.storage;
  if (storage === undefined || storage === null) {
    problems.push({ path: ['spec', 'resources'], message: 'spec.resources.requests.storage is not set: a claim must say how much storage it needs', hint: 'Add resources.requests.storage: 10Gi (or the size of the volume it binds).' });
  } else if (!isLateValue(storage) && (quantityBytes(storage) ?? 1) <= 0) {
    problems.push({ path: ['spec', 'resources', 'requests', 'storage'], message: `requests.storage is ${String(storage)}; it must be more than 0`, hint: 'Request the size the volume needs.' });
  }
  return problems;
}
