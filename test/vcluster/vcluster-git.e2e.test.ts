import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runCli } from '../cli/run-cli.js';
import { tempDir } from '../temp-dir.js';

const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8' }).trimEnd();

/**
 * A user's GitOps clone of a bare remote, with work in progress: a staged file, and a modified
 * file that is not staged. hctl must leave both exactly as they are.
 */
function userRepo() {
  const root = tempDir('git');
  const remote = path.join(root, 'remote.git');
  const repo = path.join(root, 'repo');
  git(root, 'init', '-q', '--bare', '-b', 'main', remote);
  mkdirSync(repo);
  git(repo, 'init', '-q', '-b', 'main');
  git(repo, 'config', 'user.email', 'dev@example.com');
  git(repo, 'config', 'user.name', 'Dev');
  writeFileSync(path.join(repo, 'README.md'), '# platform\n');
  git(repo, 'add', 'README.md');
  git(repo, 'commit', '-q', '-m', 'init');
  git(repo, 'remote', 'add', 'origin', remote);
  git(repo, 'push', '-q', '-u', 'origin', 'main');
  writeFileSync(path.join(repo, 'wip.yaml'), 'kind: ConfigMap\n');
  git(repo, 'add', 'wip.yaml');
  writeFileSync(path.join(repo, 'README.md'), '# platform\nedited, not staged\n');
  const configHome = path.join(root, 'config');
  const hctl = (...args: string[]) => runCli(['vcluster', ...args], { cwd: repo, env: { XDG_CONFIG_HOME: configHome } });
  const status = () => git(repo, 'status', '--porcelain');
  return { root, remote, repo, configHome, hctl, status };
}

const REQUEST = 'platform/vclusters/dev-team-1.yaml';

