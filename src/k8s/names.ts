// The name and key formats of k8s.io/apimachinery/pkg/util/validation, which the API server applies
// on top of the OpenAPI schema. Each returns why a value fails, or undefined when it passes.

const LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const DNS1035 = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const QUALIFIED_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
const CONFIG_KEY = /^[-._a-zA-Z0-9]+$/;

/** RFC 1123 label: namespaces, container, volume and Service port names. */
export function dnsLabelProblem(value: string): string | undefined {
  if (value.length > 63) return `is ${value.length} characters; at most 63 are allowed`;
  if (!LABEL.test(value)) return 'must be lowercase letters, digits and "-", starting and ending with a letter or digit (RFC 1123 label)';
  return undefined;
}

/** RFC 1123 subdomain: the names of most kinds, custom resources included. */
export function dnsSubdomainProblem(value: string): string | undefined {
  if (value.length > 253) return `is ${value.length} characters; at most 253 are allowed`;
  if (!SUBDOMAIN.test(value)) return 'must be lowercase letters, digits, "-" and ".", starting and ending with a letter or digit (RFC 1123 subdomain)';
  return undefined;
}

/** RFC 1035 label: Service names, which become DNS names and environment variable names. */
export function dns1035LabelProblem(value: string): string | undefined {
  if (value.length > 63) return `is ${value.length} characters; at most 63 are allowed`;
  if (!DNS1035.test(value)) return 'must be lowercase letters, digits and "-", starting with a letter and ending with a letter or digit (RFC 1035 label)';
  return undefined;
}

/** RBAC object names are path segments: `system:controller:x` is fine, `a/b` is not. */
export function pathSegmentProblem(value: string): string | undefined {
  if (value === '.' || value === '..') return `may not be "${value}"`;
  if (value.includes('/') || value.includes('%')) return 'may not contain "/" or "%"';
  return undefined;
}

/** Label and annotation keys: an optional DNS-subdomain prefix and "/", then a name of at most 63 characters. */
export function qualifiedNameProblem(value: string): string | undefined {
  const parts = value.split('/');
  if (parts.length > 2) return 'may hold at most one "/" (prefix/name)';
  const name = parts.at(-1)!;
  if (parts.length === 2) {
    if (parts[0] === '') return 'has an empty prefix before "/"';
    const prefix = dnsSubdomainProblem(parts[0]!);
    if (prefix) return `has a prefix that ${prefix}`;
  }
  if (name === '') return 'has an empty name';
  if (name.length > 63) return `has a name of ${name.length} characters; at most 63 are allowed`;
  if (!QUALIFIED_NAME.test(name)) return 'must be letters, digits, "-", "_" and ".", starting and ending with a letter or digit (with an optional DNS prefix and "/")';
  return undefined;
}

export function labelValueProblem(value: string): string | undefined {
  if (value.length > 63) return `is ${value.length} characters; at most 63 are allowed`;
  if (!LABEL_VALUE.test(value)) return 'must be empty or letters, digits, "-", "_" and ".", starting and ending with a letter or digit';
  return undefined;
}

/** IANA service names: container port names and named target ports. */
export function portNameProblem(value: string): string | undefined {
  if (value.length > 15) return `is ${value.length} characters; a port name may have at most 15`;
  if (!/^[-a-z0-9]+$/.test(value)) return 'must be lowercase letters, digits and "-" (an IANA service name)';
  if (!/[a-z]/.test(value)) return 'must contain at least one letter';
  if (value.includes('--')) return 'may not contain "--"';
  if (value.startsWith('-') || value.endsWith('-')) return 'may not begin or end with "-"';
  return undefined;
}

/** ConfigMap and Secret keys, which become file names in a volume. */
export function configKeyProblem(value: string): string | undefined {
  if (value.length > 253) return `is ${value.length} characters; at most 253 are allowed`;
  if (!CONFIG_KEY.test(value)) return 'must be letters, digits, "-", "_" and "." only';
  if (value === '.' || value === '..' || value.startsWith('..')) return 'may not be "." or start with ".."';
  return undefined;
}

export function isPortNumber(value: unknown): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 65535;
}
