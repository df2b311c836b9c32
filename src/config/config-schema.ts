/** JSON Schema of `.hctl.yaml`, checked with ajv so a mistake is reported at its line. */
export const CONFIG_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  properties: {
    profile: { type: 'string' },
    kubernetesVersion: { type: 'string' },
    schemaDirs: { type: 'array', items: { type: 'string' } },
    repoURL: { anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] },
    repoPath: { type: 'string', minLength: 1 },
    gitMode: { enum: ['prompt', 'generate', 'stage', 'commit', 'auto'] },
    kubeContext: { type: 'string', minLength: 1 },
    interactive: { type: 'boolean' },
    git: {
      type: 'object',
      additionalProperties: false,
      properties: {
        protectedBranches: { type: 'array', items: { type: 'string', minLength: 1 } },
      },
    },
    platform: {
      type: 'object',
      additionalProperties: false,
      properties: {
        domain: { type: 'string', minLength: 1 },
        clusterSubnet: { type: 'string' },
        platformNamespace: { type: 'string', minLength: 1 },
        requestsDir: { type: 'string', minLength: 1 },
        apiGroup: { type: 'string', minLength: 1 },
        apiVersion: { type: 'string', minLength: 1 },
        kind: { type: 'string', minLength: 1 },
        plural: { type: 'string', minLength: 1 },
        argocdNamespace: { type: 'string', minLength: 1 },
        clusterIssuerSelectorLabels: { type: 'object', additionalProperties: { type: 'string' } },
        clusterStoreSelectorLabels: { type: 'object', additionalProperties: { type: 'string' } },
        chartRepoURL: { type: 'string', minLength: 1 },
        chartVersion: { type: 'string', minLength: 1 },
      },
    },
    rules: {
      type: 'object',
      additionalProperties: {
        anyOf: [
          { enum: ['off', 'info', 'warning', 'critical'] },
          {
            type: 'object',
            properties: { severity: { enum: ['off', 'info', 'warning', 'critical'] } },
            additionalProperties: { type: ['string', 'number', 'boolean'] },
          },
        ],
      },
    },
    health: {
      type: 'object',
      additionalProperties: false,
      properties: {
        knownIssues: {
          type: 'array',
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['app', 'condition', 'reason'],
            properties: {
              app: { type: 'string', minLength: 1 },
              condition: { type: 'string', minLength: 1 },
              reason: { type: 'string', minLength: 1 },
              until: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' },
            },
          },
        },
      },
    },
    suppressions: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['rule', 'reason'],
        properties: {
          rule: { anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] },
          files: { anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] },
          resource: { type: 'string' },
          reason: { type: 'string', minLength: 1 },
          until: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' },
        },
      },
    },
  },
} as const;
