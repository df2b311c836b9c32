/** JSON Schema of `.hctl.yaml`, checked with ajv so a mistake is reported at its line. */
export const CONFIG_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  properties: {
    profile: { type: 'string' },
    kubernetesVersion: { type: 'string' },
    schemaDirs: { type: 'array', items: { type: 'string' } },
    repoURL: { anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] },
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
