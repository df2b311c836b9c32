import { describe, expect, it } from 'vitest';
import type { LiveObject } from '../../src/cluster/cluster-state.js';
import { derivePhase } from '../../src/vcluster/diagnose.js';
import { readStatusContract } from '../../src/vcluster/status-contract.js';
import { planSync } from '../../src/vcluster/sync.js';

const request = (extra: Partial<LiveObject['metadata']> = {}): LiveObject => ({ apiVersion: 'platform.integratn.tech/v1alpha1', kind: 'VClusterOrchestratorV2', metadata: { name: 'a', ...extra } });
const ready = { request: request(), ageMinutes: 5, jobFailed: false, argo: { sync: 'Synced', health: 'Healthy' }, pods: { ready: 2, total: 2 }, subAppsHealthy: true, hasKubeconfig: true };

describe('the phase the chain points to (the reconciler\'s rules)', () => {
  it('Ready only when Argo, pods, sub-apps and the kubeconfig all agree', () => {
    expect(derivePhase(ready)).toBe('Ready');
    expect(derivePhase({ ...ready, hasKubeconfig: false })).toBe('Progressing');
    expect(derivePhase({ ...ready, subAppsHealthy: false })).toBe('Progressing');
    expect(derivePhase({ ...ready, pods: { ready: 0, total: 0 } })).toBe('Progressing');
  });

  it('Scheduled while Argo has nothing; Degraded, then Failed after 15 minutes', () => {
    const { argo: _argo, ...noArgo } = ready;
    expect(derivePhase(noArgo)).toBe('Scheduled');
    expect(derivePhase({ ...ready, argo: { health: 'Missing' } })).toBe('Scheduled');
    expect(derivePhase({ ...ready, argo: { sync: 'Synced', health: 'Degraded' } })).toBe('Degraded');
    expect(derivePhase({ ...ready, pods: { ready: 1, total: 3 }, ageMinutes: 20 })).toBe('Failed');
  });

  it('a failed pipeline is Failed; a request being deleted is Deleting', () => {
    expect(derivePhase({ ...ready, jobFailed: true })).toBe('Failed');
    expect(derivePhase({ ...ready, request: request({ deletionTimestamp: '2026-01-01T00:00:00Z' }) })).toBe('Deleting');
  });
});

describe('reading the status contract', () => {
  it('keeps what is well-formed and maps an unknown phase to Unknown', () => {
    const contract = readStatusContract({ ...request(), status: { phase: 'Exploding', conditions: [{ type: 'Ready', status: 'False' }, { bad: true }], health: { workloads: { ready: 'two', total: 2 } } } });
    expect(contract.phase).toBe('Unknown');
    expect(contract.conditions).toEqual([{ type: 'Ready', status: 'False' }]);
    expect(contract.health.workloads).toEqual({ ready: undefined, total: 2 });
  });

  it('no status: no phase, so the chain decides', () => {
    expect(readStatusContract(request()).phase).toBeUndefined();
  });
});

const app = (name: string, status: Record<string, unknown>, destination = 'a', extra: Record<string, unknown> = {}): LiveObject => ({
  apiVersion: 'argoproj.io/v1alpha1',
  kind: 'Application',
  metadata: { name, namespace: 'argocd' },
  spec: { destination: { name: destination }, source: { targetRevision: 'v1.2.0' } },
  status,
  ...extra,
});

describe('planning a sync', () => {
  it('CRD apps first; failed operations cleared; healthy apps skipped unless --force', () => {
    const apps = [
      app('a-podinfo', { sync: { status: 'OutOfSync' } }),
      app('a-crds', { sync: { status: 'Synced' }, operationState: { phase: 'Error', retryCount: 2 } }),
      app('a-fine', { sync: { status: 'Synced' }, health: { status: 'Healthy' } }),
      app('b-other', { sync: { status: 'OutOfSync' } }, 'b'),
    ];
    const plan = planSync(apps, 'a', { force: false });
    expect(plan.steps).toEqual([
      { app: 'a-crds', wave: 1, reason: 'last operation Error after 2 retries', clearOperation: true, revision: 'v1.2.0' },
      { app: 'a-podinfo', wave: 2, reason: 'sync status OutOfSync', clearOperation: false, revision: 'v1.2.0' },
    ]);
    expect(plan.skipped).toEqual([{ app: 'a-fine', reason: 'Synced, Healthy' }]);
    expect(planSync(apps, 'a', { force: true }).steps.map((step) => step.app)).toEqual(['a-crds', 'a-fine', 'a-podinfo']);
  });

  it('an app with an operation in flight is left alone', () => {
    const plan = planSync([app('a-x', { sync: { status: 'OutOfSync' }, operationState: { phase: 'Running' } })], 'a', { force: true });
    expect(plan).toEqual({ steps: [], skipped: [{ app: 'a-x', reason: 'an operation is already running' }] });
  });
});
