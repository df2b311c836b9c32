import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import type { ErrorObject, ValidateFunction } from 'ajv';
import jsyaml from 'js-yaml';
import { yaml } from '../lazy-packages.js';
import { ownSchemaValidator } from '../schema/validator.js';
import type { Severity } from '../report/finding.js';
import { deepMerge } from '../repo/deep-merge.js';
import { locateInDocument } from '../repo/locate.js';
import { HEALTH_RULES } from '../rules/health-index.js';
import { RULES } from '../rules/index.js';
import { CONFIG_SCHEMA } from './config-schema.js';
import { UsageError } from './errors.js';
import { DEFAULT_PLATFORM, type GitMode, type PlatformSettings } from './platform.js';
import { PROFILES, type RuleSettings } from './profiles.js';
import { fsErrorReason } from '../fs/fs-error-reason.js';
import { isKnownRule, unknownRuleMessage } from '../rules/unknown-rule.js';

export const CONFIG_FILE_NAMES = ['.hctl.yaml', '.hctl.yml'];

export interface RuleConfig {
  enabled: boolean;
  severity: Severity;
  options: Record<string, string | number | boolean>;
}

export interface ConfigSuppression {
  rules: string[];
  files: string[];
  resource?: string;
  reason: string;
  until?: string;
  /** Where the entry is written (absolute config path and 1-based line). */
  file: string;
  line: number;
  column: number;
}

/** The Kubernetes version checks target unless told otherwise (the embedded schemas' version). */
export const DEFAULT_KUBERNETES_VERSION = '1.35';

export interface ResolvedConfig {
  /** Absolute path of the config file used, if any. */
  file?: string;
  profile: string;
  /** `major.minor` the repo deploys to, for deprecated and removed APIs. */
  kubernetesVersion: string;
  /** Extra schema directories (CRD manifests or catalog-layout JSON Schemas), absolute. */
  schemaDirs: string[];
  /** URLs that name this repository in Argo CD Applications (besides its Git remotes). */
  repoUrls: string[];
  rules: Map<string, RuleConfig>;
  suppressions: ConfigSuppression[];
  /** Argo CD conditions accepted for a while, for `hctl health`. */
  knownIssues: KnownIssue[];
  /** The GitOps repo `hctl vcluster` writes to, absolute (`repoPath`). */
  repoPath?: string;
  gitMode: GitMode;
  /** Context used when no `--context` is given. */
  kubeContext?: string;
  /** False: never prompt, even on a terminal. */
  interactive: boolean;
  /** Branches hctl will not push to. */
  protectedBranches: string[];
  platform: PlatformSettings;
  /** The user's own config file (`~/.config/hctl/config.yaml`), when there is one. */
  userFile?: string;
}

/** An Argo CD Application condition the team knows about (like /argocd-status's two OutOfSync apps). */
export interface KnownIssue {
  /** `name` or `namespace/name` of the Application. */
  app: string;
  /** The sync or health status, or operation phase, that is expected: OutOfSync, Degraded, Failed… */
  condition: string;
  reason: string;
  until?: string;
}

export interface RawConfig {
  profile?: string;
  kubernetesVersion?: string;
  schemaDirs?: string[];
  repoURL?: string | string[];
  rules?: Record<string, string | (RuleSettings & { severity?: string })>;
  suppressions?: { rule: string | string[]; files?: string | string[]; resource?: string; reason: string; until?: string }[];
  health?: { knownIssues?: KnownIssue[] };
  repoPath?: string;
  gitMode?: GitMode;
  kubeContext?: string;
  interactive?: boolean;
  git?: { protectedBranches?: string[] };
  platform?: Partial<PlatformSettings>;
}

let compiledConfigValidator: ValidateFunction<RawConfig> | undefined;

/** Finds `.hctl.yaml` in `startDir` or the nearest directory above it. */
export function findConfig(startDir: string): string | undefined {
  let dir = path.resolve(startDir);
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = path.join(dir, name);
      if (existsSync(candidate)) return candidate;
    }
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** The user's own config: `$XDG_CONFIG_HOME/hctl/config.yaml`, else `~/.config/hctl/config.yaml`. */
export function userConfigPath(): string {
  const base = process.env.XDG_CONFIG_HOME || path.join(homedir(), '.config');
  return path.join(base, 'hctl', 'config.yaml');
}

/**
 * The user's config (if any) with the repo's `.hctl.yaml` over it: objects merge key by key, the
 * repo's value wins, lists are replaced, and suppressions from both apply.
 */
