import type { PlatformSettings } from '../config/platform.js';
import * as check from './field-checks.js';
import { PRESET_NAMES, PRESETS, type Preset } from './presets.js';

/** `hctl vcluster create` flags as typed (strings, as a shell passes them), before checking. */
export interface CreateFlags {
  preset?: string;
  replicas?: string;
  hostname?: string;
  environment?: string;
  k8sVersion?: string;
  isolation?: string;
  subnet?: string;
  vip?: string;
  apiPort?: string;
  persistence?: boolean;
  persistenceSize?: string;
  storageClass?: string;
  enableNfs?: boolean;
  extraEgress?: string[];
  corednsReplicas?: string;
  workloadRepoUrl?: string;
  workloadRepoBasePath?: string;
  workloadRepoPath?: string;
  workloadRepoRevision?: string;
  clusterLabel?: string[];
  clusterAnnotation?: string[];
  chartVersion?: string;
}

export interface EgressRule {
  name: string;
  cidr: string;
  port: number;
  protocol: 'TCP' | 'UDP';
}

/** A checked request: everything the generated YAML needs. */
export interface VClusterInput {
  name: string;
  preset: Preset;
  replicas: number;
  hostname: string;
  environment: string;
  k8sVersion?: string;
  isolationMode?: 'standard' | 'strict';
  subnet?: string;
  vip?: string;
  apiPort: number;
  persistenceSize?: string;
  storageClass?: string;
  enableNfs: boolean;
  extraEgress: EgressRule[];
  corednsReplicas: number;
  workloadRepo: { url?: string; basePath?: string; path?: string; revision?: string };
  clusterLabels: Record<string, string>;
  clusterAnnotations: Record<string, string>;
  chartVersion: string;
}

/** What is wrong with one flag's value. */
export interface InputProblem {
  flag: string;
  value: string;
  message: string;
}

export const ENVIRONMENTS = ['production', 'staging', 'development'];

/** Checks every flag at once, so one run lists every problem; an input is returned only when there are none. */
export function checkCreateInput(name: string, flags: CreateFlags, platform: PlatformSettings): { input?: VClusterInput; problems: InputProblem[] } {
  const problems: InputProblem[] = [];
  const test = <T>(flag: string, value: string | undefined, fieldCheck: check.FieldCheck, convert: (value: string) => T): T | undefined => {
    if (value === undefined) return undefined;
    const message = fieldCheck(value);
    if (message) {
      problems.push({ flag, value, message });
      return undefined;
    }
    return convert(value);
  };
  const text = (value: string) => value;

  const nameOk = test('NAME', name, check.dnsLabel, text) !== undefined;
  const presetName = test('--preset', flags.preset ?? 'dev', oneOf(PRESET_NAMES), text) as Preset['name'] | undefined;
  const preset = PRESETS[presetName ?? 'dev'];
  const replicas = test('--replicas', flags.replicas, (value) => check.integerIn(value, 1, 9), Number) ?? preset.replicas;
  // A hostname derived from a bad name is not a second problem.
  const host = test('--hostname', flags.hostname ?? (nameOk ? `${name}.${platform.domain}` : undefined), check.hostname, text);
  const environment = test('--environment', flags.environment ?? 'production', check.labelValue, text);
  const k8sVersion = test('--k8s-version', flags.k8sVersion, check.kubernetesVersion, text);
  const isolationMode = test('--isolation', flags.isolation, oneOf(['standard', 'strict']), text) as VClusterInput['isolationMode'];
  const subnet = test('--subnet', flags.subnet, check.cidr, text);
  const vip = test('--vip', flags.vip, check.ipv4, text);
  const vipSubnet = subnet ?? (flags.subnet === undefined ? platform.clusterSubnet : undefined);
  if (vip && vipSubnet) {
    const outside = check.vipInSubnet(vip, vipSubnet);
    if (outside) problems.push({ flag: '--vip', value: vip, message: `${outside}${subnet ? '' : ' (platform.clusterSubnet in the config)'}` });
  }
  const apiPort = test('--api-port', flags.apiPort ?? '443', check.port, Number);
  const persistenceSize = test('--persistence-size', flags.persistenceSize, check.size, text);
  if (flags.persistence === false && persistenceSize) problems.push({ flag: '--persistence-size', value: persistenceSize, message: 'is set while --no-persistence turns persistence off' });
  const storageClass = test('--storage-class', flags.storageClass, check.dnsSubdomain, text);
  const extraEgress = (flags.extraEgress ?? []).map((entry) => egressRule(entry, problems)).filter((rule): rule is EgressRule => rule !== undefined);
  const seen = new Set<string>();
  for (const rule of extraEgress) {
    if (seen.has(rule.name)) problems.push({ flag: '--extra-egress', value: rule.name, message: 'names two egress rules; each needs its own name' });
    seen.add(rule.name);
  }
  const corednsReplicas = test('--coredns-replicas', flags.corednsReplicas, (value) => check.integerIn(value, 1, 9), Number) ?? preset.corednsReplicas;
  const workloadRepo = {
    url: test('--workload-repo-url', flags.workloadRepoUrl, check.gitUrl, text),
    basePath: test('--workload-repo-base-path', flags.workloadRepoBasePath, check.repoPath, text),
    path: test('--workload-repo-path', flags.workloadRepoPath, check.repoPath, text),
    revision: test('--workload-repo-revision', flags.workloadRepoRevision, check.gitRevision, text),
  };
  const clusterLabels = keyValues('--cluster-label', flags.clusterLabel ?? [], check.labelValue, problems);
  const clusterAnnotations = keyValues('--cluster-annotation', flags.clusterAnnotation ?? [], () => undefined, problems);
  const chartVersion = test('--chart-version', flags.chartVersion ?? platform.chartVersion, check.chartVersion, text);

  if (problems.length > 0) return { problems };
  const input: VClusterInput = {
    name,
    preset,
    replicas,
    hostname: host!,
    environment: environment!,
    apiPort: apiPort!,
    enableNfs: flags.enableNfs ?? false,
    extraEgress,
    corednsReplicas,
    workloadRepo: dropUndefined(workloadRepo),
    clusterLabels,
    clusterAnnotations,
    chartVersion: chartVersion!,
  };
  const size = persistenceSize ?? (flags.persistence !== false ? preset.persistenceSize : undefined) ?? (flags.persistence ? '10Gi' : undefined);
  if (size) input.persistenceSize = size;
  if (k8sVersion) input.k8sVersion = k8sVersion;
  const isolation = isolationMode ?? preset.isolationMode;
  if (isolation) input.isolationMode = isolation;
  if (subnet) input.subnet = subnet;
  if (vip) input.vip = vip;
  if (storageClass) input.storageClass = storageClass;
  return { input, problems };
}

