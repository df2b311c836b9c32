import type { Location } from '../report/finding.js';
import type { NodePath, Yaml11OnlyBoolean } from './object.js';

/**
 * YAML 1.1's booleans that YAML 1.2 readers leave as strings: `yes`, `no`, `on`, `off`, `y`, `n`
 * (in go-yaml v2's spellings). Kubernetes' own decoder (kubectl apply -f, Helm) reads them as
 * booleans; kustomize reads YAML as yaml.v3 does, so they leave a kustomize build as strings.
 */
const YAML11_ONLY_BOOLEAN = /^(?:[yYnN]|[Yy]es|YES|[Nn]o|NO|[Oo]n|ON|[Oo]ff|OFF)$/;

/**
 * Text that may hold one as a value: after `: `, `- ` or in a flow collection, before a comment,
 * a flow indicator or the line's end.
 */
const MAY_HOLD_ONE = /(?:[:-][ \t]+|[[{,][ \t]*)(?:&\S+[ \t]+)?(?:[yYnN]|[Yy]es|YES|[Nn]o|NO|[Oo]n|ON|[Oo]ff|OFF)[ \t]*(?:$|#|[,\]}])/m;

/** Whether a file's text may hold one: if not, none of its booleans is located. */
export function mayHoldYaml11OnlyBooleans(text: string): boolean {
  return MAY_HOLD_ONE.test(text);
}

/** The booleans of a document's value (`body`) that its text spells the YAML-1.1-only way. */
export function yaml11OnlyBooleans(body: unknown, text: string, locate: (path: NodePath) => Pick<Location, 'line' | 'column'>): Yaml11OnlyBoolean[] {
  const found: Yaml11OnlyBoolean[] = [];
  let lineStarts: number[] | undefined;
  const visit = (value: unknown, path: (string | number)[]): void => {
    if (typeof value === 'boolean') {
      lineStarts ??= startsOfLines(text);
      const spelling = spellingAt(text, lineStarts, locate(path));
      if (spelling) found.push({ path, spelling });
    } else if (Array.isArray(value)) {
      value.forEach((item, index) => visit(item, [...path, index]));
    } else if (value !== null && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) visit(child, [...path, key]);
    }
  };
  visit(body, []);
  return found;
}

function startsOfLines(text: string): number[] {
  const starts = [0];
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
  return starts;
}

/** The YAML-1.1-only boolean written at a 1-based position, else undefined (`true`, a quoted or tagged value, an alias); an anchor before it is skipped. */
function spellingAt(text: string, lineStarts: readonly number[], at: Pick<Location, 'line' | 'column'>): string | undefined {
  const start = lineStarts[at.line - 1];
  if (start === undefined) return undefined;
  const end = lineStarts[at.line] ?? text.length + 1;
  const rest = text.slice(start + at.column - 1, end - 1).replace(/^&\S+[ \t]+/, '');
  const token = /^[^\s,\]}#]+/.exec(rest)?.[0];
  return token !== undefined && YAML11_ONLY_BOOLEAN.test(token) ? token : undefined;
}
