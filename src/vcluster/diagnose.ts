import type { ApiClient } from '../cluster/api-client.js';
import type { LiveObject } from '../cluster/cluster-state.js';
import type { PlatformSettings } from '../config/platform.js';
import { conditionOf } from '../k8s/conditions.js';
import { containerStatuses, totalRestarts } from '../k8s/container-statuses.js';
import { formatDuration } from '../text/duration.js';
import { findKubeconfig } from './kubeconfig-secret.js';
import { isMissing, listObjects, paths, type Missing } from './platform-api.js';
import type { Phase } from './status-contract.js';
import { appsInVCluster, describeApp, summarizeApp } from './vcluster-apps.js';

export type StepStatus = 'ok' | 'warning' | 'error' | 'unknown';

/** One link of the diagnostic chain, as a tree node. */
export interface ChainStep {
  id: string;
  title: string;
  status: StepStatus;
  message: string;
  details: string[];
  resource?: { apiVersion: string; kind: string; namespace?: string; name: string };
}

export interface Diagnosis {
  steps: ChainStep[];
  /** The phase the chain points to, by the platform reconciler's own rules. */
  phase: Phase;
}

/** Minutes after which a degraded vCluster counts as failed (the reconciler's rule). */
const FAILED_AFTER_MINUTES = 15;

const unknown = (id: string, title: string, missing: Missing): ChainStep => ({
  id,
  title,
  status: 'unknown',
  message: missing.missing === 'forbidden' ? `cannot read: ${missing.message}` : `not installed (${missing.message})`,
  details: [],
});

/**
 * Seed 002's diagnostic chain, in order: the request, its pipeline Job, Kratix Work and
 * WorkPlacement, the Argo CD Application, the pods, their sizes and restarts, the kubeconfig
 * Secret, the sub-apps, and selfHeal. Each step reads what it needs and says what it saw.
 */
export async function diagnose(client: ApiClient, platform: PlatformSettings, name: string, request: LiveObject | undefined, now: Date): Promise<Diagnosis> {
  const steps: ChainStep[] = [];
  const namespace = (request?.spec?.targetNamespace as string | undefined) || name;
  const ageMinutes = request?.metadata.creationTimestamp ? (now.getTime() - Date.parse(request.metadata.creationTimestamp)) / 60_000 : 0;

  steps.push(
    request
      ? { id: 'request', title: 'Request', status: 'ok', message: `exists, ${formatDuration(ageMinutes * 60_000)} old`, details: [], resource: ref(request) }
      : { id: 'request', title: 'Request', status: 'error', message: `no ${platform.kind} ${platform.platformNamespace}/${name} in the cluster`, details: ['if it is committed, has Argo CD or Flux applied the repo yet?'] },
  );

  const [jobs, works, placements, apps, pods] = await Promise.all([
    listObjects(client, paths.jobs(platform.platformNamespace), `kratix.io/resource-name=${name}`),
    listObjects(client, paths.works()),
    listObjects(client, paths.workPlacements()),
    listObjects(client, paths.applications(platform)),
    listObjects(client, paths.pods(namespace)),
  ]);

  const job = jobStep(jobs);
  steps.push(job.step);
  steps.push(namedStep('work', 'Kratix Work', works, name, () => 'ok'));
  steps.push(
    namedStep('workplacement', 'Kratix WorkPlacement', placements, name, (placement) =>
      conditionOf(placement.status, 'Failing')?.status === 'True' ? 'warning' : 'ok',
    ),
  );
  const app = isMissing(apps) ? undefined : (apps.find((candidate) => candidate.metadata.name === `vcluster-${name}`) ?? apps.find((candidate) => candidate.metadata.name === name));
  steps.push(appStep(apps, app, name));
  const podFacts = podSteps(pods, namespace);
  steps.push(...podFacts.steps);

  const kubeconfig = await findKubeconfig(client, namespace, name, request?.status?.credentials?.kubeconfigSecret);
  const hasKubeconfig = !isMissing(kubeconfig);
  steps.push(
    isMissing(kubeconfig)
      ? { id: 'kubeconfig', title: 'Kubeconfig secret', status: kubeconfig.missing === 'forbidden' ? 'unknown' : 'warning', message: kubeconfig.message, details: [] }
      : { id: 'kubeconfig', title: 'Kubeconfig secret', status: 'ok', message: `${namespace}/${kubeconfig.secret} (key ${kubeconfig.key})`, details: [] },
  );

  const subApps = isMissing(apps) ? [] : appsInVCluster(apps, name);
  const unhealthy = subApps.filter((candidate) => candidate.status?.health?.status !== 'Healthy');
  steps.push(
    isMissing(apps)
      ? unknown('sub-apps', 'Sub-apps', apps)
      : {
          id: 'sub-apps',
          title: 'Sub-apps',
          status: subApps.length === 0 ? 'warning' : unhealthy.length > 0 ? 'warning' : 'ok',
          message: subApps.length === 0 ? `no Argo CD Application targets destination "${name}" yet` : `${subApps.length - unhealthy.length}/${subApps.length} healthy`,
          details: unhealthy.map((candidate) => describeApp(summarizeApp(candidate))),
        },
  );

  const selfHealApps = [...(app ? [app] : []), ...subApps];
  const noSelfHeal = selfHealApps.filter((candidate) => !summarizeApp(candidate).selfHeal);
  steps.push({
    id: 'self-heal',
    title: 'selfHeal',
    status: noSelfHeal.length > 0 ? 'warning' : selfHealApps.length === 0 ? 'unknown' : 'ok',
    message: noSelfHeal.length > 0 ? `${noSelfHeal.length} app(s) do not self-heal: drift is not corrected` : selfHealApps.length === 0 ? 'no apps to check' : 'every app self-heals',
    details: noSelfHeal.map((candidate) => `${candidate.metadata.name}: set spec.syncPolicy.automated.selfHeal: true`),
  });

  return {
    steps,
    phase: derivePhase({
      request,
      ageMinutes,
      jobFailed: job.failed,
      ...(app ? { argo: { sync: app.status?.sync?.status, health: app.status?.health?.status } } : {}),
      pods: podFacts.counts,
      subAppsHealthy: unhealthy.length === 0,
      hasKubeconfig,
    }),
  };
}

