import type { KubeObject } from '../../repo/object.js';
import { asList, asRecord } from '../../repo/parse.js';
import { isLateValue } from '../../repo/late-value.js';
import { namedOnceProblem, type ApiProblem, type NameRule } from './api-problem.js';
import { dnsLabelProblem, isPortNumber, portNameProblem } from '../names.js';
import { labelProblems } from './object-meta.js';

const SERVICE_PORT_NAME: NameRule = { what: 'port name', check: dnsLabelProblem, hint: 'Service port names are lowercase letters, digits and "-", one per port.', scope: 'in the Service' };

/** A v1 Service as core validation checks it: port names, numbers and uniqueness, node ports, the selector. */
export function serviceProblems(object: KubeObject): ApiProblem[] {
  const spec = asRecord(object.body.spec);
  if (!spec) return [];
  const problems = labelProblems(spec.selector, ['spec', 'selector']);
  const ports = asList(spec.ports);
  const names = new Set<string>();
  const seen = new Set<string>();
  const type = typeof spec.type === 'string' ? spec.type : 'ClusterIP';
  ports.forEach((item, index) => {
    const port = asRecord(item);
    if (!port) return;
    const path = ['spec', 'ports', index];
    const nameProblem = namedOnceProblem(port.name, [...path, 'name'], names, SERVICE_PORT_NAME);
    if (nameProblem) problems.push(nameProblem);
    if (ports.length > 1 && (port.name === undefined || port.name === '')) {
      problems.push({ path, message: `port ${String(port.port)} has no name, which a Service with ${ports.length} ports requires of each`, hint: 'Name every port (http, https, metrics…); Ingresses and ServiceMonitors refer to them by name.' });
    }
    if (typeof port.port === 'number' && !isPortNumber(port.port)) problems.push({ path: [...path, 'port'], message: `port ${port.port} is not a port number (1-65535)`, hint: 'Use a port between 1 and 65535.' });
    const target = port.targetPort;
    if (typeof target === 'number' && !isPortNumber(target)) problems.push({ path: [...path, 'targetPort'], message: `targetPort ${target} is not a port number (1-65535)`, hint: 'Use a port between 1 and 65535, or the container port\'s name.' });
    if (typeof target === 'string' && !isLateValue(target) && !/^\d+$/.test(target)) {
      const problem = portNameProblem(target);
      if (problem) problems.push({ path: [...path, 'targetPort'], message: `targetPort "${target}" ${problem}`, hint: 'A named targetPort must be the name of a container port, which is at most 15 lowercase letters, digits and "-".' });
    }
    if (typeof port.port === 'number') {
      const key = `${port.port}/${typeof port.protocol === 'string' ? port.protocol : 'TCP'}`;
      if (seen.has(key)) problems.push({ path: [...path, 'port'], message: `port ${key} is listed twice`, hint: 'List each port and protocol once.' });
      seen.add(key);
    }
    if (port.nodePort !== undefined && port.nodePort !== null && port.nodePort !== 0 && (type === 'ClusterIP' || type === 'ExternalName')) {
      problems.push({ path: [...path, 'nodePort'], key: true, message: `nodePort is set on a Service of type ${type}`, hint: 'Remove nodePort, or make the Service type NodePort or LoadBalancer.' });
    }
  });
  if (type === 'ExternalName' && (typeof spec.externalName !== 'string' || spec.externalName === '')) {
    problems.push({ path: ['spec'], message: 'a Service of type ExternalName has no spec.externalName', hint: 'Set spec.externalName to the DNS name the Service stands for.' });
  }
  return problems;
}
