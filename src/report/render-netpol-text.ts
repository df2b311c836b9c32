import pc from 'picocolors';
import type { NamespacePolicies } from '../netpol/namespace-policies.js';
import { deepDiveHeader, findingsAndVerdict } from './deep-dive-text.js';
import type { Report } from './report.js';
import type { TextOptions } from './render-text.js';

/** Human output of `hctl netpol`: the namespace's default, its policies in words, who they isolate, what reaches each Service; then findings and the verdict. */
export function renderNetpolText(report: Report, options: TextOptions): string {
  const c = pc.createColors(options.color);
  const view = (report.details as { netpol: NamespacePolicies }).netpol;
  const lines: string[] = [];
  lines.push(deepDiveHeader('netpol', report, c), '');
  const labels = Object.entries(view.labels).map(([key, value]) => `${key}=${value}`).join(', ');
  lines.push(`${c.bold('Namespace'.padEnd(11))}${view.namespace}${labels ? c.dim(` (${labels})`) : ''}`);
  const deny = (direction: 'ingress' | 'egress') => (view.defaultDeny[direction].length ? `denied by default (${view.defaultDeny[direction].join(', ')})` : c.yellow('open by default'));
  lines.push(`${c.bold('Ingress'.padEnd(11))}${view.read ? deny('ingress') : c.dim('not read')}`, `${c.bold('Egress'.padEnd(11))}${view.read ? deny('egress') : c.dim('not read')}`, '');

  lines.push(c.underline('NetworkPolicies'));
  if (view.policies.length === 0) lines.push(`  ${c.dim(view.read ? 'none: every pod accepts and sends anything' : 'not read')}`);
  for (const policy of view.policies) {
    lines.push(`  ${c.bold(policy.name)}  selects ${policy.selects} (${policy.pods} running pod${policy.pods === 1 ? '' : 's'})  ${policy.types.join(', ')}`);
    for (const direction of ['ingress', 'egress'] as const) {
      if (!policy.types.includes(direction === 'ingress' ? 'Ingress' : 'Egress')) continue;
      const rules = policy[direction];
      if (rules.length === 0) lines.push(`    ${direction}: ${c.dim('admits nothing')}`);
      for (const rule of rules) lines.push(`    ${direction}: ${rule}`);
    }
  }
  for (const cilium of view.ciliumPolicies) lines.push(`  ${c.dim(`${cilium} (Cilium: may admit more; not evaluated)`)}`);
  lines.push('');

  lines.push(c.underline('Workloads'));
  if (view.workloads.length === 0) lines.push(`  ${c.dim('no running pods')}`);
  for (const workload of view.workloads) {
    const dns = workload.dns === 'blocked' ? c.red('DNS blocked') : workload.dns === 'allowed' ? 'DNS allowed' : undefined;
    const facts = [`ingress ${workload.ingress}`, `egress ${workload.egress}`, dns].filter(Boolean).join(', ');
    lines.push(`  ${c.bold(workload.name)} (${workload.pods} pod${workload.pods === 1 ? '' : 's'})  ${facts}${workload.policies.length ? c.dim(`  by ${workload.policies.join(', ')}`) : ''}`);
  }
  lines.push('');

  lines.push(c.underline('Services'));
  if (view.services.length === 0) lines.push(`  ${c.dim('none with a selector')}`);
  for (const service of view.services) {
    const ports = service.ports.map((port) => `${port.port}→${port.target}/${port.protocol} ${port.admitted === undefined ? c.dim('no running pod') : port.admitted ? c.green('admitted') : c.red('blocked')}`);
    lines.push(`  ${c.bold(service.name)}  ${ports.join(', ')}`);
  }
  lines.push('');

  lines.push(...findingsAndVerdict(report, options, c));
  return `${lines.join('\n')}\n`;
}
