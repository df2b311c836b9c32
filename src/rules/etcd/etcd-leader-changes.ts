import { ETCD_METRICS } from '../../cluster/resources.js';
import { parseSamples } from '../../k8s/prometheus-text.js';
import type { HealthRule } from '../health-rule.js';

export default {
  meta: {
    id: 'etcd-leader-changes',
    domain: 'etcd',
    severity: 'warning',
    title: 'etcd has no leader, or has changed leader often (slow disks, flapping network)',
    source: 'seed 000 /etcd-check; etcd operations guide (leader changes point at disk or network latency)',
    options: { maxLeaderChanges: 5 },
  },
  reads: [ETCD_METRICS],
  check(context) {
    const samples = parseSamples(context.cluster.etcdMetrics);
    const resource = { apiVersion: 'v1', kind: 'Endpoint', name: 'etcd' };
    if (samples.some((sample) => sample.name === 'etcd_server_has_leader' && sample.value === 0)) {
      context.report({ resource, severity: 'critical', message: 'an etcd member reports no leader: writes fail until one is elected', hint: 'Check quorum: are a majority of etcd members up and able to reach each other?' });
    }
    const changes = samples.filter((sample) => sample.name === 'etcd_server_leader_changes_seen_total');
    const most = changes.length ? Math.max(...changes.map((sample) => sample.value)) : 0;
    if (most > Number(context.options.maxLeaderChanges)) {
      context.report({
        resource,
        message: `${most} leader changes since the member started (more than ${context.options.maxLeaderChanges})`,
        hint: "Put etcd on an SSD, check fsync latency (etcd_disk_wal_fsync_duration_seconds) and the network between members.",
      });
    }
  },
} satisfies HealthRule;
