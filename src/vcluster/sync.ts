import { setTimeout as sleep } from 'node:timers/promises';
import { ApiError, type ApiWriter } from '../cluster/api-client.js';
import type { LiveObject } from '../cluster/cluster-state.js';
import { RefusedError } from '../config/errors.js';
import type { PlatformSettings } from '../config/platform.js';
import { paths } from './platform-api.js';
import { appsInVCluster } from './vcluster-apps.js';

export interface SyncStep {
  app: string;
  /** 1: CRD apps, synced first so the others find their types; 2: everything else. */
  wave: 1 | 2;
  reason: string;
  /** A failed operation is cleared first, or Argo CD would not start a new one. */
  clearOperation: boolean;
  /** The revision to sync (single-source apps); multi-source apps sync their own revisions. */
  revision?: string;
}

export interface SyncPlan {
  steps: SyncStep[];
  skipped: { app: string; reason: string }[];
}

export interface SyncResult {
  app: string;
  cleared: boolean;
  synced: boolean;
  error?: string;
}

const FAILED = new Set(['Failed', 'Error']);

/** Apps named like CRD bundles go first (seed 002 §1D). */
const isCrdApp = (name: string) => /crd|gateway-api/.test(name);

/** What sync would do to the vCluster's apps (those whose destination is the vCluster), and why. */
export function planSync(apps: readonly LiveObject[], name: string, options: { app?: string; force: boolean }): SyncPlan {
  const targets = appsInVCluster(apps, name);
  const chosen = options.app ? targets.filter((app) => app.metadata.name === options.app) : targets;
  if (options.app && chosen.length === 0) {
    throw new RefusedError(`no app ${options.app} targets vCluster ${name}${targets.length ? ` (its apps: ${targets.map((app) => app.metadata.name).join(', ')})` : ''}`);
  }
  const plan: SyncPlan = { steps: [], skipped: [] };
  for (const app of chosen) {
    const operation = app.status?.operationState;
    const sync = app.status?.sync?.status ?? '';
    if (operation?.phase === 'Running' || app.operation) {
      plan.skipped.push({ app: app.metadata.name, reason: 'an operation is already running' });
      continue;
    }
    const failed = FAILED.has(operation?.phase);
    const reason = failed ? `last operation ${operation.phase}${operation.retryCount ? ` after ${operation.retryCount} retries` : ''}` : sync === 'OutOfSync' || sync === 'Unknown' || sync === '' ? `sync status ${sync || 'empty'}` : options.force ? '--force' : '';
    if (!reason) {
      plan.skipped.push({ app: app.metadata.name, reason: `${sync}, ${app.status?.health?.status ?? 'no health'}` });
      continue;
    }
    const multiSource = Array.isArray(app.spec?.sources) && app.spec.sources.length > 0;
    plan.steps.push({
      app: app.metadata.name,
      wave: isCrdApp(app.metadata.name) ? 1 : 2,
      reason,
      clearOperation: failed,
      ...(!multiSource && app.spec?.source?.targetRevision ? { revision: app.spec.source.targetRevision } : {}),
    });
  }
  plan.steps.sort((a, b) => a.wave - b.wave || a.app.localeCompare(b.app));
  return plan;
}

/**
 * Runs the plan: wave 1, a pause for the CRDs to be established, then wave 2. Each app: remove a
 * failed operationState (JSON patch), then request a sync the way the Argo CD UI does (merge patch
 * of `operation`). One app's failure is reported and the others go on.
 */
export async function runSync(writer: ApiWriter, platform: PlatformSettings, plan: SyncPlan, settleMs: number): Promise<SyncResult[]> {
  const results: SyncResult[] = [];
  for (const wave of [1, 2] as const) {
    const steps = plan.steps.filter((step) => step.wave === wave);
    if (wave === 2 && results.length > 0 && steps.length > 0) await sleep(settleMs);
    results.push(...(await Promise.all(steps.map((step) => syncApp(writer, platform, step)))));
  }
  return results;
}

async function syncApp(writer: ApiWriter, platform: PlatformSettings, step: SyncStep): Promise<SyncResult> {
  const path = paths.application(platform, step.app);
  const result: SyncResult = { app: step.app, cleared: false, synced: false };
  try {
    if (step.clearOperation) {
      await writer.patch(path, 'json', [{ op: 'remove', path: '/status/operationState' }]);
      result.cleared = true;
    }
    const sync = step.revision ? { revision: step.revision } : {};
    await writer.patch(path, 'merge', { operation: { initiatedBy: { username: 'hctl' }, sync } });
    result.synced = true;
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    result.error = `${error.status} ${error.reason}: ${error.message}`;
  }
  return result;
}
