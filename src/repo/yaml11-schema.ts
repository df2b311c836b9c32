import jsyaml from 'js-yaml';

/**
 * A js-yaml schema that resolves plain scalars as Kubernetes' go-yaml v2 decoder does: YAML 1.1
 * booleans, numbers as Go's ParseInt/ParseFloat read them, no timestamps or sexagesimals. The full
 * parser (`yaml`, see parse.ts) is given the same number rules, so both read a file alike.
 * The fast path parses with it; `yaml` is only used where positions or exact errors are needed.
 */
// Every plain scalar is offered to each type in turn: a look at its first character turns most
// strings away before the regular expressions run.
const BOOL_START = new Set('YyNnTtFfOo');
const mayBeNumber = (data: string) => {
  const code = data.charCodeAt(0);
  return (code >= 48 && code <= 57) || code === 45 /* - */ || code === 43 /* + */ || code === 46; /* . */
};

const bool = new jsyaml.Type('tag:yaml.org,2002:bool', {
  kind: 'scalar',
  resolve: (data: string) => BOOL_START.has(data[0]!) && (TRUE.test(data) || FALSE.test(data)),
  construct: (data: string) => TRUE.test(data),
});
const TRUE = /^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/;
const FALSE = /^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/;

// go-yaml v2 reads an integer where Go's ParseInt(text without underscores, base 0) does: 0x, 0b
// and 0o prefixes in either case, a leading 0 for octal — so `0o644` is 420, and `08` is no
// integer (a float, 8).
const INT = /^[-+]?(?:0[xX][0-9a-fA-F]+|0[bB][01]+|0[oO][0-7]+|0[0-7]*|[1-9][0-9]*)$/;

/** Whether Kubernetes' YAML reader takes a plain scalar for an integer. */
export function isKubernetesInt(data: string): boolean {
  return mayBeNumber(data) && data[0] !== '.' && INT.test(data.replace(/_/g, ''));
}

/** The value of a scalar isKubernetesInt accepts. */
export function kubernetesInt(data: string): number {
  const plain = data.replace(/_/g, '');
  const sign = plain[0] === '-' || plain[0] === '+' ? plain[0] : '';
  const digits = plain.slice(sign.length);
  const prefix = digits.slice(0, 2).toLowerCase();
  const [radix, body] = prefix === '0x' ? [16, digits.slice(2)] : prefix === '0b' ? [2, digits.slice(2)] : prefix === '0o' ? [8, digits.slice(2)] : digits.length > 1 && digits[0] === '0' ? [8, digits.slice(1)] : [10, digits];
  const value = parseInt(body, radix);
  return sign === '-' ? -value : value;
}

const int = new jsyaml.Type('tag:yaml.org,2002:int', { kind: 'scalar', resolve: isKubernetesInt, construct: kubernetesInt });

const FLOAT_SPECIAL = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
// go-yaml v2 reads a float only where Go's ParseFloat does: after a digit or sign it drops
// underscores first; after a dot it does not. Either way a digit is needed: `.`, `-.` and `.e5`
// (an Argo CD `path: .`) are strings, not YAML 1.1's NaN.
const FLOAT_AFTER_DIGIT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;
const FLOAT_AFTER_DOT = /^\.[0-9]+(?:[eE][-+]?[0-9]+)?$/;

/** Whether Kubernetes' YAML reader takes a plain scalar for a float (integers resolve first). */
export function isKubernetesFloat(data: string): boolean {
  if (!mayBeNumber(data)) return false;
  if (FLOAT_SPECIAL.test(data)) return true;
  return data[0] === '.' ? FLOAT_AFTER_DOT.test(data) : FLOAT_AFTER_DIGIT.test(data.replace(/_/g, ''));
}

/** The float value of a scalar isKubernetesFloat accepts. */
export function kubernetesFloat(data: string): number {
  if (FLOAT_SPECIAL.test(data)) {
    if (data.slice(-3).toLowerCase() === 'nan') return NaN;
    return data[0] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  }
  return parseFloat(data.replace(/_/g, ''));
}

const float = new jsyaml.Type('tag:yaml.org,2002:float', { kind: 'scalar', resolve: isKubernetesFloat, construct: kubernetesFloat });

// js-yaml exports its built-in types at runtime; @types/js-yaml does not declare them.
const builtin = (jsyaml as unknown as { types: Record<'null' | 'merge' | 'binary' | 'omap' | 'pairs' | 'set', jsyaml.Type> }).types;

/**
 * Tags of other tools' YAML (Home Assistant's `!include`, `!secret`, mkdocs' `!!python/name:…`)
 * resolve to the plain value under them, as the full parser does; without this, js-yaml rejects
 * such files and each run parses them again the slow way. Known tags match first (`multi` types
 * are tried last, by tag prefix: the empty prefix takes whatever is left).
 */
const otherTools = (['scalar', 'sequence', 'mapping'] as const).map(
  (kind) => new jsyaml.Type('', { kind, multi: true, construct: (data: unknown) => data ?? (kind === 'scalar' ? '' : kind === 'sequence' ? [] : {}) }),
);

/**
 * For writing YAML that Kubernetes reads back as written: js-yaml's own types represent the values,
 * and a string any YAML 1.1 type would resolve (`on`, `0755`, `1_000`) is quoted, as go-yaml does.
 */
export const KUBERNETES_YAML_DUMP_SCHEMA = jsyaml.DEFAULT_SCHEMA.extend({
  // Own tags: a type with js-yaml's tag would replace its own, which knows how to write the value.
  implicit: [bool, int, float].map((type, index) => new jsyaml.Type(`tag:hctl,2026:yaml11-${index}`, { kind: 'scalar', resolve: (data: string) => type.resolve(data) })),
});

export const KUBERNETES_YAML_SCHEMA = jsyaml.FAILSAFE_SCHEMA.extend({
  implicit: [builtin.null, bool, int, float, builtin.merge],
  explicit: [builtin.binary, builtin.omap, builtin.pairs, builtin.set, ...otherTools],
});
