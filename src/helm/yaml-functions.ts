import jsyaml from 'js-yaml';
import { aliasTrouble, mayHoldAliases } from '../repo/yaml-aliases.js';
import { KUBERNETES_YAML_DUMP_SCHEMA, KUBERNETES_YAML_SCHEMA } from '../repo/yaml11-schema.js';
import { formatFloat, isMap, type GoMap } from './template/go-values.js';

/**
 * Helm's toYaml: sigs.k8s.io/yaml's output (keys sorted, YAML 1.1 quoting, sequences not indented
 * under their key, no line folding) without its final line break.
 */
export function toYaml(value: unknown): string {
  const text = jsyaml.dump(plain(value) ?? null, { schema: KUBERNETES_YAML_DUMP_SCHEMA, sortKeys: true, noArrayIndent: true, lineWidth: -1, noRefs: true, quotingType: '"' });
  return text.endsWith('\n') ? text.slice(0, -1) : text;
}

/** Helm's fromYaml/fromYamlArray: a parse error comes back in the value (`Error` key), not as a failure. */
export function fromYaml(text: string, array: boolean): unknown {
  const value = readYaml(text, array);
  if (typeof value !== 'string') return value;
  return array ? [value] : { Error: value };
}

/** Repeated aliased nodes a values text may hold before it is refused as an alias bomb, as Helm refuses one. */
const MAX_VALUE_ALIASES = 1000;

/**
 * YAML as Helm reads values (sigs.k8s.io/yaml: YAML 1.1 scalars): a mapping (or, with `array`, a
 * sequence), empty text giving an empty one; a string says why the text is not one.
 */
export function readYaml(text: string, array = false): GoMap | unknown[] | string {
  try {
    const value = jsyaml.load(text, { schema: KUBERNETES_YAML_SCHEMA }) ?? (array ? [] : {});
    const trouble = mayHoldAliases(text) ? aliasTrouble(value, MAX_VALUE_ALIASES) : undefined;
    if (trouble) return trouble === 'contains itself' ? 'yaml: anchor value contains itself' : 'yaml: document contains excessive aliasing';
    if (array ? Array.isArray(value) : isMap(value)) return value as GoMap | unknown[];
    return `cannot unmarshal into ${array ? '[]interface {}' : 'map[string]interface {}'}`;
  } catch (error) {
    return error instanceof Error ? error.message.split('\n')[0]! : String(error);
  }
}

/** Go's json.Marshal: keys sorted, `<`, `>`, `&` escaped unless `raw` (toRawJson). */
export function goJson(value: unknown, raw: boolean): string {
  const text = encode(value);
  return raw ? text : text.replace(/[<>&\u2028\u2029]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function encode(value: unknown): string {
  if (value === undefined || value === null) return 'null';
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'number') return Number.isFinite(value) ? jsonNumber(value) : 'null';
  if (typeof value === 'string' || typeof value === 'boolean') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(encode).join(',')}]`;
  if (isMap(value))
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${encode(value[key])}`)
      .join(',')}}`;
  return 'null';
}

/** encoding/json's float64: plain decimals from 1e-6 to 1e21, exponent form outside (e-07, e+21). */
function jsonNumber(value: number): string {
  const magnitude = Math.abs(value);
  if (magnitude !== 0 && (magnitude < 1e-6 || magnitude >= 1e21)) return formatFloat(value).replace(/e([-+])0(\d)$/, 'e$1$2');
  return String(value);
}

/** Template values as plain data for the YAML writer: Go ints (bigints) become numbers. */
function plain(value: unknown): unknown {
  if (typeof value === 'bigint') return Number(value);
  if (Array.isArray(value)) return value.map(plain);
  if (isMap(value)) {
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) copy[key] = plain(item);
    return copy;
  }
  return value;
}