/** The status reconciler's phase rules (seed 002 §1D), for when no reconciler wrote a phase. */
export function derivePhase(facts: {
  request: LiveObject | undefined;
  ageMinutes: number;
  jobFailed: boolean;
  argo?: { sync?: string; health?: string };
  pods: { ready: number; total: number };
  subAppsHealthy: boolean;
  hasKubeconfig: boolean;
}): Phase {
  if (!facts.request) return 'Unknown';
  if (facts.request.metadata.deletionTimestamp) return 'Deleting';
  if (facts.jobFailed) return 'Failed';
  const { argo, pods } = facts;
  if (argo?.health === 'Healthy' && argo.sync === 'Synced' && pods.total > 0 && pods.ready === pods.total && facts.subAppsHealthy && facts.hasKubeconfig) return 'Ready';
  if (!argo || argo.health === 'Missing') return 'Scheduled';
  if (argo.health === 'Degraded' || (pods.total > 0 && pods.ready / pods.total < 0.5)) return facts.ageMinutes > FAILED_AFTER_MINUTES ? 'Failed' : 'Degraded';
  return 'Progressing';
}

function ref(object: LiveObject): ChainStep['resource'] {
  return { apiVersion: object.apiVersion, kind: object.kind, ...(object.metadata.namespace ? { namespace: object.metadata.namespace } : {}), name: object.metadata.name };
}

function jobStep(jobs: LiveObject[] | Missing): { step: ChainStep; failed: boolean } {
  const title = 'Pipeline Job';
  if (isMissing(jobs)) return { step: unknown('pipeline', title, jobs), failed: false };
  const newest = [...jobs].sort((a, b) => Date.parse(b.metadata.creationTimestamp ?? '') - Date.parse(a.metadata.creationTimestamp ?? ''))[0];
  if (!newest) return { step: { id: 'pipeline', title, status: 'warning', message: 'no pipeline Job yet (label kratix.io/resource-name)', details: [] }, failed: false };
  const failed = conditionOf(newest.status, 'Failed')?.status === 'True';
  const complete = conditionOf(newest.status, 'Complete')?.status === 'True';
  const message = failed ? `${newest.metadata.name} failed: ${conditionOf(newest.status, 'Failed')?.message ?? conditionOf(newest.status, 'Failed')?.reason ?? 'no reason given'}` : complete ? `${newest.metadata.name} complete` : `${newest.metadata.name} running`;
  return {
    step: { id: 'pipeline', title, status: failed ? 'error' : complete ? 'ok' : 'warning', message, details: failed ? [`kubectl logs -n ${newest.metadata.namespace} job/${newest.metadata.name}`] : [], resource: ref(newest) },
    failed,
  };
}

