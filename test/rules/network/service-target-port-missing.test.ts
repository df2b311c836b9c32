import rule from '../../../src/rules/network/service-target-port-missing.js';
import { ruleTester } from '../../rule-tester.js';

const deployment = (ports: string, extra = '') =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n${extra}      containers:\n        - name: web\n          image: nginx:1.27\n${ports}`;
const httpPort = '          ports:\n            - name: http\n              containerPort: 8080\n';
const service = (port: string, selector = 'app: web') => `apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  selector:\n    ${selector}\n  ports:\n    - port: 80\n${port}`;

ruleTester(rule, {
  valid: [
    { name: 'the named port is declared', files: { 'deploy.yaml': deployment(httpPort), 'svc.yaml': service('      targetPort: http\n') } },
    { name: 'a numeric targetPort is not looked up by name', files: { 'deploy.yaml': deployment(''), 'svc.yaml': service('      targetPort: 8080\n') } },
    { name: 'no targetPort: the port number', files: { 'deploy.yaml': deployment(''), 'svc.yaml': service('') } },
    { name: 'pods the repo does not hold (an operator, a chart) are not judged', files: { 'deploy.yaml': deployment(''), 'svc.yaml': service('      targetPort: http\n', 'app: prometheus') } },
    {
      name: 'a sidecar (an init container that keeps running) names it',
      files: {
        'deploy.yaml': deployment('', '      initContainers:\n        - name: proxy\n          image: envoy:1.31\n          restartPolicy: Always\n          ports:\n            - name: http\n              containerPort: 9000\n'),
        'svc.yaml': service('      targetPort: http\n'),
      },
    },
    {
      name: 'a UDP port named for a UDP Service port',
      files: { 'deploy.yaml': deployment('          ports:\n            - name: dns\n              containerPort: 53\n              protocol: UDP\n'), 'svc.yaml': service('      targetPort: dns\n      protocol: UDP\n') },
    },
  ],
  invalid: [
    {
      name: 'a name no container declares',
      files: { 'deploy.yaml': deployment(httpPort), 'svc.yaml': service('      targetPort: web\n') },
      errors: [{ line: 11, column: 19, file: 'svc.yaml', message: 'targetPort "web" names no container port of the pods it selects (Deployment web, which name http): the Service has no endpoints for this port' }],
    },
    {
      name: 'the name on a port of another protocol (the endpoints controller matches both)',
      files: { 'deploy.yaml': deployment('          ports:\n            - name: dns\n              containerPort: 53\n'), 'svc.yaml': service('      targetPort: dns\n      protocol: UDP\n') },
      errors: [{ line: 11, message: 'targetPort "dns" (UDP) names no container port of the pods it selects (Deployment web, which name dns)' }],
    },
    {
      name: 'an init container that runs to completion serves nothing',
      files: {
        'deploy.yaml': deployment('', '      initContainers:\n        - name: migrate\n          image: migrate:1\n          ports:\n            - name: http\n              containerPort: 9000\n'),
        'svc.yaml': service('      targetPort: http\n'),
      },
      errors: [{ line: 11, message: 'which name no ports' }],
    },
  ],
});
