import type { Ajv, ErrorObject, ValidateFunction } from 'ajv';
import { ajv as ajvPackage, ajvStandalone } from '../lazy-packages.js';
import { closest } from '../text/closest.js';
import { apiGroup, type KubeObject, type NodePath } from '../repo/object.js';
import { addCelKeyword } from './cel-keyword.js';
import { isLateValue } from '../repo/late-value.js';
import { fieldPlaces, schemasAt } from './schema-at.js';
import { ValidatorCache } from './validator-cache.js';
import { addKubernetesFormats } from './formats.js';
import { kindKey, type SchemaBundle } from './bundle.js';
import type { CheckCache } from '../cache/check-cache.js';
import type { UserSchema } from './crd-schemas.js';
import type { JsonSchema } from './transform.js';

/** One schema violation, at a path inside the object. */
export interface SchemaProblem {
  path: NodePath;
  /** RFC 6901 pointer of the same place. */
  pointer: string;
  /** The key is what is wrong (an unknown field), not its value. */
  key: boolean;
  /** The JSON Schema keyword that failed (`additionalProperties`, `required`, `type`…). */
  keyword: string;
  /**
   * An unknown field that is a near-miss of a field allowed here (`matchLoads`) or that the schema
   * declares elsewhere (`retryInterval` on a HelmRelease's spec): a mistake, not a field newer than
   * the schema.
   */
  likelyMistake: boolean;
  /**
   * A boolean or number where a string is required: an unquoted YAML 1.1 `on`, `yes`, `0755` or
   * `1.0`. Reported by the yaml-non-string-value rule, which explains the quoting.
   */
  misreadScalar: boolean;
  message: string;
  hint: string;
}

/** Where a schema came from: Kubernetes itself, the bundled CRD catalog, or the user (repo CRDs, --schema-dir). */
export type SchemaSource = 'kubernetes' | 'catalog' | 'user';

export type ValidationResult =
  | { status: 'validated'; source: SchemaSource; problems: SchemaProblem[] }
  | { status: 'unverified'; reason: string };


/** An ajv instance with Kubernetes formats, CEL rules and the core definitions, plus its compile cache. */
class Compiler {
  /** Built on the first schema the disk cache does not have: a warm run never pays for ajv's setup. */
  private ajvInstance: Ajv | undefined;
  private readonly compiled = new Map<string, ValidateFunction | Error | undefined>();

  /**
   * `bundled`: the schemas are the embedded bundle's, which its tests validate against the
   * meta-schema (test/schema/bundle-schemas.test.ts); validating each again before compiling
   * costs a sixth of the compile. A user's schema is validated: a broken CRD is reported as such.
   */
  constructor(
    private readonly bundle: SchemaBundle,
    private readonly disk: ValidatorCache | undefined,
    private readonly bundled: boolean,
  ) {}

  private get ajv(): Ajv {
    if (!this.ajvInstance) {
      // Unoptimised code and shared (not inlined) refs compile several times faster; compiling, not
      // validating, is what a check spends its time on. `source` keeps the code for the disk cache.
      const { Ajv, _ } = ajvPackage();
      this.ajvInstance = new Ajv({
        strict: false,
        allErrors: true,
        unicodeRegExp: false,
        logger: false,
        inlineRefs: false,
        validateSchema: !this.bundled,
        code: { optimize: false, source: true, formats: _`require("hctl:formats")` },
      });
      addKubernetesFormats(this.ajvInstance);
      addCelKeyword(this.ajvInstance);
      this.ajvInstance.addSchema(this.bundle.kubernetes(), undefined, undefined, false);
    }
    return this.ajvInstance;
  }

  /** `key` names the schema for the caches; `schema` is read only when neither has it. */
  compile(key: string, schema: () => JsonSchema | undefined): ValidateFunction | Error | undefined {
    if (this.compiled.has(key)) return this.compiled.get(key);
    let result: ValidateFunction | Error | undefined = this.disk?.load(key);
    if (!result) {
      try {
        const source = schema();
        if (source) {
          result = this.ajv.compile(source);
          this.disk?.store(key, ajvStandalone().default(this.ajv, result));
        }
      } catch (error) {
        result = error as Error;
      }
    }
    this.compiled.set(key, result);
    return result;
  }
}

