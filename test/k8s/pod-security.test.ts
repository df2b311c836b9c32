import { describe, expect, it } from 'vitest';
import { podSecurityProblems, type PodSecurityLevel } from '../../src/k8s/pod-security.js';
import { podTemplateOf } from '../../src/k8s/pod-templates.js';

/** The problems of a bare Pod with this spec (and template annotations), as `control: detail`. */
function problems(spec: Record<string, unknown>, level: PodSecurityLevel, annotations?: Record<string, string>): string[] {
  const body = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', ...(annotations ? { annotations } : {}) }, spec };
  const template = podTemplateOf({ apiVersion: 'v1', kind: 'Pod', name: 'p', body, sopsEncrypted: false })!;
  return podSecurityProblems(template, level).map((problem) => `${problem.control}: ${problem.detail}`);
}

const hardened = {
  securityContext: { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } },
  containers: [{ name: 'app', image: 'ghcr.io/example/app:1.0', securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } } }],
  volumes: [{ name: 'data', persistentVolumeClaim: { claimName: 'data' } }, { name: 'tmp', emptyDir: {} }],
};

describe('podSecurityProblems', () => {
  it('finds nothing in a minimal pod at baseline, nor in a hardened one at restricted', () => {
    expect(problems({ containers: [{ name: 'app', image: 'nginx:1.27' }] }, 'baseline')).toEqual([]);
    expect(problems(hardened, 'restricted')).toEqual([]);
  });

  it('names each baseline control a pod breaks', () => {
    const spec = {
      hostNetwork: true,
      securityContext: { sysctls: [{ name: 'net.core.somaxconn', value: '1024' }, { name: 'net.ipv4.tcp_syncookies', value: '1' }], seccompProfile: { type: 'Unconfined' } },
      containers: [
        {
          name: 'agent',
          image: 'agent:1',
          ports: [{ containerPort: 53, hostPort: 53 }],
          securityContext: { privileged: true, capabilities: { add: ['NET_ADMIN', 'CHOWN'] }, procMount: 'Unmasked', seLinuxOptions: { type: 'spc_t' } },
        },
      ],
      volumes: [{ name: 'root', hostPath: { path: '/' } }],
    };
    expect(problems(spec, 'baseline', { 'container.apparmor.security.beta.kubernetes.io/agent': 'unconfined' })).toEqual([
      'Host Namespaces: hostNetwork: true',
      'Privileged Containers: container agent privileged: true',
      'Capabilities: container agent adds NET_ADMIN',
      'Host Ports: container agent hostPort 53',
      'HostPath Volumes: hostPath volume "root"',
      'AppArmor: AppArmor profile unconfined',
      'SELinux: container agent seLinuxOptions type spc_t',
      '/proc Mount Type: container agent procMount: Unmasked',
      'Seccomp: the pod seccompProfile: Unconfined',
      'Sysctls: sysctl net.core.somaxconn',
    ]);
  });

  it('lets a user-namespaced pod unmask /proc', () => {
    expect(problems({ hostUsers: false, containers: [{ name: 'a', securityContext: { procMount: 'Unmasked' } }] }, 'baseline')).toEqual([]);
  });

  it('adds the restricted controls on top', () => {
    expect(problems({ containers: [{ name: 'app', image: 'nginx:1.27' }], volumes: [{ name: 'media', nfs: { server: 'nas', path: '/media' } }] }, 'restricted')).toEqual([
      'Volume Types: nfs volume "media"',
      'Privilege Escalation: container app does not set allowPrivilegeEscalation: false',
      'Running as Non-root: container app does not set runAsNonRoot: true (nor does the pod)',
      'Seccomp: container app has no seccompProfile RuntimeDefault or Localhost (nor does the pod)',
      'Capabilities: container app does not drop ALL capabilities',
    ]);
  });

  it('takes the pod-level runAsNonRoot and seccomp for every container, unless a container overrides them', () => {
    const spec = { ...hardened, containers: [...hardened.containers, { name: 'root', securityContext: { allowPrivilegeEscalation: false, runAsNonRoot: false, runAsUser: 0, capabilities: { drop: ['ALL'], add: ['NET_BIND_SERVICE', 'CHOWN'] } } }] };
    expect(problems(spec, 'restricted')).toEqual(['Running as Non-root: container root sets runAsNonRoot: false', 'Running as Non-root user: container root runAsUser: 0', 'Capabilities: container root adds CHOWN']);
  });
});
