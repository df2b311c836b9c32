import type { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { isIP } from 'node:net';

// go-openapi's duration: Go durations, and also units such as `d` and `w`, with optional spaces.
const DURATION = /^\s*[-+]?(\d+(\.\d+)?\s*[a-zµ]+\s*)+$|^0$/i;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * The formats the API server checks on Kubernetes and CRD schemas. Formats it does not know are
 * not errors there, so they are accepted here too.
 */
export function addKubernetesFormats(ajv: Ajv): void {
  addFormats.default(ajv, ['date-time', 'date', 'time', 'uri', 'email', 'hostname', 'uuid', 'ipv4', 'ipv6']);
  ajv.addFormat('int32', { type: 'number', validate: (n: number) => Number.isInteger(n) && n >= -(2 ** 31) && n < 2 ** 31 });
  ajv.addFormat('int64', { type: 'number', validate: (n: number) => Number.isInteger(n) });
  ajv.addFormat('uint64', { type: 'number', validate: (n: number) => Number.isInteger(n) && n >= 0 });
  for (const name of ['double', 'float']) ajv.addFormat(name, { type: 'number', validate: () => true });
  ajv.addFormat('byte', (value: string) => value.replace(/\s/g, '').length % 4 === 0 && BASE64.test(value.replace(/\s/g, '')));
  ajv.addFormat('duration', (value: string) => DURATION.test(value));
  ajv.addFormat('ip', (value: string) => isIP(value) !== 0);
  ajv.addFormat('cidr', (value: string) => {
    const [address, bits] = value.split('/');
    return address !== undefined && bits !== undefined && isIP(address) !== 0 && /^\d+$/.test(bits);
  });
  for (const name of ['int-or-string', 'string', 'quantity', 'binary', 'password', 'url', 'idn-hostname', 'mac']) ajv.addFormat(name, true);
}
