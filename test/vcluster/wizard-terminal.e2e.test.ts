import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { PROJECT_ROOT } from '../cli/run-cli.js';
import { tempDir } from '../temp-dir.js';

/**
 * Drives a program on a pseudo-terminal (Python's pty module, present wherever node-gyp works):
 * waits for each prompt's text, then types the answer, as a person would.
 */
const DRIVER = String.raw`
import json, os, pty, re, select, sys, time
steps = json.loads(sys.argv[1])
pid, fd = pty.fork()
if pid == 0:
    os.chdir(sys.argv[2])
    os.execvp(sys.argv[3], sys.argv[3:])
seen = b''
def wait_for(text, timeout=20):
    global seen
    end = time.time() + timeout
    while time.time() < end:
        plain = re.sub(rb'\x1b\[[0-9;?]*[A-Za-z]', b'', seen).decode('utf8', 'replace')
        if text in plain:
            seen = b''
            return
        ready, _, _ = select.select([fd], [], [], 0.1)
        if ready:
            try:
                seen += os.read(fd, 4096)
            except OSError:
                break
    sys.exit('never saw: ' + text)
for prompt, keys in steps:
    wait_for(prompt)
    os.write(fd, keys.encode())
rest = b''
while True:
    try:
        chunk = os.read(fd, 4096)
    except OSError:
        break
    if not chunk:
        break
    rest += chunk
_, status = os.waitpid(pid, 0)
sys.stdout.write(re.sub(rb'\x1b\[[0-9;?]*[A-Za-z]', b'', rest).decode('utf8', 'replace'))
sys.exit(os.WEXITSTATUS(status))
`;

const hasPython = spawnSync('python3', ['-c', 'import pty'], { encoding: 'utf8' }).status === 0;

describe.runIf(hasPython)('the vcluster create wizard on a terminal', () => {
  it('asks its questions in order and writes what was answered', () => {
    const repo = tempDir('wizard-tty');
    execFileSync('git', ['init', '-q', '-b', 'main'], { cwd: repo });
    const driver = path.join(tempDir('driver'), 'drive.py');
    writeFileSync(driver, DRIVER);
    const down = '\u001b[B';
    const steps = [
      ['vCluster name', 'team-x\r'],
      ['Preset', `${down}\r`],
      ['API hostname', '\r'],
      ['Allow NFS egress', 'y\r'],
      ['Customize advanced settings?', 'n\r'],
      ['Use a custom workload repository?', 'n\r'],
    ];
    const result = spawnSync('python3', [driver, JSON.stringify(steps), repo, process.execPath, path.join(PROJECT_ROOT, 'bin', 'hctl'), 'vcluster', 'create', '--git-mode', 'generate'], {
      encoding: 'utf8',
      timeout: 60_000,
      env: { ...process.env, XDG_CONFIG_HOME: tempDir('xdg') },
    });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('wrote platform/vclusters/team-x.yaml (prod, 3 replicas');
    const request = parse(readFileSync(path.join(repo, 'platform', 'vclusters', 'team-x.yaml'), 'utf8'));
    expect(request.spec.vcluster).toMatchObject({ preset: 'prod', replicas: 3 });
    expect(request.spec.exposure.hostname).toBe('team-x.cluster.integratn.tech');
    expect(request.spec.networkPolicies.enableNFS).toBe(true);
  });
});
