import { BlockList, isIPv4 } from 'node:net';
import valid from 'semver/functions/valid.js';
import { quantityBytes } from '../k8s/byte-sizes.js';
import { dnsLabelProblem, dnsSubdomainProblem, labelValueProblem, qualifiedNameProblem } from '../k8s/names.js';

/**
 * One check per kind of value a vCluster request takes. Each returns what is wrong, in words a
 * user can act on, or undefined; the flags parser and the wizard share them.
 */
export type FieldCheck = (value: string) => string | undefined;

export const dnsLabel: FieldCheck = (value) => (value.length === 0 ? 'must not be empty' : dnsLabelProblem(value));

export const dnsSubdomain: FieldCheck = dnsSubdomainProblem;

export const hostname: FieldCheck = (value) => {
  if (value.length > 253) return `is ${value.length} characters; at most 253`;
  if (dnsSubdomainProblem(value) || !/\.[a-z]{2,}$/.test(value)) return 'must be a lower-case DNS name with a domain, like team.cluster.example.com';
  if (value.split('.').some((label) => label.length > 63)) return 'has a part longer than 63 characters';
  return undefined;
};

export const ipv4: FieldCheck = (value) => (isIPv4(value) ? undefined : 'must be an IPv4 address like 10.0.4.215');

/** An IPv4 network in CIDR form whose host bits are zero (a /32 names one host). */
export const cidr: FieldCheck = (value) => {
  const match = /^([^/]+)\/(\d{1,2})$/.exec(value);
  if (!match || !isIPv4(match[1]!) || Number(match[2]) > 32) return 'must be an IPv4 CIDR like 10.0.4.0/24';
  const prefix = Number(match[2]);
  const network = networkAddress(match[1]!, prefix);
  if (network !== match[1]) return `has host bits set; the network is ${network}/${prefix}`;
  return undefined;
};

function ipNumber(address: string): number {
  return address.split('.').reduce((sum, octet) => sum * 256 + Number(octet), 0);
}

export function networkAddress(address: string, prefix: number): string {
  const value = ipNumber(address);
  const mask = prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
  const network = (value & mask) >>> 0;
  return [24, 16, 8, 0].map((shift) => (network >>> shift) & 255).join('.');
}

/** Why `ip` cannot be a VIP in `subnet` (outside it, or its network or broadcast address). */
export function vipInSubnet(ip: string, subnet: string): string | undefined {
  const [address, prefixText] = subnet.split('/') as [string, string];
  const prefix = Number(prefixText);
  const list = new BlockList();
  list.addSubnet(address, prefix, 'ipv4');
  if (!list.check(ip, 'ipv4')) return `${ip} is not inside ${subnet}`;
  if (prefix <= 30) {
    const hostBits = 32 - prefix;
    const hostPart = ipNumber(ip) % 2 ** hostBits;
    if (hostPart === 0) return `${ip} is the network address of ${subnet}`;
    if (hostPart === 2 ** hostBits - 1) return `${ip} is the broadcast address of ${subnet}`;
  }
  return undefined;
}

export const port: FieldCheck = (value) => integerIn(value, 1, 65535);

export function integerIn(value: string, min: number, max: number): string | undefined {
  if (!/^\d+$/.test(value.trim())) return `must be a whole number from ${min} to ${max}`;
  const number = Number(value);
  return number < min || number > max ? `must be from ${min} to ${max}` : undefined;
}

export const size: FieldCheck = (value) => {
  const bytes = quantityBytes(value);
  if (bytes === undefined) return 'must be a Kubernetes quantity like 10Gi';
  return bytes > 0 ? undefined : 'must be more than zero';
};

export const kubernetesVersion: FieldCheck = (value) => (/^v?\d+\.\d+(\.\d+)?$/.test(value) ? undefined : 'must be a Kubernetes version like v1.34.3 or 1.33');

export const chartVersion: FieldCheck = (value) => (valid(value) ? undefined : 'must be a chart version (semver) like 0.31.0');

export const labelValue: FieldCheck = labelValueProblem;

/** A label or annotation key: an optional DNS-subdomain prefix and `/`, then a name. */
export const labelKey: FieldCheck = (value) => {
  const problem = value.length === 0 ? 'is empty' : qualifiedNameProblem(value);
  return problem ? `key "${value}" ${problem}` : undefined;
};

/** A Git URL Argo CD can clone: https://, ssh:// or scp-like `git@host:path`. */
export const gitUrl: FieldCheck = (value) => {
  if (/^git@[^:\s]+:\S+$/.test(value)) return undefined;
  try {
    const url = new URL(value);
    if (['https:', 'http:', 'ssh:'].includes(url.protocol) && url.hostname) return undefined;
  } catch {
    // fall through to the message
  }
  return 'must be a Git URL (https://…, ssh://… or git@host:owner/repo)';
};

/** A path inside a repository: relative, no `..`. */
export const repoPath: FieldCheck = (value) => {
  if (value.startsWith('/')) return 'must be relative to the repository root (no leading "/")';
  if (value.split('/').includes('..')) return 'must stay inside the repository (no "..")';
  return /\s/.test(value) ? 'must not contain spaces' : undefined;
};

export const gitRevision: FieldCheck = (value) =>
  value.length > 0 && !/[\s~^:?*[\\]|\.\.|^-|\.lock$|\/$/.test(value) ? undefined : 'must be a branch, tag or commit (no spaces, no "..")';
