import rule from '../../../src/rules/network/gateway-route-no-parent.js';
import { ruleTester } from '../../rule-tester.js';

const gateway = 'apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata:\n  name: cluster-gateway\n  namespace: network\nspec:\n  gatewayClassName: cilium\n  listeners:\n    - name: https\n      port: 443\n      protocol: HTTPS\n';
const route = (parentRef: string) => `apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata:\n  name: grafana\n  namespace: monitoring\nspec:\n  parentRefs:\n${parentRef}  rules:\n    - backendRefs:\n        - name: grafana\n          port: 80\n`;

ruleTester(rule, {
  valid: [
    { files: { 'gw.yaml': gateway, 'route.yaml': route('    - name: cluster-gateway\n      namespace: network\n      sectionName: https\n') } },
    { name: 'Gateways made by a chart: not judged', files: { 'route.yaml': route('    - name: somewhere\n') } },
  ],
  invalid: [
    { name: 'no namespace: the route’s own', files: { 'gw.yaml': gateway, 'route.yaml': route('    - name: cluster-gateway\n') }, errors: [{ line: 8, file: 'route.yaml', message: 'parentRef Gateway monitoring/cluster-gateway does not exist; it is in namespace network' }] },
    { name: 'a listener that does not exist', files: { 'gw.yaml': gateway, 'route.yaml': route('    - name: cluster-gateway\n      namespace: network\n      sectionName: http\n') }, errors: [{ line: 10, message: 'has no listener http (listeners: https)' }] },
  ],
});