export function loadConfig(options: {
  startDir: string;
  file?: string;
  profile?: string;
  kubernetesVersion?: string;
  schemaDirs?: string[];
  repoUrls?: string[];
}): ResolvedConfig {
  const file = options.file ? path.resolve(options.file) : findConfig(options.startDir);
  const userFile = userConfigPath();
  const user = existsSync(userFile) && userFile !== file ? readConfigFile(userFile) : undefined;
  const repo = file ? readConfigFile(file) : undefined;
  const raw = deepMerge(relativeTo(user?.raw ?? {}, userFile), relativeTo(repo?.raw ?? {}, file));
  const profile = options.profile ?? raw.profile ?? 'default';
  if (!PROFILES[profile]) {
    throw new UsageError(`unknown profile "${profile}"${file && !options.profile ? ` in ${file}` : ''}; choose one of: ${Object.keys(PROFILES).join(', ')}`);
  }
  const rules = resolveRules(profile, raw.rules ?? {}, file ?? userFile);
  const suppressions = [
    ...(user ? suppressionsOf(user, userFile) : []),
    ...(repo ? suppressionsOf(repo, file!) : []),
  ];
  const kubernetesVersion = normaliseVersion(options.kubernetesVersion ?? raw.kubernetesVersion ?? DEFAULT_KUBERNETES_VERSION, file && !options.kubernetesVersion ? file : '--kubernetes-version');
  // Flag paths are relative to the working directory (config paths were made absolute above).
  const schemaDirs = [...(raw.schemaDirs ?? []), ...(options.schemaDirs ?? []).map((dir) => path.resolve(dir))];
  const repoUrls = [...toList(raw.repoURL), ...(options.repoUrls ?? [])];
  const knownIssues = raw.health?.knownIssues ?? [];
  const resolved: ResolvedConfig = {
    profile,
    kubernetesVersion,
    schemaDirs,
    repoUrls,
    rules,
    suppressions,
    knownIssues,
    gitMode: raw.gitMode ?? 'prompt',
    interactive: raw.interactive ?? true,
    protectedBranches: raw.git?.protectedBranches ?? [],
    platform: { ...DEFAULT_PLATFORM, ...raw.platform },
  };
  if (file) resolved.file = file;
  if (user) resolved.userFile = userFile;
  if (raw.repoPath) resolved.repoPath = raw.repoPath;
  if (raw.kubeContext) resolved.kubeContext = raw.kubeContext;
  return resolved;
}

function suppressionsOf(parsed: { raw: RawConfig; suppressionLines: number[] }, file: string): ConfigSuppression[] {
  return (parsed.raw.suppressions ?? []).map((entry, index): ConfigSuppression => {
    const suppression: ConfigSuppression = {
      rules: toList(entry.rule),
      files: toList(entry.files),
      reason: entry.reason,
      file,
      line: parsed.suppressionLines[index] ?? 1,
      column: 5,
    };
    if (entry.resource !== undefined) suppression.resource = entry.resource;
    if (entry.until !== undefined) suppression.until = entry.until;
    return suppression;
  });
}

/** Paths in a config file are relative to that file (`~` is the home directory). */
function relativeTo(raw: RawConfig, file: string | undefined): RawConfig {
  if (!file) return raw;
  const resolve = (value: string) => (value === '~' || value.startsWith('~/') ? path.join(homedir(), value.slice(1)) : path.resolve(path.dirname(file), value));
  const copy: RawConfig = { ...raw };
  if (raw.schemaDirs) copy.schemaDirs = raw.schemaDirs.map(resolve);
  if (raw.repoPath) copy.repoPath = resolve(raw.repoPath);
  return copy;
}

/** The configuration without a file: a profile plus optional per-rule settings (used by tests and defaults). */
export function defaultConfig(profile = 'default', rules: NonNullable<RawConfig['rules']> = {}): ResolvedConfig {
  return {
    profile,
    kubernetesVersion: DEFAULT_KUBERNETES_VERSION,
    schemaDirs: [],
    repoUrls: [],
    rules: resolveRules(profile, rules, undefined),
    suppressions: [],
    knownIssues: [],
    gitMode: 'prompt',
    interactive: true,
    protectedBranches: [],
    platform: { ...DEFAULT_PLATFORM },
  };
}

/** `1.35`, `v1.35` or `1.35.2` → `1.35`. */
function normaliseVersion(version: string, where: string): string {
  const match = /^v?(\d+)\.(\d+)(\.\d+)?$/.exec(String(version).trim());
  if (!match) throw new UsageError(`${where}: Kubernetes version "${version}" is not like 1.35`);
  return `${match[1]}.${match[2]}`;
}

