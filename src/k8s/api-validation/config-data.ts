import type { KubeObject } from '../../repo/object.js';
import { asRecord } from '../../repo/parse.js';
import { isLateValue } from '../../repo/late-value.js';
import type { ApiProblem } from './api-problem.js';
import { configKeyProblem } from '../names.js';

/** What etcd can hold in one object: the API server refuses larger ConfigMaps and Secrets. */
const MAX_DATA_BYTES = 1024 * 1024;

/** Keys a Secret of each built-in type must carry. */
const REQUIRED_SECRET_KEYS: Record<string, readonly string[]> = {
  'kubernetes.io/tls': ['tls.crt', 'tls.key'],
  'kubernetes.io/dockerconfigjson': ['.dockerconfigjson'],
  'kubernetes.io/dockercfg': ['.dockercfg'],
  'kubernetes.io/ssh-auth': ['ssh-privatekey'],
};

/** ConfigMap and Secret data as core validation checks it: keys, size, and each Secret type's keys. */
export function configDataProblems(object: KubeObject): ApiProblem[] {
  const secret = object.kind === 'Secret';
  const sections = secret ? ['data', 'stringData'] : ['data', 'binaryData'];
  const problems: ApiProblem[] = [];
  const keys = new Map<string, string>();
  let bytes = 0;
  for (const section of sections) {
    const values = asRecord(object.body[section]);
    if (!values) continue;
    for (const [key, value] of Object.entries(values)) {
      const problem = isLateValue(key) ? undefined : configKeyProblem(key);
      if (problem) problems.push({ path: [section, key], key: true, message: `${section} key "${key}" ${problem}`, hint: 'Keys become file names when mounted: letters, digits, "-", "_" and "." only. Rename the key (mount it under another name with items[].path if the app needs one).' });
      const other = keys.get(key);
      if (other && !secret) problems.push({ path: [section, key], key: true, message: `key "${key}" is in both ${other} and ${section}`, hint: 'Keep each key in one of data and binaryData.' });
      keys.set(key, section);
      if (typeof value === 'string') bytes += section === 'stringData' || section === 'data' && !secret ? Buffer.byteLength(value) : Math.floor((value.replace(/\s/g, '').length * 3) / 4);
    }
  }
  if (bytes > MAX_DATA_BYTES && !object.sopsEncrypted) {
    problems.push({ path: [sections[0]!], key: true, message: `holds ${(bytes / 1024 / 1024).toFixed(1)} MiB of data; a ${object.kind} may hold at most 1 MiB`, hint: 'Split the data over several objects, or ship large files another way (an image, a volume, a Grafana dashboard provider that reads files).' });
  }
  const required = secret && typeof object.body.type === 'string' ? REQUIRED_SECRET_KEYS[object.body.type] : undefined;
  for (const key of required ?? []) {
    if (!keys.has(key)) problems.push({ path: ['type'], message: `a Secret of type ${String(object.body.type)} needs the key ${key}, which it does not have`, hint: `Add ${key} under data or stringData, or change the type to Opaque.` });
  }
  return problems;
}
