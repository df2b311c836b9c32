import { describe, expect, it } from 'vitest';
import { compare, conditionsHold, listOf, substitute, Unresolvable } from '../../src/kyverno/conditions.js';

const pod = { metadata: { name: 'web', labels: { app: 'web' } }, spec: { hostNetwork: true, containers: [{ image: 'nginx:1.27' }], initContainers: [{ image: 'busybox' }] } };
const scope = { object: pod, namespace: 'media' };

describe('substitute', () => {
  it('reads request.object, the operation and the namespace; a whole variable keeps its type', () => {
    expect(substitute('{{ request.object.spec.hostNetwork }}', scope)).toBe(true);
    expect(substitute("{{ request.operation || 'BACKGROUND' }}", scope)).toBe('CREATE');
    expect(substitute('{{request.namespace}}/{{ request.object.metadata.name }}', scope)).toBe('media/web');
    expect(substitute({ key: ['{{ to_upper(request.object.metadata.labels.app) }}'] }, scope)).toEqual({ key: ['WEB'] });
  });

  it('throws Unresolvable for what the repository cannot give', () => {
    expect(() => substitute('{{ request.userInfo.username }}', scope)).toThrow(Unresolvable);
    expect(() => substitute('{{ serviceAccountName }}', scope)).toThrow(Unresolvable);
    expect(() => substitute('{{ request.namespace }}', { object: pod, namespace: undefined })).toThrow(Unresolvable);
    expect(() => substitute('{{ some_kyverno_function(request.object) }}', scope)).toThrow(Unresolvable);
  });
});

describe('listOf', () => {
  it('reads a foreach list, multi-selects and flattening included', () => {
    expect(listOf('request.object.spec.[initContainers, ephemeralContainers, containers][]', scope)).toEqual([{ image: 'busybox' }, { image: 'nginx:1.27' }]);
  });
});

describe('compare', () => {
  it('matches strings with wildcards, quantities and durations for Equals', () => {
    expect(compare('nginx:1.27', 'Equals', 'nginx:*')).toBe(true);
    expect(compare('1Gi', 'Equals', '1024Mi')).toBe(true);
    expect(compare('1h', 'Equals', '60m')).toBe(true);
    expect(compare(true, 'NotEquals', false)).toBe(true);
  });

  it('reads the set operators with wildcards either way', () => {
    expect(compare(['NET_ADMIN', 'CHOWN'], 'AnyIn', ['NET_*'])).toBe(true);
    expect(compare(['CHOWN'], 'AllIn', ['CHOWN', 'KILL'])).toBe(true);
    expect(compare('docker.io/app', 'AnyNotIn', ['ghcr.io/*', 'quay.io/*'])).toBe(true);
    expect(compare('ghcr.io/app', 'AnyNotIn', ['ghcr.io/*'])).toBe(false);
    expect(compare(['a', 'b'], 'AllNotIn', '["c"]')).toBe(true);
    expect(compare(null, 'AnyIn', ['x'])).toBe(false);
  });

  it('orders numbers, quantities and durations', () => {
    expect(compare(3, 'GreaterThan', 2)).toBe(true);
    expect(compare('512Mi', 'LessThanOrEquals', '1Gi')).toBe(true);
    expect(compare('90s', 'GreaterThanOrEquals', '2m')).toBe(false);
  });

  it('does not guess an operator it does not know', () => {
    expect(() => compare('a', 'DurationGreaterThan', 'b')).toThrow(Unresolvable);
  });
});

describe('conditionsHold', () => {
  it('needs every `all` condition and one `any` condition; an empty block holds', () => {
    const hostNetwork = { key: '{{ request.object.spec.hostNetwork || `false` }}', operator: 'Equals', value: true };
    const prod = { key: '{{ request.namespace }}', operator: 'Equals', value: 'prod' };
    expect(conditionsHold({ all: [hostNetwork] }, scope)).toMatchObject({ actual: true, operator: 'Equals' });
    expect(conditionsHold({ all: [hostNetwork, prod] }, scope)).toBeUndefined();
    expect(conditionsHold({ any: [prod, hostNetwork] }, scope)).toMatchObject({ actual: true });
    expect(conditionsHold([hostNetwork], scope)).toBeDefined();
    expect(conditionsHold(undefined, scope)).toBeDefined();
  });
});
