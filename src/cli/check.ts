import { statSync } from 'node:fs';
import path from 'node:path';
import { Command, Option } from 'commander';
import { loadConfig } from '../config/config.js';
import { UsageError } from '../config/errors.js';
import { PROFILES } from '../config/profiles.js';
import { checkRepo } from '../engine/check-repo.js';
import { SEVERITIES, type Severity } from '../report/finding.js';
import { renderJunit } from '../report/render-junit.js';
import { renderMarkdown } from '../report/render-markdown.js';
import { renderSarif } from '../report/render-sarif.js';
import { renderText } from '../report/render-text.js';
import { EXIT_CODES, type Report } from '../report/report.js';
import { RULES } from '../rules/index.js';
import { useValidatorCache } from '../schema/validator.js';
import { useCheckCache } from '../cache/check-cache.js';
import { findGitRoot } from '../repo/git-root.js';
import { emit, emitCouldNotRun, useColor } from './output.js';
import { VERSION } from './package-info.js';

const FORMATS = ['text', 'json', 'sarif', 'junit', 'markdown'] as const;

interface CheckFlags {
  format: (typeof FORMATS)[number];
  config?: string;
  profile?: string;
  kubernetesVersion?: string;
  schemaDir: string[];
  repoUrl: string[];
  base?: string;
  cache: boolean;
  output?: string;
  minSeverity: Severity;
  listRules?: boolean;
}

export function checkCommand(setExitCode: (code: number) => void): Command {
  return new Command('check')
    .description('Offline GO/NO-GO for a GitOps repository: exit 0 GO, 1 warnings only, 2 NO-GO, 3 could not run')
    .argument('[dir]', 'repository directory (or one manifest file)', '.')
    .addOption(new Option('-f, --format <format>', 'output format').choices(FORMATS).default('text'))
    .option('-c, --config <file>', 'config file (default: .hctl.yaml in the directory or above)')
    .addOption(new Option('-p, --profile <name>', 'rule profile').choices(Object.keys(PROFILES)))
    .option('-k, --kubernetes-version <version>', 'Kubernetes version the repo deploys to, for deprecated and removed APIs (default: 1.35)')
    .option('-s, --schema-dir <dir>', 'more schemas: CRD manifests or <group>/<kind>_<version>.json files (repeatable)', collect, [])
    .option('--base <ref>', 'compare with a git revision (origin/main, a tag, a commit): report changes to fields Kubernetes will not update in place, and removals Flux or Argo CD will prune with their data')
    .option('--repo-url <url>', 'a URL Argo CD Applications use for this repository, when its Git remotes do not say (repeatable)', collect, [])
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .option('--no-cache', 'do not keep compiled schema validators, parsed files, validation results or the compiled code of hctl itself between runs (~/.cache/hctl)')
    .addOption(new Option('--min-severity <severity>', 'list findings from this severity up (text, markdown)').choices([...SEVERITIES]).default('info'))
    .option('--list-rules', 'list every rule with its id, severity and title, then exit')
    .action(async (dir: string, flags: CheckFlags) => {
      if (flags.listRules) {
        emit(listRules(flags.format), flags.output);
        setExitCode(0);
        return;
      }
      useValidatorCache(flags.cache);
      useCheckCache(flags.cache);
      try {
        const report = await runCheck(dir, flags);
        if (flags.format === 'json') emit(`${JSON.stringify(report, null, 2)}\n`, flags.output);
        else if (flags.format === 'sarif') emit(renderSarif(report, RULES, pathInRepository(dir)), flags.output);
        else if (flags.format === 'junit') emit(renderJunit(report, pathInRepository(dir)), flags.output);
        else if (flags.format === 'markdown') emit(renderMarkdown(report, { minSeverity: flags.minSeverity }), flags.output);
        else emit(renderText(report, { color: !flags.output && useColor(process.stdout), minSeverity: flags.minSeverity }), flags.output);
        setExitCode(EXIT_CODES[report.status]);
      } catch (error) {
        if (!(error instanceof UsageError)) throw error;
        emitCouldNotRun('check', error.message, flags);
        setExitCode(EXIT_CODES.error);
      }
    });
}

/** What `hctl check DIR` judges with these flags: the config found from DIR (or named), then the check. */
export async function runCheck(dir: string, flags: Pick<CheckFlags, 'config' | 'profile' | 'kubernetesVersion' | 'schemaDir' | 'repoUrl' | 'base'>): Promise<Report> {
  const config = loadConfig({
    startDir: dir,
    schemaDirs: flags.schemaDir,
    repoUrls: flags.repoUrl,
    ...(flags.config ? { file: flags.config } : {}),
    ...(flags.profile ? { profile: flags.profile } : {}),
    ...(flags.kubernetesVersion ? { kubernetesVersion: flags.kubernetesVersion } : {}),
  });
  return checkRepo({ target: dir, config, version: VERSION, ...(flags.base ? { base: flags.base } : {}) });
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** Where the checked directory sits inside its Git working tree ('' when it is the root or not in one). */
function pathInRepository(target: string): string {
  const dir = statSync(target).isDirectory() ? target : path.dirname(target);
  const root = findGitRoot(dir);
  return root ? path.relative(root, path.resolve(dir)).split(path.sep).join('/') : '';
}

/** `hctl check --list-rules`: JSON, or one row per rule. */
export function listRules(format: CheckFlags['format']): string {
  if (format === 'json') {
    return `${JSON.stringify(RULES.map((rule) => ({ ...rule.meta, docs: `docs/rules/${rule.meta.id}.md` })), null, 2)}\n`;
  }
  const width = Math.max(...RULES.map((rule) => rule.meta.id.length));
  const rows = RULES.map((rule) => `${rule.meta.id.padEnd(width)}  ${rule.meta.severity.padEnd(8)}  ${rule.meta.domain.padEnd(9)}  ${rule.meta.title}`);
  return `${['RULE'.padEnd(width) + '  SEVERITY  DOMAIN     TITLE', ...rows].join('\n')}\n`;
}
