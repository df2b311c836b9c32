import type { LiveObject } from '../cluster/cluster-state.js';

/** The phases the platform's status reconciler writes (seed 002 §1D). */
export const PHASES = ['Ready', 'Scheduled', 'Progressing', 'Degraded', 'Failed', 'Deleting', 'Unknown'] as const;
export type Phase = (typeof PHASES)[number];

/** `.status` of a request: the platform's own word on it. */
export interface StatusContract {
  phase?: Phase;
  message?: string;
  lastReconciled?: string;
  endpoints: { api?: string; argocd?: string };
  credentials: { kubeconfigSecret?: string; onePasswordItem?: string };
  health: {
    argocd?: { syncStatus?: string; healthStatus?: string };
    workloads?: { ready?: number; total?: number };
    subApps?: { healthy?: number; total?: number; unhealthy?: string[] };
  };
  conditions: { type: string; status: string; reason?: string; message?: string; lastTransitionTime?: string }[];
}

const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);
const count = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);

/** Reads `.status` defensively: a reconciler of another version may leave parts out or give odd types. */
export function readStatusContract(request: LiveObject): StatusContract {
  const status = (request.status ?? {}) as Record<string, any>;
  const phase = text(status.phase);
  const contract: StatusContract = {
    endpoints: { api: text(status.endpoints?.api), argocd: text(status.endpoints?.argocd) },
    credentials: { kubeconfigSecret: text(status.credentials?.kubeconfigSecret), onePasswordItem: text(status.credentials?.onePasswordItem) },
    health: {},
    conditions: Array.isArray(status.conditions)
      ? status.conditions
          .filter((condition: any) => text(condition?.type) && text(condition?.status))
          .map((condition: any) => ({
            type: condition.type,
            status: condition.status,
            ...(text(condition.reason) ? { reason: condition.reason } : {}),
            ...(text(condition.message) ? { message: condition.message } : {}),
            ...(text(condition.lastTransitionTime) ? { lastTransitionTime: condition.lastTransitionTime } : {}),
          }))
      : [],
  };
  if (phase) contract.phase = (PHASES as readonly string[]).includes(phase) ? (phase as Phase) : 'Unknown';
  if (text(status.message)) contract.message = status.message;
  if (text(status.lastReconciled)) contract.lastReconciled = status.lastReconciled;
  const health = status.health ?? {};
  if (health.argocd) contract.health.argocd = { syncStatus: text(health.argocd.syncStatus), healthStatus: text(health.argocd.healthStatus) };
  if (health.workloads) contract.health.workloads = { ready: count(health.workloads.ready), total: count(health.workloads.total) };
  if (health.subApps) {
    contract.health.subApps = {
      healthy: count(health.subApps.healthy),
      total: count(health.subApps.total),
      unhealthy: Array.isArray(health.subApps.unhealthy) ? health.subApps.unhealthy.filter((entry: unknown) => typeof entry === 'string') : [],
    };
  }
  return contract;
}

/** Exit code of a phase: 0 Ready, 1 on its way, 2 degraded or failed. */
export function phaseExitCode(phase: Phase): 0 | 1 | 2 {
  if (phase === 'Ready') return 0;
  return phase === 'Degraded' || phase === 'Failed' ? 2 : 1;
}
