import { describe, expect, it } from 'vitest';
import { excludeBlock, matchBlock, type Subject } from '../../src/kyverno/resource-filter.js';

const deployment: Subject = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  name: 'web',
  namespace: 'media',
  labels: { app: 'web' },
  annotations: { team: 'media' },
  namespaceLabels: { 'kubernetes.io/metadata.name': 'media', tier: 'apps' },
};
const resources = (resources: Record<string, unknown>) => ({ any: [{ resources }] });

describe('matchBlock', () => {
  it('reads kinds as Kind, version/Kind, group/version/Kind and wildcards, never a subresource', () => {
    expect(matchBlock(resources({ kinds: ['Deployment'] }), deployment)).toBe(true);
    expect(matchBlock(resources({ kinds: ['apps/v1/Deployment'] }), deployment)).toBe(true);
    expect(matchBlock(resources({ kinds: ['v1/Deployment'] }), deployment)).toBe(true);
    expect(matchBlock(resources({ kinds: ['batch/v1/Deployment'] }), deployment)).toBe(false);
    expect(matchBlock(resources({ kinds: ['*'] }), deployment)).toBe(true);
    expect(matchBlock(resources({ kinds: ['Deployment/scale'] }), deployment)).toBe(false);
    expect(matchBlock(resources({ kinds: ['Pod'] }), deployment)).toBe(false);
  });

  it('and-s the fields of one filter, or-s `any` filters and and-s `all` ones', () => {
    expect(matchBlock(resources({ kinds: ['Deployment'], namespaces: ['prod-*'] }), deployment)).toBe(false);
    expect(matchBlock({ any: [{ resources: { namespaces: ['prod'] } }, { resources: { names: ['w*'] } }] }, deployment)).toBe(true);
    expect(matchBlock({ all: [{ resources: { namespaces: ['media'] } }, { resources: { names: ['api'] } }] }, deployment)).toBe(false);
    expect(matchBlock({ resources: { kinds: ['Deployment'], selector: { matchLabels: { app: 'w?b' } } } }, deployment)).toBe(true);
  });

  it('answers unknown for what the repository cannot tell', () => {
    expect(matchBlock(resources({ namespaces: ['media'] }), { ...deployment, namespace: undefined })).toBe('unknown');
    expect(matchBlock(resources({ namespaceSelector: { matchLabels: { tier: 'apps' } } }), { ...deployment, namespaceLabels: undefined })).toBe('unknown');
    expect(matchBlock({ any: [{ resources: { kinds: ['Deployment'] }, subjects: [{ kind: 'User', name: 'admin' }] }] }, deployment)).toBe('unknown');
    expect(matchBlock(resources({ namespaceSelector: { matchLabels: { tier: 'apps' } } }), deployment)).toBe(true);
  });

  it('matches the operations Git applies and nothing for an empty filter', () => {
    expect(matchBlock(resources({ kinds: ['Deployment'], operations: ['DELETE'] }), deployment)).toBe(false);
    expect(matchBlock(resources({ kinds: ['Deployment'], operations: ['CREATE'] }), deployment)).toBe(true);
    expect(matchBlock({ any: [{}] }, deployment)).toBe(false);
  });

  it('reads a Namespace by its own name for `namespaces`', () => {
    const namespace: Subject = { ...deployment, apiVersion: 'v1', kind: 'Namespace', name: 'kube-system', namespace: undefined };
    expect(matchBlock(resources({ kinds: ['Namespace'], namespaces: ['kube-*'] }), namespace)).toBe(true);
  });
});

describe('excludeBlock', () => {
  it('excludes nothing when absent or empty, and by any filter otherwise', () => {
    expect(excludeBlock(undefined, deployment)).toBe(false);
    expect(excludeBlock({ any: [{}] }, deployment)).toBe(false);
    expect(excludeBlock(resources({ namespaces: ['kube-system', 'media'] }), deployment)).toBe(true);
    expect(excludeBlock(resources({ namespaces: ['kube-system'] }), deployment)).toBe(false);
  });
});
