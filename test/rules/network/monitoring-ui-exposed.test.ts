import rule from '../../../src/rules/network/monitoring-ui-exposed.js';
import { ruleTester } from '../../rule-tester.js';

const httpRoute = (backend: string, parent: string, extra = '') =>
  `apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata:\n  name: ui\n  namespace: monitoring\nspec:\n  parentRefs:\n    - name: ${parent}\n      namespace: network\n  hostnames:\n    - ui.example.com\n  rules:\n    - ${extra}backendRefs:\n        - name: ${backend}\n          port: 9090\n`;
const ingress = (backend: string, className: string, annotations = '') =>
  `apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: ui\n  namespace: monitoring\n${annotations}spec:\n  ingressClassName: ${className}\n  rules:\n    - host: ui.example.com\n      http:\n        paths:\n          - path: /\n            pathType: Prefix\n            backend:\n              service:\n                name: ${backend}\n                port:\n                  number: 80\n`;
const ingressRoute = (backend: string, middlewares = '') =>
  `apiVersion: traefik.io/v1alpha1\nkind: IngressRoute\nmetadata:\n  name: ui\n  namespace: longhorn-system\nspec:\n  entryPoints: [websecure]\n  routes:\n    - match: Host(\`longhorn.example.com\`)\n      kind: Rule\n${middlewares}      services:\n        - name: ${backend}\n          port: 80\n`;
const securityPolicy = (target: string) =>
  `apiVersion: gateway.envoyproxy.io/v1alpha1\nkind: SecurityPolicy\nmetadata:\n  name: sso\n  namespace: monitoring\nspec:\n  targetRefs:\n    - group: gateway.networking.k8s.io\n      kind: ${target}\n      name: ui\n  oidc:\n    provider:\n      issuer: https://sso.example.com\n    clientID: monitoring\n    clientSecret:\n      name: oidc\n`;

ruleTester(rule, {
  valid: [
    { name: 'a route to an auth proxy in front of Prometheus', files: { 'route.yaml': httpRoute('oauth2-proxy-prometheus', 'envoy-external') } },
    { name: 'an internal gateway', files: { 'route.yaml': httpRoute('kube-prometheus-stack-prometheus', 'envoy-internal') } },
    { name: 'an internal ingress class', files: { 'ingress.yaml': ingress('alertmanager-operated', 'nginx-internal') } },
    { name: 'ingress-nginx external auth', files: { 'ingress.yaml': ingress('alertmanager-operated', 'nginx-external', '  annotations:\n    nginx.ingress.kubernetes.io/auth-url: http://authelia.auth.svc/api/verify\n') } },
    { name: 'an Envoy Gateway SecurityPolicy on the route', files: { 'route.yaml': httpRoute('kube-prometheus-stack-prometheus', 'envoy-external'), 'policy.yaml': securityPolicy('HTTPRoute') } },
    { name: 'a Gateway API ExtensionRef filter', files: { 'route.yaml': httpRoute('prometheus-operated', 'gateway', 'filters:\n        - type: ExtensionRef\n          extensionRef:\n            group: example.com\n            kind: Auth\n            name: sso\n      ') } },
    { name: 'a Traefik middleware', files: { 'route.yaml': ingressRoute('longhorn-frontend', '      middlewares:\n        - name: authelia\n') } },
    { name: 'a rule that only takes remote writes', files: { 'route.yaml': httpRoute('prometheus-operated', 'envoy-external', 'matches:\n        - path:\n            type: PathPrefix\n            value: /api/v1/write\n      ') } },
    { name: 'the node exporter and the operator are not UIs', files: { 'a.yaml': ingress('kube-prometheus-stack-prometheus-node-exporter', 'nginx'), 'b.yaml': httpRoute('prometheus-operator', 'gateway') } },
  ],
  invalid: [
    {
      name: 'Prometheus on a public listener',
      files: { 'route.yaml': httpRoute('kube-prometheus-stack-prometheus', 'envoy-external') },
      errors: [{ line: 14, column: 17, severity: 'critical', message: 'sends ui.example.com straight to Prometheus (Service monitoring/kube-prometheus-stack-prometheus), which has no login of its own, with no auth in front: anyone who reaches the listener envoy-external can read every metric' }],
    },
    {
      name: 'Alertmanager on an ingress class that says nothing about its reach',
      files: { 'ingress.yaml': ingress('alertmanager-operated', 'nginx') },
      errors: [{ line: 16, severity: 'warning', message: 'Alertmanager (Service monitoring/alertmanager-operated), which has no login of its own, with no auth in front: anyone who reaches ui.example.com can silence every alert' }],
    },
    {
      name: 'the Longhorn UI through Traefik without a middleware, and a SecurityPolicy that targets another route',
      files: { 'route.yaml': ingressRoute('longhorn-frontend'), 'prometheus.yaml': httpRoute('prometheus', 'gateway').replace('name: ui\n  namespace', 'name: prometheus\n  namespace'), 'policy.yaml': securityPolicy('HTTPRoute') },
      errors: [
        { file: 'prometheus.yaml', line: 14, message: 'anyone who reaches ui.example.com can read every metric' },
        { file: 'route.yaml', line: 12, message: 'sends longhorn.example.com straight to the Longhorn UI (Service longhorn-system/longhorn-frontend), which has no login of its own, with no auth in front: anyone who reaches longhorn.example.com can delete volumes and their data' },
      ],
    },
    {
      name: 'Hubble UI on a gateway listener that says nothing about its reach',
      files: { 'route.yaml': httpRoute('hubble-ui', 'main-gateway') },
      errors: [{ line: 14, severity: 'warning', message: "sends ui.example.com straight to Hubble UI (Service monitoring/hubble-ui), which has no login of its own, with no auth in front: anyone who reaches ui.example.com can watch every network flow of the cluster: which pod talks to which, and Hubble's L7 view of their requests" }],
    },
  ],
});
