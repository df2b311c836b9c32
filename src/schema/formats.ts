import type { Ajv, Format } from 'ajv';
import { isIP } from 'node:net';
import { ajvFormats } from '../lazy-packages.js';

// go-openapi's duration: Go durations, and also units such as `d` and `w`, with optional spaces.
const DURATION = /^\s*[-+]?(\d+(\.\d+)?\s*[a-zµ]+\s*)+$|^0$/i;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const accept = () => true;
// resource.ParseQuantity, which trims the JSON value first: a sign, a decimal, then one binary-SI,
// decimal-SI or exponent suffix.
const QUANTITY = /^\s*[+-]?(\d+(\.\d*)?|\.\d+)(([KMGTPE]i)|[numkMGTPE]|[eE][+-]?\d+)?\s*$/;

let formats: Record<string, Format> | undefined;

/**
 * The formats the API server checks on Kubernetes and CRD schemas. Formats it does not know are
 * not errors there, so they are accepted here too. Cached validators (validator-cache.ts) import
 * this object as the module `hctl:formats`.
 */
export function kubernetesFormats(): Record<string, Format> {
  formats ??= makeFormats(ajvFormats().fullFormats);
  return formats;
}

function makeFormats(fullFormats: ReturnType<typeof ajvFormats>['fullFormats']): Record<string, Format> {
  return {
    'date-time': fullFormats['date-time'],
    date: fullFormats.date,
    time: fullFormats.time,
    uri: fullFormats.uri,
    email: fullFormats.email,
    hostname: fullFormats.hostname,
    uuid: fullFormats.uuid,
    ipv4: fullFormats.ipv4,
    ipv6: fullFormats.ipv6,
    int32: { type: 'number', validate: (n: number) => Number.isInteger(n) && n >= -(2 ** 31) && n < 2 ** 31 },
    int64: { type: 'number', validate: (n: number) => Number.isInteger(n) },
    uint64: { type: 'number', validate: (n: number) => Number.isInteger(n) && n >= 0 },
    double: { type: 'number', validate: accept },
    float: { type: 'number', validate: accept },
    byte: (value: string) => {
      const compact = value.replace(/\s/g, '');
      return compact.length % 4 === 0 && BASE64.test(compact);
    },
    duration: (value: string) => DURATION.test(value),
    // Only the bundle's core Quantity uses it: CRDs spell quantities with a pattern of their own.
    'hctl-quantity': (value: string) => QUANTITY.test(value),
    ip: (value: string) => isIP(value) !== 0,
    cidr: (value: string) => {
      const [address, bits] = value.split('/');
      return address !== undefined && bits !== undefined && isIP(address) !== 0 && /^\d+$/.test(bits);
    },
    ...Object.fromEntries(['int-or-string', 'string', 'quantity', 'binary', 'password', 'url', 'idn-hostname', 'mac'].map((name) => [name, true])),
  };
}

export function addKubernetesFormats(ajv: Ajv): void {
  for (const [name, format] of Object.entries(kubernetesFormats())) ajv.addFormat(name, format);
}
