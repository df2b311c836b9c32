import type { NodePath } from '../repo/object.js';
import { asRecord, asStrings } from '../repo/parse.js';
import type { PodTemplate } from './pod-templates.js';

export type PodSecurityLevel = 'baseline' | 'restricted';

/** One control of the Pod Security Standards a pod breaks, named as the standard names it. */
export interface PodSecurityProblem {
  /** `HostPath Volumes`, `Privileged Containers`…: the standard's control name (Kyverno's `controlName`). */
  control: string;
  /** Where in the object: the field, or the container or volume that breaks it. */
  path: NodePath;
  /** What, as the API server words it: `hostPath volume "data"`. */
  detail: string;
  /** The container's image, for controls that judge containers (Kyverno's `images` exclusions). */
  image?: string;
}

// The Pod Security Standards as Kubernetes 1.35 enforces them (`latest`): k8s.io/pod-security-admission.
const BASELINE_CAPABILITIES = new Set(['AUDIT_WRITE', 'CHOWN', 'DAC_OVERRIDE', 'FOWNER', 'FSETID', 'KILL', 'MKNOD', 'NET_BIND_SERVICE', 'SETFCAP', 'SETGID', 'SETPCAP', 'SETUID', 'SYS_CHROOT']);
const SAFE_SYSCTLS = new Set([
  'kernel.shm_rmid_forced',
  'net.ipv4.ip_local_port_range',
  'net.ipv4.ip_unprivileged_port_start',
  'net.ipv4.tcp_syncookies',
  'net.ipv4.ping_group_range',
  'net.ipv4.ip_local_reserved_ports',
  'net.ipv4.tcp_keepalive_time',
  'net.ipv4.tcp_fin_timeout',
  'net.ipv4.tcp_keepalive_intvl',
  'net.ipv4.tcp_keepalive_probes',
  'net.ipv4.tcp_rmem',
  'net.ipv4.tcp_wmem',
]);
const SELINUX_TYPES = new Set(['', 'container_t', 'container_init_t', 'container_kvm_t', 'container_engine_t']);
const RESTRICTED_VOLUMES = new Set(['configMap', 'csi', 'downwardAPI', 'emptyDir', 'ephemeral', 'image', 'persistentVolumeClaim', 'projected', 'secret']);

interface Container {
  record: Record<string, unknown>;
  securityContext: Record<string, unknown>;
  path: NodePath;
  label: string;
}

