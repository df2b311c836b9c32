import { ETCD_METRICS } from '../../cluster/resources.js';
import { parseSamples } from '../../k8s/prometheus-text.js';
import type { HealthRule } from '../health-rule.js';

const MIB = 1024 * 1024;
/** etcd's default backend quota (--quota-backend-bytes) when the server does not expose it. */
const DEFAULT_QUOTA = 2 * 1024 * MIB;
/** Newest name first: 1.28+ renamed the series, older servers export etcd's own. */
const SIZE_SERIES = ['apiserver_storage_size_bytes', 'apiserver_storage_db_total_size_in_bytes', 'etcd_db_total_size_in_bytes'];

export default {
  meta: {
    id: 'etcd-db-size',
    domain: 'etcd',
    severity: 'warning',
    title: 'The etcd database is large enough to need a defrag, or close to its quota',
    source: 'seed 000 /etcd-check ("defrag etcd above 100 MB"); Talos etcd maintenance guide',
    options: { defragMB: 100, criticalPercent: 80 },
  },
  reads: [ETCD_METRICS],
  check(context) {
    const samples = parseSamples(context.cluster.etcdMetrics);
    const series = SIZE_SERIES.find((name) => samples.some((sample) => sample.name === name));
    if (!series) return;
    const size = Math.max(...samples.filter((sample) => sample.name === series).map((sample) => sample.value));
    const quota = samples.find((sample) => sample.name === 'etcd_server_quota_backend_bytes')?.value ?? DEFAULT_QUOTA;
    const percent = (size / quota) * 100;
    const resource = { apiVersion: 'v1', kind: 'Endpoint', name: 'etcd' };
    if (percent >= Number(context.options.criticalPercent)) {
      context.report({
        resource,
        severity: 'critical',
        message: `database is ${(size / MIB).toFixed(0)} MiB, ${percent.toFixed(0)}% of its ${(quota / MIB).toFixed(0)} MiB quota: at 100% etcd raises NOSPACE and the cluster goes read-only`,
        hint: 'Compact and defragment now (etcdctl defrag, or talosctl etcd defrag one member at a time), then find what writes so much (events, leases, large CRDs).',
      });
    } else if (size >= Number(context.options.defragMB) * MIB) {
      context.report({
        resource,
        message: `database is ${(size / MIB).toFixed(0)} MiB (from ${series}), above the ${context.options.defragMB} MiB where a defrag pays off`,
        hint: 'Defragment one member at a time (etcdctl defrag --endpoints=…, or talosctl etcd defrag), during a quiet hour.',
      });
    }
  },
} satisfies HealthRule;