/** Bundle schemas are the same for every run in a process: compile each once, share it. */
const bundleCompilers = new WeakMap<SchemaBundle, Compiler>();
let diskCache: ValidatorCache | undefined;

/**
 * A validator for one of hctl's own schemas (the config file's), kept in the disk cache like the
 * Kubernetes ones: a run that finds its code there loads neither ajv nor the compiler.
 */
export function ownSchemaValidator<T>(key: string, schema: object): ValidateFunction<T> {
  const cached = diskCache?.load(key);
  if (cached) return cached as ValidateFunction<T>;
  const { Ajv } = ajvPackage();
  const instance = new Ajv({ allErrors: true, allowUnionTypes: true, code: { source: true } });
  const validate = instance.compile<T>(schema);
  diskCache?.store(key, ajvStandalone().default(instance, validate));
  return validate;
}

/** Completes the disk cache once validation is done (V8 code caches of what ran). */
export function flushValidatorCache(): void {
  diskCache?.flush();
}

/** Whether compiled validators are kept on disk between runs (see validator-cache.ts); `root` for tests. */
export function useValidatorCache(enabled: boolean, root?: string): void {
  diskCache = enabled ? (root ? new ValidatorCache(root) : (diskCache ?? new ValidatorCache())) : undefined;
}

/**
 * Validates objects against the schema of their group/version/kind: extra schemas (the repo's own
 * CRDs, --schema-dir) first, then the embedded bundle. Each schema is compiled once, on first use.
 */
export class SchemaValidator {
  private readonly bundleCompiler: Compiler;
  private extraCompiler: Compiler | undefined;

  constructor(
    private readonly bundle: SchemaBundle,
    private readonly extra: ReadonlyMap<string, UserSchema> = new Map(),
    /** Results of earlier runs, by schema and document content. */
    private readonly cache?: CheckCache,
  ) {
    let compiler = bundleCompilers.get(bundle);
    if (!compiler) {
      compiler = new Compiler(bundle, diskCache, true);
      bundleCompilers.set(bundle, compiler);
    }
    this.bundleCompiler = compiler;
  }

  validate(object: KubeObject): ValidationResult {
    const group = apiGroup(object.apiVersion);
    const slash = object.apiVersion.indexOf('/');
    const version = slash === -1 ? object.apiVersion : object.apiVersion.slice(slash + 1);
    const key = kindKey(group, version, object.kind);
    const extra = this.extra.get(key);
    if (!this.cache) return this.validateWith(object, group, version, key, extra);
    return this.cache.validated(extra ? extra.cacheKey : `bundle ${key}`, object, () => this.validateWith(object, group, version, key, extra));
  }

  private validateWith(object: KubeObject, group: string, version: string, key: string, extra: UserSchema | undefined): ValidationResult {
    let validate: ValidateFunction | Error | undefined;
    if (extra) {
      this.extraCompiler ??= new Compiler(this.bundle, diskCache, false);
      // A repo's CRD is cached by its content, so an edited CRD is compiled afresh.
      validate = this.extraCompiler.compile(extra.cacheKey, () => extra.schema);
    } else {
      validate = this.bundleCompiler.compile(`bundle ${key}`, () => this.bundle.lookup(group, version, object.kind));
    }
    if (validate === undefined) return { status: 'unverified', reason: `no schema for ${group || 'core'}/${version}/${object.kind}` };
    if (validate instanceof Error) return { status: 'unverified', reason: `the schema for ${group || 'core'}/${version}/${object.kind} does not compile (${validate.message})` };
    const source: SchemaSource = extra ? 'user' : this.bundle.isKubernetes(group, version, object.kind) ? 'kubernetes' : 'catalog';
    const body = object.sopsEncrypted ? withoutSops(object.body) : object.body;
    if (validate(body)) return { status: 'validated', source, problems: [] };
    const root = () => extra?.schema ?? this.bundle.lookup(group, version, object.kind) ?? {};
    const guide: SchemaGuide = {
      at: (path) => schemasAt(root(), this.bundle.kubernetes().definitions, path),
      placesOf: (name) => fieldPlaces(root(), this.bundle.kubernetes().definitions, name),
    };
    return { status: 'validated', source, problems: toProblems(validate.errors ?? [], body, guide) };
  }
}

