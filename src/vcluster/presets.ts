/** Base sizes of a virtual cluster's control plane (seed 002, `internal/platform/vcluster.go`). */
export interface Preset {
  name: 'dev' | 'prod';
  summary: string;
  replicas: number;
  memoryRequest: string;
  memoryLimit: string;
  /** Unset: the pipeline's default. */
  isolationMode?: 'standard' | 'strict';
  /** Deploy etcd with the control plane (HA), instead of the embedded SQLite store. */
  etcd: boolean;
  /** Control-plane volume size; unset: no persistence. */
  persistenceSize?: string;
  corednsReplicas: number;
}

export const PRESETS: Record<Preset['name'], Preset> = {
  dev: {
    name: 'dev',
    summary: '1 replica, 768Mi, SQLite, no persistence',
    replicas: 1,
    memoryRequest: '768Mi',
    memoryLimit: '1536Mi',
    isolationMode: 'standard',
    etcd: false,
    corednsReplicas: 1,
  },
  prod: {
    name: 'prod',
    summary: '3 replicas, 2Gi, etcd HA, 10Gi persistence',
    replicas: 3,
    memoryRequest: '2Gi',
    memoryLimit: '2Gi',
    etcd: true,
    persistenceSize: '10Gi',
    corednsReplicas: 2,
  },
};

export const PRESET_NAMES = Object.keys(PRESETS) as Preset['name'][];
