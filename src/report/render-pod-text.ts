import pc from 'picocolors';
import type { PodDossier } from '../debug/pod-dossier.js';
import { deepDiveHeader, findingsAndVerdict } from './deep-dive-text.js';
import type { Report } from './report.js';
import type { TextOptions } from './render-text.js';

type Colors = ReturnType<typeof pc.createColors>;
/** Log lines wider than this are cut in text (JSON keeps them whole). */
const LOG_WIDTH = 240;

/** Human output of `hctl debug pod`: what the pod is, what surrounds it, what it said, then the findings and the verdict. */
export function renderPodText(report: Report, options: TextOptions): string {
  const c = pc.createColors(options.color);
  const pod = (report.details as { pod: PodDossier }).pod;
  const lines: string[] = [];
  lines.push(deepDiveHeader('debug pod', report, c), '');

  const field = (name: string, value: string) => lines.push(`${c.bold(name.padEnd(10))}${value}`);
  field('Pod', `${pod.namespace}/${pod.name}${pod.resolvedFrom ? c.dim(` (the one pod named ${pod.resolvedFrom}-…)`) : ''}`);
  const status = [pod.phase + (pod.reason ? ` (${pod.reason})` : ''), `${pod.ready} ready`, `${pod.restarts} restart${pod.restarts === 1 ? '' : 's'}`, pod.age ? `age ${pod.age}` : undefined, pod.qosClass ? `QoS ${pod.qosClass}` : undefined, pod.podIP ? `IP ${pod.podIP}` : undefined];
  field('Status', status.filter(Boolean).join(', '));
  if (pod.message) field('', pod.message);
  for (const condition of pod.conditions) field('', c.yellow(condition));
  if (pod.node) {
    const node = pod.nodeStatus;
    const facts = node ? [node.ready === 'True' ? 'Ready' : c.red(`Ready ${node.ready}`), ...node.problems.map((problem) => c.yellow(problem)), node.unschedulable ? c.yellow('cordoned') : undefined, node.kubelet].filter(Boolean).join(', ') : c.dim('not read');
    field('Node', `${pod.node} (${facts})`);
  } else field('Node', c.dim('not scheduled'));
  if (pod.owners.length > 0) field('Owners', pod.owners.map((owner) => `${owner.kind} ${owner.name}${owner.status ? ` (${owner.status})` : ''}`).join(' → '));
  if (pod.gitops.length > 0) field('GitOps', pod.gitops.map((owner) => (owner.read ? `${owner.kind} ${owner.namespace ? `${owner.namespace}/` : ''}${owner.name} (${paintStatus(c, owner.status ?? '')})` : c.yellow(owner.status ?? ''))).join(' → '));
  lines.push('');

  section(lines, c, 'Containers', pod.containers.map((container) => {
    const state = `${container.state}${container.reason ? `: ${container.reason}` : ''}${container.message ? c.dim(` (${container.message})`) : ''}`;
    const out = [`${c.bold(container.name)}${container.init ? c.dim(' (init)') : ''}  ${container.image ?? ''}`, `  ${container.ready ? c.green('ready') : c.yellow('not ready')}, ${state}, ${container.restarts} restart${container.restarts === 1 ? '' : 's'}`];
    if (container.lastTermination) out.push(`  last terminated: ${container.lastTermination}`);
    const resources = [describeResources('requests', container.requests), describeResources('limits', container.limits)].filter(Boolean);
    out.push(`  ${resources.length ? resources.join('; ') : c.yellow('no requests or limits')}`);
    if (container.usage) {
      const memory = container.usage.memory ? `memory ${container.usage.memory}${container.usage.memoryOfLimit !== undefined ? ` (${container.usage.memoryOfLimit}% of its limit)` : ''}` : undefined;
      const text = `using ${[container.usage.cpu ? `cpu ${container.usage.cpu}` : undefined, memory].filter(Boolean).join(', ')}`;
      out.push(`  ${(container.usage.memoryOfLimit ?? 0) >= 90 ? c.yellow(text) : text}`);
    }
    for (const probe of container.probes) out.push(`  ${probe}`);
    return out;
  }));
  if (pod.volumes.length > 0) {
    section(lines, c, 'Volumes', pod.volumes.map((volume) => [`${volume.name}  ${volume.type}${volume.source ? ` ${volume.source}` : ''}${volume.status ? `: ${/not found|Pending|Lost/.test(volume.status) ? c.red(volume.status) : volume.status}` : ''}`]));
  }
  if (pod.references.length > 0) {
    section(lines, c, 'References', pod.references.map((reference) => {
      const state = reference.state === 'found' ? c.green('found') : reference.state === 'unknown' ? c.dim(`unknown: ${reference.reason ?? ''}`) : c.red(reference.state);
      return [`${reference.kind} ${reference.name}${reference.key ? ` key ${reference.key}` : ''}${reference.optional ? c.dim(' (optional)') : ''}  ${c.dim(reference.usedBy)}: ${state}`];
    }));
  }
  section(lines, c, 'Services', pod.services.length === 0 ? [[c.dim('none selects this pod')]] : pod.services.map((service) => {
    const endpoint = service.endpoint === 'ready' ? c.green('endpoint ready') : service.endpoint === 'unknown' ? c.dim('endpoints not read') : c.yellow(`endpoint ${service.endpoint}`);
    const ports = service.ports.map((port) => `${port.port}→${port.target}/${port.protocol}${port.problem ? c.red(` (${port.problem})`) : ''}${port.blocked ? c.red(' (no NetworkPolicy rule admits it)') : ''}`);
    return [`${service.name}  ${ports.join(', ')}  ${endpoint}`];
  }));
  const network = pod.network;
  const isolation = `ingress ${network.ingressIsolated ? 'isolated' : 'open'}, egress ${network.egressIsolated ? 'isolated' : 'open'}`;
  const cilium = network.ciliumPolicies ? [[c.dim(`Cilium policies that may also apply (not evaluated): ${network.ciliumPolicies.join(', ')}`)]] : [];
  section(lines, c, 'NetworkPolicies', [[!network.read ? c.dim('not read') : network.policies.length === 0 ? `none selects this pod (${isolation})` : `${network.policies.join(', ')} (${isolation})`], ...cilium]);
  section(lines, c, `Events${pod.events.length ? ` (${pod.events.length}, newest last)` : ''}`, pod.events.length === 0 ? [[c.dim('none')]] : pod.events.map((event) => [
    `${event.type === 'Warning' ? c.yellow(event.type) : event.type} ${event.reason}${event.count > 1 ? ` ×${event.count}` : ''}  ${c.dim(event.object)}: ${event.message}`,
  ]));
  if (pod.logs) {
    section(lines, c, 'Logs', pod.logs.length === 0 ? [[c.dim('no containers')]] : pod.logs.map((log) => {
      const title = `${c.bold(log.container)} ${c.dim(log.previous ? '(the run before this one)' : '(latest run)')}`;
      if (log.unavailable) return [`${title}: ${c.dim(log.unavailable)}`];
      if (!log.lines || log.lines.length === 0) return [`${title}: ${c.dim('no output')}`];
      return [title, ...log.lines.map((line) => `  ${c.dim('│')} ${line.length > LOG_WIDTH ? `${line.slice(0, LOG_WIDTH - 1)}…` : line}`)];
    }));
  }
  if (pod.unread.length > 0) section(lines, c, 'Not read', pod.unread.map((entry) => [c.yellow(entry)]));

  lines.push(...findingsAndVerdict(report, options, c));
  return `${lines.join('\n')}\n`;
}

function section(lines: string[], c: Colors, title: string, entries: string[][]): void {
  lines.push(c.underline(title));
  for (const entry of entries) for (const line of entry) lines.push(`  ${line}`);
  lines.push('');
}

function describeResources(label: string, values: Record<string, string> | undefined): string | undefined {
  if (!values || Object.keys(values).length === 0) return undefined;
  return `${label} ${Object.entries(values).map(([name, value]) => `${name} ${value}`).join(', ')}`;
}

function paintStatus(c: Colors, status: string): string {
  return /^Ready True|^Synced, Healthy/.test(status) ? c.green(status) : c.yellow(status);
}
