import rule from '../../../src/rules/workloads/hpa-missing-requests.js';
import { ruleTester } from '../../rule-tester.js';

const deployment = (resources: string, sidecar = '') =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\n  namespace: shop\nspec:\n  selector:\n    matchLabels:\n      app: api\n  template:\n    metadata:\n      labels:\n        app: api\n    spec:\n      containers:\n        - name: api\n          image: ghcr.io/example/api:1.4.2\n${resources}${sidecar}`;
const cpuRequest = '          resources:\n            requests:\n              cpu: 100m\n';
const hpa = (metrics: string) =>
  `apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: api\n  namespace: shop\nspec:\n  scaleTargetRef:\n    apiVersion: apps/v1\n    kind: Deployment\n    name: api\n  minReplicas: 2\n  maxReplicas: 6\n${metrics}`;
const cpuUtilization = '  metrics:\n    - type: Resource\n      resource:\n        name: cpu\n        target:\n          type: Utilization\n          averageUtilization: 70\n';

ruleTester(rule, {
  valid: [
    { name: 'the container requests CPU', files: { 'deploy.yaml': deployment(cpuRequest), 'hpa.yaml': hpa(cpuUtilization) } },
    { name: 'a CPU limit becomes the request', files: { 'deploy.yaml': deployment('          resources:\n            limits:\n              cpu: 500m\n'), 'hpa.yaml': hpa(cpuUtilization) } },
    {
      name: 'an AverageValue target needs no request',
      files: { 'deploy.yaml': deployment(''), 'hpa.yaml': hpa('  metrics:\n    - type: Resource\n      resource:\n        name: cpu\n        target:\n          type: AverageValue\n          averageValue: 200m\n') },
    },
    { name: 'a workload the repo does not hold is not judged', files: { 'hpa.yaml': hpa(cpuUtilization) } },
    {
      name: "a namespace LimitRange's default request fills it in",
      files: { 'deploy.yaml': deployment(''), 'hpa.yaml': hpa(cpuUtilization), 'limits.yaml': 'apiVersion: v1\nkind: LimitRange\nmetadata:\n  name: defaults\n  namespace: shop\nspec:\n  limits:\n    - type: Container\n      defaultRequest:\n        cpu: 50m\n' },
    },
  ],
  invalid: [
    {
      name: 'CPU utilization of a container without a CPU request',
      files: { 'deploy.yaml': deployment('          resources:\n            requests:\n              memory: 128Mi\n'), 'hpa.yaml': hpa(cpuUtilization) },
      errors: [{ line: 14, file: 'hpa.yaml', message: 'scales Deployment api on cpu utilization, but its container api requests no cpu' }],
    },
    {
      name: 'one container of two without the request (every container counts)',
      files: { 'deploy.yaml': deployment(cpuRequest, '        - name: proxy\n          image: envoyproxy/envoy:v1.31.2\n'), 'hpa.yaml': hpa(cpuUtilization) },
      errors: [{ line: 14, message: 'its container proxy requests no cpu' }],
    },
    {
      name: 'an HPA with no metrics scales on CPU at 80 %',
      files: { 'deploy.yaml': deployment(''), 'hpa.yaml': hpa('') },
      errors: [{ line: 8, message: 'scales Deployment api on cpu utilization' }],
    },
    {
      name: 'a KEDA memory trigger (Utilization unless it says otherwise)',
      files: {
        'deploy.yaml': deployment(cpuRequest),
        'so.yaml': 'apiVersion: keda.sh/v1alpha1\nkind: ScaledObject\nmetadata:\n  name: api\n  namespace: shop\nspec:\n  scaleTargetRef:\n    name: api\n  triggers:\n    - type: memory\n      metadata:\n        value: "75"\n',
      },
      errors: [{ line: 10, file: 'so.yaml', message: 'scales Deployment api on memory utilization, but its container api requests no memory' }],
    },
  ],
});
