import rule from '../../../src/rules/workloads/prometheus-retention-exceeds-volume.js';
import { ruleTester } from '../../rule-tester.js';

const prometheus = (retentionSize: string, storage: string) =>
  `apiVersion: monitoring.coreos.com/v1\nkind: Prometheus\nmetadata:\n  name: long-term\n  namespace: monitoring\nspec:\n  retention: 9999d\n  retentionSize: ${retentionSize}\n  storage:\n    volumeClaimTemplate:\n      spec:\n        resources:\n          requests:\n            storage: ${storage}\n`;
const helmRelease = (retentionSize: string, storage: string) =>
  `apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata:\n  name: kube-prometheus-stack\n  namespace: observability\nspec:\n  interval: 1h\n  chart:\n    spec:\n      chart: kube-prometheus-stack\n      version: 77.0.0\n      sourceRef:\n        kind: HelmRepository\n        name: prometheus-community\n  values:\n    prometheus:\n      prometheusSpec:\n        retention: 14d\n        retentionSize: ${retentionSize}\n        storageSpec:\n          volumeClaimTemplate:\n            spec:\n              resources:\n                requests:\n                  storage: ${storage}\n`;

ruleTester(rule, {
  valid: [
    { name: '80 % of the volume (onedr0p: 40GiB of 50Gi)', code: helmRelease('40GiB', '50Gi') },
    { name: 'time retention only', code: helmRelease('"0"', '10Gi') },
    { name: 'a CR well inside its volume', code: prometheus('100GB', '150Gi') },
    { name: 'a size Flux substitutes later', code: helmRelease('${PROMETHEUS_RETENTION}', '50Gi') },
    {
      name: 'Argo CD inline values inside the volume',
      code: 'apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata:\n  name: monitoring\n  namespace: argocd\nspec:\n  project: default\n  destination:\n    server: https://kubernetes.default.svc\n    namespace: monitoring\n  source:\n    repoURL: https://prometheus-community.github.io/helm-charts\n    chart: kube-prometheus-stack\n    targetRevision: 77.0.0\n    helm:\n      valuesObject:\n        prometheus:\n          prometheusSpec:\n            retentionSize: 8GB\n            storageSpec:\n              emptyDir:\n                sizeLimit: 10Gi\n',
    },
  ],
  invalid: [
    {
      name: 'the whole volume: powers of 2 on both sides (pando85: 200GB of 200Gi)',
      code: prometheus('200GB', '200Gi'),
      errors: [{ line: 8, severity: 'critical', message: 'retentionSize 200GB does not fit the 200Gi volume (Prometheus sizes are powers of 2: 100 % of it)' }],
    },
    { name: 'more than the volume, in decimal gigabytes', code: prometheus('50GB', '50G'), errors: [{ line: 8, severity: 'critical', message: '107 % of it' }] },
    { name: 'above 85 % (50GB of 55Gi)', code: helmRelease('50GB', '55Gi'), errors: [{ line: 19, severity: 'warning', message: 'retentionSize 50GB is 91 % of the 55Gi volume' }] },
  ],
});
