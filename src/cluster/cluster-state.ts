/** An object as the API server returns it (managedFields and last-applied annotations dropped). */
export interface LiveObject {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    uid?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    creationTimestamp?: string;
    deletionTimestamp?: string;
    generation?: number;
    ownerReferences?: { apiVersion: string; kind: string; name: string; uid?: string; controller?: boolean }[];
  };
  // Spec and status differ per kind; rules read them through small typed helpers.
  spec?: any;
  status?: any;
  [field: string]: unknown;
}

/** How reading one kind (or one non-object source, like /metrics) went. */
export type ReadOutcome =
  | { state: 'read'; count: number }
  | { state: 'not-installed'; message: string }
  | { state: 'forbidden'; message: string }
  | { state: 'failed'; message: string };

/** What a health check can know about a cluster; produced by reading the API or a snapshot. */
export interface ClusterState {
  /** When the cluster was read; "now" for every age a check computes, so snapshots replay exactly. */
  takenAt: string;
  context?: string;
  server?: string;
  /** `v1.32.3`, from /version. */
  serverVersion?: string;
  /** API group → versions the server serves, from discovery. */
  apiGroups: Record<string, string[]>;
  objects: Map<string, LiveObject[]>;
  /** Per kind (and per source such as `etcd-metrics`, `node-stats`), whether it was read. */
  reads: Map<string, ReadOutcome>;
  /** The etcd lines of the API server's /metrics. */
  etcdMetrics?: string;
  /** PVC usage from each node's kubelet stats summary. */
  volumeStats?: VolumeStats[];
}

export interface VolumeStats {
  node: string;
  namespace: string;
  claim: string;
  usedBytes: number;
  capacityBytes: number;
}