function namedStep(id: string, title: string, objects: LiveObject[] | Missing, name: string, judge: (object: LiveObject) => StepStatus): ChainStep {
  if (isMissing(objects)) return unknown(id, title, objects);
  const matches = objects.filter((object) => object.metadata.name.includes(name));
  if (matches.length === 0) return { id, title, status: 'warning', message: `none named after ${name} yet`, details: [] };
  const worst = matches.map(judge).includes('warning') ? 'warning' : 'ok';
  return {
    id,
    title,
    status: worst,
    message: worst === 'warning' ? `${matches.length} found; Failing=True (often cosmetic once the Work is scheduled)` : `${matches.length} found`,
    details: matches.map((object) => object.metadata.name),
  };
}

function appStep(apps: LiveObject[] | Missing, app: LiveObject | undefined, name: string): ChainStep {
  const title = 'Argo CD Application';
  if (isMissing(apps)) return unknown('argocd', title, apps);
  if (!app) return { id: 'argocd', title, status: 'error', message: `no Application vcluster-${name} or ${name}`, details: [] };
  const sync = app.status?.sync?.status ?? 'Unknown';
  const health = app.status?.health?.status ?? 'Unknown';
  const status: StepStatus = health === 'Degraded' ? 'error' : sync === 'Synced' && health === 'Healthy' ? 'ok' : 'warning';
  const operation = app.status?.operationState;
  const details = operation?.phase && operation.phase !== 'Succeeded' ? [`last operation ${operation.phase}: ${operation.message ?? ''}`.trim()] : [];
  return { id: 'argocd', title, status, message: `${app.metadata.name}: ${sync}, ${health}`, details, resource: ref(app) };
}

function podSteps(pods: LiveObject[] | Missing, namespace: string): { steps: ChainStep[]; counts: { ready: number; total: number } } {
  if (isMissing(pods)) return { steps: [unknown('pods', 'Pods', pods)], counts: { ready: 0, total: 0 } };
  const ready = pods.filter((pod) => conditionOf(pod.status, 'Ready')?.status === 'True').length;
  const podsStep: ChainStep = {
    id: 'pods',
    title: 'Pods',
    status: pods.length === 0 ? 'warning' : ready === pods.length ? 'ok' : ready / pods.length < 0.5 ? 'error' : 'warning',
    message: pods.length === 0 ? `no pods in namespace ${namespace} yet` : `${ready}/${pods.length} ready in ${namespace}`,
    details: pods.filter((pod) => conditionOf(pod.status, 'Ready')?.status !== 'True').map((pod) => `${pod.metadata.name}: ${pod.status?.phase ?? 'Unknown'}`),
  };
  const controlPlane = pods.filter((pod) => pod.metadata.labels?.app === 'vcluster');
  const restarting = controlPlane.filter((pod) => totalRestarts(pod) > 0);
  const resourcesStep: ChainStep = {
    id: 'resources',
    title: 'Control-plane resources',
    status: controlPlane.length === 0 ? 'unknown' : restarting.length > 0 ? 'warning' : 'ok',
    message:
      controlPlane.length === 0
        ? 'no control-plane pods (label app=vcluster)'
        : restarting.length > 0
          ? `${restarting.length} control-plane pod(s) restarted; this may indicate OOM or a crash loop`
          : `${controlPlane.length} control-plane pod(s), no restarts`,
    details: controlPlane.map((pod) => {
      const spec = (pod.spec?.containers ?? []).find((container: any) => container.name === 'syncer') ?? pod.spec?.containers?.[0];
      const resources = spec?.resources ?? {};
      const restarts = totalRestarts(pod);
      const lastReason = containerStatuses(pod).map((status) => status.lastState?.terminated?.reason).find(Boolean);
      return `${pod.metadata.name}: memory ${resources.requests?.memory ?? '-'}/${resources.limits?.memory ?? '-'}, cpu ${resources.requests?.cpu ?? '-'}/${resources.limits?.cpu ?? '-'}, ${restarts} restart(s)${lastReason ? `, last ${lastReason}` : ''}`;
    }),
  };
  return { steps: [podsStep, resourcesStep], counts: { ready, total: pods.length } };
}