function withoutSops(body: Record<string, unknown>): Record<string, unknown> {
  const { sops: _sops, ...rest } = body;
  return rest;
}

/** What the schema says, to explain an error: the schemas at a path (allowed fields, alternatives), where else a field is declared. */
interface SchemaGuide {
  at(path: NodePath): JsonSchema[];
  placesOf(name: string): string[];
}

function toProblems(errors: ErrorObject[], body: unknown, guide: SchemaGuide): SchemaProblem[] {
  // anyOf/oneOf report every failed branch; keep the summary and drop the branches.
  const alternatives = errors.filter((error) => error.keyword === 'anyOf' || error.keyword === 'oneOf');
  const kept = errors.filter(
    (error) =>
      !alternatives.some((alternative) => alternative !== error && error.instancePath === alternative.instancePath && error.schemaPath.startsWith(`${alternative.schemaPath}/`)),
  );
  const seen = new Set<string>();
  const problems: SchemaProblem[] = [];
  for (const error of kept) {
    if (error.keyword === 'if') continue;
    const path = decodePointer(error.instancePath, body);
    const value = valueAt(body, path);
    if (isLateValue(value)) continue;
    // The API treats null as "not set" (and prunes it from custom resources).
    if (value === null && error.keyword === 'type') continue;
    const problem = describe(error, path, value, guide);
    const id = `${problem.pointer} ${problem.message}`;
    if (seen.has(id)) continue;
    seen.add(id);
    problems.push(problem);
  }
  return problems;
}

