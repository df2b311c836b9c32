import { existsSync } from 'node:fs';
import type { ApiClient } from '../cluster/api-client.js';
import type { ResolvedConfig } from '../config/config.js';
import { RefusedError, UsageError } from '../config/errors.js';
import type { Finding } from '../report/finding.js';
import { buildReport, type Report } from '../report/report.js';
import { diagnose, type ChainStep, type Diagnosis } from './diagnose.js';
import { getObject, isMissing, paths } from './platform-api.js';
import { requestFile } from './repo-dir.js';
import { phaseExitCode, readStatusContract, type Phase, type StatusContract } from './status-contract.js';

export interface VClusterStatus {
  name: string;
  phase: Phase;
  /** Who said so: the platform's status contract, hctl's diagnostic chain, or only the repo. */
  phaseFrom: 'status contract' | 'diagnostic chain';
  message?: string;
  contract?: StatusContract;
  diagnosis?: Diagnosis;
  /** The request file exists in the repo. */
  inRepo: boolean;
  exitCode: 0 | 1 | 2;
}

/**
 * The request's `.status` contract when the platform wrote a phase; otherwise (or with
 * `diagnose`) the diagnostic chain, whose phase follows the reconciler's rules.
 */
export async function readVClusterStatus(client: ApiClient, config: ResolvedConfig, repoDir: string, name: string, options: { diagnose: boolean; now?: Date }): Promise<VClusterStatus> {
  const { platform } = config;
  const inRepo = existsSync(requestFile(repoDir, config, name).absolute);
  const found = await getObject(client, paths.request(platform, name));
  if (isMissing(found) && found.missing === 'forbidden') throw new UsageError(`cannot read ${platform.kind} ${platform.platformNamespace}/${name}: ${found.message}`);
  const request = isMissing(found) ? undefined : found;
  if (!request && !inRepo) {
    throw new RefusedError(`no vCluster ${name}: no ${platform.kind} in namespace ${platform.platformNamespace} and no ${requestFile(repoDir, config, name).relative} (hctl vcluster list shows them)`);
  }
  const contract = request ? readStatusContract(request) : undefined;
  const status: VClusterStatus = { name, phase: 'Unknown', phaseFrom: 'status contract', inRepo, exitCode: 1 };
  if (contract) status.contract = contract;
  if (!contract?.phase || options.diagnose) status.diagnosis = await diagnose(client, platform, name, request, options.now ?? new Date());
  if (contract?.phase) {
    status.phase = contract.phase;
    if (contract.message) status.message = contract.message;
  } else if (!request) {
    status.phase = 'Scheduled';
    status.phaseFrom = 'diagnostic chain';
    status.message = 'committed to the repo, not applied to the cluster yet';
  } else {
    status.phase = status.diagnosis!.phase;
    status.phaseFrom = 'diagnostic chain';
    status.message = 'the platform wrote no phase; judged from the diagnostic chain';
  }
  status.exitCode = phaseExitCode(status.phase);
  return status;
}

const STEP_SEVERITY = { warning: 'warning', error: 'critical', unknown: 'info' } as const;

/** The report contract: the phase as a finding (unless Ready) and every step that is not OK. */
export function statusReport(status: VClusterStatus, version: string, now = new Date()): Report {
  const findings: Finding[] = [];
  if (status.exitCode !== 0) {
    findings.push({
      rule: 'vcluster-phase',
      severity: status.exitCode === 2 ? 'critical' : 'warning',
      message: `vCluster ${status.name} is ${status.phase}${status.message ? `: ${status.message}` : ''}`,
      hint: status.exitCode === 2 ? `hctl vcluster status ${status.name} --diagnose shows which step fails` : `hctl vcluster status ${status.name} --wait waits until it is Ready`,
      docs: 'docs/vcluster.md#status',
    });
  }
  for (const step of status.diagnosis?.steps ?? []) {
    if (step.status === 'ok') continue;
    findings.push({
      rule: `vcluster-${step.id}`,
      severity: STEP_SEVERITY[step.status],
      message: `${step.title}: ${step.message}`,
      ...(step.resource ? { resource: step.resource } : {}),
      hint: step.details.join('; ') || 'see the diagnostic chain',
      docs: 'docs/vcluster.md#diagnostic-chain',
    });
  }
  const details: Record<string, unknown> = { name: status.name, phase: status.phase, phaseFrom: status.phaseFrom, inRepo: status.inRepo };
  if (status.message) details.message = status.message;
  if (status.contract) details.contract = status.contract;
  if (status.diagnosis) details.chain = status.diagnosis.steps;
  return buildReport({ command: 'vcluster status', version, findings, details, itemCount: 1, unhealthyItems: status.exitCode === 0 ? 0 : 1, now });
}

const ICON: Record<ChainStep['status'], string> = { ok: '✓', warning: '!', error: '✗', unknown: '?' };

/** The phase, the contract's facts, then the chain as a tree. */
export function renderStatusText(status: VClusterStatus): string {
  const lines = [`vCluster ${status.name}: ${status.phase} (from the ${status.phaseFrom})`];
  if (status.message) lines.push(`  ${status.message}`);
  const contract = status.contract;
  if (contract?.endpoints.api || contract?.endpoints.argocd) lines.push(`  endpoints: ${[contract.endpoints.api && `api ${contract.endpoints.api}`, contract.endpoints.argocd && `argocd ${contract.endpoints.argocd}`].filter(Boolean).join(', ')}`);
  if (contract?.credentials.kubeconfigSecret) lines.push(`  kubeconfig secret: ${contract.credentials.kubeconfigSecret} (hctl vcluster kubeconfig ${status.name})`);
  const argo = contract?.health.argocd;
  if (argo) lines.push(`  argo cd: ${argo.syncStatus ?? '?'}, ${argo.healthStatus ?? '?'}`);
  const workloads = contract?.health.workloads;
  if (workloads) lines.push(`  pods ready: ${workloads.ready ?? '?'}/${workloads.total ?? '?'}`);
  const subApps = contract?.health.subApps;
  if (subApps) lines.push(`  sub-apps healthy: ${subApps.healthy ?? '?'}/${subApps.total ?? '?'}${subApps.unhealthy?.length ? ` (unhealthy: ${subApps.unhealthy.join(', ')})` : ''}`);
  for (const condition of contract?.conditions ?? []) {
    lines.push(`  ${condition.type}=${condition.status}${condition.reason ? ` ${condition.reason}` : ''}${condition.message ? `: ${condition.message}` : ''}`);
  }
  const steps = status.diagnosis?.steps ?? [];
  if (steps.length > 0) lines.push('', 'Diagnostic chain');
  steps.forEach((step, index) => {
    const last = index === steps.length - 1;
    lines.push(`${last ? '└─' : '├─'} ${ICON[step.status]} ${step.title}: ${step.message}`);
    for (const detail of step.details) lines.push(`${last ? '   ' : '│  '}   ${detail}`);
  });
  return `${lines.join('\n')}\n`;
}