function readConfigFile(file: string): { raw: RawConfig; suppressionLines: number[] } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read config ${file}: ${fsErrorReason(error)}`);
  }
  // The common case, a valid file without suppressions, needs no positions: js-yaml (in the
  // bundle) reads it, where the position-keeping `yaml` package would cost more than the check.
  const quick = quickRead(text);
  const validate = configValidator();
  if (quick !== undefined && validate(quick) && (quick.suppressions ?? []).length === 0) return { raw: quick, suppressionLines: [] };
  const lineCounter = new (yaml().LineCounter)();
  const document = yaml().parseDocument(text, { lineCounter, prettyErrors: false });
  if (document.errors.length > 0) {
    const error = document.errors[0]!;
    const { line, col } = lineCounter.linePos(error.pos[0]);
    throw new UsageError(`${file}:${line}:${col}: ${error.message.split('\n')[0]}`);
  }
  const raw = (document.toJS() ?? {}) as unknown;
  if (!validate(raw)) {
    const error = validate.errors![0]!;
    const segments = error.instancePath.split('/').slice(1).map((part) => (/^\d+$/.test(part) ? Number(part) : part));
    const where = locateInDocument(document, lineCounter, file, segments, false);
    throw new UsageError(`${file}:${where.line}:${where.column}: ${configProblem(segments, error)}`);
  }
  const suppressionLines = (raw.suppressions ?? []).map(
    (_, index) => locateInDocument(document, lineCounter, file, ['suppressions', index], false).line,
  );
  return { raw, suppressionLines };
}

/** What is wrong at `segments`, said in the config's own terms (`suppressions[0]`, a rule's name). */
function configProblem(segments: (string | number)[], error: ErrorObject): string {
  const at = segments.reduce<string>((text, part) => (typeof part === 'number' ? `${text}[${part}]` : text ? `${text}.${part}` : part), '') || 'the config';
  const [section, rule] = segments;
  if (section === 'rules' && typeof rule === 'string' && segments.length <= 3) {
    if (!isKnownRule(rule)) return unknownRuleMessage(rule);
    return `rules.${rule} must be off, info, warning or critical, or a map of severity and the rule's options`;
  }
  if (error.params && 'additionalProperty' in error.params) return `${at} has an unknown field "${String(error.params.additionalProperty)}"`;
  if (error.params && 'allowedValues' in error.params) return `${at} must be one of: ${(error.params.allowedValues as unknown[]).join(', ')}`;
  return `${at} ${error.message ?? 'is not valid'}`;
}

/** The file's value read with the YAML 1.2 core schema, as `yaml` reads it; undefined if js-yaml objects (the full parse then says where). */
function quickRead(text: string): unknown {
  try {
    return jsyaml.load(text, { schema: jsyaml.CORE_SCHEMA }) ?? {};
  } catch {
    return undefined;
  }
}

function configValidator(): ValidateFunction<RawConfig> {
  return (compiledConfigValidator ??= ownSchemaValidator<RawConfig>('hctl config', CONFIG_SCHEMA));
}

function resolveRules(profile: string, configured: NonNullable<RawConfig['rules']>, file: string | undefined): Map<string, RuleConfig> {
  for (const id of Object.keys(configured)) {
    if (!isKnownRule(id)) throw new UsageError(`${file}: ${unknownRuleMessage(id)}`);
  }
  const rules = new Map<string, RuleConfig>();
  for (const rule of [...RULES, ...HEALTH_RULES]) {
    const { id } = rule.meta;
    const settings: RuleConfig = { enabled: true, severity: rule.meta.severity, options: { ...rule.meta.options } };
    for (const layer of [PROFILES[profile]!.rules[id], normalise(configured[id])]) {
      if (!layer) continue;
      for (const [key, value] of Object.entries(layer)) {
        if (key === 'severity') {
          if (value === 'off') settings.enabled = false;
          else settings.severity = value as Severity;
          continue;
        }
        checkOption(rule.meta.id, key, value, rule.meta.options ?? {}, rule.meta.optionChoices ?? {}, file);
        settings.options[key] = value;
      }
    }
    rules.set(id, settings);
  }
  return rules;
}

function checkOption(
  ruleId: string,
  key: string,
  value: string | number | boolean,
  defaults: Record<string, unknown>,
  choices: Record<string, readonly string[]>,
  file: string | undefined,
): void {
  if (!(key in defaults)) {
    const known = Object.keys(defaults);
    throw new UsageError(`${file}: rule ${ruleId} has no option "${key}"${known.length ? ` (options: ${known.join(', ')})` : ''}`);
  }
  const allowed = choices[key];
  if (typeof value !== typeof defaults[key] || (allowed && !allowed.includes(String(value)))) {
    throw new UsageError(`${file}: rule ${ruleId} option ${key} must be ${allowed ? allowed.join(' | ') : `a ${typeof defaults[key]}`}`);
  }
}

function normalise(entry: string | (RuleSettings & { severity?: string }) | undefined): RuleSettings | undefined {
  if (entry === undefined) return undefined;
  return typeof entry === 'string' ? { severity: entry } : entry;
}

function toList(value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}
