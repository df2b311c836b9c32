import rule from '../../../src/rules/schema/api-validation.js';
import { ruleTester } from '../../rule-tester.js';

/** A valid Deployment; `podSpec` is appended under the pod spec (6 spaces), `templateLabels` replaces the template's labels. */
const deployment = ({ name = 'web', podSpec = '', templateLabels = 'app: web', strategy = '' } = {}) =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\n  namespace: home\nspec:\n${strategy}  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        ${templateLabels}\n    spec:\n      containers:\n        - name: web\n          image: nginx:1.27.0\n${podSpec}`;
const job = (restart: string) => `apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: migrate\nspec:\n  template:\n    spec:\n${restart}      containers:\n        - name: migrate\n          image: busybox:1.36\n`;
const cronJob = ({ name = 'backup', schedule = '"0 3 * * *"', extra = '' } = {}) =>
  `apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: ${name}\nspec:\n  schedule: ${schedule}\n${extra}  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: OnFailure\n          containers:\n            - name: backup\n              image: busybox:1.36\n`;
const service = (ports: string, extra = '') => `apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n${extra}  selector:\n    app: web\n  ports:\n${ports}`;

ruleTester(rule, {
  valid: [
    { name: 'a Deployment whose template carries the selector labels', code: deployment({ templateLabels: 'app: web\n        tier: frontend' }) },
    {
      name: 'mounts of volumes and of StatefulSet claim templates; requests at or below limits; named ports',
      code: `apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: db\nspec:\n  serviceName: db\n  selector:\n    matchLabels: {app: db}\n  template:\n    metadata:\n      labels: {app: db}\n    spec:\n      containers:\n        - name: db\n          image: postgres:17.2\n          ports:\n            - {name: postgres, containerPort: 5432}\n          resources:\n            requests: {cpu: 500m, memory: 1Gi}\n            limits: {cpu: "1", memory: 1024Mi}\n          volumeMounts:\n            - {name: data, mountPath: /var/lib/postgresql}\n            - {name: run, mountPath: /run}\n      volumes:\n        - name: run\n          emptyDir: {}\n  volumeClaimTemplates:\n    - metadata: {name: data}\n      spec:\n        accessModes: [ReadWriteOnce]\n        resources: {requests: {storage: 10Gi}}\n`,
    },
    { name: 'a Job with restartPolicy OnFailure', code: job('      restartPolicy: OnFailure\n') },
    { name: 'CronJob descriptors, names, steps and an IANA time zone', code: cronJob({ schedule: '"*/15 9-17 * JAN-MAR mon-fri"', extra: '  timeZone: Europe/Berlin\n' }) },
    { name: 'a @daily CronJob', code: cronJob({ schedule: '"@daily"' }) },
    { name: 'Flux ${VAR} names and labels are judged after substitution, not here', code: deployment({ name: '${APP}', templateLabels: 'app: ${APP}' }) },
    { name: 'a one-port Service needs no port name', code: service('    - port: 80\n      targetPort: http\n') },
    { name: 'RBAC names may hold colons', code: 'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: system:custom:reader\nrules: []\n' },
    { name: 'HPA minReplicas 0 (HPAScaleToZero clusters)', code: 'apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: web\nspec:\n  minReplicas: 0\n  maxReplicas: 1\n  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}\n' },
    {
      name: 'a kustomize patch is a partial object',
      files: {
        'app/kustomization.yaml': 'resources:\n  - deployment.yaml\npatches:\n  - path: patch.yaml\n',
        'app/deployment.yaml': deployment(),
        'app/patch.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n        - name: web\n          volumeMounts:\n            - {name: cache, mountPath: /cache}\n      volumes:\n        - name: cache\n          emptyDir: {}\n',
      },
    },
    { name: 'YAML that is not an API object', code: 'apiVersion: k3d.io/v1alpha5\nkind: Simple\nmetadata:\n  name: My_Cluster\n' },
    { name: 'a kubeconfig (v1 Config) and a hook named by generateName', code: 'apiVersion: v1\nkind: Config\nclusters: []\n---\napiVersion: batch/v1\nkind: Job\nmetadata:\n  generateName: migrate-\n  annotations:\n    argocd.argoproj.io/hook: PreSync\nspec:\n  template:\n    spec:\n      restartPolicy: Never\n      containers:\n        - name: migrate\n          image: busybox:1.36\n' },
  ],
  invalid: [
    {
      name: 'a name with uppercase and underscores',
      code: deployment({ name: 'My_App', templateLabels: 'app: web' }),
      errors: [{ line: 4, column: 9, message: 'metadata.name "My_App" must be lowercase letters' }],
    },
    {
      name: 'annotations over 256 KiB together (a dashboard kept in an annotation)',
      code: `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big\n  annotations:\n    example.com/dashboard: '${'x'.repeat(262_200)}'\n    example.com/owner: team\ndata:\n  a: b\n`,
      errors: [{ line: 5, column: 3, message: 'metadata.annotations hold 257 KiB: the API server refuses more than 256 KiB of annotations' }],
    },
    { name: 'an object without a name', code: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  namespace: home\ndata:\n  a: b\n', errors: [{ line: 3, column: 1, message: 'metadata.name is missing' }] },
    { name: 'a Service name must start with a letter (RFC 1035)', code: service('    - port: 80\n').replace('name: web', 'name: 1password-connect'), errors: [{ line: 4, message: 'RFC 1035 label' }] },
    {
      name: 'a label value longer than 63 characters',
      code: deployment().replace('namespace: home', `namespace: home\n  labels:\n    description: ${'x'.repeat(70)}`),
      errors: [{ line: 7, message: 'is 70 characters; at most 63 are allowed' }],
    },
    {
      name: 'a selector that misses the pod template labels (kustomize commonLabels drift, a renamed app)',
      code: deployment({ templateLabels: 'app: webapp' }),
      errors: [{ line: 13, column: 9, message: "the pod template's labels do not match spec.selector (app: web)" }],
    },
    {
      name: 'a Job pod without restartPolicy, which defaults to Always',
      code: job(''),
      errors: [{ line: 7, column: 5, message: 'restartPolicy is not set, so it defaults to Always; a Job needs OnFailure or Never' }],
    },
    { name: 'a Deployment pod with restartPolicy Never', code: deployment({ podSpec: '      restartPolicy: Never\n' }), errors: [{ line: 18, message: 'restartPolicy is Never' }] },
    {
      name: 'a mount of a volume the pod does not have',
      code: deployment({ podSpec: '          volumeMounts:\n            - name: config\n              mountPath: /config\n      volumes:\n        - name: data\n          emptyDir: {}\n' }),
      errors: [{ line: 19, column: 21, message: 'volumeMount config names no volume of the pod (volumes: data)' }],
    },
    {
      name: 'the same mountPath twice, and a volume with two sources',
      code: deployment({ podSpec: '          volumeMounts:\n            - {name: data, mountPath: /data}\n            - {name: data, mountPath: /data}\n      volumes:\n        - name: data\n          emptyDir: {}\n          persistentVolumeClaim: {claimName: data}\n' }),
      errors: [
        { line: 20, message: 'mountPath /data is mounted twice in container web' },
        { line: 22, message: 'volume data has 2 sources (emptyDir, persistentVolumeClaim)' },
      ],
    },
    {
      name: 'a memory request above the limit',
      code: deployment({ podSpec: '          resources:\n            requests:\n              memory: 2Gi\n            limits:\n              memory: 1Gi\n' }),
      errors: [{ line: 20, column: 23, message: 'container web requests 2Gi memory, more than its limit of 1Gi' }],
    },
    {
      name: 'duplicate container names; a port name longer than 15 characters; a port out of range',
      code: deployment({ podSpec: '          ports:\n            - name: prometheus-metrics\n              containerPort: 70000\n        - name: web\n          image: nginx:1.27.0\n' }),
      errors: [
        { line: 19, message: 'port name "prometheus-metrics" is 18 characters' },
        { line: 20, message: 'containerPort 70000 is not a port number' },
        { line: 21, message: 'container name "web" is used twice' },
      ],
    },
    {
      name: 'a probe with two handlers, a liveness successThreshold above 1, and a probe on a plain init container',
      code: deployment({
        podSpec: '          livenessProbe:\n            httpGet: {path: /, port: 80}\n            tcpSocket: {port: 80}\n            successThreshold: 2\n      initContainers:\n        - name: wait\n          image: busybox:1.36\n          readinessProbe:\n            exec: {command: ["true"]}\n',
      }),
      errors: [
        { line: 19, message: 'livenessProbe of container web has 2 handlers (httpGet, tcpSocket)' },
        { line: 21, message: 'livenessProbe.successThreshold is 2; it must be 1' },
        { line: 26, message: 'init container wait has a readinessProbe' },
      ],
    },
    {
      name: 'a container without an image (a patch that replaced the containers list), and one with a trailing space',
      code: deployment({ podSpec: '        - name: sidecar\n          ports: [{containerPort: 9090}]\n        - name: exporter\n          image: "prom/exporter:1.0 "\n' }),
      errors: [
        { line: 18, message: 'container sidecar has no image' },
        { line: 21, message: 'image "prom/exporter:1.0 " has leading or trailing spaces' },
      ],
    },
    { name: 'env with both value and valueFrom', code: deployment({ podSpec: '          env:\n            - name: TZ\n              value: UTC\n              valueFrom:\n                configMapKeyRef: {name: tz, key: tz}\n' }), errors: [{ line: 21, message: 'env TZ has both value and valueFrom' }] },
    {
      name: 'Recreate with a leftover rollingUpdate block',
      code: deployment({ strategy: '  strategy:\n    type: Recreate\n    rollingUpdate:\n      maxSurge: 1\n' }),
      errors: [{ line: 9, message: 'strategy.rollingUpdate is set while strategy.type is Recreate' }],
    },
    { name: 'a CronJob schedule with seconds', code: cronJob({ schedule: '"0 0 3 * * *"' }), errors: [{ line: 6, message: 'has 6 fields; a CronJob schedule has exactly 5' }] },
    { name: 'Sunday as 7, which robfig/cron refuses', code: cronJob({ schedule: '"0 3 * * 7"' }), errors: [{ line: 6, message: 'day-of-week field "7" goes above 6 (Sunday is 0)' }] },
    { name: 'CRON_TZ in the schedule', code: cronJob({ schedule: '"CRON_TZ=Europe/Berlin 0 3 * * *"' }), errors: [{ line: 6, message: 'sets a time zone (TZ or CRON_TZ)' }] },
    { name: 'an unknown time zone', code: cronJob({ extra: '  timeZone: Europe/Atlantis\n' }), errors: [{ line: 7, message: 'timeZone "Europe/Atlantis" is not a known time zone' }] },
    { name: 'a CronJob name over 52 characters', code: cronJob({ name: 'a'.repeat(53) }), errors: [{ line: 4, message: 'CronJob name is 53 characters; at most 52' }] },
    {
      name: 'a Service with two ports, one unnamed, and the same port twice',
      code: service('    - name: http\n      port: 80\n    - port: 80\n'),
      errors: [
        { line: 11, message: 'port 80 has no name' },
        { line: 11, message: 'port 80/TCP is listed twice' },
      ],
    },
    { name: 'a nodePort on a ClusterIP Service', code: service('    - port: 80\n      nodePort: 30080\n'), errors: [{ line: 10, column: 7, message: 'nodePort is set on a Service of type ClusterIP' }] },
    {
      name: 'ConfigMap keys that cannot be file names, and a TLS Secret without tls.key',
      code: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: config\ndata:\n  config/app.yaml: "a: 1"\n---\napiVersion: v1\nkind: Secret\nmetadata:\n  name: tls\ntype: kubernetes.io/tls\nstringData:\n  tls.crt: cert\n',
      errors: [
        { line: 6, column: 3, message: 'data key "config/app.yaml" must be letters, digits' },
        { line: 12, message: 'needs the key tls.key' },
      ],
    },
    {
      name: 'a PVC without access modes or a storage request',
      code: 'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: data\nspec:\n  storageClassName: longhorn\n',
      errors: [
        { line: 6, message: 'spec.accessModes is empty' },
        { line: 6, message: 'spec.resources.requests.storage is not set' },
      ],
    },
    { name: 'an HPA whose maxReplicas is below minReplicas', code: 'apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: web\nspec:\n  minReplicas: 3\n  maxReplicas: 2\n  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}\n', errors: [{ line: 7, message: 'maxReplicas 2 is below minReplicas 3' }] },
    { name: 'a PDB with minAvailable and maxUnavailable', code: 'apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: web\nspec:\n  minAvailable: 1\n  maxUnavailable: 1\n  selector:\n    matchLabels: {app: web}\n', errors: [{ line: 7, column: 3, message: 'minAvailable and maxUnavailable are both set' }] },
    {
      name: 'an Ingress path without a leading slash, and an IP as host',
      code: 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: web\nspec:\n  rules:\n    - host: 192.168.1.10\n      http:\n        paths:\n          - path: api\n            pathType: Prefix\n            backend:\n              service: {name: web, port: {number: 80}}\n',
      errors: [
        { line: 7, message: 'host "192.168.1.10" is an IP address' },
        { line: 10, message: 'path "api" does not start with "/"' },
      ],
    },
    {
      name: 'in Flux builds: reported once for a file that two Flux Kustomizations apply',
      files: {
        'clusters/home/apps.yaml': ['apps', 'apps-staging']
          .map((name) => `apiVersion: kustomize.toolkit.fluxcd.io/v1\nkind: Kustomization\nmetadata:\n  name: ${name}\n  namespace: flux-system\nspec:\n  interval: 1h\n  path: ./apps\n  prune: true\n  targetNamespace: ${name}\n  sourceRef:\n    kind: GitRepository\n    name: flux-system\n`)
          .join('---\n'),
        'apps/kustomization.yaml': 'resources:\n  - job.yaml\n',
        'apps/job.yaml': job(''),
      },
      errors: [{ file: 'apps/job.yaml', line: 7, message: 'defaults to Always' }],
    },
  ],
});
