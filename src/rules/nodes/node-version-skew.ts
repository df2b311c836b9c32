import type { HealthRule } from '../health-rule.js';

/** `v1.32.3+k3s1` → [1, 32]. */
function minorOf(version: unknown): [number, number] | undefined {
  const match = typeof version === 'string' ? /^v?(\d+)\.(\d+)/.exec(version) : null;
  return match ? [Number(match[1]), Number(match[2])] : undefined;
}

export default {
  meta: {
    id: 'node-version-skew',
    domain: 'nodes',
    severity: 'warning',
    title: "A kubelet is newer than the API server, or older than the supported skew",
    source: 'Kubernetes version skew policy (kubelet up to 3 minors older, never newer); seed 001 upgrade notes',
    options: { maxMinorsBehind: 3 },
  },
  reads: ['Node'],
  check(context) {
    const server = minorOf(context.cluster.serverVersion);
    if (!server) return;
    const allowed = Number(context.options.maxMinorsBehind);
    for (const node of context.list('Node')) {
      const version = node.status?.nodeInfo?.kubeletVersion;
      const kubelet = minorOf(version);
      if (!kubelet || kubelet[0] !== server[0]) continue;
      const behind = server[1] - kubelet[1];
      if (behind < 0) {
        context.report({
          object: node,
          severity: 'critical',
          message: `kubelet ${version} is newer than the API server ${context.cluster.serverVersion}: that is never supported`,
          hint: 'Upgrade the control plane first, then the kubelets.',
        });
      } else if (behind > allowed) {
        context.report({
          object: node,
          message: `kubelet ${version} is ${behind} minor versions behind the API server ${context.cluster.serverVersion} (at most ${allowed} are supported)`,
          hint: 'Upgrade this node (drain, upgrade the kubelet, uncordon) before the next control-plane upgrade.',
        });
      }
    }
  },
} satisfies HealthRule;
