import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { defaultConfig } from '../../src/config/config.js';
import { DEFAULT_PLATFORM } from '../../src/config/platform.js';
import { createVCluster } from '../../src/vcluster/create.js';
import type { Prompter } from '../../src/vcluster/prompter.js';
import { runWizard } from '../../src/vcluster/wizard.js';
import { tempDir } from '../temp-dir.js';

/**
 * Answers the wizard's prompts from a script, as a person at a terminal would: an empty answer
 * takes the default, and an answer the prompt's check rejects is refused and the next one tried
 * (Inquirer asks again). Every prompt and every rejection is recorded.
 */
class ScriptedPrompter implements Prompter {
  readonly asked: string[] = [];
  readonly rejected: string[] = [];
  constructor(private readonly answers: (string | boolean)[]) {}

  private next(message: string): string | boolean {
    this.asked.push(message);
    if (this.answers.length === 0) throw new Error(`no scripted answer for "${message}"`);
    return this.answers.shift()!;
  }

  async text(question: Parameters<Prompter['text']>[0]): Promise<string> {
    for (;;) {
      const answer = String(this.next(question.message));
      const value = answer === '' ? (question.default ?? '') : answer;
      const problem = question.validate?.(value);
      if (!problem) return value;
      this.rejected.push(`${question.message}: ${value}: ${problem}`);
    }
  }

  async choose<T extends string>(question: { message: string; choices: { value: T }[]; default?: T }): Promise<T> {
    const answer = String(this.next(question.message));
    if (answer === '') return question.default!;
    const choice = question.choices.find((candidate) => candidate.value === answer);
    if (!choice) throw new Error(`"${answer}" is not a choice of "${question.message}"`);
    return choice.value;
  }

  async confirm(question: { message: string; default: boolean }): Promise<boolean> {
    const answer = this.next(question.message);
    return answer === '' ? question.default : answer === true || answer === 'y';
  }
}

describe('the vcluster create wizard', () => {
  it('asks in seed 002\'s order and takes the defaults of an empty answer', async () => {
    const prompter = new ScriptedPrompter(['team-a', '', '', false, false, false]);
    const { name, flags } = await runWizard(prompter, DEFAULT_PLATFORM, { flags: {} });
    expect(prompter.asked).toEqual([
      'vCluster name',
      'Preset',
      'API hostname',
      'Allow NFS egress (port 2049) from the vCluster namespace?',
      'Customize advanced settings?',
      'Use a custom workload repository?',
    ]);
    expect(name).toBe('team-a');
    expect(flags).toEqual({ preset: 'dev', hostname: 'team-a.cluster.integratn.tech', enableNfs: false });
  });

  it('re-asks a rejected answer, and the advanced gate opens the advanced settings', async () => {
    const prompter = new ScriptedPrompter([
      'Team A', // rejected: not a DNS label
      'team-a',
      'prod',
      'api.team-a.example.com',
      true,
      true, // advanced settings
      '1.33',
      'strict',
      'staging',
      true, // persistence
      '20Gi',
      '10.0.4.0/24',
      '10.0.5.9', // rejected: outside the subnet
      '10.0.4.215',
      '0', // rejected: at least one
      '3',
      true, // workload repo
      'https://github.com/myorg/team-a-workloads',
      'clusters/dev',
      '',
      'main',
    ]);
    const { name, flags } = await runWizard(prompter, DEFAULT_PLATFORM, { flags: {} });
    expect(name).toBe('team-a');
    expect(prompter.rejected).toEqual([
      'vCluster name: Team A: must be lowercase letters, digits and "-", starting and ending with a letter or digit (RFC 1123 label)',
      'Static VIP (empty to allocate): 10.0.5.9: 10.0.5.9 is not inside 10.0.4.0/24',
      'CoreDNS replicas: 0: must be from 1 to 9',
    ]);
    expect(flags).toEqual({
      preset: 'prod',
      hostname: 'api.team-a.example.com',
      enableNfs: true,
      k8sVersion: '1.33',
      isolation: 'strict',
      environment: 'staging',
      persistence: true,
      persistenceSize: '20Gi',
      subnet: '10.0.4.0/24',
      vip: '10.0.4.215',
      corednsReplicas: '3',
      workloadRepoUrl: 'https://github.com/myorg/team-a-workloads',
      workloadRepoBasePath: 'clusters/dev',
      workloadRepoPath: 'workloads',
      workloadRepoRevision: 'main',
    });
  });

  it('does not ask what a flag already answered', async () => {
    const prompter = new ScriptedPrompter(['team-a', '', false, false]);
    await runWizard(prompter, DEFAULT_PLATFORM, { flags: { preset: 'prod', enableNfs: true } });
    expect(prompter.asked).toEqual(['vCluster name', 'API hostname', 'Customize advanced settings?', 'Use a custom workload repository?']);
  });

  it('drives create end to end: the answers become the written request, and gitMode prompt asks what to do', async () => {
    const repo = tempDir('wizard');
    const prompter = new ScriptedPrompter(['team-a', 'prod', '', true, false, false, 'generate']);
    const output: string[] = [];
    const result = await createVCluster({ flags: {}, repoDir: repo, config: defaultConfig(), force: false, dryRun: false, prompter, out: (text) => output.push(text) });
    expect(prompter.asked.at(-1)).toBe('What should hctl do with platform/vclusters/team-a.yaml?');
    // The preview is shown before the question.
    expect(output.join('')).toContain('kind: VClusterOrchestratorV2');
    const written = parse(readFileSync(path.join(repo, result.file), 'utf8'));
    expect(written.spec.vcluster).toMatchObject({ preset: 'prod', replicas: 3, persistence: { enabled: true, size: '10Gi' } });
    expect(written.spec.networkPolicies).toEqual({ enableNFS: true });
    expect(result.git).toEqual({ action: 'generate', staged: [] });
  });

  it('without a name and without a terminal it refuses instead of hanging', async () => {
    const repo = tempDir('wizard');
    await expect(createVCluster({ flags: {}, repoDir: repo, config: defaultConfig(), force: false, dryRun: false, out: () => {} })).rejects.toThrow('a vCluster name is required');
    expect(existsSync(path.join(repo, 'platform'))).toBe(false);
  });
});
