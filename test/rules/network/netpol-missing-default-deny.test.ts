import rule from '../../../src/rules/network/netpol-missing-default-deny.js';
import { ruleTester } from '../../rule-tester.js';

const deployment = (namespace: string) =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  namespace: ${namespace}\nspec:\n  template:\n    spec:\n      containers:\n        - name: web\n          image: nginx:1.27\n`;
const denyAll = (namespace: string, name = 'deny-everything') =>
  `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: ${name}\n  namespace: ${namespace}\nspec:\n  podSelector: {}\n  policyTypes:\n    - Ingress\n    - Egress\n`;

ruleTester(rule, {
  valid: [
    { name: 'default-deny found by shape, whatever its name', files: { 'a/policy.yaml': denyAll('shop', 'lockdown'), 'a/deploy.yaml': deployment('shop') } },
    { name: 'a repo without any default-deny has not adopted the convention', files: { 'deploy.yaml': deployment('shop') } },
    {
      name: 'a Kyverno policy generating default-deny everywhere',
      files: {
        'kyverno.yaml': 'apiVersion: kyverno.io/v1\nkind: ClusterPolicy\nmetadata:\n  name: generate-default-deny-netpol\nspec:\n  rules:\n    - name: deny\n      generate:\n        apiVersion: networking.k8s.io/v1\n        kind: NetworkPolicy\n        name: default-deny-all\n        data:\n          spec:\n            podSelector: {}\n            policyTypes: [Ingress, Egress]\n',
        'deploy.yaml': deployment('shop'),
      },
    },
  ],
  invalid: [
    {
      name: 'a policy named default-deny that selects only some pods does not count',
      files: {
        'ns.yaml': 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: media\n',
        'deploy.yaml': deployment('media'),
        'other.yaml': denyAll('shop'),
        'fake.yaml': 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: default-deny\n  namespace: media\nspec:\n  podSelector:\n    matchLabels:\n      app: web\n  policyTypes: [Ingress]\n',
      },
      errors: [{ line: 1, file: 'ns.yaml', message: 'namespace media runs workloads (Deployment media/web)' }],
    },
    {
      name: 'no Namespace object: reported at the first workload',
      files: { 'deploy.yaml': deployment('media'), 'other.yaml': denyAll('shop') },
      errors: [{ line: 1, file: 'deploy.yaml' }],
    },
    {
      name: 'a workload defined twice (a copy in another folder) is named once',
      files: { 'apps/deploy.yaml': deployment('media'), 'manifests/deploy.yaml': deployment('media'), 'other.yaml': denyAll('shop') },
      errors: [{ line: 1, file: 'apps/deploy.yaml', message: /runs workloads \(Deployment media\/web\) but/ }],
    },
  ],
});
