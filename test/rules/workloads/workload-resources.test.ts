import rule from '../../../src/rules/workloads/workload-resources.js';
import { ruleTester } from '../../rule-tester.js';

const deployment = (resources: string) =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n        - name: web\n          image: nginx:1.27\n${resources}`;
const full = '          resources:\n            requests:\n              cpu: 100m\n              memory: 128Mi\n            limits:\n              memory: 256Mi\n';
const withCpuLimit = `${full}              cpu: 500m\n`;

/** A Flux HelmRelease of bjw-s app-template with one controller `main` (`controller` is indented under it). */
const appTemplate = (controller: string) =>
  `apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata:\n  name: sonarr\n  namespace: media\nspec:\n  interval: 1h\n  chartRef:\n    kind: OCIRepository\n    name: app-template\n  values:\n    controllers:\n      main:\n${controller}`;
const appContainer = (resources: string) =>
  `        containers:\n          app:\n            image:\n              repository: ghcr.io/home-operations/sonarr\n              tag: 4.0.15\n${resources}`;
const appResources = '            resources:\n              requests:\n                cpu: 10m\n                memory: 256Mi\n              limits:\n                memory: 1Gi\n';

ruleTester(rule, {
  valid: [
    deployment(full),
    { name: 'cpu-limits profile satisfied', code: deployment(withCpuLimit), profile: 'cpu-limits' },
    { name: 'default profile leaves CPU limits alone', code: deployment(withCpuLimit) },
    { name: 'an app-template container with resources', code: appTemplate(appContainer(appResources)) },
    {
      name: 'an app-template container whose controller defaults give it resources (overwrite strategy)',
      code: appTemplate(`        defaultContainerOptions:\n          resources:\n            requests:\n              cpu: 10m\n              memory: 256Mi\n            limits:\n              memory: 1Gi\n${appContainer('')}`),
    },
    { name: 'a disabled app-template controller renders nothing', code: appTemplate(`        enabled: false\n${appContainer('')}`) },
    { name: 'a disabled app-template container renders nothing', code: appTemplate(appContainer('            enabled: false\n')) },
    {
      name: 'a chart on the common library whose own values.yaml holds the images (and maybe resources) is not read',
      code: appTemplate('        containers:\n          app:\n            env:\n              TZ: UTC\n'),
    },
    { name: 'values of another chart that has no app-template containers', code: appTemplate('        containers:\n          app:\n            image: nginx:1.27\n') },
  ],
  invalid: [
    { name: 'no resources at all', code: deployment(''), errors: [{ line: 9, column: 11, message: 'Container web has no CPU request, memory request or memory limit' }] },
    {
      name: 'init container of a CronJob without a memory limit',
      code: 'apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: backup\nspec:\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          initContainers:\n            - name: wait\n              image: busybox:1.36\n              resources:\n                requests:\n                  cpu: 10m\n                  memory: 16Mi\n          containers: []\n',
      errors: [{ line: 13, message: 'Init container wait has no memory limit' }],
    },
    { name: 'cpu-limits profile requires a CPU limit', code: deployment(full), profile: 'cpu-limits', errors: [{ line: 11, message: 'no CPU limit' }] },
    { name: 'no-cpu-limits profile forbids one', code: deployment(withCpuLimit), profile: 'no-cpu-limits', errors: [{ line: 17, message: 'sets a CPU limit (500m)' }] },
    {
      name: 'an app-template container without resources',
      code: appTemplate(appContainer('')),
      errors: [{ line: 15, column: 11, message: 'Container app of controller main has no CPU request, memory request or memory limit' }],
    },
    {
      name: 'an app-template container without a memory limit, at its resources',
      code: appTemplate(appContainer('            nameOverride: sonarr\n            resources:\n              requests:\n                cpu: 10m\n                memory: 256Mi\n')),
      errors: [{ line: 20, column: 13, message: 'Container sonarr of controller main has no memory limit' }],
    },
    {
      name: 'merge strategy: the container\'s requests over defaults that lack a memory limit, found at the container\'s resources',
      code: appTemplate(
        `        defaultContainerOptionsStrategy: merge\n        defaultContainerOptions:\n          resources:\n            requests:\n              cpu: 10m\n${appContainer('            resources:\n              requests:\n                memory: 256Mi\n')}`,
      ),
      errors: [{ line: 24, message: 'Container app of controller main has no memory limit' }],
    },
    {
      name: 'an init container the controller\'s defaults do not reach (applyDefaultContainerOptionsToInitContainers: false)',
      code: appTemplate(
        `        applyDefaultContainerOptionsToInitContainers: false\n        defaultContainerOptions:\n          resources:\n            requests:\n              cpu: 10m\n              memory: 64Mi\n            limits:\n              memory: 128Mi\n        initContainers:\n          chown:\n            image:\n              repository: busybox\n              tag: 1.36\n${appContainer('')}`,
      ),
      errors: [{ line: 23, message: 'Init container chown of controller main has no CPU request, memory request or memory limit' }],
    },
    {
      name: 'app-template containers whose image is in the controller\'s defaults',
      code: appTemplate('        defaultContainerOptions:\n          image:\n            repository: ghcr.io/home-operations/sonarr\n            tag: 4.0.15\n        containers:\n          app:\n            args: [serve]\n'),
      errors: [{ line: 19, column: 11, message: 'Container app of controller main has no CPU request, memory request or memory limit' }],
    },
    {
      name: 'an app-template container in an Argo CD Application\'s valuesObject',
      code: 'apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata:\n  name: sonarr\n  namespace: argocd\nspec:\n  project: default\n  destination:\n    server: https://kubernetes.default.svc\n    namespace: media\n  source:\n    repoURL: ghcr.io/bjw-s-labs/helm\n    chart: app-template\n    targetRevision: 4.4.0\n    helm:\n      valuesObject:\n        controllers:\n          main:\n            containers:\n              app:\n                image:\n                  repository: ghcr.io/home-operations/sonarr\n                  tag: 4.0.15\n',
      errors: [{ line: 20, column: 15, message: 'Container app of controller main has no CPU request, memory request or memory limit' }],
    },
    { name: 'the option can be set per rule', code: deployment(withCpuLimit), rules: { 'workload-resources': { cpuLimit: 'forbid' } }, errors: [{ line: 17 }] },
  ],
});
