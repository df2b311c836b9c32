import rule from '../../../src/rules/workloads/liveness-probe-external.js';
import { ruleTester } from '../../rule-tester.js';

const deployment = (probe: string) =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: grafana\n  namespace: monitoring\nspec:\n  selector:\n    matchLabels:\n      app: grafana\n  template:\n    metadata:\n      labels:\n        app: grafana\n    spec:\n      containers:\n        - name: grafana\n          image: grafana/grafana:11.4.0\n${probe}`;
const http = (host: string) => `          livenessProbe:\n            httpGet:\n${host}              path: /api/health\n              port: 3000\n`;
const appTemplate = (liveness: string) =>
  `apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata:\n  name: paperless\n  namespace: default\nspec:\n  interval: 1h\n  chartRef:\n    kind: OCIRepository\n    name: app-template\n  values:\n    controllers:\n      paperless:\n        containers:\n          app:\n            image:\n              repository: ghcr.io/paperless-ngx/paperless-ngx\n              tag: 2.14.7\n            probes:\n              liveness:\n${liveness}`;
const exec = (command: string) => `          livenessProbe:\n            exec:\n              command: ${command}\n`;

ruleTester(rule, {
  valid: [
    { name: 'the container itself', code: deployment(http('')) },
    { name: 'localhost', code: deployment(http('              host: localhost\n')) },
    { name: 'the pod IP from the downward API', code: deployment(http('              host: $(POD_IP)\n')) },
    { name: 'curl against loopback', code: deployment(exec('["sh", "-c", "curl -fsS http://127.0.0.1:3000/api/health"]')) },
    { name: 'an exec probe that fetches nothing', code: deployment(exec('["cat", "/tmp/healthy"]')) },
    { name: 'a readiness probe may check a dependency', code: deployment('          readinessProbe:\n            httpGet:\n              host: postgres.db.svc\n              path: /\n              port: 5432\n') },
    { name: 'app-template: a custom liveness probe on the container', code: appTemplate('                enabled: true\n                custom: true\n                spec:\n                  httpGet:\n                    path: /\n                    port: 8000\n') },
    { name: 'app-template: a disabled probe', code: appTemplate('                enabled: false\n                custom: true\n                spec:\n                  httpGet:\n                    host: redis.database.svc\n                    port: 6379\n') },
  ],
  invalid: [
    {
      name: 'app-template: a custom liveness probe asking Redis',
      code: appTemplate('                enabled: true\n                custom: true\n                spec:\n                  tcpSocket:\n                    host: redis.database.svc\n                    port: 6379\n'),
      errors: [{ line: 25, message: 'a liveness probe in the chart values checks redis.database.svc, not the container itself' }],
    },
    {
      name: 'a chart value livenessProbe in an Argo CD valuesObject',
      code: 'apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata:\n  name: grafana\n  namespace: argocd\nspec:\n  project: default\n  destination:\n    server: https://kubernetes.default.svc\n    namespace: monitoring\n  source:\n    repoURL: https://grafana.github.io/helm-charts\n    chart: grafana\n    targetRevision: 8.8.2\n    helm:\n      valuesObject:\n        livenessProbe:\n          httpGet:\n            host: postgres.database.svc\n            path: /\n            port: 5432\n',
      errors: [{ line: 19, message: 'checks postgres.database.svc,' }],
    },
    {
      name: 'httpGet.host names a dependency',
      code: deployment(http('              host: postgres.database.svc.cluster.local\n')),
      errors: [{ line: 20, message: 'the liveness probe of container grafana checks postgres.database.svc.cluster.local, not the container itself' }],
    },
    { name: 'tcpSocket.host', code: deployment('          livenessProbe:\n            tcpSocket:\n              host: redis\n              port: 6379\n'), errors: [{ line: 20, message: 'checks redis,' }] },
    { name: 'curl against another service', code: deployment(exec('["sh", "-c", "curl -fsS http://keycloak.auth:8080/health/ready"]')), errors: [{ line: 20, message: 'checks keycloak.auth,' }] },
  ],
});
