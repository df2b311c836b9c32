import type { HealthRule } from './health-rule.js';
import readSkipped from './cluster/read-skipped.js';
import nodeNotReady from './nodes/node-not-ready.js';
import nodePressure from './nodes/node-pressure.js';
import nodeCordoned from './nodes/node-cordoned.js';
import nodeVersionSkew from './nodes/node-version-skew.js';
import nodeHeadroom from './nodes/node-headroom.js';
import podCrashLooping from './pods/pod-crash-looping.js';
import podImagePullFailing from './pods/pod-image-pull-failing.js';
import podOomKilled from './pods/pod-oom-killed.js';
import podPending from './pods/pod-pending.js';
import podRestarts from './pods/pod-restarts.js';
import podFailed from './pods/pod-failed.js';
import podDebugLeftover from './pods/pod-debug-leftover.js';
import podReferenceMissing from './pods/pod-reference-missing.js';
import workloadUnavailable from './workloads/workload-unavailable.js';
import workloadRolloutStuck from './workloads/workload-rollout-stuck.js';
import pdbDisruptionsBlocked from './workloads/pdb-disruptions-blocked.js';
import hpaNotScaling from './workloads/hpa-not-scaling.js';
import jobFailed from './workloads/job-failed.js';
import jobSuspended from './workloads/job-suspended.js';
import cronjobFailing from './workloads/cronjob-failing.js';
import gitopsOrphanedObject from './workloads/gitops-orphaned-object.js';
import fluxNotReady from './flux/flux-not-ready.js';
import fluxSuspended from './flux/flux-suspended.js';
import fluxRevisionBehind from './flux/flux-revision-behind.js';
import fluxDependencyNotReady from './flux/flux-dependency-not-ready.js';
import argocdAppDegraded from './argocd/argocd-app-degraded.js';
import argocdAppOutOfSync from './argocd/argocd-app-out-of-sync.js';
import argocdOperationFailed from './argocd/argocd-operation-failed.js';
import pvcPending from './storage/pvc-pending.js';
import pvReleased from './storage/pv-released.js';
import pvcUsage from './storage/pvc-usage.js';
import pvcResizeStuck from './storage/pvc-resize-stuck.js';
import storageclassDefault from './storage/storageclass-default.js';
import serviceNoEndpoints from './network/service-no-endpoints.js';
import servicePortBlocked from './network/service-port-blocked.js';
import netpolDnsBlocked from './network/netpol-dns-blocked.js';
import netpolSelectorUnmatched from './network/netpol-selector-unmatched.js';
import gatewayRouteConditions from './network/gateway-route-conditions.js';
import ingressNoAddress from './network/ingress-no-address.js';
import certificateNotReady from './certificates/certificate-not-ready.js';
import certificateExpiry from './certificates/certificate-expiry.js';
import externalSecretNotReady from './secrets/external-secret-not-ready.js';
import esoV1Beta1Served from './secrets/eso-v1beta1-served.js';
import veleroBackupStale from './backups/velero-backup-stale.js';
import veleroBackupFailed from './backups/velero-backup-failed.js';
import etcdDbSize from './etcd/etcd-db-size.js';
import etcdLeaderChanges from './etcd/etcd-leader-changes.js';
import etcdPodUnhealthy from './etcd/etcd-pod-unhealthy.js';
import eventStorm from './events/event-storm.js';

/** The read-skipped rule: its findings are raised by the engine for kinds it could not read. */
export const READ_SKIPPED: HealthRule = readSkipped;

/** Every `hctl health` check, in the order the report lists domains. */
export const HEALTH_RULES: readonly HealthRule[] = [
  readSkipped,
  nodeNotReady,
  nodePressure,
  nodeCordoned,
  nodeVersionSkew,
  nodeHeadroom,
  podCrashLooping,
  podImagePullFailing,
  podOomKilled,
  podPending,
  podReferenceMissing,
  podRestarts,
  podFailed,
  podDebugLeftover,
  workloadUnavailable,
  workloadRolloutStuck,
  pdbDisruptionsBlocked,
  hpaNotScaling,
  jobFailed,
  jobSuspended,
  cronjobFailing,
  gitopsOrphanedObject,
  fluxNotReady,
  fluxSuspended,
  fluxRevisionBehind,
  fluxDependencyNotReady,
  argocdAppDegraded,
  argocdAppOutOfSync,
  argocdOperationFailed,
  pvcPending,
  pvReleased,
  pvcUsage,
  pvcResizeStuck,
  storageclassDefault,
  serviceNoEndpoints,
  servicePortBlocked,
  netpolDnsBlocked,
  netpolSelectorUnmatched,
  gatewayRouteConditions,
  ingressNoAddress,
  certificateNotReady,
  certificateExpiry,
  externalSecretNotReady,
  esoV1Beta1Served,
  veleroBackupStale,
  veleroBackupFailed,
  etcdDbSize,
  etcdLeaderChanges,
  etcdPodUnhealthy,
  eventStorm,
];

export const HEALTH_RULES_BY_ID: ReadonlyMap<string, HealthRule> = new Map(HEALTH_RULES.map((rule) => [rule.meta.id, rule]));
