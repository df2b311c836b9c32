import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { ResolvedConfig } from '../config/config.js';
import { RefusedError } from '../config/errors.js';
import { GIT_MODES } from '../config/platform.js';
import { writeAtomically } from '../fs/write-atomically.js';
import { buildRequest, requestYaml } from './build-request.js';
import { planGit, pushRecovery, recordChange, type GitAction, type GitOutcome } from './git-flow.js';
import type { Prompter } from './prompter.js';
import { checkCreateInput, type CreateFlags, type VClusterInput } from './request-input.js';
import { requestFile } from './repo-dir.js';
import { validateRequest } from './validate-request.js';
import { runWizard } from './wizard.js';

export interface CreateOptions {
  name?: string;
  flags: CreateFlags;
  repoDir: string;
  config: ResolvedConfig;
  force: boolean;
  /** Stop after validating: the caller shows `yaml`, nothing is written. */
  dryRun: boolean;
  /** `--git-mode`, or `auto` for `--auto-commit`. */
  gitMode?: string;
  /** A prompter when hctl may ask (a terminal, not --non-interactive, `interactive` not false). */
  prompter?: Prompter;
  out: (text: string) => void;
}

export interface CreateResult {
  name: string;
  input: VClusterInput;
  file: string;
  yaml: string;
  git?: GitOutcome;
  /** Set when the push failed: how to publish the kept commit. */
  recovery?: string;
}

/**
 * `hctl vcluster create`: checks every value, builds the request, validates it against its CRD,
 * checks the Git step can happen, and only then writes the one file and records it in Git.
 */
export async function createVCluster(options: CreateOptions): Promise<CreateResult> {
  const { config, prompter } = options;
  if (!options.name && !prompter) throw new RefusedError('a vCluster name is required (hctl vcluster create NAME); the wizard runs only on a terminal');
  const answered = prompter && !options.name ? await runWizard(prompter, config.platform, { flags: options.flags }) : { name: options.name!, flags: options.flags };
  const { name, flags } = answered;

  const { input, problems } = checkCreateInput(name, flags, config.platform);
  if (!input) throw new RefusedError(`nothing was written; fix these and run again:\n${problems.map((problem) => `  ${problem.flag} ${JSON.stringify(problem.value)}: ${problem.message}`).join('\n')}`);
  const file = requestFile(options.repoDir, config, name);
  const command = `hctl vcluster create ${name}`;
  const yaml = requestYaml(buildRequest(input, config.platform), command);
  const validation = validateRequest(options.repoDir, file.relative, yaml, config.platform);
  if (validation.problems.length > 0) {
    throw new RefusedError(
      `nothing was written: the request does not match its schema (${validation.schemaFrom}):\n${validation.problems.map((problem) => `  ${problem.where}: ${problem.message}`).join('\n')}`,
    );
  }
  const result: CreateResult = { name, input, file: file.relative, yaml };
  if (options.dryRun) return result;

  if (existsSync(file.absolute) && !options.force) {
    const replace = prompter ? await prompter.confirm({ message: `${file.relative} exists. Replace it?`, default: false }) : false;
    if (!replace) throw new RefusedError(`${file.relative} already exists; nothing was written (use --force to replace it, or hctl vcluster delete ${name} first)`);
  }
  const action = await gitAction(options, file.relative, yaml);
  const plan = await planGit(options.repoDir, action, config.protectedBranches);

  await mkdir(path.dirname(file.absolute), { recursive: true });
  writeAtomically(file.absolute, yaml);
  options.out(`wrote ${file.relative} (${input.preset.name}, ${replicaText(input.replicas)}; checked against ${validation.schemaFrom})\n`);

  result.git = await recordChange(plan, [file.absolute], commitMessage('create', input));
  if (result.git.pushFailed) result.recovery = pushRecovery(plan, result.git);
  return result;
}

/** `hctl: create vcluster NAME (preset, N replicas)`, the seed's commit convention. */
export function commitMessage(action: 'create' | 'delete', input: Pick<VClusterInput, 'name' | 'preset' | 'replicas'> | { name: string }): string {
  const details = 'preset' in input ? ` (${input.preset.name}, ${input.replicas} replicas)` : '';
  return `hctl: ${action} vcluster ${input.name}${details}`;
}

function replicaText(count: number): string {
  return `${count} replica${count === 1 ? '' : 's'}`;
}

/** The mode from the flags, else the config; `prompt` shows the file and asks on a terminal, and only writes elsewhere. */
export async function gitAction(options: Pick<CreateOptions, 'gitMode' | 'config' | 'prompter' | 'out'>, file: string, preview: string): Promise<GitAction> {
  const mode = options.gitMode ?? options.config.gitMode;
  if (!(GIT_MODES as readonly string[]).includes(mode)) throw new RefusedError(`--git-mode must be one of: ${GIT_MODES.join(', ')} (not "${mode}")`);
  if (mode !== 'prompt') return mode as GitAction;
  if (!options.prompter) return 'generate';
  options.out(`${preview}\n`);
  return options.prompter.choose<GitAction>({
    message: `What should hctl do with ${file}?`,
    choices: [
      { value: 'auto', label: 'commit and push' },
      { value: 'commit', label: 'commit only' },
      { value: 'stage', label: 'stage only' },
      { value: 'generate', label: 'write the file only' },
    ],
    default: 'auto',
  });
}

/** One line per Git step taken, and what to run next. */
export function describeGit(outcome: GitOutcome | undefined, name: string): string {
  if (!outcome) return '';
  const lines: string[] = [];
  if (outcome.action === 'generate') lines.push(`not staged (git mode generate); review it, then commit and push it yourself`);
  if (outcome.action === 'stage') lines.push(`staged ${outcome.staged.join(', ')}; nothing else was added to the index`);
  if (outcome.commit) lines.push(`committed ${outcome.commit} with only ${outcome.staged.join(', ')}; anything else you had staged is still staged`);
  if (outcome.action === 'commit') lines.push('not pushed (git mode commit): git push when ready');
  if (outcome.pushed) lines.push(`pushed to ${outcome.pushed}; follow it with: hctl vcluster status ${name} --wait`);
  return lines.map((line) => `${line}\n`).join('');
}