/** Every control of `level` the pod template breaks (baseline's too, for restricted). */
export function podSecurityProblems(template: PodTemplate, level: PodSecurityLevel): PodSecurityProblem[] {
  const spec = template.spec;
  const podContext = asRecord(spec.securityContext) ?? {};
  const podContextPath = [...template.specPath, 'securityContext'];
  const containers = containersOf(template);
  const problems: PodSecurityProblem[] = [];
  const add = (control: string, path: NodePath, detail: string, container?: Container) =>
    problems.push({ control, path, detail, ...(typeof container?.record.image === 'string' ? { image: container.record.image } : {}) });

  if (asRecord(podContext.windowsOptions)?.hostProcess === true) add('HostProcess', [...podContextPath, 'windowsOptions', 'hostProcess'], 'hostProcess: true');
  for (const container of containers) {
    if (asRecord(container.securityContext.windowsOptions)?.hostProcess === true) add('HostProcess', [...container.path, 'securityContext', 'windowsOptions', 'hostProcess'], `${container.label} hostProcess: true`, container);
  }
  for (const field of ['hostNetwork', 'hostPID', 'hostIPC']) if (spec[field] === true) add('Host Namespaces', [...template.specPath, field], `${field}: true`);
  for (const container of containers) {
    if (container.securityContext.privileged === true) add('Privileged Containers', [...container.path, 'securityContext', 'privileged'], `${container.label} privileged: true`, container);
    const added = asStrings(asRecord(container.securityContext.capabilities)?.add).filter((capability) => !BASELINE_CAPABILITIES.has(capability));
    if (added.length > 0) add('Capabilities', [...container.path, 'securityContext', 'capabilities', 'add'], `${container.label} adds ${added.join(', ')}`, container);
    const ports = Array.isArray(container.record.ports) ? container.record.ports : [];
    ports.forEach((port, index) => {
      const hostPort = asRecord(port)?.hostPort;
      if (typeof hostPort === 'number' && hostPort !== 0) add('Host Ports', [...container.path, 'ports', index, 'hostPort'], `${container.label} hostPort ${hostPort}`, container);
    });
  }
  const volumes = Array.isArray(spec.volumes) ? spec.volumes : [];
  volumes.forEach((volume, index) => {
    const record = asRecord(volume) ?? {};
    if (record.hostPath !== undefined) add('HostPath Volumes', [...template.specPath, 'volumes', index, 'hostPath'], `hostPath volume "${String(record.name ?? index)}"`);
  });
  appArmor(template, podContext, podContextPath, containers, add);
  seLinux(podContext, podContextPath, 'the pod', add);
  for (const container of containers) {
    seLinux(container.securityContext, [...container.path, 'securityContext'], container.label, add, container);
    const procMount = container.securityContext.procMount;
    // User-namespaced pods (hostUsers: false) may unmask /proc.
    if (procMount !== undefined && procMount !== 'Default' && spec.hostUsers !== false) add('/proc Mount Type', [...container.path, 'securityContext', 'procMount'], `${container.label} procMount: ${String(procMount)}`, container);
  }
  if (seccompType(podContext) === 'Unconfined') add('Seccomp', [...podContextPath, 'seccompProfile', 'type'], 'the pod seccompProfile: Unconfined');
  for (const container of containers) {
    if (seccompType(container.securityContext) === 'Unconfined') add('Seccomp', [...container.path, 'securityContext', 'seccompProfile', 'type'], `${container.label} seccompProfile: Unconfined`, container);
  }
  const sysctls = Array.isArray(podContext.sysctls) ? podContext.sysctls : [];
  sysctls.forEach((sysctl, index) => {
    const name = String(asRecord(sysctl)?.name ?? '');
    if (!SAFE_SYSCTLS.has(name)) add('Sysctls', [...podContextPath, 'sysctls', index, 'name'], `sysctl ${name}`);
  });
  if (level === 'restricted') restricted(template, podContext, podContextPath, containers, volumes, add);
  return problems;
}

type Add = (control: string, path: NodePath, detail: string, container?: Container) => void;

function restricted(template: PodTemplate, podContext: Record<string, unknown>, podContextPath: NodePath, containers: Container[], volumes: unknown[], add: Add): void {
  volumes.forEach((volume, index) => {
    const record = asRecord(volume) ?? {};
    const source = Object.keys(record).find((key) => key !== 'name');
    if (source !== undefined && source !== 'hostPath' && !RESTRICTED_VOLUMES.has(source)) add('Volume Types', [...template.specPath, 'volumes', index, source], `${source} volume "${String(record.name ?? index)}"`);
  });
  // Windows pods have no Linux security context to restrict.
  const windows = asRecord(template.spec.os)?.name === 'windows';
  for (const container of containers) {
    if (!windows && container.securityContext.allowPrivilegeEscalation !== false) add('Privilege Escalation', [...container.path, 'securityContext'], `${container.label} does not set allowPrivilegeEscalation: false`, container);
  }
  const podNonRoot = podContext.runAsNonRoot === true;
  for (const container of containers) {
    const own = container.securityContext.runAsNonRoot;
    if (own === false || (own === undefined && !podNonRoot)) add('Running as Non-root', [...container.path, 'securityContext'], `${container.label} ${own === false ? 'sets runAsNonRoot: false' : 'does not set runAsNonRoot: true (nor does the pod)'}`, container);
  }
  if (podContext.runAsUser === 0) add('Running as Non-root user', [...podContextPath, 'runAsUser'], 'the pod runAsUser: 0');
  for (const container of containers) {
    if (container.securityContext.runAsUser === 0) add('Running as Non-root user', [...container.path, 'securityContext', 'runAsUser'], `${container.label} runAsUser: 0`, container);
  }
  if (!windows) {
    const podProfile = seccompType(podContext);
    for (const container of containers) {
      const type = seccompType(container.securityContext) ?? podProfile;
      if (type !== 'RuntimeDefault' && type !== 'Localhost' && type !== 'Unconfined') add('Seccomp', [...container.path, 'securityContext'], `${container.label} has no seccompProfile RuntimeDefault or Localhost (nor does the pod)`, container);
    }
    for (const container of containers) {
      const capabilities = asRecord(container.securityContext.capabilities) ?? {};
      if (!asStrings(capabilities.drop).includes('ALL')) add('Capabilities', [...container.path, 'securityContext'], `${container.label} does not drop ALL capabilities`, container);
      const added = asStrings(capabilities.add).filter((capability) => capability !== 'NET_BIND_SERVICE' && BASELINE_CAPABILITIES.has(capability));
      if (added.length > 0) add('Capabilities', [...container.path, 'securityContext', 'capabilities', 'add'], `${container.label} adds ${added.join(', ')}`, container);
    }
  }
}

