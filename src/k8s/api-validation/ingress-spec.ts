import { isIP } from 'node:net';
import type { KubeObject } from '../../repo/object.js';
import { asList, asRecord } from '../../repo/parse.js';
import { isLateValue } from '../../repo/late-value.js';
import type { ApiProblem } from './api-problem.js';
import { dnsSubdomainProblem } from '../names.js';

/** A networking.k8s.io/v1 Ingress as its validation checks it: rule hosts and HTTP paths. */
export function ingressProblems(object: KubeObject): ApiProblem[] {
  const spec = asRecord(object.body.spec);
  if (!spec) return [];
  const problems: ApiProblem[] = [];
  asList(spec.rules).forEach((item, ruleIndex) => {
    const rule = asRecord(item);
    if (!rule) return;
    const host = rule.host;
    if (typeof host === 'string' && host !== '' && !isLateValue(host)) {
      const problem = hostProblem(host);
      if (problem) problems.push({ path: ['spec', 'rules', ruleIndex, 'host'], message: `host "${host}" ${problem}`, hint: 'Use a DNS name (app.example.com, or *.example.com for a wildcard); an Ingress cannot match an IP address.' });
    }
    asList(asRecord(rule.http)?.paths).forEach((pathItem, pathIndex) => {
      const entry = asRecord(pathItem);
      const value = entry?.path;
      if (!entry || typeof value !== 'string' || isLateValue(value)) return;
      const type = entry.pathType;
      if ((type === 'Prefix' || type === 'Exact') && !value.startsWith('/')) {
        problems.push({ path: ['spec', 'rules', ruleIndex, 'http', 'paths', pathIndex, 'path'], message: `path "${value}" does not start with "/", which pathType ${type} requires`, hint: `Write /${value}.` });
      }
    });
  });
  return problems;
}

function hostProblem(host: string): string | undefined {
  if (isIP(host) !== 0) return 'is an IP address; Ingress hosts must be DNS names';
  const name = host.startsWith('*.') ? host.slice(2) : host;
  return dnsSubdomainProblem(name);
}
