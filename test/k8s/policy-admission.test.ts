import { describe, expect, it } from 'vitest';
import type { LiveObject } from '../../src/cluster/cluster-state.js';
import { admits, isolatingPolicies, policiesSelecting } from '../../src/k8s/policy-admission.js';

const policy = (name: string, spec: Record<string, unknown>): LiveObject => ({ apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name, namespace: 'media' }, spec });
const http = { port: 8989, name: 'http', protocol: 'TCP' };

describe('NetworkPolicy admission of a pod port', () => {
  it('a policy selects pods by its podSelector; an empty one selects all', () => {
    const all = policy('deny', { podSelector: {} });
    const web = policy('web', { podSelector: { matchLabels: { app: 'web' } } });
    expect(policiesSelecting({ app: 'sonarr' }, [all, web]).map((p) => p.metadata.name)).toEqual(['deny']);
    expect(policiesSelecting({ app: 'web' }, [all, web]).map((p) => p.metadata.name)).toEqual(['deny', 'web']);
  });

  it('isolation follows policyTypes, and Ingress by default', () => {
    expect(isolatingPolicies([policy('p', { podSelector: {} })], 'ingress')).toHaveLength(1);
    expect(isolatingPolicies([policy('p', { podSelector: {} })], 'egress')).toHaveLength(0);
    expect(isolatingPolicies([policy('p', { podSelector: {}, egress: [] })], 'egress')).toHaveLength(1);
    expect(isolatingPolicies([policy('p', { podSelector: {}, policyTypes: ['Egress'] })], 'ingress')).toHaveLength(0);
  });

  it('a rule admits by number, range, name or no ports at all; the protocol must match; peers are not judged', () => {
    const deny = policy('deny', { podSelector: {}, policyTypes: ['Ingress'] });
    expect(admits([deny], 'ingress', http)).toBe(false);
    const rule = (ingress: unknown[]) => [deny, policy('allow', { podSelector: {}, ingress })];
    expect(admits(rule([{ ports: [{ port: 8989 }] }]), 'ingress', http)).toBe(true);
    expect(admits(rule([{ ports: [{ port: 8000, endPort: 9000 }] }]), 'ingress', http)).toBe(true);
    expect(admits(rule([{ ports: [{ port: 'http' }] }]), 'ingress', http)).toBe(true);
    expect(admits(rule([{ ports: [{ port: 'metrics' }] }]), 'ingress', http)).toBe(false);
    expect(admits(rule([{ ports: [{ port: 8989, protocol: 'UDP' }] }]), 'ingress', http)).toBe(false);
    expect(admits(rule([{ from: [{ namespaceSelector: { matchLabels: { name: 'ingress-nginx' } } }] }]), 'ingress', http)).toBe(true);
    expect(admits(rule([]), 'ingress', http)).toBe(false);
  });
});
