import { quantityBytes } from '../byte-sizes.js';
import { containersOf, type ContainerRef, type PodTemplate } from '../pod-templates.js';
import type { NodePath } from '../../repo/object.js';
import { asList, asRecord } from '../../repo/parse.js';
import { isLateValue } from '../../repo/late-value.js';
import { namedOnceProblem, type ApiProblem, type NameRule } from './api-problem.js';
import { dnsLabelProblem, isPortNumber, portNameProblem } from '../names.js';
import { labelProblems } from './object-meta.js';

const HANDLERS = ['exec', 'httpGet', 'tcpSocket', 'grpc'];
const CONTAINER_NAME: NameRule = { what: 'container name', check: dnsLabelProblem, hint: 'Container names are lowercase letters, digits and "-", one per container and init container.', scope: 'in the pod (init containers included)' };
const VOLUME_NAME: NameRule = { what: 'volume name', check: dnsLabelProblem, hint: 'Volume names are lowercase letters, digits and "-", one per volume.', scope: 'in the pod' };
const PORT_NAME: NameRule = { what: 'port name', check: portNameProblem, hint: 'Port names are IANA service names: at most 15 lowercase letters, digits and "-" (http, metrics, grpc-web), one per port.', scope: '' };

/**
 * A pod template as ValidatePodSpec checks it: container and volume names, ports, mounts,
 * resources, probes and env. `claimTemplates` are a StatefulSet's volumeClaimTemplates, which
 * its containers mount like volumes.
 */
export function podSpecProblems(template: PodTemplate, claimTemplates: readonly string[] = []): ApiProblem[] {
  const problems: ApiProblem[] = [];
  if (template.metadataPath.length > 1) problems.push(...labelProblems(template.metadata?.labels, [...template.metadataPath, 'labels']));
  const volumes = volumeNames(template, problems);
  for (const name of claimTemplates) volumes.add(name);
  const containerNames = new Set<string>();
  const hostNetwork = template.spec.hostNetwork === true;
  for (const ref of containersOf(template)) {
    const nameProblem = namedOnceProblem(ref.container.name, [...ref.path, 'name'], containerNames, CONTAINER_NAME);
    if (nameProblem) problems.push(nameProblem);
    const image = imageProblem(ref);
    if (image) problems.push(image);
    problems.push(...portProblems(ref, hostNetwork), ...mountProblems(ref, volumes), ...resourceProblems(ref), ...probeProblems(ref), ...envProblems(ref));
  }
  return problems;
}

function volumeNames(template: PodTemplate, problems: ApiProblem[]): Set<string> {
  const names = new Set<string>();
  asList(template.spec.volumes).forEach((item, index) => {
    const volume = asRecord(item);
    if (!volume) return;
    const path: NodePath = [...template.specPath, 'volumes', index];
    const name = volume.name;
    const nameProblem = namedOnceProblem(name, [...path, 'name'], names, VOLUME_NAME);
    if (nameProblem) problems.push(nameProblem);
    // Sources are objects; a stray scalar (a misplaced claimName) is the schema's finding.
    const sources = Object.keys(volume).filter((key) => key !== 'name' && asRecord(volume[key]) !== undefined);
    if (sources.length > 1) {
      problems.push({ path, message: `volume ${String(name)} has ${sources.length} sources (${sources.join(', ')}); a volume has exactly one`, hint: 'Split it into one volume per source, or use a projected volume to combine ConfigMaps and Secrets.' });
    }
  });
  return names;
}

function imageProblem(ref: ContainerRef): ApiProblem | undefined {
  const image = ref.container.image;
  if (image === undefined || image === null || (typeof image === 'string' && image.trim() === '')) {
    return { path: ref.path, message: `container ${ref.name} has no image (the API server: "image: Required value")`, hint: 'Set image to a pinned reference (registry/name:tag or @sha256:digest). A patch that replaces the containers list drops the base\'s image: patch the container by name instead.' };
  }
  if (typeof image === 'string' && image !== image.trim()) {
    return { path: [...ref.path, 'image'], message: `image "${image}" has leading or trailing spaces`, hint: 'Remove the spaces (quote the value if a template adds them).' };
  }
  return undefined;
}

function portProblems(ref: ContainerRef, hostNetwork: boolean): ApiProblem[] {
  const problems: ApiProblem[] = [];
  const names = new Set<string>();
  asList(ref.container.ports).forEach((item, index) => {
    const port = asRecord(item);
    if (!port) return;
    const path: NodePath = [...ref.path, 'ports', index];
    const nameProblem = namedOnceProblem(port.name, [...path, 'name'], names, { ...PORT_NAME, scope: `in container ${ref.name}` });
    if (nameProblem) problems.push(nameProblem);
    for (const field of ['containerPort', 'hostPort'] as const) {
      const value = port[field];
      if (value === undefined || isLateValue(value) || typeof value !== 'number') continue;
      if (field === 'hostPort' && value === 0) continue;
      if (!isPortNumber(value)) problems.push({ path: [...path, field], message: `${field} ${value} is not a port number (1-65535)`, hint: 'Use a port between 1 and 65535.' });
    }
    if (hostNetwork && typeof port.hostPort === 'number' && port.hostPort !== 0 && port.hostPort !== port.containerPort) {
      problems.push({ path: [...path, 'hostPort'], message: `hostPort ${port.hostPort} differs from containerPort ${String(port.containerPort)} in a pod with hostNetwork: true`, hint: 'With hostNetwork the container listens on the node itself: drop hostPort or make it equal to containerPort.' });
    }
  });
  return problems;
}

