/** The severities a finding can carry, most severe first. */
export const SEVERITIES = ['critical', 'warning', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

export function severityRank(severity: Severity): number {
  return SEVERITIES.length - SEVERITIES.indexOf(severity);
}

/** The Kubernetes object a finding is about. */
export interface ResourceRef {
  apiVersion: string;
  kind: string;
  namespace?: string;
  name?: string;
}

/** 1-based position, file relative to the checked directory. */
export interface Location {
  file: string;
  line: number;
  column: number;
}

export interface Finding {
  rule: string;
  severity: Severity;
  message: string;
  resource?: ResourceRef;
  location?: Location;
  /** RFC 6901 pointer into the object, for schema findings. */
  pointer?: string;
  hint: string;
  docs: string;
  /** The health domain (nodes, pods, flux…) a `hctl health` finding belongs to. */
  domain?: string;
}

/** `Kind namespace/name`, as findings are introduced in every output format. */
export function describeResource(resource: ResourceRef): string {
  const name = resource.name ? ` ${resource.namespace ? `${resource.namespace}/` : ''}${resource.name}` : '';
  return `${resource.kind}${name}`;
}

/** The message with its resource in front, for formats that show one line per finding. */
export function headline(finding: Finding): string {
  return finding.resource ? `${describeResource(finding.resource)}: ${finding.message}` : finding.message;
}
