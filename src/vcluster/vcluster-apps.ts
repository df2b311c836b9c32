import type { LiveObject } from '../cluster/cluster-state.js';

/** The Argo CD Applications deployed into a vCluster: those whose destination is the vCluster by name. */
export function appsInVCluster(apps: readonly LiveObject[], name: string): LiveObject[] {
  return apps.filter((app) => app.spec?.destination?.name === name);
}

export interface AppSummary {
  name: string;
  sync: string;
  health: string;
  /** The last operation's phase, when it did not succeed. */
  operation?: string;
  retries?: number;
  selfHeal: boolean;
}

export function summarizeApp(app: LiveObject): AppSummary {
  const operation = app.status?.operationState;
  const summary: AppSummary = {
    name: app.metadata.name,
    sync: app.status?.sync?.status ?? 'Unknown',
    health: app.status?.health?.status ?? 'Unknown',
    selfHeal: app.spec?.syncPolicy?.automated?.selfHeal === true,
  };
  if (operation?.phase && operation.phase !== 'Succeeded') summary.operation = operation.phase;
  if (operation?.retryCount) summary.retries = operation.retryCount;
  return summary;
}

/** 0 every app Synced and Healthy, 2 one Degraded or its last operation failed, 1 anything else on its way. */
export function appsExitCode(summaries: readonly AppSummary[]): 0 | 1 | 2 {
  if (summaries.some((app) => app.health === 'Degraded' || app.operation === 'Failed' || app.operation === 'Error')) return 2;
  return summaries.every((app) => app.sync === 'Synced' && app.health === 'Healthy') ? 0 : 1;
}

/** `name: Degraded, OutOfSync, last operation Failed, retry 5`, for a line of the diagnostic chain. */
export function describeApp(app: AppSummary): string {
  const operation = app.operation ? `, last operation ${app.operation}${app.retries ? `, retry ${app.retries}` : ''}` : '';
  return `${app.name}: ${app.health}, ${app.sync}${operation}`;
}