function mountProblems(ref: ContainerRef, volumes: ReadonlySet<string>): ApiProblem[] {
  const problems: ApiProblem[] = [];
  const mountPaths = new Set<string>();
  asList(ref.container.volumeMounts).forEach((item, index) => {
    const mount = asRecord(item);
    if (!mount) return;
    const path: NodePath = [...ref.path, 'volumeMounts', index];
    if (typeof mount.name === 'string' && !isLateValue(mount.name) && !volumes.has(mount.name)) {
      const known = [...volumes];
      problems.push({
        path: [...path, 'name'],
        message: `volumeMount ${mount.name} names no volume of the pod${known.length > 0 ? ` (volumes: ${known.join(', ')})` : ' (it has no volumes)'}`,
        hint: `Add a volume named ${mount.name} under the pod's volumes, or mount one that exists.`,
      });
    }
    if (typeof mount.mountPath === 'string' && !isLateValue(mount.mountPath)) {
      if (mountPaths.has(mount.mountPath)) problems.push({ path: [...path, 'mountPath'], message: `mountPath ${mount.mountPath} is mounted twice in container ${ref.name}`, hint: 'Mount each path once; use subPath mounts at different paths to combine files.' });
      mountPaths.add(mount.mountPath);
    }
  });
  return problems;
}

function resourceProblems(ref: ContainerRef): ApiProblem[] {
  const resources = asRecord(ref.container.resources);
  const requests = asRecord(resources?.requests) ?? {};
  const limits = asRecord(resources?.limits) ?? {};
  const problems: ApiProblem[] = [];
  for (const [kind, values] of [['requests', requests], ['limits', limits]] as const) {
    for (const [resource, value] of Object.entries(values)) {
      const amount = quantityBytes(value);
      if (amount !== undefined && amount < 0) problems.push({ path: [...ref.path, 'resources', kind, resource], message: `${kind}.${resource} ${String(value)} is negative`, hint: 'Resource quantities must be 0 or more.' });
    }
  }
  for (const [resource, request] of Object.entries(requests)) {
    if (!(resource in limits)) continue;
    const asked = quantityBytes(request);
    const limit = quantityBytes(limits[resource]);
    if (asked === undefined || limit === undefined || asked <= limit) continue;
    problems.push({
      path: [...ref.path, 'resources', 'requests', resource],
      message: `container ${ref.name} requests ${String(request)} ${resource}, more than its limit of ${String(limits[resource])} (the API server: "must be less than or equal to ${resource} limit")`,
      hint: `Raise limits.${resource} to at least the request, or lower the request.`,
    });
  }
  return problems;
}

function probeProblems(ref: ContainerRef): ApiProblem[] {
  const problems: ApiProblem[] = [];
  const sidecar = ref.container.restartPolicy === 'Always';
  for (const probeName of ['livenessProbe', 'readinessProbe', 'startupProbe'] as const) {
    const probe = asRecord(ref.container[probeName]);
    if (!probe) continue;
    const path: NodePath = [...ref.path, probeName];
    if (ref.list === 'initContainers' && !sidecar) {
      problems.push({ path, message: `init container ${ref.name} has a ${probeName}, which only sidecars (restartPolicy: Always) may have`, hint: `Remove the ${probeName}: an init container runs to completion before the pod starts, so nothing would read it.` });
      continue;
    }
    const handlers = HANDLERS.filter((handler) => probe[handler] !== undefined);
    if (handlers.length === 0) problems.push({ path, message: `${probeName} of container ${ref.name} has no handler (exec, httpGet, tcpSocket or grpc)`, hint: 'Give the probe one handler, or remove it.' });
    if (handlers.length > 1) problems.push({ path, message: `${probeName} of container ${ref.name} has ${handlers.length} handlers (${handlers.join(', ')}); a probe has exactly one`, hint: 'Keep one handler per probe.' });
    if (probeName !== 'readinessProbe' && typeof probe.successThreshold === 'number' && probe.successThreshold !== 1) {
      problems.push({ path: [...path, 'successThreshold'], message: `${probeName}.successThreshold is ${probe.successThreshold}; it must be 1`, hint: 'Only a readinessProbe may ask for several successes; remove successThreshold or set it to 1.' });
    }
  }
  return problems;
}

function envProblems(ref: ContainerRef): ApiProblem[] {
  const problems: ApiProblem[] = [];
  asList(ref.container.env).forEach((item, index) => {
    const variable = asRecord(item);
    if (!variable || variable.valueFrom === undefined || variable.valueFrom === null) return;
    const path: NodePath = [...ref.path, 'env', index];
    if (typeof variable.value === 'string' && variable.value !== '') {
      problems.push({ path: [...path, 'valueFrom'], key: true, message: `env ${String(variable.name)} has both value and valueFrom`, hint: 'Keep one: a literal value, or valueFrom a Secret, ConfigMap or field.' });
    }
    const sources = Object.keys(asRecord(variable.valueFrom) ?? {});
    if (sources.length > 1) problems.push({ path: [...path, 'valueFrom'], message: `env ${String(variable.name)} valueFrom has ${sources.length} sources (${sources.join(', ')}); it takes exactly one`, hint: 'Keep one source per variable.' });
  });
  return problems;
}
