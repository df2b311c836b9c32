import { describe, expect, it } from 'vitest';
import { matchPattern } from '../../src/kyverno/pattern.js';

const privileged = { spec: { containers: [{ '=(securityContext)': { '=(privileged)': 'false' } }] } };

describe('matchPattern', () => {
  it('passes a container without securityContext through an equality anchor', () => {
    expect(matchPattern({ spec: { containers: [{ name: 'a' }] } }, privileged)).toEqual({ result: 'pass' });
  });

  it('fails the container whose anchored value differs, at its path', () => {
    const pod = { spec: { containers: [{ name: 'a' }, { name: 'b', securityContext: { privileged: true } }] } };
    expect(matchPattern(pod, privileged)).toEqual({ result: 'fail', path: ['spec', 'containers', 1, 'securityContext', 'privileged'], problem: 'is true; the policy wants "false"' });
  });

  it('fails a required key that is missing, and a plain map pattern over a missing map', () => {
    expect(matchPattern({ metadata: { labels: { tier: 'web' } } }, { metadata: { labels: { app: '?*' } } })).toMatchObject({ result: 'fail', path: ['metadata', 'labels', 'app'], problem: 'is missing; the policy wants "?*"' });
    expect(matchPattern({ metadata: {} }, { metadata: { labels: { app: '?*' } } })).toMatchObject({ result: 'fail', path: ['metadata', 'labels', 'app'], problem: 'is missing; the policy wants "?*"' });
    expect(matchPattern({ spec: {} }, { spec: { securityContext: { '=(runAsUser)': '>0' } } })).toMatchObject({ result: 'fail', path: ['spec', 'securityContext'], problem: 'is missing' });
  });

  it('fails a negation anchor when the key is present, whatever its value', () => {
    const pattern = { spec: { '=(volumes)': [{ 'X(hostPath)': 'null' }] } };
    expect(matchPattern({ spec: { volumes: [{ name: 'data', emptyDir: {} }] } }, pattern).result).toBe('pass');
    expect(matchPattern({ spec: { volumes: [{ name: 'root', hostPath: { path: '/' } }] } }, pattern)).toMatchObject({ result: 'fail', path: ['spec', 'volumes', 0, 'hostPath'] });
  });

  it('skips items a conditional anchor turns away, and the whole rule when none is left', () => {
    const pattern = { spec: { containers: [{ '(name)': 'nginx*', image: 'registry.example/*' }] } };
    expect(matchPattern({ spec: { containers: [{ name: 'app', image: 'docker.io/app' }] } }, pattern)).toEqual({ result: 'skip' });
    expect(matchPattern({ spec: { containers: [{ name: 'app', image: 'x' }, { name: 'nginx', image: 'registry.example/nginx' }] } }, pattern)).toEqual({ result: 'pass' });
    expect(matchPattern({ spec: { containers: [{ name: 'nginx', image: 'docker.io/nginx' }] } }, pattern)).toMatchObject({ result: 'fail', path: ['spec', 'containers', 0, 'image'] });
  });

  it('skips the resource when a global anchor does not hold', () => {
    const pattern = { spec: { containers: [{ '<(image)': '*:dev', imagePullPolicy: 'Always' }] } };
    expect(matchPattern({ spec: { containers: [{ image: 'app:1.0', imagePullPolicy: 'IfNotPresent' }] } }, pattern)).toEqual({ result: 'skip' });
    expect(matchPattern({ spec: { containers: [{ image: 'app:dev', imagePullPolicy: 'IfNotPresent' }] } }, pattern).result).toBe('fail');
  });

  it('wants one matching item for an existence anchor', () => {
    const pattern = { spec: { '^(containers)': [{ image: 'sidecar:*' }] } };
    expect(matchPattern({ spec: { containers: [{ image: 'app:1' }, { image: 'sidecar:2' }] } }, pattern).result).toBe('pass');
    expect(matchPattern({ spec: { containers: [{ image: 'app:1' }] } }, pattern)).toMatchObject({ result: 'fail', problem: 'has no item that matches the policy' });
  });

  it('holds a scalar pattern against every item of a list', () => {
    const pattern = { capabilities: { drop: 'ALL' } };
    expect(matchPattern({ capabilities: { drop: ['ALL'] } }, pattern).result).toBe('pass');
    expect(matchPattern({ capabilities: { drop: ['ALL', 'NET_RAW'] } }, pattern)).toMatchObject({ result: 'fail', path: ['capabilities', 'drop'] });
  });

  it('wants a key set for "*" and reads wildcard label keys against the labels present', () => {
    expect(matchPattern({ spec: {} }, { spec: { nodeSelector: '*' } })).toMatchObject({ result: 'fail', path: ['spec', 'nodeSelector'] });
    const pattern = { metadata: { labels: { 'app.kubernetes.io/*': '?*' } } };
    expect(matchPattern({ metadata: { labels: { 'app.kubernetes.io/name': 'web' } } }, pattern).result).toBe('pass');
    expect(matchPattern({ metadata: { labels: { 'app.kubernetes.io/name': '' } } }, pattern).result).toBe('fail');
  });
});
