import rule from '../../../src/rules/workloads/vpa-hpa-conflict.js';
import { ruleTester } from '../../rule-tester.js';

const vpa = (spec: string, namespace = '  namespace: argocd\n') =>
  `apiVersion: autoscaling.k8s.io/v1\nkind: VerticalPodAutoscaler\nmetadata:\n  name: argocd-repo-server\n${namespace}spec:\n  targetRef:\n    apiVersion: apps/v1\n    kind: Deployment\n    name: argocd-repo-server\n${spec}`;
const hpa = (metrics: string, namespace = '  namespace: argocd\n') =>
  `apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: argocd-repo-server\n${namespace}spec:\n  scaleTargetRef:\n    apiVersion: apps/v1\n    kind: Deployment\n    name: argocd-repo-server\n  minReplicas: 1\n  maxReplicas: 4\n${metrics}`;
const cpuMetric = '  metrics:\n    - type: Resource\n      resource:\n        name: cpu\n        target:\n          type: Utilization\n          averageUtilization: 70\n';
const auto = '  updatePolicy:\n    updateMode: Auto\n';

ruleTester(rule, {
  valid: [
    { name: 'the VPA only recommends', files: { 'vpa.yaml': vpa('  updatePolicy:\n    updateMode: "Off"\n'), 'hpa.yaml': hpa(cpuMetric) } },
    { name: 'Initial sets requests only when pods are created', files: { 'vpa.yaml': vpa('  updatePolicy:\n    updateMode: Initial\n'), 'hpa.yaml': hpa(cpuMetric) } },
    {
      name: 'the VPA leaves CPU to the HPA',
      files: { 'vpa.yaml': vpa(`${auto}  resourcePolicy:\n    containerPolicies:\n      - containerName: "*"\n        controlledResources: [memory]\n`), 'hpa.yaml': hpa(cpuMetric) },
    },
    {
      name: 'the HPA scales on a custom metric',
      files: { 'vpa.yaml': vpa(auto), 'hpa.yaml': hpa('  metrics:\n    - type: Pods\n      pods:\n        metric:\n          name: http_requests\n        target:\n          type: AverageValue\n          averageValue: "100"\n') },
    },
    { name: 'another namespace', files: { 'vpa.yaml': vpa(auto), 'hpa.yaml': hpa(cpuMetric, '  namespace: other\n') } },
    { name: 'no namespaces, different applications', files: { 'a/vpa.yaml': vpa(auto, ''), 'b/hpa.yaml': hpa(cpuMetric, '') } },
  ],
  invalid: [
    { name: 'Auto with an HPA on CPU', files: { 'vpa.yaml': vpa(auto), 'hpa.yaml': hpa(cpuMetric) }, errors: [{ file: 'vpa.yaml', line: 12, message: 'resizes Deployment argocd-repo-server in mode Auto while HorizontalPodAutoscaler argocd-repo-server scales it on cpu' }] },
    { name: 'no updatePolicy means Auto; a v2 HPA without metrics scales on CPU', files: { 'vpa.yaml': vpa(''), 'hpa.yaml': hpa('') }, errors: [{ file: 'vpa.yaml', line: 7 }] },
    {
      name: 'a KEDA ScaledObject on memory, side by side without namespaces',
      files: {
        'app/vpa.yaml': vpa('  updatePolicy:\n    updateMode: Recreate\n', ''),
        'app/scaledobject.yaml': 'apiVersion: keda.sh/v1alpha1\nkind: ScaledObject\nmetadata:\n  name: repo-server\nspec:\n  scaleTargetRef:\n    name: argocd-repo-server\n  triggers:\n    - type: memory\n      metricType: Utilization\n      metadata:\n        value: "80"\n',
      },
      errors: [{ file: 'app/vpa.yaml', line: 11, message: 'while ScaledObject repo-server scales it on memory' }],
    },
  ],
});
