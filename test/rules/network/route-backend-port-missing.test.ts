import rule from '../../../src/rules/network/route-backend-port-missing.js';
import { ruleTester } from '../../rule-tester.js';

const service = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  selector:\n    app: web\n  ports:\n    - name: http\n      port: 80\n      targetPort: 8080\n';
const ingress = (port: string, className = '') =>
  `apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: web\n  namespace: shop\nspec:\n${className ? `  ingressClassName: ${className}\n` : ''}  rules:\n    - host: shop.example.com\n      http:\n        paths:\n          - path: /\n            pathType: Prefix\n            backend:\n              service:\n                name: web\n                port:\n                  ${port}\n`;
const ingressClass = (name: string, controller: string, isDefault = false) =>
  `apiVersion: networking.k8s.io/v1\nkind: IngressClass\nmetadata:\n  name: ${name}\n${isDefault ? '  annotations:\n    ingressclass.kubernetes.io/is-default-class: "true"\n' : ''}spec:\n  controller: ${controller}\n`;
const httpRoute = (port: number, extra = '') =>
  `apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  parentRefs:\n    - name: gateway\n      namespace: network\n  rules:\n    - backendRefs:\n        - name: web\n          port: ${port}\n${extra}`;
const ingressRoute = (port: string) =>
  `apiVersion: traefik.io/v1alpha1\nkind: IngressRoute\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  routes:\n    - match: Host(\`shop.example.com\`)\n      kind: Rule\n      services:\n        - name: web\n          port: ${port}\n`;

ruleTester(rule, {
  valid: [
    { name: 'an Ingress naming the Service port by number', files: { 'svc.yaml': service, 'ingress.yaml': ingress('number: 80') } },
    { name: 'an Ingress naming the Service port by name', files: { 'svc.yaml': service, 'ingress.yaml': ingress('name: http') } },
    { name: 'an Ingress naming the targetPort, which ingress-nginx takes too', files: { 'svc.yaml': service, 'ingress.yaml': ingress('number: 8080') } },
    { name: 'an nginx-class Ingress naming the targetPort', files: { 'svc.yaml': service, 'ingress.yaml': ingress('number: 8080', 'nginx-internal') } },
    {
      name: 'a class named traefik that the repo’s IngressClass gives to ingress-nginx',
      files: { 'svc.yaml': service, 'class.yaml': ingressClass('traefik', 'k8s.io/ingress-nginx'), 'ingress.yaml': ingress('number: 8080', 'traefik') },
    },
    { name: 'an HTTPRoute to the Service port', files: { 'svc.yaml': service, 'route.yaml': httpRoute(80) } },
    { name: 'a Traefik IngressRoute to the port by name and by number', files: { 'svc.yaml': service, 'a.yaml': ingressRoute('http'), 'b.yaml': ingressRoute('80').replace('name: web\n  namespace', 'name: web-b\n  namespace') } },
    { name: 'a Service the repo does not define (a chart’s) is not judged', files: { 'ingress.yaml': ingress('number: 8080') } },
    { name: 'a Service of the same name in another namespace is not this one', files: { 'svc.yaml': service.replace('namespace: shop', 'namespace: other'), 'route.yaml': httpRoute(8080) } },
  ],
  invalid: [
    {
      name: 'an Ingress naming a port the Service has neither as port nor as targetPort',
      files: { 'svc.yaml': service, 'ingress.yaml': ingress('number: 9090') },
      errors: [{ line: 17, column: 27, file: 'ingress.yaml', message: 'Service shop/web has no port 9090 (it exposes 80 (http)): requests to this backend fail' }],
    },
    {
      name: 'an Ingress naming a port name the Service does not have',
      files: { 'svc.yaml': service, 'ingress.yaml': ingress('name: web') },
      errors: [{ line: 17, file: 'ingress.yaml', message: 'Service shop/web has no port named "web"' }],
    },
    {
      name: 'a Traefik-class Ingress naming the targetPort: Traefik looks up Service ports only',
      files: { 'svc.yaml': service, 'ingress.yaml': ingress('number: 8080', 'traefik') },
      errors: [{ line: 18, file: 'ingress.yaml', message: 'Service shop/web has no port 8080 (it exposes 80 (http))' }],
    },
    {
      name: 'an Ingress without a class, served by the repo’s default IngressClass, Traefik’s',
      files: { 'svc.yaml': service, 'class.yaml': ingressClass('edge', 'traefik.io/ingress-controller', true), 'ingress.yaml': ingress('number: 8080') },
      errors: [{ line: 17, file: 'ingress.yaml', message: 'Service shop/web has no port 8080' }],
    },
    {
      name: 'an HTTPRoute backendRef to a port the Service lacks, in another namespace',
      files: { 'svc.yaml': service.replace('namespace: shop', 'namespace: backend'), 'route.yaml': httpRoute(8080, '          namespace: backend\n') },
      errors: [{ line: 13, column: 17, file: 'route.yaml', message: 'Service backend/web has no port 8080' }],
    },
    {
      name: 'a Traefik IngressRoute naming the container port',
      files: { 'svc.yaml': service, 'route.yaml': ingressRoute('8080') },
      errors: [{ line: 12, file: 'route.yaml', message: 'Service shop/web has no port 8080' }],
    },
  ],
});