function describe(error: ErrorObject, path: NodePath, value: unknown, guide: SchemaGuide): SchemaProblem {
  const field = fieldName(path);
  const at = (message: string, hint: string, extra: (string | number)[] = [], key = false, likelyMistake = false): SchemaProblem => {
    const full = [...path, ...extra];
    const misreadScalar =
      error.keyword === 'type' && String((error.params as { type?: string }).type).includes('string') && (typeof value === 'boolean' || typeof value === 'number');
    return { path: full, pointer: encodePointer(full), key, keyword: error.keyword, likelyMistake, misreadScalar, message, hint };
  };
  switch (error.keyword) {
    case 'additionalProperties': {
      const name = String((error.params as { additionalProperty: string }).additionalProperty);
      const allowed = [...new Set(guide.at(path).flatMap((schema) => Object.keys((schema.properties ?? {}) as JsonSchema)))];
      const suggestion = closest(name, allowed);
      const places = suggestion ? [] : guide.placesOf(name);
      const hint = suggestion
        ? `Did you mean ${suggestion}? Fields here: ${listOf(allowed)}.`
        : places.length > 0
          ? `${name} belongs under ${places.map((place) => place || 'the document root').join(' or ')}, not here. Fields here: ${listOf(allowed)}.`
          : `Remove it; fields here: ${listOf(allowed)}.`;
      return at(`unknown field ${fieldName([...path, name])}`, hint, [name], true, suggestion !== undefined || places.length > 0);
    }
    case 'required': {
      const missing = String((error.params as { missingProperty: string }).missingProperty);
      return at(`missing required field ${fieldName([...path, missing])}`, `Add ${missing} under ${field || 'the document root'}.`, [], true);
    }
    case 'type':
      return at(`${field} must be ${String((error.params as { type: string }).type).replace(',', ' or ')}, not ${typeName(value)}`, 'Fix the value type; quote it if it must stay a string.');
    case 'enum': {
      const allowed = (error.params as { allowedValues: unknown[] }).allowedValues;
      const words = allowed.filter((candidate): candidate is string => typeof candidate === 'string');
      // Only a wrong case, or a typo in a word long enough to tell (DSA is not a typo of RSA).
      const sameLetters = typeof value === 'string' ? words.find((word) => word.toLowerCase() === value.toLowerCase()) : undefined;
      const typo = typeof value === 'string' && value.length >= 5 ? closest(value, words) : undefined;
      const hint = sameLetters
        ? `Did you mean ${JSON.stringify(sameLetters)}? Values are case-sensitive.`
        : typo
          ? `Did you mean ${JSON.stringify(typo)}?`
          : 'Use one of the allowed values.';
      return at(`${field} is ${JSON.stringify(value)}, not one of ${listOf(allowed.map((v) => JSON.stringify(v)))}`, hint);
    }
    case 'anyOf':
    case 'oneOf':
      return at(`${field} matches none of the allowed shapes (${describeAlternatives(error, guide.at(path))})`, 'Check the value against the field\'s documented forms.');
    case 'pattern':
      return at(`${field} ${JSON.stringify(value)} does not match ${String((error.params as { pattern: string }).pattern)}`, 'Fix the value to match the pattern.');
    case 'format': {
      const format = String((error.params as { format: string }).format);
      if (format === 'hctl-quantity') {
        return at(
          `${field} ${JSON.stringify(value)} is not a Kubernetes quantity: the API server refuses the whole document`,
          'Write a number with one suffix: binary Ki, Mi, Gi, Ti (512Mi, 2Gi), decimal m, k, M, G (500m, 2G) or an exponent (1e9). Suffixes are case-sensitive; there is no "gb" or "MB".',
        );
      }
      return at(`${field} ${JSON.stringify(value)} is not a valid ${format}`, 'Fix the value to the expected format.');
    }
    case 'x-kubernetes-validations':
      return at(`${field || 'the object'}: ${error.message ?? 'failed a validation rule'}`, `The API server rejects it with this message (${celRuleHint(String((error.params as { rule?: string }).rule ?? ''))}).`);
    default:
      return at(`${field || 'the object'} ${error.message ?? 'is invalid'}`, 'Fix the value to satisfy the schema.');
  }
}

function describeAlternatives(error: ErrorObject, schemas: JsonSchema[]): string {
  const branches = schemas.flatMap((schema) => (schema[error.keyword] as JsonSchema[] | undefined) ?? []).map((branch) => (typeof branch.type === 'string' ? branch.type : 'object'));
  return [...new Set(branches)].join(' or ') || 'see schema';
}

function listOf(items: string[]): string {
  return items.length > 12 ? `${items.slice(0, 12).join(', ')}, …` : items.join(', ');
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

/** `spec.template.spec.containers[0].image`, the way kubectl names fields. */
export function fieldName(path: NodePath): string {
  return path.reduce<string>((name, segment) => (typeof segment === 'number' ? `${name}[${segment}]` : name ? `${name}.${segment}` : String(segment)), '');
}

function decodePointer(pointer: string, body: unknown): NodePath {
  if (pointer === '') return [];
  const path: (string | number)[] = [];
  let current: unknown = body;
  for (const raw of pointer.slice(1).split('/')) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    const step: string | number = Array.isArray(current) && /^\d+$/.test(segment) ? Number(segment) : segment;
    path.push(step);
    current = current !== null && typeof current === 'object' ? (current as Record<string | number, unknown>)[step] : undefined;
  }
  return path;
}

function encodePointer(path: NodePath): string {
  return path.map((segment) => `/${String(segment).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

function valueAt(body: unknown, path: NodePath): unknown {
  let current = body;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return current;
}

/** A CEL rule as a hint names it: whole when short; a long one (Gateway API's run to 600 characters) by its start. */
function celRuleHint(rule: string): string {
  const MAX = 160;
  return rule.length <= MAX ? `rule: ${rule}` : `rule: ${rule.slice(0, MAX)}… — the CRD's x-kubernetes-validations at this field has it whole`;
}