function oneOf(choices: readonly string[]): check.FieldCheck {
  return (value) => (choices.includes(value) ? undefined : `must be one of: ${choices.join(', ')}`);
}

/** `name:cidr:port[:protocol]`; the protocol defaults to TCP, and only TCP and UDP exist for egress. */
function egressRule(entry: string, problems: InputProblem[]): EgressRule | undefined {
  const parts = entry.split(':');
  const fail = (message: string) => {
    problems.push({ flag: '--extra-egress', value: entry, message });
    return undefined;
  };
  if (parts.length < 3 || parts.length > 4) return fail('must be name:cidr:port[:protocol], like postgres:10.0.1.50/32:5432');
  const [name, cidr, port, protocol = 'TCP'] = parts as [string, string, string, string?];
  const wrong = check.dnsLabel(name);
  if (wrong) return fail(`name "${name}" ${wrong}`);
  const badCidr = check.cidr(cidr);
  if (badCidr) return fail(`CIDR "${cidr}" ${badCidr}`);
  const badPort = check.port(port);
  if (badPort) return fail(`port "${port}" ${badPort}`);
  const upper = protocol.toUpperCase();
  if (upper !== 'TCP' && upper !== 'UDP') return fail(`protocol "${protocol}" must be TCP or UDP`);
  return { name, cidr, port: Number(port), protocol: upper };
}

/** Repeatable `key=value` flags; a key given twice keeps the last value, as kubectl does. */
function keyValues(flag: string, entries: string[], valueCheck: check.FieldCheck, problems: InputProblem[]): Record<string, string> {
  const result: Record<string, string> = {};
  for (const entry of entries) {
    const equals = entry.indexOf('=');
    if (equals === -1) {
      problems.push({ flag, value: entry, message: 'must be key=value' });
      continue;
    }
    const key = entry.slice(0, equals);
    const value = entry.slice(equals + 1);
    const message = check.labelKey(key) ?? valueCheck(value);
    if (message) problems.push({ flag, value: entry, message });
    else result[key] = value;
  }
  return result;
}

function dropUndefined<T extends Record<string, string | undefined>>(record: T): { [K in keyof T]?: string } {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)) as { [K in keyof T]?: string };
}