function appArmor(template: PodTemplate, podContext: Record<string, unknown>, podContextPath: NodePath, containers: Container[], add: Add): void {
  for (const [key, value] of Object.entries(asRecord(template.metadata?.annotations) ?? {})) {
    if (!key.startsWith('container.apparmor.security.beta.kubernetes.io/')) continue;
    const profile = String(value);
    if (profile !== '' && profile !== 'runtime/default' && !profile.startsWith('localhost/')) add('AppArmor', [...template.metadataPath, 'annotations', key], `AppArmor profile ${profile}`);
  }
  const unconfined = (context: Record<string, unknown>) => {
    const type = asRecord(context.appArmorProfile)?.type;
    return type !== undefined && type !== 'RuntimeDefault' && type !== 'Localhost';
  };
  if (unconfined(podContext)) add('AppArmor', [...podContextPath, 'appArmorProfile', 'type'], `the pod appArmorProfile: ${String(asRecord(podContext.appArmorProfile)?.type)}`);
  for (const container of containers) {
    if (unconfined(container.securityContext)) add('AppArmor', [...container.path, 'securityContext', 'appArmorProfile', 'type'], `${container.label} appArmorProfile: ${String(asRecord(container.securityContext.appArmorProfile)?.type)}`, container);
  }
}

function seLinux(context: Record<string, unknown>, contextPath: NodePath, label: string, add: Add, container?: Container): void {
  const options = asRecord(context.seLinuxOptions);
  if (!options) return;
  const type = options.type === undefined ? '' : String(options.type);
  if (!SELINUX_TYPES.has(type)) add('SELinux', [...contextPath, 'seLinuxOptions', 'type'], `${label} seLinuxOptions type ${type}`, container);
  for (const field of ['user', 'role']) {
    if (options[field] !== undefined && options[field] !== '') add('SELinux', [...contextPath, 'seLinuxOptions', field], `${label} seLinuxOptions ${field} ${String(options[field])}`, container);
  }
}

function seccompType(context: Record<string, unknown>): string | undefined {
  const type = asRecord(context.seccompProfile)?.type;
  return typeof type === 'string' ? type : undefined;
}

function containersOf(template: PodTemplate): Container[] {
  const result: Container[] = [];
  for (const list of ['initContainers', 'containers', 'ephemeralContainers'] as const) {
    const items = template.spec[list];
    if (!Array.isArray(items)) continue;
    items.forEach((item, index) => {
      const record = asRecord(item) ?? {};
      const name = typeof record.name === 'string' ? record.name : `#${index}`;
      const kind = list === 'initContainers' ? 'init container' : list === 'ephemeralContainers' ? 'ephemeral container' : 'container';
      result.push({ record, securityContext: asRecord(record.securityContext) ?? {}, path: [...template.specPath, list, index], label: `${kind} ${name}` });
    });
  }
  return result;
}
