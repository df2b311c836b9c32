import { DEFAULT_PLATFORM } from './platform.js';

/**
 * The commented starter `hctl init` writes: every setting the user config takes, with its default,
 * so the file documents itself. Values left commented keep their defaults.
 */
export function starterConfig(repoPath: string | undefined): string {
  const platform = DEFAULT_PLATFORM;
  const labels = (map: Record<string, string>) =>
    Object.entries(map)
      .map(([key, value]) => `\n#     ${key}: ${value}`)
      .join('');
  return `# hctl user configuration (written by \`hctl init\`).
# A repository's own .hctl.yaml is merged over this file: its values win.
# Reference: docs/configuration.md in the hctl package.

# The GitOps repository \`hctl vcluster\` writes requests to (else the Git work tree you are in).
${repoPath ? `repoPath: ${JSON.stringify(repoPath)}` : '# repoPath: ~/src/homelab'}

# What \`hctl vcluster create/delete\` does in Git:
#   prompt   show the file and ask (only writes when not on a terminal)
#   generate write the file only
#   stage    git add exactly the written file
#   commit   and commit it (only it; anything else you staged stays staged)
#   auto     and push to the branch's upstream
gitMode: prompt

# Branches hctl will never push to; work on a branch and open a pull request instead.
git:
  protectedBranches: []

# Set false to never prompt, even on a terminal.
interactive: true

# The kubeconfig context the cluster commands use (else the current context).
# kubeContext: admin@homelab

# Your platform's self-service API (seed 002's defaults).
# platform:
#   domain: ${platform.domain}
#   clusterSubnet: 10.0.4.0/24
#   platformNamespace: ${platform.platformNamespace}
#   requestsDir: ${platform.requestsDir}
#   apiGroup: ${platform.apiGroup}
#   apiVersion: ${platform.apiVersion}
#   kind: ${platform.kind}
#   plural: ${platform.plural}
#   argocdNamespace: ${platform.argocdNamespace}
#   clusterIssuerSelectorLabels:${labels(platform.clusterIssuerSelectorLabels)}
#   clusterStoreSelectorLabels:${labels(platform.clusterStoreSelectorLabels)}
#   chartRepoURL: ${platform.chartRepoURL}
#   chartVersion: ${platform.chartVersion}
`;
}
