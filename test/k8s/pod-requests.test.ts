import { describe, expect, it } from 'vitest';
import { podRequests } from '../../src/k8s/pod-requests.js';

describe('podRequests', () => {
  it('adds containers and sidecars, takes a larger regular init container instead, and adds the overhead', () => {
    expect(podRequests({ containers: [{ resources: { requests: { cpu: '250m', memory: '256Mi' } } }, { resources: { requests: { cpu: '0.5' } } }] })).toEqual({ cpu: 0.75, memory: 256 * 2 ** 20 });
    const sidecar = { restartPolicy: 'Always', resources: { requests: { cpu: '100m', memory: '64Mi' } } };
    expect(podRequests({ containers: [{ resources: { requests: { cpu: '200m', memory: '64Mi' } } }], initContainers: [sidecar] })).toEqual({ cpu: expect.closeTo(0.3), memory: 128 * 2 ** 20 });
    expect(podRequests({ containers: [{ resources: { requests: { cpu: '200m' } } }], initContainers: [{ resources: { requests: { cpu: '1', memory: '1Gi' } } }] })).toEqual({ cpu: 1, memory: 2 ** 30 });
    expect(podRequests({ containers: [{ resources: { requests: { cpu: '1' } } }], overhead: { cpu: '250m', memory: '120Mi' } })).toEqual({ cpu: 1.25, memory: 120 * 2 ** 20 });
  });

  it('takes a limit without a request as the request, and nothing as zero', () => {
    expect(podRequests({ containers: [{ resources: { limits: { cpu: '2', memory: '1Gi' } } }, {}] })).toEqual({ cpu: 2, memory: 2 ** 30 });
    expect(podRequests(undefined)).toEqual({ cpu: 0, memory: 0 });
  });
});
