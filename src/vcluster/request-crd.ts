import type { PlatformSettings } from '../config/platform.js';

/**
 * The request's CustomResourceDefinition, used when the repo does not define the kind itself (a
 * CRD or a Kratix Promise in the repo wins). Its schema is the API of seed 002's
 * `vcluster-orchestrator-v2` Promise; group, kind and plural come from the platform settings.
 */
export function requestCrdYaml(platform: PlatformSettings): string {
  const schema = OPENAPI_SCHEMA.replace(/^/gm, '          ');
  return `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: ${platform.plural}.${platform.apiGroup}
spec:
  group: ${platform.apiGroup}
  scope: Namespaced
  names:
    plural: ${platform.plural}
    kind: ${platform.kind}
  versions:
    - name: ${platform.apiVersion}
      served: true
      storage: true
      schema:
        openAPIV3Schema:
${schema}`;
}

const OPENAPI_SCHEMA = String.raw`type: object
properties:
  spec:
    type: object
    required:
      - name
    properties:
      name:
        type: string
        description: Name of the vcluster instance
        pattern: '^[a-z0-9]([-a-z0-9]*[a-z0-9])?$'
        maxLength: 63
      targetNamespace:
        type: string
        description: Namespace where the vcluster will be deployed (defaults to resource namespace)
        pattern: '^[a-z0-9]([-a-z0-9]*[a-z0-9])?$'
        maxLength: 63
      projectName:
        type: string
        description: ArgoCD project name for the vcluster application (defaults to vcluster-{name})
        pattern: '^[a-z0-9]([-a-z0-9]*[a-z0-9])?$'
        maxLength: 63
      vcluster:
        type: object
        properties:
          k8sVersion:
            type: string
            description: Kubernetes version for the virtual cluster
            default: "v1.34.3"
            enum:
              - "v1.34.3"
              - "1.34"
              - "1.33"
              - "1.32"
          preset:
            type: string
            description: Base sizing preset for the vcluster (dev or prod)
            default: dev
            enum:
              - dev
              - prod
          replicas:
            type: integer
            description: Override replica count for the vcluster control plane
            minimum: 1
          isolationMode:
            type: string
            description: Workload isolation mode
            default: "standard"
            enum:
              - "standard"
              - "strict"
          resources:
            type: object
            description: Resource requests and limits for the vcluster control plane
            properties:
              requests:
                type: object
                properties:
                  cpu:
                    type: string
                  memory:
                    type: string
              limits:
                type: object
                properties:
                  cpu:
                    type: string
                  memory:
                    type: string
          persistence:
            type: object
            description: Control plane persistence settings
            properties:
              enabled:
                type: boolean
              size:
                type: string
              storageClass:
                type: string
                description: Storage class for the vcluster control plane data volume
          coredns:
            type: object
            description: CoreDNS settings for the virtual cluster
            properties:
              replicas:
                type: integer
                minimum: 1
          networking:
            type: object
            description: Networking settings for the virtual cluster
            properties:
              clusterDomain:
                type: string
                default: "cluster.local"
          backingStore:
            type: object
            description: Backing store configuration for the virtual cluster control plane
            x-kubernetes-preserve-unknown-fields: true
          exportKubeConfig:
            type: object
            description: Kubeconfig export settings for the virtual cluster
            x-kubernetes-preserve-unknown-fields: true
          helmOverrides:
            type: object
            description: Additional Helm values to override
            x-kubernetes-preserve-unknown-fields: true
      exposure:
        type: object
        description: Load balancer exposure settings for the vcluster API
        properties:
          hostname:
            type: string
            description: DNS hostname for the vcluster API endpoint (defaults to {name}.integratn.tech)
            pattern: '^([a-z0-9]([-a-z0-9]*[a-z0-9])?\.)+[a-z]{2,}$'
            maxLength: 253
          subnet:
            type: string
            description: CIDR subnet for VIP allocation
            pattern: '^([0-9]{1,3}\.){3}[0-9]{1,3}\/(\d|[12]\d|3[0-2])$'
          vip:
            type: string
            description: VIP for the vcluster API (defaults to .100 in subnet)
            pattern: '^([0-9]{1,3}\.){3}[0-9]{1,3}$'
          apiPort:
            type: integer
            description: API port exposed by the vcluster service
            default: 443
            minimum: 1
            maximum: 65535
      integrations:
        type: object
        description: Integrations settings for syncing host resources into vcluster
        properties:
          certManager:
            type: object
            properties:
              clusterIssuerSelectorLabels:
                type: object
                description: Label selector for ClusterIssuers to sync from host
                additionalProperties:
                  type: string
          externalSecrets:
            type: object
            properties:
              clusterStoreSelectorLabels:
                type: object
                description: Label selector for ClusterSecretStores to sync from host
                additionalProperties:
                  type: string
          argocd:
            type: object
            description: ArgoCD cluster registration settings
            properties:
              environment:
                type: string
                description: Environment label used for ArgoCD cluster secret selectors (defaults based on preset)
              clusterLabels:
                type: object
                description: Additional labels applied to the ArgoCD cluster secret
                additionalProperties:
                  type: string
              clusterAnnotations:
                type: object
                description: Additional annotations applied to the ArgoCD cluster secret
                additionalProperties:
                  type: string
              workloadRepo:
                type: object
                description: Workloads ApplicationSet source settings for vcluster ArgoCD
                properties:
                  url:
                    type: string
                  basePath:
                    type: string
                  path:
                    type: string
                    default: workloads
                  revision:
                    type: string
                    default: main
      argocdApplication:
        type: object
        description: ArgoCD Application settings for the vcluster Helm deployment
        properties:
          repoURL:
            type: string
            default: https://charts.loft.sh
          chart:
            type: string
            default: vcluster
          targetRevision:
            type: string
            default: 0.30.4
          destinationServer:
            type: string
            default: https://kubernetes.default.svc
          syncPolicy:
            type: object
            description: ArgoCD sync policy settings
            x-kubernetes-preserve-unknown-fields: true
      networkPolicies:
        type: object
        description: Host-cluster network policy settings for the vcluster namespace
        properties:
          enableNFS:
            type: boolean
            description: Enable NFS egress (10.0.0.0/8 port 2049) for the vcluster namespace
            default: false
          extraEgress:
            type: array
            description: Additional egress rules for the vcluster namespace (e.g., database access)
            items:
              type: object
              required:
                - name
                - cidr
                - port
              properties:
                name:
                  type: string
                  description: Descriptive name for the egress rule (used in policy name)
                  pattern: '^[a-z0-9]([-a-z0-9]*[a-z0-9])?$'
                  maxLength: 63
                cidr:
                  type: string
                  description: Destination CIDR for the egress rule
                  pattern: '^([0-9]{1,3}\.){3}[0-9]{1,3}\/(\d|[12]\d|3[0-2])$'
                port:
                  type: integer
                  description: Destination port for the egress rule
                  minimum: 1
                  maximum: 65535
                protocol:
                  type: string
                  description: Protocol for the egress rule
                  default: TCP
                  enum:
                    - TCP
                    - UDP
  status:
    type: object
    x-kubernetes-preserve-unknown-fields: true
`;
