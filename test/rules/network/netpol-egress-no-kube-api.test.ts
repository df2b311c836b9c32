import rule from '../../../src/rules/network/netpol-egress-no-kube-api.js';
import { ruleTester } from '../../rule-tester.js';

const binding = (kind: 'ClusterRoleBinding' | 'RoleBinding', account = 'resource-api') =>
  `apiVersion: rbac.authorization.k8s.io/v1\nkind: ${kind}\nmetadata:\n  name: read-pods\n${kind === 'RoleBinding' ? '  namespace: dashboard\n' : ''}subjects:\n  - kind: ServiceAccount\n    name: ${account}\n${kind === 'ClusterRoleBinding' ? '    namespace: dashboard\n' : ''}roleRef:\n  apiGroup: rbac.authorization.k8s.io\n  kind: ClusterRole\n  name: view\n`;
const deployment = (podSpec = '      serviceAccountName: resource-api\n') =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: resource-api\n  namespace: dashboard\nspec:\n  selector:\n    matchLabels: { app: resource-api }\n  template:\n    metadata:\n      labels: { app: resource-api }\n    spec:\n${podSpec}      containers:\n        - name: api\n          image: ghcr.io/example/api:1.0.0\n`;
const egress = (rules: string, selector = '{}') =>
  `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: allow-api-egress\n  namespace: dashboard\nspec:\n  podSelector: ${selector}\n  policyTypes: [Egress]\n  egress:\n${rules}`;
const port443 = '    - ports:\n        - port: 443\n          protocol: TCP\n';
const port6443 = '    - ports:\n        - port: 443\n        - port: 6443\n';
const cilium = (rule: string) => `apiVersion: cilium.io/v2\nkind: CiliumNetworkPolicy\nmetadata:\n  name: allow-kube-api\n  namespace: dashboard\nspec:\n  endpointSelector: {}\n  egress:\n${rule}`;

ruleTester(rule, {
  valid: [
    { name: 'port 6443 allowed', files: { 'rbac.yaml': binding('ClusterRoleBinding'), 'deploy.yaml': deployment(), 'netpol.yaml': egress(port6443) } },
    { name: 'a port range that covers 6443, to an ipBlock', files: { 'rbac.yaml': binding('ClusterRoleBinding'), 'deploy.yaml': deployment(), 'netpol.yaml': egress('    - to:\n        - ipBlock: { cidr: 192.168.1.0/24 }\n      ports:\n        - port: 6000\n          endPort: 7000\n') } },
    { name: 'Cilium toEntities kube-apiserver', files: { 'rbac.yaml': binding('ClusterRoleBinding'), 'deploy.yaml': deployment(), 'netpol.yaml': egress(port443), 'cilium.yaml': cilium('    - toEntities:\n        - kube-apiserver\n') } },
    { name: 'no egress policy selects the pods', files: { 'rbac.yaml': binding('ClusterRoleBinding'), 'deploy.yaml': deployment(), 'netpol.yaml': egress(port443, '{ matchLabels: { app: other } }') } },
    { name: 'an ingress-only policy does not isolate egress', files: { 'rbac.yaml': binding('ClusterRoleBinding'), 'deploy.yaml': deployment(), 'netpol.yaml': egress(port443).replace('[Egress]', '[Ingress]') } },
    { name: 'the ServiceAccount has no binding', files: { 'rbac.yaml': binding('ClusterRoleBinding', 'someone-else'), 'deploy.yaml': deployment(), 'netpol.yaml': egress(port443) } },
    { name: 'the token is not mounted', files: { 'rbac.yaml': binding('ClusterRoleBinding'), 'deploy.yaml': deployment('      serviceAccountName: resource-api\n      automountServiceAccountToken: false\n'), 'netpol.yaml': egress(port443) } },
    { name: 'apiServerPort 443 (a managed cluster)', rules: { 'netpol-egress-no-kube-api': { apiServerPort: 443 } }, files: { 'rbac.yaml': binding('ClusterRoleBinding'), 'deploy.yaml': deployment(), 'netpol.yaml': egress(port443) } },
    {
      name: 'a CiliumClusterwideNetworkPolicy may allow it everywhere',
      files: { 'rbac.yaml': binding('ClusterRoleBinding'), 'deploy.yaml': deployment(), 'netpol.yaml': egress(port443), 'ccnp.yaml': 'apiVersion: cilium.io/v2\nkind: CiliumClusterwideNetworkPolicy\nmetadata:\n  name: kube-api\nspec:\n  endpointSelector: {}\n  egress:\n    - toEntities: [kube-apiserver]\n' },
    },
  ],
  invalid: [
    {
      name: 'only 443 allowed: the API server is reached on 6443',
      files: { 'rbac.yaml': binding('ClusterRoleBinding'), 'deploy.yaml': deployment(), 'netpol.yaml': egress(port443) },
      errors: [{ line: 13, column: 27, file: 'deploy.yaml', severity: 'warning', message: 'its pods call the Kubernetes API (ServiceAccount resource-api is bound by ClusterRoleBinding read-pods), but the egress policies that select its pods (allow-api-egress) never let them reach the API server on port 6443 — they allow 443' }],
    },
    {
      name: 'the default ServiceAccount bound by a RoleBinding; only namespace peers allowed',
      files: {
        'rbac.yaml': binding('RoleBinding', 'default'),
        'deploy.yaml': deployment(''),
        'netpol.yaml': egress('    - to:\n        - namespaceSelector:\n            matchLabels:\n              kubernetes.io/metadata.name: default\n      ports:\n        - port: 6443\n'),
      },
      errors: [{ line: 13, message: /ServiceAccount default is bound by RoleBinding read-pods.*on port 6443: their API calls time out/ }],
    },
    {
      name: 'a Cilium policy that reaches only pods',
      files: { 'rbac.yaml': binding('ClusterRoleBinding'), 'deploy.yaml': deployment(), 'cilium.yaml': cilium('    - toEndpoints:\n        - matchLabels: { app: db }\n') },
      errors: [{ line: 13, message: '(allow-kube-api) never let them reach the API server on port 6443: their' }],
    },
  ],
});