describe('hctl vcluster create and Git', () => {
  it('--auto-commit pushes a commit with only the request; the user\'s staged work stays staged', () => {
    const { repo, remote, hctl, status } = userRepo();
    const result = hctl('create', 'dev-team-1', '--preset', 'dev', '--auto-commit');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('pushed to origin/main');
    expect(git(remote, 'log', '-1', '--format=%s', 'main')).toBe('hctl: create vcluster dev-team-1 (dev, 1 replicas)');
    expect(git(remote, 'show', '--name-status', '--format=', 'main')).toBe(`A\t${REQUEST}`);
    expect(status()).toBe(' M README.md\nA  wip.yaml');
    const request = parse(readFileSync(path.join(repo, REQUEST), 'utf8'));
    expect(request).toMatchObject({ apiVersion: 'platform.integratn.tech/v1alpha1', kind: 'VClusterOrchestratorV2', metadata: { name: 'dev-team-1', namespace: 'platform-requests' } });
  });

  it('invalid input exits 2, lists every problem and writes nothing', () => {
    const { repo, hctl, status } = userRepo();
    const before = status();
    const result = hctl('create', 'Team_1', '--subnet', '10.0.4.0/24', '--vip', '10.0.9.9', '--extra-egress', 'db:10.0.1.50/32:5432:ICMP', '--auto-commit');
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('NAME "Team_1": must be lowercase');
    expect(result.stderr).toContain('--vip "10.0.9.9": 10.0.9.9 is not inside 10.0.4.0/24');
    expect(result.stderr).toContain('protocol "ICMP" must be TCP or UDP');
    expect(existsSync(path.join(repo, 'platform'))).toBe(false);
    expect(status()).toBe(before);
  });

  it('--dry-run prints the request and writes nothing', () => {
    const { repo, hctl, status } = userRepo();
    const before = status();
    const result = hctl('create', 'dev-team-1', '--dry-run', '--auto-commit');
    expect(result.status).toBe(0);
    expect(parse(result.stdout)).toMatchObject({ kind: 'VClusterOrchestratorV2', spec: { name: 'dev-team-1' } });
    expect(existsSync(path.join(repo, 'platform'))).toBe(false);
    expect(status()).toBe(before);
  });

  it('an existing request is not replaced without --force', () => {
    const { repo, hctl } = userRepo();
    expect(hctl('create', 'dev-team-1', '--git-mode', 'generate').status).toBe(0);
    const first = readFileSync(path.join(repo, REQUEST), 'utf8');
    const again = hctl('create', 'dev-team-1', '--preset', 'prod', '--git-mode', 'generate');
    expect(again.status).toBe(2);
    expect(again.stderr).toContain('already exists; nothing was written (use --force');
    expect(readFileSync(path.join(repo, REQUEST), 'utf8')).toBe(first);
    expect(hctl('create', 'dev-team-1', '--preset', 'prod', '--git-mode', 'generate', '--force').status).toBe(0);
    expect(parse(readFileSync(path.join(repo, REQUEST), 'utf8')).spec.vcluster.preset).toBe('prod');
  });

  it('a protected branch is refused before anything is written', () => {
    const { repo, configHome, hctl, status } = userRepo();
    mkdirSync(path.join(configHome, 'hctl'), { recursive: true });
    writeFileSync(path.join(configHome, 'hctl', 'config.yaml'), 'git:\n  protectedBranches: [main]\n');
    const before = status();
    const result = hctl('create', 'dev-team-1', '--auto-commit');
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('hctl does not push to main');
    expect(existsSync(path.join(repo, REQUEST))).toBe(false);
    expect(status()).toBe(before);
  });

  it('a rejected push keeps the commit, says how to publish it, and exits 3', () => {
    const { root, remote, repo, hctl } = userRepo();
    const other = path.join(root, 'teammate');
    git(root, 'clone', '-q', remote, other);
    writeFileSync(path.join(other, 'CHANGELOG.md'), 'teammate\n');
    git(other, 'add', 'CHANGELOG.md');
    git(other, '-c', 'user.email=t@example.com', '-c', 'user.name=T', 'commit', '-q', '-m', 'teammate');
    git(other, 'push', '-q', 'origin', 'main');
    const result = hctl('create', 'dev-team-1', '--auto-commit');
    expect(result.status).toBe(3);
    expect(result.stderr).toContain('the push was rejected');
    expect(result.stderr).toContain('git pull --rebase origin main && git push origin HEAD:main');
    expect(git(repo, 'log', '-1', '--format=%s')).toBe('hctl: create vcluster dev-team-1 (dev, 1 replicas)');
    expect(git(remote, 'log', '-1', '--format=%s', 'main')).toBe('teammate');
  });

  it('stage stages only the request; commit commits without pushing', () => {
    const { repo, remote, hctl, status } = userRepo();
    expect(hctl('create', 'dev-team-1', '--git-mode', 'stage').status).toBe(0);
    expect(status()).toBe(` M README.md\nA  ${REQUEST}\nA  wip.yaml`);
    expect(hctl('create', 'team-b', '--git-mode', 'commit').status).toBe(0);
    expect(git(repo, 'show', '--name-only', '--format=', 'HEAD')).toBe('platform/vclusters/team-b.yaml');
    expect(git(remote, 'log', '-1', '--format=%s', 'main')).toBe('init');
    // The earlier staged request is still staged, not swept into team-b's commit.
    expect(status()).toBe(` M README.md\nA  ${REQUEST}\nA  wip.yaml`);
  });

  it('a detached HEAD is refused for commit modes', () => {
    const { repo, hctl } = userRepo();
    git(repo, 'checkout', '-q', '--detach');
    const result = hctl('create', 'dev-team-1', '--git-mode', 'commit');
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('HEAD is detached');
  });

  it('delete removes the request through the same Git flow', () => {
    const { remote, hctl, status } = userRepo();
    expect(hctl('create', 'dev-team-1', '--auto-commit').status).toBe(0);
    const result = hctl('delete', 'dev-team-1', '--auto-commit', '--yes', '--offline');
    expect(result.status).toBe(0);
    expect(git(remote, 'log', '-1', '--format=%s', 'main')).toBe('hctl: delete vcluster dev-team-1');
    expect(git(remote, 'show', '--name-status', '--format=', 'main')).toBe(`D\t${REQUEST}`);
    expect(status()).toBe(' M README.md\nA  wip.yaml');
  });

  it('repoPath and gitMode come from the user\'s config when no flag is given', () => {
    const { repo, remote, configHome } = userRepo();
    mkdirSync(path.join(configHome, 'hctl'), { recursive: true });
    writeFileSync(path.join(configHome, 'hctl', 'config.yaml'), `repoPath: ${repo}\ngitMode: auto\nplatform:\n  domain: lab.example.net\n`);
    const elsewhere = tempDir('cwd');
    const result = runCli(['vcluster', 'create', 'team-c'], { cwd: elsewhere, env: { XDG_CONFIG_HOME: configHome } });
    expect(result.status).toBe(0);
    expect(git(remote, 'show', '--name-only', '--format=', 'main')).toBe('platform/vclusters/team-c.yaml');
    expect(parse(readFileSync(path.join(repo, 'platform/vclusters/team-c.yaml'), 'utf8')).spec.exposure.hostname).toBe('team-c.lab.example.net');
  });
});

describe('hctl vcluster create --format json', () => {
  it('prints one JSON result for scripts, with the messages on stderr', () => {
    const { hctl } = userRepo();
    const result = hctl('create', 'dev-team-1', '--auto-commit', '--format', 'json');
    expect(result.status).toBe(0);
    const summary = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(summary).toMatchObject({ name: 'dev-team-1', file: REQUEST, preset: 'dev', replicas: 1, dryRun: false, git: { action: 'auto', staged: [REQUEST], pushed: 'origin/main' } });
    expect(result.stderr).toContain('wrote platform/vclusters/dev-team-1.yaml');
    const dry = hctl('create', 'team-b', '--dry-run', '--format', 'json');
    expect(JSON.parse(dry.stdout)).toMatchObject({ dryRun: true, git: null, request: { kind: 'VClusterOrchestratorV2', metadata: { name: 'team-b' } } });
  });
});
